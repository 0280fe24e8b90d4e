"""Safety checks: no patient-identifiable data, no contact details, no control characters, markup by allow-list.

The rules and their words come from ``data/safety.yml`` (``hub.content.rules``),
the file the submit form reads too. Finders return ``Finding``s (what matched,
where); the ``check_*`` functions turn them into problems on lines. They run
on case studies, adoption notes and leadership resources, in the validator and
the build. ``scan_answer`` is what the form checks in one answer: a test runs
it and the form's JavaScript over one corpus and compares the verdicts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from hub.content.markup import blank_code, find_markup
from hub.content.problems import Problem
from hub.content.rules import Finding, SafetyRules, UkPhone, Wording

# Markdown images (![alt](url)) and HTML ones, for the alt-text rule.
MARKDOWN_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
AnswerKind = Literal["text", "plain", "markdown"]  # any text, a plain-text field, a Markdown body


@dataclass(frozen=True)
class Text:
    """The text to check, scanned whole by each rule; matches are placed on lines by offset."""

    path: str
    text: str  # the whole file
    body: str  # the body from the same offset (code is blanked by the rules that need it)
    body_offset: int  # where the body starts in ``text``
    line_starts: tuple[int, ...]  # offset of each line's first character
    allowed_emails: frozenset[str]  # addresses that may appear (the contact's)
    allowed_domains: frozenset[str]
    rules: SafetyRules

    def line(self, offset: int) -> int:
        """The 1-based line of an offset in ``text``."""
        return bisect.bisect_right(self.line_starts, offset)


def prepare(
    path: str,
    text: str,
    body_line: int,
    allowed_emails: frozenset[str],
    allowed_domains: frozenset[str],
    rules: SafetyRules,
) -> Text:
    """Index ``text`` by line and find its body."""
    starts, at = [], 0
    for line in text.split("\n"):
        starts.append(at)
        at += len(line) + 1
    body_offset = starts[body_line - 1] if body_line - 1 < len(starts) else len(text)
    return Text(path, text, text[body_offset:], body_offset, tuple(starts), allowed_emails, allowed_domains, rules)


# --- Finders: what each rule finds in a text --------------------------------------


def nhs_number_is_valid(digits: str) -> bool:
    """The NHS number modulus 11 check: weights 10..2, check digit 11 - (sum mod 11)."""
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def is_uk_phone(candidate: str, phone: UkPhone) -> bool:
    """0 followed by 9 or 10 digits (with an allowed digit after the 0), or the same after +44."""
    digits = re.sub(r"[^0-9]", "", candidate)
    if candidate.lstrip("(").startswith("+"):
        if not digits.startswith(phone.country_code):
            return False
        digits = "0" + digits[len(phone.country_code) :].removeprefix("0")
    return digits.startswith("0") and len(digits) in phone.lengths and digits[1] in phone.after_zero


def find_patient_data(
    rules: SafetyRules,
    text: str,
    allowed_emails: frozenset[str] = frozenset(),
    allowed_domains: frozenset[str] = frozenset(),
) -> Iterator[Finding]:
    """NHS numbers, UK phone numbers, email addresses other than those allowed, dates of birth and
    patient-like references (the last two as warnings)."""
    for rule in rules.patterns:
        for match in rule.regex.finditer(text):
            found = match.group(0)
            if rule.id == "nhs-number" and not nhs_number_is_valid(match.group(1) + match.group(3) + match.group(4)):
                continue
            if rule.id == "phone":
                if "\n" in found or not is_uk_phone(found, rules.uk_phone):
                    continue
                found = found.strip()
            if rule.id == "email" and (found.lower() in allowed_emails or match.group(1).lower() in allowed_domains):
                continue
            yield Finding(match.start(), rule.id, found, rule.wording.severity)


def find_control_characters(rules: SafetyRules, text: str) -> Iterator[Finding]:
    """Characters that cannot be published: controls, and the invisible ones that reorder text."""
    for match in rules.control.finditer(text):
        yield Finding(match.start(), "control-character", f"U+{ord(match.group(0)):04X}")


def find_plain_markup(rules: SafetyRules, value: str) -> Iterator[Finding]:
    """The first HTML tag, character reference or Markdown formatting in a plain-text value."""
    match = rules.plain_text.search(value)
    if match:
        yield Finding(match.start(), "plain-markup", match.group(0))


def scan_answer(
    rules: SafetyRules,
    kind: AnswerKind,
    text: str,
    allowed_emails: frozenset[str] = frozenset(),
    allowed_domains: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Every finding in one answer, as the form checks it: ``plain`` adds the plain-text rule,
    ``markdown`` the markup allow-list."""
    findings = [*find_control_characters(rules, text), *find_patient_data(rules, text, allowed_emails, allowed_domains)]
    if kind == "plain":
        findings += find_plain_markup(rules, text)
    elif kind == "markdown":
        findings += find_markup(rules.markup, text)
    return sorted(findings)


