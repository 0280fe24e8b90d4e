"""Every validation rule, with valid and invalid inputs and the exact messages."""

from __future__ import annotations

import pytest

from hub.content.casestudy import parse_case_study
from support import VALID_BODY, case_study_text

PATH = "case_studies/example.md"


def messages(text: str | bytes, contract, stem: str = "example") -> list[str]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return [str(p) for p in parse_case_study(raw, PATH, stem, contract).problems]


def test_the_valid_case_study_has_no_problems(contract):
    assert messages(case_study_text(), contract) == []


# --- Reading the file ------------------------------------------------------


def test_empty_file(contract):
    assert messages("", contract) == [
        f"{PATH}:1: file: is empty; a case study starts with front matter between '---' lines"
    ]
    assert messages("  \n\n", contract) == messages("", contract)


def test_not_utf8(contract):
    raw = case_study_text().replace("Example Medical Centre", "Caf\u00e9 Centre").encode("latin-1")
    assert messages(raw, contract) == [
        f"{PATH}:4: file: is not UTF-8 text (byte 0xe9 cannot be read); save it with UTF-8 encoding"
    ]


def test_bom_and_crlf_are_fine(contract):
    text = "\ufeff" + case_study_text().replace("\n", "\r\n")
    assert messages(text, contract) == []


def test_no_front_matter(contract):
    assert messages("# A title\n\nSome text.\n", contract) == [
        f"{PATH}:1: front matter: is missing; the file must start with a line '---', then the fields, then a line '---'"
    ]


def test_unclosed_front_matter(contract):
    assert messages("---\ntitle: x\n\n## What we did\n", contract) == [
        f"{PATH}:1: front matter: is not closed; add a line '---' after the last field"
    ]


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("title: [unclosed\n", "is not valid YAML: expected ',' or ']', but got '<stream end>'"),
        ("title: a\n  bad: indent\n", "is not valid YAML: mapping values are not allowed here"),
        ("title: 'quote\n", "is not valid YAML: found unexpected end of stream"),
    ],
)
def test_malformed_yaml(contract, yaml_text, expected):
    (message,) = messages(f"---\n{yaml_text}---\n\n{VALID_BODY}", contract)
    assert message.startswith(f"{PATH}:")
    assert message.split(": ", 1)[1] == f"front matter: {expected}"


def test_malformed_yaml_names_the_line(contract):
    text = "---\ntitle: ok\nsummary: fine\nboroughs: [Camden\n---\n"
    (message,) = messages(text, contract)
    assert message.startswith(f"{PATH}:4: front matter: is not valid YAML")


@pytest.mark.parametrize(
    ("yaml_text", "found"),
    [("- a\n- b\n", "a list"), ("just text\n", "a single value")],
)
def test_front_matter_not_a_mapping(contract, yaml_text, found):
    assert messages(f"---\n{yaml_text}---\n", contract) == [
        f"{PATH}:2: front matter: must be 'key: value' lines, found {found}"
    ]


def test_empty_front_matter(contract):
    assert messages("---\n---\n", contract) == [
        f"{PATH}:2: front matter: is empty; add the required fields between the '---' lines"
    ]


# --- Keys ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("borough", "borough: is not a known field (did you mean 'boroughs'?)"),
        ("theme", "theme: is not a known field (did you mean 'themes'?)"),
        ("reviewdue", "reviewdue: is not a known field (did you mean 'review_due'?)"),
        (
            "colour",
            "colour: is not a known field (allowed: title, summary, organisation, boroughs, themes, settings, started, "
            "ended, published, updated, review_due, status, status_checked, account, evidence, contact, outcomes, "
            "sources, notes, former_bodies, example)",
        ),
    ],
)
def test_unknown_keys(contract, key, expected):
    problems = messages(case_study_text(**{key: "x"}), contract)
    assert problems == [f"{PATH}:15: {expected}"]


