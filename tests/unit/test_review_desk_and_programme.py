"""The review desk's selection and the programme page's figures, on in-memory records."""

from __future__ import annotations

from datetime import date

from hub.content.records import Adoption
from hub.index.groups import group_case_studies
from hub.index.programme import empty_areas, published_per_quarter, quarters_between
from hub.index.reviews import reason_labels, select_reviews, with_reason
from hub.pages.programme import render_chart, render_programme_page
from hub.pages.reviews import render_reviews_csv, render_reviews_page
from support import record

TODAY = date(2026, 12, 1)


def note(stem: str, **fields) -> Adoption:
    return Adoption(
        stem=stem,
        path=f"case_studies/adoptions/{stem}.md",
        case_study="a",
        organisation="Org",
        areas=("lewisham",),
        readable=True,
        **fields,
    )


ITEMS = [
    record("a", title="Overdue", review_due=date(2026, 11, 1)),
    record("b", title="Soon", review_due=date(2027, 2, 1)),
    record(
        "c",
        title="Later but unconfirmed",
        review_due=date(2027, 6, 1),
        status_checked=date(2024, 1, 1),
        status_stale=True,
    ),
    record("d", title="Fine", review_due=date(2027, 6, 1)),
]


def test_the_review_desk_selects_by_reason_and_date():
    notes = [note("n", review_due=date(2026, 10, 1))]
    items = select_reviews(ITEMS, notes, TODAY)
    assert [(i.path, i.reasons) for i in items] == [
        ("case_studies/adoptions/n.md", ("overdue",)),
        ("case_studies/a.md", ("overdue",)),
        ("case_studies/b.md", ("due",)),
        ("case_studies/c.md", ("unconfirmed",)),
    ]
    assert items[0].kind == "adoption note" and items[0].title == "Org tried: Overdue"
    assert [i.path for i in with_reason(items, "overdue")] == ["case_studies/adoptions/n.md", "case_studies/a.md"]
    assert items[1].days_to_review(TODAY) == -30


def test_the_review_page_and_csv_give_contacts_dates_and_edit_links():
    items = select_reviews(ITEMS, [], TODAY)
    edit = "https://github.com/example/hub/edit/main/{}".format
    page = render_reviews_page(items, TODAY, edit, 18)
    assert '<h2 id="overdue">Overdue for review (1)</h2>' in page
    assert '<h2 id="unconfirmed">Status not confirmed for 18 months (1)</h2>' in page
    assert '<a href="https://github.com/example/hub/edit/main/case_studies/a.md">Edit' in page
    assert '<a href="../case-studies/a/">Overdue</a>' in page
    csv = render_reviews_csv(items, TODAY, "https://hub.example.org/", edit, 18).splitlines()
    assert csv[1].startswith(
        "case study,case_studies/a.md,Overdue,https://hub.example.org/case-studies/a/,"
        "Overdue for review,2026-11-01,-30,"
    )
    assert reason_labels(12)["unconfirmed"] == "Status not confirmed for 12 months"


def test_quarters_run_without_gaps():
    assert quarters_between((2025, 3), (2026, 2)) == [(2025, 3), (2025, 4), (2026, 1), (2026, 2)]
    series = published_per_quarter(
        [record("a", published=date(2025, 8, 1)), record("b", published=date(2026, 4, 1))],
        [note("n", published=date(2026, 5, 1))],
    )
    assert series.rows == (("2025 Q3", (1, 0)), ("2025 Q4", (0, 0)), ("2026 Q1", (0, 0)), ("2026 Q2", (1, 1)))


def test_a_chart_is_an_image_with_its_figures_in_words_and_in_a_table():
    series = published_per_quarter([record("a", published=date(2026, 4, 1))], [])
    html = str(render_chart("c", series))
    assert '<svg class="hub-chart__svg" viewBox="0 0 640 52" role="img" aria-labelledby="c-title c-desc"' in html
    assert '<desc id="c-desc">2026 Q2: case studies 1, adoption notes 0. The same figures' in html
    assert '<tr><th scope="row">2026 Q2</th><td>1</td><td>0</td></tr>' in html
    assert html.count("<rect ") == 2


def test_the_programme_page_names_areas_with_nothing_yet(contract):
    studies = [record("a", areas=("hackney",), themes=("digital",), published=TODAY)]
    indexes = group_case_studies(studies, contract.taxonomy)
    assert "Hackney" not in empty_areas(indexes, contract.taxonomy) and "Barnet" in empty_areas(
        indexes, contract.taxonomy
    )
    page = render_programme_page(studies, [], indexes, contract.taxonomy, TODAY)
    assert "33 areas of London have no case study or adoption note yet" in page
    assert page.count('role="img"') == 5
