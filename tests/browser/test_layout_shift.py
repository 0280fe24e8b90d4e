"""Stable layout: cumulative layout shift below 0.05 on every template, on a desktop and a phone.

The page's scripts are held back until it has been painted, as on a slow
network: whatever the scripts then fill in (the search page's results and
facets, the submit form, the header's controls) must already have its space.
The sum of every shift not caused by input is measured (buffered
``layout-shift`` entries): never less than Chrome's CLS, which takes the worst
window of shifts.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route

from templates import TEMPLATES

pytestmark = pytest.mark.browser
LIMIT = 0.05  # "good" CLS (web.dev/articles/cls)
WATCH_SHIFTS = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__shifts.push({
      value: entry.value,
      moved: entry.sources.map(s => s.node ? (s.node.id || s.node.className || s.node.nodeName) : "?").join(", "),
    });
  }
}).observe({type: "layout-shift", buffered: true});
"""
TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def layout_shift(page: Page, url: str) -> tuple[float, list[dict]]:
    """The page's total layout shift once everything has run, scripts held until after the first paint."""
    held: list[Route] = []
    released = False

    def hold_scripts(route: Route) -> None:
        if released:
            route.continue_()
        else:
            held.append(route)

    in_flight: set = set()
    page.on("request", lambda request: in_flight.add(request))
    page.on("requestfinished", lambda request: in_flight.discard(request))
    page.on("requestfailed", lambda request: in_flight.discard(request))
    page.add_init_script(WATCH_SHIFTS)
    page.route("**/*.js", hold_scripts)
    page.goto(url, wait_until="commit")
    page.wait_for_function("() => performance.getEntriesByType('paint').length > 0")
    released = True
    for route in held:
        route.continue_()
    page.wait_for_load_state("load")
    if in_flight:  # scripts still fetching (the search page's index): wait until they are done
        page.wait_for_load_state("networkidle")
    page.evaluate(TWO_FRAMES)
    shifts = page.evaluate("window.__shifts")
    return sum(s["value"] for s in shifts), shifts


@pytest.mark.parametrize("name", TEMPLATES)
def test_layout_is_stable_on_a_desktop(page, base_url, name, template_url):
    total, shifts = layout_shift(page, base_url + template_url(name))
    assert total < LIMIT, shifts


@pytest.mark.parametrize("name", TEMPLATES)
def test_layout_is_stable_on_a_phone(mobile_page, base_url, name, template_url):
    total, shifts = layout_shift(mobile_page, base_url + template_url(name))
    assert total < LIMIT, shifts


def test_scripts_really_run_after_the_first_paint(page, base_url, template_url):
    """The holding works: on the submit form, the page is painted before submit.js shows its state."""
    layout_shift(page, base_url + template_url("submit form"))
    first_paint = page.evaluate("performance.getEntriesByType('paint')[0].startTime")
    submit_js = page.evaluate(
        "performance.getEntriesByType('resource').find(e => e.name.endsWith('/assets/submit.js')).responseEnd"
    )
    assert first_paint < submit_js
