"""Finding it fast: synonyms at index time, the search vocabulary and "did you mean", breadcrumbs,
related and nearby case studies, and counts that agree on every page that shows them."""

from __future__ import annotations

import json
import random
import re
from html import unescape
from html.parser import HTMLParser

import pytest
import yaml
from markdown import Markdown

from hub import urls
from hub.index.coverage import count_pairs
from hub.index.facets import case_study_search
from hub.index.groups import group_case_studies
from hub.index.related import find_related
from hub.index.synonyms import DEFAULT_PATH, SynonymError, Synonyms, load_synonyms, parse_synonyms
from hub.index.words import build_vocabulary, correct, edit_distance, is_known, suggest, words_of
from hub.outputs.search import for_index, indexed_text, render_search_words, wrap_for_index
from hub.pages.entries import render_case_study
from hub.pages.html import extract_raw, restore_raw
from hub.pages.londonmap import render_london_map
from hub.pages.trail import trail
from support import FIXTURES, record

MISSPELLINGS = yaml.safe_load((FIXTURES / "misspellings.yml").read_text(encoding="utf-8"))


# --- Synonyms ---------------------------------------------------------------


def test_the_shipped_synonyms_load_and_each_group_says_why():
    synonyms = load_synonyms()
    assert len(synonyms.groups) >= 10
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    assert all(group["why"].strip() for group in data["groups"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Social prescribing in Merton", ["social prescription", "social prescriber"]),
        ("Fewer A&amp;E attendances", []),  # escaped HTML is not text: indexed_text unescapes it
        ("Fewer A&E attendances", ["accident and emergency", "emergency department"]),
        ("Every GP practice in Sutton", ["GP surgery"]),
        ("A primary care network (PCN) in Wandsworth", ["primary care networks"]),
        ("Nothing to expand here", []),
        ("Prescribing support", []),  # "social" is part of the phrase: no match on one word
    ],
)
def test_a_page_is_also_indexed_under_the_other_phrases_of_its_groups(text, expected):
    found = load_synonyms().expansions(text)
    for phrase in expected:
        assert phrase in found
    if not expected:
        assert [p for p in found if "prescri" in p or "emergency" in p] == []


def test_expansions_are_those_of_checking_every_phrase_of_every_group():
    """The word index (each phrase filed under one of its words) finds what a search for every phrase finds,
    as whole words in any letter case."""

    def reference(phrase: str) -> re.Pattern[str]:
        words = [re.escape(w) for w in phrase.split()]
        return re.compile(r"(?<![\w&])" + r"\s+".join(words) + r"(?![\w&])", re.IGNORECASE)

    synonyms = Synonyms((*load_synonyms().groups, ("&&", "and and")))  # a phrase with no word characters too
    phrases = [p for group in synonyms.groups for p in group]
    rng = random.Random(15)
    for _ in range(300):
        picked = rng.sample(phrases, rng.randint(0, 4))
        words = [w.upper() if rng.random() < 0.3 else w for p in picked for w in p.split()]
        rng.shuffle(words)  # phrases whose words are all there, but not always in order
        noise = ["Sutton", "practice", "a&e", "GP", "network", "xGP", "&care", "homes_", "(PCN)", "\n"]
        text = " ".join([*words, *rng.sample(noise, 3)])
        expected: list[str] = []
        for group in synonyms.groups:
            used = [p for p in group if reference(p).search(text)]
            if used:
                expected += [p for p in group if p not in used]
        assert synonyms.expansions(text) == tuple(expected), text


def test_a_phrase_the_page_already_uses_is_not_added_again():
    found = load_synonyms().expansions("social prescribing and social prescription")
    assert "social prescribing" not in found and "social prescription" not in found
    assert "social prescribers" in found


def test_broken_synonyms_are_reported_all_at_once():
    data = {
        "groups": [
            {"phrases": ["PCN", "primary care network"], "why": "abbreviation"},
            {"phrases": ["pcn", "network"], "why": ""},
            {"phrases": ["alone"], "why": "one phrase is not a group"},
        ]
    }
    with pytest.raises(SynonymError) as caught:
        parse_synonyms(data, "synonyms.yml")
    assert caught.value.messages == [
        "synonyms.yml: groups[2]: why: say why these phrases belong together",
        "synonyms.yml: groups[2]: 'pcn' is already in groups[1]",
        "synonyms.yml: groups[3]: phrases must be a list of two or more phrases",
    ]