@pytest.mark.parametrize(
    "key",
    [
        "title",
        "summary",
        "organisation",
        "boroughs",
        "themes",
        "published",
        "review_due",
        "status",
        "evidence",
        "contact",
    ],
)
def test_every_required_field(contract, key):
    problems = messages(case_study_text(**{key: None}), contract)
    assert problems == [f"{PATH}:1: {key}: is required but missing"]


def test_duplicate_key(contract):
    text = case_study_text().replace("status: running\n", "status: running\nstatus: scaled\n")
    assert messages(text, contract) == [f"{PATH}:10: status: appears twice; keep one"]


# --- Types -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"title": 2025}, 'title: must be text, not a number; put the value in quotes: "2025"'),
        ({"title": True}, 'title: must be text, not true/false; put the value in quotes: "True"'),
        ({"boroughs": "Camden"}, "boroughs: must be a list, not text (write: boroughs: [Camden])"),
        ({"themes": {"a": 1}}, "themes: must be a list, not a set of fields"),
        ({"example": "yes please"}, "example: must be true or false, not text"),
        ({"contact": ["x"]}, "contact: must be 'programme-team' or a set of 'key: value' fields, not a list"),
        ({"contact": "the team"}, "contact: 'the team' is not allowed here (write: programme-team)"),
        ({"summary": ""}, "summary: is empty"),
        ({"organisation": None, "title": "  "}, None),
    ],
)
def test_wrong_types(contract, changes, expected):
    problems = messages(case_study_text(**changes), contract)
    if expected is None:
        assert f"{PATH}:2: title: is empty" in problems
        return
    assert len(problems) == 1
    assert problems[0].split(": ", 1)[1] == expected


def test_outcome_numbers_must_be_numbers(contract):
    outcome = {"measure": "Calls", "unit": "%", "baseline": "35%", "result": 20, "period": "2024"}
    problems = messages(case_study_text(outcomes=[outcome]), contract)
    assert problems == [
        f"{PATH}:16: outcomes[1].baseline: must be a number, not text ('35%'); "
        "write the number alone and put the unit in 'unit'"
    ]


def test_outcome_required_fields(contract):
    problems = messages(
        case_study_text(outcomes=[{"measure": "Calls", "unit": "%", "baseline": 1, "result": 2}]), contract
    )
    assert problems == [f"{PATH}:16: outcomes[1].period: is required but missing"]


def test_contact_fields(contract):
    contact = {"name": "Alex", "role": "Manager", "email": "not-an-address", "phone": "1"}
    assert messages(case_study_text(contact=contact), contract) == [
        f"{PATH}:11: contact.email: 'not-an-address' is not an email address",
        f"{PATH}:11: contact.phone: is not a known field (allowed: name, role, email)",
    ]


def test_contact_shorthand_is_the_programme_team(contract):
    record = parse_case_study(case_study_text(contact="programme-team").encode(), PATH, "example", contract)
    assert record.problems == ()
    assert record.contact == contract.programme_team


# --- Dates -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-02-30", "'2025-02-30' is not a real date"),
        ("2025-13-01", "'2025-13-01' is not a real date"),
        ("5 March 2025", "'5 March 2025' is not a date in the form YYYY-MM-DD, e.g. 2025-03-31"),
        ("2025-3-5", "'2025-3-5' is not a date in the form YYYY-MM-DD, e.g. 2025-03-31"),
    ],
)
def test_impossible_or_badly_written_dates(contract, value, expected):
    problems = messages(case_study_text(published=value), contract)
    assert problems == [f"{PATH}:7: published: {expected}"]


def test_unquoted_impossible_date_is_a_message_not_a_traceback(contract):
    text = case_study_text().replace("published: '2025-03-05'", "published: 2025-02-30")
    assert messages(text, contract) == [f"{PATH}:7: published: '2025-02-30' is not a real date"]


@pytest.mark.parametrize("review_due", ["2025-03-04", "2025-03-05"])
def test_review_due_must_be_after_published(contract, review_due):
    assert messages(case_study_text(review_due=review_due), contract) == [
        f"{PATH}:8: review_due: {review_due} must be after published (2025-03-05)"
    ]


