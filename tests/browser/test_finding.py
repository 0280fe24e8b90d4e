"""Finding it on a phone in seconds (issue 14), in a real browser at a desktop's and a phone's width:
search first on the screen, forgiving queries, breadcrumbs and current tabs, a keyboard that is always
seen, the whole map on a phone, and counts that agree."""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from support import FIXTURES
from templates import TEMPLATES

pytestmark = pytest.mark.browser
MISSPELLINGS = yaml.safe_load((FIXTURES / "misspellings.yml").read_text(encoding="utf-8"))
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
# The pages the hub makes, which have breadcrumbs and a current tab.
HUB_PAGES = [
    "case study",
    "case-study list",
    "themes",
    "theme",
    "boroughs",
    "area",
    "integrated care systems",
    "ICS",
    "coverage",
    "leadership resource",
]

# The focused element: where it is, whether it can be seen, and whether something else covers it.
FOCUSED = """() => {
  let el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const name = (el.tagName + '#' + el.id + '.' + (el.getAttribute('class') || '') + ' '
                + (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 40));
  const isHidden = node => {
    for (let up = node; up && up.nodeType === 1; up = up.parentElement) {
      const s = getComputedStyle(up);
      if (s.visibility === 'hidden' || s.display === 'none' || Number(s.opacity) === 0
          || s.clipPath === 'inset(50%)') return true;
    }
    const b = node.getBoundingClientRect();
    return b.width < 2 || b.height < 2;
  };
  // A control drawn by a label (visually hidden inputs): the label is what is seen. Material's colour
  // toggle draws each radio button with the label that follows it (which is for the other radio).
  const own = el.id && document.querySelector(`label[for="${el.id}"]`);
  const next = el.nextElementSibling && el.nextElementSibling.tagName === 'LABEL' ? el.nextElementSibling : null;
  const drawn = [own, next].find(l => l && !isHidden(l));
  if (drawn && isHidden(el)) el = drawn;
  const box = el.getBoundingClientRect();
  // Inside: wholly on screen; a tall text box (over 100px) at least 40px of it, where the caret shows.
  const shown = Math.min(box.bottom, innerHeight) - Math.max(box.top, 0);
  const inside = box.left >= -1 && box.right <= innerWidth + 1
                 && ((box.top >= -1 && box.bottom <= innerHeight + 1) || (box.height > 100 && shown >= 40));
  const hidden = isHidden(el);
  // Covered: the point in the middle of the element (clipped to the screen) belongs to something else.
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + Math.min(box.height, 40) / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const covered = !(top && (el.contains(top) || top.contains(el)));
  return {name, inside, hidden, covered};
}"""


def open_at(browser, width: str):
    context = browser.new_context(
        viewport=WIDTHS[width], reduced_motion="reduce", is_mobile=width == "phone", has_touch=width == "phone"
    )
    return context, context.new_page()


def tab_through(page: Page, limit: int = 400) -> list[dict]:
    """Every element the Tab key reaches, from the top of the page, until focus comes round again."""
    seen: list[dict] = []
    names: set[str] = set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUSED)
        if state is None:
            break
        key = state["name"] + str(len([n for n in names if n == state["name"]]))
        if seen and state["name"] == seen[0]["name"] and len(seen) > 3:
            break
        names.add(key)
        seen.append(state)
    return seen


# --- 4. Keyboard: every focused element is on screen, visible and uncovered ------------------


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(TEMPLATES))
def test_every_focused_element_is_visible_inside_the_viewport_and_not_covered(
    browser, base_url, name, width, template_url
):
    context, page = open_at(browser, width)
    page.goto(base_url + template_url(name), wait_until="networkidle")
    seen = tab_through(page)
    context.close()
    assert len(seen) >= 5, f"only {len(seen)} controls reached by keyboard"
    problems = [
        f"{s['name']}: " + ", ".join(k for k in ("hidden", "covered") if s[k]) + ("" if s["inside"] else " outside")
        for s in seen
        if s["hidden"] or s["covered"] or not s["inside"]
    ]
    assert problems == []


