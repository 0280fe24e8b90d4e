"""The coverage matrix: case studies per theme and place, with the gaps visible.

For the programme team: each count links to the matching search, and each
empty cell to the form for sharing a case study.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence
from urllib.parse import urlencode

from hub.pages.html import esc, link, raw
from hub.content.records import CaseStudy
from hub.pages.entries import ics_of
from hub.content.taxonomy import Taxonomy, Term

SUBMIT_URL = "contribute/submit/"


def count_pairs(case_studies: Sequence[CaseStudy], taxonomy: Taxonomy) -> tuple[Counter, Counter]:
    """(theme, ics) and (theme, area) counts; a case study counts once per pair."""
    by_ics: Counter[tuple[str, str]] = Counter()
    by_area: Counter[tuple[str, str]] = Counter()
    for record in case_studies:
        for theme in record.themes:
            for ics in ics_of(record, taxonomy):
                by_ics[(theme, ics)] += 1
            for area in record.areas:
                by_area[(theme, area)] += 1
    return by_ics, by_area


def search_url(theme: Term, place_key: str, place: Term) -> str:
    return "search/?" + urlencode({"type": "Case study", "theme": theme.name, place_key: place.name})


def _cell(from_url: str, count: int, theme: Term, place_key: str, place: Term) -> str:
    if count:
        label = f"{count} case stud{'y' if count == 1 else 'ies'} on {theme.name} in {place.name}"
        return f'<td>{link(from_url, search_url(theme, place_key, place), str(count), aria_label=label)}</td>'
    label = f"No case studies on {theme.name} in {place.name} yet: share one"
    return f'<td class="hub-gap">{link(from_url, SUBMIT_URL, "0", aria_label=label)}</td>'


def render_matrix(
    from_url: str, caption: str, places: Sequence[Term], place_key: str, counts: Counter, taxonomy: Taxonomy,
    place_header: str,
) -> str:
    """Themes as rows, places as columns."""
    head = "".join(f'<th scope="col">{esc(p.name)}</th>' for p in places)
    rows = ""
    for theme in taxonomy.themes:
        cells = "".join(_cell(from_url, counts[(theme.id, p.id)], theme, place_key, p) for p in places)
        rows += f'<tr><th scope="row">{esc(theme.name)}</th>{cells}</tr>'
    return (
        f'<div class="hub-table hub-coverage"><table><caption>{esc(caption)}</caption>'
        f'<thead><tr><th scope="col">{esc(place_header)}</th>{head}</tr></thead><tbody>{rows}</tbody></table></div>'
    )


def render_coverage_page(case_studies: Sequence[CaseStudy], taxonomy: Taxonomy) -> str:
    """The whole page, with front matter."""
    url = "coverage/"
    by_ics, by_area = count_pairs(case_studies, taxonomy)
    gaps = sum(1 for t in taxonomy.themes for i in taxonomy.ics if not by_ics[(t.id, i.id)])
    cells = len(taxonomy.themes) * len(taxonomy.ics)
    parts = [
        "---\ntitle: Coverage\ndescription: Case studies by theme and integrated care system, with the gaps to fill.\n"
        "search:\n  exclude: true\nhide:\n  - toc\n---\n",
        "Coverage by theme and place",
        "<p>Where London has shared what works, and where there are gaps to fill. Each number links to those "
        "case studies in the search; each <strong>0</strong> is a gap, and links to the form for sharing a case study.</p>",
        "",
        f'<p class="hub-coverage__summary">{gaps} of {cells} theme and integrated care system pairs have no case '
        "study yet.</p>",
        "",
        '<h2 id="by-ics">By theme and integrated care system</h2>',
        "",
        render_matrix(url, "Case studies by theme and integrated care system", list(taxonomy.ics), "ics", by_ics,
                      taxonomy, "Theme"),
        "",
        '<h2 id="by-area">By theme and area</h2>',
        "",
    ]
    for ics in taxonomy.ics:
        parts += [
            render_matrix(url, f"Case studies by theme in {ics.name}", list(taxonomy.areas_of_ics(ics.id)), "area",
                          by_area, taxonomy, "Theme"),
            "",
        ]
    wide = [a for a in taxonomy.areas if a.ics is None]
    if wide:
        parts.append(render_matrix(url, "Case studies by theme across London", wide, "area", by_area, taxonomy, "Theme"))
    return f"{parts[0]}# {esc(parts[1])}" + raw("\n".join(p for p in parts[2:] if p))

