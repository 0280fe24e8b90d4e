"""Fill the hub's markers in hand-written pages with generated lists.

A marker is an HTML comment on a line of its own, e.g.::

    <!-- hub:case-studies theme=proactive-care limit=10 -->
    <!-- hub:latest limit=5 -->
    <!-- hub:resources theme=leadership -->
    <!-- hub:resources by=type -->
    <!-- hub:programme-contact -->

An unknown marker or term is a problem, never silently left as a comment.
"""

from __future__ import annotations

import re
from typing import Sequence

from .model import CaseStudy, Contact
from .htmltext import esc, link, plural
from .indexes import Indexes
from .problems import Problem
from .render import render_cards, render_contact_block, render_empty, render_resource_cards, term_url
from .taxonomy import Taxonomy

MARKER = re.compile(r"^[ \t]*<!--[ \t]*hub:(?P<name>[\w-]+)(?P<args>[^>]*?)-->[ \t]*$", re.MULTILINE)
ARG = re.compile(r"(\w+)=([\w-]+)")
FILTERS = {"theme": "themes", "area": "areas", "ics": "ics", "setting": "settings"}
NAMES = ("case-studies", "latest", "resources", "programme-contact")
RESOURCE_OPTIONS = ("theme", "type", "by")


def fill_markers(
    markdown: str,
    page_url: str,
    path: str,
    case_studies: Sequence[CaseStudy],
    indexes: Indexes,
    taxonomy: Taxonomy,
    source: str | None = None,
    programme_team: Contact | None = None,
) -> tuple[str, list[Problem]]:
    """``markdown`` with every marker replaced, and the problems with markers.

    ``source`` is the whole file (front matter included), for line numbers.
    """
    problems: list[Problem] = []
    full = source if source is not None else markdown

    def replace(match: re.Match[str]) -> str:
        at = full.find(match.group(0))
        line = full.count("\n", 0, at if at >= 0 else 0) + 1
        name = match.group("name")
        args = dict(ARG.findall(match.group("args")))
        if name not in NAMES:
            problems.append(Problem(path, line, "marker", f"'hub:{name}' is not a hub marker (allowed: {', '.join(NAMES)})"))
            return match.group(0)
        if name == "programme-contact":
            if programme_team is None:
                problems.append(Problem(path, line, "marker", "no programme team contact is set"))
                return match.group(0)
            return render_contact_block(programme_team)
        if name == "resources":
            html = _resources(args, page_url, indexes, taxonomy, path, line, problems)
            return match.group(0) if html is None else html
        records, where, more_url = _select(name, args, case_studies, indexes, taxonomy, path, line, problems)
        if records is None:
            return match.group(0)
        limit = _limit(args, path, line, problems)
        shown = records[:limit] if limit else records
        if not shown:
            return render_empty(page_url, where)
        html = render_cards(shown, page_url, taxonomy)
        if len(shown) < len(records):
            text = f"See all {plural(len(records), 'case study', 'case studies')}"
            html += f'\n\n<p class="hub-more">{link(page_url, more_url, text)}</p>'
        return html

    return MARKER.sub(replace, markdown), problems


def _select(
    name: str,
    args: dict[str, str],
    case_studies: Sequence[CaseStudy],
    indexes: Indexes,
    taxonomy: Taxonomy,
    path: str,
    line: int,
    problems: list[Problem],
) -> tuple[Sequence[CaseStudy] | None, str, str]:
    """The case studies a marker asks for, how to describe them, and their full list's URL."""
    chosen = [k for k in args if k in FILTERS]
    for key in args:
        if key not in FILTERS and key != "limit":
            problems.append(Problem(path, line, "marker", f"'{key}' is not an option of hub:{name} (allowed: {', '.join([*FILTERS, 'limit'])})"))
            return None, "", ""
    if name == "latest" or not chosen:
        return case_studies, "on the hub", "case-studies/"
    if len(chosen) > 1:
        problems.append(Problem(path, line, "marker", f"hub:{name} takes one of {', '.join(FILTERS)}, not several"))
        return None, "", ""
    key = chosen[0]
    vocabulary = taxonomy.vocabulary(FILTERS[key])
    term = vocabulary.resolve(args[key])
    if term is None:
        problems.append(Problem(path, line, "marker", f"'{args[key]}' is not a known {vocabulary.singular}"))
        return None, "", ""
    more = term_url(FILTERS[key], term.id) if FILTERS[key] in ("themes", "areas", "ics") else "case-studies/"
    return indexes.of(FILTERS[key])[term.id], f"on {term.name.lower()}" if key == "theme" else f"from {term.name}", more


def _limit(args: dict[str, str], path: str, line: int, problems: list[Problem]) -> int | None:
    value = args.get("limit")
    if value is None:
        return None
    if not value.isdigit() or int(value) < 1:
        problems.append(Problem(path, line, "marker", f"limit must be a whole number from 1, not '{value}'"))
        return None
    return int(value)


def _resources(
    args: dict[str, str],
    page_url: str,
    indexes: Indexes,
    taxonomy: Taxonomy,
    path: str,
    line: int,
    problems: list[Problem],
) -> str | None:
    """Resource cards for one theme or type, or all resources grouped by type."""

    def fail(message: str) -> None:
        problems.append(Problem(path, line, "marker", message))

    unknown = [k for k in args if k not in RESOURCE_OPTIONS]
    if unknown or len(args) != 1:
        fail(f"hub:resources takes one of {', '.join(f'{o}=...' for o in RESOURCE_OPTIONS)}")
        return None
    key, value = next(iter(args.items()))
    if key == "by":
        if value != "type":
            fail(f"hub:resources by={value} is not possible (allowed: by=type)")
            return None
        sections = []
        for kind in taxonomy.resource_types:
            resources = indexes.resources_by_type[kind.id]
            if resources:
                sections.append(
                    f'<h2 id="{kind.id}">{esc(kind.name)}</h2>\n\n' + render_resource_cards(resources, page_url, taxonomy)
                )
        return "\n\n".join(sections) or '<p class="hub-empty">There are no resources yet.</p>'
    vocabulary = taxonomy.themes if key == "theme" else taxonomy.resource_types
    term = vocabulary.resolve(value)
    if term is None:
        fail(f"'{value}' is not a known {vocabulary.singular}")
        return None
    groups = indexes.resources_by_theme if key == "theme" else indexes.resources_by_type
    resources = groups[term.id]
    if not resources:
        return f'<p class="hub-empty">There are no leadership resources on {esc(term.name.lower())} yet.</p>'
    return render_resource_cards(resources, page_url, taxonomy)
