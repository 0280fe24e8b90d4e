"""Search with Pagefind: what each page says about itself, and building the index.

Pages carry Pagefind filters (facets), metadata and sort keys as attributes;
the index is built after the site, by Pagefind's own indexer (``pagefind[bin]``
ships the binary). Nothing is loaded by a page until someone searches.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from hub.pages.html import esc
from hub.content.records import CaseStudy, Resource
from hub.content.news import NewsPost
from hub.pages.entries import ics_of
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
    ("year", "Year"),
)
TYPES = ("Case study", "Leadership resource", "Guidance", "News", "Page")
UNDATED = "0000-01-01"  # sorts after every real date when newest come first


@dataclass(frozen=True)
class SearchData:
    """What Pagefind records about one page."""

    type: str
    filters: tuple[tuple[str, str], ...] = ()
    sort_date: str | None = None  # ISO date; newest first sorts on it
    meta: dict[str, str] = field(default_factory=dict)


def case_study_search(record: CaseStudy, taxonomy: Taxonomy) -> SearchData:
    filters = [("type", "Case study")]
    filters += [("theme", taxonomy.themes[t].name) for t in record.themes]
    filters += [("area", taxonomy.areas[a].name) for a in record.areas]
    filters += [("ics", taxonomy.ics[i].name) for i in ics_of(record, taxonomy)]
    filters += [("setting", taxonomy.settings[s].name) for s in record.settings]
    if record.status:
        filters.append(("status", taxonomy.statuses[record.status].name))
    if record.evidence:
        filters.append(("evidence", taxonomy.evidence[record.evidence].name))
    if record.published:
        filters.append(("year", str(record.published.year)))
    date = record.published.isoformat() if record.published else None
    meta = {"type": "Case study", "summary": record.summary}
    if record.organisation:
        meta["organisation"] = record.organisation
    return SearchData("Case study", tuple(filters), date, meta)


def resource_search(resource: Resource, taxonomy: Taxonomy) -> SearchData:
    filters = [("type", "Leadership resource")] + [("theme", taxonomy.themes[t].name) for t in resource.themes]
    date = resource.last_checked.isoformat() if resource.last_checked else None
    return SearchData("Leadership resource", tuple(filters), date, {"type": "Leadership resource", "summary": resource.summary})


def news_search(post: NewsPost) -> SearchData:
    filters = (("type", "News"), ("year", str(post.created.year)))
    return SearchData("News", filters, post.created.isoformat(), {"type": "News", "summary": post.description})


def wrap_for_index(html: str, data: SearchData, title: str, fallback_date: str | None = None) -> str:
    """A page's content marked for Pagefind: only this is indexed, with its facets and sorts.

    Pagefind indexes nothing outside ``data-pagefind-body`` once any page has it,
    so navigation, headers, footers and generated lists stay out of the index.
    Every page gets a date to sort on (``fallback_date``, else the earliest),
    because Pagefind leaves pages without a sort key out of sorted results.
    """
    tags = [f'<span hidden data-pagefind-meta="{esc(key)}:{esc(value)}"></span>' for key, value in data.meta.items()]
    tags += [f'<span hidden data-pagefind-filter="{esc(key)}:{esc(value)}"></span>' for key, value in data.filters]
    date = data.sort_date or fallback_date or UNDATED
    tags.append(f'<span hidden data-pagefind-sort="date:{esc(date)}"></span>')
    tags.append(f'<span hidden data-pagefind-sort="title:{esc(title.casefold())}"></span>')
    return "<div data-pagefind-body>" + "".join(tags) + html + "</div>"


def page_search(kind: str, themes: tuple[str, ...], taxonomy: Taxonomy) -> SearchData:
    """Guidance and other hand-written pages; guidance may belong to themes."""
    filters = [("type", kind)] + [("theme", taxonomy.themes[t].name) for t in themes]
    return SearchData(kind, tuple(filters), None, {"type": kind})


def build_index(site_dir: Path) -> int:
    """Index the built site into ``site_dir/pagefind``; the number of HTML files read.

    One call for the whole folder: Pagefind's Python wrapper reads the replies
    of its indexer process at most ten a second, so feeding it page by page
    during the build was measured at 111 s for 1,000 case studies, against
    about 2 s for this.
    """

    async def run() -> int:
        config = IndexConfig(force_language="en", output_path=str(site_dir / "pagefind"))
        async with PagefindIndex(config=config) as index:
            result = await index.add_directory(str(site_dir))
            return int(result["page_count"])

    return asyncio.run(run())
