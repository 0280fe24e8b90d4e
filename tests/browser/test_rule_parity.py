"""One rule set, two engines: the form's checks in Chromium give the validator's verdict on every corpus case.

The corpus is tests/fixtures/safety-corpus.yml; tests/unit/test_safety_corpus.py
holds the validator to its expectations, this test holds the browser to the
validator. The browser reads the rules the build wrote into the submit page,
so the page, not a copy, is what is tested.
"""

from __future__ import annotations

import pytest

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
    refused = page.evaluate("""texts => {
      const rules = HubRules.compile(JSON.parse(document.querySelector("#hub-submit-rules").textContent).safety);
      return texts.map(t => HubRules.scanAnswer(rules, "markdown", t, [], []).some(f => f.severity === "error"));
    }""", REFUSED_BY_BOTH)
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
