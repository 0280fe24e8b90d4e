"""Every contract value has one home: change it in a copy of the contract and every consumer follows."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
import yaml

from hub.content.casestudy import parse_case_study
from hub.content.contract import CASE_STUDY_SCHEMA_FILE, DATA, SETTINGS_FILE, load_contract
from hub.contributors.guide import render_field_table_markdown, render_issue_form
from hub.contributors.scaffold import render_body
from hub.pages.fields import render_field_table_html, render_sections_html
from hub.pages.submitform import render_submit_form, submit_rules
from new_case_study import questions
from support import case_study_text


@pytest.fixture
def changed(tmp_path):
    """A copy of the contract with the title limit at 80, a renamed section and a fifth consent statement."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    schema = json.loads((data / CASE_STUDY_SCHEMA_FILE).read_text(encoding="utf-8"))
    schema["properties"]["title"]["maxLength"] = 80
    schema["x-body-sections"]["sections"][3]["heading"] = "What went wrong"
    (data / CASE_STUDY_SCHEMA_FILE).write_text(json.dumps(schema), encoding="utf-8")
    settings = yaml.safe_load((data / SETTINGS_FILE).read_text(encoding="utf-8"))
    settings["consent"].append({"id": "read-guide", "text": "I have read the guide."})
    (data / SETTINGS_FILE).write_text(yaml.safe_dump(settings), encoding="utf-8")
    return load_contract(data)


def test_the_validator_follows(changed):
    text = case_study_text(title="T" * 81)
    problems = [p.message for p in parse_case_study(text.encode(), "x.md", "x", changed).problems]
    assert problems == ["is 81 characters long; at most 80 are allowed"]
    wrong = case_study_text(
        body="## What we did\n\nA.\n\n## Results\n\nB.\n\n## What didn't work\n\nC.\n\n## What we learned\n\nD.\n"
    )
    problems = [p.message for p in parse_case_study(wrong.encode(), "x.md", "x", changed).problems]
    assert problems == [
        "'## What didn't work' is not a case-study section (did you mean 'What went wrong'?); use ### for a sub-heading"
    ]


def test_the_scaffold_follows(changed):
    title = next(q for q in questions(changed, date(2026, 1, 1)) if q.name == "title")
    assert "at most 80 characters" in title.prompt
    with pytest.raises(ValueError, match="at most 80 are allowed"):
        title.check("T" * 81)
    assert "## What went wrong" in render_body(changed)


def test_the_submit_form_follows(changed):
    html = render_submit_form(changed, "contribute/submit/", "https://github.com/example/hub")
    assert 'id="f-title" name="title" data-limit="80"' in html and "At most 80 characters." in html
    assert 'name="what-went-wrong"' in html and "What went wrong (optional)" in html
    assert 'id="f-check-read-guide"' in html and "Tick all 5." in html
    rules = submit_rules(changed)
    assert rules["limits"]["title"] == 80 and len(rules["consent"]) == 5
    assert json.dumps(rules, separators=(",", ":")) in html.replace("\\u0026", "&").replace("\\u003c", "<").replace(
        "\\u003e", ">"
    )


def test_the_issue_form_follows(changed):
    form = yaml.safe_load(render_issue_form(changed))
    fields = {item.get("id"): item for item in form["body"]}
    assert "at most 80 characters" in fields["title"]["attributes"]["description"]
    assert fields["what-went-wrong"]["attributes"]["label"] == "What went wrong (optional)"
    assert [o["label"] for o in fields["checks"]["attributes"]["options"]][-1] == "I have read the guide."


def test_the_guides_follow(changed):
    assert "| `title` | yes | plain text, at most 80 characters |" in render_field_table_markdown(changed.schema)
    assert "<td>plain text, at most 80 characters</td>" in render_field_table_html(changed.schema)
    assert "<strong>What went wrong</strong> (optional)" in render_sections_html(changed.sections)
