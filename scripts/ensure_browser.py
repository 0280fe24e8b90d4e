#!/usr/bin/env python3
"""Find, or install, the Chromium the browser tests drive; print its path.

Order: $HUB_BROWSER; an installed Chromium (/usr/bin/chromium from Debian's
package); as root on Debian, ``apt-get install chromium`` (how CI runs);
elsewhere Playwright's own ``playwright install chromium``. Exits 1 with a
message saying how to get a browser when none can be had.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
HELP = """\
No Chromium browser is available for the browser tests, and none could be installed.
Get one of these, then run 'make test' again:
  - on Debian or Ubuntu: sudo apt-get install chromium
  - anywhere Playwright can download: .venv/bin/python -m playwright install chromium
  - or point HUB_BROWSER at a Chromium or Chrome executable: HUB_BROWSER=/path/to/chrome make test"""


def find_installed() -> str | None:
    """An executable Chromium already on this machine, if any."""
    chosen = os.environ.get("HUB_BROWSER")
    if chosen:
        return chosen if os.access(chosen, os.X_OK) else None
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
    return path if Path(path).is_file() else None


def install() -> str | None:
    """Install a Chromium the way this machine allows; its path, or None."""
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if is_root and shutil.which("apt-get") and Path("/etc/debian_version").exists():
        print("Installing Chromium from Debian's packages (apt-get)...", file=sys.stderr)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        ok = subprocess.run(["apt-get", "update", "-qq"], env=env).returncode == 0 and subprocess.run(
            ["apt-get", "install", "-y", "-qq", "chromium"], env=env
        ).returncode == 0
        if ok:
            return find_installed()
    print("Installing Chromium with Playwright (playwright install chromium)...", file=sys.stderr)
    result = subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"])
    return playwright_chromium() if result.returncode == 0 else None


def main() -> int:
    chosen = os.environ.get("HUB_BROWSER")
    if chosen and not os.access(chosen, os.X_OK):
        print(f"HUB_BROWSER={chosen} is not an executable file.\n\n{HELP}", file=sys.stderr)
        return 1
    path = find_installed() or playwright_chromium() or install()
    if path is None:
        print(HELP, file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
