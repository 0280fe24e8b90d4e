"""'Submit a case study': keyboard and screen-reader friendly, and its file passes the validator."""

from __future__ import annotations

import shutil
import subprocess
import sys
from urllib.parse import parse_qs, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from hub.content.casestudy import parse_case_study
from pagecheck import CSP_WATCH
from support import ROOT
from test_accessibility import WCAG_TAGS

pytestmark = pytest.mark.browser
URL = "contribute/submit/"
TITLE = "Same-day triage: a Greenwich practice's new front door"
DRAFT = "[data-hub-part=draft-status]"


def fill_valid(page, named_contact: bool = True) -> None:
    page = page.locator("#hub-submit-form")  # the page has a second form, for adoption notes
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
    assert "issues/new?template=case-study.yml" in page.get_by_role("link", name="a GitHub issue form").get_attribute(
        "href"
    )
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
    form = page.locator("#hub-submit-form")  # the page has a second form, for adoption notes
    page.get_by_label("Title", exact=True).focus()
    page.keyboard.type("Typed title")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the summary to organisation
    assert page.evaluate("document.activeElement.id") == "f-organisation"
    form.get_by_label("Camden").focus()
    page.keyboard.press("Space")
    expect(form.get_by_label("Camden")).to_be_checked()


# --- Issue 13: refuse before export, drafts, preview, outcomes, routes -----------


def validate_with_script(text: str, relative: str, tmp_path) -> subprocess.CompletedProcess:
    """scripts/validate.py on ``text`` saved as ``relative`` in a copy of the shipped case studies."""
    folder = tmp_path / "case_studies"
    shutil.copytree(ROOT / "case_studies", folder)
    path = tmp_path / relative
    path.write_text(text, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), str(path), "--case-studies", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_unsafe_answers_are_refused_before_anything_can_be_sent(page, base_url):
    page.add_init_script(CSP_WATCH)
    page.goto(base_url + URL)
    fill_valid(page)
    form = page.locator("#hub-submit-form")
    form.get_by_label("Summary", exact=True).fill("Seen at 943 476 5919 clinic, phone 020 7946 0000.")
    form.get_by_label("What we did", exact=True).fill(
        "Write to jo.bloggs@nhs.net.\n\n<script>alert(1)</script>\n\n[our report](http://example.org/report)"
    )
    page.get_by_role("button", name="Create the file").click()
    summary = page.locator("#hub-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_text(
        [
            "Summary: '943 476 5919' looks like an NHS number. Remove it: case studies must not identify patients.",
            "Summary: '020 7946 0000' looks like a phone number. Remove it: readers get in touch through the contact you"
            " name, by email.",
            "What we did: <script> cannot be used: pages may not run or embed code. Remove it.",
            "What we did: 'http://example.org/report' is not secure. Write the address with https:// instead of http://.",
            "What we did: 'jo.bloggs@nhs.net' is an email address. Remove it: only the contact's own address may appear,"
            " in the contact question.",
        ]
    )
    # No download, no copy, no link to GitHub: the result, and every way to send it, stays hidden.
    expect(page.locator("#hub-submit-result")).to_be_hidden()
    for name in ("Download the file", "Copy the file"):
        expect(page.get_by_role("button", name=name)).to_have_count(0)
    for name in ("Open it in GitHub as a new file", "Open a GitHub issue with your file"):
        expect(page.get_by_role("link", name=name)).to_have_count(0)
    assert page.locator("#hub-open-github").get_attribute("href") == "#"
    assert page.locator("#hub-submit-output").input_value() == ""
    # Checking the script element ran nothing and broke no rule of the page's Content-Security-Policy.
    assert page.evaluate("window.__violations") == []
    # Fixed, the same answers make a file.
    form.get_by_label("Summary", exact=True).fill("Every request is triaged by a GP on the day.")
    form.get_by_label("What we did", exact=True).fill("We triaged every request.")
    page.get_by_role("button", name="Create the file").click()
    expect(page.get_by_role("button", name="Download the file")).to_be_visible()


