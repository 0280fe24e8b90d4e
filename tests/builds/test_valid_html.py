"""Zero Nu Html Checker (vnu) errors on every page of the built site.

One run of vnu over every HTML file: Java starts once. ``make test`` installs
Java and vnu.jar (scripts/ensure_vnu.py); a missing one is a failure with
instructions, never a skip.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from ensure_vnu import HELP, find_jar, find_java

pytestmark = pytest.mark.build


@pytest.fixture(scope="session")
def vnu() -> list[str]:
    """The command that runs the checker."""
    java, jar = find_java(), os.environ.get("HUB_VNU") or find_jar()
    if java is None or jar is None or not Path(jar).is_file():
        pytest.fail(f"{HELP}\n(Run the tests with 'make test', which installs both.)", pytrace=False)
    return [java, "-jar", str(jar)]


def check(vnu: list[str], pages: list[Path], site: Path) -> list[str]:
    """Every error vnu finds in ``pages``, as ``page:line: message``."""
    result = subprocess.run(
        [*vnu, "--errors-only", "--format", "json", "--stdout", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu did not report (exit {result.returncode}):\n{result.stdout}\n{result.stderr}", pytrace=False)
    found = []
    for message in messages:  # with --errors-only: errors, fatal errors, and files it could not read
        url = message.get("url", "")
        where = Path(url.removeprefix("file:")).relative_to(site) if url.startswith("file:") else url
        found.append(f"{where}:{message.get('lastLine', '?')}: {message['type']}: {message['message']}")
    assert result.returncode == (1 if found else 0), result.stderr
    return found


def test_every_built_page_is_valid_html(shipped_site, vnu):
    pages = sorted(shipped_site.rglob("*.html"))
    assert pages
    errors = check(vnu, pages, shipped_site)
    where = {error.split(":")[0] for error in errors}
    assert errors == [], f"{len(errors)} errors on {len(where)} pages:\n" + "\n".join(errors)


def test_the_checker_finds_errors(tmp_path, vnu):
    """The check can fail: a page with a duplicate id and a bad attribute value is reported, page and line."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>\n'
        '<body><p id="a">x</p>\n<p id="a" tabindex="">y</p></body></html>\n',
        encoding="utf-8",
    )
    errors = check(vnu, [page], tmp_path)
    assert len(errors) == 2
    assert "bad.html:3: error: Duplicate ID “a”." in errors
    assert any(e.startswith("bad.html:3: error: Bad value “” for attribute “tabindex”") for e in errors)
