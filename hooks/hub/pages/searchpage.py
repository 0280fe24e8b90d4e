"""The full search page: facets from the taxonomy, filled and counted by assets/search.js."""

from __future__ import annotations

from hub import urls
from hub.content.taxonomy import Taxonomy
from hub.index.facets import FACETS, TYPES
from hub.pages.templating import macro

# Where readers go without JavaScript: every index page.
BROWSE = (
    (urls.CASE_STUDIES, "All case studies"),
    (urls.THEMES, "Case studies by theme"),
    (urls.AREAS, "Case studies by borough"),
    (urls.ICSS, "Case studies by integrated care system"),
    (urls.FRAMEWORK, "The London framework for primary care"),
    (urls.LEADERSHIP, "Leadership resources"),
    (urls.NEWS, "News"),
)


def facet_values(taxonomy: Taxonomy) -> dict[str, list[str]]:
    """The values each facet offers, in the taxonomy's order (periods and years come from the index)."""
    return {
        "type": list(TYPES),
        "theme": [t.name for t in taxonomy.themes],
        "area": [a.name for a in taxonomy.areas],
        "ics": [i.name for i in taxonomy.ics],
        "setting": [s.name for s in taxonomy.settings],
        "status": [s.name for s in taxonomy.statuses],
        "evidence": [e.name for e in taxonomy.evidence],
        "started": [],
        "year": [],
    }


def render_search_page(page_url: str, taxonomy: Taxonomy) -> str:
    return str(macro("searchpage.html", "page")(page_url, BROWSE, FACETS, facet_values(taxonomy)))
