"""The built site in a real browser: navigation, dark mode, keyboard, 404."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_desktop_navigation_to_a_case_study(page, base_url):
    page.goto(base_url)
    page.locator(".md-tabs").get_by_role("link", name="Case studies").click()
    expect(page).to_have_url(base_url + "case-studies/")
    page.locator(".md-nav--primary").get_by_role("link", name="By theme").click()
    expect(page).to_have_url(base_url + "themes/")
    page.locator("article").get_by_role("link", name="Proactive care", exact=True).click()
    expect(page).to_have_url(base_url + "themes/proactive-care/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Proactive care")
    page.locator(".hub-card__title a").first.click()
    expect(page.locator(".hub-glance")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/case-studies/[a-z0-9-]+/$"))


def test_mobile_navigation_through_the_drawer(mobile_page, base_url):
    page = mobile_page
    page.goto(base_url)
    drawer = page.locator(".md-nav--primary")
    expect(drawer.get_by_role("link", name="Case studies", exact=True)).not_to_be_in_viewport()
    page.locator('label.md-header__button[for="__drawer"]').click()
    expect(drawer.get_by_role("link", name="Case studies", exact=True)).to_be_in_viewport()
    drawer.get_by_role("link", name="Case studies", exact=True).click()
    expect(page).to_have_url(base_url + "case-studies/")
    page.locator('label.md-header__button[for="__drawer"]').click()
    drawer.get_by_role("link", name="By borough").click()
    expect(page).to_have_url(base_url + "boroughs/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Boroughs")


def test_dark_mode_toggle(page, base_url):
    page.emulate_media(color_scheme="light")
    page.goto(base_url)
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    page.locator('label[title="Switch to dark mode"]').click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def test_404_page(page, base_url):
    response = page.goto(base_url + "case-studies/no-such-study/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_contain_text("not found", ignore_case=True)
    expect(page.get_by_role("link", name="Home").first).to_be_visible()


def test_case_study_prints_cleanly_on_a4(page, base_url, template_url):
    page.goto(base_url + template_url("case study"))
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.locator(".hub-glance")).to_be_visible()
    expect(page.locator("article h1")).to_be_visible()
    pdf = page.pdf(format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pdf.startswith(b"%PDF") and 1 <= pages <= 5, pages


@pytest.mark.parametrize("url", ["", "case-studies/", "framework/coordinated-care/", "boroughs/"])
def test_content_reflows_at_320_css_pixels(browser, base_url, url):
    """WCAG 1.4.10: no horizontal scrolling at 320px wide (400% zoom of 1280px)."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(base_url + url)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0


def test_no_cookies_and_only_the_colour_choice_is_stored(page, base_url):
    page.goto(base_url)
    page.locator('label[title="Switch to dark mode"]').click()
    page.goto(base_url + "case-studies/")
    assert page.context.cookies() == []
    keys = page.evaluate("Object.keys(localStorage)")
    assert all(key.endswith(".__palette") for key in keys), keys
    assert page.evaluate("document.cookie") == ""


def test_map_tiles_lead_to_their_area(page, base_url):
    page.goto(base_url + "boroughs/")
    tile = page.get_by_role("link", name=re.compile(r"^Merton: \d+ case stud"))
    tile.focus()
    expect(tile).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(base_url + "boroughs/merton/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Merton")


def test_home_page_map_and_coverage_links(page, base_url):
    page.goto(base_url)
    expect(page.locator(".hub-map svg")).to_be_visible()
    page.goto(base_url + "coverage/")
    cell = page.locator(".hub-coverage a:not(.hub-gap a)").first
    label = cell.get_attribute("aria-label")
    cell.click()
    expect(page).to_have_url(re.compile(r"/search/\?type=Case\+study&theme="))
    count = int(label.split()[0])
    expect(page.locator("#hub-count")).to_have_text(
        f"{count} result with these filters" if count == 1 else f"{count} results with these filters"
    )


def test_case_study_ends_with_related_case_studies(page, base_url, template_url):
    page.goto(base_url + template_url("case study"))
    related = page.get_by_role("region", name="Related case studies")
    expect(related).to_be_visible()
    assert 1 <= related.get_by_role("link").count() <= 5


def test_the_drawer_is_closed_on_coming_back_to_a_page(mobile_page, base_url):
    """Browsers restore a checkbox on "back"; the drawer toggle is one (assets/hub.js closes it)."""
    page = mobile_page
    page.goto(base_url + "about/")
    page.locator('label.md-header__button[for="__drawer"]').click()
    expect(page.locator("#__drawer")).to_be_checked()
    page.locator(".md-nav--primary a[href='../contact/']").first.click()
    expect(page).to_have_url(base_url + "contact/")
    page.go_back()
    expect(page).to_have_url(base_url + "about/")
    page.wait_for_load_state("load")
    expect(page.locator("#__drawer")).not_to_be_checked()
    expect(page.locator(".md-nav--primary a[href='../contact/']").first).not_to_be_in_viewport()
