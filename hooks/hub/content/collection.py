"""Load every case study, adoption note and resource once, with the checks that need them all."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from hub.content.adoption import FOLDER as ADOPTIONS
from hub.content.adoption import parse_adoption
from hub.content.casestudy import parse_case_study
from hub.content.contract import Contract
from hub.content.problems import Problem
from hub.content.records import Adoption, CaseStudy, Resource
from hub.content.resource import parse_resource
from hub.content.suggest import hint
from hub.fork import map_shared
from hub.memo import Memo

CASE_STUDY_SUFFIX = ".md"
# Files in case_studies/ that are not case studies and need no report.
IGNORED_NAMES = {".gitkeep", ".DS_Store", "Thumbs.db"}
R = TypeVar("R")


@dataclass(frozen=True)
class Collection:
    """All content records, and every problem found in them."""

    case_studies: tuple[CaseStudy, ...]  # most recent work first
    problems: tuple[Problem, ...]
    resources: tuple[Resource, ...] = ()  # by title
    adoptions: tuple[Adoption, ...] = ()  # most recent first

    def by_stem(self) -> dict[str, CaseStudy]:
        return {c.stem: c for c in self.case_studies}


def display_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes, for messages."""
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def parsed(memo: Memo | None, parse: Callable[..., R], raw: bytes, shown: str, stem: str, *args: Any) -> R:
    """``parse(raw, shown, stem, *args)``, or its record from an earlier build if the file's bytes are the same.

    ``memo`` belongs to one contract: whoever keeps it clears it when the contract changes.
    """
    if memo is None:
        return parse(raw, shown, stem, *args)
    digest = hashlib.blake2b(raw, digest_size=16).digest()
    key = (parse.__name__, shown, digest, tuple(a for a in args if isinstance(a, date)))
    return memo.get(key, lambda: parse(raw, shown, stem, *args))


def load_collection(
    directory: Path,
    root: Path,
    contract: Contract,
    resources_dir: Path | None = None,
    today: date | None = None,
    memo: Memo | None = None,
) -> Collection:
    """Parse every case study in ``directory`` and every resource in ``resources_dir``.

    Paths in messages are relative to ``root``. With ``memo``, a file whose bytes have not changed
    since an earlier build keeps its record.
    """
    problems: list[Problem] = []
    found_files: list[Path] = []
    if not directory.is_dir():
        problems.append(Problem(display_path(directory, root), 1, "folder", "does not exist"))
        return Collection((), tuple(problems))
    adoptions: list[Adoption] = []
    for entry in sorted(directory.iterdir()):
        shown = display_path(entry, root)
        if entry.name in IGNORED_NAMES or entry.name.startswith("."):
            continue
        if entry.is_dir() and entry.name == ADOPTIONS:
            adoptions, found = load_adoptions(entry, root, contract, today, memo)
            problems += found
            continue
        if entry.is_dir() or entry.suffix != CASE_STUDY_SUFFIX:
            problems.append(
                Problem(
                    shown,
                    1,
                    "file",
                    f"is not a case study; case studies are '.md' files directly in this folder, adoption notes are in "
                    f"{ADOPTIONS}/",
                )
            )
            continue
        found_files.append(entry)

    def parse(entry: Path) -> CaseStudy:
        shown = display_path(entry, root)
        return parsed(memo, parse_case_study, entry.read_bytes(), shown, entry.stem, contract, today)

    # Parsed on two cores when there are many (a forked copy parses half: hub.fork), except with a memo,
    # which only this process would keep.
    records = map_shared(parse, found_files) if memo is None else [parse(entry) for entry in found_files]
    resources = load_resources(resources_dir, root, contract, memo) if resources_dir else []
    return collect(records, problems, resources, adoptions)


def load_adoptions(
    directory: Path, root: Path, contract: Contract, today: date | None = None, memo: Memo | None = None
) -> tuple[list[Adoption], list[Problem]]:
    """Every adoption note in ``directory``, and the files there that are not notes."""
    notes, problems = [], []
    for entry in sorted(directory.iterdir()):
        shown = display_path(entry, root)
        if entry.name in IGNORED_NAMES or entry.name.startswith("."):
            continue
        if entry.is_dir() or entry.suffix != CASE_STUDY_SUFFIX:
            problems.append(Problem(shown, 1, "file", "is not an adoption note; notes are '.md' files in this folder"))
            continue
        notes.append(parsed(memo, parse_adoption, entry.read_bytes(), shown, entry.stem, contract, today))
    return notes, problems


def load_resources(directory: Path, root: Path, contract: Contract, memo: Memo | None = None) -> list[Resource]:
    """Every resource page in ``directory`` (its index page is the list, not a resource)."""
    if not directory.is_dir():
        return []
    return [
        parsed(memo, parse_resource, entry.read_bytes(), display_path(entry, root), entry.stem, contract)
        for entry in sorted(directory.glob("*.md"))
        if entry.name != "index.md"
    ]


def collect(
    records: Iterable[CaseStudy],
    problems: Iterable[Problem] = (),
    resources: Iterable[Resource] = (),
    adoptions: Iterable[Adoption] = (),
) -> Collection:
    """A collection of ``records``, ``resources`` and ``adoptions`` with the checks that need them all."""
    adoptions = sorted(adoptions, key=lambda a: a.sort_key)
    records = sorted(link_adoptions(records, adoptions), key=lambda c: c.sort_key)
    resources = sorted(resources, key=lambda r: r.sort_key)
    found = [*problems, *check_duplicate_titles(records), *check_adopted_case_studies(adoptions, records)]
    for record in [*records, *resources, *adoptions]:
        found.extend(record.problems)
    return Collection(tuple(records), tuple(sorted(found)), tuple(resources), tuple(adoptions))


def link_adoptions(records: Iterable[CaseStudy], adoptions: list[Adoption]) -> list[CaseStudy]:
    """Each case study with the stems of the notes that tried it."""
    by_case_study: dict[str, list[str]] = {}
    for note in adoptions:
        by_case_study.setdefault(note.case_study, []).append(note.stem)
    return [replace(r, adopted_by=tuple(by_case_study[r.stem])) if r.stem in by_case_study else r for r in records]


def check_adopted_case_studies(adoptions: list[Adoption], records: list[CaseStudy]) -> Iterable[Problem]:
    """Every adoption note names a case study the hub has."""
    stems = [r.stem for r in records]
    for note in adoptions:
        if note.readable and note.case_study and note.case_study not in stems:
            yield Problem(
                note.path,
                note.case_study_line,
                "case_study",
                f"'{note.case_study}' is not a case study on the hub {hint(note.case_study, stems)}",
            )


def check_duplicate_titles(records: list[CaseStudy]) -> Iterable[Problem]:
    """No two case studies share a title (ignoring case and spacing)."""
    first: dict[str, CaseStudy] = {}
    for record in sorted(records, key=lambda c: c.path):
        if not record.readable:
            continue  # already reported; its title is only its file name
        key = " ".join(record.title.casefold().split())
        if key in first:
            yield Problem(
                record.path,
                record.title_line,
                "title",
                f"'{record.title}' is already the title of {first[key].path}; titles must be unique",
            )
        else:
            first[key] = record
