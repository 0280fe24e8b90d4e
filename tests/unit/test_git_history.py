"""Dates from one walk of the git history give each file what the git plugin gives it, one git log per file.

A fixture repository holds the cases that matter: the first commit, edits, renames
(pure, and with edits), a file moved in from another folder, a name reused after its
file moved away, deleted and added again, a side branch merged, a whitespace-only
edit, a file in a subfolder, a name with a space and an accent, and files never
committed. The plugin's own code answers for each file; the walk must agree.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from mkdocs_git_revision_date_localized_plugin.util import Util

from hub.content.gitdates import Commit, FileDates, History, parse_log, parse_tags, read_history

AUTHOR = {
    "GIT_AUTHOR_NAME": "T",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "T",
    "GIT_COMMITTER_EMAIL": "t@example.org",
}


class Repo:
    """A git repository in a folder, with a commit clock one day apart."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.day = 0
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, date: str | None = None) -> str:
        env = {**os.environ, **AUTHOR}
        if date:
            env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        done = subprocess.run(["git", "-C", str(self.path), *args], env=env, capture_output=True, text=True, check=True)
        return done.stdout

    def write(self, name: str, text: str) -> None:
        path = self.path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def commit(self, message: str) -> str:
        self.day += 1
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, date=f"2024-01-{self.day:02d}T12:00:00+00:00")
        return self.git("rev-parse", "HEAD").strip()

    def merge(self, branch: str) -> None:
        self.day += 1
        date = f"2024-01-{self.day:02d}T12:00:00+00:00"
        self.git("merge", "-q", "--no-ff", "-m", f"merge {branch}", branch, date=date)


def lines(*words: str) -> str:
    return "".join(f"{w} line {i}\n" for w in words for i in range(4))


def build_fixture(repo: Repo) -> None:
    repo.write("case_studies/a.md", lines("alpha"))
    repo.write("case_studies/b.md", lines("bravo"))
    repo.write("case_studies/only-root.md", lines("root"))
    repo.write("case_studies/p.md", lines("papa"))
    repo.write("docs/x.md", lines("doc"))
    repo.commit("root")
    repo.write("case_studies/a.md", lines("alpha", "more"))
    repo.commit("edit a")
    repo.git("mv", "case_studies/b.md", "case_studies/c.md")
    repo.commit("rename b to c")
    repo.git("mv", "case_studies/c.md", "case_studies/d.md")
    repo.write("case_studies/d.md", lines("bravo", "edit"))
    repo.commit("rename c to d, with an edit")
    repo.write("case_studies/a.md", lines("alpha", "more").replace("line 2", "line  2") + "\n")
    repo.commit("whitespace only in a")
    repo.write("case_studies/e.md", lines("echo"))
    repo.commit("add e")
    (repo.path / "case_studies/e.md").unlink()
    repo.commit("delete e")
    repo.write("case_studies/e.md", lines("echo", "again"))
    repo.commit("add e again")
    repo.write("case_studies/adoptions/n.md", lines("note"))
    repo.commit("add a note")
    repo.write("docs/moved.md", lines("moved"))
    repo.commit("add outside")
    repo.git("mv", "docs/moved.md", "case_studies/moved.md")
    repo.commit("move in")
    repo.git("mv", "case_studies/p.md", "case_studies/q.md")
    repo.commit("rename p to q")
    repo.write("case_studies/p.md", lines("new papa"))
    repo.commit("a new p")
    repo.git("checkout", "-q", "-b", "side")
    repo.write("case_studies/a.md", lines("alpha", "side"))
    repo.commit("edit a on a branch")
    repo.git("checkout", "-q", "main")
    repo.write("case_studies/adoptions/n.md", lines("note", "two"))
    repo.commit("edit the note")
    repo.merge("side")
    repo.write("case_studies/with space é.md", lines("unicode"))
    repo.commit("a name with a space")
    repo.write("case_studies/uncommitted.md", lines("new"))


@pytest.fixture(scope="module")
def fixture_repo(tmp_path_factory) -> Repo:
    repo = Repo(tmp_path_factory.mktemp("history") / "repo")
    build_fixture(repo)
    return repo


def plugin_dates(repo_path: Path, path: Path) -> tuple[tuple[str, int], tuple[str, int]]:
    """What mkdocs-git-revision-date-localized-plugin finds: (hash, time) of the last change and of the creation."""
    util = Util({"enable_git_follow": True, "fallback_to_build_date": True, "strict": False}, str(repo_path))
    return util.get_git_commit_timestamp(str(path), False), util.get_git_commit_timestamp(str(path), True)


