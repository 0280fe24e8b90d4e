"""The London map: one square tile per area, grouped by ICS, shaded by case studies.

Generated at build time as inline SVG: no JavaScript, no map tiles, no
third-party data. Each tile links to its area's page and is named for
screen readers ("Hackney: 4 case studies"); the same data follows as a
table, for screen readers and print.
"""

from __future__ import annotations

from hub.pages.html import esc, link, plural, relative_url
from hub.index.groups import Indexes
from hub.pages.entries import term_url
from hub.content.taxonomy import Taxonomy

# A recognisable London layout on an 8 x 6 grid: (column, row) per area id,
# with the label split into lines that fit a tile.
TILES: dict[str, tuple[int, int, tuple[str, ...]]] = {
    "enfield": (4, 0, ("Enfield",)),
    "harrow": (2, 1, ("Harrow",)),
    "barnet": (3, 1, ("Barnet",)),
    "haringey": (4, 1, ("Haringey",)),
    "waltham-forest": (5, 1, ("Waltham", "Forest")),
    "hillingdon": (0, 2, ("Hillingdon",)),
    "ealing": (1, 2, ("Ealing",)),
    "brent": (2, 2, ("Brent",)),
    "camden": (3, 2, ("Camden",)),
    "islington": (4, 2, ("Islington",)),
    "hackney": (5, 2, ("Hackney",)),
    "redbridge": (6, 2, ("Redbridge",)),
    "havering": (7, 2, ("Havering",)),
    "hounslow": (0, 3, ("Hounslow",)),
    "hammersmith-and-fulham": (1, 3, ("Hammersmith", "& Fulham")),
    "kensington-and-chelsea": (2, 3, ("Kensington", "& Chelsea")),
    "westminster": (3, 3, ("Westminster",)),
    "city-of-london": (4, 3, ("City of", "London")),
    "tower-hamlets": (5, 3, ("Tower", "Hamlets")),
    "newham": (6, 3, ("Newham",)),
    "barking-and-dagenham": (7, 3, ("Barking &", "Dagenham")),
    "richmond-upon-thames": (1, 4, ("Richmond",)),
    "wandsworth": (2, 4, ("Wandsworth",)),
    "lambeth": (3, 4, ("Lambeth",)),
    "southwark": (4, 4, ("Southwark",)),
    "lewisham": (5, 4, ("Lewisham",)),
    "greenwich": (6, 4, ("Greenwich",)),
    "bexley": (7, 4, ("Bexley",)),
    "kingston-upon-thames": (1, 5, ("Kingston",)),
    "merton": (2, 5, ("Merton",)),
    "sutton": (3, 5, ("Sutton",)),
    "croydon": (4, 5, ("Croydon",)),
    "bromley": (5, 5, ("Bromley",)),
}
ICS_SHORT = {
    "north-central-london": "NCL",
    "north-east-london": "NEL",
    "north-west-london": "NWL",
    "south-east-london": "SEL",
    "south-west-london": "SWL",
}
# Shading bins: (lowest count, label). Colours are in hub.css (.hub-map__bin-N).
BINS = ((0, "None yet"), (1, "1"), (2, "2 to 4"), (5, "5 to 9"), (10, "10 or more"))
SIZE, GAP = 100, 8
STEP = SIZE + GAP


def bin_of(count: int) -> int:
    """The index of the shading bin for ``count``."""
    return max(i for i, (lowest, _) in enumerate(BINS) if count >= lowest)


def ics_boundaries(taxonomy: Taxonomy) -> list[tuple[int, int, int, int]]:
    """Line segments where a tile meets another ICS or the map's edge: the groups' outlines."""
    ics_at = {(c, r): taxonomy.areas[a].ics for a, (c, r, _) in TILES.items()}
    lines = []
    half = GAP // 2
    for (col, row), ics in ics_at.items():
        x0, y0 = col * STEP - half, row * STEP - half
        x1, y1 = x0 + STEP, y0 + STEP
        for (dc, dr), segment in (
            ((0, -1), (x0, y0, x1, y0)),
            ((0, 1), (x0, y1, x1, y1)),
            ((-1, 0), (x0, y0, x0, y1)),
            ((1, 0), (x1, y0, x1, y1)),
        ):
            if ics_at.get((col + dc, row + dr)) != ics:
                lines.append(segment)
    return lines


