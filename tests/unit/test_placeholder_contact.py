"""The programme team's address is a placeholder for now: every page that shows it says so."""

from __future__ import annotations

from hub.content.records import Contact
from hub.pages.entries import render_case_study, render_contact_block
from support import record

NOTE = "This is a placeholder address: the programme has not yet set its own, so messages to it are not delivered."


def test_a_case_study_page_says_its_contact_is_a_placeholder(contract):
    page = render_case_study(record("triage", contact=contract.programme_team), contract.taxonomy)
    glance = page.split('<aside class="hub-glance"', 1)[1].split("</aside>", 1)[0]
    assert (
        f'<a href="mailto:primary-care-hub@example.org">primary-care-hub@example.org</a> <span class="hub-note '
        f'hub-placeholder-note">{NOTE}</span>' in glance
    )


def test_a_real_address_is_shown_as_it_is(contract):
    person = Contact("Alex Example", "Practice manager", "alex.example@nhs.net")
    page = render_case_study(record("triage", contact=person), contract.taxonomy)
    assert "alex.example@nhs.net" in page and NOTE not in page


def test_the_contact_block_says_so_in_the_same_words(contract):
    assert f'<p class="hub-note hub-placeholder-note">{NOTE}</p>' in render_contact_block(contract.programme_team)


def test_the_review_desk_says_so_once_when_a_contact_is_the_placeholder(contract):
    from datetime import date

    from hub.index.reviews import select_reviews
    from hub.pages.reviews import render_reviews_page

    today = date(2026, 12, 1)
    overdue = [
        record("a", title="Overdue", review_due=date(2026, 11, 1), contact=contract.programme_team),
        record("b", title="Also overdue", review_due=date(2026, 10, 1), contact=contract.programme_team),
    ]
    assert render_reviews_page(select_reviews(overdue, [], today), today, None, 18).count(NOTE) == 1
    named = [
        record(
            "a",
            title="Overdue",
            review_due=date(2026, 11, 1),
            contact=Contact("Alex Example", "Practice manager", "alex.example@nhs.net"),
        )
    ]
    assert NOTE not in render_reviews_page(select_reviews(named, [], today), today, None, 18)
