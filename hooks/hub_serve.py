"""Rebuilds under ``mkdocs serve``: each save rebuilds the whole site; redo only what the save changed.

MkDocs loads a hook module once per ``mkdocs serve`` and keeps it, so one build can
hand the next what has not changed. The hub's side (records by their file's bytes,
related case studies, case-study pages' Markdown) is ``hub.pipeline.Reuse``. This
module keeps each hub page as MkDocs rendered it, with the Markdown, meta and site
it was rendered from: if they are the same in the next build, the page skips Markdown
and the theme's template and is written as it was. A page's Markdown says everything
the hub put in it (its record, its lists, its dates), so a save re-renders the edited
case study and every list, related list and index it appears on, and nothing else.

MkDocs-facing, like ``hub_hooks.py``, which uses it.
"""

from __future__ import annotations

import hashlib
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.structure.pages import Page

from hub import pipeline
from hub.outputs.search import start_indexing_site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

# The template of a reused page: it renders nothing, and on_post_page writes the page as it was.
REUSED_TEMPLATE = "hub-reused-page.html"


@dataclass(frozen=True)
class RenderedPage:
    """A hub page as a build rendered it, and everything it was rendered from."""

    key: tuple[Any, ...]  # the site, the page's Markdown and its meta
    content: str  # page.content, after the hub's on_page_content
    toc: Any
    title: str | None  # the title Markdown found in the page
    anchors: set[str] | None  # the ids on the page, for MkDocs' anchor checks
    links: dict[str, dict[str, str]] | None  # links to anchors of other pages, by their src_uri
    output: str  # the finished HTML
    script_hashes: frozenset[str]  # its inline scripts, for csp.txt


class HubPage(Page):
    """A hub page under ``mkdocs serve``: ``reused`` when it is the same as in the last build."""

    reused: RenderedPage | None = None
    key: tuple[Any, ...] = ()

    def render(self, config: MkDocsConfig, files: Files) -> None:
        kept = self.reused
        if kept is None:
            super().render(config, files)
            return
        self.content, self.toc, self._title_from_render = kept.content, kept.toc, kept.title
        self.present_anchor_ids = kept.anchors
        if kept.links is not None:
            self.links_to_anchors = {
                file: links for uri, links in kept.links.items() if (file := files.get_file_from_path(uri)) is not None
            }
        self.meta["template"] = REUSED_TEMPLATE


class _KeptBytecode(jinja2.BytecodeCache):
    """The theme's compiled templates, kept between builds: MkDocs makes a new Jinja environment for each."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.kept:
            bucket.bytecode_from_string(self.kept[bucket.key])  # checked against the template's source

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


@dataclass
class Serving:
    """What ``mkdocs serve`` keeps from one build to the next."""

    reuse: pipeline.Reuse = field(default_factory=pipeline.Reuse)
    pages: dict[str, RenderedPage] = field(default_factory=dict)  # by src_uri
    site: tuple[Any, ...] = ()  # what every page's frame is made from, this build
    indexer: subprocess.Popen[bytes] | None = None  # Pagefind indexing the last build, maybe still running
    bytecode: _KeptBytecode = field(default_factory=_KeptBytecode)
    rendered: int = 0  # pages rendered this build (the rest were reused)

    def start_build(self) -> None:
        """Count afresh, and stop the last build's indexer if it is still running: this build indexes anew."""
        self.stop_indexer()
        self.rendered = 0

    def index_in_background(self, site_dir: Path) -> None:
        """Index the finished site while the browser shows the page: search follows a moment later."""
        self.indexer = start_indexing_site(site_dir)

    def stop_indexer(self) -> None:
        if self.indexer is not None:
            if self.indexer.poll() is None:
                self.indexer.terminate()
            self.indexer.wait()
            self.indexer = None

    def prepare(self, nav: Navigation, files: Files, hub_pages: set[str], config: MkDocsConfig) -> None:
        """Give the hub's pages their reusable kind, and note the site's frame.

        MkDocs has made a plain page for each file by now. HubPage only adds behaviour, so the
        page becomes one in place: making each page again cost a tenth of a rebuild.
        """
        for src_uri in hub_pages:
            file = files.get_file_from_path(src_uri)
            if file is not None and type(file.page) is Page:
                file.page.__class__ = HubPage
        self.site = site_key(nav, config)

    def check(self, page: Page, markdown: str) -> None:
        """Mark ``page`` reused if its Markdown, meta and site are what they were."""
        if not isinstance(page, HubPage):
            return
        page.key = (self.site, markdown, tuple(sorted((k, repr(v)) for k, v in page.meta.items())))
        kept = self.pages.get(page.file.src_uri)
        page.reused = kept if kept is not None and kept.key == page.key else None

    def keep(self, page: Page, output: str, script_hashes: set[str]) -> None:
        """Keep a page just rendered, for the next build."""
        if not isinstance(page, HubPage) or page.reused is not None:
            return
        self.rendered += 1
        links = None
        if page.links_to_anchors is not None:
            links = {file.src_uri: dict(anchors) for file, anchors in page.links_to_anchors.items()}
        self.pages[page.file.src_uri] = RenderedPage(
            page.key, page.content or "", page.toc, page._title_from_render, page.present_anchor_ids, links, output,
            frozenset(script_hashes),
        )

    def forget_missing(self, hub_pages: set[str]) -> None:
        """Drop pages the site no longer has (a case study renamed or deleted)."""
        for src_uri in set(self.pages) - hub_pages:
            del self.pages[src_uri]

    def theme(self, env: jinja2.Environment) -> None:
        """Reuse compiled templates, and add the template of reused pages."""
        env.bytecode_cache = self.bytecode
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({REUSED_TEMPLATE: ""}), env.loader])


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
