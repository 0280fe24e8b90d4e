"""The hub's pages as MkDocs objects: a page that can take its Markdown step's result from elsewhere.

A case study or list page is populated once per build: its Markdown made by the hub,
converted by Python-Markdown, finished by the hub's content event. ``HubPage`` can be
handed that step's result instead (``Rendered``): from the last build under ``mkdocs
serve`` (hub_serve.py), or from a second process in a full build (hub_parallel.py).

MkDocs-facing, like ``hub_hooks.py``, which uses it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import jinja2
import jinja2.meta
import markdown
from mkdocs.structure import pages
from mkdocs.structure.pages import Page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

# The template of a page whose finished HTML the hub already has (on_post_page hands it over): it renders nothing.
FINISHED_TEMPLATE = "hub-finished-page.html"


@dataclass(frozen=True)
class Rendered:
    """What populating a page gave it (after the hub's on_page_content): its HTML and what MkDocs found in it."""

    content: str
    toc: Any
    title: str | None  # the title Markdown found in the page
    anchors: set[str] | None  # the ids on the page, for MkDocs' anchor checks
    links: dict[str, dict[str, str]] | None  # links to anchors of other pages, by their src_uri

    @classmethod
    def of(cls, page: Page) -> Rendered:
        links = None
        if page.links_to_anchors is not None:
            links = {file.src_uri: dict(anchors) for file, anchors in page.links_to_anchors.items()}
        return cls(page.content or "", page.toc, page._title_from_render, page.present_anchor_ids, links)


class HubPage(Page):
    """A hub page: when ``rendered`` is set, ``render`` takes it instead of running Markdown.

    MkDocs makes a plain page for every file; the hub's become HubPages in on_nav. The
    class only adds behaviour, so a page changes class in place (``adopt``).
    """

    rendered: Rendered | None = None

    @classmethod
    def adopt(cls, page: Page) -> HubPage:
        page.__class__ = cls
        return page  # type: ignore[return-value]

    def render(self, config: MkDocsConfig, files: Files) -> None:
        kept = self.rendered
        if kept is None:
            self._convert(config, files)
            return
        self.content, self.toc, self._title_from_render = kept.content, kept.toc, kept.title
        self.present_anchor_ids = kept.anchors
        if kept.links is not None:
            self.links_to_anchors = {
                file: links for uri, links in kept.links.items() if (file := files.get_file_from_path(uri)) is not None
            }

    def _convert(self, config: MkDocsConfig, files: Files) -> None:
        """``Page.render``, with one Markdown converter per build for all hub pages instead of one per page.

        MkDocs makes a converter for each page, loading every extension again; for thousands of pages that
        was a twentieth of the build. The converter is reset between pages (Python-Markdown's own way to
        reuse one), and MkDocs' four per-page steps are made afresh for each page and registered in place
        of the last page's (a registry replaces an item of the same name).
        """
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = _converter(config)
        md.reset()
        raw_html = pages._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = pages._ExtractAnchorsTreeprocessor(self.file, files, config)
        anchors._register(md)
        relative = pages._RelativePathTreeprocessor(self.file, files, config)
        relative._register(md)
        title = pages._ExtractTitleTreeprocessor()
        title._register(md)
        self.content = md.convert(self.markdown)
        self.toc = pages.get_toc(getattr(md, "toc_tokens", []))
        self._title_from_render = title.title
        self.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = relative.links_to_anchors


_converters: dict[int, tuple[MkDocsConfig, markdown.Markdown]] = {}


def _converter(config: MkDocsConfig) -> markdown.Markdown:
    """The build's Markdown converter, made as ``Page.render`` makes one (a new config is a new build)."""
    kept = _converters.get(id(config))
    if kept is None or kept[0] is not config:
        _converters.clear()
        md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
        kept = _converters[id(config)] = (config, md)
    return kept[1]


def compile_theme(env: jinja2.Environment, first: str = "main.html") -> int:
    """Compile ``first`` and every template it names (extends, includes, imports), so that they are in the
    environment's bytecode cache; the number compiled. A template that cannot be compiled yet (a filter a
    plugin adds later, a name made at render time) is left to be compiled when it is rendered."""
    seen: set[str] = set()
    waiting = [first]
    while waiting:
        name = waiting.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            source, _, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
            env.get_template(name)
            waiting += [n for n in jinja2.meta.find_referenced_templates(env.parse(source)) if n is not None]
        except jinja2.TemplateError:
            seen.discard(name)
            continue
    return len(seen)


HEADER_TOPIC = 'data-md-component="header-topic"'
ELLIPSIS = '<span class="md-ellipsis">'


def split_header(html: str, title: Any) -> tuple[str, str] | None:
    """The theme's header as rendered for one page, cut around that page's title (theme/main.html puts another
    page's title between the two parts); None where the title is not, alone, in the header's topic."""
    title = str(title)
    topic = html.find(HEADER_TOPIC)
    start = html.find(ELLIPSIS, topic) if topic >= 0 else -1
    end = html.find("</span>", start) if start >= 0 else -1
    if end < 0 or not title:
        return None
    start += len(ELLIPSIS)
    inner = html[start:end]
    if inner.strip() != title.strip() or inner.count(title) != 1:
        return None
    at = start + inner.index(title)
    return html[:at], html[at + len(title) :]
