"""'Submit a case study': keyboard and screen-reader friendly, and its file passes the validator."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from hub.content.casestudy import parse_case_study
from test_accessibility import WCAG_TAGS

pytestmark = pytest.mark.browser
URL = "contribute/submit/"


def fill_valid(page, named_contact: bool = True) -> None:
    page.get_by_label("Title", exact=True).fill("Same-day triage: a Greenwich practice's new front door")
    page.get_by_label("Summary", exact=True).fill('Every request is triaged by a GP on the day; "call-backs" fell.')
    page.get_by_label("Organisation", exact=True).fill("Example Medical Centre")
    page.get_by_role("group", name="Where the work happened").get_by_label("Greenwich").check()
    page.get_by_role("group", name="Where the work happened").get_by_label("City of London").check()
    page.get_by_role("group", name="Themes").get_by_label("Accessible care").check()
    page.get_by_role("group", name="Settings (optional)").get_by_label("General practice", exact=True).check()
    page.get_by_label("When the work started").fill("2024-09")
    page.get_by_role("group", name="Status").get_by_label("Running").check()
    page.get_by_role("group", name="Evidence").get_by_label("Measured").check()
    page.get_by_role("group", name="Who is writing this").get_by_label("Written by the team").check()
    if named_contact:
        page.get_by_label("A named person").check()
        page.get_by_label("Their name").fill("Alex Example")
        page.get_by_label("Their role").fill("Practice manager")
        page.get_by_label("Their work email address").fill("alex@example.org")
    page.get_by_label("What we did", exact=True).fill("We triaged every request.\n\n- step one\n- step two")
    page.get_by_label("Results", exact=True).fill("Fewer people waited.")
    page.get_by_label("What we learned", exact=True).fill("Start small.")
    page.get_by_label("Sources (optional)").fill("https://example.org/report")
    for box in page.get_by_role("group", name="Before you create the file").get_by_role("checkbox").all():
        box.check()


def test_without_javascript_the_page_explains_the_other_routes(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + URL)
    expect(page.get_by_text("This form needs JavaScript")).to_be_visible()
    expect(page.locator("#hub-submit-form")).to_be_hidden()
    assert "issues/new?template=case-study.yml" in page.get_by_role("link", name="a GitHub issue form").get_attribute("href")
    context.close()


def test_empty_form_shows_an_error_summary_that_leads_to_each_field(page, base_url):
    page.goto(base_url + URL)
    page.get_by_role("button", name="Create the file").click()
    summary = page.locator("#hub-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    links = summary.get_by_role("link")
    expect(links.first).to_have_text("Enter title")
    assert links.count() >= 9
    links.first.click()
    expect(page.get_by_label("Title", exact=True)).to_be_focused()
    expect(page.get_by_label("Title", exact=True)).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#f-title-error")).to_have_text("Error: Enter title")
    # Live check: the message goes as soon as the field is fixed.
    page.get_by_label("Title", exact=True).fill("A title")
    expect(page.locator("#f-title-error")).to_be_hidden()


def test_filled_form_makes_a_file_that_passes_the_validator(page, base_url, contract):
    page.goto(base_url + URL)
    fill_valid(page)
    page.get_by_role("button", name="Create the file").click()
    expect(page.get_by_role("heading", name="Your case study file is ready")).to_be_focused()
    name = page.locator("#hub-result-name").inner_text()
    assert name == "case_studies/same-day-triage-a-greenwich-practices-new-front-door.md"
    text = page.locator("#hub-submit-output").input_value()
    stem = name.removeprefix("case_studies/").removesuffix(".md")
    record = parse_case_study(text.encode(), name, stem, contract)
    assert [str(p) for p in record.problems] == []
    assert record.areas == ("city-of-london", "greenwich") and record.contact.email == "alex@example.org"
    assert record.summary == 'Every request is triaged by a GP on the day; "call-backs" fell.'
    link = page.get_by_role("link", name="Open it in GitHub as a new file")
    parsed = urlparse(link.get_attribute("href"))
    assert parsed.path.endswith("/new/main/case_studies")
    assert parse_qs(parsed.query) == {"filename": [name.removeprefix("case_studies/")], "value": [text]}
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the file").click()
    assert download.value.suggested_filename == name.removeprefix("case_studies/")
    with open(download.value.path(), encoding="utf-8") as saved:
        assert saved.read() == text


def test_programme_team_contact_by_default(page, base_url, contract):
    page.goto(base_url + URL)
    fill_valid(page, named_contact=False)
    page.get_by_role("button", name="Create the file").click()
    text = page.locator("#hub-submit-output").input_value()
    assert "contact: programme-team" in text
    assert parse_case_study(text.encode(), "x.md", "x", contract).problems == ()


def test_form_is_accessible_in_each_state(page, base_url):
    page.goto(base_url + URL)
    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
    assert axe.run(page, options=options).response["violations"] == []
    page.get_by_role("button", name="Create the file").click()
    assert axe.run(page, options=options).response["violations"] == []
    fill_valid(page)
    page.get_by_role("button", name="Create the file").click()
    assert axe.run(page, options=options).response["violations"] == []


def test_the_form_works_by_keyboard(page, base_url):
    page.goto(base_url + URL)
    page.get_by_label("Title", exact=True).focus()
    page.keyboard.type("Typed title")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the summary to organisation
    assert page.evaluate("document.activeElement.id") == "f-organisation"
    page.get_by_label("Camden").focus()
    page.keyboard.press("Space")
    expect(page.get_by_label("Camden")).to_be_checked()
