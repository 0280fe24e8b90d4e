"""The body's level-2 sections."""

from __future__ import annotations

import markdown
import pytest

from hub.content.body import parse_headings
from hub.content.casestudy import parse_case_study
from support import case_study_text

PATH = "case_studies/example.md"
# The valid front matter fills lines 1-12 (both '---' included); the body starts on
# line 13 (a blank line), so its first heading is on line 14.
FIRST_BODY_LINE = 16


def messages(body: str, contract) -> list[str]:
    text = case_study_text(body=body)
    return [str(p) for p in parse_case_study(text.encode(), PATH, "example", contract).problems]


FULL = """\
## Context

Why.

## What we did

What.

## Results

Numbers.

## What didn't work

Honest.

## What we learned

Lessons.
"""


@pytest.mark.parametrize(
    "body",
    [
        FULL,
        FULL.replace("## What didn't work", "## What didn\u2019t work"),  # curly apostrophe
        FULL.replace("## Results", "## results"),
        FULL.replace("Numbers.", "Numbers.\n\n### By month\n\nMore."),
        FULL.replace("Why.", "```md\n## Not a heading\n# Nor this\n```"),
    ],
)
def test_valid_bodies(contract, body):
    assert messages(body, contract) == []


def test_missing_required_sections(contract):
    body = "## What we did\n\nWhat.\n"
    assert messages(body, contract) == [
        f"{PATH}:{FIRST_BODY_LINE}: body: the required section '## Results' is missing",
        f"{PATH}:{FIRST_BODY_LINE}: body: the required section '## What we learned' is missing",
    ]


def test_unknown_section_with_suggestion(contract):
    body = FULL.replace("## Results", "## Result")
    assert messages(body, contract) == [
        f"{PATH}:{FIRST_BODY_LINE}: body: the required section '## Results' is missing",
        f"{PATH}:25: body: '## Result' is not a case-study section (did you mean 'Results'?); use ### for a sub-heading",
    ]


def test_unknown_section_without_suggestion(contract):
    body = FULL + "\n## Next steps\n\nMore.\n"
    assert messages(body, contract) == [
        f"{PATH}:37: body: '## Next steps' is not a case-study section (allowed: Context, What we did, What was done, "
        "Results, What didn't work, What we learned, What was learned); use ### for a sub-heading"
    ]


def test_title_heading_in_body(contract):
    assert messages("# My title\n\n" + FULL, contract) == [
        f"{PATH}:17: body: '# My title' is not needed: the title comes from the front matter"
    ]


def test_repeated_and_empty_sections(contract):
    body = FULL.replace("Numbers.", "") + "\n## Results\n\nAgain.\n"
    assert messages(body, contract) == [
        f"{PATH}:25: body: the section '## Results' is empty",
        f"{PATH}:37: body: the section '## Results' appears twice",
    ]


def test_headings_inside_fences_are_ignored():
    body = "## A\n\n~~~~\n## B\n```\n## C\n~~~~\n## D\n"
    assert [h.text for h in parse_headings(body, 1)] == ["A", "D"]


def test_a_heading_without_a_space_is_still_a_heading(contract):
    """Python-Markdown publishes '##Next steps' as a level-2 heading, so the section rule must see it."""
    assert markdown.markdown("##Next steps") == "<h2>Next steps</h2>"
    body = FULL + "\n##Next steps\n\nMore.\n"
    assert messages(body, contract) == [
        f"{PATH}:37: body: '## Next steps' is not a case-study section (allowed: Context, What we did, What was done, "
        "Results, What didn't work, What we learned, What was learned); use ### for a sub-heading"
    ]
