"""Grouping, rendering and page planning on in-memory records."""

from __future__ import annotations

import posixpath
from datetime import date, timedelta

import pytest

from hub.content.collection import collect
from hub.content.records import CaseStudy, Contact, Outcome
from hub.index.groups import group_case_studies, paginate
from hub.pages.cards import render_card
from hub.pages.entries import render_case_study
from hub.pages.html import md_escape
from hub.pages.listings import Listing, list_filters, plan_listing, plan_pages
from hub.pages.markers import MarkerContext, fill_markers
from hub.text import format_number, with_unit
from hub.urls import page_url as url_of
from hub.urls import relative as relative_url
from support import record as make_record


def record(stem: str, published: date, areas=("camden",), themes=("proactive-care",), **kw) -> CaseStudy:
    return make_record(
        stem,
        title=kw.pop("title", stem.replace("-", " ").title()),
        summary="A summary.",
        organisation="Org",
        areas=tuple(areas),
        themes=tuple(themes),
        published=published,
        review_due=date(2030, 1, 1),
        status="running",
        evidence="measured",
        contact=Contact("Alex", "Lead", "alex@example.org"),
        readable=True,
        **kw,
    )


@pytest.mark.parametrize(
    ("start", "target", "expected"),
    [
        ("themes/proactive-care/", "case-studies/x/", "../../case-studies/x/"),
        ("", "themes/", "themes/"),
        ("case-studies/", "case-studies/x/", "x/"),
        ("case-studies/x/", "", "../../"),
        ("themes/", "themes/", "./"),
        ("case-studies/page/2/", "case-studies/", "../../"),
    ],
)
def test_relative_url(start, target, expected):
    assert relative_url(start, target) == expected


ADDRESSES = [
    "",
    "themes/",
    "themes/proactive-care/",
    "themes/proactive-care/page/3/",
    "case-studies/",
    "case-studies/x/",
    "case-studies/page/2/",
    "case-studies/x/#tried-y",
    "feeds/case-studies.xml",
    "assets/submit.js",
    "boroughs/tower-hamlets/",
    "news/2026/01/launch/",
]


@pytest.mark.parametrize("start", ADDRESSES)
def test_relative_url_is_posixpath_relpath_between_site_addresses(start):
    def by_relpath(from_url: str, to_url: str) -> str:  # what relative() computed before it skipped abspath
        rel = posixpath.relpath(to_url.rstrip("/") or ".", from_url.rstrip("/") or ".")
        return "./" if rel == "." else rel + ("/" if to_url.endswith("/") or to_url == "" else "")

    for target in ADDRESSES:
        assert relative_url(start, target) == by_relpath(start, target), (start, target)


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (35, "%", "35%"),
        (35.0, "%", "35%"),
        (1234, "patients", "1,234 patients"),
        (2.5, "days", "2.5 days"),
        (50000, "£", "£50,000"),
    ],
)
def test_numbers_with_units(value, unit, expected):
    assert with_unit(value, unit) == expected


def test_format_number_trims_trailing_zeros():
    assert format_number(0.125) == "0.125"


def test_titles_cannot_inject_markup(contract):
    evil = "<img src=x onerror=alert(1)> *bold* [link](javascript:alert(1))"
    item = record("evil", date(2025, 1, 1), title=evil)
    card = render_card(item, "case-studies/", contract.taxonomy)
    assert "<img" not in card and "&lt;img src=x onerror=alert(1)&gt;" in card
    page = render_case_study(item, contract.taxonomy)
    heading = page.splitlines()[0]
    assert heading == "# " + md_escape(evil)
    assert "<img" not in heading and "\\*bold\\*" in heading and "\\[link\\]" in heading


def test_case_study_page_has_the_glance_panel(contract):
    item = record(
        "triage",
        date(2025, 3, 5),
        areas=("hackney", "city-of-london"),
        example=True,
        outcomes=(Outcome("Calls to reception", "a day", 400, 220, "2024 to 2025", "https://example.org/r"),),
        updated=date(2025, 6, 1),
    )
    page = render_case_study(item, contract.taxonomy)
    assert '<div class="hub-example" role="note">' in page
    assert (
        '<a href="../../boroughs/hackney/">Hackney</a>, <a href="../../boroughs/city-of-london/">City of London</a>'
        in page
    )
    assert (
        '<dt>Integrated care system</dt><dd><a href="../../ics/north-east-london/">North East London</a></dd>' in page
    )
    assert '<dt>Theme</dt><dd><a href="../../themes/proactive-care/">Proactive care</a></dd>' in page
    assert "<td>400 a day</td><td>220 a day</td><td>2024 to 2025</td>" in page
    assert '<time datetime="2025-06-01">1 June 2025</time>' in page
    assert '<a href="mailto:alex@example.org">alex@example.org</a>' in page


def test_groups_are_newest_first_and_derive_the_ics(contract):
    older = record("older", date(2024, 1, 1), areas=("camden",))
    newer = record("newer", date(2025, 1, 1), areas=("camden", "hackney"))
    pan = record("pan", date(2023, 1, 1), areas=("london-wide",))
    indexes = group_case_studies([older, pan, newer], contract.taxonomy)
    assert indexes.areas["camden"] == (newer, older)
    assert indexes.ics["north-central-london"] == (newer, older)
    assert indexes.ics["north-east-london"] == (newer,)
    assert indexes.areas["london-wide"] == (pan,)
    assert all(pan not in group for group in indexes.ics.values())
    assert indexes.themes["proactive-care"] == (newer, older, pan)
    assert indexes.themes["workforce"] == ()


