"""When each content file was created and last changed, from one walk of the git history.

One ``git log`` for the whole repository, read newest commit first, gives every
file its dates, where ``mkdocs-git-revision-date-localized-plugin`` runs ``git log``
once per page (twice with creation dates). The answers are the plugin's, with
``enable_git_follow`` on (its default):

- last changed: the newest commit, in git's order, that changed the file under its
  name at the time, renames followed back; a pure rename, or a rename with edits,
  is not a change (the plugin filters renames out);
- created: the oldest commit that added the file under any of its names.

Without history the caller falls back (``History.problem`` says why): a folder
outside git, or no git, has no dates; a file not yet committed has none; a
shallow clone dates everything older than its oldest commit to that commit
(``History.shallow``), as the plugin does.
"""

from __future__ import annotations

import os
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path

# One line per commit (a 0x01 byte, the hash, the author's Unix time), then the files it
# touched as NUL-separated status and paths. --root shows the first commit's files as
# added; -M finds renames as --follow does (same 50% similarity); no merges' files,
# as --follow shows none; the whole tree, so that a file moved into a folder keeps its
# history from before the move.
LOG = ("log", "-z", "--format=%x01%H %at", "--name-status", "-M", "--root", "--no-show-signature", "HEAD")
# The first tag on each commit, in name order, as `git tag --points-at` lists them.
TAGS = ("for-each-ref", "--sort=refname", "--format=%(objectname) %(*objectname) %(refname:short)", "refs/tags")
COMMIT_MARK = "\x01"


@dataclass(frozen=True)
class Commit:
    hash: str
    timestamp: int  # the author's date, in Unix seconds (git's %at, as the plugin reads it)


@dataclass(frozen=True)
class FileDates:
    created: Commit | None  # None when no commit added it (the plugin then uses the build time)
    updated: Commit


@dataclass(frozen=True)
class History:
    """The dates of every file in a repository's history, by absolute path."""

    dates: dict[Path, FileDates] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)  # commit hash -> its first tag
    shallow: bool = False  # a shallow clone: files older than its first commit get that commit's dates
    problem: str | None = None  # why there is no history at all
    head: str = ""  # the commit the walk started from: the same HEAD has the same history

    def of(self, path: Path) -> FileDates | None:
        """The dates of the file at ``path``; None if it was never committed (or there is no history)."""
        found = self.dates.get(path)  # most paths are already real: resolving each costs more than the walk
        return found if found is not None else self.dates.get(Path(os.path.realpath(path)))


def parse_log(output: str) -> dict[str, FileDates]:
    """Every path's dates from the output of ``git log`` run with ``LOG``, paths as git gives them.

    Walks the commits as ``git log --follow`` does for each file, all files at once:
    each file is followed under one name at a time, which changes to the old name at a
    rename into it. Going back past a rename out of a name, whoever follows that name
    keeps following it (the plugin's ``--follow`` does the same).
    """
    created: dict[str, Commit] = {}
    updated: dict[str, Commit] = {}
    followers: dict[str, set[str]] = {}  # name at this point of the walk -> the files (newest names) followed under it
    named: set[str] = set()  # names met so far: a name met for the first time is a file of its own
    tokens = output.split("\0")
    commit: Commit | None = None
    at = 0
    while at < len(tokens):
        token = tokens[at].lstrip("\n")
        at += 1
        if token.startswith(COMMIT_MARK):
            sha, _, stamp = token[1:].partition(" ")
            commit = Commit(sha, int(stamp))
            continue
        if not token or commit is None:
            continue
        if token[0] in "RC":  # renamed (or copied) from the first path to the second
            old, new = tokens[at], tokens[at + 1]
            at += 2
            if token[0] == "R":
                moved = _followers(followers, named, new)
                followers[new] = set()
                followers.setdefault(old, set()).update(moved)
            continue  # a rename is not a change (--diff-filter=r)
        path = tokens[at]
        at += 1
        for file in _followers(followers, named, path):
            updated.setdefault(file, commit)
            if token[0] == "A":
                created[file] = commit  # walking back in time: the oldest addition wins
    return {path: FileDates(created.get(path), last) for path, last in updated.items()}


def _followers(followers: dict[str, set[str]], named: set[str], name: str) -> set[str]:
    if name not in named:
        named.add(name)
        followers.setdefault(name, set()).add(name)
    return followers[name]


def parse_tags(output: str) -> dict[str, str]:
    """The first tag (in name order) on each tagged commit, from ``git for-each-ref`` run with ``TAGS``."""
    tags: dict[str, str] = {}
    for line in output.splitlines():
        target, peeled, name = (line.split(" ", 2) + ["", ""])[:3]
        tags.setdefault(peeled or target, name)
    return tags


class HistoryReader:
    """Reads a repository's history in the background: start it early, ask for ``result()`` when needed.

    Given the history read before (``mkdocs serve`` rebuilds), it is kept if HEAD has not moved.
    """

    def __init__(self, folder: Path, previous: History | None = None) -> None:
        self.folder = folder
        self.previous = previous
        self._result: History | None = None
        self._thread = threading.Thread(target=self._run, name="git-history", daemon=True)
        self._thread.start()

    def result(self) -> History:
        """The history (waits for git to finish)."""
        self._thread.join()
        assert self._result is not None
        return self._result

    def _run(self) -> None:
        try:
            self._result = read_history(self.folder, self.previous)
        except Exception as exc:  # noqa: BLE001 - whatever went wrong, the build falls back and says why
            self._result = History(problem=f"git failed: {exc}")


def read_history(folder: Path, previous: History | None = None) -> History:
    """The history of the repository that holds ``folder``, read with one ``git log`` (``previous`` if
    it was read at the same HEAD)."""
    top = _git(folder, "rev-parse", "--show-toplevel", "--is-shallow-repository")
    if isinstance(top, Problem):
        return History(problem=top.text)
    root_line, shallow_line = top.splitlines()[:2]
    root, shallow = Path(root_line), shallow_line.strip() == "true"
    head = _git(root, "rev-parse", "--verify", "--quiet", "HEAD")
    if isinstance(head, Problem):  # no commit yet: nothing is committed, so every file falls back
        return History(shallow=shallow)
    if previous is not None and previous.head == head.strip() and previous.problem is None:
        return previous
    log = _git(root, *LOG)
    if isinstance(log, Problem):
        return History(shallow=shallow, problem=log.text)
    tags = _git(root, *TAGS)
    real_root = Path(os.path.realpath(root))
    dates = {real_root / path: value for path, value in parse_log(log).items()}
    return History(dates, parse_tags(tags) if isinstance(tags, str) else {}, shallow, head=head.strip())


@dataclass(frozen=True)
class Problem:
    text: str


def _git(folder: Path, *args: str) -> str | Problem:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, check=False,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"},
        )
    except OSError as exc:
        return Problem(f"git could not run ({exc.strerror or exc})")
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        return Problem(message[0] if message else f"git {args[0]} failed")
    return os.fsdecode(done.stdout)
