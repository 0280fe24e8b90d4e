#!/usr/bin/env python3
"""Keep the case-study schema's vocabulary lists in step with the taxonomy.

Usage:
  python scripts/schema.py          # rewrite hooks/hub/data/case-study.schema.json
  python scripts/schema.py --check  # exit 1 if the file would change
"""

from __future__ import annotations

import argparse
import sys

import _paths  # noqa: F401  (puts hooks/ on sys.path)

from hub.schema import DEFAULT_PATH, load_schema, render_schema, sync_schema
from hub.taxonomy import load_taxonomy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the schema is out of date")
    args = parser.parse_args(argv)
    current = DEFAULT_PATH.read_text(encoding="utf-8")
    wanted = render_schema(sync_schema(load_schema(DEFAULT_PATH), load_taxonomy()))
    if current == wanted:
        print(f"{DEFAULT_PATH.name} is up to date.")
        return 0
    if args.check:
        print(f"{DEFAULT_PATH.name} is out of date with the taxonomy: run 'make schema'.")
        return 1
    DEFAULT_PATH.write_text(wanted, encoding="utf-8")
    print(f"Updated {DEFAULT_PATH.name}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
