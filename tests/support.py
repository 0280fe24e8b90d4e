"""Helpers shared by the tests (import as ``from support import ...``)."""

from __future__ import annotations

import functools
import os
import textwrap
from pathlib import Path
from typing import Any

import yaml

from hub.content.records import CaseStudy
from hub.content.taxonomy import Taxonomy, load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# A valid case study, as a contributor would write it: its front matter as data, and its body.
_VALID = (FIXTURES / "case-study.md").read_text(encoding="utf-8")
VALID_FRONT_MATTER: dict[str, Any] = yaml.safe_load(_VALID.split("---\n")[1])
VALID_BODY = _VALID.split("---\n", 2)[2].lstrip("\n")


def case_study_text(front_matter: dict[str, Any] | None = None, body: str = VALID_BODY, **changes: Any) -> str:
    """A case study's text: the valid front matter with ``changes`` (None removes a key)."""
    data = dict(VALID_FRONT_MATTER if front_matter is None else front_matter)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    dumped = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=None)
    return f"---\n{dumped}---\n\n{textwrap.dedent(body)}"


def record(stem: str, **fields: Any) -> CaseStudy:
    """An in-memory case study, as parsing would give it: ``ics`` follows from ``areas``."""
    areas = tuple(fields.pop("areas", ("camden",)))
    defaults: dict[str, Any] = {"path": f"case_studies/{stem}.md", "title": stem.title(), "readable": True}
    return CaseStudy(stem=stem, areas=areas, ics=_taxonomy().ics_of_areas(areas), **{**defaults, **fields})


@functools.cache
def _taxonomy() -> Taxonomy:
    return load_taxonomy()


def zombie_children() -> list[int]:
    """This process's children that have ended and were never waited for (Linux's /proc)."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(os.getpid()) and fields.get("State", "").startswith("Z"):
            found.append(int(status.parent.name))
    return found
