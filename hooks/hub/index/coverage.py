"""Coverage: how many case studies each theme has in each place (ICS and area)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from hub.content.records import CaseStudy


def count_pairs(case_studies: Sequence[CaseStudy]) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """(theme, ics) and (theme, area) counts; a case study counts once per pair."""
    by_ics: Counter[tuple[str, str]] = Counter()
    by_area: Counter[tuple[str, str]] = Counter()
    for record in case_studies:
        for theme in record.themes:
            for ics in record.ics:
                by_ics[(theme, ics)] += 1
            for area in record.areas:
                by_area[(theme, area)] += 1
    return by_ics, by_area
