"""One page of every template of the site, for the accessibility, privacy, keyboard and layout checks.

Names are fixed (they name the parametrised tests); each address comes from the loaded hub
(the session's ``hub`` fixture), through the ``template_url`` fixture.
"""

from __future__ import annotations

from collections.abc import Callable

from hub.pipeline import Hub


def _tried_elsewhere(hub: Hub) -> str:
    return next(c for c in hub.collection.case_studies if c.adopted_by).url


def _empty_area(hub: Hub) -> str:
    empty = [a for a in hub.taxonomy.areas if not hub.indexes.areas[a.id]]
    return f"boroughs/{empty[0].id}/" if empty else "boroughs/london-wide/"


TEMPLATES: dict[str, Callable[[Hub], str]] = {
    "home": lambda hub: "",
    "case study": lambda hub: hub.collection.case_studies[0].url,
    "case study tried elsewhere": _tried_elsewhere,
    "case-study list": lambda hub: "case-studies/",
    "themes": lambda hub: "themes/",
    "theme": lambda hub: f"themes/{hub.collection.case_studies[0].themes[0]}/",
    "boroughs": lambda hub: "boroughs/",
    "area": lambda hub: f"boroughs/{hub.collection.case_studies[0].areas[0]}/",
    "empty area": _empty_area,
    "integrated care systems": lambda hub: "ics/",
    "ICS": lambda hub: "ics/south-west-london/",
    "coverage": lambda hub: "coverage/",
    "guidance overview": lambda hub: "framework/",
    "guidance": lambda hub: "framework/coordinated-care/",
    "leadership": lambda hub: "leadership/",
    "leadership resource": lambda hub: hub.collection.resources[0].url,
    "news": lambda hub: "news/",
    "news post": lambda hub: "news/2026/11/the-hub-is-open/",
    "open data": lambda hub: "open-data/",
    "about": lambda hub: "about/",
    "review desk": lambda hub: "reviews/",
    "the hub in numbers": lambda hub: "programme/",
    "contact": lambda hub: "contact/",
    "accessibility statement": lambda hub: "accessibility/",
    "contribute": lambda hub: "contribute/",
    "submit form": lambda hub: "contribute/submit/",
    "search with results": lambda hub: "search/?q=care&type=Case+study",
    "404": lambda hub: "no-such-page/",
}
