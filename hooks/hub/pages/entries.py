"""Render case-study pages and case-study cards as Markdown with HTML blocks.

Raw HTML blocks are left alone by Python-Markdown, so contributor text in
them is escaped here once and never interpreted as Markdown or HTML.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence
from urllib.parse import unquote, urlparse

from hub.content.records import CaseStudy, Contact, Resource
from hub.pages.html import esc, format_date, link, md_escape, plural, raw, time_tag, with_unit
from hub.content.problems import Problem
from hub.content.taxonomy import Taxonomy

CONTRIBUTE_URL = "contribute/"


def term_url(vocabulary: str, term_id: str) -> str:
    """The page address of a term, e.g. ``boroughs/tower-hamlets/``."""
    section = {"themes": "themes", "areas": "boroughs", "ics": "ics"}[vocabulary]
    return f"{section}/{term_id}/"


def render_term_links(from_url: str, vocabulary: str, ids: Sequence[str], taxonomy: Taxonomy) -> str:
    """Comma-separated links to the pages of ``ids``."""
    terms = taxonomy.vocabulary(vocabulary)
    return ", ".join(link(from_url, term_url(vocabulary, i), terms[i].name) for i in ids)


def ics_of(record: CaseStudy, taxonomy: Taxonomy) -> list[str]:
    """The ICS ids of a case study's areas, in order, without repeats."""
    return list(dict.fromkeys(taxonomy.areas[a].ics for a in record.areas if taxonomy.areas[a].ics))


def render_card(record: CaseStudy, from_url: str, taxonomy: Taxonomy, heading: int = 3) -> str:
    """One case study in a list: title link, summary, organisation, areas, date."""
    areas = ", ".join(esc(taxonomy.areas[a].name) for a in record.areas)
    meta = [f'<span class="hub-card__org">{esc(record.organisation)}</span>'] if record.organisation else []
    if areas:
        meta.append(f'<span class="hub-card__areas">{areas}</span>')
    if record.published:
        meta.append(f'<span class="hub-card__date">Published {time_tag(record.published)}</span>')
    example = ' <span class="hub-badge hub-badge--example">Example</span>' if record.example else ""
    return render_card_item("hub-card", link(from_url, record.url, record.title) + example, record.summary, meta, heading)


def render_card_item(classes: str, title_html: str, summary: str, meta: Sequence[str], heading: int) -> str:
    """A card in a list: a heading with the title link, the summary, a line of facts."""
    return (
        f'<li class="{classes}">'
        f'<h{heading} class="hub-card__title">{title_html}</h{heading}>'
        f'<p class="hub-card__summary">{esc(summary)}</p>'
        f'<p class="hub-card__meta">{" · ".join(meta)}</p>'
        "</li>"
    )


def render_card_list(cards: Sequence[str]) -> str:
    """Cards as one list, kept out of the search index (they repeat other pages)."""
    return '<ul class="hub-cards" data-pagefind-ignore>\n' + "\n".join(cards) + "\n</ul>"


def render_cards(records: Sequence[CaseStudy], from_url: str, taxonomy: Taxonomy, heading: int = 3) -> str:
    """A list of case-study cards as one HTML block."""
    return render_card_list([render_card(r, from_url, taxonomy, heading) for r in records])


def render_empty(from_url: str, where: str) -> str:
    """What a list with no case studies says, with the way to add one."""
    return (
        f'<p class="hub-empty">There are no case studies {esc(where)} yet. '
        f"{link(from_url, CONTRIBUTE_URL, 'Share what has worked for you')} and it will be listed here.</p>"
    )


def render_case_study(
    record: CaseStudy,
    taxonomy: Taxonomy,
    show_problems: bool = True,
    today: date | None = None,
    related: Sequence[CaseStudy] = (),
) -> str:
    """The whole Markdown of a case-study page (``today`` decides the review notice)."""
    head: list[str] = []
    if record.example:
        head.append(render_example_banner())
    if today is not None and record.review_due is not None and record.review_due < today:
        head.append(render_review_notice(record))
    if show_problems and record.problems:
        head.append(render_problems(record.problems))
    if record.summary:
        head.append(f'<p class="hub-lead">{esc(record.summary)}</p>')
    head.append(render_glance(record, taxonomy))
    tail = [render_sources(record.sources)] if record.sources else []
    if related:
        tail.append(render_related(record, related, taxonomy))
    return f"# {md_escape(record.title)}" + raw("\n".join(head)) + record.body.strip() + (raw("\n".join(tail)) if tail else "\n")


