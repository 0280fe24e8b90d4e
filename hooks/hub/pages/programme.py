"""The programme page at /programme/: the hub's growth as build-time SVG charts (``templates/charts.html``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import yaml

from hub.content.records import Adoption, CaseStudy
from hub.content.taxonomy import Taxonomy
from hub.index.groups import Indexes
from hub.index.programme import (
    Series,
    by_evidence,
    by_ics,
    by_theme,
    empty_areas,
    published_per_quarter,
    with_outcomes,
)
from hub.pages.html import esc, raw
from hub.pages.templating import Markup, macro

FRONT_MATTER = {
    "title": "The hub in numbers",
    "description": "How the London Primary Care Knowledge Hub has grown: case studies and adoption notes by "
    "quarter, place, theme, evidence and outcomes.",
    "search": {"exclude": True},
}
WIDTH, LABEL, ROW_BAR = 640, 230, 22  # the SVG's width, the label column, one bar's height


@dataclass(frozen=True)
class Geometry:
    """Where a bar chart draws: rows of bars, scaled to the largest value."""

    width: int
    height: int
    label: int
    row: int
    bar: int
    scale: float  # pixels per unit


def geometry(series: Series) -> Geometry:
    bars = max(len(series.columns), 1)
    row = bars * ROW_BAR + 8
    largest = max((v for _label, values in series.rows for v in values), default=0)
    room = WIDTH - LABEL - 40  # space for the value's label after the longest bar
    return Geometry(WIDTH, max(row * len(series.rows), row), LABEL, row, ROW_BAR, room / largest if largest else 0)


def render_chart(chart_id: str, series: Series) -> Markup:
    return macro("charts.html", "bars")(chart_id, series, geometry(series))


def render_programme_page(
    case_studies: Sequence[CaseStudy],
    adoptions: Sequence[Adoption],
    indexes: Indexes,
    taxonomy: Taxonomy,
    today: date,
) -> str:
    """The whole page, with front matter."""
    charts = [
        (
            "published",
            "Published, by quarter",
            render_chart("chart-published", published_per_quarter(case_studies, adoptions)),
        ),
        ("by-ics", "Where: by integrated care system", render_chart("chart-ics", by_ics(indexes, taxonomy))),
        ("by-theme", "What: by theme", render_chart("chart-theme", by_theme(indexes, taxonomy))),
        ("evidence", "How sure: evidence", render_chart("chart-evidence", by_evidence(case_studies, taxonomy))),
        ("outcomes", "Measured outcomes", render_chart("chart-outcomes", with_outcomes(case_studies))),
    ]
    html = macro("charts.html", "page")(
        charts, empty_areas(indexes, taxonomy), len(case_studies), len(adoptions), today
    )
    front = "---\n" + yaml.safe_dump(FRONT_MATTER, sort_keys=False) + "---\n"
    return f"{front}# {esc(FRONT_MATTER['title'])}" + raw(html)