def test_updated_not_before_published(contract):
    assert messages(case_study_text(updated="2025-01-01"), contract) == [
        f"{PATH}:15: updated: 2025-01-01 must be on or after published (2025-03-05)"
    ]
    assert messages(case_study_text(updated="2025-03-05"), contract) == []


# --- Vocabularies ----------------------------------------------------------


@pytest.mark.parametrize(
    "boroughs",
    [
        ["Tower Hamlets"],
        ["tower-hamlets"],
        ["TOWER HAMLETS"],
        ["London-wide"],
        ["london-wide"],
        ["Barking & Dagenham"],
        ["City of London", "Hackney"],
    ],
)
def test_valid_areas(contract, boroughs):
    assert messages(case_study_text(boroughs=boroughs), contract) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"boroughs": ["Hackny"]}, "5: boroughs[1]: 'Hackny' is not a known London area (did you mean 'Hackney'?)"),
        (
            {"boroughs": ["Camden", "Westminister"]},
            "5: boroughs[2]: 'Westminister' is not a known London area (did you mean 'Westminster'?)",
        ),
        ({"themes": ["Proactive"]}, "6: themes[1]: 'Proactive' is not a known theme (did you mean 'Proactive care'?)"),
        (
            {"status": "live"},
            "9: status: 'live' is not a known status (allowed: Piloting, Running, Scaled, Stopped, Not known)",
        ),
        (
            {"evidence": "evaluated"},
            "10: evidence: 'evaluated' is not a known evidence level (did you mean 'independently-evaluated'?)",
        ),
        (
            {"settings": ["GP surgery"]},
            "15: settings[1]: 'GP surgery' is not a known setting (allowed: General practice, Primary care network, GP federation or at-scale provider, Community pharmacy, Community services, Care homes, Voluntary and community sector, Local authority, Commissioner, Hospital and primary care interface)",
        ),
        ({"boroughs": []}, "5: boroughs: must list at least 1 London area"),
        ({"themes": ["proactive-care", "Proactive care"]}, "6: themes[2]: 'Proactive care' is listed twice"),
    ],
)
def test_unknown_vocabulary(contract, changes, expected):
    text = case_study_text(**changes)
    if "boroughs" in changes and changes["boroughs"] and len(changes["boroughs"]) > 1:
        text = text.replace("boroughs:\n- Camden\n- Westminister", "boroughs: [Camden, Westminister]")
    assert messages(text, contract) == [f"{PATH}:{expected}"]


# --- Text ------------------------------------------------------------------


def test_summary_length(contract):
    assert messages(case_study_text(summary="x" * 300), contract) == []
    assert messages(case_study_text(summary="x" * 301), contract) == [
        f"{PATH}:3: summary: is 301 characters long; at most 300 are allowed"
    ]


@pytest.mark.parametrize(
    "summary", ["See <b>this</b>", "A [link](https://example.org)", "**bold** claim", "use `code`"]
)
def test_summary_is_plain_text(contract, summary):
    assert messages(case_study_text(summary=summary), contract) == [
        f"{PATH}:3: summary: must be plain text, without HTML or Markdown formatting"
    ]


@pytest.mark.parametrize("source", ["ftp://example.org/x", "www.example.org", "https://", "https://exa mple.org"])
def test_sources_are_web_addresses(contract, source):
    assert messages(case_study_text(sources=[source]), contract) == [
        f"{PATH}:15: sources[1]: '{source}' is not a web address starting with https://"
    ]


# --- File name -------------------------------------------------------------


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        (
            "My Study",
            "'My Study' cannot be a web address; rename the file to 'my-study.md' (lower-case letters, digits and hyphens)",
        ),
        (
            "camden_frailty",
            "'camden_frailty' cannot be a web address; rename the file to 'camden-frailty.md' (lower-case letters, digits and hyphens)",
        ),
        ("index", "'index' is reserved for the list pages; choose another name"),
    ],
)
def test_file_names(contract, stem, expected):
    assert messages(case_study_text(), contract, stem=stem) == [f"{PATH}:1: file name: {expected}"]
