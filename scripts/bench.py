#!/usr/bin/env python3
"""Measure the hub at scale, against plain Material built from the same Markdown.

Usage:
  python scripts/bench.py --cases 100,1000,5000           # print the tables
  python scripts/bench.py --cases 100,1000,5000 --write   # ... and update docs/performance.md

For each N it copies the project to a temporary folder (never touching
case_studies/), adds N synthetic case studies in the shipped format, commits
them to a fresh git repository there, and builds:

  - the hub as shipped (git dates on, in the plugin's parallel mode), with Pagefind;
  - the hub with git dates off, and with the plugin's serial mode, to price
    the git plugin and check the choice of mode;
  - a baseline: plain Material with its tags plugin, its search and a
    navigation of sections only, over the same case-study Markdown.

It reports build time, peak memory, site size, the HTML bytes of a case-study
page and of an index page, the compressed bytes a case-study page loads
(images excluded), and the bytes a first search query fetches. Speed is
reported, never asserted: the tests only check that the benchmark runs.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import _paths  # noqa: F401  (puts hooks/ on sys.path)
from _paths import ROOT

from hub.contributors.guide import splice
from hub.content.taxonomy import Taxonomy, load_taxonomy

PERFORMANCE_PAGE = ROOT / "docs" / "performance.md"
START, END = "<!-- generated: bench -->", "<!-- end generated: bench -->"
COPY = ("mkdocs.yml", "docs", "hooks", "case_studies")
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc")
SEARCH_WORD = "practice"  # in every synthetic case study: the worst case for a first query
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".webp"}
ALREADY_COMPRESSED = (".pagefind", ".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")
WORDS = (
    "patients practice team appointments access triage nurse pharmacist network federation care plan "
    "frailty review list clinic community referral outcome reception online booking evening weekend "
    "prescribing wellbeing carers homes discharge records data search recall screening vaccination"
).split()


# --- Synthetic content ----------------------------------------------------------


def synthetic_case_study(n: int, taxonomy: Taxonomy, rng: random.Random) -> str:
    """A valid case study in the shipped format, marked as an example."""
    themes = rng.sample([t.id for t in taxonomy.themes], k=rng.randint(1, 3))
    areas = rng.sample([a.name for a in taxonomy.areas], k=rng.randint(1, 2))
    settings = rng.sample([s.id for s in taxonomy.settings], k=rng.randint(1, 2))
    published = date(2016, 1, 1) + timedelta(days=rng.randint(0, 3600))
    started = published - timedelta(days=rng.randint(100, 2000))
    status = rng.choice(["piloting", "running", "scaled", "stopped", "not-known"])
    ended = f'ended: "{published.year}-{published.month:02d}"\n' if status == "stopped" else ""

    def paragraph(words: int) -> str:
        text = " ".join(rng.choice(WORDS) for _ in range(words))
        return f"The {SEARCH_WORD} changed how it works: {text}."

    return f"""---
title: "Synthetic case study {n:05d}: {rng.choice(WORDS)} and {rng.choice(WORDS)}"
summary: "A synthetic case study for measuring the hub at scale, about {rng.choice(WORDS)} in general practice."
organisation: "Synthetic practice {n % 700}"
boroughs: [{", ".join(areas)}]
themes: [{", ".join(themes)}]
settings: [{", ".join(settings)}]
started: "{started.year}-{started.month:02d}"
{ended}published: {published.isoformat()}
review_due: {(published + timedelta(days=365)).isoformat()}
status: {status}
status_checked: {published.isoformat()}
account: team
evidence: {rng.choice(["idea", "tested", "measured", "independently-evaluated"])}
contact: programme-team
example: true
---

## Context

{paragraph(60)}

## What we did

{paragraph(90)}

- {paragraph(12)}
- {paragraph(12)}

## Results

{paragraph(70)}

## What we learned

{paragraph(50)}
"""


def make_hub_project(where: Path, n: int, taxonomy: Taxonomy) -> Path:
    """A copy of the project with N synthetic case studies, committed to git."""
    project = where / "hub"
    project.mkdir()
    for name in COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=SKIP)
        else:
            shutil.copy2(source, project / name)
    rng = random.Random(n)
    for i in range(n):
        (project / "case_studies" / f"bench-{i:05d}.md").write_text(synthetic_case_study(i, taxonomy, rng), encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "bench"]):
        subprocess.run(["git", *args], cwd=project, env=env, check=True)
    return project


BASELINE_CONFIG = """site_name: Baseline
site_url: http://127.0.0.1:8000/
theme:
  name: material
  font: false
