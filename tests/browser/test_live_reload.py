"""`make serve`: an open page reloads by itself when a case study is saved, and shows the change.

A real ``mkdocs serve --livereload`` on a copy of the project in tmp_path
(the shipped files are never edited), driven by Chromium. The page's policy
lets exactly MkDocs' injected reload script run, and nothing more.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from hub.outputs.security import policy, script_hashes
from pagecheck import CSP_WATCH
from support import ROOT

pytestmark = pytest.mark.browser
PROJECT = ("mkdocs.yml", "docs", "case_studies", "hooks")
STEM = "sutton-red-bag"
STARTUP = 120  # seconds to wait for the first build; a bound for a stuck server, not a measurement


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def served_copy(tmp_path) -> Iterator[tuple[str, Path]]:
    """``mkdocs serve --livereload`` on a copy of the project; its address and the copy."""
    project = tmp_path / "project"
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            project.mkdir(exist_ok=True)
            shutil.copy(source, project / name)
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "w", encoding="utf-8") as output:
        server = subprocess.Popen(  # the same command as `make serve`
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "HUB_GIT_DATES": "false"},
        )
    try:
        deadline = time.monotonic() + STARTUP
        while "Serving on" not in log.read_text(encoding="utf-8"):
            assert server.poll() is None, log.read_text(encoding="utf-8")
            assert time.monotonic() < deadline, "mkdocs serve did not start:\n" + log.read_text(encoding="utf-8")
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/", project
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_saved_case_study_reloads_the_open_page(page, served_copy):
    base, project = served_copy
    page.add_init_script(CSP_WATCH)
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    response = page.goto(base + f"case-studies/{STEM}/")
    title = "Sutton's Red Bag hospital transfer pathway for care home residents"
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert "Enabled live reload" in console  # MkDocs' script ran: the policy let it

    # The served page allows exactly its inline scripts, the reload script among them.
    served = response.text()
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', served).group(1)
    assert "var livereload = function" in served
    assert meta == policy(script_hashes(served))
    assert "unsafe" not in meta.replace("'wasm-unsafe-eval'", "")

    page.evaluate("window.__before_the_edit = true")  # gone once the page has really reloaded
    case_study = project / "case_studies" / f"{STEM}.md"
    text = case_study.read_text(encoding="utf-8")
    edited = "title: Sutton's Red Bag pathway, edited while the page is open"
    case_study.write_text(re.sub(r"^title: .*$", edited, text, count=1, flags=re.M), encoding="utf-8")

    # Generous bound for the rebuild (about 2 seconds) and the reload; the wait ends as soon as the change shows.
    expect(page.get_by_role("heading", level=1)).to_have_text(edited.removeprefix("title: "), timeout=30_000)
    assert page.evaluate("window.__before_the_edit") is None, "the page changed without reloading"
    assert page.evaluate("window.__violations") == []
    assert not [m for m in console if "Content Security Policy" in m]