def test_an_image_without_alt_text_is_refused_as_the_validator_refuses_it(page, base_url):
    page.goto(base_url + URL)
    fill_valid(page)
    results = page.locator("#hub-submit-form").get_by_label("Results", exact=True)
    results.fill("The chart:\n\n![](https://example.org/chart.png)")
    page.get_by_role("button", name="Create the file").click()
    expect(page.locator("#hub-error-summary").get_by_role("link")).to_have_text(
        [
            "Results: the image 'https://example.org/chart.png' has no alt text. Say what it shows:"
            " ![what it shows](https://example.org/chart.png)"
        ]
    )
    expect(page.locator("#hub-submit-result")).to_be_hidden()
    results.fill("The chart:\n\n![Waiting times by month](https://example.org/chart.png)")
    page.get_by_role("button", name="Create the file").click()
    expect(page.get_by_role("button", name="Download the file")).to_be_visible()


def test_warnings_are_shown_and_do_not_stop_the_file(page, base_url):
    page.goto(base_url + URL)
    fill_valid(page)
    results = page.locator("#hub-submit-form").get_by_label("Results", exact=True)
    results.fill("Her DOB was recorded. Fewer people waited.")
    results.blur()
    expect(page.locator("#f-results-warning")).to_have_text(
        "Warning: Results: 'DOB' may introduce a date of birth. Check that no patient can be identified."
    )
    page.get_by_role("button", name="Create the file").click()
    warnings = page.locator("#hub-submit-result [data-hub-part=warnings]")
    expect(warnings).to_be_visible()
    expect(warnings.get_by_role("listitem")).to_have_text(
        ["Results: 'DOB' may introduce a date of birth. Check that no patient can be identified."]
    )


def test_answers_survive_a_reload_and_a_closed_tab_until_cleared(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + URL)
    fill_valid(page)
    form = page.locator("#hub-submit-form")
    form.get_by_role("button", name="Add a measured outcome").click()
    form.get_by_label("What was measured").fill("People waiting over two weeks")
    page.reload()
    form = page.locator("#hub-submit-form")
    expect(form.get_by_label("Title", exact=True)).to_have_value(TITLE)
    expect(form.get_by_role("group", name="Where the work happened").get_by_label("Greenwich")).to_be_checked()
    expect(form.get_by_label("Their work email address")).to_be_visible()
    expect(form.get_by_label("Their work email address")).to_have_value("alex@example.org")
    expect(form.get_by_label("What was measured")).to_have_value("People waiting over two weeks")
    expect(form.locator(DRAFT)).to_contain_text("are back. They are kept in this browser only.")
    expect(form.get_by_text("They stay on this device only")).to_be_visible()
    page.close()
    tab = context.new_page()  # the tab was closed; a new one opens the page again
    tab.goto(base_url + URL)
    form = tab.locator("#hub-submit-form")
    what_we_did = "We triaged every request.\n\n- step one\n- step two"
    expect(form.get_by_label("What we did", exact=True)).to_have_value(what_we_did)
    form.get_by_role("button", name="Clear my answers").click()
    expect(form.get_by_label("Title", exact=True)).to_have_value("")
    expect(form.locator(DRAFT)).to_have_text("Your answers have been cleared from this browser.")
    tab.reload()
    expect(tab.locator("#hub-submit-form").get_by_label("Title", exact=True)).to_have_value("")
    expect(tab.locator("#hub-submit-form").get_by_label("What was measured")).to_have_count(0)
    context.close()


def test_the_preview_shows_the_page_as_it_will_be_published(page, base_url):
    page.goto(base_url + URL)
    fill_valid(page)
    page.locator("#hub-submit-form").get_by_label("What we did", exact=True).fill(
        "We triaged every request:\n\u2022 step one\n\u2022 step two\n\nSee [the report](https://example.org/report)."
    )
    page.get_by_role("button", name="Create the file").click()
    preview = page.get_by_role("region", name="Preview of your case study")
    # The page's title, one level under the form's "Preview" heading (h3), so the form's outline stays whole.
    expect(preview.get_by_role("heading", level=4)).to_have_text(TITLE)
    assert page.locator("main h1").count() == 1
    expect(preview.get_by_role("heading", name="At a glance")).to_be_visible()
    expect(preview.locator("dt", has_text="Areas").locator("+ dd")).to_have_text("City of London, Greenwich")
    expect(preview.locator("dt", has_text="Contact").locator("+ dd")).to_contain_text("Alex Example, Practice manager")
    # Pasted bullets became a list, as the file will publish it, and the form says so.
    steps = preview.get_by_role("list").filter(has_text="step one").get_by_role("listitem")
    expect(steps).to_have_text(["step one", "step two"])
    expect(preview.get_by_role("link", name="the report")).to_have_attribute("href", "https://example.org/report")
    expect(page.locator("#hub-submit-result [data-hub-part=tidy]")).to_contain_text("Pasted bullets")
    assert "We triaged every request:\n\n- step one\n- step two" in page.locator("#hub-submit-output").input_value()


