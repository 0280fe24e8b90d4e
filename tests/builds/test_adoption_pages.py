"""Adoption notes in a built site: on their case study, their area and ICS, the feeds and the open data."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from sites import build, write_site
from support import FIXTURES, case_study_text

pytestmark = pytest.mark.build
ATOM = "{http://www.w3.org/2005/Atom}"
NOTE = (FIXTURES / "adoption.md").read_text(encoding="utf-8")
HACKNEY = case_study_text(title="Hackney triage", boroughs=["Hackney"], review_due="2030-01-01")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("adoptions")
    write_site(root, {"hackney-triage.md": HACKNEY, "adoptions/lewisham-triage.md": NOTE})
    built = build(root)
    assert built.returncode == 0, built.log
    return built


def test_the_note_is_on_its_case_studys_page(site):
    html = site.html("case-studies/hackney-triage/")
    assert '<section class="hub-tried" id="tried-elsewhere"' in html
    assert 'id="tried-lewisham-triage"' in html and "Example Lewisham Surgery" in html
    assert '<h4 id="what-we-changed">What we changed</h4>' in html  # its sections sit under its heading
    assert "with a nurse on the phones on Mondays" in html
    assert "<td>140 calls a day</td><td>90 calls a day</td>" in html  # its outcomes
    assert "Since June 2025" in html


def test_cards_say_where_else_it_was_tried(site):
    assert "Tried in 1 other place" in site.html("case-studies/")


def test_the_note_is_on_its_area_and_ics_pages_not_the_originals(site):
    for page in ("boroughs/lewisham/", "ics/south-east-london/"):
        html = site.html(page)
        assert "1 idea tried here from elsewhere" in html
        assert 'href="../../case-studies/hackney-triage/#tried-lewisham-triage"' in html
    assert "tried here from elsewhere" not in site.html("boroughs/hackney/")


def test_the_note_is_in_the_feeds_of_the_originals_themes_and_its_own_area(site):
    def titles(path: str) -> list[str]:
        root = ET.fromstring((site.site / path).read_bytes())
        return [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]

    tried = "Tried in Lewisham: Hackney triage"
    assert tried in titles("feeds/case-studies.xml")
    assert tried in titles("feeds/themes/accessible-care.xml")  # the original's theme
    assert tried in titles("feeds/boroughs/lewisham.xml") and tried in titles("feeds/ics/south-east-london.xml")
    assert tried not in titles("feeds/boroughs/hackney.xml")


def test_the_note_is_in_the_open_data(site):
    data = json.loads((site.site / "api" / "adoptions.json").read_text(encoding="utf-8"))
    assert data["count"] == 1
    note = data["adoptions"][0]
    assert (note["id"], note["case_study"], note["started"], note["status"]) == (
        "lewisham-triage",
        "hackney-triage",
        "2025-06",
        "running",
    )
    assert note["url"] == "https://hub.example.org/case-studies/hackney-triage/#tried-lewisham-triage"
    rows = list(csv.DictReader(io.StringIO((site.site / "api" / "adoptions.csv").read_text(encoding="utf-8"))))
    assert [(r["id"], r["areas"], r["ics"], r["outcomes"]) for r in rows] == [
        ("lewisham-triage", "lewisham", "south-east-london", "1")
    ]
    schema = json.loads((site.site / "api" / "adoption.schema.json").read_text(encoding="utf-8"))
    assert {"case_study", "organisation", "started", "status_checked"} <= set(schema["properties"])


def test_a_note_naming_a_missing_case_study_fails_the_strict_build(tmp_path):
    write_site(
        tmp_path,
        {
            "hackney-triage.md": HACKNEY,
            "adoptions/lewisham-triage.md": NOTE.replace("case_study: hackney-triage", "case_study: hackney-triag"),
        },
    )
    built = build(tmp_path)
    assert built.returncode != 0
    assert (
        "case_studies/adoptions/lewisham-triage.md:2: case_study: 'hackney-triag' is not a case study on the hub "
        "(did you mean 'hackney-triage'?)"
    ) in built.log
