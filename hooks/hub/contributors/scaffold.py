"""Write a new case study's file: the fields in the contract's order, then one heading per section.

Each section holds its hint from the contract in an HTML comment; a section
that still holds only its hint is reported as empty, so a scaffolded file
passes validation once its prose is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from hub.content.contract import PROGRAMME_TEAM, Contract, Section
from hub.content.records import Contact


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
    started: str  # "2015" or "2015-04"
    status_checked: date
    account: str = "team"
    settings: tuple[str, ...] = ()
    ended: str | None = None


def front_matter(answers: NewCaseStudy) -> dict[str, Any]:
    """The fields of a new case study, in the order the contract lists them."""
    data: dict[str, Any] = {
        "title": answers.title,
        "summary": answers.summary,
        "organisation": answers.organisation,
        "boroughs": list(answers.boroughs),
        "themes": list(answers.themes),
    }
    if answers.settings:
        data["settings"] = list(answers.settings)
    data["started"] = answers.started
    if answers.ended:
        data["ended"] = answers.ended
    data.update(
        published=answers.published,
        review_due=answers.review_due,
        status=answers.status,
        status_checked=answers.status_checked,
        account=answers.account,
        evidence=answers.evidence,
    )
    if answers.contact is None:
        data["contact"] = PROGRAMME_TEAM
    else:
        data["contact"] = {"name": answers.contact.name, "role": answers.contact.role, "email": answers.contact.email}
    return data


@dataclass(frozen=True)
class NewAdoption:
    """The answers needed to start an adoption note."""

    case_study: str  # the stem of the case study tried
    organisation: str
    boroughs: tuple[str, ...]
    started: str
    status: str
    status_checked: date
    contact: Contact | None
    published: date
    review_due: date
    account: str = "team"
    ended: str | None = None


def adoption_front_matter(answers: NewAdoption) -> dict[str, Any]:
    """The fields of a new adoption note, in the order its schema lists them."""
    data: dict[str, Any] = {
        "case_study": answers.case_study,
        "organisation": answers.organisation,
        "boroughs": list(answers.boroughs),
        "started": answers.started,
    }
    if answers.ended:
        data["ended"] = answers.ended
    data.update(
        status=answers.status,
        status_checked=answers.status_checked,
        account=answers.account,
        published=answers.published,
        review_due=answers.review_due,
    )
    data["contact"] = (
        PROGRAMME_TEAM
        if answers.contact is None
        else {
            "name": answers.contact.name,
            "role": answers.contact.role,
            "email": answers.contact.email,
        }
    )
    return data


def render_new_adoption(answers: NewAdoption, contract: Contract) -> str:
    """The text of a new adoption note."""
    fields = yaml.safe_dump(
        adoption_front_matter(answers), sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000
    )
    return f"---\n{fields}---\n\n{render_body(contract, answers.account, contract.adoption_sections)}"


def render_body(contract: Contract, account: str = "team", sections: Sequence[Section] | None = None) -> str:
    """One heading per section (as the ``account`` writes it), each holding its hint as guidance to replace."""
    parts = []
    for section in sections if sections is not None else contract.sections:
        optional = "" if section.required else "Optional. "
        remove = "" if section.required else " Delete this section if you do not need it."
        parts.append(f"## {section.heading_for(account)}\n\n<!-- {optional}{section.hint}{remove} -->\n")
    return "\n".join(parts)


def render_new_case_study(answers: NewCaseStudy, contract: Contract) -> str:
    """The text of a new case-study file."""
    fields = yaml.safe_dump(
        front_matter(answers), sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000
    )
    return f"---\n{fields}---\n\n{render_body(contract, answers.account)}"


def one_year_later(day: date) -> date:
    """The same date a year on (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)
