"""scripts/new_case_study.py: a scaffold that asks, explains, never overwrites, and validates."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

from hub.content.casestudy import parse_case_study
from hub.contributors.scaffold import one_year_later
from support import ROOT

SCRIPT = ROOT / "scripts" / "new_case_study.py"
FLAGS = [
    "--title",
    "Same-day triage: a Greenwich practice",
    "--summary",
    "Every request for an appointment is triaged by a GP on the same day.",
    "--organisation",
    "Example Medical Centre",
    "--borough",
    "Greenwich",
    "--borough",
    "tower hamlets",
    "--theme",
    "accessible-care,digital",
    "--setting",
    "general-practice",
    "--started",
    "2024-09",
    "--status",
    "running",
    "--evidence",
    "measured",
    "--contact-name",
    "Alex Example",
    "--contact-role",
    "Practice manager",
    "--contact-email",
    "alex@example.org",
    "--published",
    "2026-01-15",
]


def run(folder: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--folder", str(folder), *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def fill_in(text: str) -> str:
    """Replace each section's guidance with prose, as a contributor would."""
    return re.sub(r"<!--.*?-->", "We did this, and here is what happened.", text, flags=re.S)


def test_flags_write_a_file_that_validates_once_written_up(tmp_path, contract):
    result = run(tmp_path, *FLAGS, "--no-input")
    assert result.returncode == 0, result.stderr
    path = tmp_path / "same-day-triage-a-greenwich-practice.md"
    assert result.stdout.splitlines()[0] == f"Created {path}"
    assert "make check" in result.stdout
    text = path.read_text(encoding="utf-8")
    assert "review_due: 2027-01-15" in text and "boroughs: [Greenwich, Tower Hamlets]" in text
    before = parse_case_study(text.encode(), "x.md", path.stem, contract).problems
    assert {p.message for p in before} == {
        "the section '## Context' is empty",
        "the section '## What we did' is empty",
        "the section '## Results' is empty",
        "the section '## What didn't work' is empty",
        "the section '## What we learned' is empty",
    }
    assert parse_case_study(fill_in(text).encode(), "x.md", path.stem, contract).problems == ()


def test_never_overwrites(tmp_path):
    existing = tmp_path / "same-day-triage-a-greenwich-practice.md"
    existing.write_text("mine", encoding="utf-8")
    result = run(tmp_path, *FLAGS, "--no-input")
    assert result.returncode == 1
    assert "already exists and was not changed" in result.stderr
    assert existing.read_text(encoding="utf-8") == "mine"


def test_missing_option_without_input_says_which(tmp_path):
    result = run(tmp_path, "--title", "Something", "--no-input")
    assert result.returncode == 2
    assert "--summary is required" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_bad_option_is_explained(tmp_path):
    flags = [f if f != "Greenwich" else "Grenwich" for f in FLAGS]
    result = run(tmp_path, *flags, "--no-input")
    assert result.returncode == 2
    assert "borough: 'Grenwich' is not a known London area (did you mean 'Greenwich'?)" in result.stderr


def test_interactive_questions_show_allowed_values_and_ask_again(tmp_path, contract):
    answers = (
        "\n".join(
            [
                "Care navigation in a Camden practice",  # title
                "Reception staff guide callers to the right service.",  # summary
                "Example Surgery",  # organisation
                "Camdem",  # borough: a typo, asked again
                "Camden",
                "accessible-care",  # themes
                "",  # settings: none
                "2023-13",  # started: not a real month, asked again
                "2023-11",
                "running",
                "",  # ended: it continues
                "",  # status checked: today by default
                "",  # account: the team by default
                "tested",
                "",  # published: today by default
                "",  # review due: a year later by default
                "",  # contact: the programme team
            ]
        )
        + "\n"
    )
    result = run(tmp_path, stdin=answers)
    assert result.returncode == 0, result.stderr
    assert "Allowed: Barnet, Camden, Enfield" in result.stdout
    assert "borough: 'Camdem' is not a known London area (did you mean 'Camden'?)" in result.stderr
    assert "started: '2023-13' is not a real month" in result.stderr
    text = (tmp_path / "care-navigation-in-a-camden-practice.md").read_text(encoding="utf-8")
    assert "started: 2023-11" in text and "account: team" in text and "## What we did" in text
    today = date.today()
    assert f"published: {today.isoformat()}" in text
    assert f"review_due: {one_year_later(today).isoformat()}" in text
    assert "contact: programme-team" in text
    assert (
        parse_case_study(fill_in(text).encode(), "x.md", "care-navigation-in-a-camden-practice", contract).problems
        == ()
    )


def test_stopping_half_way_writes_nothing(tmp_path):
    result = run(tmp_path, stdin="Only a title\n")
    assert result.returncode == 1
    assert "nothing was written" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_one_year_later_handles_leap_days():
    assert one_year_later(date(2028, 2, 29)) == date(2029, 2, 28)