def render_related(record: CaseStudy, related: Sequence[CaseStudy], taxonomy: Taxonomy) -> str:
    """The case studies that share most themes and areas with this one."""
    return (
        '<section class="hub-related" aria-labelledby="hub-related-title" data-pagefind-ignore>'
        '<h2 id="hub-related-title">Related case studies</h2>'
        f"{render_cards(related, record.url, taxonomy)}</section>"
    )


def render_review_notice(record: CaseStudy) -> str:
    """Says a case study is past its review date, so readers weigh it accordingly."""
    assert record.review_due is not None
    return (
        '<div class="hub-review-notice" role="note"><p><strong>Due for review.</strong> '
        f"This case study was due to be checked by {time_tag(record.review_due)} and has not been "
        "reviewed since. Some details may have changed. "
        f"{link(record.url, 'contact/', 'Tell the programme team')} if you know what is new.</p></div>"
    )


def render_example_banner() -> str:
    return (
        '<div class="hub-example" role="note"><p><strong>Illustrative example.</strong> '
        "This case study was written to show the format. It does not describe a real initiative, "
        "and its figures are not real.</p></div>"
    )


def render_problems(problems: Sequence[Problem], kind: str = "case study") -> str:
    """A visible list of problems, for previews of a broken page."""
    items = "".join(f"<li>{esc(p)}</li>" for p in problems)
    return (
        '<div class="hub-problems" role="alert">'
        f"<p><strong>This {kind} has {plural(len(problems), 'problem')}.</strong> "
        "It cannot be published until they are fixed.</p>"
        f"<ul>{items}</ul></div>"
    )


def render_glance(record: CaseStudy, taxonomy: Taxonomy) -> str:
    """The 'at a glance' panel: everything the metadata says, linked to its pages."""
    url = record.url
    rows: list[tuple[str, str]] = []
    if record.organisation:
        rows.append(("Organisation", esc(record.organisation)))
    if record.areas:
        label = "Area" if len(record.areas) == 1 else "Areas"
        rows.append((label, render_term_links(url, "areas", record.areas, taxonomy)))
    ics = ics_of(record, taxonomy)
    if ics:
        label = "Integrated care system" if len(ics) == 1 else "Integrated care systems"
        rows.append((label, render_term_links(url, "ics", ics, taxonomy)))
    if record.themes:
        rows.append(("Themes" if len(record.themes) > 1 else "Theme", render_term_links(url, "themes", record.themes, taxonomy)))
    if record.settings:
        rows.append(("Setting", ", ".join(esc(taxonomy.settings[s].name) for s in record.settings)))
    if record.status:
        term = taxonomy.statuses[record.status]
        rows.append(("Status", _badge("status", term.id, term.name, term.description)))
    if record.evidence:
        term = taxonomy.evidence[record.evidence]
        rows.append(("Evidence", _badge("evidence", term.id, term.name, term.description)))
    if record.contact:
        c = record.contact
        rows.append(
            ("Contact", f'{esc(c.name)}, {esc(c.role)}<br><a href="mailto:{esc(c.email)}">{esc(c.email)}</a>')
        )
    for label, day in (("Published", record.published), ("Updated", record.updated), ("Review due", record.review_due)):
        if day:
            rows.append((label, time_tag(day)))
    items = "".join(f"<div><dt>{label}</dt><dd>{value}</dd></div>" for label, value in rows)
    outcomes = render_outcomes(record) if record.outcomes else ""
    return (
        '<aside class="hub-glance" aria-labelledby="hub-glance-title" data-pagefind-ignore>'
        '<h2 class="hub-glance__title" id="hub-glance-title">At a glance</h2>'
        f'<dl class="hub-glance__list">{items}</dl>{outcomes}</aside>'
    )


def _badge(kind: str, term_id: str, name: str, description: str) -> str:
    return (
        f'<span class="hub-badge hub-badge--{kind}-{term_id}">{esc(name)}</span> '
        f'<span class="hub-glance__hint">{esc(description)}</span>'
    )


def render_outcomes(record: CaseStudy) -> str:
    """Outcomes as a table: measure, before, after, period, source."""
    rows = []
    for outcome in record.outcomes:
        source = (
            f'<a href="{esc(outcome.source)}">Source</a>' if outcome.source else '<span aria-label="none">–</span>'
        )
        rows.append(
            "<tr>"
            f'<th scope="row">{esc(outcome.measure)}</th>'
            f"<td>{esc(with_unit(outcome.baseline, outcome.unit))}</td>"
            f"<td>{esc(with_unit(outcome.result, outcome.unit))}</td>"
            f"<td>{esc(outcome.period)}</td>"
            f"<td>{source}</td>"
            "</tr>"
        )
    return (
        '<div class="hub-outcomes"><table>'
        "<caption>Outcomes, as reported by the source</caption>"
        '<thead><tr><th scope="col">Measure</th><th scope="col">Before</th><th scope="col">After</th>'
        '<th scope="col">Period</th><th scope="col">Source</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def source_label(url: str) -> str:
    """A readable name for a source link: its site and the last part of its path."""
    parts = urlparse(url)
    host = parts.netloc.removeprefix("www.")
    last = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]) if parts.path.strip("/") else ""
    if parts.query and not last:
        return f"{host} ({parts.query})"
    return f"{host}: {last}" if last else host


