"""'Tell us you tried this': the adoption-note form, with the case-study form's safety checks, drafts and preview.

Its file has the shape scripts/new_adoption.py writes and passes scripts/validate.py.
"""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from hub.contributors.scaffold import NewAdoption, adoption_front_matter
from pagecheck import CSP_WATCH
from test_accessibility import WCAG_TAGS
from test_submit_form import URL, validate_with_script

pytestmark = pytest.mark.browser
STEM = "sutton-red-bag"


def fill_note(page, account: str = "Written by the team"):
    form = page.locator("#hub-adoption-submit-form")
    form.get_by_label("Which case study did you try?").select_option(STEM)
    form.get_by_label("Your organisation").fill("Example Care Homes Group")
    form.get_by_role("group", name="Where you tried it").get_by_label("Croydon").check()
    form.get_by_label("When you started").fill("2024-05")
    form.get_by_role("group", name="Where it is now").get_by_label("Running").check()
    form.get_by_role("group", name="Who is writing the note").get_by_label(account).check()
    changed = "The red bag, in twelve care homes.\n\n- one bag a home\n- a checklist"
    form.get_by_label("What we changed", exact=True).fill(changed)
    form.get_by_label("What happened", exact=True).fill("Fewer belongings went missing.")
    for box in form.get_by_role("group", name="Before you make the note").get_by_role("checkbox").all():
        box.check()
    return form


def test_a_note_makes_the_file_new_adoption_would_and_it_passes_validate_py(page, base_url, tmp_path):
    page.goto(base_url + URL)
    form = fill_note(page)
    form.get_by_role("button", name="Make the note file").click()
    expect(page.get_by_role("heading", name="Your note file is ready")).to_be_focused()
    name = page.locator("#hub-adoption-result-name").inner_text()
    assert name == "case_studies/adoptions/croydon-sutton-red-bag.md"
    text = page.locator("#hub-adoption-submit-output").input_value()
    result = validate_with_script(text, name, tmp_path)
    assert (result.returncode, result.stdout) == (0, "No problems in 1 file.\n")
    # The same front matter, in the same order, as the scaffold writes.
    today = date.today()
    scaffold = adoption_front_matter(
        NewAdoption(
            case_study=STEM,
            organisation="Example Care Homes Group",
            boroughs=("Croydon",),
            started="2024-05",
            status="running",
            status_checked=today,
            contact=None,
            published=today,
            review_due=today,
        )
    )
    front = yaml.safe_load(text.split("---\n")[1])
    assert list(front) == list(scaffold)
    assert {k: front[k] for k in ("case_study", "organisation", "boroughs", "started", "status", "contact")} == {
        k: scaffold[k] for k in ("case_study", "organisation", "boroughs", "started", "status", "contact")
    }
    assert "## What we changed\n\nThe red bag" in text and "## What happened\n\nFewer" in text


def test_a_compiled_note_has_the_compiled_headings(page, base_url, tmp_path):
    page.goto(base_url + URL)
    fill_note(page, account="Compiled by the hub").get_by_role("button", name="Make the note file").click()
    text = page.locator("#hub-adoption-submit-output").input_value()
    assert "## What was changed\n" in text and "account: compiled" in text
    result = validate_with_script(text, page.locator("#hub-adoption-result-name").inner_text(), tmp_path)
    assert (result.returncode, result.stdout) == (0, "No problems in 1 file.\n")


def test_unsafe_answers_in_a_note_are_refused(page, base_url):
    page.add_init_script(CSP_WATCH)
    page.goto(base_url + URL)
    form = fill_note(page)
    form.get_by_label("What happened", exact=True).fill(
        'Mrs X, aged 84, NHS number 943 476 5919, got home. <iframe src="https://example.org"></iframe>'
    )
    form.get_by_role("button", name="Make the note file").click()
    expect(page.locator("#hub-adoption-error-summary").get_by_role("link")).to_have_text(
        [
            "What happened: <iframe> cannot be used: pages may not run or embed code. Remove it.",
            "What happened: '943 476 5919' looks like an NHS number. Remove it: case studies must not identify patients.",
        ]
    )
    expect(page.locator("#a-what-happened-warning")).to_have_text(
        "Warning: What happened: 'Mrs X, aged 84' looks like a reference to a patient. Describe people without names"
        " or ages."
    )
    expect(page.locator("#hub-adoption-submit-result")).to_be_hidden()
    expect(page.get_by_role("button", name="Download the file")).to_have_count(0)
    expect(page.get_by_role("link", name="Open it in GitHub as a new file")).to_have_count(0)
    assert page.evaluate("window.__violations") == []


def test_a_note_survives_a_reload_apart_from_the_case_study(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + URL)
    fill_note(page)
    page.locator("#hub-submit-form").get_by_label("Title", exact=True).fill("A case study")
    page.reload()
    form = page.locator("#hub-adoption-submit-form")
    expect(form.get_by_label("Which case study did you try?")).to_have_value(STEM)
    expect(form.get_by_role("group", name="Where it is now").get_by_label("Running")).to_be_checked()
    expect(form.get_by_label("What happened", exact=True)).to_have_value("Fewer belongings went missing.")
    form.get_by_role("button", name="Clear my answers").click()
    page.reload()
    expect(page.locator("#hub-adoption-submit-form").get_by_label("Your organisation")).to_have_value("")
    # Each form keeps its own draft: clearing the note left the case study alone.
    expect(page.locator("#hub-submit-form").get_by_label("Title", exact=True)).to_have_value("A case study")
    context.close()


def test_the_note_preview_shows_it_as_it_will_appear_on_the_case_study(page, base_url, hub):
    page.goto(base_url + URL)
    fill_note(page).get_by_role("button", name="Make the note file").click()
    preview = page.get_by_role("region", name="Preview of your note")
    title = next(c.title for c in hub.collection.case_studies if c.stem == STEM)
    expect(preview).to_contain_text(f"On the page of \u201c{title}\u201d, under \u201cTried elsewhere\u201d:")
    expect(preview.get_by_role("heading", name="Example Care Homes Group")).to_be_visible()
    expect(preview.get_by_role("heading", name="What we changed")).to_have_js_property("tagName", "H4")
    expect(preview.get_by_role("listitem")).to_have_text(["one bag a home", "a checklist"])
    expect(preview.locator("dt", has_text="Where").locator("+ dd")).to_have_text("Croydon")


def test_the_note_form_is_accessible_in_each_state(page, base_url):
    page.goto(base_url + URL)
    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
    form = page.locator("#hub-adoption-submit-form")
    form.get_by_role("button", name="Make the note file").click()
    expect(page.locator("#hub-adoption-error-summary")).to_be_focused()
    assert axe.run(page, options=options).response["violations"] == []
    fill_note(page)
    form.get_by_role("button", name="Add a measured outcome").click()
    assert axe.run(page, options=options).response["violations"] == []
    form.get_by_role("button", name="Remove outcome 1").click()
    form.get_by_role("button", name="Make the note file").click()
    assert axe.run(page, options=options).response["violations"] == []
