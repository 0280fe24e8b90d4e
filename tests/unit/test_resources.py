"""Leadership resources: checked like case studies, listed by theme and type."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from hub.content.collection import collect
from hub.content.records import Contact, Resource
from hub.content.resource import parse_resource
from hub.index.groups import group_case_studies
from hub.pages.entries import render_contact_block, render_resource
from hub.pages.markers import MarkerContext, fill_markers

PATH = "docs/leadership/example.md"
VALID = {
    "title": "A guide to running a network",
    "summary": "How to set up and run a primary care network.",
    "type": "guide",
    "audience": ["network-leaders"],
    "themes": ["working-at-scale", "leadership"],
    "last_checked": "2026-11-01",
}


def text(**changes) -> str:
    data = {**VALID, **changes}
    data = {k: v for k, v in data.items() if v is not None}
    return "---\n" + yaml.safe_dump(data, sort_keys=False, default_flow_style=None) + "---\n\nBody.\n"


def messages(contract, **changes) -> list[str]:
    return [str(p) for p in parse_resource(text(**changes).encode(), PATH, "example", contract).problems]


def test_valid_resource(contract):
    record = parse_resource(text(url="https://example.org/guide").encode(), PATH, "example", contract)
    assert record.problems == ()
    assert record.type == "guide" and record.audiences == ("network-leaders",)
    assert record.external_url == "https://example.org/guide"
    assert record.url == "leadership/example/"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"type": "manual"},
            "4: type: 'manual' is not a known resource type (allowed: Guide, Toolkit, Course, Network, Support offer, Event, Event recording, Report, Framework)",
        ),
        (
            {"audience": ["GPs"]},
            "5: audience[1]: 'GPs' is not a known audience (allowed: Clinical leaders, Practice managers, Network and federation leaders, Community pharmacists, Commissioners, Primary care teams)",
        ),
        (
            {"last_checked": "yesterday"},
            "7: last_checked: 'yesterday' is not a date in the form YYYY-MM-DD, e.g. 2025-03-31",
        ),
        ({"url": "www.example.org"}, "8: url: 'www.example.org' is not a web address starting with https://"),
        ({"themes": None}, "1: themes: is required but missing"),
        (
            {"boroughs": ["Camden"]},
            "8: boroughs: is not a known field (allowed: title, summary, type, audience, themes, provider, url, last_checked, sources)",
        ),
    ],
)
def test_resource_rules(contract, changes, expected):
    assert messages(contract, **changes) == [f"{PATH}:{expected}"]


def resource(stem: str, kind: str, themes: tuple[str, ...]) -> Resource:
    return Resource(
        stem=stem,
        path=f"docs/leadership/{stem}.md",
        title=stem.title(),
        summary="S.",
        type=kind,
        themes=themes,
        last_checked=date(2026, 1, 1),
    )


def test_resource_markers_group_by_type_and_theme(contract):
    items = [resource("b", "guide", ("leadership",)), resource("a", "network", ("leadership", "digital"))]
    indexes = group_case_studies([], contract.taxonomy, items)
    assert [r.stem for r in indexes.resources_by_theme["leadership"]] == ["a", "b"]
    markdown = "<!-- hub:resources by=type -->\n\n<!-- hub:resources theme=digital -->\n"
    filled, problems = fill_markers(
        markdown, "docs/leadership/index.md", MarkerContext("leadership/", [], indexes, contract)
    )
    assert problems == []
    assert filled.index('<h2 id="guide">Guide</h2>') < filled.index('<h2 id="network">Network</h2>')
    assert filled.count('href="a/"') == 2 and filled.count('href="b/"') == 1
    empty, _ = fill_markers("<!-- hub:resources theme=estates -->", "p", MarkerContext("x/", [], indexes, contract))
    assert "There are no leadership resources on estates and premises yet." in empty


def test_resource_page(contract):
    page = render_resource(resource("guide", "guide", ("leadership",)), contract.taxonomy)
    assert "<dt>Type</dt><dd>Guide</dd>" in page
    assert '<a href="../../themes/leadership/">Leadership</a>' in page
    assert '<time datetime="2026-01-01">1 January 2026</time>' in page


def test_programme_contact_marker_comes_from_the_setting(contract):
    ctx = MarkerContext("contact/", [], group_case_studies([], contract.taxonomy), contract)
    filled, problems = fill_markers("<!-- hub:programme-contact -->", "docs/contact.md", ctx)
    assert problems == []
    assert f'<a href="mailto:{contract.programme_team.email}">' in filled


def test_placeholder_addresses_say_so():
    assert "placeholder address" in render_contact_block(Contact("Team", "Programme", "team@example.org"))
    assert "placeholder" not in render_contact_block(Contact("Team", "Programme", "team@nhs.net"))


def test_collection_includes_resource_problems(contract):
    broken = parse_resource(text(type="manual").encode(), PATH, "example", contract)
    assert collect([], (), [broken]).problems == broken.problems