def render_london_map(from_url: str, indexes: Indexes, taxonomy: Taxonomy, heading_id: str = "london-map") -> str:
    """The map, its legend and its data table, as one HTML block."""
    columns = max(c for c, _, _ in TILES.values()) + 1
    rows = max(r for _, r, _ in TILES.values()) + 1
    width, height = columns * STEP, rows * STEP
    tiles = []
    for area_id, (col, row, label) in TILES.items():
        area = taxonomy.areas[area_id]
        count = len(indexes.areas[area_id])
        shade = bin_of(count)
        x, y = col * STEP + GAP // 2, row * STEP + GAP // 2
        name = f"{area.name}: {plural(count, 'case study', 'case studies')}"
        lines = "".join(
            f'<tspan x="{x + SIZE / 2:g}" dy="{0 if i == 0 else 15}">{esc(part)}</tspan>' for i, part in enumerate(label)
        )
        first_line_y = y + (34 if len(label) == 1 else 28)
        tiles.append(
            f'<a href="{esc(relative_url(from_url, term_url("areas", area_id)))}" aria-label="{esc(name)}">'
            f'<rect class="hub-map__tile hub-map__bin-{shade}" x="{x}" y="{y}" width="{SIZE}" height="{SIZE}" rx="4"/>'
            f'<text class="hub-map__name hub-map__text-{shade}" x="{x + SIZE / 2:g}" y="{first_line_y}" text-anchor="middle">{lines}</text>'
            f'<text class="hub-map__count hub-map__text-{shade}" x="{x + SIZE / 2:g}" y="{y + 78}" text-anchor="middle">{count}</text>'
            f'<text class="hub-map__ics hub-map__text-{shade}" x="{x + 6}" y="{y + SIZE - 6}">{ICS_SHORT[area.ics or ""]}</text>'
            "</a>"
        )
    outline = "".join(f'<line x1="{a}" y1="{b}" x2="{c}" y2="{d}"/>' for a, b, c, d in ics_boundaries(taxonomy))
    svg = (
        f'<svg class="hub-map__svg" viewBox="{-GAP} {-GAP} {width + 2 * GAP} {height + 2 * GAP}" '
        f'aria-labelledby="{heading_id}-svg-title" focusable="false">'
        f'<title id="{heading_id}-svg-title">Map of London\'s 33 areas: each square links to its case studies</title>'
        f'{"".join(tiles)}<g class="hub-map__ics-lines" aria-hidden="true">{outline}</g></svg>'
    )
    return (
        f'<figure class="hub-map" aria-labelledby="{heading_id}-caption"><div class="hub-map__scroll">{svg}</div>'
        f'<figcaption id="{heading_id}-caption">{render_legend(taxonomy)}</figcaption></figure>\n\n'
        + render_pan_london(from_url, indexes, taxonomy)
        + "\n\n"
        + render_map_table(from_url, indexes, taxonomy)
    )


def render_legend(taxonomy: Taxonomy) -> str:
    swatches = "".join(
        f'<li><span class="hub-map__swatch hub-map__bin-{i}" aria-hidden="true"></span>{esc(label)}</li>'
        for i, (_, label) in enumerate(BINS)
    )
    groups = "; ".join(f"{ICS_SHORT[i.id]}: {esc(i.name)}" for i in taxonomy.ics)
    return (
        "<p>Each square is one London area, shaded by its number of case studies. Select a square to see them.</p>"
        f'<ul class="hub-map__legend" aria-label="Number of case studies">{swatches}</ul>'
        f"<p>Thick lines outline the five integrated care systems, and each square names its own: {groups}.</p>"
    )


def render_pan_london(from_url: str, indexes: Indexes, taxonomy: Taxonomy) -> str:
    """London-wide work, which no single square can show."""
    items = []
    for area in (a for a in taxonomy.areas if a.ics is None):
        text = f"{area.name}: {plural(len(indexes.areas[area.id]), 'case study', 'case studies')}"
        items.append(f'<p class="hub-map__wide">{link(from_url, term_url("areas", area.id), text)}</p>')
    return "\n".join(items)


def render_map_table(from_url: str, indexes: Indexes, taxonomy: Taxonomy) -> str:
    """The map's data as a table: on screen for screen readers, and printed."""
    rows = "".join(
        f'<tr><th scope="row">{link(from_url, term_url("areas", a.id), a.name)}</th>'
        f'<td>{esc(taxonomy.ics[a.ics].name) if a.ics else "Across London"}</td>'
        f"<td>{len(indexes.areas[a.id])}</td></tr>"
        for a in taxonomy.areas
    )
    return (
        '<div class="hub-map-table hub-table" data-pagefind-ignore><table><caption>Case studies by area</caption>'
        '<thead><tr><th scope="col">Area</th><th scope="col">Integrated care system</th>'
        f'<th scope="col">Case studies</th></tr></thead><tbody>{rows}</tbody></table></div>'
    )
