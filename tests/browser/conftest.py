"""Serve the real built site on 127.0.0.1 and drive it with Chromium through Playwright.

No browser is a failure with instructions, never a silent skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from _install import is_executable_file
from ensure_browser import HELP, find_installed, not_executable, playwright_chromium
from site_server import serving
from templates import TEMPLATES

# Flags for Chromium in a closed sandbox: no background connections to Google.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 740}


@pytest.fixture(scope="session")
def base_url(shipped_site: Path) -> Iterator[str]:
    with serving(shipped_site) as server:
        yield server.origin


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    chosen = os.environ.get("HUB_BROWSER")
    if chosen and not is_executable_file(chosen):  # checked before use: a bad path fails once, clearly
        pytest.fail(not_executable(chosen), pytrace=False)
    executable = chosen or find_installed()
    if executable is None and playwright_chromium() is None:
        pytest.fail(HELP, pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    # Reduced motion: the site turns transitions off, so checks never catch a fade half-way.
    context = browser.new_context(viewport=DESKTOP, reduced_motion="reduce")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def mobile_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=MOBILE, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def template_url(hub):
    """The site-relative address of a named template's sample page (see templates.py)."""
    return lambda name: TEMPLATES[name](hub)
