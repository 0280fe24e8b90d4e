#!/usr/bin/env python3
"""Measure the hub at scale, against plain Material built from the same Markdown.

Usage:
  python scripts/bench.py --cases 1000,5000           # print the tables
  python scripts/bench.py --cases 1000,5000 --write   # ... and update docs/performance.md

For each N it copies the project to a temporary folder (never touching
case_studies/), adds N synthetic case studies in the shipped format, commits
them to a fresh git repository there, and measures:

  - full builds, each in its own process: the hub as shipped (git dates, feeds,
    open data, search index, safety checks, its second process), the hub without
    git dates, the hub in one process, and a baseline: plain Material with its
    tags plugin, its search and a navigation of sections only, over the same
    case-study Markdown. Wall time and CPU time; the shipped hub and Material
    are built in turn --repeat times and their medians compared. Peak memory (of
    the MkDocs process, and of all the build's processes at once, sampled from
    /proc) comes from one more build of each, as sampling slows a build;
  - rebuilds under `mkdocs serve` (as `make serve` runs it): the time from saving
    a case study to the served page showing the change, for an edit of its body
    and of its title;
  - pages: site size, the HTML of a case-study page and an index page, and the
    compressed bytes a case-study page loads (images excluded), in Chromium;
  - a first search: the bytes it fetches, for a word of every synthetic case
    study (the worst case) and for each name of an area, theme and setting (what
    readers see on the hub and are likely to type), each with nothing cached.

Once, it also builds a project whose git history has --commits commits (edits
and renames of --history-cases case studies), to price page dates: the hub's one
walk of the history, and the plugin's one `git log` per page on a sample of
pages, scaled to them all.

Speed is reported as ratios against the baseline in the same run, never
asserted: the tests only check that the benchmark runs.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import math
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

import _paths  # noqa: F401  (puts hooks/ on sys.path)
from _paths import ROOT
from hub.content.taxonomy import Taxonomy, load_taxonomy
from hub.contributors.guide import splice

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
GIT_ENV = {
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
}
PLUGIN_SAMPLE = 20  # pages the git plugin dates on the long history, to scale to them all


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


def make_hub_project(where: Path, n: int, taxonomy: Taxonomy, commit: bool = True) -> Path:
    """A copy of the project with N synthetic case studies, committed to git (unless ``commit`` is false)."""
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
        (project / "case_studies" / f"bench-{i:05d}.md").write_text(
            synthetic_case_study(i, taxonomy, rng), encoding="utf-8"
        )
    if commit:
        for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "bench"]):
            subprocess.run(["git", *args], cwd=project, env={**os.environ, **GIT_ENV}, check=True)
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
        (docs / path.name).write_text(
            "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body, encoding="utf-8"
        )
    (project / "docs" / "index.md").write_text(
        "# Baseline\n\nThe same case studies on plain Material.\n", encoding="utf-8"
    )
    (project / "docs" / "tags.md").write_text("# Case studies by tag\n\n<!-- material/tags -->\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(BASELINE_CONFIG + markdown_extensions(), encoding="utf-8")
    return project


# --- Measuring builds -------------------------------------------------------------


@dataclass
class Build:
    seconds: float  # wall clock
    cpu: float  # user and system time of the MkDocs process and every process it started
    process_mb: float  # peak memory of the MkDocs process
    total_mb: float  # peak memory of all the build's processes at once (its worker, Pagefind, git): summed PSS
    largest_other_mb: float  # peak memory (PSS) of the largest process it started (Pagefind's indexer)
    site: Path


def rss_by_pid() -> dict[int, tuple[int, float]]:
    """Every process's parent and resident memory in MB (Linux /proc; empty elsewhere)."""
    found = {}
    for entry in os.scandir("/proc") if os.path.isdir("/proc") else ():
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            found[int(entry.name)] = (int(fields[1]), int(fields[21]) * os.sysconf("SC_PAGE_SIZE") / 2**20)
        except (OSError, IndexError, ValueError):
            continue
    return found


