"""The hub's stylesheets are well formed: every block closes, and no rule is nested inside another.

Browsers now read a rule inside a rule as CSS nesting, so a lost '}' does not fail loudly: the
rules after it silently apply only inside the unclosed one (a merge once did this to the
"Skip the map" link, which then showed all the time)."""

from __future__ import annotations

import re

import pytest

from support import ROOT

SHEETS = sorted((ROOT / "docs" / "assets").glob("*.css"))
COMMENT = re.compile(r"/\*.*?\*/", re.S)
STRING = re.compile(r"\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'")


def problems(css: str) -> list[str]:
    """Where ``css`` opens a rule inside a rule, or leaves a block open or closes one never opened."""
    text = STRING.sub('""', COMMENT.sub(lambda m: "\n" * m.group().count("\n"), css))
    found: list[str] = []
    stack: list[tuple[str, int]] = []  # (prelude, line) of each open block
    prelude_start = 0
    for match in re.finditer(r"[{}]", text):
        line = text.count("\n", 0, match.start()) + 1
        if match.group() == "{":
            prelude = " ".join(text[prelude_start : match.start()].split(";")[-1].split())
            if stack and not stack[-1][0].startswith("@"):
                found.append(f"line {line}: '{prelude}' is inside '{stack[-1][0]}' (line {stack[-1][1]}), not closed")
            stack.append((prelude, line))
        elif stack:
            stack.pop()
        else:
            found.append(f"line {line}: '}}' closes nothing")
        prelude_start = match.end()
    found += [f"line {line}: '{prelude}' is never closed" for prelude, line in stack]
    return found


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.name)
def test_every_rule_closes_before_the_next(sheet):
    assert problems(sheet.read_text(encoding="utf-8")) == []


def test_the_check_finds_a_lost_brace():
    css = ".a {\n  color: red;\n\n/* next */\n.b { color: blue; }\n@media print { .c { color: black; } }\n"
    assert problems(css) == [
        "line 5: '.b' is inside '.a' (line 1), not closed",
        "line 6: '@media print' is inside '.a' (line 1), not closed",
        "line 1: '.a' is never closed",
    ]
    assert problems("@media print { .c { x: y; } }\n.d { content: '{'; }") == []
