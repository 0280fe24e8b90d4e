#!/usr/bin/env python3
"""Regenerate the files derived from the contract (the JSON Schemas, the taxonomy, the settings).

  - the vocabulary lists in hooks/hub/data/*.schema.json;
  - the GitHub issue form .github/ISSUE_TEMPLATE/case-study.yml;
  - the field table and the sections table in CONTRIBUTING.md (between its "generated: ..." markers).

Usage:
  python scripts/generate.py          # rewrite whatever is out of date
  python scripts/generate.py --check  # exit 1 if any file would change (CI and tests)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import _paths  # noqa: F401  (puts hooks/ on sys.path)
from _paths import ROOT, contract_or_exit
from hub.content.contract import CASE_STUDY_SCHEMA_FILE, DATA, RESOURCE_SCHEMA_FILE, Contract
from hub.content.schema import render_schema, sync_schema
from hub.contributors.guide import (
    FIELDS_END,
    FIELDS_START,
    SECTIONS_END,
    SECTIONS_START,
    MarkerMissing,
    render_field_table_markdown,
    render_issue_form,
    render_sections_markdown,
    splice,
)

ISSUE_FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "case-study.yml"
CONTRIBUTING = ROOT / "CONTRIBUTING.md"


def wanted_files(contract: Contract, data: Path = DATA) -> dict[Path, str]:
    """Every derived file and the text it should have."""
    wanted = {
        data / CASE_STUDY_SCHEMA_FILE: render_schema(sync_schema(contract.schema, contract.taxonomy)),
        data / RESOURCE_SCHEMA_FILE: render_schema(sync_schema(contract.resource_schema, contract.taxonomy)),
        ISSUE_FORM: render_issue_form(contract),
    }
    guide = CONTRIBUTING.read_text(encoding="utf-8")
    try:
        guide = splice(guide, FIELDS_START, FIELDS_END, render_field_table_markdown(contract.schema))
        wanted[CONTRIBUTING] = splice(guide, SECTIONS_START, SECTIONS_END, render_sections_markdown(contract))
    except MarkerMissing as exc:
        raise SystemExit(f"{CONTRIBUTING.name} {exc}") from exc
    return wanted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if any file is out of date")
    args = parser.parse_args(argv)
    stale = 0
    for path, text in wanted_files(contract_or_exit()).items():
        name = path.relative_to(ROOT).as_posix()
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            print(f"{name} is up to date.")
        elif args.check:
            print(f"{name} is out of date: run 'make generate'.")
            stale += 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"Updated {name}.")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
