"""The one shape every content problem takes: ``path:line: field: message``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, located to a line and a field."""

    path: str
    line: int
    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}: {self.field}: {prefix}{self.message}"


def count_errors(problems: Iterable[Problem]) -> int:
    """How many of ``problems`` are errors (warnings do not fail a build)."""
    return sum(1 for p in problems if p.severity == "error")
