"""Make the hub package importable from scripts run as files."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASE_STUDIES = ROOT / "case_studies"
DOCS = ROOT / "docs"
RESOURCES = DOCS / "leadership"

if str(ROOT / "hooks") not in sys.path:
    sys.path.insert(0, str(ROOT / "hooks"))


def contract_or_exit():
    """The contract, or exit 2 listing every mistake in the taxonomy or the settings."""
    from hub.content.contract import load_contract
    from hub.content.taxonomy import TaxonomyError

    try:
        return load_contract()
    except TaxonomyError as exc:
        print("\n".join(exc.messages), file=sys.stderr)
        raise SystemExit(2) from exc


def run(main) -> None:
    """Exit with ``main()``'s status; a reader that stops reading (``| head``) is not an error."""
    try:
        sys.exit(main())
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
