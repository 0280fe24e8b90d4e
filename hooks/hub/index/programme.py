"""The hub's growth in figures, for the programme page: what was published when, where, on what, how sure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from hub.content.records import Adoption, CaseStudy
from hub.content.taxonomy import Taxonomy
from hub.index.groups import Indexes


@dataclass(frozen=True)
class Series:
    """One chart's data: labelled rows, each with one value per column."""

    title: str
    columns: tuple[str, ...]  # what each value counts, e.g. ("Case studies", "Adoption notes")
    rows: tuple[tuple[str, tuple[int, ...]], ...]
    unit: str = "case studies"


def quarter(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarters_between(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    """Every quarter from ``first`` to ``last``, so a quiet quarter shows as zero."""
    found, (year, q) = [], first
    while (year, q) <= last:
        found.append((year, q))
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    return found


def published_per_quarter(case_studies: Sequence[CaseStudy], adoptions: Sequence[Adoption]) -> Series:
    studies = Counter(quarter(c.published) for c in case_studies if c.published)
    notes = Counter(quarter(n.published) for n in adoptions if n.published)
    seen = sorted({*studies, *notes})
    rows = tuple(
        (f"{year} Q{q}", (studies[(year, q)], notes[(year, q)]))
        for year, q in (quarters_between(seen[0], seen[-1]) if seen else [])
    )
    return Series(
        "Case studies and adoption notes published, by quarter", ("Case studies", "Adoption notes"), rows, "published"
    )


def by_ics(indexes: Indexes, taxonomy: Taxonomy) -> Series:
    rows = [(i.name, (len(indexes.ics[i.id]),)) for i in taxonomy.ics]
    rows += [(a.name, (len(indexes.areas[a.id]),)) for a in taxonomy.areas if a.ics is None]
    return Series("Case studies by integrated care system", ("Case studies",), tuple(rows))


def by_theme(indexes: Indexes, taxonomy: Taxonomy) -> Series:
    return Series(
        "Case studies by theme",
        ("Case studies",),
        tuple((t.name, (len(indexes.themes[t.id]),)) for t in taxonomy.themes),
    )


def by_evidence(case_studies: Sequence[CaseStudy], taxonomy: Taxonomy) -> Series:
    counts = Counter(c.evidence for c in case_studies)
    return Series(
        "Case studies by the strength of their evidence",
        ("Case studies",),
        tuple((e.name, (counts[e.id],)) for e in taxonomy.evidence),
    )


def with_outcomes(case_studies: Sequence[CaseStudy]) -> Series:
    measured = sum(1 for c in case_studies if c.outcomes)
    return Series(
        "Case studies with measured outcomes",
        ("Case studies",),
        (("With measured outcomes", (measured,)), ("Without", (len(case_studies) - measured,))),
    )


def empty_areas(indexes: Indexes, taxonomy: Taxonomy) -> list[str]:
    """Areas with neither a case study nor an adoption note yet."""
    return [a.name for a in taxonomy.areas if not indexes.areas[a.id] and not indexes.adoptions_by_area.get(a.id)]
