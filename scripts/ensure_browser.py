#!/usr/bin/env python3
"""Find, or install, the Chromium the browser tests drive; print its path and nothing else.

Order: $HUB_BROWSER; an installed Chromium (/usr/bin/chromium from Debian's
package); as root on Debian, ``apt-get install chromium`` (how CI runs);
elsewhere Playwright's own ``playwright install chromium``. The path is checked
to be an executable file before it is printed. Installers write to standard
error: the Makefile reads standard output as the path. Exits 1 with a message
saying how to get a browser when none can be had.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from _install import apt_install, can_apt_install, is_executable_file, run_installer, say

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
HELP = """\
No Chromium browser is available for the browser tests, and none could be installed.
Get one of these, then run 'make test' again:
  - on Debian or Ubuntu: sudo apt-get install chromium
  - anywhere Playwright can download: .venv/bin/python -m playwright install chromium
  - or point HUB_BROWSER at a Chromium or Chrome executable: HUB_BROWSER=/path/to/chrome make test"""


@dataclass(frozen=True)
class Installer:
    """One way of installing Chromium: what to tell the reader, and what to run."""

    description: str
    install: Callable[[], bool]  # runs the installer; True when it succeeded


def not_executable(path: str) -> str:
    """The message for a browser path that cannot be run."""
    return (
        f"HUB_BROWSER={path!r} is not an executable file. Point it at a Chromium or Chrome "
        "executable, or unset it and 'make test' finds or installs one."
    )


def find_installed() -> str | None:
    """An executable Chromium already on this machine, if any ($HUB_BROWSER first)."""
    chosen = os.environ.get("HUB_BROWSER")
    if chosen:
        return chosen if is_executable_file(chosen) else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def playwright_chromium() -> str | None:
    """The Chromium that Playwright downloaded, if it did."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with sync_playwright() as p:
        path = p.chromium.executable_path
    return path if is_executable_file(path) else None


def installers() -> list[Installer]:
    """The ways this machine allows, best first."""
    found: list[Installer] = []
    if can_apt_install():
        found.append(Installer("Chromium from Debian's packages (apt-get)", lambda: apt_install("chromium")))
    playwright = [sys.executable, "-m", "playwright", "install", "chromium"]
    found.append(Installer("Chromium with Playwright (playwright install chromium)", lambda: run_installer(playwright)))
    return found


def install() -> str | None:
    """Install a Chromium the way this machine allows; its path, or None."""
    for installer in installers():
        say(f"Installing {installer.description}...")
        if installer.install():
            path = find_installed() or playwright_chromium()
            if path:
                return path
        say(f"That did not give a usable Chromium: {installer.description}.")
    return None


def main() -> int:
    chosen = os.environ.get("HUB_BROWSER")
    if chosen and not is_executable_file(chosen):
        say(not_executable(chosen))
        return 1
    path = find_installed() or playwright_chromium() or install()
    if path is None:
        say(HELP)
        return 1
    if not is_executable_file(path):  # a finder's answer is checked as strictly as $HUB_BROWSER
        say(f"{path} is not an executable file.\n\n{HELP}")
        return 1
    print(Path(path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