def render_sources(sources: Sequence[str]) -> str:
    items = "".join(f'<li><a href="{esc(s)}">{esc(source_label(s))}</a></li>' for s in sources)
    return f'<section class="hub-sources" aria-labelledby="hub-sources-title" data-pagefind-ignore><h2 id="hub-sources-title">Sources</h2><ul>{items}</ul></section>'


# Domains reserved for examples (RFC 2606): mail to them goes nowhere.
RESERVED_DOMAINS = ("example.org", "example.com", "example.net")


def render_contact_block(contact: Contact) -> str:
    """A contact's name, role and email address, saying so if the address is a placeholder."""
    block = (
        f'<p class="hub-contact"><strong>{esc(contact.name)}</strong>, {esc(contact.role)}<br>'
        f'Email: <a href="mailto:{esc(contact.email)}">{esc(contact.email)}</a></p>'
    )
    if contact.email.rsplit("@", 1)[-1].lower() in RESERVED_DOMAINS:
        block += (
            '<p class="hub-note">This is a placeholder address: the programme has not yet set its own, '
            "so messages to it are not delivered.</p>"
        )
    return block


def render_resource_card(resource: Resource, from_url: str, taxonomy: Taxonomy, heading: int = 3) -> str:
    """One leadership resource in a list: title link, summary, type and provider."""
    meta = [f'<span class="hub-card__type">{esc(taxonomy.resource_types[resource.type].name)}</span>'] if resource.type else []
    if resource.provider:
        meta.append(f'<span class="hub-card__org">{esc(resource.provider)}</span>')
    return render_card_item("hub-card hub-card--resource", link(from_url, resource.url, resource.title), resource.summary, meta, heading)


def render_resource_cards(resources: Sequence[Resource], from_url: str, taxonomy: Taxonomy, heading: int = 3) -> str:
    """A list of resource cards as one HTML block."""
    return render_card_list([render_resource_card(r, from_url, taxonomy, heading) for r in resources])


def render_resource(resource: Resource, taxonomy: Taxonomy, show_problems: bool = True) -> str:
    """The whole Markdown of a leadership resource's page."""
    head: list[str] = []
    if show_problems and resource.problems:
        head.append(render_problems(resource.problems, "resource"))
    if resource.summary:
        head.append(f'<p class="hub-lead">{esc(resource.summary)}</p>')
    head.append(render_resource_glance(resource, taxonomy))
    tail = raw(render_sources(resource.sources)) if resource.sources else "\n"
    return f"# {md_escape(resource.title)}" + raw("\n".join(head)) + resource.body.strip() + tail


def render_resource_glance(resource: Resource, taxonomy: Taxonomy) -> str:
    """Type, audience, themes, provider, the external link and when it was checked."""
    url = resource.url
    rows: list[tuple[str, str]] = []
    if resource.type:
        rows.append(("Type", esc(taxonomy.resource_types[resource.type].name)))
    if resource.audiences:
        rows.append(("For", ", ".join(esc(taxonomy.audiences[a].name) for a in resource.audiences)))
    if resource.themes:
        label = "Themes" if len(resource.themes) > 1 else "Theme"
        rows.append((label, render_term_links(url, "themes", resource.themes, taxonomy)))
    if resource.provider:
        rows.append(("Provided by", esc(resource.provider)))
    if resource.external_url:
        rows.append(("Where to find it", f'<a href="{esc(resource.external_url)}">{esc(source_label(resource.external_url))}</a>'))
    if resource.last_checked:
        rows.append(("Last checked", time_tag(resource.last_checked)))
    items = "".join(f"<div><dt>{label}</dt><dd>{value}</dd></div>" for label, value in rows)
    return (
        '<aside class="hub-glance" aria-labelledby="hub-glance-title" data-pagefind-ignore>'
        '<h2 class="hub-glance__title" id="hub-glance-title">At a glance</h2>'
        f'<dl class="hub-glance__list">{items}</dl></aside>'
    )


__all__ = ["render_case_study", "render_cards", "render_card", "render_empty", "term_url", "format_date"]
