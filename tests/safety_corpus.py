"""The shared corpus of safety cases (fixtures/safety-corpus.yml) and the validator's verdicts on it.

Used by tests/unit/test_safety_corpus.py (the validator against the expectations)
and tests/browser/test_rule_parity.py (the form's engine against the validator).
"""

from __future__ import annotations

import yaml

from hub.content.rules import default_rules
from hub.content.safety import scan_answer
from support import FIXTURES

_DATA = yaml.safe_load((FIXTURES / "safety-corpus.yml").read_text(encoding="utf-8"))
CORPUS: list[dict] = _DATA["cases"]
REFUSED_BY_BOTH: list[str] = _DATA["refused_by_both"]  # markdown both engines must refuse, in their own words
Verdict = list[tuple[str, str, str]]


def python_verdict(case: dict) -> Verdict:
    """The validator's verdict on one case, sorted: (rule, what was found, severity)."""
    findings = scan_answer(
        default_rules(),
        case["kind"],
        case["text"],
        frozenset(case.get("allowed_emails", ())),
        frozenset(case.get("allowed_domains", ())),
    )
    return sorted(f.verdict for f in findings)


def python_refuses(text: str) -> bool:
    """Whether the validator finds an error in a body section."""
    return any(f.severity == "error" for f in scan_answer(default_rules(), "markdown", text))


def expected(case: dict) -> Verdict:
    """What the case expects, as a verdict (warnings are the rules the rule set calls warnings)."""
    severity = {p.id: p.wording.severity for p in default_rules().patterns}
    return sorted((rule, found, severity.get(rule, "error")) for rule, found in case["expect"])
