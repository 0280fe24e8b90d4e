"""Open data: every case study's metadata as JSON and CSV, under the Open Government Licence."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date
from typing import Any
from urllib.parse import urljoin

from hub import urls
from hub.content.records import Adoption, CaseStudy, Contact
from hub.content.taxonomy import Taxonomy
from hub.memo import Memo

LICENCE = {
    "name": "Open Government Licence v3.0",
    "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}
CSV_COLUMNS = [
    "id",
    "url",
    "title",
    "summary",
    "organisation",
    "areas",
    "ics",
    "themes",
    "settings",
    "started",
    "ended",
    "status",
    "status_checked",
    "status_confirmed",
    "account",
    "evidence",
    "published",
    "updated",
    "review_due",
    "contact_name",
    "contact_role",
    "contact_email",
    "outcomes",
    "sources",
    "former_bodies",
    "example",
]
# Columns whose values are lists, written joined with '; '.
JOINED = ("areas", "ics", "themes", "settings", "sources", "former_bodies")
OUTCOME_COLUMNS = ["case_study", "url", "measure", "unit", "baseline", "result", "change", "period", "source"]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def case_study_record(record: CaseStudy, taxonomy: Taxonomy, site_url: str) -> dict[str, Any]:
    """One case study as plain data, with names beside ids and an absolute page URL."""
    contact = record.contact
    return {
        "id": record.stem,
        "url": urljoin(site_url, record.url),
        "title": record.title,
        "summary": record.summary,
        "organisation": record.organisation,
        **_where(record, taxonomy),
        "themes": [{"id": t, "name": taxonomy.themes[t].name} for t in record.themes],
        "settings": [{"id": s, "name": taxonomy.settings[s].name} for s in record.settings],
        "started": record.started.iso if record.started else None,
        "ended": record.ended.iso if record.ended else None,
        "when": record.when(precise=True) or None,
        "status": record.status,
        "status_checked": _iso(record.status_checked),
        "status_confirmed": not record.status_stale if record.status_checked else None,
        "account": record.account,
        "evidence": record.evidence,
        "published": _iso(record.published),
        "updated": _iso(record.updated),
        "review_due": _iso(record.review_due),
        "contact": _contact(contact),
        "outcomes": _outcomes(record),
        "sources": list(record.sources),
        "notes": list(record.notes),
        "former_bodies": [{"id": b, "name": taxonomy.former_bodies[b].name} for b in record.former_bodies],
        "example": record.example,
    }


def _where(entry: CaseStudy | Adoption, taxonomy: Taxonomy) -> dict[str, Any]:
    """An entry's areas (with their ICS) and integrated care systems, names beside ids."""
    return {
        "areas": [{"id": a, "name": taxonomy.areas[a].name, "ics": taxonomy.areas[a].ics} for a in entry.areas],
        "ics": [{"id": i, "name": taxonomy.ics[i].name} for i in entry.ics],
    }


def _contact(contact: Contact | None) -> dict[str, str] | None:
    return {"name": contact.name, "role": contact.role, "email": contact.email} if contact else None


def _outcomes(entry: CaseStudy | Adoption) -> list[dict[str, Any]]:
    return [
        {
            "measure": o.measure,
            "unit": o.unit,
            "baseline": o.baseline,
            "result": o.result,
            "change": _change(o.baseline, o.result),
            "period": o.period,
            "source": o.source,
        }
        for o in entry.outcomes
    ]


def csv_fields(data: dict[str, Any], columns: Sequence[str]) -> dict[str, Any]:
    """A record's plain data as one CSV row of ``columns``: lists of terms and sources joined with '; ',
    the contact in three columns, and the number of outcomes."""
    contact = data["contact"] or {}
    row = {k: data[k] for k in columns if k in data}
    row.update({k: _join(data[k]) for k in JOINED if k in columns})
    row.update(
        contact_name=contact.get("name", ""),
        contact_role=contact.get("role", ""),
        contact_email=contact.get("email", ""),
        outcomes=len(data["outcomes"]),
    )
    return row


def _change(baseline: float | int, result: float | int) -> float | int:
    change = result - baseline
    return round(change, 6) if isinstance(change, float) else change


def render_json(
    records: Sequence[CaseStudy], taxonomy: Taxonomy, site_url: str, built: date, memo: Memo | None = None
) -> str:
    """``/api/case-studies.json`` (each case study's part kept in ``memo`` by its record)."""
    head = {
        "title": "London Primary Care Knowledge Hub: case studies",
        "licence": LICENCE,
        "schema": urljoin(site_url, urls.API_SCHEMA),
        "generated": built.isoformat(),
        "count": len(records),
    }

    def part(record: CaseStudy) -> str:
        return json_item(case_study_record(record, taxonomy, site_url))

    items = [memo.get(("json", r, site_url), lambda r=r: part(r)) if memo else part(r) for r in records]
    return json_document(head, "case_studies", items)


