"""The real site: every shipped case study has its page and is on every page it belongs to."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from support import ROOT

pytestmark = pytest.mark.build


def listed(site: Path, url: str) -> set[str]:
    """Site paths linked from every page of the list at ``url`` (page 1 and /page/N/)."""
    pages = [site / url / "index.html", *sorted((site / url / "page").glob("*/index.html"))]
    targets = set()
    for page in pages:
        base = "/" + page.parent.relative_to(site).as_posix() + "/"
        for href in re.findall(r'href="([^"#]+)"', page.read_text(encoding="utf-8")):
            targets.add(urljoin(base, href))
    return targets


STEMS = sorted(path.stem for path in (ROOT / "case_studies").glob("*.md"))


def test_there_is_shipped_content():
    assert STEMS, "case_studies/ is empty"


@pytest.mark.parametrize("stem", STEMS)
def test_nothing_is_lost(shipped_site, hub, stem):
    record = hub.collection.by_stem()[stem]
    page = f"/case-studies/{record.stem}/"
    assert (shipped_site / "case-studies" / record.stem / "index.html").is_file()
    assert page in listed(shipped_site, "case-studies")
    for theme in record.themes:
        assert page in listed(shipped_site, f"themes/{theme}"), theme
    for area in record.areas:
        assert page in listed(shipped_site, f"boroughs/{area}"), area
        ics = hub.taxonomy.areas[area].ics
        if ics:
            assert page in listed(shipped_site, f"ics/{ics}"), ics


def test_every_term_has_a_page(shipped_site, hub):
    for theme in hub.taxonomy.themes:
        assert (shipped_site / "themes" / theme.id / "index.html").is_file()
    for area in hub.taxonomy.areas:
        assert (shipped_site / "boroughs" / area.id / "index.html").is_file()
    for ics in hub.taxonomy.ics:
        assert (shipped_site / "ics" / ics.id / "index.html").is_file()


def test_every_theme_page_lists_its_case_studies_and_resources(shipped_site, hub):
    """Issue 3: the generated theme pages and the framework's theme pages list everything tagged."""
    for theme in hub.taxonomy.themes:
        linked = listed(shipped_site, f"themes/{theme.id}")
        for record in hub.indexes.themes[theme.id]:
            assert f"/case-studies/{record.stem}/" in linked, (theme.id, record.stem)
        for resource in hub.indexes.resources_by_theme[theme.id]:
            assert f"/leadership/{resource.stem}/" in linked, (theme.id, resource.stem)
    for theme in ("accessible-care", "coordinated-care", "proactive-care"):
        linked = listed(shipped_site, f"framework/{theme}")
        for resource in hub.indexes.resources_by_theme[theme]:
            assert f"/leadership/{resource.stem}/" in linked, (theme, resource.stem)
        shown = hub.indexes.themes[theme][:10]
        for record in shown:
            assert f"/case-studies/{record.stem}/" in linked, (theme, record.stem)
        if len(hub.indexes.themes[theme]) > len(shown):
            assert f"/themes/{theme}/" in linked


def test_every_resource_has_its_page_and_is_on_the_leadership_index(shipped_site, hub):
    linked = listed(shipped_site, "leadership")
    for resource in hub.collection.resources:
        assert (shipped_site / "leadership" / resource.stem / "index.html").is_file()
        assert f"/leadership/{resource.stem}/" in linked


def test_contribute_page_documents_every_schema_field(shipped_site, hub):
    """The site's field table is generated from the JSON Schema: it lists every field and its description."""
    import html as htmllib

    from hub.content.schema import field_rows

    page = htmllib.unescape((shipped_site / "contribute" / "index.html").read_text(encoding="utf-8"))
    for name, required, kind, description in field_rows(hub.contract.schema):
        assert (
            f"<code>{name}</code></th><td>{'Yes' if required else 'No'}</td><td>{kind}</td><td>{description}</td>"
            in page
        ), name
    for theme in hub.taxonomy.themes:
        assert f"<td><code>{theme.id}</code></td><td>{theme.name}</td>" in page


ATOM = "{http://www.w3.org/2005/Atom}"


def test_feeds_are_valid_and_discoverable(shipped_site, hub):
    import xml.etree.ElementTree as ET

    feeds = sorted((shipped_site / "feeds").rglob("*.xml"))
    expected = 2 + len(hub.taxonomy.themes) + len(hub.taxonomy.areas) + len(hub.taxonomy.ics)
    assert len(feeds) == expected
    for path in feeds:
        assert ET.parse(path).getroot().tag == f"{ATOM}feed", path
    # A theme's page links to its feed, and the feed lists the theme's case studies and where they were tried.
    theme = hub.taxonomy.themes["coordinated-care"]
    page = (shipped_site / "themes" / theme.id / "index.html").read_text(encoding="utf-8")
    assert (
        f'<link rel="alternate feed" type="application/atom+xml" title="Case studies on {theme.name}" href="../../feeds/themes/{theme.id}.xml">'
        in page
    )
    entries = ET.parse(shipped_site / "feeds" / "themes" / f"{theme.id}.xml").getroot().findall(f"{ATOM}entry")
    records = hub.indexes.themes[theme.id]
    tried = {
        "Tried in " + ", ".join(hub.taxonomy.areas[a].name for a in note.areas) + f": {r.title}"
        for r in records
        for note in hub.indexes.adoptions[r.stem]
    }
    assert {e.findtext(f"{ATOM}title") for e in entries} == {r.title for r in records} | tried
    news = ET.parse(shipped_site / "feeds" / "news.xml").getroot().findall(f"{ATOM}entry")
    posts = sorted((ROOT / "docs" / "news" / "posts").glob("*.md"))
    assert len(news) == len(posts)
    for entry in news:
        href = entry.find(f"{ATOM}link").get("href")
        path = href.split("/", 3)[3]  # strip scheme and host
        assert (shipped_site / path / "index.html").is_file(), href


