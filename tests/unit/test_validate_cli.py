"""scripts/validate.py: every problem at once, a count, and the exit code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from support import FIXTURES, ROOT, case_study_text

SCRIPT = ROOT / "scripts" / "validate.py"

# One file with many mistakes; its full list of messages (one per line) is asserted in order.
KITCHEN_SINK = (FIXTURES / "kitchen-sink.md").read_text(encoding="utf-8")

KITCHEN_SINK_MESSAGES = (FIXTURES / "kitchen-sink.messages").read_text(encoding="utf-8").splitlines()


def run(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--case-studies", "case_studies", "--resources", "leadership", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "case_studies").mkdir()
    (tmp_path / "case_studies" / "good.md").write_text(case_study_text(), encoding="utf-8")
    return tmp_path


def test_valid_folder_exits_zero(site):
    result = run(site)
    assert result.returncode == 0
    assert result.stdout == "No problems in 1 file.\n"
    assert result.stderr == ""


def test_kitchen_sink_lists_every_problem_in_order(site):
    (site / "case_studies" / "kitchen-sink.md").write_text(KITCHEN_SINK, encoding="utf-8")
    result = run(site)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    # Problems are ordered by file and line; the two body problems on line 14 follow line 12.
    assert sorted(lines[:-1], key=_line_order) == lines[:-1]
    assert set(lines[:-1]) == set(KITCHEN_SINK_MESSAGES)
    assert lines[-1] == "20 problems in 2 files."
    assert "Traceback" not in result.stderr


def _line_order(message: str) -> int:
    return int(message.split(":")[1])


def test_one_file_is_checked_against_the_whole_collection(site):
    duplicate = case_study_text(organisation="Another practice")
    (site / "new.md").write_text(duplicate, encoding="utf-8")
    result = run(site, "new.md")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "new.md:2: title: 'Same-day telephone triage in a Greenwich practice' is already the title of "
        "case_studies/good.md; titles must be unique",
        "1 problem in 1 file.",
    ]


def test_other_files_in_the_folder_are_reported_not_ignored(site):
    (site / "case_studies" / "draft.txt").write_text("notes", encoding="utf-8")
    (site / "case_studies" / ".gitkeep").write_text("", encoding="utf-8")
    result = run(site)
    assert result.stdout.splitlines() == [
        "case_studies/draft.txt:1: file: is not a case study; case studies are '.md' files directly in this folder, adoption notes are in adoptions/",
        "1 problem in 1 file.",
    ]


def test_broken_files_of_every_kind_give_messages_not_tracebacks(site):
    folder = site / "case_studies"
    (folder / "empty.md").write_bytes(b"")
    (folder / "latin.md").write_bytes(case_study_text(title="Caf\u00e9 triage").encode("latin-1"))
    (folder / "no-front-matter.md").write_text("Just text\n", encoding="utf-8")
    (folder / "list.md").write_text("---\n- a\n---\n", encoding="utf-8")
    result = run(site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines()[-1] == "4 problems in 5 files."


def test_github_annotations(site):
    (site / "case_studies" / "good.md").write_text(case_study_text(status="live"), encoding="utf-8")
    result = run(site, env={"GITHUB_ACTIONS": "true", "PATH": "/usr/bin:/bin"})
    assert "::error file=case_studies/good.md,line=9,title=status::'live' is not a known status" in result.stdout
