"""The hub's pages as MkDocs objects: a page that can take its Markdown step's result from elsewhere.

A case study or list page is populated once per build: its Markdown made by the hub,
converted by Python-Markdown, finished by the hub's content event. ``HubPage`` can be
handed that step's result instead (``Rendered``): from the last build under ``mkdocs
serve`` (hub_serve.py), or from a second process in a full build (hub_parallel.py).

MkDocs-facing, like ``hub_hooks.py``, which uses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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
            super().render(config, files)
            return
        self.content, self.toc, self._title_from_render = kept.content, kept.toc, kept.title
        self.present_anchor_ids = kept.anchors
        if kept.links is not None:
            self.links_to_anchors = {
                file: links for uri, links in kept.links.items() if (file := files.get_file_from_path(uri)) is not None
            }
