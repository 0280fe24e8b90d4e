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
        [
            sys.executable,
            str(ROOT / "scripts" / "bench.py"),
            "--cases",
            "3",
            "--no-browser",
            "--edits",
            "1",
            "--commits",
            "30",
            "--history-cases",
            "3",
            "--repeat",
            "2",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    tables = [block for block in result.stdout.split("\n\n") if block.startswith("| ")]
    assert len(tables) == 6  # builds, memory, serve, page dates, pages, a first search
    for table in tables:
        header, _rule, *rows = table.splitlines()
        assert rows, header
        for row in rows:
            cells = row.strip("|").split("|")
            assert len(cells) == len(header.strip("|").split("|")) and all(c.strip() for c in cells), row
    assert "commits adding, editing and renaming" in result.stdout
    assert "× in 2)" in result.stdout  # the range of hub ÷ Material over the two builds of each


def test_the_long_history_has_the_commits_and_renames_asked_for(tmp_path, contract):
    project = bench.make_history_project(tmp_path, 12, 120, contract.taxonomy)
    log = subprocess.run(["git", "log", "--format=%s"], cwd=project, capture_output=True, text=True, check=True)
    subjects = log.stdout.splitlines()
    assert len(subjects) == 120
    assert any(s.startswith("Rename") for s in subjects) and any(s.startswith("Edit") for s in subjects)
    assert len(list((project / "case_studies").glob("bench-*.md"))) == 12


def test_the_percentile_of_the_reader_queries_is_by_nearest_rank():
    sizes = list(range(10, 110, 10))  # 10 .. 100
    assert bench.percentile(sizes, 0.9) == 90
    assert bench.percentile(sizes, 0.5) == 50
    assert bench.percentile(sizes, 1.0) == 100
    assert bench.percentile([7], 0.9) == 7


def test_reader_queries_are_every_name_readers_are_shown_once(contract):
    taxonomy = contract.taxonomy
    queries = bench.reader_queries(taxonomy)
    names = {term.name for vocabulary in (taxonomy.areas, taxonomy.themes, taxonomy.settings) for term in vocabulary}
    assert "Hackney" in queries and "Workforce" in queries and "Care homes" in queries
    assert len(queries) == len(set(queries)) and set(queries) == names