def test_synonyms_are_indexed_hidden_and_only_from_what_pagefind_indexes(hub):
    data = case_study_search(hub.collection.case_studies[0], hub.taxonomy)
    html = "<p>Social prescribing in practice.</p><ul data-pagefind-ignore><li>A&amp;E <br> cards</li></ul>"
    wrapped = wrap_for_index(html, data, "Title", synonyms=load_synonyms())
    assert '<p hidden data-pagefind-weight="0.5">social prescription · ' in wrapped.page
    assert "emergency department" not in wrapped.page  # only in a list Pagefind ignores
    assert indexed_text(html).split() == ["Social", "prescribing", "in", "practice."]
    assert "<p hidden" not in wrap_for_index("<p>Nothing here.</p>", data, "Title", synonyms=Synonyms(())).page


def test_pagefind_is_given_the_page_without_what_it_ignores(hub):
    data = case_study_search(hub.collection.case_studies[0], hub.taxonomy)
    html = (
        "<p>Kept <b>text</b>.</p><ul data-pagefind-ignore><li>A <ul><li>nested</li></ul></li></ul><p>After.</p>"
        '<aside data-pagefind-ignore="all"><span data-pagefind-filter="x:y"></span>kept whole</aside>'
        '<div data-pagefind-ignore><br><img src="a.png" alt="a"><hr/>gone</div>end'
        "<section data-pagefind-ignore><p>left open"
    )
    kept = (
        "<p>Kept <b>text</b>.</p><p>After.</p>"
        '<aside data-pagefind-ignore="all"><span data-pagefind-filter="x:y"></span>kept whole</aside>'
        "end<section data-pagefind-ignore><p>left open"
    )
    assert for_index(html) == kept
    wrapped = wrap_for_index(html, data, "Title", synonyms=Synonyms(()))
    start = wrapped.page.removesuffix(html + "</div>")
    assert start.startswith("<div data-pagefind-body><span hidden data-pagefind-meta=")
    assert wrapped.index == start + kept + "</div>"


# --- The vocabulary and "did you mean" ----------------------------------------


@pytest.mark.parametrize(("typed", "meant"), MISSPELLINGS["suggest"].items())
def test_real_misspellings_get_the_word_meant(hub, typed, meant):
    assert suggest(typed, hub.words) == meant


@pytest.mark.parametrize("typed", MISSPELLINGS["nothing"])
def test_nonsense_gets_no_suggestion(hub, typed):
    assert suggest(typed, hub.words) is None


@pytest.mark.parametrize("word", ["Hackney", "prescribing", "pres", "gp", "PCN", "social"])
def test_known_words_and_the_start_of_one_are_not_corrected(hub, word):
    assert is_known(word.casefold(), hub.words)
    assert suggest(word, hub.words) is None


def test_a_query_is_corrected_word_by_word():
    words = build_vocabulary(["Social prescribing in Hackney", "Social care in Lewisham"])
    assert correct("socail prescibing", words) == "social prescribing"
    assert correct("Hackny Lewisam", words) == "hackney lewisham"
    assert correct("social prescribing", words) is None


def test_the_closest_wins_then_the_more_frequent():
    words = {"bexley": 1, "brent": 5, "brest": 1}
    assert suggest("brenk", words) == "brent"  # brent and brest are one edit away: brent is more frequent
    assert suggest("bexly", words) == "bexley"


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("hackny", "hackney", 1), ("wandswroth", "wandsworth", 1), ("", "abc", 3), ("kitten", "sitting", 3)],
)
def test_edit_distance_counts_a_swap_as_one(a, b, distance):
    assert edit_distance(a, b) == distance


def test_the_vocabulary_has_names_titles_summaries_and_synonyms(hub):
    for word in ("hackney", "lewisham", "prescribing", "pharmacy", "pcn", "emergency", "federation"):
        assert word in hub.words, word
    assert words_of("Hammersmith & Fulham, Café") == ["hammersmith", "fulham", "cafe"]
    written = json.loads(render_search_words(hub.words))
    assert written["words"] == hub.words


