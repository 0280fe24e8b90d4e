"""No page makes a request outside the site's own origin."""

from __future__ import annotations

import pytest

from templates import TEMPLATES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", TEMPLATES)
def test_no_third_party_requests_and_none_fail(page, base_url, name, template_url):
    requests: list[str] = []
    failed: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(base_url + template_url(name), wait_until="networkidle")
    assert requests, "the page made no requests at all"
    assert [url for url in requests if not url.startswith(base_url) and not url.startswith("data:")] == []
    expected = [base_url + template_url(name)] if name == "404" else []
    assert failed == expected


CSP_WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || e.sample)));
"""


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_page_satisfies_its_content_security_policy(page, base_url, name, template_url):
    page.add_init_script(CSP_WATCH)
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(base_url + template_url(name), wait_until="networkidle")
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    # Exercise the scripts too: search runs Pagefind's WebAssembly.
    page.locator("#hub-search-input").fill("care")
    page.wait_for_selector(".hub-search__status:not(:empty)")
    assert page.evaluate("window.__violations") == []
    assert refused == []


def test_skip_link_moves_focus_to_the_main_content(page, base_url):
    for url in ("", "themes/", "no-such-page/"):
        page.goto(base_url + url)
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main-content"
