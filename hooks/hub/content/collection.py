"""Load every case study in a folder once, with collection-wide checks."""

from __future__ import annotations

import os
from datetime import date
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from hub.content.casestudy import parse_case_study
from hub.content.contract import Contract
from hub.content.records import CaseStudy, Resource
from hub.content.problems import Problem
from hub.content.resource import parse_resource

CASE_STUDY_SUFFIX = ".md"
# Files in case_studies/ that are not case studies and need no report.
IGNORED_NAMES = {".gitkeep", ".DS_Store", "Thumbs.db"}


@dataclass(frozen=True)
class Collection:
    """All content records, and every problem found in them."""

    case_studies: tuple[CaseStudy, ...]  # newest first
    problems: tuple[Problem, ...]
    resources: tuple[Resource, ...] = ()  # by title

    def by_stem(self) -> dict[str, CaseStudy]:
        return {c.stem: c for c in self.case_studies}


def display_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes, for messages."""
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def load_collection(
    directory: Path, root: Path, contract: Contract, resources_dir: Path | None = None, today: date | None = None
) -> Collection:
    """Parse every case study in ``directory`` and every resource in ``resources_dir``.

    Paths in messages are relative to ``root``.
    """
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
        records.append(parse_case_study(entry.read_bytes(), shown, entry.stem, contract, today))
    resources = load_resources(resources_dir, root, contract) if resources_dir else []
    return collect(records, problems, resources)


def load_resources(directory: Path, root: Path, contract: Contract) -> list[Resource]:
    """Every resource page in ``directory`` (its index page is the list, not a resource)."""
    if not directory.is_dir():
        return []
    return [
        parse_resource(entry.read_bytes(), display_path(entry, root), entry.stem, contract)
        for entry in sorted(directory.glob("*.md"))
        if entry.name != "index.md"
    ]


def collect(
    records: Iterable[CaseStudy], problems: Iterable[Problem] = (), resources: Iterable[Resource] = ()
) -> Collection:
    """A collection of ``records`` and ``resources`` with the checks that need them all."""
    records = sorted(records, key=lambda c: c.sort_key)
    resources = sorted(resources, key=lambda r: r.sort_key)
    found = [*problems, *check_duplicate_titles(records)]
    for record in [*records, *resources]:
        found.extend(record.problems)
    return Collection(tuple(records), tuple(sorted(found)), tuple(resources))


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
