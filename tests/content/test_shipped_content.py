"""Shipped content is a test subject too: each case study is checked by name."""

from __future__ import annotations

from urllib.parse import urlparse

import jsonschema
import pytest
import yaml

from hub.content.body import FIRST_PERSON_PLURAL
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
    dates = ("published", "updated", "review_due", "status_checked")
    data = yaml.safe_load(front_matter) | {k: data[k] for k in dates if k in data}
    jsonschema.validate(data, load_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_shipped_collection_has_no_problems(hub):
    assert [str(p) for p in hub.problems] == []


def real(hub):
    return [c for c in hub.collection.case_studies if not c.example]


def test_at_least_35_real_case_studies(hub):
    assert len(real(hub)) >= 35


def test_every_london_area_has_a_real_case_study(hub):
    """All 32 boroughs, the City of London and London-wide work."""
    covered = {a for c in real(hub) for a in c.areas}
    assert [a.name for a in hub.taxonomy.areas if a.id not in covered] == []


def test_every_theme_has_a_real_case_study(hub):
    covered = {t for c in real(hub) for t in c.themes}
    assert [t.name for t in hub.taxonomy.themes if t.id not in covered] == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_says_when_it_happened_who_wrote_it_and_when_the_status_was_confirmed(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
    assert {"started", "status_checked", "account"} <= set(data)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_compiled_account_does_not_speak_as_the_organisation(path):
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text.split("---\n", 2)[1])
    if data.get("account") != "compiled":
        return
    headings = [line for line in text.split("---\n", 2)[2].splitlines() if line.startswith("#")]
    assert [h for h in headings if FIRST_PERSON_PLURAL.search(h)] == []
    assert not FIRST_PERSON_PLURAL.search(data["summary"]), data["summary"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_source_is_a_web_address(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
    sources = [*data.get("sources", ()), *(o["source"] for o in data.get("outcomes", ()) if "source" in o)]
    assert [s for s in sources if urlparse(s).scheme not in ("https", "http") or not urlparse(s).netloc] == []
