"""Fill the hub's markers in hand-written pages with generated content.

A marker is an HTML comment on a line of its own, e.g.::

    <!-- hub:case-studies theme=proactive-care limit=10 -->
    <!-- hub:latest limit=5 -->
    <!-- hub:resources theme=leadership -->
    <!-- hub:resources by=type -->
    <!-- hub:programme-contact -->
    <!-- hub:fields -->
    <!-- hub:vocabulary of=themes -->
    <!-- hub:submit-form -->
    <!-- hub:news limit=3 -->
    <!-- hub:search-page -->
    <!-- hub:map -->

An unknown marker, option or term is a problem, never silently left as a comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

from hub.contributors.guide import render_field_table_html, render_vocabulary_html
from hub.pages.html import esc, link, plural, raw, relative_url, time_tag
from hub.index.groups import Indexes
from hub.pages.londonmap import render_london_map
from hub.content.records import CaseStudy, Contact
from hub.content.news import NewsPost
from hub.content.problems import Problem
from hub.pages.entries import render_card_item, render_card_list, render_cards, render_contact_block, render_empty, render_resource_cards, term_url
from hub.pages.searchpage import render_search_page
from hub.pages.submitform import render_submit_form
from hub.content.taxonomy import VOCABULARIES, Taxonomy

MARKER = re.compile(r"^[ \t]*<!--[ \t]*hub:(?P<name>[\w-]+)(?P<args>[^>]*?)-->[ \t]*$", re.MULTILINE)
ARG = re.compile(r"(\w+)=([\w-]+)")
FILTERS = {"theme": "themes", "area": "areas", "ics": "ics", "setting": "settings"}


class MarkerError(Exception):
    """What is wrong with one marker."""


@dataclass(frozen=True)
class MarkerContext:
    """Everything a marker may draw on, for one page."""

    page_url: str
    case_studies: Sequence[CaseStudy]
    indexes: Indexes
    taxonomy: Taxonomy
    programme_team: Contact | None = None
    schema: dict[str, Any] = field(default_factory=dict)
    repo_url: str | None = None
    news: Sequence[NewsPost] = ()
    news_urls: Mapping[str, str] = field(default_factory=dict)  # post src_uri -> page URL


def fill_markers(markdown: str, path: str, ctx: MarkerContext, source: str | None = None) -> tuple[str, list[Problem]]:
    """``markdown`` with every marker replaced, and the problems with markers.

    ``source`` is the whole file (front matter included), for line numbers.
    """
    problems: list[Problem] = []
    full = source if source is not None else markdown

    def replace(match: re.Match[str]) -> str:
        at = full.find(match.group(0))
        line = full.count("\n", 0, max(at, 0)) + 1
        name, args = match.group("name"), dict(ARG.findall(match.group("args")))
        handler = HANDLERS.get(name)
        try:
            if handler is None:
                raise MarkerError(f"'hub:{name}' is not a hub marker (allowed: {', '.join(HANDLERS)})")
            return raw(handler(args, ctx))
        except MarkerError as exc:
            problems.append(Problem(path, line, "marker", str(exc)))
            return match.group(0)

    return MARKER.sub(replace, markdown), problems


def _only(args: dict[str, str], allowed: Sequence[str], marker: str) -> None:
    for key in args:
        if key not in allowed:
            raise MarkerError(f"'{key}' is not an option of hub:{marker} (allowed: {', '.join(allowed) or 'none'})")


def _limit(args: dict[str, str]) -> int | None:
    value = args.get("limit")
    if value is None:
        return None
    if not value.isdigit() or int(value) < 1:
        raise MarkerError(f"limit must be a whole number from 1, not '{value}'")
    return int(value)


def _listing(records: Sequence[CaseStudy], where: str, more_url: str, args: dict[str, str], ctx: MarkerContext) -> str:
    limit = _limit(args)
    shown = records[:limit] if limit else records
    if not shown:
        return render_empty(ctx.page_url, where)
    html = render_cards(shown, ctx.page_url, ctx.taxonomy)
    if len(shown) < len(records):
        text = f"See all {plural(len(records), 'case study', 'case studies')}"
        html += f'\n\n<p class="hub-more">{link(ctx.page_url, more_url, text)}</p>'
    return html


def latest(args: dict[str, str], ctx: MarkerContext) -> str:
    """The newest case studies: ``<!-- hub:latest limit=5 -->``."""
    _only(args, ["limit"], "latest")
    return _listing(ctx.case_studies, "on the hub", "case-studies/", args, ctx)


def case_studies(args: dict[str, str], ctx: MarkerContext) -> str:
    """Case studies of one term: ``<!-- hub:case-studies theme=proactive-care limit=10 -->``."""
    _only(args, [*FILTERS, "limit"], "case-studies")
    chosen = [k for k in args if k in FILTERS]
    if not chosen:
        return _listing(ctx.case_studies, "on the hub", "case-studies/", args, ctx)
    if len(chosen) > 1:
        raise MarkerError(f"hub:case-studies takes one of {', '.join(FILTERS)}, not several")
    key = chosen[0]
    vocabulary = ctx.taxonomy.vocabulary(FILTERS[key])
    term = vocabulary.resolve(args[key])
    if term is None:
        raise MarkerError(f"'{args[key]}' is not a known {vocabulary.singular}")
    more = term_url(FILTERS[key], term.id) if FILTERS[key] in ("themes", "areas", "ics") else "case-studies/"
    where = f"on {term.name.lower()}" if key == "theme" else f"from {term.name}"
    return _listing(ctx.indexes.of(FILTERS[key])[term.id], where, more, args, ctx)


def resources(args: dict[str, str], ctx: MarkerContext) -> str:
    """Leadership resources of a theme or a type, or all grouped by type."""
    _only(args, ["theme", "type", "by"], "resources")
    if len(args) != 1:
        raise MarkerError("hub:resources takes one of theme=..., type=..., by=type")
    key, value = next(iter(args.items()))
    if key == "by":
        if value != "type":
            raise MarkerError(f"hub:resources by={value} is not possible (allowed: by=type)")
        sections = [
            f'<h2 id="{kind.id}">{esc(kind.name)}</h2>\n\n'
            + render_resource_cards(ctx.indexes.resources_by_type[kind.id], ctx.page_url, ctx.taxonomy)
            for kind in ctx.taxonomy.resource_types
            if ctx.indexes.resources_by_type[kind.id]
        ]
        return "\n\n".join(sections) or '<p class="hub-empty">There are no resources yet.</p>'
    vocabulary = ctx.taxonomy.themes if key == "theme" else ctx.taxonomy.resource_types
    term = vocabulary.resolve(value)
    if term is None:
        raise MarkerError(f"'{value}' is not a known {vocabulary.singular}")
    groups = ctx.indexes.resources_by_theme if key == "theme" else ctx.indexes.resources_by_type
    found = groups[term.id]
    if not found:
        return f'<p class="hub-empty">There are no leadership resources on {esc(term.name.lower())} yet.</p>'
    return render_resource_cards(found, ctx.page_url, ctx.taxonomy)


def programme_contact(args: dict[str, str], ctx: MarkerContext) -> str:
    """The programme team's contact details, from the hub's settings."""
    _only(args, [], "programme-contact")
    if ctx.programme_team is None:
        raise MarkerError("no programme team contact is set")
    return render_contact_block(ctx.programme_team)


def fields(args: dict[str, str], ctx: MarkerContext) -> str:
    """The case-study fields, from the JSON Schema."""
    _only(args, [], "fields")
    if not ctx.schema:
        raise MarkerError("no schema is loaded")
    return render_field_table_html(ctx.schema)


def vocabulary(args: dict[str, str], ctx: MarkerContext) -> str:
    """One vocabulary's allowed values: ``<!-- hub:vocabulary of=themes -->``."""
    _only(args, ["of"], "vocabulary")
    key = args.get("of", "").replace("-", "_")
    if key not in VOCABULARIES:
        raise MarkerError(f"hub:vocabulary needs of= one of {', '.join(VOCABULARIES)}")
    return render_vocabulary_html(ctx.taxonomy.vocabulary(key))


