"""The London map, related case studies and the coverage matrix, on in-memory records."""

from __future__ import annotations

import re
from datetime import date

import pytest

from hub.content.records import CaseStudy
from hub.index.coverage import count_pairs
from hub.index.groups import group_case_studies
from hub.index.related import find_related
from hub.pages.coverage import render_coverage_page
from hub.pages.londonmap import BINS, TILES, bin_of, ics_boundaries, render_london_map
from support import record as make_record


def record(stem: str, year: int, themes=("proactive-care",), areas=("camden",)) -> CaseStudy:
    return make_record(
        stem, summary="S.", organisation="O", themes=tuple(themes), areas=tuple(areas), published=date(year, 1, 1)
    )


def test_every_area_but_london_wide_has_exactly_one_tile(contract):
    mapped = {a.id for a in contract.taxonomy.areas if a.ics}
    assert set(TILES) == mapped and len(mapped) == 33
    positions = [(c, r) for c, r, _ in TILES.values()]
    assert len(set(positions)) == len(positions)


@pytest.mark.parametrize(("count", "expected"), [(0, 0), (1, 1), (2, 2), (4, 2), (5, 3), (9, 3), (10, 4), (250, 4)])
def test_shading_bins(count, expected):
    assert bin_of(count) == expected
    assert len(BINS) == 5


def test_ics_outlines_separate_groups(contract):
    segments = ics_boundaries(contract.taxonomy)
    # Camden (3,2) and Islington (4,2) are both NCL: no line between them.
    assert (4 * 108 - 4, 2 * 108 - 4, 4 * 108 - 4, 3 * 108 - 4) not in segments
    # Islington (4,2) and Hackney (5,2) differ (NCL, NEL): a line between them.
    assert (5 * 108 - 4, 2 * 108 - 4, 5 * 108 - 4, 3 * 108 - 4) in segments


def test_map_tiles_link_to_areas_with_accessible_names(contract):
    items = [record("a", 2025, areas=("hackney",)), record("b", 2024, areas=("hackney", "london-wide"))]
    html = render_london_map("boroughs/", group_case_studies(items, contract.taxonomy), contract.taxonomy)
    assert '<a href="hackney/" aria-label="Hackney: 2 case studies">' in html
    assert '<a href="barnet/" aria-label="Barnet: 0 case studies">' in html
    # Tiles and London-wide; the visually hidden table has no links (issue 14: focus never goes unseen).
    assert html.count("<a href=") == 33 + 1
    assert '<a href="london-wide/">London-wide: 1 case study</a>' in html
    assert '<th scope="row">Hackney</th><td>North East London</td><td>2</td>' in html
    hackney_tile = re.search(
        r'aria-label="Hackney: 2 case studies"><rect class="hub-map__tile (hub-map__bin-\d)"', html
    )
    assert hackney_tile.group(1) == "hub-map__bin-2"


def test_related_prefers_shared_terms_then_recency(contract):
    me = record("me", 2025, themes=("proactive-care", "digital"), areas=("camden",))
    both = record("both", 2020, themes=("digital",), areas=("camden",))
    theme_new = record("theme-new", 2024, themes=("proactive-care",), areas=("sutton",))
    theme_old = record("theme-old", 2019, themes=("proactive-care",), areas=("sutton",))
    stranger = record("stranger", 2025, themes=("workforce",), areas=("bexley",))
    items = [me, both, theme_new, theme_old, stranger]
    related = find_related(items, group_case_studies(items, contract.taxonomy))
    assert [r.stem for r in related["me"]] == ["both", "theme-new", "theme-old"]
    assert related["stranger"] == ()


