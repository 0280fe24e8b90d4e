"""The programme team's address is a placeholder for now: every page that shows it says so."""

from __future__ import annotations

from hub.content.records import Contact
from hub.pages.entries import render_case_study, render_contact_block
from support import record

NOTE = "This is a placeholder address: the programme has not yet set its own, so messages to it are not delivered."


def test_a_case_study_page_says_its_contact_is_a_placeholder(contract):
    page = render_case_study(record("triage", contact=contract.programme_team), contract.taxonomy)
    glance = page.split('<aside class="hub-glance"', 1)[1].split("</aside>", 1)[0]
    assert f'<a href="mailto:primary-care-hub@example.org">primary-care-hub@example.org</a> <span class="hub-note ' \
           f'hub-placeholder-note">{NOTE}</span>' in glance


def test_a_real_address_is_shown_as_it_is(contract):
    person = Contact("Alex Example", "Practice manager", "alex.example@nhs.net")
    page = render_case_study(record("triage", contact=person), contract.taxonomy)
    assert "alex.example@nhs.net" in page and NOTE not in page


def test_the_contact_block_says_so_in_the_same_words(contract):
    assert f'<p class="hub-note hub-placeholder-note">{NOTE}</p>' in render_contact_block(contract.programme_team)
