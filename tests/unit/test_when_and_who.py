"""When the work happened, whether it still runs, and who says so: the rules and how pages say it."""

from __future__ import annotations

from datetime import date

import pytest

from hub.content.casestudy import parse_case_study
from hub.content.entry import add_months
from hub.content.records import YearMonth
from hub.pages.entries import former_body_note
from support import case_study_text

PATH = "case_studies/example.md"
TODAY = date(2026, 12, 1)
# Lines of the fixture's front matter (tests/fixtures/case-study.md).
STATUS, STARTED, CHECKED, ACCOUNT, ADDED = 9, 12, 13, 14, 15


def parse(contract, body: str | None = None, **changes):
    text = case_study_text(**changes) if body is None else case_study_text(body=body, **changes)
    return parse_case_study(text.encode(), PATH, "example", contract, TODAY)


def messages(contract, body: str | None = None, **changes) -> list[str]:
    return [str(p) for p in parse(contract, body, **changes).problems]


@pytest.mark.parametrize("value", ["2019", 2019, "2019-04", "2026-12", 1997])
def test_valid_starts(contract, value):
    assert messages(contract, started=value) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-13", "started: '2019-13' is not a real month"),
        ("April 2019", "started: 'April 2019' is not a year or a year and month, e.g. 2015 or 2015-04"),
        ("2019-4", "started: '2019-4' is not a year or a year and month, e.g. 2015 or 2015-04"),
        (19, "started: 19 is less than 1948, the smallest allowed"),
        ("2027-01", "started: 2027-01 is in the future; a case study describes work that has begun"),
        (True, "started: must be a whole number or text, not true/false"),
    ],
)
def test_invalid_starts(contract, value, expected):
    assert messages(contract, started=value) == [f"{PATH}:{STARTED}: {expected}"]


def test_started_is_required(contract):
    assert messages(contract, started=None) == [f"{PATH}:1: started: is required but missing"]


def test_stopped_work_needs_an_end(contract):
    assert messages(contract, status="stopped") == [
        f"{PATH}:{STATUS}: status: is stopped, so 'ended' is required: when did the work stop? (e.g. 2019 or 2019-03)"
    ]
    assert messages(contract, status="stopped", ended="2025") == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"status": "stopped", "ended": "2023"}, "ended: 2023 is before started (2024-09)"),
        ({"status": "stopped", "ended": "2024-08"}, "ended: 2024-08 is before started (2024-09)"),
        ({"status": "stopped", "ended": "2027"}, "ended: 2027 is in the future; leave ended out until the work stops"),
        (
            {"ended": "2025"},
            "ended: says the work ended, but status is 'running'; write status: stopped, or remove ended",
        ),
    ],
)
def test_bad_ends(contract, changes, expected):
    assert messages(contract, **changes) == [f"{PATH}:{ADDED}: {expected}"]


def test_an_end_in_the_same_year_as_a_more_precise_start_is_not_before_it(contract):
    assert messages(contract, status="stopped", ended="2024") == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2027-01-01", "status_checked: 2027-01-01 is in the future; write the date the status was confirmed"),
        ("2025-02-30", "status_checked: '2025-02-30' is not a real date"),
    ],
)
def test_status_checked(contract, value, expected):
    assert messages(contract, status_checked=value) == [f"{PATH}:{CHECKED}: {expected}"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("hub", "account: 'hub' is not a known account (allowed: Written by the team, Compiled by the hub)"),
        ("compild", "account: 'compild' is not a known account (did you mean 'compiled'?)"),
    ],
)
def test_account_values(contract, value, expected):
    assert messages(contract, account=value) == [f"{PATH}:{ACCOUNT}: {expected}"]


COMPILED_BODY = """\
## What was done

### How referrals worked

The practice triaged every request.

## Results

Fewer people waited.

## What was learned

Start small.
"""


def test_a_compiled_account_uses_the_compiled_headings(contract):
    assert messages(contract, COMPILED_BODY, account="compiled") == []
    assert messages(contract, account="compiled") == [
        f"{PATH}:17: body: '## What we did' speaks as the organisation, but this account is compiled by the hub "
        "(account: compiled): use '## What was done'",
        f"{PATH}:25: body: '## What we learned' speaks as the organisation, but this account is compiled by the hub "
        "(account: compiled): use '## What was learned'",
    ]


