"""Plan every generated page: the case-study lists and the theme, area and ICS pages.

``plan_pages`` returns plain (src_uri, markdown) pairs; the MkDocs adapter
adds them as virtual files, so nothing generated is ever written to disk.
The markup is in ``templates/listings.html``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial

import yaml

from hub import urls
from hub.content.collection import Collection
from hub.content.records import Adoption, CaseStudy, Resource
from hub.content.taxonomy import Taxonomy
from hub.index.facets import FACETS
from hub.index.groups import PER_PAGE, Indexes, paginate
from hub.memo import Memo
from hub.pages.cards import render_cards
from hub.pages.coverage import render_coverage_page
from hub.pages.html import esc, raw
from hub.pages.londonmap import render_london_map
from hub.pages.searchpage import facet_values
from hub.pages.templating import Markup, macro

# libyaml's emitter when PyYAML has it: six times faster than the pure-Python one. Both write YAML
# that MkDocs reads back as the same data (they differ only in how they escape rare characters).
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
NEARBY = 5  # case studies from neighbouring areas shown on an area with none
THEME_GROUP_TITLES = {
    "framework": "The framework's three themes",
    "enabler": "Enablers",
    "programme": "Programme areas",
}


@dataclass(frozen=True)
class GeneratedPage:
    """A page that exists only in the build; its Markdown is made when first asked for, so a build can
    make its pages where and when it renders them (hooks/hub_parallel.py)."""

    src_uri: str  # e.g. themes/proactive-care.md
    render: Callable[[], str] = field(repr=False, compare=False)

    @cached_property
    def markdown(self) -> str:
        return self.render()

    @property
    def url(self) -> str:
        return urls.page_url(self.src_uri)


@dataclass(frozen=True)
class Listing:
    """What one list of case studies needs besides its records."""

    src_uri: str
    title: str
    description: str
    intro: str  # the name of an intro macro in listings.html
    intro_args: tuple[object, ...] = ()
    where: str = "on the hub"  # for the empty list: "There are no case studies <where> yet"
    feed: tuple[str, str] | None = None  # (title, site-relative path)
    resources: tuple[Resource, ...] = ()  # leadership resources listed after the case studies
    adoptions: tuple[Adoption, ...] = ()  # notes of ideas tried here, listed after the case studies
    nearby: tuple[CaseStudy, ...] = ()  # for a place with none: case studies from its neighbours
    nearby_from: tuple[str, str] | None = None  # (name, site-relative address) of where ``nearby`` come from
    search: tuple[tuple[str, str], ...] = ()  # the search filter that shows the same list (sorted otherwise)


def front_matter(title: str, description: str, feed: tuple[str, str] | None = None) -> str:
    """Front matter of a generated page; kept out of the site search (lists repeat pages).

    ``feed`` is (title, site-relative path) of the page's Atom feed, for ``<link rel="alternate">``.
    """
    data: dict[str, object] = {"title": title, "description": description, "search": {"exclude": True}}
    if feed is not None:
        data["feeds"] = [{"title": feed[0], "href": feed[1]}]
    return "---\n" + yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def page_markdown(front: str, heading: str, html: str) -> str:
    """A generated page: front matter, its title as Markdown, then HTML that bypasses Markdown."""
    return f"{front}# {esc(heading)}" + raw(html)


def plan_pages(
    collection: Collection, indexes: Indexes, taxonomy: Taxonomy, per_page: int = PER_PAGE, memo: Memo | None = None
) -> list[GeneratedPage]:
    """Every generated page for ``collection`` (grouped in ``indexes``); with ``memo``, a list page whose
    cards have not changed is not rendered again."""
    everything = Listing(
        "case-studies/index.md",
        "Case studies",
        "Every case study on the hub, most recent work first.",
        "all_intro",
        (list_filters(taxonomy),),
        feed=("New and updated case studies", urls.CASE_STUDY_FEED),
    )
    pages = plan_listing(everything, collection.case_studies, taxonomy, per_page, memo=memo)
    by_stem = collection.by_stem()
    pages.append(GeneratedPage("themes/index.md", partial(render_themes_index, indexes, taxonomy)))
    pages.append(GeneratedPage("boroughs/index.md", partial(render_areas_index, indexes, taxonomy)))
    pages.append(GeneratedPage("ics/index.md", partial(render_ics_index, indexes, taxonomy)))
    pages.append(GeneratedPage("coverage.md", partial(render_coverage_page, collection.case_studies, taxonomy)))
    for theme in taxonomy.themes:
        listing = Listing(
            urls.term_source("themes", theme.id),
            theme.name,
            theme.description,
            "theme_intro",
            (theme, THEME_GROUP_TITLES[theme.group or "programme"]),
            f"on {theme.name.lower()}",
            (f"Case studies on {theme.name}", urls.term_feed("themes", theme.id)),
            indexes.resources_by_theme[theme.id],
            search=(("theme", theme.name),),
        )
        pages += plan_listing(listing, indexes.themes[theme.id], taxonomy, per_page, memo=memo)
    for area in taxonomy.areas:
        listing = Listing(
            urls.term_source("areas", area.id),
            area.name,
            area.description,
            "area_intro",
            (area, taxonomy),
            f"from {area.name}",
            (f"Case studies from {area.name}", urls.term_feed("areas", area.id)),
            adoptions=indexes.adoptions_by_area.get(area.id, ()),
            search=(("area", area.name),),
            **nearby_for(area.id, indexes, taxonomy),
        )
        pages += plan_listing(listing, indexes.areas[area.id], taxonomy, per_page, by_stem, memo)
    for ics in taxonomy.ics:
        listing = Listing(
            urls.term_source("ics", ics.id),
            ics.name,
            f"{ics.name} integrated care system: {ics.description}",
            "ics_intro",
            (ics, indexes, taxonomy),
            f"from {ics.name}",
            (f"Case studies from {ics.name}", urls.term_feed("ics", ics.id)),
            adoptions=indexes.adoptions_by_ics.get(ics.id, ()),
            search=(("ics", ics.name),),
        )
        pages += plan_listing(listing, indexes.ics[ics.id], taxonomy, per_page, by_stem, memo)
    return pages


def plan_listing(
    listing: Listing,
    records: Sequence[CaseStudy],
    taxonomy: Taxonomy,
    per_page: int = PER_PAGE,
    adopted_by_stem: Mapping[str, CaseStudy] | None = None,
    memo: Memo | None = None,
) -> list[GeneratedPage]:
    """A list of case studies over as many pages as it needs, each page bounded in size; adoption notes
    (whose case studies are in ``adopted_by_stem``) and resources follow on the first page. With ``memo``,
    a page is kept by what it shows."""
    chunks = paginate(records, per_page)
    sources = urls.list_page_sources(listing.src_uri, len(chunks))
    page_urls = [urls.page_url(s) for s in sources]
    pages = []
    for number, (source, url, chunk) in enumerate(zip(sources, page_urls, chunks, strict=True), 1):
        render = partial(
            _listing_markdown,
            listing,
            number,
            url,
            chunk,
            len(records),
            tuple(page_urls),
            taxonomy,
            per_page,
            adopted_by_stem,
            memo,
        )
        pages.append(GeneratedPage(source, render))
    return pages


def _listing_markdown(
    listing: Listing,
    number: int,
    url: str,
    chunk: Sequence[CaseStudy],
    total: int,
    page_urls: tuple[str, ...],
    taxonomy: Taxonomy,
    per_page: int,
    adopted_by_stem: Mapping[str, CaseStudy] | None,
    memo: Memo | None,
) -> str:
    """Page ``number`` of a list, at ``url``, showing ``chunk`` of its ``total`` case studies."""
    heading = listing.title if number == 1 else f"{listing.title}: page {number} of {len(page_urls)}"
    after = ""
    if number == 1 and listing.nearby and listing.nearby_from:
        nearby_cards = Markup(render_cards(listing.nearby, url, taxonomy))
        after += macro("listings.html", "nearby")(url, nearby_cards, listing.nearby_from)
    if number == 1 and listing.adoptions:
        after += macro("listings.html", "tried_here")(url, listing.adoptions, adopted_by_stem, taxonomy)
    if number == 1 and listing.resources:
        after += macro("listings.html", "resources_section")(url, listing.resources, taxonomy)
    cards = Markup(render_cards(chunk, url, taxonomy)) if chunk else ""
    opening = macro("listings.html", listing.intro)(url, *listing.intro_args)
    newest = {"type": "Case study", **dict(listing.search), "sort": "newest"}
    markdown = partial(
        _listing_page, listing, heading, url, opening, total, cards, number, page_urls, per_page, after, newest
    )
    # Everything the page shows: its cards, the list's size and pages, what comes before and after them.
    key = (
        "listing",
        listing.src_uri,
        listing.title,
        listing.description,
        listing.feed,
        listing.where,
        *(str(a) for a in markdown.args[1:]),
    )
    return memo.get(key, markdown) if memo is not None else markdown()


def _listing_page(
    listing: Listing,
    heading: str,
    url: str,
    opening: str,
    total: int,
    cards: str,
    number: int,
    page_urls: tuple[str, ...],
    per_page: int,
    after: str,
    newest: dict[str, str],
) -> str:
    """One page of a list: its front matter, heading and HTML."""
    html = macro("listings.html", "listing")(
        url, opening, listing.feed, total, cards, listing.where, number, page_urls, per_page, after, newest
    )
    return page_markdown(front_matter(heading, listing.description, listing.feed), heading, html)


# What the all-case-studies page can be filtered by, in order: the search page's facets of case studies.
LIST_FILTERS = ("theme", "area", "ics", "setting", "status", "evidence")


def list_filters(taxonomy: Taxonomy) -> list[tuple[str, str, list[str]]]:
    """(filter key, label, values) for the all-case-studies page's own filters."""
    labels, values = dict(FACETS), facet_values(taxonomy)
    return [(key, labels[key], values[key]) for key in LIST_FILTERS]


