"""Search facets: the filters, metadata and sort keys each kind of page gives the search index.

Pagefind reads them from the page (``outputs.search.wrap_for_index``); the
search page offers them (``pages.searchpage``). Both read them from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hub.content.news import NewsPost
from hub.content.records import CaseStudy, Resource
from hub.content.taxonomy import Taxonomy

# Facets, in the order the search page shows them: (filter key, label).
FACETS = (
    ("type", "Content type"),
    ("theme", "Theme"),
    ("area", "Area"),
    ("ics", "Integrated care system"),
    ("setting", "Setting"),
    ("status", "Status"),
    ("evidence", "Evidence"),
    ("started", "When the work started"),
    ("year", "Year published"),
)
# "When the work started" groups years into periods of this many years: 2015 to 2019, 2020 to 2024...
PERIOD_YEARS = 5
TYPES = ("Case study", "Leadership resource", "Guidance", "News", "Page")
UNDATED = "0000-01-01"  # sorts after every real date when newest come first


@dataclass(frozen=True)
class SearchData:
    """What Pagefind records about one page."""

    type: str
    filters: tuple[tuple[str, str], ...] = ()
    sort_date: str | None = None  # ISO date; newest first sorts on it
    meta: dict[str, str] = field(default_factory=dict)
    sort_started: str | None = None  # YYYY-MM of when the work started; most recent work first sorts on it


def period(year: int) -> str:
    """The period a year falls in, as the search filter names it: 2017 -> "2015 to 2019"."""
    first = year - year % PERIOD_YEARS
    return f"{first} to {first + PERIOD_YEARS - 1}"


def case_study_search(record: CaseStudy, taxonomy: Taxonomy) -> SearchData:
    filters = [("type", "Case study")]
    filters += [("theme", taxonomy.themes[t].name) for t in record.themes]
    filters += [("area", taxonomy.areas[a].name) for a in record.areas]
    filters += [("ics", taxonomy.ics[i].name) for i in record.ics]
    filters += [("setting", taxonomy.settings[s].name) for s in record.settings]
    if record.status:
        filters.append(("status", taxonomy.statuses[record.status].name))
    if record.evidence:
        filters.append(("evidence", taxonomy.evidence[record.evidence].name))
    if record.started:
        filters.append(("started", period(record.started.year)))
    if record.published:
        filters.append(("year", str(record.published.year)))
    date = record.published.isoformat() if record.published else None
    meta = {"type": "Case study", "summary": record.summary}
    if record.started:
        meta["when"] = record.when()
    if record.organisation:
        meta["organisation"] = record.organisation
    if record.status:
        meta["status"] = taxonomy.statuses[record.status].name
    if record.evidence:
        meta["evidence"] = taxonomy.evidence[record.evidence].name
    if record.adopted_by:
        others = len(record.adopted_by)
        meta["tried"] = f"Tried in {others} other place{'s' if others != 1 else ''}"
    started = f"{record.started.year:04d}-{record.started.month:02d}" if record.started else None
    return SearchData("Case study", tuple(filters), date, meta, started)


def resource_search(resource: Resource, taxonomy: Taxonomy) -> SearchData:
    filters = [("type", "Leadership resource")] + [("theme", taxonomy.themes[t].name) for t in resource.themes]
    date = resource.last_checked.isoformat() if resource.last_checked else None
    return SearchData(
        "Leadership resource", tuple(filters), date, {"type": "Leadership resource", "summary": resource.summary}
    )


def news_search(post: NewsPost) -> SearchData:
    filters = (("type", "News"), ("year", str(post.created.year)))
    return SearchData("News", filters, post.created.isoformat(), {"type": "News", "summary": post.description})


def page_search(kind: str, themes: tuple[str, ...], taxonomy: Taxonomy) -> SearchData:
    """Guidance and other hand-written pages; guidance may belong to themes."""
    filters = [("type", kind)] + [("theme", taxonomy.themes[t].name) for t in themes]
    return SearchData(kind, tuple(filters), None, {"type": kind})