def add_outcome(form, measure: str, before: str = "35", source: str = ""):
    """Add a measured outcome row to ``form`` and fill it in: a percentage, 12.5 after, over a year."""
    form.get_by_role("button", name="Add a measured outcome").click()
    row = form.locator("[data-outcome]").last
    row.get_by_label("What was measured").fill(measure)
    row.get_by_label("Unit").fill("%")
    row.get_by_label("Before").fill(before)
    row.get_by_label("After").fill("12.5")
    row.get_by_label("When it was measured").fill("March 2024 to March 2025")
    if source:
        row.get_by_label("Where it is published (optional)").fill(source)
    return row


def test_measured_outcomes_follow_the_contract_and_the_file_passes_validate_py(page, base_url, tmp_path):
    page.goto(base_url + URL)
    fill_valid(page)
    form = page.locator("#hub-submit-form")
    row = add_outcome(form, measure="People waiting over two weeks", before="35%")
    page.get_by_role("button", name="Create the file").click()
    expect(page.locator("#hub-error-summary").get_by_role("link")).to_have_text(
        ["Enter before as a number, like 35 or 12.5, and put the unit in Unit"]
    )
    row.get_by_label("Before").fill("35")
    row.get_by_label("Where it is published (optional)").fill("https://example.org/audit")
    page.get_by_role("button", name="Create the file").click()
    text = page.locator("#hub-submit-output").input_value()
    assert (
        'outcomes:\n  - measure: People waiting over two weeks\n    unit: "%"\n    baseline: 35\n    result: 12.5\n'
        '    period: March 2024 to March 2025\n    source: "https://example.org/audit"\n'
    ) in text
    name = page.locator("#hub-result-name").inner_text()
    result = validate_with_script(text, name, tmp_path)
    assert (result.returncode, result.stdout) == (0, "No problems in 1 file.\n")
    expect(page.get_by_role("region", name="Preview of your case study").get_by_role("table")).to_contain_text("35%")


def test_three_routes_each_say_what_they_need(page, base_url):
    page.goto(base_url + URL)
    fill_valid(page, named_contact=False)
    page.get_by_role("button", name="Create the file").click()
    text = page.locator("#hub-submit-output").input_value()
    result = page.locator("#hub-submit-result")
    issue = urlparse(result.get_by_role("link", name="Open a GitHub issue with your file").get_attribute("href"))
    assert issue.path.endswith("/issues/new")
    query = parse_qs(issue.query)
    assert query["title"] == ["Case study: Same-day triage: a Greenwich practice's new front door"]
    assert text in query["body"][0]
    email = result.locator(".hub-send").get_by_role("link", name="primary-care-hub@example.org")
    assert email.get_attribute("href").startswith("mailto:primary-care-hub@example.org?subject=Case%20study%3A")
    expect(result.get_by_text("You need a free GitHub account.", exact=True)).to_be_visible()
    expect(result.locator(".hub-send").get_by_text("This is a placeholder address")).to_be_visible()
    # The preview says so too, where it shows the programme team as the contact.
    expect(result.get_by_role("region").get_by_text("This is a placeholder address")).to_be_visible()


def test_the_preview_fits_a_phone_with_its_outcomes(browser, base_url):
    """WCAG 1.4.10 at 390px: the preview's outcomes table scrolls inside itself, not the whole page."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + URL)
    fill_valid(page)
    form = page.locator("#hub-submit-form")
    add_outcome(
        form,
        measure="People waiting more than two weeks for a routine appointment",
        source="https://example.org/a-long-address/of-the-audit.pdf",
    )
    page.get_by_role("button", name="Create the file").click()
    outcomes = page.get_by_role("region", name="Outcomes, as reported by the source")
    expect(outcomes.get_by_role("table")).to_contain_text("35%")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0
