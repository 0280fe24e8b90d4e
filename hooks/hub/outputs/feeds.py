"""Atom feeds: news, new and updated case studies, and one per theme, area and ICS.

Built with feedgen, a maintained library, rather than hand-written XML. Each
feed holds the newest ``FEED_LENGTH`` entries, so its size does not grow with
the collection.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Mapping, Sequence
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from hub import urls
from hub.index.groups import Indexes
from hub.content.records import CaseStudy
from hub.content.news import NewsPost
from hub.content.taxonomy import Taxonomy

FEED_LENGTH = 50
AUTHOR = {"name": "Primary Care Programme team, Healthy London Partnership"}
RIGHTS = "Open Government Licence v3.0, except where otherwise stated"


@dataclass(frozen=True)
class Feed:
    path: str  # site-relative, e.g. feeds/themes/proactive-care.xml
    title: str
    page_url: str  # the HTML page the feed follows, site-relative
    xml: bytes


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def _last_change(record: CaseStudy) -> date:
    return max(d for d in (record.updated, record.published, date.min) if d is not None)


def render_case_study_feed(
    records: Sequence[CaseStudy], title: str, subtitle: str, path: str, page_url: str,
    site_url: str, taxonomy: Taxonomy, today: date,
) -> Feed:
    """An Atom feed of ``records``: newest or most recently updated first."""
    chosen = sorted(records, key=lambda r: (_last_change(r), r.title), reverse=True)[:FEED_LENGTH]
    generator = _generator(title, subtitle, path, page_url, site_url)
    generator.updated(_moment(max((_last_change(r) for r in chosen), default=today)))
    for record in chosen:
        entry = generator.add_entry(order="append")
        url = urljoin(site_url, record.url)
        entry.id(url)
        entry.title(record.title)
        entry.link(href=url, rel="alternate", type="text/html")
        entry.summary(record.summary)
        if record.published:
            entry.published(_moment(record.published))
        entry.updated(_moment(_last_change(record)))
        if record.organisation:
            entry.author({"name": record.organisation})
        for theme in record.themes:
            entry.category(term=theme, label=taxonomy.themes[theme].name, scheme=urljoin(site_url, urls.THEMES))
        for area in record.areas:
            entry.category(term=area, label=taxonomy.areas[area].name, scheme=urljoin(site_url, urls.AREAS))
    return Feed(path, title, page_url, generator.atom_str(pretty=True))


def render_news_feed(posts: Sequence[NewsPost], post_urls: Mapping[str, str], site_url: str, today: date) -> Feed:
    """The programme's news as an Atom feed."""
    chosen = sorted(posts, key=lambda p: (p.created, p.title), reverse=True)[:FEED_LENGTH]
    generator = _generator("News from the London Primary Care Knowledge Hub",
                           "Updates from the primary care programme.", urls.NEWS_FEED, urls.NEWS, site_url)
    generator.updated(_moment(max((p.updated for p in chosen), default=today)))
    for post in chosen:
        entry = generator.add_entry(order="append")
        url = urljoin(site_url, post_urls[post.src_uri])
        entry.id(url)
        entry.title(post.title)
        entry.link(href=url, rel="alternate", type="text/html")
        entry.summary(post.description or post.title)
        entry.published(_moment(post.created))
        entry.updated(_moment(post.updated))
        for category in post.categories:
            entry.category(term=category)
    return Feed(urls.NEWS_FEED, "News", urls.NEWS, generator.atom_str(pretty=True))


def _generator(title: str, subtitle: str, path: str, page_url: str, site_url: str) -> FeedGenerator:
    generator = FeedGenerator()
    generator.id(urljoin(site_url, path))
    generator.title(title)
    generator.subtitle(subtitle)
    generator.author(AUTHOR)
    generator.link(href=urljoin(site_url, page_url), rel="alternate", type="text/html")
    generator.link(href=urljoin(site_url, path), rel="self", type="application/atom+xml")
    generator.language("en-GB")
    generator.rights(RIGHTS)
    generator.generator("London Primary Care Knowledge Hub")
    return generator


def plan_feeds(
    case_studies: Sequence[CaseStudy], indexes: Indexes, taxonomy: Taxonomy, site_url: str, today: date,
    news: Sequence[NewsPost] = (), news_urls: Mapping[str, str] | None = None,
) -> list[Feed]:
    """Every feed of the site."""
    feeds = [
        render_case_study_feed(
            case_studies, "New and updated case studies", "Case studies from London's primary care, newest first.",
            urls.CASE_STUDY_FEED, urls.CASE_STUDIES, site_url, taxonomy, today,
        )
    ]
    for vocabulary, label in (("themes", "on"), ("areas", "from"), ("ics", "from")):
        for term in taxonomy.vocabulary(vocabulary):
            feeds.append(render_case_study_feed(
                indexes.of(vocabulary)[term.id], f"Case studies {label} {term.name}", term.description,
                urls.term_feed(vocabulary, term.id), urls.term(vocabulary, term.id), site_url, taxonomy, today,
            ))
    if news_urls is not None:
        feeds.append(render_news_feed(news, news_urls, site_url, today))
    return feeds
