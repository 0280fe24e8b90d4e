"""Case studies: parse one file into a typed record plus every problem with it.

A record is always produced, even for a broken file, so that nothing is ever
silently dropped: a broken case study still has a page (which lists its
problems in a non-strict preview) and the strict build fails.
"""

from __future__ import annotations

from datetime import date

from hub.content.contract import Contract
from hub.content.entry import check_entry, read_contact, read_outcomes, read_status
from hub.content.fields import parse_date
from hub.content.files import check_stem, read_front_matter, slugify, string_list, term_id, term_ids, text_value
from hub.content.frontmatter import Document
from hub.content.problems import Problem
from hub.content.records import CaseStudy, Contact, Outcome


def parse_case_study(raw: bytes, path: str, stem: str, contract: Contract, today: date | None = None) -> CaseStudy:
    """The record for one file's bytes, carrying every problem found in it (``today`` decides what is in the
    future)."""
    text, document, problems = read_front_matter(raw, path, stem, contract.safety)
    if document is None:
        return CaseStudy(
            stem=stem,
            path=path,
            title=stem,
            body=text or "",
            decodable=text is not None,
            problems=tuple(sorted(problems)),
        )
    today = today or date.today()
    problems += check_entry(text, document, path, contract, contract.schema, contract.sections, today)
    return _record(stem, path, document, contract, problems, today)


def _record(stem: str, path: str, doc: Document, contract: Contract, problems: list[Problem], today: date) -> CaseStudy:
    """Build the record from whatever parts of the front matter are valid."""
    data = doc.data
    taxonomy = contract.taxonomy
    status = read_status(data, contract, today)
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
        started=status.started,
        ended=status.ended,
        published=parse_date(data.get("published")),
        updated=parse_date(data.get("updated")),
        review_due=parse_date(data.get("review_due")),
        status=status.status,
        status_checked=status.checked,
        status_stale=status.stale,
        account=status.account,
        evidence=term_id(data.get("evidence"), taxonomy.evidence),
        contact=read_contact(data.get("contact"), contract.programme_team),
        outcomes=read_outcomes(data.get("outcomes")),
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


__all__ = ["CaseStudy", "Contact", "Outcome", "parse_case_study", "read_front_matter", "check_stem", "slugify"]