# --- Breadcrumbs ----------------------------------------------------------------


def test_trails_from_home_to_each_kind_of_page(hub):
    taxonomy = hub.taxonomy
    study = record("x", themes=("proactive-care",), areas=("camden",))

    def shown(crumbs):
        return [(c.label, c.url) for c in crumbs]

    assert shown(trail(study.src_uri, "X", taxonomy, study)) == [
        ("Home", ""),
        ("Case studies", "case-studies/"),
        ("Proactive care", "themes/proactive-care/"),
        ("X", "case-studies/x/"),
    ]
    assert shown(trail("themes/proactive-care.md", "Proactive care", taxonomy)) == [
        ("Home", ""),
        ("Case studies", "case-studies/"),
        ("Themes", "themes/"),
        ("Proactive care", "themes/proactive-care/"),
    ]
    assert shown(trail("boroughs/hackney/page/2.md", "Hackney: page 2 of 2", taxonomy))[-2:] == [
        ("Hackney", "boroughs/hackney/"),
        ("Hackney: page 2 of 2", "boroughs/hackney/page/2/"),
    ]
    ics = trail("ics/index.md", "Integrated care systems", taxonomy)
    assert shown(ics)[-1] == ("Integrated care systems", "ics/")
    everything = trail("case-studies/index.md", "Case studies", taxonomy)
    assert shown(everything) == [("Home", ""), ("Case studies", "case-studies/")]
    resource = hub.collection.resources[0]
    crumbs = trail(resource.src_uri, resource.title, taxonomy, resource=resource)
    assert shown(crumbs)[1] == ("Leadership", "leadership/")
    assert shown(trail("reviews.md", "Review desk", taxonomy))[1] == ("About", "about/")
    assert trail("about.md", "About", taxonomy) == ()


def test_every_generated_page_has_a_trail_whose_section_is_a_tab(hub):
    from hub.pipeline import generated_pages
    from hub.pipeline import trail as hub_trail

    sections = {"case-studies/", "leadership/", "about/"}
    for page in generated_pages(hub):
        crumbs = hub_trail(hub, page.src_uri, "Title")
        assert len(crumbs) >= 2 and crumbs[0].url == urls.HOME and crumbs[1].url in sections, page.src_uri
    for study in hub.collection.case_studies:
        assert hub_trail(hub, study.src_uri, study.title)[1].url == "case-studies/"


# --- Related and nearby -------------------------------------------------------------


def test_the_social_prescribing_case_studies_relate(hub):
    stems = {
        "merton-social-prescribing",
        "tower-hamlets-bromley-by-bow-social-prescribing",
        "waltham-forest-council-social-prescribing",
    }
    related = {stem: [r.stem for r in hub.related[stem]] for stem in stems}
    # The two council and CCG services relate to each other first; each lists another social prescribing study.
    assert related["merton-social-prescribing"][0] == "waltham-forest-council-social-prescribing"
    assert related["waltham-forest-council-social-prescribing"][0] == "merton-social-prescribing"
    assert stems - {"tower-hamlets-bromley-by-bow-social-prescribing"} <= set(
        related["tower-hamlets-bromley-by-bow-social-prescribing"]
    )


def test_related_weighs_words_of_titles_and_summaries_and_settings(contract):
    taxonomy = contract.taxonomy
    me = record("me", title="Social prescribing in Merton", themes=("proactive-care",), areas=("merton",))
    words = record("words", title="A social prescribing service", themes=("workforce",), areas=("bexley",))
    setting = record("setting", title="Care homes", settings=("care-homes",), areas=("bexley",))
    nothing = record("nothing", title="Estates", themes=("estates",), areas=("barnet",))
    items = [me, words, setting, nothing]
    related = find_related(items, group_case_studies(items, taxonomy))
    assert [r.stem for r in related["me"]] == ["words"]
    twin = record("twin", title="Nursing", settings=("care-homes",), areas=("barnet",))
    items = [setting, twin]
    assert [r.stem for r in find_related(items, group_case_studies(items, taxonomy))["setting"]] == ["twin"]


