"""Build small fixture sites and assert on the HTML the hooks produce."""

from __future__ import annotations

import re

import pytest

from sites import build, cs, write_site

pytestmark = pytest.mark.build


CASE_STUDIES = {
    "hackney-triage.md": cs("Hackney triage", "2025-05-01", ["Hackney"], ["accessible-care"]),
    "camden-frailty.md": cs(
        "Camden frailty team", "2024-02-01", ["Camden", "Islington"], ["coordinated-care", "proactive-care"]
    ),
    "pan-london-online.md": cs(
        "Pan-London online services", "2025-09-01", ["London-wide"], ["accessible-care", "digital"], example=True
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("fixture")
    write_site(root, CASE_STUDIES)
    built = build(root)
    assert built.returncode == 0, built.log
    return built


def card_titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="hub-card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_each_case_study_has_its_page_at_its_file_name(site):
    for name in CASE_STUDIES:
        stem = name.removesuffix(".md")
        assert (site.site / "case-studies" / stem / "index.html").is_file()


def test_case_study_page(site):
    html = site.html("case-studies/camden-frailty/")
    assert "<h1" in html and "Camden frailty team</h1>" in html
    assert '<aside class="hub-glance" aria-labelledby="hub-glance-title" data-pagefind-ignore>' in html
    assert '<a href="../../boroughs/camden/">Camden</a>, <a href="../../boroughs/islington/">Islington</a>' in html
    assert '<a href="../../ics/north-central-london/">North Central London</a>' in html
    assert '<a href="../../themes/coordinated-care/">Coordinated care</a>' in html
    assert '<h2 id="what-we-did">What we did</h2>' in html
    assert "<title>Camden frailty team - Fixture hub</title>" in html
    assert (
        '<meta name="description" content="Every request for an appointment is triaged by a GP on the same day.">'
        in html
    )


def test_edit_link_points_at_the_case_study_file(site):
    html = site.html("case-studies/camden-frailty/")
    assert 'href="https://github.com/example/hub/edit/main/case_studies/camden-frailty.md"' in html


def test_generated_pages_have_no_edit_link(site):
    assert "/edit/main/" not in site.html("themes/proactive-care/")


def test_example_banner_only_where_set(site):
    assert "Illustrative example." in site.html("case-studies/pan-london-online/")
    assert "Illustrative example." not in site.html("case-studies/hackney-triage/")


def test_all_case_studies_newest_first(site):
    html = site.html("case-studies/")
    assert card_titles(html) == ["Pan-London online services", "Hackney triage", "Camden frailty team"]
    assert '<h2 class="hub-count" id="case-study-list">3 case studies</h2>' in html


def test_theme_page_lists_its_case_studies_with_count(site):
    html = site.html("themes/accessible-care/")
    assert card_titles(html) == ["Pan-London online services", "Hackney triage"]
    assert "2 case studies</h2>" in html
    assert '<a href="../../case-studies/hackney-triage/">Hackney triage</a>' in html
    assert "Example Medical Centre" in html  # organisation
    assert '<time datetime="2025-05-01">1 May 2025</time>' in html


def test_area_and_ics_pages(site):
    assert card_titles(site.html("boroughs/islington/")) == ["Camden frailty team"]
    assert card_titles(site.html("boroughs/london-wide/")) == ["Pan-London online services"]
    ncl = site.html("ics/north-central-london/")
    assert card_titles(ncl) == ["Camden frailty team"]
    assert '<a href="../../boroughs/barnet/">Barnet</a>' in ncl  # lists all its areas
    assert card_titles(site.html("ics/north-east-london/")) == ["Hackney triage"]


def test_terms_without_case_studies_still_have_pages(site):
    html = site.html("boroughs/barnet/")
    assert "There are no case studies from Barnet yet." in html
    assert '<a href="../../contribute/">Share what has worked for you</a>' in html
    assert "There are no case studies on workforce yet." in site.html("themes/workforce/")


def test_index_pages(site):
    themes = site.html("themes/")
    assert (
        '<a href="accessible-care/">Accessible care</a></span> <span class="hub-term-count">2 case studies</span>'
        in themes
    )
    boroughs = site.html("boroughs/")
    assert '<a href="tower-hamlets/">Tower Hamlets</a> <span class="hub-term-count">0 case studies</span>' in boroughs
    assert '<a href="city-of-london/">City of London</a>' in boroughs
    assert '<a href="north-east-london/">North East London</a>' in site.html("ics/")


def test_home_page_marker_lists_the_newest(site):
    assert card_titles(site.html(""))[:1] == ["Pan-London online services"]


def test_navigation_never_lists_case_studies(site):
    for url in ("", "case-studies/hackney-triage/", "themes/"):
        nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', site.html(url), re.S).group(0)
        assert "hackney-triage" not in nav and "barnet" not in nav


def test_page_html_does_not_grow_with_the_number_of_case_studies(site, tmp_path):
    many = dict(CASE_STUDIES)
    for n in range(60):
        # Each with a summary of its own: sharing the originals' summary word for word would (rightly) relate them.
        summary = f"Extra workforce case study number {n} for this test."
        many[f"extra-{n:02}.md"] = cs(f"Extra case study {n}", "2023-01-01", ["Camden"], ["workforce"], summary=summary)
    write_site(tmp_path, many)
    bigger = build(tmp_path)
    assert bigger.returncode == 0, bigger.log
    # Pages whose own content is the same in both builds: only the nav could make them grow.
    for url in ("case-studies/hackney-triage/", "contribute/", "themes/accessible-care/", "ics/south-west-london/"):
        assert len(bigger.html(url)) == len(site.html(url)), url


@pytest.mark.parametrize(
    "title",
    ["<img src=x onerror=alert(1)>", "</title><script>alert(1)</script>", '" onmouseover="alert(1)'],
)
def test_no_front_matter_value_can_inject_markup(tmp_path, title):
    evil = cs(title, "2025-01-01", ["Camden"], ["workforce"], summary=f'Plain "quoted" text {title[:2]}')
    write_site(tmp_path, {"evil.md": evil})
    built = build(tmp_path, "--no-strict")  # the summary check fails strict builds; rendering must be safe anyway
    assert built.returncode == 0, built.log
    for url in ("case-studies/evil/", "case-studies/", "themes/workforce/", "boroughs/camden/", ""):
        html = built.html(url)
        assert "<img src=x" not in html and "<script>alert" not in html and '" onmouseover=' not in html, url


def active_in_navigation(html: str) -> list[str]:
    primary = html[html.index("md-sidebar--primary") : html.index("md-sidebar--secondary")]
    return [m.strip() for m in re.findall(r"md-nav__item--active[^>]*>\s*(?:<[^>]*>\s*)*([^<\s][^<]*)", primary)]


def test_pages_of_one_folder_in_two_sections_keep_their_own_navigation(site):
    """coverage/ (in Case studies) and reviews/ (in About, which this site's navigation lacks) are in one
    folder: the navigation the hub renders once and reuses is one per folder and section."""
    assert active_in_navigation(site.html("coverage/"))[:1] == ["Case studies"]
    assert active_in_navigation(site.html("reviews/")) == []
