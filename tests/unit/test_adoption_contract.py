"""The adoption-note contract: shared fields checked as for case studies, its own sections and target."""

from __future__ import annotations

from datetime import date

from hub.content.adoption import parse_adoption
from hub.content.collection import collect
from hub.index.groups import group_case_studies
from support import FIXTURES, record

PATH = "case_studies/adoptions/lewisham-triage.md"
NOTE = (FIXTURES / "adoption.md").read_text(encoding="utf-8")
TODAY = date(2026, 12, 1)


def messages(text: str, contract) -> list[str]:
    return [str(p) for p in parse_adoption(text.encode(), PATH, "lewisham-triage", contract, TODAY).problems]


def test_the_fixture_note_is_valid_and_read(contract):
    note = parse_adoption(NOTE.encode(), PATH, "lewisham-triage", contract, TODAY)
    assert note.problems == ()
    assert (note.case_study, note.areas, note.ics, note.status, note.when()) == (
        "hackney-triage",
        ("lewisham",),
        ("south-east-london",),
        "running",
        "Since 2025",
    )
    assert note.url == "case-studies/hackney-triage/#tried-lewisham-triage"
    assert note.outcomes[0].result == 90


def test_shared_fields_get_the_case_study_messages(contract):
    text = NOTE.replace("boroughs: [Lewisham]", "boroughs: [Lewisam]").replace("status: running", "status: stopped")
    assert messages(text, contract) == [
        f"{PATH}:4: boroughs[1]: 'Lewisam' is not a known London area (did you mean 'Lewisham'?)",
        f"{PATH}:6: status: is stopped, so 'ended' is required: when did the work stop? (e.g. 2019 or 2019-03)",
    ]


def test_its_own_fields_and_sections(contract):
    text = NOTE.replace("case_study: hackney-triage\n", "").replace("## What happened", "## Results")
    assert messages(text, contract) == [
        f"{PATH}:1: case_study: is required but missing",
        f"{PATH}:16: body: the required section '## What happened' is missing",
        f"{PATH}:21: body: '## Results' is not an adoption-note section (allowed: What we changed, What was changed, "
        "What happened); use ### for a sub-heading",
    ]


def test_a_compiled_note_uses_the_compiled_heading(contract):
    text = NOTE.replace("account: team", "account: compiled")
    assert messages(text, contract) == [
        f"{PATH}:18: body: '## What we changed' speaks as the organisation, but this account is compiled by the hub "
        "(account: compiled): use '## What was changed'"
    ]


def test_a_note_must_name_a_case_study_the_hub_has(contract):
    note = parse_adoption(NOTE.replace("hackney-triage", "hackney-triag").encode(), PATH, "lewisham-triage", contract)
    collection = collect([record("hackney-triage")], adoptions=[note])
    assert [str(p) for p in collection.problems] == [
        f"{PATH}:2: case_study: 'hackney-triag' is not a case study on the hub (did you mean 'hackney-triage'?)"
    ]


def test_notes_are_linked_to_their_case_study_and_grouped_by_place(contract):
    note = parse_adoption(NOTE.encode(), PATH, "lewisham-triage", contract, TODAY)
    collection = collect([record("hackney-triage", areas=("hackney",))], adoptions=[note])
    assert collection.by_stem()["hackney-triage"].adopted_by == ("lewisham-triage",)
    indexes = group_case_studies(collection.case_studies, contract.taxonomy, adoptions=collection.adoptions)
    assert indexes.adoptions["hackney-triage"] == (note,)
    assert indexes.adoptions_by_area["lewisham"] == (note,) and indexes.adoptions_by_area["hackney"] == ()
    assert indexes.adoptions_by_ics["south-east-london"] == (note,)
