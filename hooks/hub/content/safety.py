"""Safety checks: no patient-identifiable data and no markup that runs code.

Each rule is a small function that yields problems with their line. They run
on case studies and leadership resources, in the validator and the build.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Callable, Iterator
from urllib.parse import urlparse

from hub.content.body import mark_code
from hub.content.problems import Problem

# 10 digits as 3-3-4, spaced, hyphenated or run together, not inside a longer number.
NHS_NUMBER = re.compile(r"(?<![\d-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d-])")
# Part of every NHS_NUMBER match, found many times faster (it starts with a digit, which
# the regex engine can skip to): a file without it needs no full scan.
NHS_NUMBER_DIGITS = re.compile(r"\d{3}[ -]?\d{3}[ -]?\d{4}")
# A run of digits, spaces, brackets and hyphens that may be a phone number;
# ``is_uk_phone`` decides (UK numbers: 0 then 9 or 10 digits, or +44).
PHONE_CANDIDATE = re.compile(r"(?<![\w+.,/-])(?:\+|\()?\d[\d \t()-]{7,16}\d(?![\w.,/-]\d)")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
DATE_OF_BIRTH = re.compile(r"\bD\.O\.B\.?|\bDOB\b|\bdate of birth\b|\bborn on\b", re.IGNORECASE)
INLINE_CODE = re.compile(r"(`+).+?\1")
# "Mrs X, aged 84", "Mr Smith (84)", "patient A, 72"
PATIENT = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|patient)\.?\s+[A-Z][\w'-]*\s*(?:,\s*(?:aged\s+)?\d{1,3}\b|\(\s*(?:aged\s+)?\d{1,3}\s*\)|,?\s+aged\s+\d{1,3}\b)",
)
DANGEROUS_TAG = re.compile(r"<\s*(script|iframe|object|embed)\b", re.IGNORECASE)
EVENT_ATTRIBUTE = re.compile(r"<[^>]*\s(on[a-z]+)\s*=", re.IGNORECASE)
# Link targets in Markdown ([t](url), ![a](url), <url>) and HTML (href=, src=).
MARKDOWN_LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
AUTOLINK = re.compile(r"<((?:https?|javascript|data):[^>\s]*)>", re.IGNORECASE)
HTML_URL = re.compile(r"\b(?:href|src)\s*=\s*[\"']?\s*([^\"'\s>]+)", re.IGNORECASE)
HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
UNSAFE_SCHEME = re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)


@dataclass(frozen=True)
class Text:
    """The text to check, scanned whole by each rule; matches are placed on lines by offset."""

    path: str
    text: str  # the whole file
    body: str  # the body from the same offset, with code (fenced and inline) blanked out
    body_offset: int  # where the body starts in ``text``
    line_starts: tuple[int, ...]  # offset of each line's first character
    allowed_emails: frozenset[str]  # addresses that may appear (the contact's)
    allowed_domains: frozenset[str]

    def line(self, offset: int) -> int:
        """The 1-based line of an offset in ``text``."""
        return bisect.bisect_right(self.line_starts, offset)


def prepare(path: str, text: str, body_line: int, allowed_emails: frozenset[str], allowed_domains: frozenset[str]) -> Text:
    """Index ``text`` by line and blank out the body's code, keeping every offset."""
    lines = text.split("\n")
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    body_offset = starts[body_line - 1] if body_line - 1 < len(starts) else len(text)
    kept = [
        " " * len(line) if in_code else INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line) if "`" in line else line
        for line, in_code in mark_code(lines[body_line - 1 :])
    ]
    return Text(path, text, "\n".join(kept), body_offset, tuple(starts), allowed_emails, allowed_domains)


def nhs_number_is_valid(digits: str) -> bool:
    """The NHS number modulus 11 check: weights 10..2, check digit 11 - (sum mod 11)."""
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def check_nhs_numbers(text: Text) -> Iterator[Problem]:
    """Nothing that could be an NHS number (10 digits with a valid check digit)."""
    if not NHS_NUMBER_DIGITS.search(text.text):
        return
    for match in NHS_NUMBER.finditer(text.text):
        digits = match.group(1) + match.group(3) + match.group(4)
        if nhs_number_is_valid(digits):
            yield Problem(
                text.path, text.line(match.start()), "patient data",
                f"'{match.group(0)}' looks like an NHS number; remove it (case studies never identify patients)",
            )


def is_uk_phone(candidate: str) -> bool:
    """0 followed by 9 or 10 digits (1, 2, 3, 5, 7, 8 after the 0), or the same after +44."""
    digits = re.sub(r"\D", "", candidate)
    if candidate.lstrip("(").startswith("+"):
        if not digits.startswith("44"):
            return False
        digits = "0" + digits[2:].removeprefix("0")
    return digits.startswith("0") and len(digits) in (10, 11) and digits[1] in "123578"


