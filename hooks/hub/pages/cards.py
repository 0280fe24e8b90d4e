"""Cards: a case study, resource or news post as one entry in a list (``templates/cards.html``).

A case study's card appears on many pages (the full list, each of its themes,
areas and ICSs, the related lists of other case studies), so it is rendered once
per record and its one link filled in for each page (``render_card``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from hub import urls
from hub.content.records import CaseStudy, Resource
from hub.content.taxonomy import Taxonomy
from hub.pages.templating import Markup, macro

# Stands for a card's link until a page fills it in. Autoescape turns any "<" that
# contributor text brings into "&lt;", so no title or summary can contain it.
HREF = "<hub-card-href>"
# Cards kept: every case study's at 5,000 case studies, with room for edits under ``mkdocs serve``.
CARDS_KEPT = 16_384


class _Same:
    """A taxonomy as a cache key, by identity: hashing its every term on each call would cost more than a card."""

    __slots__ = ("taxonomy",)

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy

    def __hash__(self) -> int:
        return id(self.taxonomy)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.taxonomy is self.taxonomy


@lru_cache(maxsize=CARDS_KEPT)
def _card_html(record: CaseStudy, same: _Same, heading: int) -> str:
    html = str(macro("cards.html", "case_study")(record, Markup(HREF), same.taxonomy, heading))
    if html.count(HREF) != 1:  # the template must link exactly once, or filling it in would go wrong
        raise AssertionError(f"a case-study card must have one link, not {html.count(HREF)}")
    return html


def render_card(record: CaseStudy, from_url: str, taxonomy: Taxonomy, heading: int = 3) -> str:
    """One case study in a list on the page at ``from_url``: title link, summary, organisation, areas, date."""
    return _card_html(record, _Same(taxonomy), heading).replace(HREF, urls.relative(from_url, record.url), 1)


def render_resource_card(resource: Resource, from_url: str, taxonomy: Taxonomy, heading: int = 3) -> str:
    """One leadership resource in a list: title link, summary, type and provider."""
    return str(macro("cards.html", "resource")(resource, from_url, taxonomy, heading))


def render_card_item(classes: str, title_html: str, summary: str, meta: Sequence[str], heading: int = 3) -> str:
    """A card of any kind: ``title_html`` and ``meta`` are markup the hub made, ``summary`` is text."""
    return str(macro("cards.html", "item")(classes, Markup(title_html), summary, [Markup(m) for m in meta], heading))


def render_card_list(cards: Sequence[str]) -> str:
    """Cards as one list, kept out of the search index (they repeat other pages)."""
    return str(macro("cards.html", "list")(Markup("\n".join(cards))))  # cards are markup the hub made


def render_cards(records: Sequence[CaseStudy], from_url: str, taxonomy: Taxonomy, heading: int = 3) -> str:
    """A list of case-study cards as one HTML block."""
    return render_card_list([render_card(r, from_url, taxonomy, heading) for r in records])


def render_resource_cards(resources: Sequence[Resource], from_url: str, taxonomy: Taxonomy, heading: int = 3) -> str:
    """A list of resource cards as one HTML block."""
    return render_card_list([render_resource_card(r, from_url, taxonomy, heading) for r in resources])


def render_empty(from_url: str, where: str) -> str:
    """What a list with no case studies says, with the way to add one."""
    return str(macro("cards.html", "empty")(from_url, where))