def test_the_phone_menu_opens_and_closes_by_keyboard(browser, base_url):
    context, page = open_at(browser, "phone")
    page.goto(base_url + "about/", wait_until="networkidle")
    menu = page.get_by_role("button", name="Menu")
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == "Menu":
            break
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(page.locator("#__drawer")).to_be_checked()
    expect(menu).to_have_attribute("aria-expanded", "true")
    # hub.js moves the focus in the frame after the drawer shows (requestAnimationFrame): wait for it, as
    # reading it at once failed under load.
    in_menu = "document.activeElement.closest('.md-sidebar--primary') !== null"
    try:
        page.wait_for_function(in_menu, timeout=5000)
    except PlaywrightTimeout:
        pytest.fail("the focus moves into the open menu")
    page.keyboard.press("Escape")
    expect(page.locator("#__drawer")).not_to_be_checked()
    expect(menu).to_be_focused()
    context.close()


def test_home_page_tabbing_skips_the_hidden_map_table(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    seen = tab_through(page)
    assert not [s for s in seen if "hub-map-table" in s["name"]]
    assert page.locator(".hub-map-table a").count() == 0


# --- 1. Mobile first search ---------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_after_a_query_the_count_and_first_result_are_on_the_first_screen(browser, base_url, width):
    context, page = open_at(browser, width)
    page.goto(base_url + "search/")
    page.locator("#hub-q").fill("care homes")
    page.locator("#hub-q").press("Enter")
    count = page.locator("#hub-count")
    expect(count).to_contain_text("for \u201ccare homes\u201d")
    expect(count).to_have_attribute("role", "status")
    expect(count).to_have_attribute("aria-live", "polite")
    first = page.locator(".hub-hit").first
    expect(first).to_be_visible()
    assert page.evaluate("scrollY") == 0
    for element in (count, first.locator(".hub-hit__title")):
        box = element.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= WIDTHS[width]["height"], (width, box)
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_filters_wait_behind_one_control_that_says_how_many_are_on(browser, base_url, width):
    context, page = open_at(browser, width)
    page.goto(base_url + "search/?q=care&theme=Proactive+care&area=Hackney")
    toggle = page.get_by_role("button", name=re.compile(r"^Filters"))
    expect(toggle).to_have_text("Filters (2 on)")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#hub-filters")).to_be_hidden()
    chips = page.locator("#hub-chips")
    expect(chips.get_by_role("button", name="Remove filter Area: Hackney")).to_be_visible()
    chips.get_by_role("button", name="Remove filter Area: Hackney").click()
    expect(toggle).to_have_text("Filters (1 on)")
    assert "area=" not in page.url
    chips.get_by_role("button", name="Clear all").click()
    expect(toggle).to_have_text("Filters")
    expect(chips).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator('[data-facet="theme"]').get_by_label("Proactive care")).to_be_visible()
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_at_most_eight_tab_presses_from_the_box_to_the_first_result(browser, base_url, width):
    context, page = open_at(browser, width)
    page.goto(base_url + "search/?q=care&type=Case+study&theme=Proactive+care")
    expect(page.locator(".hub-hit").first).to_be_visible()
    page.locator("#hub-q").focus()
    first = page.locator(".hub-hit__title").first
    presses = 0
    while presses < 20 and not page.evaluate("document.activeElement.classList.contains('hub-hit__title')"):
        page.keyboard.press("Tab")
        presses += 1
    expect(first).to_be_focused()
    assert presses <= 8, presses
    context.close()


def test_the_header_search_on_a_phone_opens_a_focused_box(browser, base_url):
    context, page = open_at(browser, "phone")
    page.goto(base_url + "about/", wait_until="networkidle")
    box = page.get_by_label("Search the hub")
    expect(box).to_be_hidden()
    page.locator("[data-hub-search-open]").click()
    expect(box).to_be_visible()
    expect(box).to_be_focused()
    box.fill("red bag")
    expect(page.locator("#hub-search-panel .hub-hit").first).to_be_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    expect(box).to_be_hidden()
    expect(page.locator("[data-hub-search-open]")).to_be_focused()
    context.close()


# --- 2. Forgiving queries -------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "meant"), MISSPELLINGS["suggest"].items())
def test_a_misspelling_gets_did_you_mean_with_a_link(page, base_url, typed, meant):
    page.goto(base_url + f"search/?q={typed}")
    suggestion = page.locator("#hub-suggest")
    expect(suggestion).to_contain_text("Did you mean")
    link = suggestion.get_by_role("link")
    expect(link).to_have_text(meant[0].upper() + meant[1:] if typed[0].isupper() else meant)
    link.click()
    expect(page.locator(".hub-hit").first).to_be_visible()


