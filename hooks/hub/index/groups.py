"""Group case studies by theme, area and ICS, computed once per build."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from hub.content.records import Adoption, CaseStudy, Resource
from hub.content.taxonomy import Taxonomy

T = TypeVar("T")

# Entries per list page: keeps every index page's HTML bounded at any scale.
PER_PAGE = 50


@dataclass(frozen=True)
class Indexes:
    """Case studies per term id, each list newest first."""

    themes: dict[str, tuple[CaseStudy, ...]]
    areas: dict[str, tuple[CaseStudy, ...]]
    ics: dict[str, tuple[CaseStudy, ...]]
    settings: dict[str, tuple[CaseStudy, ...]]
    resources_by_theme: dict[str, tuple[Resource, ...]] = field(default_factory=dict)
    resources_by_type: dict[str, tuple[Resource, ...]] = field(default_factory=dict)
    adoptions: dict[str, tuple[Adoption, ...]] = field(default_factory=dict)  # by the stem of the case study adopted
    adoptions_by_area: dict[str, tuple[Adoption, ...]] = field(default_factory=dict)
    adoptions_by_ics: dict[str, tuple[Adoption, ...]] = field(default_factory=dict)

    def of(self, vocabulary: str) -> dict[str, tuple[CaseStudy, ...]]:
        return getattr(self, vocabulary)


def group_case_studies(
    case_studies: Sequence[CaseStudy],
    taxonomy: Taxonomy,
    resources: Sequence[Resource] = (),
    adoptions: Sequence[Adoption] = (),
) -> Indexes:
    """Every term of each vocabulary mapped to its case studies (empty terms included), leadership
    resources by theme and by type (by title), and adoption notes by the case study adopted and by place."""
    ordered = sorted(case_studies, key=lambda c: c.sort_key)
    themes: dict[str, list[CaseStudy]] = {t.id: [] for t in taxonomy.themes}
    areas: dict[str, list[CaseStudy]] = {a.id: [] for a in taxonomy.areas}
    ics: dict[str, list[CaseStudy]] = {i.id: [] for i in taxonomy.ics}
    settings: dict[str, list[CaseStudy]] = {s.id: [] for s in taxonomy.settings}
    for record in ordered:
        for theme in record.themes:
            themes[theme].append(record)
        for area in record.areas:
            areas[area].append(record)
        for setting in record.settings:
            settings[setting].append(record)
        for ics_id in record.ics:
            ics[ics_id].append(record)
    by_theme: dict[str, list[Resource]] = {t.id: [] for t in taxonomy.themes}
    by_type: dict[str, list[Resource]] = {t.id: [] for t in taxonomy.resource_types}
    for resource in sorted(resources, key=lambda r: r.sort_key):
        for theme in resource.themes:
            by_theme[theme].append(resource)
        if resource.type:
            by_type[resource.type].append(resource)
    adopted: dict[str, list[Adoption]] = {c.stem: [] for c in ordered}
    in_area: dict[str, list[Adoption]] = {a.id: [] for a in taxonomy.areas}
    in_ics: dict[str, list[Adoption]] = {i.id: [] for i in taxonomy.ics}
    for note in sorted(adoptions, key=lambda a: a.sort_key):
        if note.case_study in adopted:  # a note naming a missing case study is reported, not listed
            adopted[note.case_study].append(note)
            for area in note.areas:
                in_area[area].append(note)
            for ics_id in note.ics:
                in_ics[ics_id].append(note)
    return Indexes(
        adoptions=_freeze(adopted),
        adoptions_by_area=_freeze(in_area),
        adoptions_by_ics=_freeze(in_ics),
        themes=_freeze(themes),
        areas=_freeze(areas),
        ics=_freeze(ics),
        settings=_freeze(settings),
        resources_by_theme=_freeze(by_theme),
        resources_by_type=_freeze(by_type),
    )


def _freeze(groups: dict[str, list[T]]) -> dict[str, tuple[T, ...]]:
    return {key: tuple(values) for key, values in groups.items()}


def paginate(items: Sequence[T], per_page: int = PER_PAGE) -> list[Sequence[T]]:
    """``items`` in pages of ``per_page``; always at least one (possibly empty) page."""
    if not items:
        return [items]
    return [items[i : i + per_page] for i in range(0, len(items), per_page)]
