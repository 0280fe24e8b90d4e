"""scripts/bench.py works end to end (speed is reported, never asserted)."""

from __future__ import annotations

import random
import subprocess
import sys

from hub.content.casestudy import parse_case_study
from support import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import bench  # noqa: E402


def test_synthetic_case_studies_pass_validation(contract):
    rng = random.Random(1)
    for n in range(30):
        text = bench.synthetic_case_study(n, contract.taxonomy, rng)
        record = parse_case_study(text.encode(), f"bench-{n}.md", f"bench-{n:05d}", contract)
        assert [str(p) for p in record.problems] == []
        assert record.example and bench.SEARCH_WORD in record.body


def test_baseline_uses_the_hubs_markdown_extensions():
    assert bench.markdown_extensions().startswith("markdown_extensions:\n")
    assert "md_in_html" in bench.markdown_extensions()


def test_bench_runs_and_reports_every_column(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py"), "--cases", "3", "--no-browser"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| 3 |")]
    assert len(rows) == 2  # the build table and the pages table
    assert all(cell.strip() for row in rows for cell in row.strip("|").split("|"))
