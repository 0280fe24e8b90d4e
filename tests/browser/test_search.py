"""Pagefind search: header box, full search page with facets, state in the URL, no index on page load."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_no_search_index_is_loaded_until_someone_searches(page, base_url):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(base_url + "case-studies/", wait_until="networkidle")
    assert not [u for u in requested if "/pagefind/" in u]
    page.get_by_label("Search the hub").fill("triage")
    expect(page.locator(".hub-search__results li").first).to_be_visible()
    assert [u for u in requested if "/pagefind/" in u]


def test_the_vocabulary_is_fetched_only_for_a_word_no_result_uses_as_typed(page, base_url):
    """A first query whose words the first result uses letter for letter needs no "did you mean": it
    downloads no vocabulary (the bytes of a first search, docs/performance.md). A misspelling does."""
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(base_url + "case-studies/", wait_until="networkidle")
    box = page.get_by_label("Search the hub")
    box.fill("triage")
    expect(page.locator(".hub-search__results li").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if u.endswith("/search/words.json")]
    box.fill("Lewisam")
    expect(page.locator("#hub-search-panel").get_by_role("link", name="Lewisham")).to_be_visible()
    assert [u for u in requested if u.endswith("/search/words.json")]


def test_header_search_shows_titles_types_and_highlighted_excerpts(page, base_url):
    page.goto(base_url)
    page.get_by_label("Search the hub").fill("red bag")
    panel = page.locator("#hub-search-panel")
    expect(panel.get_by_role("status")).to_contain_text("for \u201cred bag\u201d")
    first = panel.locator(".hub-hit").first
    expect(first.get_by_role("link")).to_have_text("Sutton's Red Bag hospital transfer pathway for care home residents")
    expect(first.locator(".hub-hit__type")).to_have_text("Case study")
    expect(first.locator("mark").first).to_be_visible()


def test_header_search_works_by_keyboard(page, base_url):
    page.goto(base_url)
    box = page.get_by_label("Search the hub")
    box.fill("social prescribing")
    expect(page.locator(".hub-hit").first).to_be_visible()
    box.press("ArrowDown")
    expect(page.locator(".hub-hit a").first).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.locator(".hub-hit a").nth(1)).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#hub-search-panel")).to_be_hidden()
    expect(box).to_be_focused()
    box.press("Enter")  # submitting opens the full search page with the query
    expect(page).to_have_url(base_url + "search/?q=social+prescribing")


def test_header_search_says_when_nothing_matches(page, base_url):
    page.goto(base_url)
    page.get_by_label("Search the hub").fill("zzqxqz")
    expect(page.locator("#hub-search-panel").get_by_role("status")).to_contain_text("No results for")


def test_search_page_facets_combine_and_live_in_the_url(page, base_url, hub):
    page.goto(base_url + "search/")
    count = page.locator("#hub-count")
    expect(count).to_contain_text("results")
    total = len(hub.collection.case_studies)
    page.get_by_role("button", name="Filters").click()  # the facets wait behind one control (issue 14)
    facet = page.locator('[data-facet="type"]')
    expect(facet.get_by_label("Case study")).to_be_visible()
    expect(facet.locator(".hub-choice", has_text="Case study").locator(".hub-facet__count")).to_have_text(f"({total})")
    facet.get_by_label("Case study").check()
    expect(count).to_have_text(f"{total} results with these filters")
    page.locator('[data-facet="ics"]').get_by_label("South East London").check()
    sel = len(hub.indexes.ics["south-east-london"])
    expect(count).to_have_text(f"{sel} results with these filters" if sel != 1 else "1 result with these filters")
    query = parse_qs(urlparse(page.url).query)
    assert query == {"type": ["Case study"], "ics": ["South East London"]}
    # Within one facet values widen the results: add North Central London.
    page.locator('[data-facet="ics"]').get_by_label("North Central London").check()
    both = sel + len(hub.indexes.ics["north-central-london"])
    expect(count).to_have_text(f"{both} results with these filters")


def test_a_shared_search_url_restores_the_view(page, base_url, hub):
    theme = hub.taxonomy.themes["coordinated-care"]
    page.goto(base_url + f"search/?type=Case+study&theme={theme.name.replace(' ', '+')}&sort=newest")
    expect(page.locator('[data-facet="theme"]').get_by_label(theme.name)).to_be_checked()
    expect(page.locator("#hub-sort")).to_have_value("newest")
    n = len(hub.indexes.themes[theme.id])
    expect(page.locator("#hub-count")).to_have_text(f"{n} results with these filters")
    expect(page.locator(".hub-hit__title")).to_have_count(min(n, 10))
    titles = page.locator(".hub-hit__title").all_inner_texts()
    # The first page of results: all from the theme (many share a publication date, so which ten is open).
    assert len(set(titles)) == min(n, 10) and set(titles) <= {r.title for r in hub.indexes.themes[theme.id]}


def test_sort_by_title(page, base_url, hub):
    page.goto(base_url + "search/?type=Case+study&sort=title")
    expect(page.locator("#hub-count")).to_contain_text("results")
    page.get_by_role("button", name="Show more results").click()
    expect(page.locator(".hub-hit__title")).to_have_count(min(20, len(hub.collection.case_studies)))
    titles = page.locator(".hub-hit__title").all_inner_texts()
    assert titles == sorted(titles, key=str.casefold)
    assert len(titles) == min(20, len(hub.collection.case_studies))


def test_without_javascript_search_leads_to_the_index_pages(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url)
    page.get_by_label("Search the hub").fill("frailty")
    page.get_by_label("Search the hub").press("Enter")
    expect(page).to_have_url(base_url + "search/?q=frailty")
    expect(page.get_by_text("Search needs JavaScript")).to_be_visible()
    for name in ("All case studies", "Case studies by theme", "Case studies by borough"):
        expect(page.locator("article").get_by_role("link", name=name)).to_be_visible()
    context.close()


def test_show_more_appears_only_when_there_are_more_results(page, base_url):
    page.goto(base_url + "search/?q=frailty")
    expect(page.locator("#hub-count")).to_contain_text("for \u201cfrailty\u201d")
    assert page.locator(".hub-hit").count() < 10
    expect(page.get_by_role("button", name="Show more results")).to_be_hidden()


def test_values_with_no_results_stay_in_place_with_a_zero(page, base_url):
    """Facet lists do not shrink and grow with each search: nothing moves under the pointer."""
    page.goto(base_url + "search/")
    page.get_by_role("button", name="Filters").click()  # the facets wait behind one control (issue 14)
    facet = page.locator('[data-facet="area"]')
    expect(facet.locator(".hub-facet__count").first).not_to_be_empty()
    before = facet.bounding_box()
    page.locator("#hub-q").fill("frailty")
    page.locator("#hub-q").press("Enter")
    expect(page.locator("#hub-count")).to_contain_text("for \u201cfrailty\u201d")
    empty = facet.locator(".hub-choice--none")
    expect(empty.first).to_be_visible()
    expect(empty.first.locator(".hub-facet__count")).to_have_text("(0)")
    assert facet.bounding_box() == before
