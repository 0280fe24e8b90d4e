"""Atom feeds: news, new and updated case studies, and one per theme, area and ICS.

Built with feedgen, a maintained library, rather than hand-written XML. Each
feed holds the newest ``FEED_LENGTH`` entries, so its size does not grow with
the collection.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from functools import cached_property, partial
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from hub import urls
from hub.content.news import NewsPost
from hub.content.records import Adoption, CaseStudy
from hub.content.taxonomy import Taxonomy
from hub.index.groups import Indexes
from hub.memo import Memo

FEED_LENGTH = 50
AUTHOR = {"name": "Primary Care Programme team, Healthy London Partnership"}
RIGHTS = "Open Government Licence v3.0, except where otherwise stated"


@dataclass(frozen=True)
class Feed:
    path: str  # site-relative, e.g. feeds/themes/proactive-care.xml
    title: str
    page_url: str  # the HTML page the feed follows, site-relative
    render: Callable[[], bytes] = field(repr=False, compare=False)

    @cached_property
    def xml(self) -> bytes:
        """The feed; written when first asked for, so a build can write it where and when it likes."""
        return self.render()


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


@dataclass(frozen=True)
class Item:
    """One entry of a case-study feed: a case study, or an adoption note of one."""

    url: str  # site-relative
    title: str
    summary: str
    published: date | None
    updated: date
    author: str
    categories: tuple[tuple[str, str, str], ...]  # (term, label, scheme) with scheme site-relative


def _last_change(*days: date | None) -> date:
    return max(d for d in (*days, date.min) if d is not None)


def _categories(themes: Sequence[str], areas: Sequence[str], taxonomy: Taxonomy) -> tuple[tuple[str, str, str], ...]:
    return (
        *((t, taxonomy.themes[t].name, urls.THEMES) for t in themes),
        *((a, taxonomy.areas[a].name, urls.AREAS) for a in areas),
    )


def case_study_item(record: CaseStudy, taxonomy: Taxonomy) -> Item:
    return Item(
        record.url,
        record.title,
        record.summary,
        record.published,
        _last_change(record.updated, record.published),
        record.organisation,
        _categories(record.themes, record.areas, taxonomy),
    )


def adoption_item(note: Adoption, adopted: CaseStudy, taxonomy: Taxonomy) -> Item:
    """A note in the feeds: the adopted case study's themes and the note's own areas."""
    where = ", ".join(taxonomy.areas[a].name for a in note.areas)
    return Item(
        note.url,
        f"Tried in {where}: {adopted.title}",
        f"{note.organisation} tried this idea. {note.when()}.",
        note.published,
        _last_change(note.updated, note.published),
        note.organisation,
        _categories(adopted.themes, note.areas, taxonomy),
    )


def render_case_study_feed(
    items: Sequence[Item],
    title: str,
    subtitle: str,
    path: str,
    page_url: str,
    site_url: str,
    today: date,
    memo: Memo | None = None,
) -> Feed:
    """An Atom feed of ``items``: newest or most recently updated first (kept in ``memo`` by what it shows)."""
    chosen = tuple(sorted(items, key=lambda i: (i.updated, i.title), reverse=True)[:FEED_LENGTH])
    xml = partial(_case_study_feed, chosen, title, subtitle, path, page_url, site_url, today)
    if memo is not None:
        xml = partial(memo.get, ("feed", chosen, title, subtitle, path, page_url, site_url, today), xml)
    return Feed(path, title, page_url, xml)


def _case_study_feed(
    chosen: Sequence[Item],
    title: str,
    subtitle: str,
    path: str,
    page_url: str,
    site_url: str,
    today: date,
) -> bytes:
    generator = _generator(title, subtitle, path, page_url, site_url)
    generator.updated(_moment(max((i.updated for i in chosen), default=today)))
    for item in chosen:
        entry = generator.add_entry(order="append")
        url = urljoin(site_url, item.url)
        entry.id(url)
        entry.title(item.title)
        entry.link(href=url, rel="alternate", type="text/html")
        entry.summary(item.summary)
        if item.published:
            entry.published(_moment(item.published))
        entry.updated(_moment(item.updated))
        if item.author:
            entry.author({"name": item.author})
        for term, label, scheme in item.categories:
            entry.category(term=term, label=label, scheme=urljoin(site_url, scheme))
    return generator.atom_str(pretty=True)


def render_news_feed(posts: Sequence[NewsPost], post_urls: Mapping[str, str], site_url: str, today: date) -> Feed:
    """The programme's news as an Atom feed."""
    return Feed(urls.NEWS_FEED, "News", urls.NEWS, partial(_news_feed, posts, post_urls, site_url, today))


def _news_feed(posts: Sequence[NewsPost], post_urls: Mapping[str, str], site_url: str, today: date) -> bytes:
    chosen = sorted(posts, key=lambda p: (p.created, p.title), reverse=True)[:FEED_LENGTH]
    generator = _generator(
        "News from the London Primary Care Knowledge Hub",
        "Updates from the primary care programme.",
        urls.NEWS_FEED,
        urls.NEWS,
        site_url,
    )
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
    return generator.atom_str(pretty=True)


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
    case_studies: Sequence[CaseStudy],
    indexes: Indexes,
    taxonomy: Taxonomy,
    site_url: str,
    today: date,
    news: Sequence[NewsPost] = (),
    news_urls: Mapping[str, str] | None = None,
    memo: Memo | None = None,
) -> list[Feed]:
    """Every feed of the site. Adoption notes join the feeds of their case study's themes and of their
    own areas and ICSs. With ``memo``, a feed whose entries have not changed is not written again."""

    def item(record: CaseStudy) -> Item:
        if memo is None:
            return case_study_item(record, taxonomy)
        return memo.get(("feed item", record), lambda: case_study_item(record, taxonomy))

    items = {r.stem: item(r) for r in case_studies}
    by_stem = {r.stem: r for r in case_studies}
    notes = [(n, adoption_item(n, by_stem[stem], taxonomy)) for stem, ns in indexes.adoptions.items() for n in ns]
    feeds = [
        render_case_study_feed(
            [*items.values(), *(item for _n, item in notes)],
            "New and updated case studies",
            "Case studies from London's primary care, and the places that tried them, newest first.",
            urls.CASE_STUDY_FEED,
            urls.CASE_STUDIES,
            site_url,
            today,
            memo,
        )
    ]
    notes_of = {
        "themes": lambda term: [i for n, i in notes if term in by_stem[n.case_study].themes],
        "areas": lambda term: [i for n, i in notes if term in n.areas],
        "ics": lambda term: [i for n, i in notes if term in n.ics],
    }
    for vocabulary, label in (("themes", "on"), ("areas", "from"), ("ics", "from")):
        for term in taxonomy.vocabulary(vocabulary):
            chosen = [items[r.stem] for r in indexes.of(vocabulary)[term.id]] + notes_of[vocabulary](term.id)
            feeds.append(
                render_case_study_feed(
                    chosen,
                    f"Case studies {label} {term.name}",
                    term.description,
                    urls.term_feed(vocabulary, term.id),
                    urls.term(vocabulary, term.id),
                    site_url,
                    today,
                    memo,
                )
            )
    if news_urls is not None:
        feeds.append(render_news_feed(news, news_urls, site_url, today))
    return feeds
