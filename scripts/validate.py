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
from _paths import CASE_STUDIES, DOCS, RESOURCES, contract_or_exit, run
from hub import pipeline
from hub.content.problems import Problem, count_errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders to check (default: all content)")
    parser.add_argument(
        "--case-studies",
        type=Path,
        default=CASE_STUDIES,
        metavar="DIR",
        help="the case-study folder to check against (default: case_studies/ of this project)",
    )
    parser.add_argument(
        "--resources",
        type=Path,
        default=RESOURCES,
        metavar="DIR",
        help="the leadership resources folder (default: docs/leadership/ of this project)",
    )
    args = parser.parse_args(argv)
    contract_or_exit()  # a broken contract is listed, with exit status 2
    # Paths in messages are relative to the current folder, so a terminal can open them.
    here = Path.cwd()
    docs = DOCS if args.resources == RESOURCES else None  # the project's own pages, when checking the project
    config = pipeline.HubConfig(
        root=here,
        case_studies=args.case_studies.resolve(),
        docs=docs,
        resources=args.resources.resolve(),
        news=docs / "news" / "posts" if docs else None,
    )
    problems, files = pipeline.check(config, args.paths)
    report(problems, files, annotate=os.environ.get("GITHUB_ACTIONS") == "true")
    return 1 if count_errors(problems) else 0


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
