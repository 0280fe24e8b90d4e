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
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

# One line per commit (a 0x01 byte, the hash, the author's Unix time), then the files it
# touched as NUL-separated status and paths. --root shows the first commit's files as
# added; -M finds renames as --follow does (same 50% similarity); no merges' files,
# as --follow shows none; the whole tree, so that a file moved into a folder keeps its
# history from before the move. No colour and no external diff, whatever the user's git config says.
LOG = (
    "log",
    "-z",
    "--no-color",
    "--no-ext-diff",
    "--format=%x01%H %at",
    "--name-status",
    "-M",
    "--root",
    "--no-show-signature",
    "HEAD",
)
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
    """Reads a repository's history while the build goes on: start it early, ask for ``result()`` when needed.

    Two quick questions to git first (where the repository is; its HEAD), then ``git log`` runs on
    its own, writing to a temporary file: no thread waits for it, so the build may fork meanwhile
    (hooks/hub_parallel.py). Given the history read before (``mkdocs serve`` rebuilds), it is kept
    if HEAD has not moved.
    """

    def __init__(self, folder: Path, previous: History | None = None) -> None:
        self._result: History | None = None
        self._running: list[tuple[subprocess.Popen[bytes], IO[bytes]]] = []
        try:
            self._start(folder, previous)
        except OSError as exc:
            self._result = History(problem=f"git could not run ({exc.strerror or exc})")

    def result(self) -> History:
        """The history (waits for git to finish)."""
        if self._result is None:
            log, tags = (_finish(*running) for running in self._running)
            if isinstance(log, Problem):
                self._result = History(shallow=self._shallow, problem=log.text)
            else:
                dates = {self._root / path: value for path, value in parse_log(log).items()}
                found = parse_tags(tags) if isinstance(tags, str) else {}
                self._result = History(dates, found, self._shallow, head=self._head)
        return self._result

    def _start(self, folder: Path, previous: History | None) -> None:
        top = _git(folder, "rev-parse", "--show-toplevel", "--is-shallow-repository")
        if isinstance(top, Problem):
            self._result = History(problem=top.text)
            return
        root_line, shallow_line = top.splitlines()[:2]
        root, self._shallow = Path(root_line), shallow_line.strip() == "true"
        head = _git(root, "rev-parse", "--verify", "--quiet", "HEAD")
        if isinstance(head, Problem):  # no commit yet: nothing is committed, so every file falls back
            self._result = History(shallow=self._shallow)
            return
        self._head = head.strip()
        if previous is not None and previous.head == self._head and previous.problem is None:
            self._result = previous
            return
        self._root = Path(os.path.realpath(root))
        self._running = [_spawn(root, LOG), _spawn(root, TAGS)]


def read_history(folder: Path, previous: History | None = None) -> History:
    """The history of the repository that holds ``folder``, read with one ``git log`` (``previous`` if
    it was read at the same HEAD)."""
    return HistoryReader(folder, previous).result()


@dataclass(frozen=True)
class Problem:
    text: str


GIT_ENV = {"GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}  # never ask for a password; messages in English


def _git(folder: Path, *args: str) -> str | Problem:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            check=False,
            env={**os.environ, **GIT_ENV},
        )
    except OSError as exc:
        return Problem(f"git could not run ({exc.strerror or exc})")
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        return Problem(message[0] if message else f"git {args[0]} failed")
    return os.fsdecode(done.stdout)


def _spawn(folder: Path, args: tuple[str, ...]) -> tuple[subprocess.Popen[bytes], IO[bytes]]:
    """Start git with ``args``; its output goes to a temporary file (nothing has to drain a pipe meanwhile)."""
    output = tempfile.TemporaryFile()
    process = subprocess.Popen(
        ["git", "-C", str(folder), *args],
        stdout=output,
        stderr=subprocess.PIPE,
        env={**os.environ, **GIT_ENV},
    )
    return process, output


def _finish(process: subprocess.Popen[bytes], output: IO[bytes]) -> str | Problem:
    _, errors = process.communicate()
    with output:
        output.seek(0)
        text = output.read()
    if process.returncode != 0:
        message = errors.decode("utf-8", "replace").strip().splitlines()
        return Problem(message[0] if message else "git failed")
    return os.fsdecode(text)
