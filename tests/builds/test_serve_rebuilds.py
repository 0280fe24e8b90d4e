"""Rebuilds under `mkdocs serve` reuse what an edit did not change, and give the same site as a fresh build.

`mkdocs serve` keeps the hook module loaded and rebuilds the whole site on each save;
the hub hands each build what the last one made (hub_serve.py, pipeline.Reuse). A
script drives MkDocs' own build twice or more in one process, as `serve` does, and
each rebuilt site is compared, file by file, with a fresh build of the same files.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sites import ROOT, cs, site_files, write_site
from support import FIXTURES, VALID_BODY

pytestmark = pytest.mark.build

SERVE_URL = "http://127.0.0.1:8000/"
# Builds the project in the working directory as `mkdocs serve` does (one process, the module kept), once
# per step: a step is a list of (file, text) to write first, text None deleting the file. Prints, per
# build, how many hub pages were rendered and how many reused, then copies the site for the test.
SCRIPT = textwrap.dedent(f"""
    import json, logging, shutil, sys
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    records = []
    class Count(logging.Handler):
        def emit(self, record):
            if "reused" in record.getMessage():
                records.append(record.getMessage())
    logging.getLogger("mkdocs.plugins.hub").addHandler(Count())
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    steps = json.loads(Path(sys.argv[1]).read_text())
    site = Path("serve-site")
    first = True
    for number, step in enumerate(steps):
        for name, text in step:
            if text is None:
                Path(name).unlink()
            else:
                Path(name).parent.mkdir(parents=True, exist_ok=True)
                Path(name).write_text(text, encoding="utf-8")
        config = load_config("mkdocs.yml", site_dir=str(site))
        config.site_url = "{SERVE_URL}"
        if first:
            config.plugins.on_startup(command="serve", dirty=False)
            first = False
        build(config, serve_url="{SERVE_URL}")
        shutil.copytree(site, f"served-{{number}}")
    config.plugins.on_shutdown()
    print(json.dumps(records))
""")


def fresh_build(root: Path, into: Path) -> None:
    """A plain `mkdocs build` of the project as it is now, at the serve address."""
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "fresh.yml").write_text(config.replace("https://hub.example.org/", SERVE_URL), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "fresh.yml"), "-d", str(into)],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (root / "fresh.yml").unlink()


CASE_STUDIES = {
    "hackney-triage.md": cs("Hackney triage", "2025-05-01", ["Hackney"], ["accessible-care"]),
    "camden-frailty.md": cs(
        "Camden frailty team", "2024-02-01", ["Camden", "Islington"], ["coordinated-care", "proactive-care"]
    ),
    "islington-frailty.md": cs("Islington frailty", "2023-02-01", ["Islington"], ["proactive-care"]),
    "pan-london-online.md": cs(
        "Pan-London online services", "2025-09-01", ["London-wide"], ["accessible-care", "digital"], example=True
    ),
}


def serve_and_compare(
    tmp_path: Path, case_studies: dict[str, str], steps: list[list[tuple[str, str | None]]], config_edit=None
):
    """Build the project after each step as `mkdocs serve` does, and as a fresh build; the sites must be the
    same file for file. Gives the project and each serve build's "reused" message. ``config_edit`` changes
    the text of the project's mkdocs.yml."""
    root = tmp_path / "project"

    def start() -> None:
        write_site(root, case_studies)
        if config_edit is not None:
            config = root / "mkdocs.yml"
            config.write_text(config_edit(config.read_text(encoding="utf-8")), encoding="utf-8")

    start()
    expected = []
    for step in steps:  # the same files, built fresh after each step
        for name, text in step:
            path = root / name
            if text is None:
                path.unlink()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
        fresh = tmp_path / f"fresh-{len(expected)}"
        fresh_build(root, fresh)
        expected.append(site_files(fresh))
    shutil.rmtree(root)
    start()
    (tmp_path / "steps.json").write_text(json.dumps(steps), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "steps.json")],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    counts = json.loads(result.stdout.strip().splitlines()[-1])
    for number in range(len(steps)):
        served = site_files(root / f"served-{number}")
        assert sorted(served) == sorted(expected[number]), number
        different = [name for name in served if served[name] != expected[number][name]]
        assert different == [], (number, different)
    return root, counts


