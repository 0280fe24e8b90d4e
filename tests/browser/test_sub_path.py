"""The real site under a sub-path, the way GitHub Pages serves a project site (https://<owner>.github.io/<repo>/).

Built with HUB_SITE_URL=http://127.0.0.1:<port>/some/path/ and served from the
folder above it, so that anything climbing above the site's root, or written
as an absolute "/..." address, is a failed or outside request.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from playwright.sync_api import Browser, expect

from pagecheck import PageChecker, site_pages
from site_server import serving
from support import ROOT

pytestmark = pytest.mark.browser
SUB_PATH = "some/path/"
# Files with absolute addresses built from site_url: feeds, sitemap, open data.
DATA_FILES = ("sitemap.xml", "feeds/**/*.xml", "api/*.json", "api/*.csv")
# Every link's address, resolved; the London map's links are SVG <a>, whose href is not a string.
HREFS = """all => all.map(e => typeof e.href === "string" ? e.href
    : new URL(e.href.baseVal || e.getAttribute("xlink:href"), document.baseURI).href)"""


@dataclass(frozen=True)
class SubPathSite:
    origin: str  # http://127.0.0.1:<port>/
    base: str  # the site's root: origin + SUB_PATH
    folder: Path  # the built site


@dataclass(frozen=True)
class Crawl:
    pages: list[str]
    problems: list[str]
    links: dict[str, str]  # every address linked from the site's pages -> a page linking to it


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory) -> Iterator[SubPathSite]:
    root = tmp_path_factory.mktemp("sub-path")
    folder = root / SUB_PATH
    with serving(root, not_found=folder / "404.html", start=False) as server:
        # The port is part of the address the site is built for: bound first, served after the build.
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(folder)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "HUB_SITE_URL": server.origin + SUB_PATH},
        )
        assert result.returncode == 0, result.stdout + result.stderr
        server.start()
        yield SubPathSite(server.origin, server.origin + SUB_PATH, folder)


@pytest.fixture(scope="module")
def crawl(browser: Browser, sub_path_site: SubPathSite) -> Crawl:
    """Every built page loaded once under the sub-path: its problems, and every address it links to."""
    context = browser.new_context(reduced_motion="reduce")
    checker = PageChecker(context.new_page(), sub_path_site.base)
    pages = site_pages(sub_path_site.folder)
    problems: list[str] = []
    links: dict[str, str] = {}
    for address in pages:
        problems += checker.visit(address)
        for href in checker.page.eval_on_selector_all("a[href], link[href]", HREFS):
            links.setdefault(urldefrag(href).url, address or "/")
    context.close()
    return Crawl(pages, problems, links)


def test_every_page_loads_under_the_sub_path_with_nothing_failing(crawl):
    assert len(crawl.pages) > 100  # the whole site: 19 case studies make over 100 pages
    assert crawl.problems == [], f"{len(crawl.problems)} problems:\n" + "\n".join(crawl.problems)


def test_every_link_inside_the_site_stays_under_the_sub_path_and_opens(crawl, sub_path_site, page):
    own = {url: source for url, source in crawl.links.items() if url.startswith(sub_path_site.origin)}
    assert len(own) > len(crawl.pages) // 2
    outside = [f"{source}: {url}" for url, source in own.items() if not url.startswith(sub_path_site.base)]
    assert outside == [], "links that climb above the site's root:\n" + "\n".join(outside)
    broken = [
        f"{source}: {url} ({status})"
        for url, source in sorted(own.items())
        if (status := page.request.get(url).status) != 200
    ]
    assert broken == []


def test_feeds_sitemap_and_open_data_point_under_the_sub_path(sub_path_site, page):
    addresses: dict[str, str] = {}
    files_with_addresses = set()
    pattern = re.compile(re.escape(sub_path_site.origin) + r"[^\s\"'<>,]*")
    for glob in DATA_FILES:
        for file in sorted(sub_path_site.folder.glob(glob)):
            name = file.relative_to(sub_path_site.folder).as_posix()
            for url in pattern.findall(file.read_text(encoding="utf-8")):
                addresses.setdefault(url, name)
                files_with_addresses.add(name)
    assert {"sitemap.xml", "feeds/news.xml", "api/case-studies.json", "api/case-studies.csv"} <= files_with_addresses
    outside = [f"{file}: {url}" for url, file in addresses.items() if not url.startswith(sub_path_site.base)]
    assert outside == []
    broken = [f"{file}: {url}" for url, file in sorted(addresses.items()) if page.request.get(url).status != 200]
    assert broken == []


def test_a_missing_page_under_the_sub_path_shows_the_sites_404_page(page, sub_path_site):
    checker = PageChecker(page, sub_path_site.base)
    problems = checker.visit("no-such-page/")
    # The page itself is the only thing missing; everything it loads comes from under the sub-path.
    assert sorted(problems) == [
        "no-such-page/: HTTP 404: " + sub_path_site.base + "no-such-page/",
        "no-such-page/: console error: Failed to load resource: the server responded with a status of 404 (Not Found)",
    ]
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    page.get_by_role("link", name="All case studies").click()
    expect(page).to_have_url(sub_path_site.base + "case-studies/")


def test_search_results_open_under_the_sub_path(page, sub_path_site):
    page.goto(sub_path_site.base + "search/?q=care")
    hits = page.locator(".hub-hit__title")
    expect(hits.first).to_be_visible()
    urls = hits.evaluate_all("links => links.map(a => a.href)")
    assert urls and all(url.startswith(sub_path_site.base) for url in urls), urls
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_header_search_result_opens_under_the_sub_path(page, sub_path_site):
    page.goto(sub_path_site.base + "about/")
    page.get_by_label("Search the hub").fill("red bag")
    first = page.locator("#hub-search-panel .hub-hit__title").first
    expect(first).to_be_visible()
    first.click()
    expect(page).to_have_url(re.compile(re.escape(sub_path_site.base) + r"case-studies/[a-z0-9-]+/$"))
    expect(page.locator(".hub-glance")).to_be_visible()
