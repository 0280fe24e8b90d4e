"""Fill the hub's markers in hand-written pages with generated content.

A marker is an HTML comment on a line of its own, e.g.::

    <!-- hub:case-studies theme=proactive-care limit=10 -->
    <!-- hub:case-studies theme="Proactive care" -->
    <!-- hub:latest limit=5 -->
    <!-- hub:resources theme=leadership -->
    <!-- hub:resources by=type -->
    <!-- hub:programme-contact -->
    <!-- hub:fields -->
    <!-- hub:sections -->
    <!-- hub:vocabulary of=themes -->
    <!-- hub:submit-form -->
    <!-- hub:submit-form kind=adoption-note -->
    <!-- hub:news limit=3 -->
    <!-- hub:search-page -->
    <!-- hub:map -->

Arguments are ``key=value`` pairs, with the value quoted when it has spaces.
An unknown marker, option, argument or term is a problem reported at the
marker's own line, never silently left as a comment or ignored.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from hub import urls
from hub.content.contract import Contract
from hub.content.news import NewsPost
from hub.content.problems import Problem
from hub.content.records import CaseStudy
from hub.content.taxonomy import VOCABULARIES
from hub.index.groups import Indexes
from hub.pages.cards import render_card_item, render_card_list, render_cards, render_empty, render_resource_cards
from hub.pages.entries import render_contact_block
from hub.pages.fields import render_field_table_html, render_sections_html, render_vocabulary_html
from hub.pages.html import esc, raw
from hub.pages.londonmap import render_london_map
from hub.pages.searchpage import render_search_page
from hub.pages.submitform import KINDS, render_submit_form
from hub.pages.templating import macro
from hub.text import plural

MARKER = re.compile(r"^[ \t]*<!--[ \t]*hub:(?P<name>[\w-]+)(?P<args>[^>]*?)-->[ \t]*$", re.MULTILINE)
FILTERS = {"theme": "themes", "area": "areas", "ics": "ics", "setting": "settings"}


class MarkerError(Exception):
    """What is wrong with one marker."""


@dataclass(frozen=True)
class MarkerContext:
    """Everything a marker may draw on, for one page."""

    page_url: str
    case_studies: Sequence[CaseStudy]
    indexes: Indexes
    contract: Contract
    repo_url: str | None = None
    news: Sequence[NewsPost] = ()
    news_urls: Mapping[str, str] = field(default_factory=dict)  # post src_uri -> page URL


def parse_arguments(text: str) -> dict[str, str]:
    """``theme="Proactive care" limit=3`` -> ``{"theme": "Proactive care", "limit": "3"}``."""
    try:
        tokens = shlex.split(text)
    except ValueError as exc:  # an unclosed quote
        raise MarkerError(f"cannot read its arguments ({exc}); write key=value, quoting values with spaces") from None
    args: dict[str, str] = {}
    for token in tokens:
        key, equals, value = token.partition("=")
        if not equals or not key or not value:
            raise MarkerError(f"'{token}' is not an argument; write key=value, e.g. theme=proactive-care")
        if key in args:
            raise MarkerError(f"'{key}' is given twice")
        args[key] = value
    return args


def fill_markers(markdown: str, path: str, ctx: MarkerContext, first_line: int = 1) -> tuple[str, list[Problem]]:
    """``markdown`` with every marker replaced, and the problems with markers.

    ``first_line`` is the line of the file on which ``markdown`` starts (after the front matter).
    """
    problems: list[Problem] = []

    def replace(match: re.Match[str]) -> str:
        line = first_line + markdown.count("\n", 0, match.start())
        try:
            name = match.group("name")
            handler = HANDLERS.get(name)
            if handler is None:
                raise MarkerError(f"'hub:{name}' is not a hub marker (allowed: {', '.join(HANDLERS)})")
            return raw(handler(parse_arguments(match.group("args")), ctx))
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
    html = render_cards(shown, ctx.page_url, ctx.contract.taxonomy)
    if len(shown) < len(records):
        more = macro("macros.html", "more")(ctx.page_url, more_url, f"See all {plural(len(records), 'case study')}")
        html = f"{html}\n\n{more}"
    return html


def latest(args: dict[str, str], ctx: MarkerContext) -> str:
    """The newest case studies: ``<!-- hub:latest limit=5 -->``."""
    _only(args, ["limit"], "latest")
    return _listing(ctx.case_studies, "on the hub", urls.CASE_STUDIES, args, ctx)


def case_studies(args: dict[str, str], ctx: MarkerContext) -> str:
    """Case studies of one term: ``<!-- hub:case-studies theme=proactive-care limit=10 -->``."""
    _only(args, [*FILTERS, "limit"], "case-studies")
    chosen = [k for k in args if k in FILTERS]
    if not chosen:
        return _listing(ctx.case_studies, "on the hub", urls.CASE_STUDIES, args, ctx)
    if len(chosen) > 1:
        raise MarkerError(f"hub:case-studies takes one of {', '.join(FILTERS)}, not several")
    key = chosen[0]
    vocabulary = ctx.contract.taxonomy.vocabulary(FILTERS[key])
    term = vocabulary.resolve(args[key])
    if term is None:
        raise MarkerError(f"'{args[key]}' is not a known {vocabulary.singular}")
    more = urls.term(FILTERS[key], term.id) if FILTERS[key] in urls.TERM_SECTIONS else urls.CASE_STUDIES
    where = f"on {term.name.lower()}" if key == "theme" else f"from {term.name}"
    return _listing(ctx.indexes.of(FILTERS[key])[term.id], where, more, args, ctx)


def resources(args: dict[str, str], ctx: MarkerContext) -> str:
    """Leadership resources of a theme or a type, or all grouped by type."""
    _only(args, ["theme", "type", "by"], "resources")
    if len(args) != 1:
        raise MarkerError("hub:resources takes one of theme=..., type=..., by=type")
    taxonomy = ctx.contract.taxonomy
    key, value = next(iter(args.items()))
    if key == "by":
        if value != "type":
            raise MarkerError(f"hub:resources by={value} is not possible (allowed: by=type)")
        sections = [
            f'<h2 id="{kind.id}">{esc(kind.name)}</h2>\n\n'
            + render_resource_cards(ctx.indexes.resources_by_type[kind.id], ctx.page_url, taxonomy)
            for kind in taxonomy.resource_types
            if ctx.indexes.resources_by_type[kind.id]
        ]
        return "\n\n".join(sections) or '<p class="hub-empty">There are no resources yet.</p>'
    vocabulary = taxonomy.themes if key == "theme" else taxonomy.resource_types
    term = vocabulary.resolve(value)
    if term is None:
        raise MarkerError(f"'{value}' is not a known {vocabulary.singular}")
    groups = ctx.indexes.resources_by_theme if key == "theme" else ctx.indexes.resources_by_type
    found = groups[term.id]
    if not found:
        return f'<p class="hub-empty">There are no leadership resources on {esc(term.name.lower())} yet.</p>'
    return render_resource_cards(found, ctx.page_url, taxonomy)


def programme_contact(args: dict[str, str], ctx: MarkerContext) -> str:
    """The programme team's contact details, from the hub's settings."""
    _only(args, [], "programme-contact")
    return render_contact_block(ctx.contract.programme_team)


def fields(args: dict[str, str], ctx: MarkerContext) -> str:
    """The case-study fields, from the JSON Schema."""
    _only(args, [], "fields")
    return render_field_table_html(ctx.contract.schema)


def sections(args: dict[str, str], ctx: MarkerContext) -> str:
    """The sections of a case study's body, from the contract."""
    _only(args, [], "sections")
    return render_sections_html(ctx.contract.sections)


