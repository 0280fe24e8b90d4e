"""Plan every generated page: the case-study lists and the theme, area and ICS pages.

``plan_pages`` returns plain (src_uri, markdown) pairs; the MkDocs adapter
adds them as virtual files, so nothing generated is ever written to disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import yaml

from hub.content.records import CaseStudy, Resource
from hub.content.collection import Collection
from hub.pages.html import esc, link, plural, raw
from hub.index.groups import PER_PAGE, Indexes, paginate
from hub.pages.coverage import render_coverage_page
from hub.outputs.feeds import feed_path
from hub.pages.londonmap import render_london_map
from hub.pages.entries import render_cards, render_empty, render_resource_cards, term_url
from hub.content.taxonomy import Taxonomy, Term

THEME_GROUP_TITLES = {
    "framework": "The framework's three themes",
    "enabler": "Enablers",
    "programme": "Programme areas",
}

# Renders a page's introduction given the page's own URL (links are relative).
Intro = Callable[[str], str]


@dataclass(frozen=True)
class GeneratedPage:
    """A page that exists only in the build."""

    src_uri: str  # e.g. themes/proactive-care.md
    markdown: str

    @property
    def url(self) -> str:
        return url_of(self.src_uri)


def url_of(src_uri: str) -> str:
    """The directory URL MkDocs gives ``src_uri``: ``a/b.md`` -> ``a/b/``, ``a/index.md`` -> ``a/``."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def front_matter(title: str, description: str, feed: tuple[str, str] | None = None) -> str:
    """Front matter of a generated page; kept out of the site search (lists repeat pages).

    ``feed`` is (title, site-relative path) of the page's Atom feed, for ``<link rel="alternate">``.
    """
    data: dict[str, object] = {"title": title, "description": description, "search": {"exclude": True}}
    if feed is not None:
        data["feeds"] = [{"title": feed[0], "href": feed[1]}]
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def page_markdown(front: str, heading: str, html: Sequence[str]) -> str:
    """A generated page: front matter, its title as Markdown, then HTML that bypasses Markdown."""
    return f"{front}# {esc(heading)}" + raw("\n".join(part for part in html if part))


def plan_pages(
    collection: Collection, indexes: Indexes, taxonomy: Taxonomy, per_page: int = PER_PAGE
) -> list[GeneratedPage]:
    """Every generated page for ``collection`` (grouped in ``indexes``)."""
    pages = plan_listing(
        "case-studies/index.md",
        "Case studies",
        "Every case study on the hub, newest first.",
        lambda url: "<p>Every case study on the hub, newest first. Browse them "
        f"{link(url, 'themes/', 'by theme')}, {link(url, 'boroughs/', 'by borough')} "
        f"or {link(url, 'ics/', 'by integrated care system')}.</p>",
        collection.case_studies,
        "on the hub",
        taxonomy,
        per_page,
        feed=("New and updated case studies", "feeds/case-studies.xml"),
    )
    pages.append(GeneratedPage("themes/index.md", render_themes_index(indexes, taxonomy)))
    pages.append(GeneratedPage("boroughs/index.md", render_areas_index(indexes, taxonomy)))
    pages.append(GeneratedPage("ics/index.md", render_ics_index(indexes, taxonomy)))
    pages.append(GeneratedPage("coverage.md", render_coverage_page(collection.case_studies, taxonomy)))
    for theme in taxonomy.themes:
        pages += plan_listing(
            f"themes/{theme.id}.md", theme.name, theme.description, _theme_intro(theme),
            indexes.themes[theme.id], f"on {theme.name.lower()}", taxonomy, per_page,
            after=_resources_section(indexes.resources_by_theme[theme.id], taxonomy),
            feed=(f"Case studies on {theme.name}", feed_path("themes", theme.id)),
        )
    for area in taxonomy.areas:
        pages += plan_listing(
            f"boroughs/{area.id}.md", area.name, area.description, _area_intro(area, taxonomy),
            indexes.areas[area.id], f"from {area.name}", taxonomy, per_page,
            feed=(f"Case studies from {area.name}", feed_path("areas", area.id)),
        )
    for ics in taxonomy.ics:
        pages += plan_listing(
            f"ics/{ics.id}.md", ics.name, f"{ics.name} integrated care system: {ics.description}",
            _ics_intro(ics, indexes, taxonomy), indexes.ics[ics.id], f"from {ics.name}", taxonomy, per_page,
            feed=(f"Case studies from {ics.name}", feed_path("ics", ics.id)),
        )
    return pages