plugins:
  - search
  - tags
nav:
  - Home: index.md
  - Case studies: tags.md
"""


def markdown_extensions() -> str:
    """The hub's markdown_extensions block, so that the baseline converts Markdown the same way."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^markdown_extensions:\n(?:[ #].*\n|\n)*", text, re.MULTILINE)
    return match.group(0) if match else ""


def make_baseline_project(where: Path, hub: Path) -> Path:
    """Plain Material over the same Markdown: tags from themes and areas, Material's search."""
    import yaml

    project = where / "material"
    docs = project / "docs" / "case-studies"
    docs.mkdir(parents=True)
    for path in sorted((hub / "case_studies").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        data = yaml.safe_load(front)
        tags = [str(t) for t in (data.get("themes") or [])] + [str(b) for b in (data.get("boroughs") or [])]
        meta = {"title": data.get("title"), "description": data.get("summary"), "tags": tags}
        (docs / path.name).write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body, encoding="utf-8")
    (project / "docs" / "index.md").write_text("# Baseline\n\nThe same case studies on plain Material.\n", encoding="utf-8")
    (project / "docs" / "tags.md").write_text("# Case studies by tag\n\n<!-- material/tags -->\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(BASELINE_CONFIG + markdown_extensions(), encoding="utf-8")
    return project


# --- Measuring ------------------------------------------------------------------


@dataclass
class Build:
    seconds: float
    peak_mb: float
    site: Path


def build(project: Path, strict: bool = True, **env: str) -> Build:
    """One MkDocs build in its own process: wall time and that process's peak memory."""
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "-q", *(["--strict"] if strict else [])]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build of {project} failed:\n{output.decode(errors='replace')}")
    return Build(seconds, usage.ru_maxrss / 1024, site)


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def transfer_bytes(path: Path) -> int:
    """What a server sends: gzip for text, as-is for files Pagefind already compressed."""
    data = path.read_bytes()
    if path.name.endswith(ALREADY_COMPRESSED):
        return len(data)
    return len(gzip.compress(data, compresslevel=6))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def local_file(site: Path, base: str, url: str) -> Path | None:
    if not url.startswith(base):
        return None
    path = site / url[len(base):].split("?")[0].split("#")[0]
    return path / "index.html" if path.is_dir() else path if path.is_file() else None


def page_and_search_bytes(browser, site: Path, page_url: str, search: bool) -> tuple[int, int | None]:
    """Compressed bytes a page loads (images excluded), and bytes of a first search query."""
    server, base = serve(site)
    try:
        page = browser.new_page()
        loaded: list[str] = []
        page.on("requestfinished", lambda r: loaded.append(r.url))
        page.goto(base + page_url, wait_until="networkidle")
        files = [local_file(site, base, u) for u in loaded]
        load = sum(transfer_bytes(f) for f in files if f is not None and f.suffix not in IMAGE_SUFFIXES)
        query = None
        if search:
            loaded.clear()
            page.locator("#hub-search-input").fill(SEARCH_WORD)
            page.wait_for_selector(".hub-search__results li")
            page.wait_for_load_state("networkidle")
            files = [local_file(site, base, u) for u in loaded]
            query = sum(transfer_bytes(f) for f in files if f is not None)
        page.close()
        return load, query
    finally:
        server.shutdown()
        server.server_close()


def open_browser():
    sys.path.insert(0, str(ROOT / "scripts"))
    from ensure_browser import find_installed
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    return playwright, playwright.chromium.launch(executable_path=find_installed(), args=args)


@dataclass
class Row:
    n: int
    hub: Build
    hub_no_git: Build
    hub_git_serial: Build
    material: Build
    hub_site: int
    material_site: int
    hub_case_html: int
    material_case_html: int
    hub_index_html: int
    material_index_html: int
    hub_load: int | None = None
    material_load: int | None = None
    hub_query: int | None = None


