"""Load every case study in a folder once, with collection-wide checks."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .casestudy import parse_case_study
from .contract import Contract
from .model import CaseStudy
from .problems import Problem

CASE_STUDY_SUFFIX = ".md"
# Files in case_studies/ that are not case studies and need no report.
IGNORED_NAMES = {".gitkeep", ".DS_Store", "Thumbs.db"}


@dataclass(frozen=True)
class Collection:
    """All case studies, newest first, and every problem found in them."""

    case_studies: tuple[CaseStudy, ...]
    problems: tuple[Problem, ...]

    def by_stem(self) -> dict[str, CaseStudy]:
        return {c.stem: c for c in self.case_studies}


def display_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes, for messages."""
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def load_collection(directory: Path, root: Path, contract: Contract) -> Collection:
    """Parse every case study in ``directory`` (paths in messages relative to ``root``)."""
    problems: list[Problem] = []
    records: list[CaseStudy] = []
    if not directory.is_dir():
        problems.append(Problem(display_path(directory, root), 1, "folder", "does not exist"))
        return Collection((), tuple(problems))
    for entry in sorted(directory.iterdir()):
        shown = display_path(entry, root)
        if entry.name in IGNORED_NAMES or entry.name.startswith("."):
            continue
        if entry.is_dir() or entry.suffix != CASE_STUDY_SUFFIX:
            problems.append(
                Problem(shown, 1, "file", "is not a case study; case studies are '.md' files directly in this folder")
            )
            continue
        records.append(parse_case_study(entry.read_bytes(), shown, entry.stem, contract))
    return collect(records, problems)


def collect(records: Iterable[CaseStudy], problems: Iterable[Problem] = ()) -> Collection:
    """A collection of ``records`` with the checks that need them all."""
    records = sorted(records, key=lambda c: c.sort_key)
    found = [*problems, *check_duplicate_titles(records)]
    for record in records:
        found.extend(record.problems)
    return Collection(tuple(records), tuple(sorted(found)))


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
