"""Markup by allow-list: what a body renders to is checked, after character references are decoded.

Each rule with cases that pass and cases that fail, and the exact message on
the source line where the markup is written.
"""

from __future__ import annotations

import pytest

from hub.content.casestudy import parse_case_study
from hub.content.markup import _compare, _parse, find_markup
from hub.content.rules import default_rules
from support import case_study_text

PATH = "case_studies/example.md"
BODY = """\
## What we did

{line}

## Results

Fewer people waited.

## What we learned

Start small.
"""
LINE = 19  # the valid front matter and a blank line take lines 1-16; the line under test is 19
PAGE = "is not allowed: contributed text may not change the page around it (its links, styles or forms)"
ALLOWED_ELEMENTS = "headings, paragraphs, lists, emphasis, links, images, tables, block quotes and code"


def messages(line: str, contract) -> list[str]:
    text = case_study_text(body=BODY.format(line=line))
    return [str(p) for p in parse_case_study(text.encode(), PATH, "example", contract).problems]


@pytest.mark.parametrize(
    "text",
    [
        "Plain words, *emphasis*, **strong** and `code`.",
        '[our report](https://example.org/report "The report") and [contact](../contact.md) and [below](#results)',
        "[the programme team](mailto:primary-care-hub@example.org)",
        '![A chart of waiting times](https://example.org/chart.png "Waiting times")',
        "- one\n- two\n\n1. first\n2. second",
        "> A quote from the evaluation.",
        "| Measure | Before | After |\n|:--|--:|:-:|\n| Waits | 10 | 5 |",
        "```html\n<script>alert(1)</script>\n```",
        "Line one  \nline two, after a line break.\n\n---\n\n### A sub-heading",
        "<!-- a note for reviewers -->\nText.",
        '<a href="https://example.org" title="Example">raw HTML link</a> and <em>raw emphasis</em>',
        "Use `<style>` and `javascript:` in code only.",
        "Less than: 3 < 5, and x<y without a closing bracket.",
    ],
)
def test_markup_a_case_study_needs_is_allowed(contract, text):
    assert messages(text, contract) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Active elements, with the reason named.
        ("<applet code=x></applet>", "<applet> is not allowed: pages may not run or embed code"),
        ('<portal src="https://evil.example"></portal>', "<portal> is not allowed: pages may not run or embed code"),
        # Elements that change the page around the text.
        ("<style>body { display: none }</style>", f"<style> {PAGE}"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example">', f"<meta> {PAGE}"),
        ('<base href="https://evil.example/">', f"<base> {PAGE}"),
        # Any other element.
        ("<div>boxed</div>", f"<div> is not allowed in contributed text (allowed: {ALLOWED_ELEMENTS})"),
        ("H<sub>2</sub>O", f"<sub> is not allowed in contributed text (allowed: {ALLOWED_ELEMENTS})"),
        # Attributes: event handlers by name, any other by what the element allows.
        (
            '<a href="#" ONMOUSEOVER="x()">x</a>',
            "the HTML attribute 'onmouseover=' is not allowed: pages may not run code",
        ),
        ('<p style="color: red">red</p>', "the HTML attribute 'style=' is not allowed on <p> (allowed: none)"),
        (
            '<a href="https://example.org" target="_blank">x</a>',
            "the HTML attribute 'target=' is not allowed on <a> (allowed: href, title)",
        ),
        ('<h3 id="hub-glance-title">Clash</h3>', "the HTML attribute 'id=' is not allowed on <h3> (allowed: none)"),
        (
            '<img src="a.png" alt="A chart" srcset="b.png 2x">',
            "the HTML attribute 'srcset=' is not allowed on <img> (allowed: alt, src, title)",
        ),
        # Classes: the table alignment the hub writes, and a fenced block's language, only.
        (
            '<table><tr><td class="hub-align-left md-banner">x</td></tr></table>',
            "the class 'md-banner' is not allowed on <td> (allowed: hub-align-center, hub-align-left, hub-align-right)",
        ),
        # Addresses: decided once decoded, as the browser reads them.
        ("[click](&#106;avascript:alert(1))", "a 'javascript:' address is not allowed in a link or image"),
        ('<a href="&#x6A;avascript&colon;alert(1)">x</a>', "a 'javascript:' address is not allowed in a link or image"),
        ('<a href="java&#x09;script:alert(1)">x</a>', "a 'javascript:' address is not allowed in a link or image"),
        ('<A HREF="JavaScript:alert(1)">x</A>', "a 'javascript:' address is not allowed in a link or image"),
        ("[the file](ftp://example.org/file)", "a 'ftp:' address is not allowed in a link or image"),
        (
            '<a href="//evil.example/x">x</a>',
            "'//evil.example/x' leaves the site without saying how; write the whole address, starting https://",
        ),
        (
            '<a href="\\\\evil.example">x</a>',
            "'\\\\evil.example' leaves the site without saying how; write the whole address, starting https://",
        ),
        (
            '<a href="https://exa mple.org">x</a>',
            "'https://exa mple.org' is not an address a browser can follow; check how it is written",
        ),
    ],
)
def test_markup_outside_the_allow_list_is_an_error(contract, text, expected):
    assert messages(text, contract) == [f"{PATH}:{LINE}: body: {expected}"]


