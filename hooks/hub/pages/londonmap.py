"""The London map: one square tile per area, grouped by ICS, shaded by case studies.

Generated at build time as inline SVG: no JavaScript, no map tiles, no
third-party data. Each tile links to its area's page and is named for
screen readers ("Hackney: 4 case studies"); the same data follows as a
table, for screen readers and print.
"""

from __future__ import annotations

from collections.abc import Sequence

from hub.content.taxonomy import Taxonomy
from hub.index.groups import Indexes
from hub.pages.templating import Markup, macro

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
# Short names for the compact map on a phone, where a whole name would be too small to read
# (the full name stays in each square's accessible name and in the table).
SHORT = {
    "enfield": "Enf",
    "harrow": "Harr",
    "barnet": "Barn",
    "haringey": "Hgy",
    "waltham-forest": "WF",
    "hillingdon": "Hill",
    "ealing": "Eal",
    "brent": "Brent",
    "camden": "Cam",
    "islington": "Isl",
    "hackney": "Hack",
    "redbridge": "Red",
    "havering": "Hav",
    "hounslow": "Houn",
    "hammersmith-and-fulham": "H&F",
    "kensington-and-chelsea": "K&C",
    "westminster": "Wmin",
    "city-of-london": "City",
    "tower-hamlets": "TH",
    "newham": "New",
    "barking-and-dagenham": "B&D",
    "richmond-upon-thames": "Rich",
    "wandsworth": "Wand",
    "lambeth": "Lam",
    "southwark": "Sthk",
    "lewisham": "Lew",
    "greenwich": "Gren",
    "bexley": "Bex",
    "kingston-upon-thames": "King",
    "merton": "Mert",
    "sutton": "Sutt",
    "croydon": "Croy",
    "bromley": "Brom",
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
    """The map, its legend and its data table, as one HTML block (``templates/londonmap.html``)."""
    columns = max(c for c, _, _ in TILES.values()) + 1
    rows = max(r for _, r, _ in TILES.values()) + 1
    width, height = columns * STEP, rows * STEP
    tile = macro("londonmap.html", "tile")
    tiles = []
    for area_id, (col, row, label) in TILES.items():
        area = taxonomy.areas[area_id]
        count = len(indexes.areas[area_id])
        x, y = col * STEP + GAP // 2, row * STEP + GAP // 2
        tiles.append(
            tile(from_url, area, count, bin_of(count), x, y, label, SIZE, ICS_SHORT[area.ics or ""], SHORT[area_id])
        )
    view_box = f"{-GAP} {-GAP} {width + 2 * GAP} {height + 2 * GAP}"
    figure = macro("londonmap.html", "map")(
        heading_id, view_box, tiles, ics_boundaries(taxonomy), render_legend(taxonomy)
    )
    pan_london = macro("londonmap.html", "pan_london")(from_url, indexes, taxonomy)
    after = f'<span id="{heading_id}-after" tabindex="-1"></span>'  # where "Skip the map" lands
    return f"{figure}\n\n{after}{pan_london}\n\n{render_map_table(from_url, indexes, taxonomy)}"


def render_legend(taxonomy: Taxonomy) -> Markup:
    groups = "; ".join(f"{ICS_SHORT[i.id]}: {i.name}" for i in taxonomy.ics)
    return macro("londonmap.html", "legend")([label for _, label in BINS], groups)


def render_map_table(from_url: str, indexes: Indexes, taxonomy: Taxonomy) -> str:
    """The map's data as a table: on screen for screen readers, and printed."""
    return str(macro("londonmap.html", "table")(from_url, indexes, taxonomy))


def render_spread_map(from_url: str, origin: Sequence[str], tried: Sequence[str], taxonomy: Taxonomy) -> str:
    """A small map of where a case study started (``origin`` area ids) and where it was tried since."""
    columns = max(c for c, _, _ in TILES.values()) + 1
    rows = max(r for _, r, _ in TILES.values()) + 1
    tile = macro("londonmap.html", "spread_tile")
    tiles = []
    for area_id, (col, row, label) in TILES.items():
        kind = "origin" if area_id in origin else "tried" if area_id in tried else "none"
        x, y = col * STEP + GAP // 2, row * STEP + GAP // 2
        tiles.append(tile(from_url, taxonomy.areas[area_id], kind, x, y, label, SIZE, SHORT[area_id]))
    view_box = f"{-GAP} {-GAP} {columns * STEP + 2 * GAP} {rows * STEP + 2 * GAP}"
    names = [taxonomy.areas[a].name for a in origin], [taxonomy.areas[a].name for a in tried if a not in origin]
    return str(macro("londonmap.html", "spread")(view_box, tiles, *names))
