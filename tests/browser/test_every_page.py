"""Every built page, not one per template: no console error, no policy violation, no failed request."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from pagecheck import PageChecker, site_pages

pytestmark = pytest.mark.browser


def test_every_page_loads_cleanly(page, base_url, shipped_site):
    checker = PageChecker(page, base_url)
    pages = site_pages(shipped_site)
    problems = [problem for address in pages for problem in checker.visit(address)]
    where = {problem.split(": ")[0] for problem in problems}
    assert problems == [], f"{len(problems)} problems on {len(where)} of {len(pages)} pages:\n" + "\n".join(problems)


def test_the_checker_sees_violations_and_failures(page, base_url):
    """The whole-site check can fail: an inline style, a missing image and a console error are all reported."""
    checker = PageChecker(page, base_url)
    assert checker.visit("about/") == []
    page.evaluate("""() => {
        const p = document.createElement('p'); p.setAttribute('style', 'color: red'); document.body.append(p);
        const img = document.createElement('img'); img.src = 'no-such-image.png'; document.body.append(img);
        console.error('something broke');
    }""")
    page.wait_for_load_state("networkidle")
    found = checker.problems + [f"about/: CSP violation: {v}" for v in page.evaluate("window.__violations")]
    assert any("CSP violation: style-src-attr" in p for p in found), found
    assert any("HTTP 404" in p and "no-such-image.png" in p for p in found), found
    assert "about/: console error: something broke" in found


def test_performance_tables_are_aligned_by_class(page, base_url):
    """The benchmark's numbers are right-aligned (a class; a style attribute would be refused)."""
    response = page.goto(base_url + "performance/")
    assert "style=" not in response.text()
    numbers = page.locator("article table td.hub-align-right")
    expect(numbers.first).to_be_visible()
    assert numbers.count() >= 20
    cells = page.locator("article table :is(th, td)")
    aligns = cells.evaluate_all("cells => cells.map(c => getComputedStyle(c).textAlign)")
    assert set(aligns) == {"right"}
