"""The shared corpus through the validator's engine: every case gives its expected verdict.

tests/browser/test_rule_parity.py runs the same cases through the form's engine
in Chromium and asserts that the two engines agree.
"""

from __future__ import annotations

import pytest

from hub.content.rules import default_rules
from safety_corpus import CORPUS, REFUSED_BY_BOTH, expected, python_refuses, python_verdict


@pytest.mark.parametrize("case", CORPUS, ids=[c["name"] for c in CORPUS])
def test_the_validator_gives_each_expected_verdict(case):
    assert python_verdict(case) == expected(case)


def test_the_corpus_covers_every_rule():
    rules = default_rules()
    covered = {rule for case in CORPUS for rule, _ in case["expect"]}
    wanted = {p.id for p in rules.patterns} | {"control-character", "plain-markup"}
    wanted |= set(rules.markup.wordings) - {"changed-markup"}  # that one only fails closed, in the validator
    assert wanted <= covered, sorted(wanted - covered)
    assert {case["kind"] for case in CORPUS} == {"text", "plain", "markdown"}


@pytest.mark.parametrize("text", REFUSED_BY_BOTH)
def test_the_validator_refuses_markup_that_parsers_rebuild(text):
    assert python_refuses(text)
