"""Check the Markdown body of a case study: its level-2 sections."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from hub.content.contract import Section
from hub.content.problems import Problem
from hub.content.suggest import hint

HEADING = re.compile(r"^(#{1,6})[ \t]*(.*?)[ \t]*#*[ \t]*$")
FENCE_OPEN = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# "we", "our", "us" and their forms: a compiled account must not speak as the organisation. "US" in
# capitals is left alone (the country).
FIRST_PERSON_WORDS = r"\b(?:we|we're|we've|we'd|we'll|our|ours|ourselves)\b"  # in any case
US = r"\bus\b"  # in lower case only
FIRST_PERSON_PLURAL = re.compile(f"(?i:{FIRST_PERSON_WORDS})|{US}")
COMPILED_VOICE = "speaks as the organisation, but this account is compiled by the hub (account: compiled)"


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int  # 1-based line in the file


def normalise_heading(text: str) -> str:
    """Compare headings ignoring case, curly apostrophes and spacing."""
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").split()).casefold()


def mark_code(lines: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each line with whether it belongs to a fenced code block (its fences included)."""
    fence: str | None = None
    for line in lines:
        opener = FENCE_OPEN.match(line)
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
            yield line, True
        elif opener:
            fence = opener.group(1)
            yield line, True
        else:
            yield line, False


def parse_headings(body: str, first_line: int) -> list[Heading]:
    """ATX headings of ``body`` outside fenced code blocks."""
    headings: list[Heading] = []
    for offset, (line, in_code) in enumerate(mark_code(body.split("\n"))):
        match = None if in_code else HEADING.match(line)
        if match:
            headings.append(Heading(len(match.group(1)), match.group(2), first_line + offset))
    return headings


def check_sections(
    body: str,
    first_line: int,
    path: str,
    sections: Sequence[Section],
    limit: int | None = None,
    account: str | None = None,
    kind: str = "case-study",
) -> Iterator[Problem]:
    """Required sections present once, not empty and at most ``limit`` characters, with the headings of
    the ``account``; no other level-2 or level-1 headings; a compiled account's sub-headings do not speak
    as the organisation."""
    allowed = {normalise_heading(h): (s, h) for s in sections for h in s.headings_for(account)}
    article = "an" if kind[0] in "aeiou" else "a"
    other_voice = {normalise_heading(h): s for s in sections for h in s.headings_for("team") if account == "compiled"}
    headings = parse_headings(body, first_line)
    lines = body.split("\n")
    found: dict[str, Heading] = {}
    for index, heading in enumerate(headings):
        if heading.level == 1:
            yield Problem(
                path, heading.line, "body", f"'# {heading.text}' is not needed: the title comes from the front matter"
            )
            continue
        if heading.level > 2:
            if account == "compiled" and FIRST_PERSON_PLURAL.search(heading.text):
                yield Problem(path, heading.line, "body", f"'{'#' * heading.level} {heading.text}' {COMPILED_VOICE}")
            continue
        key = normalise_heading(heading.text)
        if key not in allowed:
            if key in other_voice:
                wanted = other_voice[key].heading_for("compiled")
                yield Problem(path, heading.line, "body", f"'## {heading.text}' {COMPILED_VOICE}: use '## {wanted}'")
                found.setdefault(other_voice[key].heading, heading)  # reported once, not again as missing
                continue
            suggestion = hint(heading.text, [h for _s, h in allowed.values()])
            yield Problem(
                path,
                heading.line,
                "body",
                f"'## {heading.text}' is not {article} {kind} section {suggestion}; use ### for a sub-heading",
            )
            continue
        section, written = allowed[key]
        if section.heading in found:
            yield Problem(path, heading.line, "body", f"the section '## {written}' appears twice")
            continue
        found[section.heading] = heading
        content = _content(lines, heading, headings[index + 1 :], first_line)
        if not content:
            yield Problem(path, heading.line, "body", f"the section '## {written}' is empty")
        elif limit is not None and len(content) > limit:
            yield Problem(
                path,
                heading.line,
                "body",
                f"the section '## {written}' is {len(content):,} characters long; at most {limit:,} are allowed"
                " (shorten it, or move detail to a linked source)",
            )
    for section in sections:
        if section.required and section.heading not in found:
            name = section.heading_for(account)
            yield Problem(path, first_line, "body", f"the required section '## {name}' is missing")


def _content(lines: list[str], heading: Heading, later: list[Heading], first_line: int) -> str:
    """What follows ``heading`` before the next level-1 or level-2 heading, without HTML comments
    (the scaffold's guidance) and surrounding blank lines."""
    end = next((h.line for h in later if h.level <= 2), first_line + len(lines))
    content = "\n".join(lines[heading.line - first_line + 1 : end - first_line])
    return COMMENT.sub("", content).strip()
