"""Python-Markdown adapter: the hub's one change to what Markdown writes.

Markdown's tables extension aligns a column (``|---:|``) with a style
attribute on each cell, ``style="text-align: right;"``. The site's
Content-Security-Policy (``style-src 'self'``) refuses every style attribute,
so the browser reports a violation per cell and the column is not aligned.
Here the attribute becomes a class, ``hub-align-right``, which assets/hub.css
aligns. hub_hooks.py adds this extension to every page's Markdown in on_config.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from markdown import Markdown

# Exactly what markdown/extensions/tables.py writes; any other style is left for the CSP to refuse.
TABLE_ALIGN = re.compile(r"text-align: (left|right|center);")
CELLS = ("th", "td")


class AlignTableCellsByClass(Treeprocessor):
    """Table cells aligned by a class rather than a style attribute."""

    def run(self, root: Element) -> None:
        for table in root.iter("table"):
            for cell in table.iter():
                style = cell.get("style")
                if cell.tag not in CELLS or style is None:
                    continue
                aligned = TABLE_ALIGN.fullmatch(style)
                if aligned:
                    del cell.attrib["style"]
                    cell.set("class", " ".join(filter(None, (cell.get("class"), f"hub-align-{aligned.group(1)}"))))


class HubMarkdown(Extension):
    """The hub's changes to Markdown's output."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After the tables block processor has built the cells; before prettify (10).
        md.treeprocessors.register(AlignTableCellsByClass(md), "hub_align_table_cells", 15)