def proportional_mb(pid: int, rss: float) -> float:
    """A process's proportional set size in MB (its shared pages divided among their sharers); else ``rss``."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return rss


class MemorySampler(threading.Thread):
    """Samples the memory of a process and its descendants until stopped: the peaks, of each and of all."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.stopped = pid, threading.Event()
        self.own = self.total = self.other = 0.0

    def run(self) -> None:
        while not self.stopped.wait(0.02):
            processes = rss_by_pid()
            tree, frontier = {self.pid}, [self.pid]
            while frontier:
                parent = frontier.pop()
                children = [pid for pid, (ppid, _rss) in processes.items() if ppid == parent and pid not in tree]
                tree.update(children)
                frontier += children
            sizes = {pid: processes[pid][1] for pid in tree if pid in processes}
            self.own = max(self.own, sizes.get(self.pid, 0.0))
            # A forked worker shares most of its memory with the build: count shared pages once (PSS).
            proportional = {pid: proportional_mb(pid, rss) for pid, rss in sizes.items()}
            self.total = max(self.total, sum(proportional.values()))
            self.other = max([self.other, *(pss for pid, pss in proportional.items() if pid != self.pid)])


def build(project: Path, strict: bool = True, sample_memory: bool = False, **env: str) -> Build:
    """One MkDocs build in its own process. Its memory is sampled only if ``sample_memory``: reading every
    process's memory map fifty times a second takes CPU from the build and holds its memory lock, so
    the timed builds are not sampled (their memory figures are then each process's own peak)."""
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    # Written files reach the disk in the background: without this, a build pays for the last one's writes.
    os.sync()
    command = [sys.executable, "-m", "mkdocs", "build", "-q", *(["--strict"] if strict else [])]
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    sampler = MemorySampler(process.pid)
    if sample_memory:
        sampler.start()
    output = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if sample_memory:
        sampler.stopped.set()
        sampler.join()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build of {project} failed:\n{output.decode(errors='replace')}")
    peak = usage.ru_maxrss / 1024  # the largest of the process and the children it waited for
    return Build(
        seconds, usage.ru_utime + usage.ru_stime, sampler.own or peak, sampler.total or peak, sampler.other, site
    )


# --- Measuring rebuilds under mkdocs serve ---------------------------------------------