@pytest.mark.parametrize("typed", MISSPELLINGS["nothing"])
def test_nonsense_gives_no_results_and_advice(page, base_url, typed):
    page.goto(base_url + f"search/?q={typed}")
    expect(page.locator("#hub-count")).to_have_text(f"No results for \u201c{typed}\u201d.")
    expect(page.locator("#hub-suggest")).to_contain_text("Check the spelling")
    expect(page.locator(".hub-hit")).to_have_count(0)


def test_the_header_box_forgives_too(page, base_url):
    page.goto(base_url)
    page.get_by_label("Search the hub").fill("Lewisam")
    panel = page.locator("#hub-search-panel")
    expect(panel.get_by_role("link", name="Lewisham")).to_be_visible()
    expect(panel.locator(".hub-hit")).to_have_count(0)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("social prescription", "Social prescribing co-ordinators in two East Merton practices"),
        ("GP surgery", "Lambeth GP Food Co-op"),
        ("A&E", "Health 1000"),
        ("PCN", "North Lewisham Primary Care Network"),
        ("nursing homes", "Care Home Support Team"),
    ],
)
def test_synonyms_and_word_forms_find_the_content(page, base_url, query, expected):
    page.goto(base_url + "search/?" + "q=" + query.replace("&", "%26").replace(" ", "+") + "&type=Case+study")
    expect(page.locator("#hub-count")).to_contain_text("result")
    page.get_by_role("button", name="Show more results").click() if page.get_by_role(
        "button", name="Show more results"
    ).is_visible() else None
    titles = page.locator(".hub-hit__title").all_inner_texts()
    assert any(t.startswith(expected) for t in titles), titles


def test_social_prescription_finds_every_social_prescribing_case_study(page, base_url, hub):
    page.goto(base_url + "search/?q=social+prescription&type=Case+study")
    expect(page.locator("#hub-count")).to_contain_text("result")
    titles = page.locator(".hub-hit__title").all_inner_texts()
    wanted = [c.title for c in hub.collection.case_studies if "social prescribing" in c.title.casefold()]
    assert len(wanted) >= 2 and set(wanted) <= set(titles)


def test_an_empty_query_lists_case_studies_first_most_recent_work_first(page, base_url, hub):
    page.goto(base_url + "search/")
    expect(page.locator(".hub-hit").first).to_be_visible()
    types = page.locator(".hub-hit__type").all_inner_texts()
    assert set(types) == {"Case study"}
    newest = sorted(hub.collection.case_studies, key=lambda c: c.sort_key)[0]
    started = newest.started
    first = [c for c in hub.collection.case_studies if c.started == started]
    assert page.locator(".hub-hit__title").first.inner_text() in {c.title for c in first}


# --- 3. Wayfinding ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", HUB_PAGES)
def test_every_hub_page_has_a_breadcrumb_a_current_tab_and_a_navigation_column(page, base_url, name, template_url):
    page.goto(base_url + template_url(name))
    trail = page.get_by_role("navigation", name="Breadcrumb")
    expect(trail).to_be_visible()
    expect(trail.get_by_role("link").first).to_have_text("Home")
    expect(trail.locator('[aria-current="page"]')).to_have_count(1)
    section = trail.get_by_role("link").nth(1).inner_text()
    expect(page.locator(".md-tabs__item--active")).to_have_text(section)
    column = page.locator(".md-sidebar--primary .md-nav__link:visible")
    assert column.count() >= 1


def test_a_case_study_trail_goes_through_its_theme(page, base_url, hub):
    study = hub.collection.case_studies[0]
    page.goto(base_url + study.url)
    crumbs = page.get_by_role("navigation", name="Breadcrumb").get_by_role("link").all_inner_texts()
    assert crumbs == ["Home", "Case studies", hub.taxonomy.themes[study.themes[0]].name, study.title]


def test_breadcrumbs_show_on_a_phone(browser, base_url, template_url):
    context, page = open_at(browser, "phone")
    page.goto(base_url + template_url("theme"))
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_be_in_viewport()
    context.close()


