"""scripts/ensure_browser.py: only the browser's path reaches standard output.

The Makefile runs ``browser="$(python scripts/ensure_browser.py)"``; anything
else on standard output (an installer's progress) would become part of the path.
"""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

import ensure_browser
from support import ROOT

NOISE = "Reading package lists... Done\nSetting up chromium (1.0) ...\n"


def fake_installer(tmp_path: Path, executable: bool = True) -> ensure_browser.Installer:
    """An installer that prints apt-like noise on its standard output and drops a 'chromium' on PATH."""
    target = tmp_path / "bin" / "chromium"
    mode = "0o755" if executable else "0o644"
    program = (
        f"import os, sys; sys.stdout.write({NOISE!r}); sys.stdout.flush(); "
        f"open({str(target)!r}, 'w').write('#!/bin/sh\\n'); os.chmod({str(target)!r}, {mode})"
    )
    command = [sys.executable, "-c", program]
    return ensure_browser.Installer("a fake Chromium", lambda: ensure_browser.run_installer(command))


@pytest.fixture
def bare_machine(tmp_path, monkeypatch):
    """No Chromium anywhere: an empty PATH folder, no $HUB_BROWSER, no Playwright download."""
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.delenv("HUB_BROWSER", raising=False)
    monkeypatch.setattr(ensure_browser, "playwright_chromium", lambda: None)
    return tmp_path


def test_installer_output_goes_to_standard_error_and_only_the_path_to_standard_output(bare_machine, monkeypatch, capfd):
    monkeypatch.setattr(ensure_browser, "installers", lambda: [fake_installer(bare_machine)])
    assert ensure_browser.main() == 0
    out, err = capfd.readouterr()
    assert out == f"{bare_machine / 'bin' / 'chromium'}\n"
    assert NOISE in err
    assert "Installing a fake Chromium..." in err


def test_an_install_that_leaves_no_executable_fails_with_the_help(bare_machine, monkeypatch, capfd):
    monkeypatch.setattr(ensure_browser, "installers", lambda: [fake_installer(bare_machine, executable=False)])
    assert ensure_browser.main() == 1
    out, err = capfd.readouterr()
    assert out == ""
    assert "That did not give a usable Chromium: a fake Chromium." in err
    assert ensure_browser.HELP in err


def test_a_failing_installer_is_reported_and_the_next_one_tried(bare_machine, monkeypatch, capfd):
    failing = [sys.executable, "-c", "raise SystemExit(3)"]
    broken = ensure_browser.Installer("a broken installer", lambda: ensure_browser.run_installer(failing))
    monkeypatch.setattr(ensure_browser, "installers", lambda: [broken, fake_installer(bare_machine)])
    assert ensure_browser.main() == 0
    out, err = capfd.readouterr()
    assert out == f"{bare_machine / 'bin' / 'chromium'}\n"
    assert "That did not give a usable Chromium: a broken installer." in err


@pytest.mark.parametrize("kind", ["missing", "not executable", "a folder"])
def test_hub_browser_must_name_an_executable_file(tmp_path, kind):
    path = tmp_path / "chrome"
    if kind == "not executable":
        path.write_text("#!/bin/sh\n")
    elif kind == "a folder":
        path.mkdir()
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "ensure_browser.py")],
        capture_output=True,
        text=True,
        check=False,
        env={"HUB_BROWSER": str(path), "PATH": ""},
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith(f"HUB_BROWSER='{path}' is not an executable file.")


def test_hub_browser_that_is_executable_is_printed_alone(tmp_path):
    path = tmp_path / "chrome"
    path.write_text("#!/bin/sh\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "ensure_browser.py")],
        capture_output=True,
        text=True,
        check=False,
        env={"HUB_BROWSER": str(path), "PATH": ""},
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, f"{path}\n", "")
