"""What contributors read outside the site: the field table in CONTRIBUTING.md and the GitHub issue form.

Both are derived from the contract (schema, taxonomy, settings), so the guide
and the form can never disagree with the validator. ``scripts/generate.py``
writes them and, with ``--check``, fails when they are out of date.
"""

from __future__ import annotations

from typing import Any

import yaml

from hub.content.contract import Contract
from hub.content.schema import field_rows

FIELDS_START = "<!-- generated: fields -->"
FIELDS_END = "<!-- end generated: fields -->"
SECTIONS_START = "<!-- generated: sections -->"
SECTIONS_END = "<!-- end generated: sections -->"
ISSUE_FORM_HEADER = (
    "# Generated from the contract by `make generate`; edit hooks/hub/contributors/guide.py, not this file.\n"
)


def render_field_table_markdown(schema: dict[str, Any]) -> str:
    """The fields as a Markdown table (for CONTRIBUTING.md)."""
    lines = ["| Field | Required | Type | What to write |", "|---|---|---|---|"]
    for name, required, kind, description in field_rows(schema):
        cell = description.replace("|", "\\|")
        lines.append(f"| `{name}` | {'yes' if required else 'no'} | {kind} | {cell} |")
    return "\n".join(lines)


def render_sections_markdown(contract: Contract) -> str:
    """The body's sections as a Markdown table: the team's heading, the compiled heading, what goes in it."""
    lines = ["| Team account | Compiled account | Required | What to write |", "|---|---|---|---|"]
    for s in contract.sections:
        hint = s.hint.replace("|", "\\|")
        required = "yes" if s.required else "no"
        lines.append(f"| `## {s.heading}` | `## {s.heading_for('compiled')}` | {required} | {hint} |")
    return "\n".join(lines)


def issue_form(contract: Contract) -> dict[str, Any]:
    """The GitHub issue form for contributors who cannot use Git, as data."""
    taxonomy = contract.taxonomy

    def field(kind: str, field_id: str, label: str, required: bool, **attributes: Any) -> dict[str, Any]:
        item: dict[str, Any] = {"type": kind, "id": field_id, "attributes": {"label": label, **attributes}}
        if required:
            item["validations"] = {"required": True}
        return item

    def choices(field_id: str, label: str, description: str, options: list[str], required: bool, multiple: bool):
        extra = {"multiple": True} if multiple else {}
        return field("dropdown", field_id, label, required, description=description, **extra, options=options)

    body: list[dict[str, Any]] = [
        {
            "type": "markdown",
            "attributes": {
                "value": (
                    "Thank you for sharing what worked. A member of the programme team will turn this into a case\n"
                    "study file and open a pull request for you to check. Never include anything that could identify\n"
                    'a patient. You can also use the form on the hub\'s "Submit a case study" page.\n'
                )
            },
        },
        field(
            "input",
            "title",
            "Title",
            True,
            description=f"What you did and where, in plain words (at most {contract.limit('title')} characters).",
            placeholder="Same-day telephone triage in a Greenwich practice",
        ),
        field(
            "textarea",
            "summary",
            "Summary",
            True,
            description=f"One or two sentences, plain text, at most {contract.limit('summary')} characters. "
            "The problem, the change and the result.",
        ),
        field(
            "input",
            "organisation",
            "Organisation",
            True,
            description="The practice, network, federation or pharmacy that did the work.",
        ),
        choices(
            "boroughs",
            "Boroughs",
            "Where the work happened. Choose all that apply.",
            [a.name for a in taxonomy.areas],
            True,
            True,
        ),
        choices(
            "themes",
            "Themes",
            "The themes the work serves. Choose all that apply.",
            [t.name for t in taxonomy.themes],
            True,
            True,
        ),
        choices(
            "settings",
            "Settings",
            "Where the work happens (optional).",
            [s.name for s in taxonomy.settings],
            False,
            True,
        ),
        field(
            "input",
            "started",
            "When the work started",
            True,
            description="A year, like 2019, or a year and month, like 2019-04.",
            placeholder="2019-04",
        ),
        choices(
            "status",
            "Status",
            "Where the work is now.",
            [f"{t.name}: {t.description}" for t in taxonomy.statuses],
            True,
            False,
        ),
        field(
            "input",
            "ended",
            "When the work stopped",
            False,
            description="Only if it has stopped: a year, like 2022, or a year and month, like 2022-03.",
        ),
        choices(
            "evidence",
            "Evidence",
            "The strongest evidence behind your results.",
            [f"{t.name}: {t.description}" for t in taxonomy.evidence],
            True,
            False,
        ),
        choices(
            "account",
            "Who is writing this",
            "It decides the headings and the line at the top of the page.",
            [f"{t.name}: {t.description}" for t in taxonomy.accounts],
            True,
            False,
        ),
        field(
            "input",
            "contact",
            "Contact",
            False,
            description="Name, role and work email of someone readers may contact, who agreed to be named. "
            "Leave empty to use the programme team.",
        ),
    ]
    for section in contract.sections:
        label = section.heading if section.required else f"{section.heading} (optional)"
        body.append(field("textarea", section.id, label, section.required, description=section.hint))
    body.append(
        field(
            "textarea",
            "sources",
            "Sources (optional)",
            False,
            description="Web addresses where your figures or reports are published, one per line.",
        )
    )
    body.append(
        {
            "type": "checkboxes",
            "id": "checks",
            "attributes": {
                "label": "Before you submit",
                "options": [{"label": c.text, "required": True} for c in contract.consent],
            },
        }
    )
    return {
        "name": "Share a case study",
        "description": "Tell us what worked in your practice, network, federation or pharmacy. No Git needed.",
        "title": "Case study: ",
        "labels": ["case study"],
        "body": body,
    }


def render_issue_form(contract: Contract) -> str:
    """The issue form as the YAML file GitHub reads."""
    return ISSUE_FORM_HEADER + yaml.safe_dump(issue_form(contract), sort_keys=False, allow_unicode=True, width=100)


class MarkerMissing(Exception):
    """A file lacks the markers between which generated text goes."""


def splice(text: str, start: str, end: str, content: str) -> str:
    """``text`` with what lies between the ``start`` and ``end`` markers replaced by ``content``."""
    if start not in text or end not in text or text.index(start) > text.index(end):
        raise MarkerMissing(f"needs the lines {start} and {end}, in that order")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{content}\n{end}{tail}"