def test_every_term_has_a_page_and_empty_ones_say_so(contract):
    collection = collect([record("one", date(2025, 1, 1))])
    indexes = group_case_studies(collection.case_studies, contract.taxonomy)
    pages = {p.src_uri: p.markdown for p in plan_pages(collection, indexes, contract.taxonomy)}
    for theme in contract.taxonomy.themes:
        assert f"themes/{theme.id}.md" in pages
    for area in contract.taxonomy.areas:
        assert f"boroughs/{area.id}.md" in pages
    for ics in contract.taxonomy.ics:
        assert f"ics/{ics.id}.md" in pages
    assert {"case-studies/index.md", "themes/index.md", "boroughs/index.md", "ics/index.md"} <= set(pages)
    barnet = pages["boroughs/barnet.md"]
    assert "There are no case studies from Barnet yet." in barnet
    assert '<a href="../../contribute/">Share what has worked for you</a>' in barnet
    assert '<h2 class="hub-count" id="case-study-list">0 case studies</h2>' in barnet
    assert '<h2 class="hub-count" id="case-study-list">1 case study</h2>' in pages["boroughs/camden.md"]


def test_long_lists_are_paginated(contract):
    records = [record(f"cs-{n:03}", date(2020, 1, 1) + timedelta(days=n)) for n in range(120)]
    records.sort(key=lambda r: r.sort_key)  # as the collection and the indexes give them
    listing = Listing("case-studies/index.md", "Case studies", "All", "all_intro", (list_filters(contract.taxonomy),))
    pages = plan_listing(listing, records, contract.taxonomy, per_page=50)
    assert [p.src_uri for p in pages] == ["case-studies/index.md", "case-studies/page/2.md", "case-studies/page/3.md"]
    assert [p.url for p in pages] == ["case-studies/", "case-studies/page/2/", "case-studies/page/3/"]
    first, second, third = (p.markdown for p in pages)
    assert first.count('<li class="hub-card">') == 50 and third.count('<li class="hub-card">') == 20
    assert "cs-119" in first and "cs-000" in third  # newest first
    assert '<a href="page/2/" rel="next">Next page</a>' in first
    assert '<a href="../../" rel="prev">Previous page</a>' in second
    assert "<p>Showing 101 to 120 of 120.</p>" in third
    assert "# Case studies: page 2 of 3" in second
    # Listed by when the work started, with the way to see them by publication.
    assert '<a href="../search/?type=Case+study&amp;sort=newest">See them newest on the hub first</a>' in first


def test_paginate_keeps_one_empty_page():
    assert paginate([], 10) == [[]]
    assert paginate(list(range(5)), 2) == [[0, 1], [2, 3], [4]]


@pytest.mark.parametrize(
    ("src", "url"),
    [("index.md", ""), ("themes/index.md", "themes/"), ("themes/x.md", "themes/x/"), ("a/page/2.md", "a/page/2/")],
)
def test_url_of(src, url):
    assert url_of(src) == url


def test_markers(contract):
    items = [record("a", date(2025, 1, 1)), record("b", date(2024, 1, 1), themes=("workforce",))]
    indexes = group_case_studies(items, contract.taxonomy)
    text = "Intro\n\n<!-- hub:latest limit=1 -->\n\n<!-- hub:case-studies theme=workforce -->\n"
    filled, problems = fill_markers(text, "docs/index.md", MarkerContext("", items, indexes, contract))
    assert problems == []
    assert '<a href="case-studies/a/">A</a>' in filled
    assert '<a href="case-studies/">See all 2 case studies</a>' in filled
    assert '<a href="case-studies/b/">B</a>' in filled
    assert "<!--" not in filled


@pytest.mark.parametrize(
    ("marker", "expected"),
    [
        (
            "<!-- hub:latests -->",
            "docs/x.md:3: marker: 'hub:latests' is not a hub marker (allowed: case-studies, latest, resources, programme-contact, fields, sections, vocabulary, submit-form, news, search-page, map)",
        ),
        ("<!-- hub:case-studies theme=proactive -->", "docs/x.md:3: marker: 'proactive' is not a known theme"),
        (
            "<!-- hub:case-studies colour=red -->",
            "docs/x.md:3: marker: 'colour' is not an option of hub:case-studies (allowed: theme, area, ics, setting, limit)",
        ),
        ("<!-- hub:latest limit=none -->", "docs/x.md:3: marker: limit must be a whole number from 1, not 'none'"),
    ],
)
def test_bad_markers_are_reported(contract, marker, expected):
    text = f"# Page\n\n{marker}\n"
    filled, problems = fill_markers(
        text, "docs/x.md", MarkerContext("x/", [], group_case_studies([], contract.taxonomy), contract)
    )
    assert [str(p) for p in problems] == [expected]


@pytest.mark.parametrize(
    ("url", "label"),
    [
        (
            "https://www.mertonccg.nhs.uk/News/Pages/East-Merton%E2%80%99s-pilot.aspx",
            "mertonccg.nhs.uk: East-Merton\u2019s-pilot.aspx",
        ),
        ("https://healthydialogues.co.uk/?p=214", "healthydialogues.co.uk (p=214)"),
        ("https://pmc.ncbi.nlm.nih.gov/articles/PMC4001145/", "pmc.ncbi.nlm.nih.gov: PMC4001145"),
        ("https://example.org", "example.org"),
    ],
)
def test_source_labels(url, label):
    from hub.urls import source_label

    assert source_label(url) == label
