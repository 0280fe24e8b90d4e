"""Did-you-mean suggestions and lists of allowed values for messages."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

# Below this similarity a suggestion confuses more than it helps.
CUTOFF = 0.6


def did_you_mean(value: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to ``value`` (ignoring case), if any is close enough.

    A candidate that contains ``value`` as a whole word ('evaluated' in
    'Independently evaluated') wins when it is the only one; otherwise the
    closest spelling by similarity, if it is similar enough.
    """
    by_key: dict[str, str] = {}
    for candidate in candidates:
        by_key.setdefault(candidate.casefold(), candidate)
    wanted = value.strip().casefold()
    if len(wanted) >= 4:
        containing = [k for k in by_key if re.search(rf"(?<![a-z]){re.escape(wanted)}(?![a-z])", k)]
        if len({by_key[k] for k in containing}) == 1:
            return by_key[containing[0]]
    matches = difflib.get_close_matches(wanted, list(by_key), n=1, cutoff=CUTOFF)
    return by_key[matches[0]] if matches else None


def hint(value: str, candidates: Iterable[str], allowed: Iterable[str] | None = None) -> str:
    """A bracketed hint: ``(did you mean 'x'?)``, else ``(allowed: a, b, c)``."""
    candidates = list(candidates)
    suggestion = did_you_mean(value, candidates)
    if suggestion is not None:
        return f"(did you mean '{suggestion}'?)"
    shown = list(allowed) if allowed is not None else candidates
    return f"(allowed: {', '.join(shown)})"
