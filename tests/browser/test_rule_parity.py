"""One rule set, two engines: the form's checks in Chromium give the validator's verdict on every corpus case.

The corpus is tests/fixtures/safety-corpus.yml; tests/unit/test_safety_corpus.py
holds the validator to its expectations, this test holds the browser to the
validator. The browser reads the rules the build wrote into the submit page,
so the page, not a copy, is what is tested.
"""

from __future__ import annotations

import re

import pytest

from hub.content.markup import render_markdown
from hub.content.rules import default_rules
from safety_corpus import CORPUS, REFUSED_BY_BOTH, expected, python_refuses, python_verdict

pytestmark = pytest.mark.browser
URL = "contribute/submit/"
BROWSER_VERDICTS = """
cases => {
  const data = JSON.parse(document.querySelector("#hub-submit-rules").textContent);
  const rules = HubRules.compile(data.safety);
  return cases.map(c => HubRules.scanAnswer(rules, c.kind, c.text, c.allowed_emails || [], c.allowed_domains || [])
    .map(f => [f.rule, f.found, f.severity]));
}
"""


@pytest.fixture(scope="module")
def browser_verdicts(browser, base_url) -> dict[str, list[tuple[str, str, str]]]:
    page = browser.new_page()
    page.goto(base_url + URL)
    verdicts = page.evaluate(BROWSER_VERDICTS, CORPUS)
    page.close()
    return {case["name"]: sorted(tuple(v) for v in found) for case, found in zip(CORPUS, verdicts, strict=True)}


@pytest.mark.parametrize("case", CORPUS, ids=[c["name"] for c in CORPUS])
def test_the_form_and_the_validator_give_the_same_verdict(case, browser_verdicts):
    assert browser_verdicts[case["name"]] == python_verdict(case) == expected(case)


def test_both_engines_refuse_markup_that_parsers_rebuild(browser, base_url):
    """Mutation tricks: what each engine names may differ, but neither lets them through."""
    page = browser.new_page()
    page.goto(base_url + URL)
    refused = page.evaluate(
        """texts => {
      const rules = HubRules.compile(JSON.parse(document.querySelector("#hub-submit-rules").textContent).safety);
      return texts.map(t => HubRules.scanAnswer(rules, "markdown", t, [], []).some(f => f.severity === "error"));
    }""",
        REFUSED_BY_BOTH,
    )
    page.close()
    assert refused == [True] * len(REFUSED_BY_BOTH)
    assert all(python_refuses(text) for text in REFUSED_BY_BOTH)


def test_both_engines_read_the_patterns_the_same_way(browser, base_url):
    """Every pattern of the rule set compiles in the browser as written (no Python-only syntax)."""
    page = browser.new_page()
    page.goto(base_url + URL)
    failures = page.evaluate("""() => {
      const s = JSON.parse(document.querySelector("#hub-submit-rules").textContent).safety;
      const patterns = Object.values(s.patterns).map(p => [p.pattern, p.flags || ""])
        .concat([[s.control_characters.pattern, ""], [s.plain_text.pattern, ""], [s.markup.url_trim, ""],
                 [s.markup.url_remove, ""], [s.markup.url_scheme, ""]]);
      const bad = [];
      for (const [p, f] of patterns) { try { new RegExp(p, f); } catch (e) { bad.push(p + ": " + e.message); } }
      return bad;
    }""")
    page.close()
    assert failures == []


# Markdown a case study typically holds: the preview must show it as the site will.
MARKDOWN = [
    "Para one\nstill one.\n\nPara two.",
    "- a\n- b\n    - c\n    - d\n- e",
    "1. one\n\n2. two\n\n    more two",
    '### Sub\n\nText *em* **strong** `code` and [link](https://x.org "t").',
    "> quote\n> more\n\nafter",
    "| a | b |\n|:--|--:|\n| 1 | 2 |",
    "```python\nx = 1\n```",
    "    indented\n    code",
    "Line  \nbreak",
    "* * *",
    "Our steps:\n- not\n- a list without a blank line",
    "x_y_z and _em_ and __strong__, **bold *and em***",
    "![A chart](https://x.org/a.png)",
    "<https://x.org>",
    'Ref [link][r].\n\n[r]: https://r.org "Title"',
]


def comparable(html: str) -> str:
    """HTML without the whitespace between tags and the XHTML slash, which no reader sees."""
    html = re.sub(r"\s*/>", ">", html)
    html = re.sub(r"\s+(?=<(?:ul|ol)>)", "", re.sub(r">\s+<", "><", html))
    return re.sub(r"\s+", " ", html).strip()


def test_the_preview_renders_markdown_as_the_site_does(browser, base_url):
    rules = default_rules().markup
    page = browser.new_page()
    page.goto(base_url + URL)
    rendered = page.evaluate("texts => texts.map(t => HubMarkdown.render(t))", MARKDOWN)
    page.close()
    for text, html in zip(MARKDOWN, rendered, strict=True):
        assert comparable(html) == comparable(render_markdown(rules.render_with, text)), text
