"""Safety checks: patient data, contact details, active markup, links and images."""

from __future__ import annotations

import pytest

from hub.content.casestudy import parse_case_study
from hub.content.safety import nhs_number_is_valid
from support import case_study_text

PATH = "case_studies/example.md"
BODY = """\
## What we did

{line}

## Results

Fewer people waited.

## What we learned

Start small.
"""
# The valid front matter takes lines 1-15 and a blank line; the line under test is 19.
LINE = 19


def messages(line: str, contract, **changes) -> list[str]:
    text = case_study_text(body=BODY.format(line=line), **changes)
    return [str(p) for p in parse_case_study(text.encode(), PATH, "example", contract).problems]


@pytest.mark.parametrize("number", ["9434765919", "943 476 5919", "943-476-5919", "4010232137"])
def test_valid_nhs_numbers_are_recognised(number):
    assert nhs_number_is_valid(number.replace(" ", "").replace("-", ""))


@pytest.mark.parametrize("number", ["9434765918", "1111111111", "1234567890", "123456789"])
def test_invalid_check_digits_are_not_nhs_numbers(number):
    assert not nhs_number_is_valid(number)


@pytest.mark.parametrize("text", ["Patient 943 476 5919 was seen.", "NHS no. 9434765919.", "ref 943-476-5919"])
def test_nhs_numbers_are_errors(contract, text):
    found = text.split()[-1].rstrip(".") if "ref" in text else ("943 476 5919" if " 5919" in text else "9434765919")
    assert messages(text, contract) == [
        f"{PATH}:{LINE}: patient data: '{found}' looks like an NHS number; remove it (case studies never identify patients)"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "We saw 1,234,567,890 appointments.",  # digits in a bigger number
        "The practice list grew from 9434765918 to more.",  # invalid check digit
        "Reference 12052016091500 in the archive.",  # 14 digits
        "See https://example.org/case/1-5936476731/summary for more.",  # an id after a hyphen
        "In 2016/17 the CCG funded 237,751 patients' care.",
        "Each network served roughly 30,000 to 50,000 patients from 2009 to 2012.",
        "Users fell from 3.13% to 1.20% of list size; 5,421 checks in 2015 2016.",
        "The grant was £2,600,000 over 2015-2017 for 215,000 residents.",
    ],
)
def test_numbers_that_are_not_nhs_numbers_or_phones(contract, text):
    assert messages(text, contract) == []


@pytest.mark.parametrize(
    "phone",
    [
        "020 7946 0000",
        "07700 900123",
        "+44 20 7946 0000",
        "(020) 7946 0000",
        "0800 123 4567",
        "02079460000",
        "+44 (0)20 7946 0000",
    ],
)
def test_phone_numbers_are_errors(contract, phone):
    assert messages(f"Call us on {phone} today.", contract) == [
        f"{PATH}:{LINE}: contact details: '{phone}' looks like a phone number; remove it and use the contact field"
    ]


def test_email_addresses_in_the_body(contract):
    assert messages("Write to jo.bloggs@nhs.net for details.", contract) == [
        f"{PATH}:{LINE}: contact details: 'jo.bloggs@nhs.net' is an email address; only the contact field may hold one "
        "(allowed domains: none)"
    ]
    # The contact's own address and the programme team's are fine.
    assert messages("Write to alex@example.org for details.", contract) == []
    assert messages(f"Write to {contract.programme_team.email}.", contract) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Her DOB was recorded.", "DOB"),
        ("The D.O.B. field was blank.", "D.O.B."),
        ("He was born on a Tuesday.", "born on"),
        ("Record the date of birth.", "date of birth"),
    ],
)
def test_dates_of_birth_are_warnings(contract, text, found):
    assert messages(text, contract) == [
        f"{PATH}:{LINE}: patient data: warning: '{found}' may introduce a date of birth; make sure no patient can be identified"
    ]


@pytest.mark.parametrize(
    "text, found",
    [
        ("Mrs X, aged 84, was seen.", "Mrs X, aged 84"),
        ("We met Mr Smith (84).", "Mr Smith (84)"),
        ("patient A, 72 lived alone", "patient A, 72"),
    ],
)
def test_patient_like_references_are_warnings(contract, text, found):
    assert messages(text, contract) == [
        f"{PATH}:{LINE}: patient data: warning: '{found}' looks like a reference to a patient; describe people without names or ages"
    ]


