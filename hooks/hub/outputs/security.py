"""Final touches to every built HTML page: a working skip link and a Content-Security-Policy.

Plain string transforms on the page Material rendered; each fails loudly if
the markup it expects is missing, so a theme upgrade cannot silently undo it.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Material renders its skip link only on pages with a table of contents, and
# points it at the first heading, which cannot take focus (WCAG 2.4.1).
SKIP_SLOT = re.compile(r'<div data-md-component="skip">.*?</div>', re.S)
SKIP_LINK = '<div data-md-component="skip"><a href="#main-content" class="md-skip">Skip to main content</a></div>'
MAIN = '<main class="md-main" data-md-component="main">'
MAIN_WITH_TARGET = '<main class="md-main" data-md-component="main" id="main-content" tabindex="-1">'

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
HASH_SOURCE = re.compile(r"'sha256-[A-Za-z0-9+/]+=*'")
CHARSET = '<meta charset="utf-8">'
# Everything comes from the site itself. Pagefind runs WebAssembly; Material's
# icons are data: images in its CSS. frame-ancestors only works as a header.
POLICY = (
    "default-src 'self'",
    "script-src 'self' {hashes} 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
HEADER_ONLY = ("frame-ancestors 'none'",)


class MarkupChanged(Exception):
    """The page no longer has the markup a fix relies on."""


def fix_skip_link(html: str) -> str:
    """Every page gets a skip link to its main content, which takes focus."""
    if MAIN not in html or not SKIP_SLOT.search(html):
        raise MarkupChanged('expected Material\'s skip-link slot and <main class="md-main">')
    return SKIP_SLOT.sub(SKIP_LINK, html, count=1).replace(MAIN, MAIN_WITH_TARGET, 1)


def script_hash(script: str) -> str:
    """The CSP source allowing exactly this inline script: its SHA-256."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def script_hashes(html: str) -> list[str]:
    """CSP sources for the page's inline scripts, in order, without repeats: the theme's own, never one
    inside the page's content (from its first <article> to its last </article>), which is where
    contributed text goes. A script that got into a case study past every check would still not run."""
    content = (html.find("<article"), html.rfind("</article>"))
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        if content[0] != -1 and content[0] <= match.start() < content[1]:
            continue
        source = script_hash(match.group(1))
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(hashes: list[str], header: bool = False) -> str:
    """The Content-Security-Policy allowing exactly these inline scripts."""
    directives = [d.format(hashes=" ".join(hashes)).replace("  ", " ") for d in POLICY]
    if header:
        directives += HEADER_ONLY
    return "; ".join(directives)


def add_csp(html: str, hashes: list[str] | None = None) -> str:
    """A CSP meta tag right after the charset, before any script can run.

    ``hashes`` are the page's ``script_hashes``, when the caller has them already.
    """
    if CHARSET not in html:
        raise MarkupChanged(f"expected {CHARSET} to place the Content-Security-Policy after")
    sources = script_hashes(html) if hashes is None else hashes
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(sources)}">'
    return html.replace(CHARSET, f"{CHARSET}\n      {meta}", 1)


def allow_inline_script(html: str, script: str) -> str:
    """``html`` whose policy also allows the inline ``script``, by its hash and in no other way.

    For a script a server adds to a built page (``mkdocs serve`` adds its live
    reload): the policy stays what ``add_csp`` wrote, plus this one hash.
    """
    meta = CSP_META.search(html)
    if meta is None:
        raise MarkupChanged("expected the page's Content-Security-Policy meta tag")
    script_src = next((d for d in meta.group(1).split("; ") if d.startswith("script-src ")), None)
    if script_src is None:
        raise MarkupChanged("expected a script-src directive in the page's Content-Security-Policy")
    hashes = HASH_SOURCE.findall(script_src)
    source = script_hash(script)
    if source in hashes:
        return html
    allowing = f'<meta http-equiv="Content-Security-Policy" content="{policy([*hashes, source])}">'
    return html[: meta.start()] + allowing + html[meta.end() :]
