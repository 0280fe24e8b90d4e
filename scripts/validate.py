#!/usr/bin/env python3
"""Check case studies and print every problem at once.

Usage:
  python scripts/validate.py                 # all content
  python scripts/validate.py case_studies/merton-social-prescribing.md

Each problem is one line, ``path:line: field: message``, followed by a count.
Exits 1 if there is any error, 0 otherwise. With GITHUB_ACTIONS=true it also
prints GitHub annotations so problems show on the pull request's files.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import _paths  # noqa: F401  (puts hooks/ on sys.path)
from _paths import CASE_STUDIES, RESOURCES, contract_or_exit, run

from hub.content.casestudy import parse_case_study
from hub.content.collection import collect, display_path, load_collection
from hub.content.contract import Contract
from hub.content.problems import Problem, count_errors
from hub.content.resource import parse_resource


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders to check (default: all content)")
    parser.add_argument(
        "--case-studies", type=Path, default=CASE_STUDIES, metavar="DIR",
        help="the case-study folder to check against (default: case_studies/ of this project)",
    )
    parser.add_argument(
        "--resources", type=Path, default=RESOURCES, metavar="DIR",
        help="the leadership resources folder (default: docs/leadership/ of this project)",
    )
    args = parser.parse_args(argv)
    contract = contract_or_exit()
    problems, files = check(args.paths, args.case_studies, args.resources, contract)
    report(problems, files, annotate=os.environ.get("GITHUB_ACTIONS") == "true")
    return 1 if count_errors(problems) else 0


def check(paths: list[Path], folder: Path, resources: Path, contract: Contract) -> tuple[list[Problem], int]:
    """Problems in ``paths`` (all content if empty), checked against the whole collection.

    Paths in messages are relative to the current folder, so a terminal can open them.
    """
    here = Path.cwd()
    collection = load_collection(folder.resolve(), here, contract, resources.resolve())
    if not paths:
        return list(collection.problems), len(collection.case_studies) + len(collection.resources)
    files = [f for p in paths for f in (sorted(p.rglob("*.md")) if p.is_dir() else [p])]
    shown = {display_path(f.resolve(), here): f for f in files}
    known = {c.path for c in (*collection.case_studies, *collection.resources)}
    problems = [Problem(name, 1, "file", "does not exist") for name, f in shown.items() if not f.is_file()]
    new = [(name, f) for name, f in shown.items() if f.is_file() and name not in known]
    new_resources = [
        parse_resource(f.read_bytes(), name, f.stem, contract) for name, f in new if f.resolve().parent == resources.resolve()
    ]
    new_case_studies = [
        parse_case_study(f.read_bytes(), name, f.stem, contract) for name, f in new if f.resolve().parent != resources.resolve()
    ]
    combined = collect([*collection.case_studies, *new_case_studies], (), [*collection.resources, *new_resources])
    problems += [p for p in combined.problems if p.path in shown]
    return sorted(problems), len(shown)


def report(problems: list[Problem], files: int, annotate: bool = False) -> None:
    """Print each problem, then a count."""
    for problem in problems:
        print(problem)
        if annotate:
            level = "error" if problem.severity == "error" else "warning"
            print(f"::{level} file={problem.path},line={problem.line},title={problem.field}::{problem.message}")
    errors = count_errors(problems)
    warnings = len(problems) - errors
    checked = f"{files} file{'s' if files != 1 else ''}"
    if not problems:
        print(f"No problems in {checked}.")
    else:
        parts = [f"{errors} problem{'s' if errors != 1 else ''}"]
        if warnings:
            parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
        print(f"{' and '.join(parts)} in {checked}.")


if __name__ == "__main__":
    run(main)
