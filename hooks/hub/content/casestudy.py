"""Case studies: parse one file into a typed record plus every problem with it.

A record is always produced, even for a broken file, so that nothing is ever
silently dropped: a broken case study still has a page (which lists its
problems in a non-strict preview) and the strict build fails.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterator

from hub.content.body import COMPILED_VOICE, FIRST_PERSON_PLURAL, check_sections
from hub.content.contract import PROGRAMME_TEAM, Contract
from hub.content.frontmatter import Document
from hub.content.records import CaseStudy, Contact, Outcome, YearMonth
from hub.content.problems import Problem
from hub.content.files import check_stem, read_front_matter, safety_problems, slugify, string_list, term_id, term_ids, text_value
from hub.content.fields import Context, check_email, check_front_matter, parse_date, parse_year_month


def parse_case_study(raw: bytes, path: str, stem: str, contract: Contract, today: date | None = None) -> CaseStudy:
    """The record for one file's bytes, carrying every problem found in it (``today`` decides what is in the
    future)."""
    text, document, problems = read_front_matter(raw, path, stem)
    if document is None:
        return CaseStudy(
            stem=stem,
            path=path,
            title=stem,
            body=text or "",
            decodable=text is not None,
            problems=tuple(sorted(problems)),
        )
    ctx = Context(path, document, contract.taxonomy)
    problems += check_front_matter(ctx, contract.schema)
    problems += check_when(ctx, today or date.today())
    account = term_id(document.data.get("account"), contract.taxonomy.accounts)
    problems += check_voice(ctx, account)
    problems += check_sections(
        document.body, document.body_line, path, contract.sections, contract.section_limit, account
    )
    contact = document.data.get("contact")
    email = contact.get("email") if isinstance(contact, dict) and isinstance(contact.get("email"), str) else None
    problems += safety_problems(text, document, path, contract, email)
    return _record(stem, path, document, contract, problems, today or date.today())


def _record(
    stem: str, path: str, doc: Document, contract: Contract, problems: list[Problem], today: date
) -> CaseStudy:
    """Build the record from whatever parts of the front matter are valid."""
    data = doc.data
    taxonomy = contract.taxonomy
    checked = parse_date(data.get("status_checked"))
    return CaseStudy(
        stem=stem,
        path=path,
        title=text_value(data.get("title")) or stem,
        summary=text_value(data.get("summary")),
        organisation=text_value(data.get("organisation")),
        areas=(areas := term_ids(data.get("boroughs"), taxonomy.areas)),
        ics=taxonomy.ics_of_areas(areas),
        themes=term_ids(data.get("themes"), taxonomy.themes),
        settings=term_ids(data.get("settings"), taxonomy.settings),
        started=year_month(data.get("started")),
        ended=year_month(data.get("ended")),
        published=parse_date(data.get("published")),
        updated=parse_date(data.get("updated")),
        review_due=parse_date(data.get("review_due")),
        status=term_id(data.get("status"), taxonomy.statuses),
        status_checked=checked,
        # A stopped status does not go stale: what stopped stays stopped.
        status_stale=(
            checked is not None and data.get("status") != "stopped"
            and add_months(checked, contract.status_confirmed_for_months) < today
        ),
        account=term_id(data.get("account"), taxonomy.accounts),
        evidence=term_id(data.get("evidence"), taxonomy.evidence),
        contact=_contact(data.get("contact"), contract.programme_team),
        outcomes=_outcomes(data.get("outcomes")),
        sources=string_list(data.get("sources")),
        notes=string_list(data.get("notes")),
        former_bodies=term_ids(data.get("former_bodies"), taxonomy.former_bodies),
        example=data.get("example") is True,
        body=doc.body,
        body_line=doc.body_line,
        title_line=doc.line_of(("title",)),
        readable=True,
        problems=tuple(sorted(problems)),
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
        yield ctx.problem(("status_checked",), f"{checked.isoformat()} is in the future; write the date the status was confirmed")
    if status == "stopped" and "ended" not in data:
        yield ctx.problem(("status",), "is stopped, so 'ended' is required: when did the work stop? (e.g. 2019 or 2019-03)")
    elif ended is not None and status is not None and status != "stopped":
        name = ctx.taxonomy.statuses[status].name.lower()
        yield ctx.problem(("ended",), f"says the work ended, but status is '{name}'; write status: stopped, or remove ended")


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


def _contact(value: Any, programme_team: Contact) -> Contact | None:
    if value == PROGRAMME_TEAM:
        return programme_team
    if not isinstance(value, dict):
        return None
    name, role, email = (text_value(value.get(k)) for k in ("name", "role", "email"))
    if not name or check_email(email) is not None:
        return None
    return Contact(name, role, email)


def _outcomes(values: Any) -> tuple[Outcome, ...]:
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


__all__ = ["CaseStudy", "Contact", "Outcome", "parse_case_study", "read_front_matter", "check_stem", "slugify"]
