"""Reuse between builds in one process: what ``mkdocs serve`` rebuilds can take from the build before.

A ``Memo`` holds values by what they were computed from (a key that says everything
the value depends on). Each build keeps only the values it asked for, so edits do
not pile up stale ones. Nothing here knows what it stores.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class Memo:
    """Values from the last build and this one, by key."""

    def __init__(self) -> None:
        self._last: dict[Hashable, Any] = {}
        self._now: dict[Hashable, Any] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value for ``key``: kept from the last build, or computed now."""
        if key in self._now:
            return self._now[key]
        if key in self._last:
            self.hits += 1
            value = self._last[key]
        else:
            self.misses += 1
            value = compute()
        self._now[key] = value
        return value

    def next_build(self) -> None:
        """Start a build: keep what the last one used, forget the rest."""
        self._last, self._now = self._now, {}
        self.hits = self.misses = 0

    def clear(self) -> None:
        """Forget everything (what the values depend on beyond their keys has changed)."""
        self._last, self._now = {}, {}