def walk_dates(history: History, path: Path) -> tuple[tuple[str, int], tuple[str, int]] | None:
    dates = history.of(path)
    if dates is None:
        return None
    created = (dates.created.hash, dates.created.timestamp) if dates.created else ("", 0)
    return (dates.updated.hash, dates.updated.timestamp), created


def assert_same_as_plugin(repo_path: Path, history: History, path: Path) -> None:
    (updated_hash, updated), (created_hash, created) = plugin_dates(repo_path, path)
    if updated_hash == "":  # the plugin found no history: it falls back to the build time
        assert history.of(path) is None
    else:
        assert walk_dates(history, path) == ((updated_hash, updated), (created_hash, created))


FILES = [
    "case_studies/a.md",
    "case_studies/d.md",
    "case_studies/e.md",
    "case_studies/only-root.md",
    "case_studies/p.md",
    "case_studies/q.md",
    "case_studies/moved.md",
    "case_studies/adoptions/n.md",
    "case_studies/with space é.md",
    "case_studies/uncommitted.md",
    "docs/x.md",
]


@pytest.mark.parametrize("name", FILES)
def test_every_file_gets_the_plugins_dates(fixture_repo, name):
    assert_same_as_plugin(fixture_repo.path, read_history(fixture_repo.path), fixture_repo.path / name)


def test_what_the_fixture_covers(fixture_repo):
    history = read_history(fixture_repo.path / "case_studies")  # any folder in the repository will do
    by_message = {
        line.split(" ", 1)[1]: line.split(" ", 1)[0] for line in fixture_repo.git("log", "--format=%H %s").splitlines()
    }

    def dates(name: str) -> tuple[str | None, str]:
        found = history.of(fixture_repo.path / name)
        assert found is not None
        created = found.created.hash if found.created else None
        return (
            next(m for m, h in by_message.items() if h == created) if created else None,
            next(m for m, h in by_message.items() if h == found.updated.hash),
        )

    assert dates("case_studies/only-root.md") == ("root", "root")
    assert dates("case_studies/d.md") == ("root", "root")  # renames, even with an edit, are not changes
    assert dates("case_studies/a.md") == ("root", "edit a on a branch")
    assert dates("case_studies/e.md") == ("add e", "add e again")  # the first addition of the name
    assert dates("case_studies/moved.md") == ("add outside", "add outside")  # history from before the move
    assert dates("case_studies/q.md") == ("root", "root")
    assert dates("case_studies/p.md") == ("root", "a new p")  # the name's earlier life counts, as with --follow
    assert history.of(fixture_repo.path / "case_studies/uncommitted.md") is None
    assert not history.shallow and history.problem is None


