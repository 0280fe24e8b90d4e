"""No page makes a request outside the site's own origin."""

from __future__ import annotations

import pytest

from templates import TEMPLATES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", TEMPLATES)
def test_no_third_party_requests_and_none_fail(page, base_url, name):
    requests: list[str] = []
    failed: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(base_url + TEMPLATES[name], wait_until="networkidle")
    assert requests, "the page made no requests at all"
    assert [url for url in requests if not url.startswith(base_url) and not url.startswith("data:")] == []
    expected = [base_url + TEMPLATES[name]] if name == "404" else []
    assert failed == expected
