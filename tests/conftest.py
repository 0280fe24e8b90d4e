"""Shared fixtures: the shipped hub (content loaded and checked), its contract, and the built site, each once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hub.content.contract import Contract
from hub.pipeline import Hub, HubConfig, load_hub
from support import ROOT


@pytest.fixture(scope="session")
def hub() -> Hub:
    """The shipped content, loaded and checked once per test session, as the build loads it."""
    return load_hub(HubConfig.from_options(ROOT, {}))


@pytest.fixture(scope="session")
def contract(hub: Hub) -> Contract:
    return hub.contract


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory) -> Path:
    """The real site with its shipped content, built once per test session (strict)."""
    site = tmp_path_factory.mktemp("shipped") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site