def test_warnings_do_not_make_a_case_study_fail(contract):
    record = parse_case_study(
        case_study_text(body=BODY.format(line="Her DOB was noted.")).encode(), PATH, "x", contract
    )
    assert [p.severity for p in record.problems] == ["warning"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", "<script> is not allowed: pages may not run or embed code"),
        ('<iframe src="https://example.org"></iframe>', "<iframe> is not allowed: pages may not run or embed code"),
        ('<object data="x.swf"></object>', "<object> is not allowed: pages may not run or embed code"),
        ('<embed src="x.swf">', "<embed> is not allowed: pages may not run or embed code"),
        (
            '<img src="a.png" alt="A chart" onerror="alert(1)">',
            "the HTML attribute 'onerror=' is not allowed: pages may not run code",
        ),
        ('<a href="#" onclick="steal()">x</a>', "the HTML attribute 'onclick=' is not allowed: pages may not run code"),
        ("[click](javascript:alert(1))", "a 'javascript:' address is not allowed in a link or image"),
        ("![A chart](data:image/png;base64,xyz)", "a 'data:' address is not allowed in a link or image"),
        ('<a href="javascript:alert(1)">x</a>', "a 'javascript:' address is not allowed in a link or image"),
        (
            "[report](http://example.org/report)",
            "'http://example.org/report' is not secure; link with https:// instead of http://",
        ),
        ("<http://example.org>", "'http://example.org' is not secure; link with https:// instead of http://"),
        (
            "![](https://example.org/chart.png)",
            "the image 'https://example.org/chart.png' has no alt text; describe it: ![what it shows](https://example.org/chart.png)",
        ),
        ('<img src="https://example.org/c.png">', 'an <img> has no alt text; add alt="what it shows"'),
    ],
)
def test_markup_links_and_images(contract, text, expected):
    assert messages(text, contract) == [f"{PATH}:{LINE}: body: {expected}"]


@pytest.mark.parametrize(
    "text",
    [
        "[report](https://example.org/report)",
        "![A chart of waiting times](https://example.org/chart.png)",
        '<img src="https://example.org/c.png" alt="A chart">',
        "[the framework](../docs/framework/index.md)",
        "Use `<script>` tags? No.",
    ],
)
def test_safe_markup(contract, text):
    assert messages(text, contract) == []


def test_code_blocks_are_not_markup(contract):
    assert messages("```html\n<script>alert(1)</script>\n```", contract) == []


def test_patient_data_in_front_matter_is_found_too(contract):
    problems = messages("Fine.", contract, summary="Seen at 943 476 5919 clinic.")
    assert problems == [
        f"{PATH}:3: patient data: '943 476 5919' looks like an NHS number; remove it (case studies never identify patients)"
    ]


# --- Control characters and plain text (data/safety.yml) -----------------------

CONTROL = (
    "contains an invisible control character ({}) that cannot be published; delete it (it often comes with pasted text)"
)


def test_a_nul_byte_in_the_front_matter_is_a_clear_error_on_its_field(contract):
    text = case_study_text(title="Triage TITLE").replace("TITLE", "\x00day")  # the byte itself, not YAML's \0
    problems = parse_case_study(text.encode(), PATH, "example", contract)
    assert [str(p) for p in problems.problems] == [f"{PATH}:2: title: {CONTROL.format('U+0000')}"]


@pytest.mark.parametrize(
    ("character", "code"),
    [
        ("\x00", "U+0000"),
        ("\x02", "U+0002"),
        ("\x1b", "U+001B"),
        ("\x85", "U+0085"),
        ("\u202e", "U+202E"),
        ("\u2028", "U+2028"),
    ],
)
def test_control_characters_in_the_body_are_errors_on_their_line(contract, character, code):
    assert messages(f"Text{character}here.", contract) == [f"{PATH}:{LINE}: body: {CONTROL.format(code)}"]


@pytest.mark.parametrize("text", ["Tabs\tare fine.", "Accents: café, naïve, Ó'Brien.", "Dashes – and quotes ‘’ “”."])
def test_ordinary_characters_are_not_control_characters(contract, text):
    assert messages(text, contract) == []


def test_an_escaped_control_character_in_a_plain_text_field_is_an_error(contract):
    problems = parse_case_study(case_study_text(organisation="Example\x07 Centre").encode(), PATH, "example", contract)
    assert [str(p) for p in problems.problems] == [f"{PATH}:4: organisation: {CONTROL.format('U+0007')}"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "Triage <em>today</em>"),
        ("title", "Triage &amp; more"),
        ("title", "[Triage](https://example.org)"),
        ("summary", "Every request is **triaged**."),
        ("organisation", "Example &#38; Partners"),
    ],
)
def test_plain_text_fields_refuse_markup_and_character_references(contract, field, value):
    line = {"title": 2, "summary": 3, "organisation": 4}[field]
    problems = parse_case_study(case_study_text(**{field: value}).encode(), PATH, "example", contract)
    assert [str(p) for p in problems.problems] == [
        f"{PATH}:{line}: {field}: must be plain text, without HTML or Markdown formatting"
    ]


@pytest.mark.parametrize("value", ["Triage & call-backs: 5 < 7", "Dr Smith's 'new front door'", "A_b and a*b"])
def test_plain_text_may_hold_ampersands_and_symbols(contract, value):
    assert parse_case_study(case_study_text(title=value).encode(), PATH, "example", contract).problems == ()


def test_contact_details_in_a_plain_text_field_keep_their_own_rule(contract):
    problems = parse_case_study(case_study_text(title="Call 020 7946 0000").encode(), PATH, "example", contract)
    assert [str(p) for p in problems.problems] == [
        f"{PATH}:2: contact details: '020 7946 0000' looks like a phone number; remove it and use the contact field"
    ]
