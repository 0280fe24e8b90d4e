"""scripts/new_adoption.py: a note that names a real case study, never overwrites, and validates once written."""

from __future__ import annotations

import re
import subprocess
import sys

from hub.content.adoption import parse_adoption
from support import ROOT

SCRIPT = ROOT / "scripts" / "new_adoption.py"
FLAGS = [
    "--case-study",
    "sutton-red-bag",
    "--organisation",
    "Example Care Homes Group",
    "--borough",
    "Croydon",
    "--started",
    "2024-05",
    "--status",
    "running",
    "--programme-team",
    "--published",
    "2026-11-01",
]


def run(folder, *args):
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--folder", str(folder), *args], capture_output=True, text=True, check=False
    )


def test_writes_a_note_that_validates_once_written(tmp_path, contract):
    result = run(tmp_path, *FLAGS, "--no-input")
    assert result.returncode == 0, result.stderr
    path = tmp_path / "croydon-sutton-red-bag.md"
    text = path.read_text(encoding="utf-8")
    assert "case_study: sutton-red-bag" in text and "## What we changed" in text and "review_due: 2027-11-01" in text
    before = {p.message for p in parse_adoption(text.encode(), "x.md", "x", contract).problems}
    assert before == {"the section '## What we changed' is empty", "the section '## What happened' is empty"}
    written = re.sub(r"<!--.*?-->", "We did this.", text, flags=re.S)
    assert parse_adoption(written.encode(), "x.md", "x", contract).problems == ()
    assert run(tmp_path, *FLAGS, "--no-input").returncode == 1  # never overwrites
    assert path.read_text(encoding="utf-8") == text


def test_an_unknown_case_study_gets_a_did_you_mean(tmp_path):
    flags = [f if f != "sutton-red-bag" else "sutton-redbag" for f in FLAGS]
    result = run(tmp_path, *flags, "--no-input")
    assert result.returncode == 2
    assert (
        "case-study: 'sutton-redbag' is not a case study on the hub (did you mean 'sutton-red-bag'?)" in result.stderr
    )
    assert list(tmp_path.iterdir()) == []