@pytest.mark.parametrize("depth", [1, 3])
def test_a_shallow_clone_dates_older_files_to_its_oldest_commits(fixture_repo, tmp_path, depth):
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", str(depth), f"file://{fixture_repo.path}", str(clone)],
        check=True,
        capture_output=True,
    )
    history = read_history(clone)
    assert history.shallow and history.problem is None
    for name in FILES:
        if (clone / name).exists():
            assert_same_as_plugin(clone, history, clone / name)
    if depth == 1:  # the fallback: the one commit fetched added every file, as far as git can tell
        tip = subprocess.run(
            ["git", "-C", str(clone), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        assert {(d.created.hash, d.updated.hash) for d in history.dates.values()} == {(tip, tip)}


def test_outside_a_repository_there_is_no_history_and_a_reason(tmp_path):
    (tmp_path / "x.md").write_text("x\n", encoding="utf-8")
    env_ceiling = os.environ.get("GIT_CEILING_DIRECTORIES")
    os.environ["GIT_CEILING_DIRECTORIES"] = str(tmp_path.parent)  # never find a repository above tmp_path
    try:
        history = read_history(tmp_path)
    finally:
        if env_ceiling is None:
            del os.environ["GIT_CEILING_DIRECTORIES"]
        else:
            os.environ["GIT_CEILING_DIRECTORIES"] = env_ceiling
    assert history.problem is not None and "not a git repository" in history.problem
    assert history.of(tmp_path / "x.md") is None


def test_a_repository_without_commits_has_no_dates_and_no_problem(tmp_path):
    repo = Repo(tmp_path / "empty")
    repo.write("case_studies/a.md", "a\n")
    history = read_history(repo.path)
    assert history.problem is None and history.dates == {}


def test_the_history_is_kept_while_head_does_not_move(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write("a.md", "a\n")
    repo.commit("one")
    first = read_history(repo.path)
    repo.write("a.md", "a changed, not committed\n")
    assert read_history(repo.path, first) is first
    head = repo.commit("two")
    second = read_history(repo.path, first)
    assert second is not first and second.of(repo.path / "a.md").updated.hash == head


@pytest.mark.parametrize("seed", [1, 2])
def test_random_histories_give_the_plugins_dates(tmp_path, seed):
    """Edits, additions, deletions, renames (with and without edits), swaps and merges, in random order."""
    rng = random.Random(seed)
    repo = Repo(tmp_path / "repo")
    names = [f"case_studies/f{i}.md" for i in range(6)] + ["docs/g.md", "docs/h.md"]
    for name in rng.sample(names, 3):
        repo.write(name, lines(name))
    repo.commit("root")
    branch = None
    for step in range(25):
        present = sorted(p.relative_to(repo.path).as_posix() for p in repo.path.rglob("*.md"))
        action = rng.choice(["edit", "edit", "add", "delete", "rename", "rename and edit", "swap", "branch", "merge"])
        if action == "edit" and present:
            name = rng.choice(present)
            repo.write(name, lines(name, f"step {step}"))
        elif action == "add":
            name = rng.choice(names)
            repo.write(name, lines(name, f"new at {step}"))
        elif action == "delete" and present:
            (repo.path / rng.choice(present)).unlink()
        elif action.startswith("rename") and present:
            old, new = rng.choice(present), rng.choice(names)
            if old != new:
                text = (repo.path / old).read_text(encoding="utf-8")
                (repo.path / old).unlink()
                repo.write(new, text + ("edited\n" if action == "rename and edit" else ""))
        elif action == "swap" and len(present) > 1:
            a, b = rng.sample(present, 2)
            text_a, text_b = (repo.path / a).read_text(encoding="utf-8"), (repo.path / b).read_text(encoding="utf-8")
            repo.write(a, text_b)
            repo.write(b, text_a)
        elif action == "branch" and branch is None:
            branch = f"side-{step}"
            repo.git("checkout", "-q", "-b", branch)
        elif action == "merge" and branch is not None:
            repo.git("checkout", "-q", "main")
            try:
                repo.merge(branch)
            except subprocess.CalledProcessError:
                repo.git("merge", "--abort")
            branch = None
            continue
        repo.commit(f"{action} {step}")
    if branch is not None:
        repo.git("checkout", "-q", "main")
    history = read_history(repo.path)
    for path in sorted(repo.path.rglob("*.md")):
        assert_same_as_plugin(repo.path, history, path)


def test_parse_log_follows_renames_back():
    log = "\0".join(
        [
            "\x01c3 300",
            "\nM",
            "b.md",
            "\x01c2 200",
            "\nR100",
            "a.md",
            "b.md",
            "\x01c1 100",
            "\nA",
            "a.md",
            "A",
            "z.md",
            "",
        ]
    )
    assert parse_log(log) == {
        "b.md": FileDates(created=Commit("c1", 100), updated=Commit("c3", 300)),
        "a.md": FileDates(created=Commit("c1", 100), updated=Commit("c1", 100)),  # the name, before the rename
        "z.md": FileDates(created=Commit("c1", 100), updated=Commit("c1", 100)),
    }


def test_parse_log_skips_commits_without_files():
    log = "\0".join(["\x01merge 300", "\x01c1 100", "\nA", "a.md", ""])
    assert parse_log(log) == {"a.md": FileDates(Commit("c1", 100), Commit("c1", 100))}


def test_parse_tags_gives_each_commit_its_first_tag_by_name():
    # Lightweight tags name the commit; annotated ones name a tag object that points at it (%(*objectname)).
    output = "c1  v1.0\nt2 c1 v1.1\nc2  later\n"
    assert parse_tags(output) == {"c1": "v1.0", "c2": "later"}


def test_git_is_run_once_for_the_log(fixture_repo, tmp_path, monkeypatch):
    """One git log for the whole history, whatever the number of files."""
    calls = tmp_path / "calls"
    wrapper = tmp_path / "bin" / "git"
    wrapper.parent.mkdir()
    wrapper.write_text(f'#!/bin/sh\necho "$@" >> {calls}\nexec {shutil.which("git")} "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    monkeypatch.setenv("PATH", f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}")
    history = read_history(fixture_repo.path)
    assert len(history.dates) > 10
    logs = [line for line in calls.read_text(encoding="utf-8").splitlines() if " log " in f" {line} "]
    assert len(logs) == 1
