"""Rebuilds under ``mkdocs serve``: each save rebuilds the whole site; redo only what the save changed.

MkDocs loads a hook module once per ``mkdocs serve`` and keeps it, so one build can
hand the next what has not changed. The hub's side (records by their file's bytes,
related case studies, case-study pages' Markdown) is ``hub.pipeline.Reuse``. This
module keeps each hub page as MkDocs rendered it, with the Markdown, meta and site
it was rendered from: if they are the same in the next build, the page skips Markdown
and the theme's template and is written as it was. A page's Markdown says everything
the hub put in it (its record, its lists, its dates), so a save re-renders the edited
case study and every list, related list and index it appears on; and, as MkDocs resolves
a link to another Markdown file when it renders the page, every page that links to a
page added, moved or removed (or, by ``#place``, to one edited). Nothing else.

MkDocs-facing, like ``hub_hooks.py``, which uses it.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from hub import pipeline
from hub.outputs.search import start_indexing_site
from hub_page import FINISHED_TEMPLATE, HubPage, Rendered

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


@dataclass(frozen=True)
class RenderedPage:
    """A hub page as a build rendered it, and everything it was rendered from."""

    key: tuple[Any, ...]  # the site, the page's Markdown and its meta
    rendered: Rendered
    output: str  # the finished HTML
    script_hashes: frozenset[str]  # its inline scripts, for csp.txt


@dataclass
class Serving:
    """What ``mkdocs serve`` keeps from one build to the next."""

    reuse: pipeline.Reuse = field(default_factory=pipeline.Reuse)
    pages: dict[str, RenderedPage] = field(default_factory=dict)  # by src_uri
    indexer: subprocess.Popen[bytes] | None = None  # Pagefind indexing the last build, maybe still running
    # This build's:
    site: tuple[Any, ...] = ()  # what every page's frame is made from
    keys: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # each hub page's key
    reused_now: dict[str, RenderedPage] = field(default_factory=dict)  # the pages reused
    rendered: int = 0  # hub pages rendered (the rest were reused)

    def start_build(self) -> None:
        """Count afresh, and stop the last build's indexer if it is still running: this build indexes anew."""
        self.stop_indexer()
        self.keys, self.reused_now, self.rendered = {}, {}, 0

    def index_in_background(self, site_dir: Path) -> None:
        """Index the finished site while the browser shows the page: search follows a moment later."""
        self.indexer = start_indexing_site(site_dir)

    def stop_indexer(self) -> None:
        if self.indexer is not None:
            if self.indexer.poll() is None:
                self.indexer.terminate()
            self.indexer.wait()
            self.indexer = None

    def prepare(self, nav: Navigation, config: MkDocsConfig) -> None:
        """Note what the frame of every page is made from in this build."""
        self.site = site_key(nav, config)

    def check(self, page: Page, markdown: str, files: Files) -> None:
        """Reuse ``page`` as it was if its Markdown, meta and site are what they were, and so is every page
        its Markdown links to. A page with a link to a page the site does not have is never reused: MkDocs
        says so each time it renders it, and strict mode counts it."""
        if not isinstance(page, HubPage):
            return
        src_uri = page.file.src_uri
        targets = linked_pages(markdown, src_uri, files)
        if any(found is None for _, found in targets):
            return
        meta = tuple(sorted((k, repr(v)) for k, v in page.meta.items()))
        key = self.keys[src_uri] = (self.site, markdown, meta, targets)
        kept = self.pages.get(src_uri)
        if kept is not None and kept.key == key:
            self.reused_now[src_uri] = kept
            page.rendered = kept.rendered
            page.meta["template"] = FINISHED_TEMPLATE  # its finished HTML comes from on_post_page

    def reused(self, page: Page) -> RenderedPage | None:
        """The page as it was, if this build reuses it."""
        return self.reused_now.get(page.file.src_uri)

    def keep(self, page: Page, output: str, script_hashes: set[str]) -> None:
        """Keep a page just rendered, for the next build."""
        src_uri = page.file.src_uri
        if not isinstance(page, HubPage) or src_uri in self.reused_now or src_uri not in self.keys:
            return
        self.rendered += 1
        self.pages[src_uri] = RenderedPage(self.keys[src_uri], Rendered.of(page), output, frozenset(script_hashes))

    def forget_missing(self, hub_pages: set[str]) -> None:
        """Drop pages the site no longer has (a case study renamed or deleted)."""
        for src_uri in set(self.pages) - hub_pages:
            del self.pages[src_uri]


# A link or image in Markdown ([text](to), [text](<to>)), a reference's definition ([name]: to), or an
# HTML one (href="to", src='to'): its address.
LINK = re.compile(
    r"""\]\(\s*<?([^)\s>]+)|^[ \t]*\[[^\]\n]+\]:[ \t]*<?([^\s>]+)|\b(?:href|src)\s*=\s*["']([^"']+)["']""",
    re.IGNORECASE | re.MULTILINE,
)


def linked_pages(markdown: str, src_uri: str, files: Files) -> tuple[tuple[str, Any], ...]:
    """Each Markdown file ``markdown`` links to by a relative address, with what a link to it depends on:
    where the page is (None if the site has no such file) and, for a link to a place in it, its source.

    MkDocs turns a link to ``other.md`` into the other page's address, and checks a ``#place`` in it
    against its headings, when it renders the linking page: a page kept from the last build keeps what
    they were then. The whole Markdown is searched (code included): a page is re-rendered more often
    than it must be, never less.
    """
    if ".md" not in markdown:  # most pages: no link to a Markdown file (and no search through their lists)
        return ()
    found: dict[str, Any] = {}
    for match in LINK.finditer(markdown):
        address = unquote(next(group for group in match.groups() if group))
        path, _, place = address.partition("#")
        if not path.endswith(".md") or "://" in path or path.startswith(("/", "mailto:")):
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
        file = files.get_file_from_path(target)
        if file is None:
            found[target] = None
        elif place:
            found[target] = (file.dest_uri, hashlib.blake2b(file.content_bytes).hexdigest())
        else:
            found.setdefault(target, (file.dest_uri, None))
    return tuple(sorted(found.items(), key=lambda item: item[0]))


def site_key(nav: Navigation, config: MkDocsConfig) -> tuple[Any, ...]:
    """What the frame of every page is made from: the settings, the theme's own templates and the navigation."""
    settings = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
    theme = []
    if config.theme.custom_dir:
        for path in sorted(Path(config.theme.custom_dir).rglob("*")):
            if path.is_file():
                stat = path.stat()
                theme.append((path.as_posix(), stat.st_mtime_ns, stat.st_size))
    return hashlib.blake2b(settings).hexdigest(), tuple(theme), tuple(_nav_items(nav.items))


def _nav_items(items: Any) -> Any:
    for item in items or ():
        yield type(item).__name__, getattr(item, "title", None), getattr(item, "url", None)
        yield from _nav_items(getattr(item, "children", None))
