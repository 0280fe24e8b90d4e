"""The coverage page: case studies per theme and place, with the gaps visible (``templates/coverage.html``).

For the programme team: each count links to the matching search, and each
empty cell to the form for sharing a case study.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from hub.content.records import CaseStudy
from hub.content.taxonomy import Taxonomy
from hub.index.coverage import count_pairs
from hub.pages.html import esc, raw
from hub.pages.templating import macro

FRONT_MATTER = {
    "title": "Coverage",
    "description": "Case studies by theme and integrated care system, with the gaps to fill.",
    "search": {"exclude": True},
    "hide": ["toc"],
}


def render_coverage_page(case_studies: Sequence[CaseStudy], taxonomy: Taxonomy) -> str:
    """The whole page, with front matter."""
    by_ics, by_area = count_pairs(case_studies)
    gaps = sum(1 for t in taxonomy.themes for i in taxonomy.ics if not by_ics[(t.id, i.id)])
    cells = len(taxonomy.themes) * len(taxonomy.ics)
    html = macro("coverage.html", "page")(taxonomy, by_ics, by_area, gaps, cells)
    front = "---\n" + yaml.safe_dump(FRONT_MATTER, sort_keys=False) + "---\n"
    return f"{front}# {esc('Coverage by theme and place')}" + raw(html)
