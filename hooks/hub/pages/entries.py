"""Case-study and leadership-resource pages, rendered from their records (``templates/entries.html``).

A page is Markdown: the title as a heading, then the hub's HTML around the
contributor's body. The HTML travels as raw blocks (``html.raw``), so contributor
text in it is escaped once, by the template, and never read as Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from hub import urls
from hub.content.body import HEADING, mark_code
from hub.content.records import Adoption, CaseStudy, Contact, Resource
from hub.content.taxonomy import Taxonomy
from hub.pages.cards import render_cards
from hub.pages.html import md_escape, raw, unmarked
from hub.pages.londonmap import render_spread_map
from hub.pages.templating import Markup, macro
from hub.text import format_date

RESERVED_DOMAINS = urls.RESERVED_DOMAINS


def render_case_study(
    record: CaseStudy,
    taxonomy: Taxonomy,
    show_problems: bool = True,
    today: date | None = None,
    related: Sequence[CaseStudy] = (),
    adoptions: Sequence[Adoption] = (),
) -> str:
    """The whole Markdown of a case-study page (``today`` decides the review notice), with the notes of
    the places that tried it."""
    overdue = today is not None and record.review_due is not None and record.review_due < today
    placeholder = record.contact is not None and is_placeholder(record.contact)
    head = macro("entries.html", "case_study_head")(record, taxonomy, show_problems, overdue, placeholder)
    related_cards = Markup(render_cards(related, record.url, taxonomy)) if related else ""
    tail = macro("entries.html", "case_study_tail")(record, related_cards, source_notes(record, taxonomy))
    tried = render_tried_elsewhere(record, adoptions, taxonomy) if adoptions else ""
    body = unmarked(record.body.strip())
    return f"# {md_escape(record.title)}" + raw(head) + body + tried + (raw(tail) if tail else "\n")


def render_tried_elsewhere(record: CaseStudy, notes: Sequence[Adoption], taxonomy: Taxonomy) -> str:
    """The "Tried elsewhere" section: each note's facts, then its own Markdown, its headings two levels down."""
    tried = [a for note in notes for a in note.areas]
    spread = Markup(render_spread_map(record.url, record.areas, list(dict.fromkeys(tried)), taxonomy))
    parts = [raw(macro("entries.html", "tried_open")(record, notes, spread))]
    for note in notes:
        parts.append(raw(macro("entries.html", "note_open")(note, taxonomy)))
        parts.append(demote_headings(unmarked(note.body.strip()), 2))
        parts.append(raw(macro("entries.html", "note_close")(note)))
    parts.append(raw("</section>"))
    return "".join(parts)


def demote_headings(markdown: str, levels: int) -> str:
    """``## What happened`` -> ``#### What happened``, outside code blocks: a note's sections sit under its
    heading on the case study's page."""
    lines = [
        "#" * levels + line if not in_code and HEADING.match(line) else line
        for line, in_code in mark_code(markdown.split("\n"))
    ]
    return "\n".join(lines)


def source_notes(record: CaseStudy, taxonomy: Taxonomy) -> list[str]:
    """The notes under a case study's sources: what took over each former body, then its own notes."""
    return [former_body_note(body, taxonomy) for body in record.former_bodies] + list(record.notes)


def former_body_note(body_id: str, taxonomy: Taxonomy) -> str:
    """ "Sutton CCG closed on 31 March 2020. Its work passed to South West London CCG, which closed on
    30 June 2022, and then to NHS South West London Integrated Care Board." """
    body = taxonomy.former_bodies[body_id]
    name = body.aliases[0] if body.aliases else body.name
    closed = f" on {format_date(body.closed)}" if body.closed else ""
    steps = []
    for step in taxonomy.successors(body_id):
        if isinstance(step, str):
            steps.append(step)
        else:
            short = step.aliases[0] if step.aliases else step.name
            steps.append(f"{short}, which closed on {format_date(step.closed)}" if step.closed else short)
    went = "closed" + closed if body.closed else "no longer exists under that name"
    return f"{name} {went}. Its work passed to " + ", and then to ".join(steps) + "."


def render_resource(resource: Resource, taxonomy: Taxonomy, show_problems: bool = True) -> str:
    """The whole Markdown of a leadership resource's page."""
    head = macro("entries.html", "resource_head")(resource, taxonomy, show_problems)
    tail = raw(macro("entries.html", "sources")(resource.sources)) if resource.sources else "\n"
    return f"# {md_escape(resource.title)}" + raw(head) + unmarked(resource.body.strip()) + tail


def is_placeholder(contact: Contact) -> bool:
    """True when the address is in a domain reserved for examples, so mail to it goes nowhere."""
    return urls.is_placeholder_email(contact.email)


def render_contact_block(contact: Contact) -> str:
    """A contact's name, role and email address, saying so if the address is a placeholder."""
    return str(macro("entries.html", "contact_block")(contact, is_placeholder(contact)))