# --- Counts agree -----------------------------------------------------------------------


def test_counts_agree_between_theme_area_ics_pages_the_map_coverage_and_facets(hub):
    indexes, taxonomy = hub.indexes, hub.taxonomy
    facets = [dict(case_study_search(c, taxonomy).filters) for c in hub.collection.case_studies]
    filters = [case_study_search(c, taxonomy).filters for c in hub.collection.case_studies]
    by_ics, by_area = count_pairs(hub.collection.case_studies)
    london_map = render_london_map(urls.AREAS, indexes, taxonomy)
    assert facets
    for theme in taxonomy.themes:
        tagged = sum(("theme", theme.name) in f for f in filters)
        assert tagged == len(indexes.themes[theme.id])
        assert sum(by_ics[(theme.id, i.id)] for i in taxonomy.ics) >= len(
            [c for c in indexes.themes[theme.id] if c.ics]
        )
    for area in taxonomy.areas:
        n = len(indexes.areas[area.id])
        assert sum(("area", area.name) in f for f in filters) == n
        if area.ics:
            assert f'aria-label="{area.name}: {n} case stud' in london_map
            assert f'<th scope="row">{area.name}</th><td>{taxonomy.ics[area.ics].name}</td><td>{n}</td>' in london_map
        assert sum(by_area[(t.id, area.id)] for t in taxonomy.themes) == sum(
            len(c.themes) for c in indexes.areas[area.id]
        )
    for ics in taxonomy.ics:
        assert sum(("ics", ics.name) in f for f in filters) == len(indexes.ics[ics.id])


def test_an_area_with_no_case_study_shows_its_neighbours_in_the_same_ics(hub):
    from hub.content.collection import collect
    from hub.pages.listings import plan_pages

    taxonomy = hub.taxonomy
    camden = record("camden-work", title="Camden work", areas=("camden",))
    wide = record("wide-work", title="London-wide work", areas=("london-wide",))
    collection = collect([camden, wide], (), [], [])
    indexes = group_case_studies([camden, wide], taxonomy)
    pages = {p.src_uri: p.markdown for p in plan_pages(collection, indexes, taxonomy)}
    barnet = pages["boroughs/barnet.md"]
    assert "There are no case studies from Barnet yet." in barnet
    assert "Nearby: from elsewhere in North Central London" in barnet
    assert '<a href="../../case-studies/camden-work/">Camden work</a>' in barnet
    assert "Nearby" not in pages["boroughs/camden.md"]  # it has its own
    assert "Nearby" not in pages["boroughs/hackney.md"]  # North East London has none to show