def test_open_data_lists_every_case_study(shipped_site, hub):
    import csv
    import json

    data = json.loads((shipped_site / "api" / "case-studies.json").read_text(encoding="utf-8"))
    assert data["count"] == len(hub.collection.case_studies)
    assert {c["id"] for c in data["case_studies"]} == {r.stem for r in hub.collection.case_studies}
    with open(shipped_site / "api" / "case-studies.csv", encoding="utf-8") as handle:
        assert {row["id"] for row in csv.DictReader(handle)} == {r.stem for r in hub.collection.case_studies}
    schema = json.loads((shipped_site / "api" / "case-study.schema.json").read_text(encoding="utf-8"))
    assert schema == hub.contract.schema
    outcomes = sum(len(r.outcomes) for r in hub.collection.case_studies)
    with open(shipped_site / "api" / "outcomes.csv", encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == outcomes


def test_sitemap_lists_every_case_study(shipped_site, hub):
    sitemap = (shipped_site / "sitemap.xml").read_text(encoding="utf-8")
    for record in hub.collection.case_studies:
        assert f"/case-studies/{record.stem}/</loc>" in sitemap


def test_every_page_has_a_meta_description(shipped_site, hub):
    default = "Case studies, leadership resources and framework guidance"
    for page in shipped_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        found = re.search(r'<meta name="description" content="([^"]*)">', html)
        assert found and found.group(1).strip(), page
    for record in hub.collection.case_studies:
        html = (shipped_site / "case-studies" / record.stem / "index.html").read_text(encoding="utf-8")
        description = re.search(r'<meta name="description" content="([^"]*)">', html).group(1)
        assert not description.startswith(default)


def test_home_page_shows_the_latest_updates(shipped_site):
    linked = listed(shipped_site, "")
    assert any(url.startswith("/news/2026/") for url in linked)
    assert "/feeds/news.xml" in {
        urljoin("/", href)
        for href in re.findall(r'href="([^"]+)"', (shipped_site / "index.html").read_text(encoding="utf-8"))
    }


def test_every_image_has_a_width_and_a_height(shipped_site):
    """The space of an image is kept before it arrives: nothing moves when it does."""
    missing = []
    for page in sorted(shipped_site.rglob("*.html")):
        for tag in re.findall(r"<img\b[^>]*>", page.read_text(encoding="utf-8")):
            if not (re.search(r'\swidth="\d+"', tag) and re.search(r'\sheight="\d+"', tag)):
                missing.append(f"{page.relative_to(shipped_site)}: {tag}")
    assert missing == []


def test_the_news_avatar_stays_inside_the_site(shipped_site):
    """Under a sub-path too: the avatar's address never climbs above the site's root."""
    for page in [shipped_site / "news" / "index.html", *shipped_site.glob("news/20*/*/*/index.html")]:
        base = "/hub/" + page.parent.relative_to(shipped_site).as_posix() + "/"
        for src in re.findall(r'<img src="([^"]+)"', page.read_text(encoding="utf-8")):
            assert urljoin(base, src) == "/hub/assets/images/author-team.svg", page


def test_built_pages_keep_the_strict_policy(shipped_site):
    """What `make build` writes allows each page's own inline scripts and nothing else: no
    live-reload script, no 'unsafe-inline' (only `mkdocs serve` adds its script's hash)."""
    from hub.outputs.security import policy, script_hashes

    for page in sorted(shipped_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert metas == [policy(script_hashes(html))], page
        assert "livereload" not in html and "'unsafe-inline'" not in metas[0], page
    assert (shipped_site / "csp.txt").read_text(encoding="utf-8").count("'unsafe-inline'") == 0


def test_every_case_study_says_who_wrote_it(shipped_site, hub):
    """The account line under the title names who wrote the page, in a sentence that reads for any organisation."""
    for record in hub.collection.case_studies:
        text = (shipped_site / "case-studies" / record.stem / "index.html").read_text(encoding="utf-8")
        line = re.search(r'<p class="hub-account[^"]*">(.*?)</p>', text, re.S)
        assert line, record.stem
        organisation = record.organisation
        if record.account == "compiled":
            expected = (
                f"Compiled by the hub from the public sources listed at the end, and not reviewed by {organisation}."
            )
        else:
            expected = f"Written or approved by {organisation}, the team that did the work."
        assert html.unescape(line.group(1)) == expected, record.stem