def submit_form(args: dict[str, str], ctx: MarkerContext) -> str:
    """The 'Submit a case study' form and the routes for readers without JavaScript."""
    _only(args, [], "submit-form")
    if ctx.programme_team is None:
        raise MarkerError("no programme team contact is set")
    repo = (ctx.repo_url or "").rstrip("/")
    new_file = f"{repo}/new/main/case_studies" if repo.startswith("https://github.com/") else None
    issue = f'<li><a href="{esc(repo)}/issues/new?template=case-study.yml">a GitHub issue form</a> with the same questions;</li>' if new_file else ""
    alternatives = (
        "<p><strong>This form needs JavaScript, which is off or blocked in your browser.</strong> "
        "You can still share your case study:</p><ul>"
        f"{issue}"
        f'<li>by email to the programme team at <a href="mailto:{esc(ctx.programme_team.email)}">{esc(ctx.programme_team.email)}</a>, '
        f"answering the questions on {link(ctx.page_url, 'contribute/', 'the contribute page')};</li>"
        "<li>as a pull request, starting with <code>python scripts/new_case_study.py</code>.</li></ul>"
    )
    return render_submit_form(ctx.taxonomy, new_file, ctx.programme_team, alternatives) + (
        f'\n\n<script src="{esc(relative_url(ctx.page_url, "assets/submit.js"))}" defer></script>'
    )


def news(args: dict[str, str], ctx: MarkerContext) -> str:
    """The latest news posts: ``<!-- hub:news limit=3 -->``."""
    _only(args, ["limit"], "news")
    posts = [p for p in ctx.news if p.src_uri in ctx.news_urls]
    limit = _limit(args)
    posts = posts[:limit] if limit else posts
    if not posts:
        return '<p class="hub-empty">There is no news yet.</p>'
    cards = [
        render_card_item("hub-card", link(ctx.page_url, ctx.news_urls[p.src_uri], p.title), p.description,
                         [time_tag(p.created)], 3)
        for p in posts
    ]
    return render_card_list(cards) + f'\n\n<p class="hub-more">{link(ctx.page_url, "news/", "All news")}</p>'


def search_page(args: dict[str, str], ctx: MarkerContext) -> str:
    """The full search page with its facets."""
    _only(args, [], "search-page")
    return render_search_page(ctx.page_url, ctx.taxonomy)


def london_map(args: dict[str, str], ctx: MarkerContext) -> str:
    """The London map of case studies by area."""
    _only(args, [], "map")
    return render_london_map(ctx.page_url, ctx.indexes, ctx.taxonomy)


HANDLERS: dict[str, Callable[[dict[str, str], MarkerContext], str]] = {
    "case-studies": case_studies,
    "latest": latest,
    "resources": resources,
    "programme-contact": programme_contact,
    "fields": fields,
    "vocabulary": vocabulary,
    "submit-form": submit_form,
    "news": news,
    "search-page": search_page,
    "map": london_map,
}