class ReferenceText(HTMLParser):
    """What ``indexed_text`` must find, by Python's HTML parser: the text outside data-pagefind-ignore elements."""

    VOID = frozenset(
        {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID and (self.depth or any(name == "data-pagefind-ignore" for name, _ in attrs)):
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth and tag not in self.VOID:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def reference_text(html: str) -> str:
    parser = ReferenceText()
    parser.feed(html)
    parser.close()
    return " ".join(parser.parts)


@pytest.mark.parametrize(
    "html",
    [
        "<p>Social prescribing in <em>practice</em>.</p>",
        '<ul data-pagefind-ignore="all"><li>A&amp;E <br> <img src="x.png" alt="a"> cards</li><li>more</li></ul>after',
        '<p title="a > b">quoted &gt; in an attribute</p><div data-pagefind-ignore><div><p>x</p></div></div>kept',
        "<!-- a <p>comment</p> -->text<hr/>more<br />end",
        '<section data-pagefind-ignore><span/>hidden</section><p data-pagefind-ignore-not="x">shown</p>',
        "<p>3 &lt; 4 and 5 <b>&amp;</b> 6 &#8212; done</p><p>a < b, not a tag</p>",
        "",
    ],
)
def test_indexed_text_finds_what_the_html_parser_finds(html):
    # Word for word: the parser splits text at a bare "<", which only adds spaces (phrases match any spacing).
    assert indexed_text(html).split() == reference_text(html).split()
    assert reference_text(for_index(html)).split() == reference_text(html).split()  # Pagefind's copy: same text


# The definition of what Pagefind is given: every tag read in turn, an ignored element ending where the
# elements opened in it are closed. The hub finds the same without reading every tag.
REFERENCE_TAG = re.compile(r"""<(/?)([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--.*?-->""", re.S)
VOID = ReferenceText.VOID


def reference_scan(html: str) -> tuple[str, str]:
    parts, kept, depth, at, cut, kept_from = [], [], 0, 0, 0, 0
    for tag in REFERENCE_TAG.finditer(html):
        if not depth and tag.start() > at:
            parts.append(html[at : tag.start()])
        at = tag.end()
        closing, name, attributes = tag.groups()
        if name is None or name.lower() in VOID:
            continue
        if closing:
            if depth:
                depth -= 1
                if not depth and not re.search(r"\sdata-pagefind-(?!ignore(?=[\s=/>]))", html[cut : tag.end()], re.I):
                    kept.append(html[kept_from:cut])
                    kept_from = tag.end()
        elif attributes.rstrip().endswith("/"):
            continue
        elif depth:
            depth += 1
        elif re.search(r"(?:^|\s)data-pagefind-ignore(?=[\s=/]|$)", attributes, re.I):
            depth, cut = 1, tag.start()
    if not depth and at < len(html):
        parts.append(html[at:])
    kept.append(html[kept_from:])
    return " ".join(unescape(part) for part in parts), "".join(kept)


def random_html(rng: random.Random, depth: int = 0) -> str:
    """Well-formed HTML of the kinds the hub makes, with every way an element can be ignored or not."""
    out = []
    for _ in range(rng.randint(0, 4)):
        kind = rng.random()
        if kind < 0.3:
            out.append(rng.choice(["Care homes", "A&amp;E", "İstanbul clinic", "3 &lt; 4", "GP practice", " ", "İ"]))
        elif kind < 0.4:
            out.append(rng.choice(["<br>", '<img src="a.png" alt="x">', "<hr/>", "<span/>", "<wbr >"]))
        elif kind < 0.47:
            out.append(rng.choice(["<!-- <p>note</p> -->", "<!-- <div data-pagefind-ignore> -->", "<!---->"]))
        elif depth < 4:
            name = rng.choice(["div", "ul", "li", "p", "section", "aside", "span", "b", "DIV"])
            attribute = rng.choice(
                [
                    "",
                    " data-pagefind-ignore",
                    ' data-pagefind-ignore="all"',
                    " DATA-PAGEFIND-IGNORE",
                    ' class="x" data-pagefind-ignore ',
                    ' title="a > b data-pagefind-ignore"',
                    ' title="a <b" data-pagefind-ignore',
                    ' data-pagefind-ignore-not="x"',
                    ' data-pagefind-filter="area:Barnet"',
                    " data-pagefind-ignore/",
                ]
            )
            if attribute.endswith("/"):
                out.append(f"<{name}{attribute}>")
            else:
                out.append(f"<{name}{attribute}>{random_html(rng, depth + 1)}</{name.lower()}>")
    return "".join(out)


@pytest.mark.parametrize("seed", range(300))
def test_what_pagefind_is_given_is_what_reading_every_tag_gives(seed):
    rng = random.Random(seed)
    html = random_html(rng)
    if rng.random() < 0.2:
        html += rng.choice(["<section data-pagefind-ignore><p>left open", "<p>left open <i>too"])
    text, kept = reference_scan(html)
    assert for_index(html) == kept, html
    assert indexed_text(html).split() == text.split(), html


def test_indexed_text_finds_what_the_html_parser_finds_on_every_case_study_page(hub):
    for study in hub.collection.case_studies:
        related, notes = hub.related.get(study.stem, ()), hub.indexes.adoptions.get(study.stem, ())
        text, blocks = extract_raw(render_case_study(study, hub.taxonomy, related=related, adoptions=notes))
        html = restore_raw(Markdown(extensions=["attr_list", "md_in_html", "tables"]).convert(text), blocks)
        assert "data-pagefind-ignore" in html
        assert indexed_text(html).split() == reference_text(html).split(), study.path
        assert "data-pagefind-ignore" not in for_index(html), study.path
        assert reference_text(for_index(html)).split() == reference_text(html).split(), study.path
