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
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )


def git(project: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": "2025-03-05T12:00:00+00:00",
        "GIT_COMMITTER_DATE": "2025-03-05T12:00:00+00:00",
    }
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def test_build_outside_a_git_checkout_succeeds(tmp_path):
    project = copy_project(tmp_path / "hub")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    for url in ("about", "case-studies/merton-social-prescribing"):  # the build date: the plugin's fallback
        page = (project / "site" / url / "index.html").read_text(encoding="utf-8")
        assert "Page last updated:" in page, url
    assert "hub: no git history for the dates of case studies and resources" in result.stdout + result.stderr


def test_dates_come_from_git_and_uncommitted_files_still_build(tmp_path):
    project = copy_project(tmp_path / "hub")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "all")
    (project / "case_studies" / "brand-new.md").write_text(
        case_study_text(title="A brand new one", review_due="2099-01-01"), encoding="utf-8"
    )
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    committed = (project / "site" / "case-studies" / "merton-social-prescribing" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "Page last updated: <span" in committed and "5 March 2025</span>" in committed
    assert "Page last updated:" in (project / "site" / "case-studies" / "brand-new" / "index.html").read_text(
        encoding="utf-8"
    )
    for generated in ("themes/proactive-care", "boroughs/merton", "ics/south-west-london", "case-studies"):
        assert "Page last updated" not in (project / "site" / generated / "index.html").read_text(encoding="utf-8")


def test_hub_pages_are_dated_from_one_git_log_and_the_plugin_dates_the_rest(tmp_path):
    """The plugin runs git for hand-written pages only; the hub reads the history once for its own pages,
    which show the same dates the plugin would give them."""
    project = copy_project(tmp_path / "hub")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "all")
    calls = tmp_path / "git-calls"
    wrapper = tmp_path / "bin" / "git"
    wrapper.parent.mkdir()
    wrapper.write_text(f'#!/bin/sh\necho "$@" >> {calls}\nexec {shutil.which("git")} "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PATH": f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    logs = [line for line in calls.read_text(encoding="utf-8").splitlines() if line.startswith(("log", "-C"))]
    walks = [line for line in logs if "--name-status" in line]
    assert len(walks) == 1  # the hub's one walk of the history
    per_file = [line for line in logs if line not in walks and " log " in f" {line} "]
    leadership = project / "docs" / "leadership"
    resources = [f"/leadership/{p.name}" for p in leadership.glob("*.md") if p.name != "index.md"]
    assert per_file and not [line for line in per_file if "case_studies" in line or line.endswith(tuple(resources))]
    assert len(per_file) <= len(list((project / "docs").rglob("*.md")))  # at most one per hand-written page
    dated = (
        '<span class="git-revision-date-localized-plugin git-revision-date-localized-plugin-date" '
        'title="5 March 2025 12:00:00 GMT">5 March 2025</span>'
    )
    for page in ("case-studies/merton-social-prescribing", "leadership/clinical-leadership-support", "about"):
        html = (project / "site" / page / "index.html").read_text(encoding="utf-8")
        assert f"Page last updated: {dated}" in html, page


def test_a_case_study_page_is_last_updated_with_its_newest_adoption_note(tmp_path):
    """A case study's page shows the notes of the places that tried it: the one walk of the history dates
    the page by the newest change to its own file or to any of those notes."""
    project = copy_project(tmp_path / "hub")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "all")
    note = project / "case_studies" / "adoptions" / "croydon-red-bag.md"
    note.write_text(note.read_text(encoding="utf-8") + "\nA line added later.\n", encoding="utf-8")
    later = {
        **os.environ,
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": "2025-06-09T12:00:00+00:00",
        "GIT_COMMITTER_DATE": "2025-06-09T12:00:00+00:00",
    }
    subprocess.run(["git", "commit", "-q", "-am", "note"], cwd=project, env=later, check=True, capture_output=True)
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    adopted = (project / "site" / "case-studies" / "sutton-red-bag" / "index.html").read_text(encoding="utf-8")
    assert "Page last updated: <span" in adopted and "9 June 2025</span>" in adopted
    other = (project / "site" / "case-studies" / "merton-social-prescribing" / "index.html").read_text(encoding="utf-8")
    assert "5 March 2025</span>" in other and "9 June 2025" not in other
