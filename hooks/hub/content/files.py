"""Reading any content file: decoding, front matter, file names and field values.

Shared by every kind of content (case studies, leadership resources).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from hub.content.fields import field_name
from hub.content.frontmatter import Document, decode, parse_document
from hub.content.problems import Problem
from hub.content.rules import SafetyRules, default_rules
from hub.content.safety import check_control_characters, check_safety, prepare
from hub.content.taxonomy import Vocabulary

if TYPE_CHECKING:
    from hub.content.contract import Contract

STEM = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_STEMS = {"index", "page"}  # taken by list pages


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


def read_front_matter(
    raw: bytes, path: str, stem: str, rules: SafetyRules | None = None
) -> tuple[str | None, Document | None, list[Problem]]:
    """Decode and split a content file: its text, its document and the problems so far.

    A control character (a NUL byte, say) is reported on its line, then read as U+FFFD so that the rest
    of the file is still checked: every problem at once, never a traceback.
    """
    problems = check_stem(stem, path)
    text, decode_problems = decode(raw, path)
    problems += decode_problems
    document = None
    if text is not None:
        rules = rules or default_rules()
        readable = rules.control.sub("\ufffd", text)
        document, parse_problems = parse_document(readable, path)
        problems += parse_problems
        if readable != text:
            problems += _name_fields(
                check_control_characters(path, text, rules, document.body_line if document else 1), document
            )
        text = readable
    return text, document, problems


def _name_fields(problems: list[Problem], document: Document | None) -> list[Problem]:
    """Front-matter problems named after the field written on (or last before) their line."""
    if document is None:
        return problems
    keys = sorted((line, keypath) for keypath, line in document.lines.items())
    named = []
    for problem in problems:
        before = [keypath for line, keypath in keys if line <= problem.line]
        if problem.field == "front matter" and before:
            problem = Problem(problem.path, problem.line, field_name(before[-1]), problem.message, problem.severity)
        named.append(problem)
    return named


def safety_problems(
    text: str, document: Document, path: str, contract: Contract, contact_email: str | None
) -> list[Problem]:
    """The safety rules on one readable file."""
    allowed = {contract.programme_team.email.lower()}
    if contact_email:
        allowed.add(contact_email.lower())
    prepared = prepare(
        path, text, document.body_line, frozenset(allowed), contract.allowed_email_domains, contract.safety
    )
    return list(check_safety(prepared))


def text_value(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def term_id(value: Any, vocabulary: Vocabulary) -> str | None:
    term = vocabulary.resolve(value) if isinstance(value, str) else None
    return term.id if term else None


def term_ids(values: Any, vocabulary: Vocabulary) -> tuple[str, ...]:
    if not isinstance(values, list):
        return ()
    ids = (term_id(v, vocabulary) for v in values)
    return tuple(dict.fromkeys(i for i in ids if i is not None))


def string_list(values: Any) -> tuple[str, ...]:
    """The text items of a list value (others were reported by the rules)."""
    return tuple(v.strip() for v in values if isinstance(v, str)) if isinstance(values, list) else ()