def check_phone_numbers(text: Text) -> Iterator[Problem]:
    """No telephone numbers: readers use the contact's email address."""
    for match in PHONE_CANDIDATE.finditer(text.text):
        if "\n" in match.group(0) or not is_uk_phone(match.group(0)):
            continue
        yield Problem(
            text.path, text.line(match.start()), "contact details",
            f"'{match.group(0).strip()}' looks like a phone number; remove it and use the contact field",
        )


def check_email_addresses(text: Text) -> Iterator[Problem]:
    """No email addresses except the contact's and allow-listed domains."""
    if "@" not in text.text:  # in every address; a fast test saves a slow scan
        return
    for match in EMAIL.finditer(text.text):
        address, domain = match.group(0), match.group(1).lower()
        if address.lower() in text.allowed_emails or domain in text.allowed_domains:
            continue
        allowed = ", ".join(sorted(text.allowed_domains)) or "none"
        yield Problem(
            text.path, text.line(match.start()), "contact details",
            f"'{address}' is an email address; only the contact field may hold one (allowed domains: {allowed})",
        )


def check_personal_details(text: Text) -> Iterator[Problem]:
    """Warn about dates of birth and references that look like individual patients."""
    for match in DATE_OF_BIRTH.finditer(text.text):
        yield Problem(
            text.path, text.line(match.start()), "patient data",
            f"'{match.group(0)}' may introduce a date of birth; make sure no patient can be identified",
            severity="warning",
        )
    for match in PATIENT.finditer(text.text):
        yield Problem(
            text.path, text.line(match.start()), "patient data",
            f"'{match.group(0)}' looks like a reference to a patient; describe people without names or ages",
            severity="warning",
        )


def check_active_markup(text: Text) -> Iterator[Problem]:
    """No HTML that can run code: script, iframe, object, embed or on* attributes."""
    for match in DANGEROUS_TAG.finditer(text.body):
        yield Problem(
            text.path, text.line(text.body_offset + match.start()), "body",
            f"<{match.group(1).lower()}> is not allowed: pages may not run or embed code",
        )
    for match in EVENT_ATTRIBUTE.finditer(text.body):
        yield Problem(
            text.path, text.line(text.body_offset + match.start(1)), "body",
            f"the HTML attribute '{match.group(1).lower()}=' is not allowed: pages may not run code",
        )


def check_links(text: Text) -> Iterator[Problem]:
    """Links and images: no javascript: or data: addresses, external links over https."""
    for offset, url in sorted(_link_targets(text.body)):
        line = text.line(text.body_offset + offset)
        scheme = UNSAFE_SCHEME.match(url)
        if scheme:
            yield Problem(text.path, line, "body", f"a '{scheme.group(1).lower()}:' address is not allowed in a link or image")
        elif urlparse(url).scheme == "http":
            yield Problem(text.path, line, "body", f"'{url}' is not secure; link with https:// instead of http://")


def _link_targets(body: str) -> Iterator[tuple[int, str]]:
    # Each pattern needs a character the fast "in" tests look for: "](" or "=" (or it starts with "<").
    if "](" in body:
        for match in MARKDOWN_LINK.finditer(body):
            yield match.start(), match.group(3)
    for match in AUTOLINK.finditer(body):
        yield match.start(), match.group(1)
    if "=" in body:
        for match in HTML_URL.finditer(body):
            yield match.start(), match.group(1)


def check_image_alt_text(text: Text) -> Iterator[Problem]:
    """Every image has alt text describing it (WCAG 1.1.1)."""
    for match in MARKDOWN_LINK.finditer(text.body) if "](" in text.body else ():
        if match.group(1) == "!" and not match.group(2).strip():
            yield Problem(
                text.path, text.line(text.body_offset + match.start()), "body",
                f"the image '{match.group(3)}' has no alt text; describe it: ![what it shows]({match.group(3)})",
            )
    for match in HTML_IMG.finditer(text.body):
        if not re.search(r"\balt\s*=\s*[\"'][^\"']*\S", match.group(0), re.IGNORECASE):
            yield Problem(
                text.path, text.line(text.body_offset + match.start()), "body", "an <img> has no alt text; add alt=\"what it shows\""
            )


RULES: tuple[Callable[[Text], Iterator[Problem]], ...] = (
    check_nhs_numbers,
    check_phone_numbers,
    check_email_addresses,
    check_personal_details,
    check_active_markup,
    check_links,
    check_image_alt_text,
)


def check_safety(text: Text) -> Iterator[Problem]:
    """Every safety problem in one file."""
    for rule in RULES:
        yield from rule(text)
