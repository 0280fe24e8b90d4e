"""Page dates from git, and builds that still succeed without git history."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, case_study_text

pytestmark = pytest.mark.build
SKIP = shutil.ignore_patterns(".git", ".venv", "site", "__pycache__", ".pytest_cache", ".lock-venv")


def copy_project(target: Path) -> Path:
    shutil.copytree(ROOT, target, ignore=SKIP)
    return target


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False,
    )


def git(project: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_AUTHOR_DATE": "2025-03-05T12:00:00+00:00", "GIT_COMMITTER_DATE": "2025-03-05T12:00:00+00:00"}
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def test_build_outside_a_git_checkout_succeeds(tmp_path):
    project = copy_project(tmp_path / "hub")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (project / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert "Page last updated:" in page


def test_dates_come_from_git_and_uncommitted_files_still_build(tmp_path):
    project = copy_project(tmp_path / "hub")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "all")
    (project / "case_studies" / "brand-new.md").write_text(
        case_study_text(title="A brand new one", review_due="2099-01-01"), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    committed = (project / "site" / "case-studies" / "merton-social-prescribing" / "index.html").read_text(encoding="utf-8")
    assert "Page last updated: <span" in committed and "5 March 2025</span>" in committed
    assert "Page last updated:" in (project / "site" / "case-studies" / "brand-new" / "index.html").read_text(encoding="utf-8")
    for generated in ("themes/proactive-care", "boroughs/merton", "ics/south-west-london", "case-studies"):
        assert "Page last updated" not in (project / "site" / generated / "index.html").read_text(encoding="utf-8")
