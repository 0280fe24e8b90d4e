"""Related case studies: shared themes and areas first, then recency.

Computed once per build from the theme and area indexes, never by comparing
every pair of case studies: each case study looks only at the newest
``PER_TERM`` case studies of each of its themes and areas, so the work grows
with N times the number of terms, not with N squared.
"""

from __future__ import annotations

import heapq
from collections import Counter
from typing import Sequence

from hub.index.groups import Indexes
from hub.content.records import CaseStudy

LIMIT = 5
PER_TERM = 50


def find_related(
    case_studies: Sequence[CaseStudy], indexes: Indexes, limit: int = LIMIT, per_term: int = PER_TERM
) -> dict[str, tuple[CaseStudy, ...]]:
    """Up to ``limit`` related case studies for each one, by stem."""
    by_stem = {c.stem: c for c in case_studies}
    # Each record's place in the collection's order, worked out once: sort_key builds a tuple on every call.
    order = {c.stem: c.sort_key for c in case_studies}
    related: dict[str, tuple[CaseStudy, ...]] = {}
    for record in case_studies:
        shared: Counter[str] = Counter()
        groups = [indexes.themes[t] for t in record.themes] + [indexes.areas[a] for a in record.areas]
        for group in groups:
            for other in group[:per_term]:
                if other.stem != record.stem:
                    shared[other.stem] += 1
        ranked = heapq.nsmallest(limit, shared, key=lambda stem: (-shared[stem], order[stem]))
        related[record.stem] = tuple(by_stem[stem] for stem in ranked)
    return related