def nearby_for(area_id: str, indexes: Indexes, taxonomy: Taxonomy) -> dict[str, object]:
    """For an area with no case study, the newest of its neighbours in the same ICS (up to ``NEARBY``)."""
    area = taxonomy.areas[area_id]
    if indexes.areas[area_id] or not area.ics:
        return {}
    ics = taxonomy.ics[area.ics]
    found = tuple(c for c in indexes.ics[area.ics] if area_id not in c.areas)[:NEARBY]
    return {"nearby": found, "nearby_from": (ics.name, urls.term("ics", ics.id))} if found else {}


def render_themes_index(indexes: Indexes, taxonomy: Taxonomy) -> str:
    """``/themes/``: every theme, grouped, with its description and count."""
    front = front_matter(
        "Themes", "Case studies by theme: accessible, coordinated and proactive care and their enablers."
    )
    html = macro("listings.html", "themes_index")(indexes, taxonomy, THEME_GROUP_TITLES)
    return page_markdown(front, "Themes", html)


def render_areas_index(indexes: Indexes, taxonomy: Taxonomy) -> str:
    """``/boroughs/``: the 33 areas grouped by ICS, then London-wide, with counts."""
    front = front_matter("Boroughs", "Case studies by London borough, the City of London and London-wide work.")
    london_map = Markup(render_london_map(urls.AREAS, indexes, taxonomy))
    return page_markdown(front, "Boroughs", macro("listings.html", "areas_index")(indexes, taxonomy, london_map))


def render_ics_index(indexes: Indexes, taxonomy: Taxonomy) -> str:
    """``/ics/``: the five integrated care systems with their areas and counts."""
    front = front_matter("Integrated care systems", "Case studies by London's five integrated care systems.")
    return page_markdown(front, "Integrated care systems", macro("listings.html", "ics_index")(indexes, taxonomy))
