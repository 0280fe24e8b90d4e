"""Generated HTML around Markdown, the skip link and the Content-Security-Policy."""

from __future__ import annotations

import base64
import hashlib

import markdown
import pytest

from hub.content.taxonomy import load_taxonomy
from hub.outputs.security import (
    MarkupChanged,
    add_csp,
    allow_inline_script,
    fix_skip_link,
    policy,
    script_hash,
    script_hashes,
)
from hub.pages.entries import render_case_study
from hub.pages.html import LostBlock, extract_raw, md_escape, raw, restore_raw, unmarked
from support import record as make_record

PAGE = """<!doctype html><html><head>
      <meta charset="utf-8">
<script>var a=1</script></head><body>
<div data-md-component="skip">
  </div>
<main class="md-main" data-md-component="main"><script>var b=2</script><script>var a=1</script>
</main></body></html>"""


def test_generated_html_survives_markdown_untouched():
    block = '<ul class="x"><li><a href="a/">*not emphasis* &amp; [not a link](x)</a></li></ul>'
    source = "# Title\n\nSome *text*." + raw(block) + "More text." + raw("<p>second</p>")
    text, blocks = extract_raw(source)
    assert blocks == [block, "<p>second</p>"]
    assert block not in text
    html = markdown.markdown(text)
    restored = restore_raw(html, blocks)
    assert block in restored and "<p>second</p>" in restored and "<em>text</em>" in restored


def test_a_lost_block_is_an_error_not_a_silent_gap():
    with pytest.raises(LostBlock):
        restore_raw("<p>nothing here</p>", ["<p>block</p>"])


def test_skip_link_on_every_page_targets_main():
    html = fix_skip_link(PAGE)
    assert '<a href="#main-content" class="md-skip">Skip to main content</a>' in html
    assert '<main class="md-main" data-md-component="main" id="main-content" tabindex="-1">' in html


def test_csp_hashes_each_inline_script_once_and_comes_before_them():
    digest = lambda text: "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"  # noqa: E731
    assert script_hashes(PAGE) == [digest("var a=1"), digest("var b=2")]
    html = add_csp(PAGE)
    meta_at = html.index('http-equiv="Content-Security-Policy"')
    assert meta_at < html.index("<script>")
    assert f"script-src 'self' {digest('var a=1')} {digest('var b=2')} 'wasm-unsafe-eval'" in html
    assert "style-src 'self';" in html and "object-src 'none'" in html


def test_header_policy_adds_what_only_headers_can_say():
    assert policy([], header=True).endswith("frame-ancestors 'none'")
    assert "frame-ancestors" not in policy([])
    assert "script-src 'self' 'wasm-unsafe-eval'" in policy([])


def test_changed_markup_fails_loudly():
    with pytest.raises(MarkupChanged):
        fix_skip_link("<html><body>no slots</body></html>")
    with pytest.raises(MarkupChanged):
        add_csp("<html><head></head></html>")


def test_a_script_added_after_the_build_is_allowed_by_its_hash_alone():
    built = add_csp(PAGE)
    served = built.replace("</body>", "<script>livereload(1, 2);</script></body>")
    allowed = allow_inline_script(served, "livereload(1, 2);")
    before, after = policy(script_hashes(PAGE)), policy([*script_hashes(PAGE), script_hash("livereload(1, 2);")])
    assert before in served and after not in served
    assert allowed == served.replace(before, after)
    assert allow_inline_script(allowed, "livereload(1, 2);") == allowed  # once is enough
    with pytest.raises(MarkupChanged):
        allow_inline_script(PAGE, "livereload(1, 2);")  # no policy to add to


def test_no_script_inside_the_content_is_ever_allowed():
    """Contributed text is inside the page's articles: a script there gets no hash, so the policy blocks it."""
    page = PAGE.replace(
        "</main>",
        '<article class="md-content__inner"><script>alert(1)</script><article class="md-post">'
        "<script>alert(2)</script></article></article><script>var c=3</script></main>",
    )
    assert script_hashes(page) == [script_hash("var a=1"), script_hash("var b=2"), script_hash("var c=3")]


def test_contributed_text_cannot_mark_html_of_its_own():
    """The hub marks its generated HTML with private-use characters; text from a contributor never can."""
    body = "\ue000`<script>alert(document.domain)</script>`\ue001"
    assert unmarked(body) == "\ufffd`<script>alert(document.domain)</script>`\ufffd"
    assert "\ue000" not in md_escape("A \ue000title\ue001")
    record = make_record("marked", body="## Context\n\n" + body)
    text, blocks = extract_raw(render_case_study(record, load_taxonomy()))
    assert not any("<script>" in block for block in blocks)
    assert "`<script>alert(document.domain)</script>`" in text  # left to Markdown, which shows it as code