def describe_control(value: str, rules: SafetyRules) -> str | None:
    """The validator's message for the first control character in a value, if any."""
    finding = next(find_control_characters(rules, value), None)
    return None if finding is None else say(rules.control_wording, finding)


def say(wording: Wording, finding: Finding, **extra: str) -> str:
    """The validator's message for a finding."""
    return wording.message.format(found=finding.found, element=finding.element, **extra)


# --- Checks: findings as problems on lines ------------------------------------------


def check_patient_data(text: Text) -> Iterator[Problem]:
    """Nothing that identifies a patient, and no contact details outside the contact field."""
    domains = ", ".join(sorted(text.allowed_domains)) or "none"
    for finding in find_patient_data(text.rules, text.text, text.allowed_emails, text.allowed_domains):
        wording = text.rules.pattern(finding.rule).wording
        yield Problem(
            text.path,
            text.line(finding.offset),
            wording.field,
            say(wording, finding, domains=domains),
            severity=wording.severity,
        )


def check_markup(text: Text) -> Iterator[Problem]:
    """The body's rendered HTML holds only allowed elements, attributes, classes and addresses."""
    markup = text.rules.markup
    for finding in find_markup(markup, text.body):
        wording = markup.wordings[finding.rule]
        allowed = (
            ", ".join(
                sorted(
                    markup.classes.get(finding.element, ())
                    if finding.rule == "class"
                    else markup.attributes.get(finding.element, ())
                )
            )
            or "none"
        )
        yield Problem(
            text.path,
            text.line(text.body_offset + finding.offset),
            wording.field,
            say(wording, finding, allowed=allowed),
            severity=wording.severity,
        )


def check_image_alt_text(text: Text) -> Iterator[Problem]:
    """Every image has alt text describing it (WCAG 1.1.1)."""
    body = blank_code(text.body)
    for match in MARKDOWN_IMAGE.finditer(body):
        if not match.group(1).strip():
            url = match.group(2)
            yield Problem(
                text.path,
                text.line(text.body_offset + match.start()),
                "body",
                f"the image '{url}' has no alt text; describe it: ![what it shows]({url})",
            )
    for match in HTML_IMG.finditer(body):
        if not re.search(r"\balt\s*=\s*[\"'][^\"']*\S", match.group(0), re.IGNORECASE):
            yield Problem(
                text.path,
                text.line(text.body_offset + match.start()),
                "body",
                'an <img> has no alt text; add alt="what it shows"',
            )


def check_control_characters(path: str, text: str, rules: SafetyRules, body_line: int) -> list[Problem]:
    """Each control character in a file, on its line (the front matter or the body)."""
    problems = []
    for finding in find_control_characters(rules, text):
        line = text.count("\n", 0, finding.offset) + 1
        where = "body" if line >= body_line else "front matter"
        problems.append(Problem(path, line, where, say(rules.control_wording, finding)))
    return problems


RULES: tuple[Callable[[Text], Iterator[Problem]], ...] = (
    check_patient_data,
    check_markup,
    check_image_alt_text,
)


def check_safety(text: Text) -> Iterator[Problem]:
    """Every safety problem in one file."""
    for rule in RULES:
        yield from rule(text)