def plan_listing(
    src_uri: str,
    title: str,
    description: str,
    intro: Intro,
    records: Sequence[CaseStudy],
    where: str,
    taxonomy: Taxonomy,
    per_page: int = PER_PAGE,
    after: Intro | None = None,
    feed: tuple[str, str] | None = None,
) -> list[GeneratedPage]:
    """A list of case studies over as many pages as it needs, each page bounded in size.

    ``after`` renders what follows the list on its first page.
    """
    chunks = paginate(records, per_page)
    base = src_uri.removesuffix(".md").removesuffix("/index")
    sources = [src_uri] + [f"{base}/page/{n}.md" for n in range(2, len(chunks) + 1)]
    urls = [url_of(s) for s in sources]
    count = plural(len(records), "case study", "case studies")
    pages = []
    for number, (source, url, chunk) in enumerate(zip(sources, urls, chunks), 1):
        heading = title if number == 1 else f"{title}: page {number} of {len(chunks)}"
        html = [intro(url)]
        if feed is not None:
            html.append(render_feed_link(url, *feed))
        html.append(f'<h2 class="hub-count" id="case-studies">{count}</h2>')
        html.append(render_cards(chunk, url, taxonomy) if records else render_empty(url, where))
        if len(chunks) > 1:
            html.append(render_pagination(number, urls, len(records), per_page))
        if after is not None and number == 1:
            html.append(after(url))
        pages.append(GeneratedPage(source, page_markdown(front_matter(heading, description, feed), heading, html)))
    return pages


def render_feed_link(from_url: str, title: str, path: str) -> str:
    """A visible link to a page's Atom feed, for readers who follow it in a feed reader."""
    return f'<p class="hub-feed">{link(from_url, path, "Follow new case studies here with a feed reader (Atom feed)", title=title)}</p>'


def render_pagination(number: int, urls: Sequence[str], total: int, per_page: int) -> str:
    """Links between the pages of one list, with the current page marked."""
    here = urls[number - 1]
    first, last = (number - 1) * per_page + 1, min(number * per_page, total)
    items = []
    if number > 1:
        items.append(f'<li>{link(here, urls[number - 2], "Previous page", rel="prev")}</li>')
    for n, url in enumerate(urls, 1):
        if n == number:
            items.append(f'<li><span aria-current="page">{n}</span></li>')
        else:
            items.append(f'<li>{link(here, url, str(n), aria_label=f"Page {n}")}</li>')
    if number < len(urls):
        items.append(f'<li>{link(here, urls[number], "Next page", rel="next")}</li>')
    return (
        '<nav class="hub-pagination" aria-label="Pages of this list">'
        f"<p>Showing {first:,} to {last:,} of {total:,}.</p><ul>{''.join(items)}</ul></nav>"
    )


def _resources_section(resources: Sequence[Resource], taxonomy: Taxonomy) -> Intro | None:
    """The leadership resources on a theme, if it has any."""
    if not resources:
        return None

    def section(url: str) -> str:
        count = plural(len(resources), "leadership resource")
        return f'<h2 class="hub-count" id="resources">{count}</h2>\n\n' + render_resource_cards(resources, url, taxonomy)

    return section


def _theme_intro(theme: Term) -> Intro:
    def intro(url: str) -> str:
        group = THEME_GROUP_TITLES[theme.group or "programme"]
        return f"<p>{esc(theme.description)}</p>\n\n<p>{link(url, 'themes/', 'All themes')} · {esc(group)}</p>"

    return intro


def _area_intro(area: Term, taxonomy: Taxonomy) -> Intro:
    def intro(url: str) -> str:
        text = f"<p>{esc(area.description)}</p>"
        if area.ics:
            ics = taxonomy.ics[area.ics]
            text += f"\n\n<p>Integrated care system: {link(url, term_url('ics', ics.id), ics.name)}.</p>"
        return text + f"\n\n<p>{link(url, 'boroughs/', 'All boroughs')}</p>"

    return intro


