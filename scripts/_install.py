"""What the ensure_* scripts share: run an installer without touching standard output.

The Makefile reads a tool's path from an ensure script's standard output, so
that stream carries the path and nothing else. Every installer the scripts run
(apt-get, npm, Playwright) writes its progress to standard error instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path


def say(message: str) -> None:
    """Tell the person running the script (on standard error, never standard output)."""
    print(message, file=sys.stderr, flush=True)


def run_installer(command: Sequence[str], env: dict[str, str] | None = None) -> bool:
    """Run ``command`` with its output sent to standard error; whether it succeeded."""
    try:
        result = subprocess.run(list(command), stdout=sys.stderr, env=env, check=False)
    except OSError as exc:
        say(f"Could not run {command[0]}: {exc}")
        return False
    return result.returncode == 0


def is_executable_file(path: str | os.PathLike[str] | None) -> bool:
    """``path`` names an existing file this user may execute."""
    return bool(path) and Path(path).is_file() and os.access(path, os.X_OK)


def can_apt_install() -> bool:
    """This is Debian (or a derivative) and we are root: apt-get can install packages."""
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    return is_root and shutil.which("apt-get") is not None and Path("/etc/debian_version").exists()


def apt_install(*packages: str) -> bool:
    """``apt-get update`` then ``apt-get install`` the packages, quietly; whether both succeeded."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-qq", *packages]
    return run_installer(["apt-get", "update", "-qq"], env) and run_installer(install, env)
