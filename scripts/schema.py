#!/usr/bin/env python3
"""Keep the schemas' vocabulary lists in step with the taxonomy.

Usage:
  python scripts/schema.py          # rewrite hooks/hub/data/*.schema.json
  python scripts/schema.py --check  # exit 1 if a file would change
"""

from __future__ import annotations

import argparse
import sys

import _paths  # noqa: F401  (puts hooks/ on sys.path)

from hub.schema import SCHEMA_PATHS, load_schema, render_schema, sync_schema
from hub.taxonomy import load_taxonomy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the schema is out of date")
    args = parser.parse_args(argv)
    taxonomy = load_taxonomy()
    stale = 0
    for path in SCHEMA_PATHS:
        current = path.read_text(encoding="utf-8")
        wanted = render_schema(sync_schema(load_schema(path), taxonomy))
        if current == wanted:
            print(f"{path.name} is up to date.")
        elif args.check:
            print(f"{path.name} is out of date with the taxonomy: run 'make schema'.")
            stale += 1
        else:
            path.write_text(wanted, encoding="utf-8")
            print(f"Updated {path.name}.")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