def _ics_intro(ics: Term, indexes: Indexes, taxonomy: Taxonomy) -> Intro:
    def intro(url: str) -> str:
        items = "".join(
            f"<li>{link(url, term_url('areas', a.id), a.name)} "
            f'<span class="hub-term-count">({plural(len(indexes.areas[a.id]), "case study", "case studies")})</span></li>'
            for a in taxonomy.areas_of_ics(ics.id)
        )
        return (
            f"<p>{esc(ics.description)}</p>\n\n"
            f'<h2 id="areas">Areas</h2>\n\n<ul class="hub-terms">{items}</ul>\n\n'
            f"<p>{link(url, 'ics/', 'All integrated care systems')}</p>"
        )

    return intro


def _term_item(url: str, vocabulary: str, term: Term, count: int) -> str:
    return (
        f'<li><span class="hub-terms__name">{link(url, term_url(vocabulary, term.id), term.name)}</span> '
        f'<span class="hub-term-count">{plural(count, "case study", "case studies")}</span>'
        f'<span class="hub-terms__description">{esc(term.description)}</span></li>'
    )


def render_themes_index(indexes: Indexes, taxonomy: Taxonomy) -> str:
    """``/themes/``: every theme, grouped, with its description and count."""
    url = "themes/"
    parts = [front_matter("Themes", "Case studies by theme: accessible, coordinated and proactive care and their enablers."), "Themes"]
    parts.append(
        "<p>The first three themes are those of London's strategic commissioning framework for primary care "
        "(2015): accessible, coordinated and proactive care. The enablers and programme areas are what "
        "makes them possible.</p>"
    )
    for group, heading in THEME_GROUP_TITLES.items():
        items = "".join(
            _term_item(url, "themes", t, len(indexes.themes[t.id])) for t in taxonomy.themes if t.group == group
        )
        parts += ["", f'<h2 id="{group}">{esc(heading)}</h2>', "", f'<ul class="hub-terms">{items}</ul>']
    return page_markdown(parts[0], parts[1], parts[2:])


def render_areas_index(indexes: Indexes, taxonomy: Taxonomy) -> str:
    """``/boroughs/``: the 33 areas grouped by ICS, then London-wide, with counts."""
    url = "boroughs/"
    parts = [
        front_matter("Boroughs", "Case studies by London borough, the City of London and London-wide work."),
        "Boroughs",
        "<p>Case studies by area: the 32 London boroughs and the City of London, grouped by integrated care "
        "system, and work that covers all of London.</p>",
        "",
        render_london_map(url, indexes, taxonomy),
    ]
    for ics in taxonomy.ics:
        items = "".join(
            _area_item(url, a, len(indexes.areas[a.id])) for a in taxonomy.areas_of_ics(ics.id)
        )
        parts += ["", f'<h2 id="{ics.id}">{link(url, term_url("ics", ics.id), ics.name)}</h2>', "", f'<ul class="hub-terms hub-terms--compact">{items}</ul>']
    pan_london = [a for a in taxonomy.areas if a.ics is None]
    if pan_london:
        items = "".join(_area_item(url, a, len(indexes.areas[a.id])) for a in pan_london)
        parts += ["", '<h2 id="london-wide">Across London</h2>', "", f'<ul class="hub-terms hub-terms--compact">{items}</ul>']
    return page_markdown(parts[0], parts[1], parts[2:])


def _area_item(url: str, area: Term, count: int) -> str:
    return (
        f"<li>{link(url, term_url('areas', area.id), area.name)} "
        f'<span class="hub-term-count">{plural(count, "case study", "case studies")}</span></li>'
    )


def render_ics_index(indexes: Indexes, taxonomy: Taxonomy) -> str:
    """``/ics/``: the five integrated care systems with their areas and counts."""
    url = "ics/"
    parts = [
        front_matter("Integrated care systems", "Case studies by London's five integrated care systems."),
        "Integrated care systems",
        "<p>London has five integrated care systems (ICSs). Their integrated care boards replaced the clinical "
        "commissioning groups on 1 July 2022. Each system's page lists its areas and all their case studies.</p>",
    ]
    for ics in taxonomy.ics:
        areas = ", ".join(link(url, term_url("areas", a.id), a.name) for a in taxonomy.areas_of_ics(ics.id))
        count = plural(len(indexes.ics[ics.id]), "case study", "case studies")
        parts += [
            "",
            f'<h2 id="{ics.id}">{link(url, term_url("ics", ics.id), ics.name)}</h2>',
            "",
            f'<p><span class="hub-term-count">{count}</span>. {esc(ics.description)}</p>',
            "",
            f"<p>Areas: {areas}.</p>",
        ]
    return page_markdown(parts[0], parts[1], parts[2:])