@dataclass
class Serving:
    first_build: float  # seconds from starting `mkdocs serve` to the page being served
    body_edit: float  # median seconds from saving a case study to the served page showing the change
    title_edit: float


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def serve_tmpdir() -> str | None:
    """The folder `make serve` has MkDocs build in (the Makefile's SERVE_TMPDIR), if it sets one."""
    shown = subprocess.run(
        ["make", "--no-print-directory", "-n", "serve"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout
    found = re.search(r"^TMPDIR=(\S+) ", shown, re.M)
    return found.group(1) if found else None


def serve(project: Path, stem: str, edits: int = 3) -> Serving:
    """`mkdocs serve` as `make serve` runs it: save case study ``stem``, time until the served page shows it."""
    port = free_port()
    address = f"127.0.0.1:{port}"
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--no-strict", "--dev-addr", address]
    tmpdir = serve_tmpdir()
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **({"TMPDIR": tmpdir} if tmpdir else {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    path = project / "case_studies" / f"{stem}.md"
    original = path.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}/case-studies/{stem}/"
    try:
        while fetch(url) is None:
            if process.poll() is not None:
                raise SystemExit(f"mkdocs serve stopped in {project}")
            time.sleep(0.2)
        first = time.perf_counter() - started

        def shown_after(change) -> float:
            time.sleep(1.5)  # let the last rebuild settle, as a person between saves
            marker = f"edited{time.time_ns()}"
            path.write_text(change(original, marker), encoding="utf-8")
            saved = time.perf_counter()
            while marker not in (fetch(url) or ""):
                if time.perf_counter() - saved > 300:
                    raise SystemExit("the edit never showed under mkdocs serve")
                time.sleep(0.02)
            return time.perf_counter() - saved

        def body(text: str, marker: str) -> str:
            return text.replace("## Results\n\n", f"## Results\n\nThe {marker} result.\n\n", 1)

        def title(text: str, marker: str) -> str:
            return re.sub(r'^title: "(.*)"', lambda m: f'title: "{m.group(1)} {marker}"', text, count=1, flags=re.M)

        bodies = [shown_after(body) for _ in range(edits)]
        titles = [shown_after(title) for _ in range(edits)]
        return Serving(first, statistics.median(bodies), statistics.median(titles))
    finally:
        path.write_text(original, encoding="utf-8")
        process.terminate()
        process.wait()


# --- Measuring page dates on a long history ---------------------------------------------


@dataclass
class History:
    commits: int
    case_studies: int
    walk: float  # seconds: the hub's one walk of the history
    with_dates: Build
    without_dates: Build
    plugin_estimate: float  # seconds: the plugin's git log per page, sampled and scaled to every page


def make_history_project(where: Path, cases: int, commits: int, taxonomy: Taxonomy) -> Path:
    """A hub project whose case studies were added, edited and renamed over ``commits`` commits."""
    project = make_hub_project(where, cases, taxonomy, commit=False)
    rng = random.Random(commits)
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted((project / "case_studies").glob("bench-*.md"))}
    for name in texts:
        (project / "case_studies" / name).unlink()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=project, check=True)
    stream, moment, names = [], 1_500_000_000, list(texts)
    added: list[str] = []

    def commit(message: str, changes: list[bytes]) -> None:
        nonlocal moment
        moment += 3600
        stream.append(
            f"commit refs/heads/main\nauthor bench <bench@example.org> {moment} +0000\n"
            f"committer bench <bench@example.org> {moment} +0000\ndata {len(message)}\n{message}\n".encode()
        )
        stream.extend(changes)

    def put(name: str, text: str) -> bytes:
        data = text.encode("utf-8")
        return f"M 100644 inline case_studies/{name}\ndata {len(data)}\n".encode() + data + b"\n"

    files = [p for p in sorted(project.rglob("*")) if p.is_file() and ".git" not in p.parts]
    first = [
        f"M 100644 inline {p.relative_to(project).as_posix()}\ndata {p.stat().st_size}\n".encode()
        + p.read_bytes()
        + b"\n"
        for p in files
    ]
    commit("The project", first)
    for number in range(1, commits):
        if names and (len(added) < cases and (number % 5 or not added)):
            name = names.pop(0)
            commit(f"Add {name}", [put(name, texts[name])])
            added.append(name)
        elif number % 50 == 0:  # a rename, which dates follow back
            old = rng.choice(added)
            new = old.replace("bench-", "bench-renamed-") if "renamed" not in old else old
            if new == old:
                commit(f"Edit {old}", [put(old, texts[old] + f"\nEdited in commit {number}.\n")])
                continue
            commit(f"Rename {old}", [f"R case_studies/{old} case_studies/{new}\n".encode()])
            texts[new] = texts.pop(old)
            added[added.index(old)] = new
        else:
            name = rng.choice(added)
            texts[name] += f"\nEdited in commit {number}.\n"
            commit(f"Edit {name}", [put(name, texts[name])])
    subprocess.run(["git", "fast-import", "--quiet"], cwd=project, input=b"".join(stream), check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=project, check=True)
    return project


def measure_history(cases: int, commits: int, taxonomy: Taxonomy) -> History:
    from mkdocs_git_revision_date_localized_plugin.util import Util

    from hub.content.gitdates import read_history

    with tempfile.TemporaryDirectory(prefix="hub-bench-history-") as tmp:
        project = make_history_project(Path(tmp), cases, commits, taxonomy)
        started = time.perf_counter()
        read_history(project)
        walk = time.perf_counter() - started
        util = Util({"enable_git_follow": True, "fallback_to_build_date": True, "strict": False}, str(project))
        pages = sorted((project / "case_studies").glob("*.md"))
        sample = pages[:: max(1, len(pages) // PLUGIN_SAMPLE)][:PLUGIN_SAMPLE]
        started = time.perf_counter()
        for page in sample:
            util.get_git_commit_timestamp(str(page))
        per_page = (time.perf_counter() - started) / len(sample)
        with_dates, without = build(project), build(project, HUB_GIT_DATES="false")
        count = int(
            subprocess.run(
                ["git", "rev-list", "--count", "HEAD"], cwd=project, capture_output=True, text=True, check=True
            ).stdout
        )
        return History(count, len(pages), walk, with_dates, without, per_page * len(pages))


# --- Measuring pages ------------------------------------------------------------


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


def serve_site(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def local_file(site: Path, base: str, url: str) -> Path | None:
    if not url.startswith(base):
        return None
    path = site / url[len(base) :].split("?")[0].split("#")[0]
    return path / "index.html" if path.is_dir() else path if path.is_file() else None


def page_load_bytes(browser, site: Path, page_url: str) -> int:
    """Compressed bytes a page loads, images excluded."""
    server, base = serve_site(site)
    try:
        page = browser.new_page()
        loaded: list[str] = []
        page.on("requestfinished", lambda r: loaded.append(r.url))
        page.goto(base + page_url, wait_until="networkidle")
        files = [local_file(site, base, u) for u in loaded]
        page.close()
        return sum(transfer_bytes(f) for f in files if f is not None and f.suffix not in IMAGE_SUFFIXES)
    finally:
        server.shutdown()
        server.server_close()


def reader_queries(taxonomy: Taxonomy) -> list[str]:
    """What readers are likely to type first: the names of the areas, themes and settings the hub shows them
    (each once: "Community pharmacy" is a theme and a setting)."""
    names = [term.name for vocabulary in (taxonomy.areas, taxonomy.themes, taxonomy.settings) for term in vocabulary]
    return list(dict.fromkeys(names))


def queries_bytes(browser, site: Path, page_url: str, queries: list[str]) -> list[int]:
    """Bytes of each of ``queries`` as a first search: fetched from typing it into the header's box on
    ``page_url`` to its results showing, each in a browser with nothing cached."""
    server, base = serve_site(site)
    try:
        sizes = []
        for query in queries:
            page = browser.new_page()  # a new context each time: an empty cache
            loaded: list[str] = []
            page.on("requestfinished", lambda r, loaded=loaded: loaded.append(r.url))
            page.goto(base + page_url, wait_until="networkidle")
            loaded.clear()  # what the page itself loaded
            page.locator("#hub-search-input").fill(query)
            status = page.locator(".hub-search__status")
            status.filter(has_text=re.compile("results? for")).wait_for()  # shown once the excerpts are in
            page.wait_for_load_state("networkidle")
            files = [local_file(site, base, u) for u in loaded]
            sizes.append(sum(transfer_bytes(f) for f in files if f is not None))
            page.close()
        return sizes
    finally:
        server.shutdown()
        server.server_close()


def open_browser():
    sys.path.insert(0, str(ROOT / "scripts"))
    from playwright.sync_api import sync_playwright

    from ensure_browser import find_installed

    playwright = sync_playwright().start()
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    return playwright, playwright.chromium.launch(executable_path=find_installed(), args=args)


@dataclass
class Row:
    n: int
    hub: Build
    no_git: Build
    one_process: Build
    material: Build
    serving: Serving | None
    hub_site: int
    material_site: int
    hub_case_html: int
    material_case_html: int
    hub_index_html: int
    material_index_html: int
    hub_load: int | None = None
    material_load: int | None = None
    hub_query: int | None = None
    query_sizes: list[int] | None = None  # bytes of each of ``reader_queries`` as a first search
    ratios: list[float] = field(default_factory=list)  # hub ÷ Material, build by build


def memory_of(sampled: Build) -> dict[str, float]:
    """The memory figures of a sampled build."""
    return {
        "process_mb": sampled.process_mb,
        "total_mb": sampled.total_mb,
        "largest_other_mb": sampled.largest_other_mb,
    }


def median_build(builds: list[Build]) -> Build:
    """Each figure's median over repeated builds of one project (the site is the last build's)."""

    def median(figure: str) -> float:
        return statistics.median(getattr(b, figure) for b in builds)

    return Build(
        median("seconds"),
        median("cpu"),
        median("process_mb"),
        median("total_mb"),
        median("largest_other_mb"),
        builds[-1].site,
    )


def measure(n: int, taxonomy: Taxonomy, browser, edits: int = 3, repeat: int = 3) -> Row:
    with tempfile.TemporaryDirectory(prefix=f"hub-bench-{n}-") as tmp:
        where = Path(tmp)
        hub = make_hub_project(where, n, taxonomy)
        baseline = make_baseline_project(where, hub)
        no_git = build(hub, HUB_GIT_DATES="false")
        one_process = build(hub, HUB_PARALLEL="false")
        # The shipped hub and Material, built in turn: a machine that slows down or speeds up part-way
        # (other work, its own throttling) affects both alike, and the medians are compared.
        materials, hubs = [], []
        for _ in range(repeat):
            materials.append(build(baseline, strict=False))  # the baseline's pages are deliberately not in its nav
            hubs.append(build(hub))
        # Memory, in a build of each of its own (see ``build``).
        material = replace(median_build(materials), **memory_of(build(baseline, strict=False, sample_memory=True)))
        shipped = replace(median_build(hubs), **memory_of(build(hub, sample_memory=True)))
        material_site = folder_bytes(material.site)
        material_case = (material.site / "case-studies" / "bench-00000" / "index.html").stat().st_size
        material_index = (material.site / "tags" / "index.html").stat().st_size
        page_url = "case-studies/bench-00000/"
        material_load = page_load_bytes(browser, material.site, page_url) if browser else None
        hub_load = page_load_bytes(browser, shipped.site, page_url) if browser else None
        # The worst word first, then what readers type: each a first search, with nothing cached.
        hub_query, readers = None, None
        if browser:
            hub_query, *readers = queries_bytes(
                browser, shipped.site, page_url, [SEARCH_WORD, *reader_queries(taxonomy)]
            )
        row = Row(
            n=n,
            hub=shipped,
            no_git=no_git,
            one_process=one_process,
            material=material,
            serving=None,
            hub_site=folder_bytes(shipped.site),
            material_site=material_site,
            hub_case_html=(shipped.site / "case-studies" / "bench-00000" / "index.html").stat().st_size,
            material_case_html=material_case,
            hub_index_html=(shipped.site / "themes" / "proactive-care" / "index.html").stat().st_size,
            material_index_html=material_index,
            hub_load=hub_load,
            material_load=material_load,
            hub_query=hub_query,
            query_sizes=readers,
            ratios=[h.seconds / m.seconds for h, m in zip(hubs, materials, strict=True)],
        )
        if edits:
            row.serving = serve(hub, f"bench-{n // 2:05d}", edits)  # one in the middle of the lists
        return row


# --- Reporting ------------------------------------------------------------------


def kb(value: int | None) -> str:
    return "n/a" if value is None else f"{value / 1024:,.0f} KB"


def mb(value: int) -> str:
    return f"{value / 1024 / 1024:,.1f} MB"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×"


def render_tables(rows: list[Row], history: History | None) -> str:
    lines = [
        "**Full builds** (wall clock; CPU time of every process of the build; the hub as shipped and Material "
        "built in turn, each figure the median of their builds, with the range of hub ÷ Material build by build)",
        "",
        "| Case studies | Hub | Material | Hub ÷ Material | CPU hub / Material | Hub without git dates | "
        "Hub in one process |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        spread = f" ({min(r.ratios):.2f}–{max(r.ratios):.2f}× in {len(r.ratios)})" if len(r.ratios) > 1 else ""
        lines.append(
            f"| {r.n:,} | {r.hub.seconds:.1f} s | {r.material.seconds:.1f} s | "
            f"**{ratio(r.hub.seconds, r.material.seconds)}**{spread} | {r.hub.cpu:.1f} / {r.material.cpu:.1f} s | "
            f"{r.no_git.seconds:.1f} s ({ratio(r.no_git.seconds, r.material.seconds)}) | "
            f"{r.one_process.seconds:.1f} s ({ratio(r.one_process.seconds, r.material.seconds)}) |"
        )
    lines += [
        "",
        "**Peak memory** (the MkDocs process; all the build's processes at once; the largest other process, "
        "Pagefind's indexer)",
        "",
        "| Case studies | MkDocs process hub / Material | Hub ÷ Material | All at once hub / Material | "
        "Largest other process |",
        "|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.n:,} | {r.hub.process_mb:,.0f} / {r.material.process_mb:,.0f} MB | "
            f"**{ratio(r.hub.process_mb, r.material.process_mb)}** | "
            f"{r.hub.total_mb:,.0f} / {r.material.total_mb:,.0f} MB ({ratio(r.hub.total_mb, r.material.total_mb)}) | "
            f"{r.hub.largest_other_mb:,.0f} MB |"
        )
    served = [r for r in rows if r.serving is not None]
    if served:
        lines += [
            "",
            "**Rebuilds under `mkdocs serve`** (from saving a case study to the served page showing the change; "
            "the median of each kind of save)",
            "",
            "| Case studies | First build served | An edit of its body | An edit of its title |",
            "|---:|---:|---:|---:|",
        ]
        for r in served:
            assert r.serving is not None
            lines.append(
                f"| {r.n:,} | {r.serving.first_build:.1f} s | **{r.serving.body_edit:.2f} s** | "
                f"**{r.serving.title_edit:.2f} s** |"
            )
    if history is not None:
        h = history
        lines += [
            "",
            f"**Page dates on a long history** ({h.commits:,} commits adding, editing and renaming "
            f"{h.case_studies:,} case studies)",
            "",
            "| The hub's one walk of the history | Hub with git dates / without | "
            "The plugin's `git log` per page, for every case study (sampled) |",
            "|---:|---:|---:|",
            f"| {h.walk:.2f} s | {h.with_dates.seconds:.1f} / {h.without_dates.seconds:.1f} s | "
            f"{h.plugin_estimate:.0f} s |",
        ]
    lines += [
        "",
        "**Pages** (HTML as built; page load compressed, images excluded)",
        "",
        "| Case studies | Site hub / Material | Case-study page HTML hub / Material | Index page HTML hub / Material | "
        "Case-study page load hub / Material |",
        "|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.n:,} | {mb(r.hub_site)} / {mb(r.material_site)} | "
            f"{kb(r.hub_case_html)} / {kb(r.material_case_html)} | "
            f"{kb(r.hub_index_html)} / {kb(r.material_index_html)} | "
            f"{kb(r.hub_load)} / {kb(r.material_load)} |"
        )
    lines += [
        "",
        f"**A first search** (compressed bytes, from typing the query on a case-study page to its results showing, "
        f'nothing cached): "{SEARCH_WORD}", a word of every synthetic case study, and each name of an area, '
        f"theme and setting the hub shows readers",
        "",
        f'| Case studies | "{SEARCH_WORD}" | The names: median | 90th percentile | Largest | Names over 250 KB |',
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        sizes = sorted(r.query_sizes or [])
        spread = (
            [kb(int(statistics.median(sizes))), kb(percentile(sizes, 0.9)), kb(sizes[-1])]
            + [f"{sum(size > 250 * 1024 for size in sizes)} of {len(sizes)}"]
            if sizes
            else ["n/a"] * 4
        )
        lines.append(f"| {r.n:,} | **{kb(r.hub_query)}** | " + " | ".join(spread) + " |")
    return "\n".join(lines)


def percentile(ordered: list[int], fraction: float) -> int:
    """The value below which ``fraction`` of ``ordered`` lies (nearest rank)."""
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def render_section(rows: list[Row], history: History | None, command: str) -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"Measured on {date.today().isoformat()} on a machine with {os.cpu_count()} cores "
        f"(load average {load:.1f} at the end), with:\n\n```sh\n{command}\n```\n\n{render_tables(rows, history)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--cases", default="1000,5000", help="comma-separated numbers of synthetic case studies")
    parser.add_argument("--commits", type=int, default=5000, help="commits of the long history (0: skip it)")
    parser.add_argument("--history-cases", type=int, default=1000, help="case studies in the long history")
    parser.add_argument("--write", action="store_true", help="update the tables in docs/performance.md")
    parser.add_argument("--no-browser", action="store_true", help="skip the page-load and search measurements")
    parser.add_argument("--edits", type=int, default=3, help="saves of each kind under mkdocs serve (0: skip)")
    parser.add_argument("--repeat", type=int, default=3, help="builds each of the shipped hub and of Material")
    args = parser.parse_args(argv)
    sizes = [int(n) for n in args.cases.split(",")]
    taxonomy = load_taxonomy()
    playwright, browser = (None, None) if args.no_browser else open_browser()
    rows = []
    try:
        for n in sizes:
            print(f"Measuring {n:,} case studies...", file=sys.stderr, flush=True)
            rows.append(measure(n, taxonomy, browser, args.edits, args.repeat))
    finally:
        if browser:
            browser.close()
            playwright.stop()
    history = None
    if args.commits:
        print(f"Measuring page dates on {args.commits:,} commits...", file=sys.stderr, flush=True)
        history = measure_history(args.history_cases, args.commits, taxonomy)
    command = f"python scripts/bench.py --cases {','.join(str(n) for n in sizes)} --commits {args.commits}"
    if args.repeat != 3:
        command += f" --repeat {args.repeat}"
    section = render_section(rows, history, command)
    print(section)
    if args.write:
        page = PERFORMANCE_PAGE.read_text(encoding="utf-8")
        PERFORMANCE_PAGE.write_text(splice(page, START, END, section), encoding="utf-8")
        print(f"Updated {PERFORMANCE_PAGE.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
