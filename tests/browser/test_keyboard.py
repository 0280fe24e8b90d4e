"""Every control is reachable by keyboard and shows a visible focus."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# What the focused element looks like: its size and whether any focus indicator is drawn.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  let outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  // Map squares are SVG links: their square's outline thickens instead.
  const rect = el.namespaceURI === 'http://www.w3.org/2000/svg' && el.querySelector('rect');
  if (rect) outlined = parseFloat(getComputedStyle(rect).strokeWidth) >= 4;
  const shadowed = style.boxShadow && style.boxShadow !== 'none';
  // Controls drawn by their label (visually hidden inputs): the label shows the focus.
  const label = el.id && document.querySelector(`label[for="${el.id}"]`);
  const labelStyle = label ? getComputedStyle(label) : null;
  const labelFocus = labelStyle && ((labelStyle.outlineStyle !== 'none' && parseFloat(labelStyle.outlineWidth) > 0)
                                     || labelStyle.boxShadow !== 'none');
  return {
    name: (el.tagName + '#' + el.id + ' ' + (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 40)),
    visible: box.width > 0 && box.height > 0,
    indicated: outlined || shadowed || !!labelFocus,
  };
}"""


@pytest.mark.parametrize("name", ["home", "case study", "search with results", "submit form", "boroughs"])
def test_tabbing_reaches_controls_with_a_visible_focus(page, base_url, name, template_url):
    page.goto(base_url + template_url(name), wait_until="networkidle")
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            break
        seen.append(state)
    assert len(seen) >= 10, "fewer than 10 controls reached by keyboard"
    missing = [s["name"] for s in seen if not s["indicated"]]
    assert missing == []


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_palette_toggle_works_by_keyboard(page, base_url, key):
    page.emulate_media(color_scheme="light")
    page.goto(base_url)
    page.locator('input[aria-label="Switch to dark mode"]').focus()
    page.keyboard.press(key)
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.keyboard.press(key)
    assert page.get_attribute("body", "data-md-color-scheme") == "default"


def test_the_map_can_be_skipped_in_one_step(page, base_url):
    """The map's 33 squares are links: "Skip the map" takes the keyboard past all of them."""
    page.goto(base_url, wait_until="networkidle")
    skip = page.locator(".hub-skip-map")
    box = skip.bounding_box()
    assert box and box["width"] <= 1 and box["height"] <= 1  # out of sight until it has focus
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('hub-skip-map')"):
            break
    else:
        raise AssertionError("'Skip the map' was never reached by Tab")
    box = skip.bounding_box()
    assert box and box["width"] > 20 and box["height"] > 10  # shown while it has focus
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    inside_map = page.evaluate("!!document.activeElement.closest('.hub-map__svg')")
    assert not inside_map
