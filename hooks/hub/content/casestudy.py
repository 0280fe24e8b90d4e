"""Case studies: parse one file into a typed record plus every problem with it.

A record is always produced, even for a broken file, so that nothing is ever
silently dropped: a broken case study still has a page (which lists its
problems in a non-strict preview) and the strict build fails.
"""

from __future__ import annotations

from typing import Any

from hub.content.body import check_sections
from hub.content.contract import PROGRAMME_TEAM, Contract
from hub.content.frontmatter import Document
from hub.content.records import CaseStudy, Contact, Outcome
from hub.content.problems import Problem
from hub.content.files import check_stem, read_front_matter, safety_problems, slugify, string_list, term_id, term_ids, text_value
from hub.content.fields import Context, check_email, check_front_matter, parse_date


def parse_case_study(raw: bytes, path: str, stem: str, contract: Contract) -> CaseStudy:
    """The record for one file's bytes, carrying every problem found in it."""
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
    problems += check_front_matter(Context(path, document, contract.taxonomy), contract.schema)
    problems += check_sections(document.body, document.body_line, path, contract.sections, contract.section_limit)
    contact = document.data.get("contact")
    email = contact.get("email") if isinstance(contact, dict) and isinstance(contact.get("email"), str) else None
    problems += safety_problems(text, document, path, contract, email)
    return _record(stem, path, document, contract, problems)


def _record(stem: str, path: str, doc: Document, contract: Contract, problems: list[Problem]) -> CaseStudy:
    """Build the record from whatever parts of the front matter are valid."""
    data = doc.data
    taxonomy = contract.taxonomy
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
        published=parse_date(data.get("published")),
        updated=parse_date(data.get("updated")),
        review_due=parse_date(data.get("review_due")),
        status=term_id(data.get("status"), taxonomy.statuses),
        evidence=term_id(data.get("evidence"), taxonomy.evidence),
        contact=_contact(data.get("contact"), contract.programme_team),
        outcomes=_outcomes(data.get("outcomes")),
        sources=string_list(data.get("sources")),
        example=data.get("example") is True,
        body=doc.body,
        body_line=doc.body_line,
        title_line=doc.line_of(("title",)),
        readable=True,
        problems=tuple(sorted(problems)),
    )


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
