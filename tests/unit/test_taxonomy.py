"""The taxonomy: complete London geography, consistent vocabularies, clear errors."""

from __future__ import annotations

import copy

import pytest
import yaml

from hub.content.taxonomy import DEFAULT_PATH, TaxonomyError, load_taxonomy, parse_taxonomy

# The 33 areas of the five ICSs, from shared/reference/scf-facts.md section 5.
ICS_AREAS = {
    "north-central-london": {"Barnet", "Camden", "Enfield", "Haringey", "Islington"},
    "north-east-london": {
        "Barking and Dagenham",
        "City of London",
        "Hackney",
        "Havering",
        "Newham",
        "Redbridge",
        "Tower Hamlets",
        "Waltham Forest",
    },
    "north-west-london": {
        "Brent",
        "Ealing",
        "Hammersmith and Fulham",
        "Harrow",
        "Hillingdon",
        "Hounslow",
        "Kensington and Chelsea",
        "Westminster",
    },
    "south-east-london": {"Bexley", "Bromley", "Greenwich", "Lambeth", "Lewisham", "Southwark"},
    "south-west-london": {"Croydon", "Kingston upon Thames", "Merton", "Richmond upon Thames", "Sutton", "Wandsworth"},
}


@pytest.fixture(scope="module")
def raw():
    return yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))


@pytest.fixture
def shipped(raw):
    """A copy of the shipped taxonomy's data to change."""
    return copy.deepcopy(raw)


def test_every_ics_has_exactly_its_areas():
    taxonomy = load_taxonomy()
    for ics_id, names in ICS_AREAS.items():
        assert {a.name for a in taxonomy.areas_of_ics(ics_id)} == names
    assert sum(len(n) for n in ICS_AREAS.values()) == 33


def test_london_wide_has_no_ics_and_area_ids_are_slugs():
    taxonomy = load_taxonomy()
    assert taxonomy.areas["london-wide"].ics is None
    assert len(taxonomy.areas) == 34
    assert taxonomy.areas.resolve("Tower Hamlets").id == "tower-hamlets"
    assert taxonomy.areas.resolve("city of london").id == "city-of-london"


def test_framework_themes_and_ladders():
    taxonomy = load_taxonomy()
    framework = [t.id for t in taxonomy.themes if t.group == "framework"]
    assert framework == ["accessible-care", "coordinated-care", "proactive-care"]
    assert taxonomy.statuses.ids == ("piloting", "running", "scaled", "stopped", "not-known")
    assert taxonomy.evidence.ids == ("idea", "tested", "measured", "independently-evaluated")


def test_every_term_has_a_description():
    taxonomy = load_taxonomy()
    for key in ("themes", "ics", "areas", "settings", "statuses", "evidence"):
        for term in taxonomy.vocabulary(key):
            assert term.description.strip(), f"{key}: {term.id}"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["areas"].append({"id": "atlantis", "name": "Atlantis", "ics": "nowhere", "description": "x"}),
            "taxonomy: areas: 'atlantis' names unknown ics 'nowhere'",
        ),
        (
            lambda d: d["themes"].append({"id": "Bad Id", "name": "Bad", "group": "framework", "description": "x"}),
            "taxonomy: themes[13]: id 'Bad Id' must be lower-case words joined by hyphens",
        ),
        (
            lambda d: d["themes"].append(
                {"id": "access", "name": "Accessible care", "group": "framework", "description": "x"}
            ),
            "taxonomy: themes[13]: 'Accessible care' is already used by 'accessible-care'",
        ),
        (lambda d: d["statuses"][0].pop("description"), "taxonomy: statuses[1]: missing or not text: description"),
        (
            lambda d: d.update(colours=[]),
            "taxonomy: unknown vocabulary 'colours' (allowed: themes, ics, areas, settings, statuses, evidence, accounts, resource_types, audiences, former_bodies)",
        ),
        (
            lambda d: d["themes"][0].update(group="other"),
            "taxonomy: themes: 'accessible-care' has group 'other' (allowed: framework, enabler, programme)",
        ),
    ],
)
def test_broken_taxonomy_is_refused_with_every_mistake(raw, change, expected):
    data = copy.deepcopy(raw)
    change(data)
    with pytest.raises(TaxonomyError) as caught:
        parse_taxonomy(data)
    assert expected in caught.value.messages


def test_former_bodies_chain_to_todays_body(shipped):
    shipped["former_bodies"] = [
        {"id": "a-ccg", "name": "A CCG", "description": "A.", "closed": "2020-03-31", "successor": "big-ccg"},
        {"id": "big-ccg", "name": "Big CCG", "description": "B.", "closed": "2022-06-30", "successor": "The Board"},
    ]
    taxonomy = parse_taxonomy(shipped)
    assert [getattr(s, "id", s) for s in taxonomy.successors("a-ccg")] == ["big-ccg", "The Board"]
    assert taxonomy.former_bodies["a-ccg"].closed.isoformat() == "2020-03-31"


@pytest.mark.parametrize(
    ("bodies", "message"),
    [
        (
            [{"id": "a", "name": "A", "description": "A."}],
            "taxonomy: former_bodies: 'a' needs a successor (another entry's id, or today's body as text)",
        ),
        (
            [
                {"id": "a", "name": "A", "description": "A.", "successor": "b"},
                {"id": "b", "name": "B", "description": "B.", "successor": "a"},
            ],
            "taxonomy: former_bodies: 'a' has successors that go round in a circle",
        ),
        (
            [{"id": "a", "name": "A", "description": "A.", "successor": "X", "closed": "2020-02-30"}],
            "taxonomy: former_bodies[1]: closed '2020-02-30' is not a date in the form YYYY-MM-DD",
        ),
    ],
)
def test_broken_former_bodies_are_refused(shipped, bodies, message):
    shipped["former_bodies"] = bodies
    with pytest.raises(TaxonomyError) as caught:
        parse_taxonomy(shipped)
    assert message in caught.value.messages
