"""Atom feeds and open data, from in-memory records."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import date, timedelta

from hub.content.news import NewsPost
from hub.content.records import CaseStudy, Contact, Outcome
from hub.index.groups import group_case_studies
from hub.outputs.feeds import FEED_LENGTH, case_study_item, plan_feeds, render_case_study_feed, render_news_feed
from hub.outputs.opendata import render_csv, render_json, render_outcomes_csv
from support import record as make_record

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://hub.example.org/"


def record(stem: str, published: date, **kw) -> CaseStudy:
    return make_record(
        stem,
        title=kw.pop("title", stem.title()),
        summary=f"About {stem}.",
        organisation="Org <& Co>",
        areas=kw.pop("areas", ("hackney",)),
        themes=kw.pop("themes", ("proactive-care",)),
        published=published,
        review_due=date(2030, 1, 1),
        status="running",
        evidence="measured",
        contact=Contact("Alex", "Lead", "alex@example.org"),
        readable=True,
        **kw,
    )


def parse(xml: bytes) -> ET.Element:
    return ET.fromstring(xml)


def test_case_study_feed_is_valid_atom_newest_first(contract):
    items = [
        record("older", date(2024, 1, 1)),
        record("newer", date(2025, 1, 1)),
        record("revised", date(2023, 1, 1), updated=date(2025, 6, 1)),
    ]
    feed = render_case_study_feed(
        [case_study_item(i, contract.taxonomy) for i in items],
        "Case studies from Hackney",
        "Sub",
        "feeds/boroughs/hackney.xml",
        "boroughs/hackney/",
        SITE,
        date(2026, 1, 1),
    )
    root = parse(feed.xml)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title") == "Case studies from Hackney"
    assert root.findtext(f"{ATOM}id") == SITE + "feeds/boroughs/hackney.xml"
    assert root.findtext(f"{ATOM}updated").startswith("2025-06-01")
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links == {"alternate": SITE + "boroughs/hackney/", "self": SITE + "feeds/boroughs/hackney.xml"}
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Revised", "Newer", "Older"]
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == SITE + "case-studies/revised/"
    assert first.findtext(f"{ATOM}summary") == "About revised."
    assert first.findtext(f"{ATOM}published").startswith("2023-01-01")
    assert first.find(f"{ATOM}author").findtext(f"{ATOM}name") == "Org <& Co>"
    assert {c.get("term") for c in first.findall(f"{ATOM}category")} == {"proactive-care", "hackney"}


def test_feeds_are_capped(contract):
    items = [record(f"cs-{n}", date(2020, 1, 1) + timedelta(days=n)) for n in range(FEED_LENGTH + 10)]
    feed = render_case_study_feed(
        [case_study_item(i, contract.taxonomy) for i in items],
        "All",
        "Sub",
        "feeds/case-studies.xml",
        "case-studies/",
        SITE,
        date(2026, 1, 1),
    )
    entries = parse(feed.xml).findall(f"{ATOM}entry")
    assert len(entries) == FEED_LENGTH
    assert entries[0].findtext(f"{ATOM}title") == f"Cs-{FEED_LENGTH + 9}"


def test_every_term_has_a_feed_even_when_empty(contract):
    items = [record("one", date(2025, 1, 1))]
    feeds = plan_feeds(items, group_case_studies(items, contract.taxonomy), contract.taxonomy, SITE, date(2026, 1, 1))
    paths = {f.path for f in feeds}
    assert "feeds/case-studies.xml" in paths
    assert {f"feeds/themes/{t.id}.xml" for t in contract.taxonomy.themes} <= paths
    assert {f"feeds/boroughs/{a.id}.xml" for a in contract.taxonomy.areas} <= paths
    assert {f"feeds/ics/{i.id}.xml" for i in contract.taxonomy.ics} <= paths
    barnet = parse(next(f.xml for f in feeds if f.path == "feeds/boroughs/barnet.xml"))
    assert barnet.findall(f"{ATOM}entry") == [] and barnet.findtext(f"{ATOM}updated").startswith("2026-01-01")
    ncl = parse(next(f.xml for f in feeds if f.path == "feeds/ics/north-east-london.xml"))
    assert [e.findtext(f"{ATOM}title") for e in ncl.findall(f"{ATOM}entry")] == ["One"]


def test_news_feed():
    posts = [NewsPost("news/posts/a.md", "A", date(2026, 1, 2), date(2026, 1, 5), "About A", ("Announcements",))]
    root = parse(render_news_feed(posts, {"news/posts/a.md": "news/2026/01/a/"}, SITE, date(2026, 2, 1)).xml)
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == SITE + "news/2026/01/a/"
    assert entry.findtext(f"{ATOM}updated").startswith("2026-01-05")
    assert entry.find(f"{ATOM}category").get("term") == "Announcements"


def test_open_data_json_and_csv(contract):
    outcome = Outcome("Registered online", "%", 10.7, 20.4, "September 2016 to March 2017", "https://example.org/r")
    items = [record("bexley", date(2025, 1, 1), areas=("bexley", "london-wide"), outcomes=(outcome,))]
    data = json.loads(render_json(items, contract.taxonomy, SITE, date(2026, 1, 1)))
    assert data["licence"]["name"] == "Open Government Licence v3.0"
    assert data["count"] == 1 and data["schema"] == SITE + "api/case-study.schema.json"
    first = data["case_studies"][0]
    assert first["url"] == SITE + "case-studies/bexley/"
    assert first["areas"] == [
        {"id": "bexley", "name": "Bexley", "ics": "south-east-london"},
        {"id": "london-wide", "name": "London-wide", "ics": None},
    ]
    assert first["ics"] == [{"id": "south-east-london", "name": "South East London"}]
    assert first["outcomes"] == [
        {
            "measure": "Registered online",
            "unit": "%",
            "baseline": 10.7,
            "result": 20.4,
            "change": 9.7,
            "period": "September 2016 to March 2017",
            "source": "https://example.org/r",
        }
    ]
    rows = list(csv.DictReader(io.StringIO(render_csv(items, contract.taxonomy, SITE))))
    assert rows[0]["areas"] == "bexley; london-wide" and rows[0]["outcomes"] == "1" and rows[0]["status"] == "running"
    outcomes = list(csv.DictReader(io.StringIO(render_outcomes_csv(items, SITE))))
    assert outcomes[0]["change"] == "9.7" and outcomes[0]["case_study"] == "bexley"