def test_a_reference_link_is_reported_where_its_address_is_written(contract):
    body = "Read [the report][r].\n\n[r]: javascript:alert(1)"
    assert messages(body, contract) == [
        f"{PATH}:{LINE + 2}: body: a 'javascript:' address is not allowed in a link or image"
    ]


def test_an_element_and_everything_in_it_is_reported_once(contract):
    assert messages("<svg><script>alert(1)</script></svg>", contract) == [
        f"{PATH}:{LINE}: body: <script> is not allowed: pages may not run or embed code",
        f"{PATH}:{LINE}: body: <svg> is not allowed in contributed text (allowed: {ALLOWED_ELEMENTS})",
    ]
    assert messages('<form action="https://evil.example"><input name="q"></form>', contract) == [
        f"{PATH}:{LINE}: body: <form> {PAGE}",
        f"{PATH}:{LINE}: body: <input> {PAGE}",
    ]
    # An element's own attributes are not listed again.
    assert messages('<iframe src="javascript:alert(1)" onload="x()"></iframe>', contract) == [
        f"{PATH}:{LINE}: body: <iframe> is not allowed: pages may not run or embed code",
    ]


def test_each_finding_is_on_the_line_where_it_is_written(contract):
    body = (
        "Fine.\n\n"  # 19
        "<style>\np { }\n</style>\n\n"  # 21
        "A [link](javascript:a) and\n"  # 25
        '<a\n  onclick="y()" href="#">z</a>\n\n'  # 26-27
        "<style>q { }</style>"  # 29
    )
    assert messages(body, contract) == [
        f"{PATH}:21: body: <style> {PAGE}",
        f"{PATH}:25: body: a 'javascript:' address is not allowed in a link or image",
        f"{PATH}:27: body: the HTML attribute 'onclick=' is not allowed: pages may not run code",
        f"{PATH}:29: body: <style> {PAGE}",
    ]


def test_markup_in_a_title_or_an_outcome_is_refused(contract):
    text = case_study_text(
        title="<b>Bold</b> triage",
        outcomes=[
            {"measure": "Waits &amp; delays", "unit": "%", "baseline": 10, "result": 5, "period": "2024"},
        ],
    )
    problems = [str(p) for p in parse_case_study(text.encode(), PATH, "example", contract).problems]
    assert problems == [
        f"{PATH}:2: title: must be plain text, without HTML or Markdown formatting",
        f"{PATH}:16: outcomes[1].measure: must be plain text, without HTML or Markdown formatting",
    ]


def test_a_comparison_that_cannot_be_lined_up_fails_closed():
    """If what the sanitiser keeps cannot be matched to what it was given, that is itself a finding."""
    rules = default_rules().markup
    kept, allowed = _parse("<p><a>x</a></p>", rules.remove_with_content), _parse("<p>x</p>", rules.remove_with_content)
    assert [f.rule for f in _compare(rules, kept, allowed)] == ["changed-markup"]
    changed_text = _parse("<p>x</p>", rules.remove_with_content), _parse("<p>y</p>", rules.remove_with_content)
    assert [f.rule for f in _compare(rules, *changed_text)] == ["changed-markup"]


def test_bodies_without_html_or_links_are_not_rendered():
    """The fast path is exact: with no '<' and no ']', Markdown writes only allowed elements."""
    rules = default_rules().markup
    assert find_markup(rules, "## Heading\n\n- a *list*\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n    code\n") == []
