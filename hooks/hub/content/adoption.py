"""Adoption notes: another place tried a case study's idea. Parse one file into a typed record.

Same rules as a case study where the fields are shared (dates, status, voice,
contact, safety); its own sections ("What we changed", "What happened"); and
the case study it names must exist, which the collection checks once it has
read every case study.
"""

from __future__ import annotations

from datetime import date

from hub.content.contract import Contract
from hub.content.entry import check_entry, read_contact, read_outcomes, read_status
from hub.content.fields import parse_date
from hub.content.files import read_front_matter, string_list, term_ids, text_value
from hub.content.records import Adoption

FOLDER = "adoptions"  # inside case_studies/


def parse_adoption(raw: bytes, path: str, stem: str, contract: Contract, today: date | None = None) -> Adoption:
    """The record for one note's bytes, carrying every problem found in it."""
    today = today or date.today()
    text, document, problems = read_front_matter(raw, path, stem, contract.safety)
    if document is None:
        return Adoption(stem=stem, path=path, body=text or "", problems=tuple(sorted(problems)))
    problems += check_entry(
        text, document, path, contract, contract.adoption_schema, contract.adoption_sections, today, "adoption-note"
    )
    data, taxonomy = document.data, contract.taxonomy
    status = read_status(data, contract, today)
    areas = term_ids(data.get("boroughs"), taxonomy.areas)
    return Adoption(
        stem=stem,
        path=path,
        case_study=text_value(data.get("case_study")),
        case_study_line=document.line_of(("case_study",)),
        organisation=text_value(data.get("organisation")),
        areas=areas,
        ics=taxonomy.ics_of_areas(areas),
        started=status.started,
        ended=status.ended,
        status=status.status,
        status_checked=status.checked,
        status_stale=status.stale,
        account=status.account,
        published=parse_date(data.get("published")),
        updated=parse_date(data.get("updated")),
        review_due=parse_date(data.get("review_due")),
        contact=read_contact(data.get("contact"), contract.programme_team),
        outcomes=read_outcomes(data.get("outcomes")),
        sources=string_list(data.get("sources")),
        notes=string_list(data.get("notes")),
        former_bodies=term_ids(data.get("former_bodies"), taxonomy.former_bodies),
        body=document.body,
        body_line=document.body_line,
        readable=True,
        problems=tuple(sorted(problems)),
    )