def measure(n: int, taxonomy: Taxonomy, browser) -> Row:
    with tempfile.TemporaryDirectory(prefix=f"hub-bench-{n}-") as tmp:
        where = Path(tmp)
        hub = make_hub_project(where, n, taxonomy)
        baseline = make_baseline_project(where, hub)
        material = build(baseline, strict=False)  # the baseline's pages are deliberately not in its nav
        material_site = folder_bytes(material.site)
        material_case = (material.site / "case-studies" / "bench-00000" / "index.html").stat().st_size
        material_index = (material.site / "tags" / "index.html").stat().st_size
        material_load = page_and_search_bytes(browser, material.site, "case-studies/bench-00000/", False)[0] if browser else None
        no_git = build(hub, HUB_GIT_DATES="false")
        serial = build(hub, HUB_GIT_PARALLEL="false")
        shipped = build(hub)
        hub_load, hub_query = (
            page_and_search_bytes(browser, shipped.site, "case-studies/bench-00000/", True) if browser else (None, None)
        )
        return Row(
            n=n, hub=shipped, hub_no_git=no_git, hub_git_serial=serial, material=material,
            hub_site=folder_bytes(shipped.site), material_site=material_site,
            hub_case_html=(shipped.site / "case-studies" / "bench-00000" / "index.html").stat().st_size,
            material_case_html=material_case,
            hub_index_html=(shipped.site / "themes" / "proactive-care" / "index.html").stat().st_size,
            material_index_html=material_index,
            hub_load=hub_load, material_load=material_load, hub_query=hub_query,
        )


# --- Reporting ------------------------------------------------------------------


def kb(value: int | None) -> str:
    return "n/a" if value is None else f"{value / 1024:,.0f} KB"


def mb(value: int) -> str:
    return f"{value / 1024 / 1024:,.1f} MB"


def render_tables(rows: list[Row]) -> str:
    first = rows[0]
    per_case = lambda r: r.hub.seconds / r.n * 1000  # noqa: E731
    lines = [
        "**Build** (seconds, wall clock; peak memory of the MkDocs process)",
        "",
        "| Case studies | Hub | Material | Hub ÷ Material | Hub ms per case study | Peak memory hub / Material | Hub with git dates off / serial / parallel (shipped) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.n:,} | {r.hub.seconds:.1f} | {r.material.seconds:.1f} | {r.hub.seconds / r.material.seconds:.2f} | "
            f"{per_case(r):.1f} ({per_case(r) / per_case(first):.2f}× the {first.n:,} figure) | "
            f"{r.hub.peak_mb:,.0f} / {r.material.peak_mb:,.0f} MB | "
            f"{r.hub_no_git.seconds:.1f} ({r.hub_no_git.seconds / r.material.seconds:.2f}×) / "
            f"{r.hub_git_serial.seconds:.1f} / {r.hub.seconds:.1f} |"
        )
    lines += [
        "",
        "**Pages** (HTML as built; page load and search compressed, images excluded)",
        "",
        "| Case studies | Site hub / Material | Case-study page HTML hub / Material | Index page HTML hub / Material | "
        "Case-study page load hub / Material | First search query (hub) |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.n:,} | {mb(r.hub_site)} / {mb(r.material_site)} | {kb(r.hub_case_html)} / {kb(r.material_case_html)} | "
            f"{kb(r.hub_index_html)} / {kb(r.material_index_html)} | {kb(r.hub_load)} / {kb(r.material_load)} | {kb(r.hub_query)} |"
        )
    return "\n".join(lines)


def render_section(rows: list[Row], command: str) -> str:
    return (
        f"Measured on {date.today().isoformat()} on a machine with {os.cpu_count()} cores, with:\n\n"
        f"```sh\n{command}\n```\n\n{render_tables(rows)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", default="100,1000,5000", help="comma-separated numbers of synthetic case studies")
    parser.add_argument("--write", action="store_true", help="update the table in docs/performance.md")
    parser.add_argument("--no-browser", action="store_true", help="skip the page-load and search measurements")
    args = parser.parse_args(argv)
    sizes = [int(n) for n in args.cases.split(",")]
    taxonomy = load_taxonomy()
    playwright, browser = (None, None) if args.no_browser else open_browser()
    rows = []
    try:
        for n in sizes:
            print(f"Measuring {n:,} case studies...", file=sys.stderr, flush=True)
            rows.append(measure(n, taxonomy, browser))
    finally:
        if browser:
            browser.close()
            playwright.stop()
    command = "python scripts/bench.py --cases " + ",".join(str(n) for n in sizes)
    section = render_section(rows, command)
    print(section)
    if args.write:
        page = PERFORMANCE_PAGE.read_text(encoding="utf-8")
        PERFORMANCE_PAGE.write_text(splice(page, START, END, section), encoding="utf-8")
        print(f"Updated {PERFORMANCE_PAGE.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
