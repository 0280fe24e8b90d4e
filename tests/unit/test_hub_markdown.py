"""hooks/hub_markdown.py: table alignment by class, never by a style attribute (the CSP refuses those)."""

from __future__ import annotations

import markdown

from hub_markdown import HubMarkdown

TABLE = """\
| Left | Centre | Right | Plain |
|:-----|:------:|------:|-------|
| a    | b      | 1,000 | d     |
"""


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", HubMarkdown()])


def test_aligned_columns_get_a_class_and_no_style():
    html = render(TABLE)
    assert "style=" not in html
    assert '<th class="hub-align-left">Left</th>' in html
    assert '<th class="hub-align-center">Centre</th>' in html
    assert '<th class="hub-align-right">Right</th>' in html
    assert "<th>Plain</th>" in html
    assert '<td class="hub-align-right">1,000</td>' in html
    assert "<td>d</td>" in html


def test_without_the_extension_markdown_writes_the_style_this_replaces():
    """If Python-Markdown changes what it writes, this fails before a page breaks its policy."""
    html = markdown.markdown(TABLE, extensions=["tables"])
    assert '<td style="text-align: right;">1,000</td>' in html


def test_raw_html_is_left_alone():
    """Raw HTML never reaches the tree; its styles stay for the policy (and the tests) to refuse."""
    html = render('<div style="color: red">x</div>\n\n' + TABLE)
    assert '<div style="color: red">x</div>' in html