def test_related_is_capped_and_looks_only_at_the_newest_per_term(contract):
    items = [record(f"cs-{n:03}", 2000 + n % 25, areas=(("camden",) if n % 2 else ("sutton",))) for n in range(200)]
    indexes = group_case_studies(items, contract.taxonomy)
    related = find_related(items, indexes, limit=5, per_term=10)
    assert all(len(r) == 5 for r in related.values())
    newest_per_theme = {c.stem for c in indexes.themes["proactive-care"][:10]}
    newest_per_area = {c.stem for g in ("camden", "sutton") for c in indexes.areas[g][:10]}
    assert all(r.stem in newest_per_theme | newest_per_area for rs in related.values() for r in rs)


def test_coverage_counts_and_gaps(contract):
    items = [
        record("a", 2025, themes=("proactive-care", "digital"), areas=("camden", "hackney")),
        record("b", 2024, themes=("proactive-care",), areas=("camden",)),
    ]
    by_ics, by_area = count_pairs(items)
    assert by_ics[("proactive-care", "north-central-london")] == 2
    assert by_ics[("digital", "north-east-london")] == 1
    assert by_area[("proactive-care", "camden")] == 2
    page = render_coverage_page(items, contract.taxonomy)
    assert (
        '<a href="../search/?type=Case+study&amp;theme=Proactive+care&amp;ics=North+Central+London" '
        'aria-label="2 case studies on Proactive care in North Central London">2</a>'
    ) in page
    assert (
        '<td class="hub-gap"><a href="../contribute/submit/" aria-label="No case studies on Workforce in '
        'North Central London yet: share one">0</a></td>'
    ) in page
    themes, ics = len(contract.taxonomy.themes), len(contract.taxonomy.ics)
    assert (
        f"{themes * ics - 4} of {themes * ics} theme and integrated care system pairs have no case study yet." in page
    )


def related_by_definition(items, indexes, limit, per_term):
    """Related case studies as the module docstring defines them, counted one by one (the reference)."""
    from hub.index.related import WEIGHTS, distinctive_words, group_by_word

    by_word = group_by_word(items)
    by_stem = {c.stem: c for c in items}
    result = {}
    for me in items:
        weight: dict[str, int] = {}
        groups = (
            [("theme", indexes.themes[t]) for t in me.themes]
            + [("area", indexes.areas[a]) for a in me.areas]
            + [("setting", indexes.settings[s]) for s in me.settings]
            + [("word", by_word[w]) for w in distinctive_words(me) if w in by_word]
        )
        for kind, group in groups:
            for other in group[:per_term]:
                if other.stem != me.stem:
                    weight[other.stem] = weight.get(other.stem, 0) + WEIGHTS[kind]
        ranked = sorted(weight, key=lambda stem: (-weight[stem], by_stem[stem].sort_key))[:limit]
        result[me.stem] = tuple(by_stem[stem] for stem in ranked)
    return result


def test_related_counted_in_bulk_is_related_by_definition(contract):
    """find_related counts shared groups in bulk and ranks only the likely ones: the same as counting one by one."""
    import random

    rng = random.Random(15)
    themes = [t.id for t in contract.taxonomy.themes]
    areas = [a.id for a in contract.taxonomy.areas]
    settings = [s.id for s in contract.taxonomy.settings]
    words = "social prescribing frailty triage online booking evening clinic pharmacist carers homes".split()
    for _trial in range(20):
        items = [
            make_record(
                f"cs-{n:03}",
                title=" ".join(rng.sample(words, 3)),
                summary=" ".join(rng.sample(words, 4)),
                organisation="O",
                themes=tuple(rng.sample(themes, rng.randint(1, 3))),
                areas=tuple(rng.sample(areas, rng.randint(1, 2))),
                settings=tuple(rng.sample(settings, rng.randint(1, 2))),
                published=date(2015 + rng.randint(0, 10), rng.randint(1, 12), 1),
            )
            for n in range(rng.randint(2, 150))
        ]
        indexes = group_case_studies(items, contract.taxonomy)
        limit, per_term = rng.randint(1, 8), rng.randint(1, 60)
        assert find_related(items, indexes, limit, per_term) == related_by_definition(items, indexes, limit, per_term)
