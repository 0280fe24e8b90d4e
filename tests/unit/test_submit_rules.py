"""What the build writes into the submit page for its two forms: from the contract, never typed twice."""

from __future__ import annotations

import pytest

from hub.pages.markers import MarkerContext, MarkerError, submit_form
from hub.pages.submitform import plain_fields, render_submit_form, submit_rules


def test_the_note_form_gets_the_case_studies_it_can_name_by_title(contract, hub):
    rules = submit_rules(contract, "adoption-note", hub.collection.case_studies)
    titles = [c["title"] for c in rules["caseStudies"]]
    assert titles == sorted(titles, key=str.casefold) and len(titles) == len(hub.collection.case_studies)
    assert {"stem": "sutton-red-bag", "title": hub.case_study_at("case-studies/sutton-red-bag.md").title} in rules[
        "caseStudies"
    ]
    assert rules["folder"] == "case_studies/adoptions"
    assert [s["heading"] for s in rules["sections"]] == ["What we changed", "What happened"]
    assert [s["compiled"] for s in rules["sections"]] == ["What was changed", "What happened"]


def test_both_forms_carry_the_validators_rule_set_and_its_plain_text_fields(contract):
    for kind in ("case-study", "adoption-note"):
        rules = submit_rules(contract, kind)
        assert rules["safety"] == contract.safety.data
        assert rules["programmeTeam"]["placeholder"] is True
    assert plain_fields(contract.schema) == [
        "title",
        "summary",
        "organisation",
        "contact-name",
        "contact-role",
        "outcome-measure",
        "outcome-unit",
        "outcome-period",
    ]
    assert "title" not in plain_fields(contract.adoption_schema)


def test_the_note_form_files_notes_where_adoptions_live(contract, hub):
    html = render_submit_form(
        contract, "contribute/submit/", "https://github.com/example/hub", "adoption-note", hub.collection.case_studies
    )
    assert 'data-new-file-url="https://github.com/example/hub/new/main/case_studies/adoptions"' in html
    assert 'id="hub-adoption-submit-form"' in html and "python scripts/new_adoption.py" in html
    assert html.count('<script src="../../assets/') == 3  # markdown.js, rules.js, submit.js


def test_the_marker_names_the_forms_it_has(contract, hub):
    context = MarkerContext("contribute/submit/", hub.collection.case_studies, hub.indexes, contract)
    with pytest.raises(
        MarkerError,
        match=r"^hub:submit-form kind=story is not a form \(allowed: case-study, "
        r"adoption-note\)$",
    ):
        submit_form({"kind": "story"}, context)
