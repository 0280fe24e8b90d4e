"""Cards: a case study, resource or news post as one entry in a list (``templates/cards.html``)."""

from __future__ import annotations

from typing import Sequence

from hub.content.records import CaseStudy, Resource
from hub.content.taxonomy import Taxonomy
from hub.pages.templating import Markup, macro


def render_card(record: CaseStudy, from_url: str, taxonomy: Taxonomy, heading: int = 3) -> str:
    """One case study in a list: title link, summary, organisation, areas, date."""
    return str(macro("cards.html", "case_study")(record, from_url, taxonomy, heading))


def render_resource_card(resource: Resource, from_url: str, taxonomy: Taxonomy, heading: int = 3) -> str:
    """One leadership resource in a list: title link, summary, type and provider."""
    return str(macro("cards.html", "resource")(resource, from_url, taxonomy, heading))


def render_card_item(classes: str, title_html: str, summary: str, meta: Sequence[str], heading: int = 3) -> str:
    """A card of any kind: ``title_html`` and ``meta`` are markup the hub made, ``summary`` is text."""
    return str(macro("cards.html", "item")(classes, Markup(title_html), summary, [Markup(m) for m in meta], heading))


def render_card_list(cards: Sequence[str]) -> str:
    """Cards as one list, kept out of the search index (they repeat other pages)."""
    return str(macro("cards.html", "list")([Markup(c) for c in cards]))


def render_cards(records: Sequence[CaseStudy], from_url: str, taxonomy: Taxonomy, heading: int = 3) -> str:
    """A list of case-study cards as one HTML block."""
    return render_card_list([render_card(r, from_url, taxonomy, heading) for r in records])


def render_resource_cards(resources: Sequence[Resource], from_url: str, taxonomy: Taxonomy, heading: int = 3) -> str:
    """A list of resource cards as one HTML block."""
    return render_card_list([render_resource_card(r, from_url, taxonomy, heading) for r in resources])


def render_empty(from_url: str, where: str) -> str:
    """What a list with no case studies says, with the way to add one."""
    return str(macro("cards.html", "empty")(from_url, where))