def test_each_rebuild_is_the_site_a_fresh_build_gives(tmp_path):
    camden = CASE_STUDIES["camden-frailty.md"]
    body_edit = camden.replace("## What we did\n", "## What we did\n\nA sentence added while serving.\n", 1)
    title_edit = body_edit.replace("title: Camden frailty team", "title: Camden frailty team, renamed")
    new_one = cs("Hackney new clinic", "2026-01-05", ["Hackney"], ["accessible-care"])
    note = (FIXTURES / "adoption.md").read_text(encoding="utf-8")  # Lewisham tried hackney-triage
    note_edit = note.replace("on Mondays.", "on Mondays and Fridays.")
    steps = [
        [],  # the first build
        [("case_studies/camden-frailty.md", body_edit)],  # its own page only
        [("case_studies/camden-frailty.md", title_edit)],  # its cards on lists and related lists too
        [("case_studies/hackney-new.md", new_one)],  # a new case study
        [("case_studies/islington-frailty.md", None)],  # one removed
        [("case_studies/adoptions/lewisham-triage.md", note)],  # an adoption note: its case study, cards, lists
        [("case_studies/adoptions/lewisham-triage.md", note_edit)],  # the note edited: its case study's page
        [("docs/contribute.md", "# Contribute\n\nHow, said differently.\n")],  # a hand-written page
    ]
    root, counts = serve_and_compare(tmp_path, CASE_STUDIES, steps)
    reused = [int(message.split()[2]) for message in counts]
    assert reused[0] == 0  # nothing to reuse in the first build
    assert all(n > 0 for n in reused[1:])  # then most pages are kept
    assert reused[1] > reused[2]  # a title is on more pages than a sentence of the body
    assert reused[6] > reused[5]  # a new note changes its case study's cards and lists; an edit, far less
    for number in (5, 6):  # the note is on its case study's page, as edited
        hackney = (root / f"served-{number}" / "case-studies" / "hackney-triage" / "index.html").read_text(
            encoding="utf-8"
        )
        assert 'id="tried-lewisham-triage"' in hackney
        assert ("on Mondays and Fridays." in hackney) == (number == 6)


def test_a_page_follows_the_pages_it_links_to_when_they_are_added_and_removed(tmp_path):
    # MkDocs turns [text](other.md) into the other page's address when it renders the linking page: a page
    # kept unchanged from the last build would keep a link to a page since removed, or miss one added.
    linking = cs(
        "Bexley workforce",
        "2024-06-01",
        ["Bexley"],
        ["workforce"],
        body=VALID_BODY.replace("## What we did\n", "## What we did\n\nSee [the later one](later.md).\n", 1),
    )
    later = cs("Harrow premises", "2025-03-01", ["Harrow"], ["estates"])
    steps = [
        [],  # the link goes nowhere yet (MkDocs says so, and leaves it as written)
        [("case_studies/later.md", later)],  # now it goes to the new page
        [("case_studies/later.md", None)],  # and nowhere again
    ]
    # A link to a missing page is said at INFO here, so that the builds with none go on (strict mode stops them).
    relaxed = lambda config: config.replace("  not_found: warn", "  not_found: info")  # noqa: E731
    root, _ = serve_and_compare(tmp_path, {**CASE_STUDIES, "bexley-workforce.md": linking}, steps, relaxed)
    for number, address in ((0, 'href="later.md"'), (1, 'href="../later/"'), (2, 'href="later.md"')):
        page = root / f"served-{number}" / "case-studies" / "bexley-workforce" / "index.html"
        assert address in page.read_text(encoding="utf-8"), number
