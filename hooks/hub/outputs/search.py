"""Search with Pagefind: what each page says about itself, and building the index.

Pages carry Pagefind filters (facets), metadata and sort keys as attributes;
the index is built after the site, by Pagefind's own indexer (``pagefind[bin]``
ships the binary). Nothing is loaded by a page until someone searches.
"""

from __future__ import annotations

import asyncio
from html import escape
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from hub.index.facets import UNDATED, SearchData


def wrap_for_index(html: str, data: SearchData, title: str, fallback_date: str | None = None) -> str:
    """A page's content marked for Pagefind: only this is indexed, with its facets and sorts.

    Pagefind indexes nothing outside ``data-pagefind-body`` once any page has it,
    so navigation, headers, footers and generated lists stay out of the index.
    Every page gets a date to sort on (``fallback_date``, else the earliest),
    because Pagefind leaves pages without a sort key out of sorted results.
    """
    tags = [f'<span hidden data-pagefind-meta="{escape(key)}:{escape(value)}"></span>' for key, value in data.meta.items()]
    tags += [f'<span hidden data-pagefind-filter="{escape(key)}:{escape(value)}"></span>' for key, value in data.filters]
    date = data.sort_date or fallback_date or UNDATED
    tags.append(f'<span hidden data-pagefind-sort="date:{escape(date)}"></span>')
    tags.append(f'<span hidden data-pagefind-sort="started:{escape(data.sort_started or UNDATED[:7])}"></span>')
    tags.append(f'<span hidden data-pagefind-sort="title:{escape(title.casefold())}"></span>')
    return "<div data-pagefind-body>" + "".join(tags) + html + "</div>"


def build_index(site_dir: Path) -> int:
    """Index the built site into ``site_dir/pagefind``; the number of HTML files read.

    One call for the whole folder: Pagefind's Python wrapper reads the replies
    of its indexer process at most ten a second, so feeding it page by page
    during the build was measured at 111 s for 1,000 case studies, against
    about 2 s for this.
    """

    async def run() -> int:
        config = IndexConfig(force_language="en", output_path=str(site_dir / "pagefind"))
        async with PagefindIndex(config=config) as index:
            result = await index.add_directory(str(site_dir))
            return int(result["page_count"])

    return asyncio.run(run())
