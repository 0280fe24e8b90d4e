"""Make the hub package importable from scripts run as files."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASE_STUDIES = ROOT / "case_studies"
RESOURCES = ROOT / "docs" / "leadership"

if str(ROOT / "hooks") not in sys.path:
    sys.path.insert(0, str(ROOT / "hooks"))