# How json.dumps(indent=2) lays out an object's items inside a list that is a value of the document.
ITEM_INDENT = "    "


def json_item(value: Any) -> str:
    """One item of a list in a JSON document written by ``json_document``, as ``json.dumps`` would lay it out."""
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + ITEM_INDENT)


def json_document(head: dict[str, Any], key: str, items: Sequence[str]) -> str:
    """``json.dumps({**head, key: [...]}, indent=2)`` from items already written by ``json_item``.

    A document is the same bytes as one dumped whole; each item can be written once and kept.
    (json.dumps writes no raw line breaks inside strings, so indenting by lines is safe.)
    """
    document = json.dumps({**head, key: []}, indent=2, ensure_ascii=False)
    if items:
        document = document.removesuffix("[]\n}") + "[\n" + ITEM_INDENT + (",\n" + ITEM_INDENT).join(items) + "\n  ]\n}"
    return document + "\n"


def _join(values: list[Any], key: str = "id") -> str:
    return "; ".join(str(v[key]) if isinstance(v, dict) else str(v) for v in values)


def render_csv(records: Sequence[CaseStudy], taxonomy: Taxonomy, site_url: str, memo: Memo | None = None) -> str:
    """``/api/case-studies.csv``: one row per case study; lists joined with '; ' (each row kept in ``memo``)."""
    out = io.StringIO()
    csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n").writeheader()
    for record in records:
        if memo is None:
            out.write(csv_row(record, taxonomy, site_url))
        else:
            out.write(memo.get(("csv row", record, site_url), lambda r=record: csv_row(r, taxonomy, site_url)))
    return out.getvalue()


def csv_row(record: CaseStudy, taxonomy: Taxonomy, site_url: str) -> str:
    """One case study's line of ``/api/case-studies.csv``."""
    data = case_study_record(record, taxonomy, site_url)
    out = io.StringIO()
    csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n").writerow(csv_fields(data, CSV_COLUMNS))
    return out.getvalue()


def render_outcomes_csv(records: Sequence[CaseStudy], site_url: str) -> str:
    """``/api/outcomes.csv``: one row per reported outcome, for reporting across case studies."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(OUTCOME_COLUMNS)
    for record in records:
        for o in record.outcomes:
            writer.writerow(
                [
                    record.stem,
                    urljoin(site_url, record.url),
                    o.measure,
                    o.unit,
                    o.baseline,
                    o.result,
                    _change(o.baseline, o.result),
                    o.period,
                    o.source or "",
                ]
            )
    return out.getvalue()


ADOPTION_COLUMNS = [
    "id",
    "url",
    "case_study",
    "case_study_url",
    "organisation",
    "areas",
    "ics",
    "started",
    "ended",
    "status",
    "status_checked",
    "status_confirmed",
    "account",
    "published",
    "updated",
    "review_due",
    "contact_name",
    "contact_role",
    "contact_email",
    "outcomes",
    "sources",
]


def adoption_record(note: Adoption, taxonomy: Taxonomy, site_url: str) -> dict[str, Any]:
    """One adoption note as plain data, with names beside ids and absolute addresses."""
    contact = note.contact
    return {
        "id": note.stem,
        "url": urljoin(site_url, note.url),
        "case_study": note.case_study,
        "case_study_url": urljoin(site_url, note.case_study_url),
        "organisation": note.organisation,
        **_where(note, taxonomy),
        "started": note.started.iso if note.started else None,
        "ended": note.ended.iso if note.ended else None,
        "when": note.when(precise=True) or None,
        "status": note.status,
        "status_checked": _iso(note.status_checked),
        "status_confirmed": not note.status_stale if note.status_checked else None,
        "account": note.account,
        "published": _iso(note.published),
        "updated": _iso(note.updated),
        "review_due": _iso(note.review_due),
        "contact": _contact(contact),
        "outcomes": _outcomes(note),
        "sources": list(note.sources),
        "notes": list(note.notes),
    }


def render_adoptions_json(notes: Sequence[Adoption], taxonomy: Taxonomy, site_url: str, built: date) -> str:
    """``/api/adoptions.json``."""
    data = {
        "title": "London Primary Care Knowledge Hub: adoption notes (places that tried a case study's idea)",
        "licence": LICENCE,
        "schema": urljoin(site_url, urls.API_ADOPTION_SCHEMA),
        "generated": built.isoformat(),
        "count": len(notes),
        "adoptions": [adoption_record(n, taxonomy, site_url) for n in notes],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_adoptions_csv(notes: Sequence[Adoption], taxonomy: Taxonomy, site_url: str) -> str:
    """``/api/adoptions.csv``: one row per note; lists joined with '; '."""
    out = io.StringIO()
    writer = csv.DictWriter(out, ADOPTION_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for note in notes:
        writer.writerow(csv_fields(adoption_record(note, taxonomy, site_url), ADOPTION_COLUMNS))
    return out.getvalue()