# --- 5. The map on a phone ------------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_the_whole_map_fits_and_every_area_can_be_reached(browser, base_url, width):
    context, page = open_at(browser, width)
    page.goto(base_url + "boroughs/")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    tiles = page.locator(".hub-map svg a")
    assert tiles.count() == 33
    view = WIDTHS[width]["width"]
    for box in tiles.evaluate_all("els => els.map(e => e.getBoundingClientRect().toJSON())"):
        assert 0 <= box["left"] and box["right"] <= view, box
        assert box["width"] >= 24 and box["height"] >= 24  # a touch target (WCAG 2.5.8)
    labels = page.locator(".hub-map__short:visible" if width == "phone" else ".hub-map__name:visible")
    assert labels.count() == 33
    sizes = labels.evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    assert min(sizes) >= 10, sizes  # legible: at least 10 CSS pixels tall
    tile = page.get_by_role("link", name=re.compile(r"^Havering: \d+ case stud"))
    tile.focus()
    expect(tile).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(base_url + "boroughs/havering/")
    context.close()


def test_at_a_glance_is_one_column_on_a_phone(browser, base_url, template_url):
    context, page = open_at(browser, "phone")
    page.goto(base_url + template_url("case study"))
    label = page.locator(".hub-glance__list dt").first.bounding_box()
    value = page.locator(".hub-glance__list dd").first.bounding_box()
    assert value["y"] >= label["y"] + label["height"] - 1
    context.close()


# --- 6. Cards, lists and counts that agree ----------------------------------------------------------


def test_every_case_study_card_shows_when_status_and_evidence(page, base_url, hub):
    page.goto(base_url + "case-studies/")
    cards = page.locator(".hub-card")
    assert cards.count() == min(len(hub.collection.case_studies), 50)
    for record in hub.collection.case_studies[:50]:
        card = cards.filter(has=page.get_by_role("link", name=record.title, exact=True)).first
        if record.started:
            expect(card.locator(".hub-card__when")).to_have_text(record.when())
        if record.status:
            expect(card.locator(".hub-card__status")).to_have_text(hub.taxonomy.statuses[record.status].name)
        if record.evidence:
            expect(card.locator(".hub-card__evidence")).to_contain_text(
                hub.taxonomy.evidence[record.evidence].name.lower()
            )


def test_search_results_show_status_and_evidence(page, base_url):
    page.goto(base_url + "search/?q=red+bag&type=Case+study")
    hit = page.locator(".hub-hit").first
    expect(hit.locator(".hub-hit__status")).not_to_be_empty()
    expect(hit.locator(".hub-hit__evidence")).to_contain_text("Evidence:")


@pytest.mark.parametrize("vocabulary", ["themes", "areas", "ics"])
def test_facet_counts_agree_with_the_term_pages_and_the_map(page, base_url, vocabulary, hub):
    facet = {"themes": "theme", "areas": "area", "ics": "ics"}[vocabulary]
    page.goto(base_url + "search/")
    page.get_by_role("button", name=re.compile(r"^Filters")).click()
    counts = page.locator(f'[data-facet="{facet}"] .hub-choice')
    expect(counts.first.locator(".hub-facet__count")).not_to_be_empty()
    shown = {
        c.locator("input").get_attribute("value"): int(c.locator(".hub-facet__count").inner_text().strip("()"))
        for c in counts.all()
    }
    for term in hub.taxonomy.vocabulary(vocabulary):
        assert shown[term.name] == len(hub.indexes.of(vocabulary)[term.id]), term.name
    # The pages say the same: a theme's page and the facet agree, and each map square.
    sample = next(iter(hub.taxonomy.vocabulary(vocabulary)))
    page.goto(base_url + f"{ {'themes': 'themes', 'areas': 'boroughs', 'ics': 'ics'}[vocabulary] }/{sample.id}/")
    n = shown[sample.name]
    expect(page.locator("#case-study-list")).to_have_text(f"{n} case stud{'y' if n == 1 else 'ies'}")
    if vocabulary == "areas":
        page.goto(base_url + "boroughs/")
        for term in hub.taxonomy.areas:
            if term.ics:
                n = shown[term.name]
                name = f"{term.name}: {n} case stud{'y' if n == 1 else 'ies'}"
                expect(page.get_by_role("link", name=name)).to_have_count(1)
