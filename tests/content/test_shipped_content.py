"""Shipped content is a test subject too: each case study is checked by name."""

from __future__ import annotations

import jsonschema
import pytest
import yaml

from hub.content.schema import load_schema
from support import ROOT

FILES = sorted((ROOT / "case_studies").glob("*.md"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_case_study_passes_validation(path, hub):
    problems = [str(p) for p in hub.problems if p.path == f"case_studies/{path.name}"]
    assert problems == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_case_study_front_matter_matches_the_json_schema(path):
    """Editors using the schema see the same contract as the validator."""
    text = path.read_text(encoding="utf-8-sig")
    front_matter = text.split("---\n", 2)[1]
    data = yaml.load(front_matter, Loader=yaml.BaseLoader)  # every scalar as text, like JSON Schema's dates
    data = yaml.safe_load(front_matter) | {k: data[k] for k in ("published", "updated", "review_due") if k in data}
    jsonschema.validate(data, load_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_shipped_collection_has_no_problems(hub):
    assert [str(p) for p in hub.problems] == []
