"""Build small fixture sites with the hub's hooks, in a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

from support import case_study_text

ROOT = Path(__file__).resolve().parents[2]

# The fixture project's mkdocs.yml, with {hooks} and {theme} filled in.
FIXTURE_CONFIG = (ROOT / "tests" / "fixtures" / "site" / "mkdocs.yml").read_text(encoding="utf-8")


@dataclass
class Built:
    root: Path
    returncode: int
    log: str

    @property
    def site(self) -> Path:
        return self.root / "site"

    def html(self, url: str) -> str:
        """The HTML of the page at site-relative ``url`` (e.g. ``themes/x/``)."""
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def write_site(root: Path, case_studies: dict[str, str | bytes], docs: dict[str, str] | None = None) -> None:
    """A fixture project: mkdocs.yml, docs/ and case_studies/."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "case_studies").mkdir(exist_ok=True)
    (root / "mkdocs.yml").write_text(
        FIXTURE_CONFIG.format(hooks=ROOT / "hooks" / "hub_hooks.py", theme=ROOT / "hooks" / "theme"), encoding="utf-8"
    )
    pages = {"index.md": "# Home\n\n<!-- hub:latest limit=3 -->\n", "contribute.md": "# Contribute\n\nHow.\n"}
    pages.update(docs or {})
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    for name, content in case_studies.items():
        path = root / "case_studies" / name
        path.parent.mkdir(parents=True, exist_ok=True)  # adoptions/ notes
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def build(root: Path, *args: str) -> Built:
    """Run ``mkdocs build`` (strict unless ``--no-strict`` is passed) on the fixture."""
    strict = [] if "--no-strict" in args else ["--strict"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            *strict,
            *args,
            "-f",
            str(root / "mkdocs.yml"),
            "-d",
            str(root / "site"),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return Built(root, result.returncode, result.stdout + result.stderr)


def cs(title: str, published: str, boroughs: list[str], themes: list[str], **changes) -> str:
    """A fixture case study's text, valid but for ``changes``, not due for review."""
    return case_study_text(
        title=title, published=published, review_due="2030-01-01", boroughs=boroughs, themes=themes, **changes
    )


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site but the search index (Pagefind's file names and order vary between runs)."""
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and "pagefind" not in p.parts and p.name != "sitemap.xml.gz"
    }
