"""A full build shares the hub's pages with a second process, and the site is the same as built by one.

hooks/hub_parallel.py forks a worker that renders every other hub page with MkDocs' own
steps. The fixture here has enough pages for it to start (its log says how many pages it
rendered); the site must match, file by file, the same project built in one process.
"""

from __future__ import annotations

import pytest

from sites import build, site_files, write_site
from support import case_study_text

pytestmark = pytest.mark.build

AREAS = ["Hackney", "Camden", "Islington", "Greenwich", "Lambeth", "Croydon", "Barnet", "Brent"]
THEMES = ["accessible-care", "coordinated-care", "proactive-care", "digital"]


def case_studies(count: int) -> dict[str, str]:
    return {
        f"case-{n:02d}.md": case_study_text(
            title=f"Case study number {n}",
            published=f"2025-{n % 12 + 1:02d}-{n % 27 + 1:02d}",
            review_due="2030-01-01",
            boroughs=[AREAS[n % len(AREAS)], AREAS[(n * 3 + 1) % len(AREAS)]],
            themes=[THEMES[n % len(THEMES)]],
        )
        for n in range(count)
    }


def test_a_build_shared_with_a_second_process_is_the_same_site(tmp_path):
    shared, alone = tmp_path / "shared", tmp_path / "alone"
    for root in (shared, alone):
        contribute = "# Contribute\n\nSee [the data](api/case-studies.json).\n"
        write_site(root, case_studies(60), {"contribute.md": contribute})
        # A navigation title that only populating the page gives (its heading): the worker needs it too.
        config = root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("- Contribute: contribute.md", "- contribute.md"), encoding="utf-8")
    config = alone / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    setting = "    case_studies: case_studies\n"
    one_process = text.replace(setting, setting + "    parallel: false\n")
    config.write_text(one_process, encoding="utf-8")
    two, one = build(shared, "--verbose"), build(alone, "--verbose")
    assert two.returncode == 0, two.log
    assert one.returncode == 0, one.log
    assert "hub: a second process rendered" in two.log and "a second process" not in one.log
    first, second = site_files(two.site), site_files(one.site)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    messages = [line for line in two.log.splitlines() if "WARNING" in line or "hub:" in line]
    expected = [line for line in one.log.splitlines() if "WARNING" in line or "hub:" in line]
    assert [m for m in messages if "second process" not in m] == expected  # the worker's messages are not lost
    # The worker writes its pages; MkDocs, given nothing to write for them, would say it skipped each one.
    assert "Page skipped" not in two.log
