"""axe-core on every page template, light and dark: zero WCAG 2.2 A/AA violations."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from templates import TEMPLATES

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE = Axe()


def violations(page) -> list[str]:
    result = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    found = []
    for violation in result.response["violations"]:
        for node in violation["nodes"]:
            found.append(f"{violation['id']}: {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", TEMPLATES)
def test_no_axe_violations(page, base_url, name, scheme, template_url):
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + template_url(name))
    expected = "slate" if scheme == "dark" else "default"
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    assert violations(page) == []
