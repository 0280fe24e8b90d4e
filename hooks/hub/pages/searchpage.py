"""The full search page: facets from the taxonomy, filled and counted by assets/search.js."""

from __future__ import annotations

from hub.pages.html import esc, link
from hub.outputs.search import FACETS, TYPES
from hub.content.taxonomy import Taxonomy

# Where readers go without JavaScript: every index page.
BROWSE = (
    ("case-studies/", "All case studies"),
    ("themes/", "Case studies by theme"),
    ("boroughs/", "Case studies by borough"),
    ("ics/", "Case studies by integrated care system"),
    ("framework/", "The London framework for primary care"),
    ("leadership/", "Leadership resources"),
    ("news/", "News"),
)


def facet_values(taxonomy: Taxonomy) -> dict[str, list[str]]:
    """The values each facet offers, in the taxonomy's order (years come from the index)."""
    return {
        "type": list(TYPES),
        "theme": [t.name for t in taxonomy.themes],
        "area": [a.name for a in taxonomy.areas],
        "ics": [i.name for i in taxonomy.ics],
        "setting": [s.name for s in taxonomy.settings],
        "status": [s.name for s in taxonomy.statuses],
        "evidence": [e.name for e in taxonomy.evidence],
        "year": [],
    }


def render_search_page(page_url: str, taxonomy: Taxonomy) -> str:
    browse = "".join(f"<li>{link(page_url, url, text)}</li>" for url, text in BROWSE)
    values = facet_values(taxonomy)
    facets = ""
    for key, label in FACETS:
        options = "".join(
            f'<div class="hub-choice"><input type="checkbox" id="facet-{key}-{n}" name="{key}" value="{esc(value)}">'
            f'<label for="facet-{key}-{n}">{esc(value)} <span class="hub-facet__count"></span></label></div>'
            for n, value in enumerate(values[key])
        )
        facets += (
            f'<fieldset class="hub-facet" data-facet="{key}"><legend>{esc(label)}</legend>'
            f'<div class="hub-facet__options">{options}</div></fieldset>'
        )
    return f"""<div class="hub-search-page" data-hub-search-page>
<div class="hub-search-page__nojs" data-hub-nojs>
<p><strong>Search needs JavaScript, which is off or blocked in your browser.</strong> You can find everything from these pages instead:</p>
<ul>{browse}</ul>
</div>
<form class="hub-form hub-search-form" id="hub-search-form" role="search" aria-label="Search with filters" hidden>
<div class="hub-search-form__query">
<label for="hub-q">Search for</label>
<input type="search" id="hub-q" name="q" autocomplete="off">
<button type="submit" class="md-button md-button--primary">Search</button>
</div>
<div class="hub-search-layout">
<section class="hub-facets" aria-labelledby="hub-facets-title">
<h2 id="hub-facets-title">Filter results</h2>
<p class="hub-hint">Ticking more boxes in one group widens the results; ticking boxes in different groups narrows them.</p>
{facets}
<button type="button" class="md-button" id="hub-clear-filters">Clear all filters</button>
</section>
<section class="hub-search-results" aria-labelledby="hub-results-title">
<h2 id="hub-results-title">Results</h2>
<div class="hub-search-results__bar">
<label for="hub-sort">Sort by</label>
<select id="hub-sort" name="sort">
<option value="">Best match</option>
<option value="newest">Newest first</option>
<option value="title">Title (A to Z)</option>
</select>
</div>
<p class="hub-search-results__count" id="hub-count" role="status" aria-live="polite"></p>
<ol class="hub-search-results__list" id="hub-results"></ol>
<button type="button" class="md-button" id="hub-more" hidden>Show more results</button>
</section>
</div>
</form>
</div>"""
