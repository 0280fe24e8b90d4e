"""Case studies: parse one file into a typed record plus every problem with it.

A record is always produced, even for a broken file, so that nothing is ever
silently dropped: a broken case study still has a page (which lists its
problems in a non-strict preview) and the strict build fails.
"""

from __future__ import annotations

import re
from typing import Any

from .body import check_sections
from .contract import PROGRAMME_TEAM, Contract
from .frontmatter import Document, decode, parse_document
from .model import CaseStudy, Contact, Outcome
from .problems import Problem
from .rules import Context, check_email, check_front_matter, parse_date
from .schema import body_sections
from .taxonomy import Vocabulary

STEM = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_STEMS = {"index", "page"}  # taken by the list pages at /case-studies/


def slugify(text: str) -> str:
    """Lower-case words joined by hyphens: 'Tower Hamlets' -> 'tower-hamlets'."""
    return "-".join(re.findall(r"[a-z0-9]+", text.casefold().replace("'", "")))


def check_stem(stem: str, path: str) -> list[Problem]:
    """The file name must make a clean, permanent web address."""
    if stem in RESERVED_STEMS:
        return [Problem(path, 1, "file name", f"'{stem}' is reserved for the list pages; choose another name")]
    if not STEM.match(stem):
        better = slugify(stem) or "my-case-study"
        return [
            Problem(
                path,
                1,
                "file name",
                f"'{stem}' cannot be a web address; rename the file to '{better}.md'"
                " (lower-case letters, digits and hyphens)",
            )
        ]
    return []


def parse_case_study(raw: bytes, path: str, stem: str, contract: Contract) -> CaseStudy:
    """The record for one file's bytes, carrying every problem found in it."""
    problems = check_stem(stem, path)
    text, decode_problems = decode(raw, path)
    problems += decode_problems
    document = None
    if text is not None:
        document, parse_problems = parse_document(text, path)
        problems += parse_problems
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
    problems += check_sections(document.body, document.body_line, path, body_sections(contract.schema))
    return _record(stem, path, document, contract, problems)


def _record(stem: str, path: str, doc: Document, contract: Contract, problems: list[Problem]) -> CaseStudy:
    """Build the record from whatever parts of the front matter are valid."""
    data = doc.data
    taxonomy = contract.taxonomy
    return CaseStudy(
        stem=stem,
        path=path,
        title=_text(data.get("title")) or stem,
        summary=_text(data.get("summary")),
        organisation=_text(data.get("organisation")),
        areas=_terms(data.get("boroughs"), taxonomy.areas),
        themes=_terms(data.get("themes"), taxonomy.themes),
        settings=_terms(data.get("settings"), taxonomy.settings),
        published=parse_date(data.get("published")),
        updated=parse_date(data.get("updated")),
        review_due=parse_date(data.get("review_due")),
        status=_term(data.get("status"), taxonomy.statuses),
        evidence=_term(data.get("evidence"), taxonomy.evidence),
        contact=_contact(data.get("contact"), contract.programme_team),
        outcomes=_outcomes(data.get("outcomes")),
        sources=tuple(s.strip() for s in data.get("sources") or () if isinstance(s, str)),
        example=data.get("example") is True,
        body=doc.body,
        body_line=doc.body_line,
        title_line=doc.line_of(("title",)),
        readable=True,
        problems=tuple(sorted(problems)),
    )


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _term(value: Any, vocabulary: Vocabulary) -> str | None:
    term = vocabulary.resolve(value) if isinstance(value, str) else None
    return term.id if term else None


def _terms(values: Any, vocabulary: Vocabulary) -> tuple[str, ...]:
    if not isinstance(values, list):
        return ()
    ids = (_term(v, vocabulary) for v in values)
    return tuple(dict.fromkeys(i for i in ids if i is not None))


def _contact(value: Any, programme_team: Contact) -> Contact | None:
    if value == PROGRAMME_TEAM:
        return programme_team
    if not isinstance(value, dict):
        return None
    name, role, email = (_text(value.get(k)) for k in ("name", "role", "email"))
    if not name or check_email(email) is not None:
        return None
    return Contact(name, role, email)


def _outcomes(values: Any) -> tuple[Outcome, ...]:
    outcomes = []
    for value in values if isinstance(values, list) else ():
        if not isinstance(value, dict):
            continue
        numbers = [value.get(k) for k in ("baseline", "result")]
        texts = [_text(value.get(k)) for k in ("measure", "unit", "period")]
        if all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in numbers) and all(texts):
            source = _text(value.get("source")) or None
            outcomes.append(Outcome(texts[0], texts[1], numbers[0], numbers[1], texts[2], source))
    return tuple(outcomes)


__all__ = ["CaseStudy", "Contact", "Outcome", "parse_case_study", "check_stem", "slugify"]
