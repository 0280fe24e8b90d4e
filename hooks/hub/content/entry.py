"""What every kind of entry (case study, adoption note) shares: when, status, voice, sections, contact.

A case study and an adoption note are both an account of work somewhere: each
says when it started and ended, where it is now, who is telling it, and who
to contact. These checks and readers are written once, here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from hub.content.body import COMPILED_VOICE, FIRST_PERSON_PLURAL, check_sections
from hub.content.contract import PROGRAMME_TEAM, Contract, Section
from hub.content.fields import Context, check_email, check_front_matter, parse_date, parse_year_month
from hub.content.files import safety_problems, term_id, text_value
from hub.content.frontmatter import Document
from hub.content.problems import Problem
from hub.content.records import Contact, Outcome, YearMonth


@dataclass(frozen=True)
class Status:
    """When the work ran and where it is now, as read from the front matter."""

    started: YearMonth | None
    ended: YearMonth | None
    status: str | None
    checked: date | None
    stale: bool  # checked longer ago than the contract allows (a stopped status never goes stale)
    account: str | None


def check_entry(
    text: str,
    document: Document,
    path: str,
    contract: Contract,
    schema: dict[str, Any],
    sections: Sequence[Section],
    today: date,
    kind: str = "case-study",
) -> list[Problem]:
    """Every problem with a readable entry: its fields, dates, voice, sections and safety."""
    ctx = Context(path, document, contract.taxonomy, contract.safety)
    account = term_id(document.data.get("account"), contract.taxonomy.accounts)
    problems = [*check_front_matter(ctx, schema), *check_when(ctx, today), *check_voice(ctx, account)]
    problems += check_sections(document.body, document.body_line, path, sections, contract.section_limit, account, kind)
    contact = document.data.get("contact")
    email = contact.get("email") if isinstance(contact, dict) and isinstance(contact.get("email"), str) else None
    problems += safety_problems(text, document, path, contract, email)
    return problems


def read_status(data: dict[str, Any], contract: Contract, today: date) -> Status:
    """The valid parts of an entry's dates, status and account."""
    checked = parse_date(data.get("status_checked"))
    status = term_id(data.get("status"), contract.taxonomy.statuses)
    stale = (
        checked is not None
        and status != "stopped"
        and add_months(checked, contract.status_confirmed_for_months) < today
    )
    return Status(
        year_month(data.get("started")),
        year_month(data.get("ended")),
        status,
        checked,
        stale,
        term_id(data.get("account"), contract.taxonomy.accounts),
    )


def add_months(day: date, months: int) -> date:
    """``day`` moved on by ``months`` (to the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a 28th")


def year_month(value: Any) -> YearMonth | None:
    """``started`` or ``ended`` as a ``YearMonth``, if it is valid."""
    parsed = parse_year_month(value)
    if parsed is None or not 1 <= (parsed[1] or 1) <= 12:
        return None
    return YearMonth(parsed[0], parsed[1] or 0)


def check_when(ctx: Context, today: date) -> Iterator[Problem]:
    """The work's dates: ended only and always when stopped, not before started, nothing in the future."""
    data = ctx.document.data
    started, ended = year_month(data.get("started")), year_month(data.get("ended"))
    checked = parse_date(data.get("status_checked"))
    status = term_id(data.get("status"), ctx.taxonomy.statuses)  # an unknown status is reported already
    future = {
        "started": "a case study describes work that has begun",
        "ended": "leave ended out until the work stops",
    }
    for name, value in (("started", started), ("ended", ended)):
        if value is not None and _first_day(value) > today:
            yield ctx.problem((name,), f"{value.iso} is in the future; {future[name]}")
    if ended is not None and started is not None and _compare(ended, started) < 0:
        yield ctx.problem(("ended",), f"{ended.iso} is before started ({started.iso})")
    if checked is not None and checked > today:
        yield ctx.problem(
            ("status_checked",), f"{checked.isoformat()} is in the future; write the date the status was confirmed"
        )
    if status == "stopped" and "ended" not in data:
        yield ctx.problem(
            ("status",), "is stopped, so 'ended' is required: when did the work stop? (e.g. 2019 or 2019-03)"
        )
    elif ended is not None and status is not None and status != "stopped":
        name = ctx.taxonomy.statuses[status].name.lower()
        yield ctx.problem(
            ("ended",), f"says the work ended, but status is '{name}'; write status: stopped, or remove ended"
        )


def _first_day(value: YearMonth) -> date:
    return date(value.year, value.month or 1, 1)


def _compare(a: YearMonth, b: YearMonth) -> int:
    """Compare two periods at the precision both have: 2015 is not before 2015-06."""
    if a.year != b.year or not a.month or not b.month:
        return a.year - b.year
    return a.month - b.month


def check_voice(ctx: Context, account: str | None) -> Iterator[Problem]:
    """A compiled account's summary and title do not speak as the organisation ("we", "our")."""
    if account != "compiled":
        return
    for name in ("title", "summary"):
        value = ctx.document.data.get(name)
        if isinstance(value, str) and FIRST_PERSON_PLURAL.search(value):
            yield ctx.problem((name,), f"{COMPILED_VOICE}: write it in the third person")


def read_contact(value: Any, programme_team: Contact) -> Contact | None:
    if value == PROGRAMME_TEAM:
        return programme_team
    if not isinstance(value, dict):
        return None
    name, role, email = (text_value(value.get(k)) for k in ("name", "role", "email"))
    if not name or check_email(email) is not None:
        return None
    return Contact(name, role, email)


def read_outcomes(values: Any) -> tuple[Outcome, ...]:
    outcomes = []
    for value in values if isinstance(values, list) else ():
        if not isinstance(value, dict):
            continue
        numbers = [value.get(k) for k in ("baseline", "result")]
        texts = [text_value(value.get(k)) for k in ("measure", "unit", "period")]
        if all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in numbers) and all(texts):
            source = text_value(value.get("source")) or None
            outcomes.append(Outcome(texts[0], texts[1], numbers[0], numbers[1], texts[2], source))
    return tuple(outcomes)
