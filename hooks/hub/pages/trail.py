"""Breadcrumbs for the pages the hub makes: where a page sits, from Home to itself.

Case studies, term pages and lists are outside MkDocs' navigation, so neither
Material's path nor its tabs know where they belong. ``trail`` says it from the
page's address and record: Home › Case studies › Proactive care › the case
study. The second crumb is the page's section; the adapter marks that section's
tab as current, and the theme (``partials/trail.html``) shows the trail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hub import urls
from hub.content.records import CaseStudy, Resource
from hub.content.taxonomy import Taxonomy

HOME = "Home"
# The sections of the site the hub's pages belong to: (label, address). Their labels are the navigation's.
CASE_STUDIES = ("Case studies", urls.CASE_STUDIES)
LEADERSHIP = ("Leadership", urls.LEADERSHIP)
ABOUT = ("About", "about/")
# Each term section's index page, as its crumb reads.
TERM_INDEXES = {"themes": "Themes", "areas": "Boroughs", "ics": "Integrated care systems"}
# Generated pages of the About section.
ABOUT_PAGES = ("reviews.md", "programme.md")
LIST_PAGE = re.compile(r"^(?P<base>.+?)/page/(?P<number>\d+)\.md$")


@dataclass(frozen=True)
class Crumb:
    label: str
    url: str  # site-relative, e.g. "themes/proactive-care/"


def trail(
    src_uri: str, title: str, taxonomy: Taxonomy, case_study: CaseStudy | None = None, resource: Resource | None = None
) -> tuple[Crumb, ...]:
    """The crumbs from Home to the page at ``src_uri`` (titled ``title``), the page last; empty for pages
    the hub does not make."""
    home = Crumb(HOME, urls.HOME)
    here = Crumb(title, urls.page_url(src_uri))
    section = Crumb(*CASE_STUDIES)
    if case_study is not None:
        theme = taxonomy.themes[case_study.themes[0]] if case_study.themes else None
        middle = (Crumb(theme.name, urls.term("themes", theme.id)),) if theme else ()
        return (home, section, *middle, here)
    if resource is not None:
        return (home, Crumb(*LEADERSHIP), here)
    if src_uri in ABOUT_PAGES:
        return (home, Crumb(*ABOUT), here)
    if src_uri == "coverage.md":
        return (home, section, here)
    listed = LIST_PAGE.match(src_uri)
    first = f"{listed.group('base')}.md" if listed else src_uri
    if first == "case-studies.md" or first == "case-studies/index.md":
        return (home, section, here) if listed else (home, Crumb(section.label, section.url))
    for vocabulary, label in TERM_INDEXES.items():
        folder = urls.TERM_SECTIONS[vocabulary]
        index = Crumb(label, urls.term_index(vocabulary))
        if first == f"{folder}/index.md":
            return (home, section, index)
        if first.startswith(f"{folder}/"):
            term = taxonomy.vocabulary(vocabulary)[first.removeprefix(f"{folder}/").removesuffix(".md")]
            name = Crumb(term.name, urls.term(vocabulary, term.id))
            return (home, section, index, name, here) if listed else (home, section, index, name)
    return ()
