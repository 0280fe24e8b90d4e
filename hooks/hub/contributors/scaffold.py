"""Write a new case study's file: the fields in the contract's order, then the template body.

The body template (``data/case-study-body.md``) carries guidance in HTML
comments; a section that still holds only its guidance is reported as empty,
so a scaffolded file passes validation once its prose is written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hub.content.records import Contact

BODY_TEMPLATE = Path(__file__).resolve().parents[1] / "data" / "case-study-body.md"


@dataclass(frozen=True)
class NewCaseStudy:
    """The answers needed to start a case study (vocabulary values as names or ids)."""

    title: str
    summary: str
    organisation: str
    boroughs: tuple[str, ...]
    themes: tuple[str, ...]
    status: str
    evidence: str
    contact: Contact | None  # None: the programme team
    published: date
    review_due: date
    settings: tuple[str, ...] = ()


# Words YAML would read as true, false or null if left unquoted.
YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}
PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 '&-]*[A-Za-z0-9]$")


def _text(value: str) -> str:
    """A YAML scalar: plain when that is unambiguous, else a JSON string (which is valid YAML)."""
    if PLAIN.match(value) and value.lower() not in YAML_WORDS and ": " not in value and " #" not in value:
        return value
    return json.dumps(value, ensure_ascii=False)


def _list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(_text(v) for v in values) + "]"


def render_new_case_study(answers: NewCaseStudy, body: str | None = None) -> str:
    """The text of a new case-study file."""
    lines = [
        "---",
        f"title: {_text(answers.title)}",
        f"summary: {_text(answers.summary)}",
        f"organisation: {_text(answers.organisation)}",
        f"boroughs: {_list(answers.boroughs)}",
        f"themes: {_list(answers.themes)}",
    ]
    if answers.settings:
        lines.append(f"settings: {_list(answers.settings)}")
    lines += [
        f"published: {answers.published.isoformat()}",
        f"review_due: {answers.review_due.isoformat()}",
        f"status: {_text(answers.status)}",
        f"evidence: {_text(answers.evidence)}",
    ]
    if answers.contact is None:
        lines.append("contact: programme-team")
    else:
        lines += [
            "contact:",
            f"  name: {_text(answers.contact.name)}",
            f"  role: {_text(answers.contact.role)}",
            f"  email: {_text(answers.contact.email)}",
        ]
    lines += ["---", ""]
    template = body if body is not None else BODY_TEMPLATE.read_text(encoding="utf-8")
    return "\n".join(lines) + "\n" + template


def one_year_later(day: date) -> date:
    """The same date a year on (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)
