"""Case-study and leadership-resource pages, rendered from their records (``templates/entries.html``).

A page is Markdown: the title as a heading, then the hub's HTML around the
contributor's body. The HTML travels as raw blocks (``html.raw``), so contributor
text in it is escaped once, by the template, and never read as Markdown.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from hub.content.records import CaseStudy, Contact, Resource
from hub.content.taxonomy import Taxonomy
from hub.pages.html import md_escape, raw
from hub.pages.templating import macro

# Domains reserved for examples (RFC 2606): mail to them goes nowhere.
RESERVED_DOMAINS = ("example.org", "example.com", "example.net")


def render_case_study(
    record: CaseStudy,
    taxonomy: Taxonomy,
    show_problems: bool = True,
    today: date | None = None,
    related: Sequence[CaseStudy] = (),
) -> str:
    """The whole Markdown of a case-study page (``today`` decides the review notice)."""
    overdue = today is not None and record.review_due is not None and record.review_due < today
    head = macro("entries.html", "case_study_head")(record, taxonomy, show_problems, overdue)
    tail = macro("entries.html", "case_study_tail")(record, related, taxonomy)
    return f"# {md_escape(record.title)}" + raw(head) + record.body.strip() + (raw(tail) if tail else "\n")


def render_resource(resource: Resource, taxonomy: Taxonomy, show_problems: bool = True) -> str:
    """The whole Markdown of a leadership resource's page."""
    head = macro("entries.html", "resource_head")(resource, taxonomy, show_problems)
    tail = raw(macro("entries.html", "sources")(resource.sources)) if resource.sources else "\n"
    return f"# {md_escape(resource.title)}" + raw(head) + resource.body.strip() + tail


def is_placeholder(contact: Contact) -> bool:
    """True when the address is in a domain reserved for examples, so mail to it goes nowhere."""
    return contact.email.rsplit("@", 1)[-1].lower() in RESERVED_DOMAINS


def render_contact_block(contact: Contact) -> str:
    """A contact's name, role and email address, saying so if the address is a placeholder."""
    return str(macro("entries.html", "contact_block")(contact, is_placeholder(contact)))