def vocabulary(args: dict[str, str], ctx: MarkerContext) -> str:
    """One vocabulary's allowed values: ``<!-- hub:vocabulary of=themes -->``."""
    _only(args, ["of"], "vocabulary")
    key = args.get("of", "").replace("-", "_")
    if key not in VOCABULARIES:
        raise MarkerError(f"hub:vocabulary needs of= one of {', '.join(VOCABULARIES)}")
    return render_vocabulary_html(ctx.contract.taxonomy.vocabulary(key))


def submit_form(args: dict[str, str], ctx: MarkerContext) -> str:
    """A submit form and the routes for readers without JavaScript: ``<!-- hub:submit-form -->`` for a case
    study, ``<!-- hub:submit-form kind=adoption-note -->`` for "Tell us you tried this"."""
    _only(args, ["kind"], "submit-form")
    kind = args.get("kind", "case-study")
    if kind not in KINDS:
        raise MarkerError(f"hub:submit-form kind={kind} is not a form (allowed: {', '.join(KINDS)})")
    return render_submit_form(ctx.contract, ctx.page_url, ctx.repo_url, kind, ctx.case_studies)


def news(args: dict[str, str], ctx: MarkerContext) -> str:
    """The latest news posts: ``<!-- hub:news limit=3 -->``."""
    _only(args, ["limit"], "news")
    posts = [p for p in ctx.news if p.src_uri in ctx.news_urls]
    limit = _limit(args)
    posts = posts[:limit] if limit else posts
    if not posts:
        return '<p class="hub-empty">There is no news yet.</p>'
    link, time = macro("macros.html", "link"), macro("macros.html", "time")
    cards = [
        render_card_item(
            "hub-card", link(ctx.page_url, ctx.news_urls[p.src_uri], p.title), p.description, [time(p.created)]
        )
        for p in posts
    ]
    return f"{render_card_list(cards)}\n\n{macro('macros.html', 'more')(ctx.page_url, urls.NEWS, 'All news')}"


def search_page(args: dict[str, str], ctx: MarkerContext) -> str:
    """The full search page with its facets."""
    _only(args, [], "search-page")
    return render_search_page(ctx.page_url, ctx.contract.taxonomy)


def london_map(args: dict[str, str], ctx: MarkerContext) -> str:
    """The London map of case studies by area."""
    _only(args, [], "map")
    return render_london_map(ctx.page_url, ctx.indexes, ctx.contract.taxonomy)


HANDLERS: dict[str, Callable[[dict[str, str], MarkerContext], str]] = {
    "case-studies": case_studies,
    "latest": latest,
    "resources": resources,
    "programme-contact": programme_contact,
    "fields": fields,
    "sections": sections,
    "vocabulary": vocabulary,
    "submit-form": submit_form,
    "news": news,
    "search-page": search_page,
    "map": london_map,
}