def test_a_team_account_may_use_either_heading(contract):
    assert messages(contract, COMPILED_BODY, account="team") == []
    assert messages(contract, account="team") == []


def test_a_compiled_account_does_not_say_we_in_its_summary_title_or_sub_headings(contract):
    body = COMPILED_BODY.replace("### How referrals worked", "### How we changed referrals")
    assert messages(
        contract, body, account="compiled", summary="We triaged every request.", title="How our practice triaged"
    ) == [
        f"{PATH}:2: title: speaks as the organisation, but this account is compiled by the hub (account: compiled): "
        "write it in the third person",
        f"{PATH}:3: summary: speaks as the organisation, but this account is compiled by the hub (account: compiled): "
        "write it in the third person",
        f"{PATH}:19: body: '### How we changed referrals' speaks as the organisation, but this account is compiled "
        "by the hub (account: compiled)",
    ]
    # "US" in capitals is the country, not "us".
    assert messages(contract, COMPILED_BODY, account="compiled", summary="A model used in the US and the UK.") == []


def test_former_bodies_get_did_you_mean(contract):
    assert messages(contract, former_bodies=["Sutton CCG", "sutton-ccc"]) == [
        f"{PATH}:{ADDED}: former_bodies[2]: 'sutton-ccc' is not a known former organisation (did you mean 'sutton-ccg'?)"
    ]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"ended": "2018", "status": "stopped", "started": "2015"}, "2015 to 2018"),
        ({"ended": "2018-03", "status": "stopped", "started": "2015-04"}, "2015 to 2018"),
        ({"started": "2016", "status_checked": "2026-06-01"}, "Since 2016"),
        ({"started": "2024", "status_checked": "2025-03-14"}, "Started 2024 (status not confirmed since March 2025)"),
        (
            {"started": "2016", "status": "not-known", "status_checked": "2026-12-01"},
            "Started 2016 (not known if it continues)",
        ),
    ],
)
def test_when_the_work_happened_in_words(contract, changes, expected):
    assert parse(contract, **changes).when() == expected


def test_precise_when_keeps_the_months(contract):
    record = parse(contract, started="2015-04", ended="2018-03", status="stopped")
    assert record.when(precise=True) == "April 2015 to March 2018"


def test_a_status_is_confirmed_for_18_months(contract):
    assert not parse(contract, status_checked="2025-06-01").status_stale  # 18 months on: 1 December 2026
    assert parse(contract, status_checked="2025-05-31").status_stale
    assert not parse(contract, status="stopped", ended="2025", status_checked="2020-01-01").status_stale


def test_add_months_keeps_to_the_month():
    assert add_months(date(2024, 8, 31), 18) == date(2026, 2, 28)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)


def test_year_months_sort_and_read():
    assert YearMonth(2015) < YearMonth(2015, 4) < YearMonth(2016)
    assert (str(YearMonth(2015)), str(YearMonth(2015, 4)), YearMonth(2015, 4).iso) == ("2015", "April 2015", "2015-04")


def test_lists_put_the_most_recent_work_first(contract):
    old = parse(contract, started="2012", published="2026-01-01", review_due="2027-01-01")
    new = parse(contract, started="2021-03", published="2024-01-01", review_due="2025-01-01")
    assert sorted([old, new], key=lambda r: r.sort_key) == [new, old]
    assert sorted([old, new], key=lambda r: r.published_key) == [old, new]


def test_the_note_on_a_former_body_follows_the_chain_to_today(contract):
    note = former_body_note("sutton-ccg", contract.taxonomy)
    assert note == (
        "Sutton CCG closed on 31 March 2020. Its work passed to South West London CCG, which closed on "
        "30 June 2022, and then to NHS South West London Integrated Care Board."
    )
    assert former_body_note("healthy-london-partnership", contract.taxonomy) == (
        "Healthy London Partnership no longer exists under that name. Its work passed to Transformation Partners "
        "in Health and Care."
    )
