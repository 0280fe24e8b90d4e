"""The one entry point: load and check everything, then derive pages and outputs from it.

``hooks/hub_hooks.py`` (the build) and the scripts (``make check``, the review
list, the generators) call these functions, so every route runs the same
checks and sees the same records. The stages run in order: content
(``load_hub``), index (inside ``load_hub``), then pages and outputs on demand.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from hub import urls
from hub.content.adoption import FOLDER as ADOPTIONS
from hub.content.adoption import parse_adoption
from hub.content.casestudy import parse_case_study
from hub.content.collection import Collection, collect, display_path, load_collection
from hub.content.contract import (
    CASE_STUDY_SCHEMA_FILE,
    DATA,
    RESOURCE_SCHEMA_FILE,
    Contract,
    load_contract,
)
from hub.content.frontmatter import decode, parse_document
from hub.content.gitdates import History, HistoryReader
from hub.content.news import NewsPost, load_news
from hub.content.problems import Problem
from hub.content.records import CaseStudy, Resource
from hub.content.resource import parse_resource
from hub.content.schema import render_schema, sync_schema
from hub.content.taxonomy import Taxonomy
from hub.index.facets import SearchData, case_study_search, news_search, page_search, resource_search
from hub.index.groups import PER_PAGE, Indexes, group_case_studies
from hub.index.related import find_related
from hub.index.reviews import ReviewItem, select_reviews
from hub.index.synonyms import load_synonyms
from hub.index.words import hub_vocabulary
from hub.memo import Memo
from hub.outputs.feeds import plan_feeds
from hub.outputs.opendata import (
    render_adoptions_csv,
    render_adoptions_json,
    render_csv,
    render_json,
    render_outcomes_csv,
)
from hub.outputs.search import render_search_words
from hub.pages import templating
from hub.pages.entries import render_case_study, render_resource
from hub.pages.listings import GeneratedPage, plan_pages
from hub.pages.markers import MarkerContext, fill_markers
from hub.pages.programme import render_programme_page
from hub.pages.reviews import render_reviews_csv, render_reviews_page
from hub.pages.trail import Crumb
from hub.pages.trail import trail as page_trail


@dataclass(frozen=True)
class HubConfig:
    """Where the hub's content and contract live."""

    root: Path  # the project folder: messages show paths relative to it
    case_studies: Path
    docs: Path | None = None  # hand-written pages, whose markers are checked
    resources: Path | None = None  # leadership resources: docs/leadership/
    news: Path | None = None  # news posts: docs/news/posts/
    data: Path = DATA  # the contract's files
    per_page: int = PER_PAGE
    today: date = field(default_factory=date.today)  # decides "due for review" notices
    edit_base: str | None = None  # where files are edited: repo_url joined with edit_uri (".../edit/main/docs/")

    @classmethod
    def from_options(
        cls, root: Path, options: Mapping[str, Any], docs: Path | None = None, edit_base: str | None = None
    ) -> HubConfig:
        """Read ``extra.hub`` options from mkdocs.yml (paths relative to ``root``)."""
        docs = docs if docs is not None else root / "docs"
        return cls(
            edit_base=edit_base,
            root=root,
            case_studies=root / options.get("case_studies", "case_studies"),
            docs=docs,
            resources=docs / urls.RESOURCE_FOLDER,
            news=docs / urls.NEWS_POSTS_FOLDER,
            data=root / options["data"] if "data" in options else DATA,
            per_page=int(options.get("per_page", PER_PAGE)),
        )


@dataclass
class Reuse:
    """What each build hands the next in the same process (``mkdocs serve``), so a rebuild redoes only
    what an edit changed: a record when its file's bytes change, related case studies when a case study's
    place among them does, a page's Markdown when its record or what it lists does."""

    contract_key: tuple[tuple[str, int, int], ...] = ()  # the contract's files: name, modification time, size
    contract: Contract | None = None
    config: HubConfig | None = None  # the settings of the last build: memos belong to them
    records: Memo = field(default_factory=Memo)
    related: Memo = field(default_factory=Memo)
    entries: Memo = field(default_factory=Memo)  # case-study pages' Markdown
    pages: Memo = field(default_factory=Memo)  # generated pages' Markdown
    outputs: Memo = field(default_factory=Memo)  # feeds and open data

    def next_build(self, config: HubConfig) -> Contract:
        """Start a build: the contract (read again only if its files changed), and memos of the last build."""
        files = sorted(p for p in config.data.iterdir() if p.is_file())
        key = tuple((p.name, (stat := p.stat()).st_mtime_ns, stat.st_size) for p in files)
        memos = (self.records, self.related, self.entries, self.pages, self.outputs)
        if self.contract is None or key != self.contract_key or config != self.config:
            self.contract, self.contract_key, self.config = load_contract(config.data), key, config
            for memo in memos:  # records and pages depend on the contract and the settings
                memo.clear()
        for memo in memos:
            memo.next_build()
        return self.contract


@dataclass(frozen=True)
class Hub:
    """The loaded content and everything grouped from it."""

    config: HubConfig
    contract: Contract
    collection: Collection
    indexes: Indexes
    news: tuple[NewsPost, ...] = ()
    contract_problems: tuple[Problem, ...] = ()
    related: dict[str, tuple[CaseStudy, ...]] = field(default_factory=dict)  # by stem
    by_src_uri: dict[str, CaseStudy] = field(default_factory=dict)
    resources_by_src_uri: dict[str, Resource] = field(default_factory=dict)
    words: dict[str, int] = field(default_factory=dict)  # the search vocabulary ("did you mean")
    reuse: Reuse | None = field(default=None, compare=False)  # kept between builds by mkdocs serve

    @property
    def taxonomy(self) -> Taxonomy:
        return self.contract.taxonomy

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.contract_problems + self.collection.problems

    def case_study_at(self, src_uri: str) -> CaseStudy | None:
        """The case study whose page is ``src_uri``, if it is one."""
        return self.by_src_uri.get(src_uri)

    def resource_at(self, src_uri: str) -> Resource | None:
        """The leadership resource whose page is ``src_uri``, if it is one."""
        return self.resources_by_src_uri.get(src_uri)

    def source_path(self, record: CaseStudy) -> Path:
        """The file a case study was read from."""
        return self.config.case_studies / f"{record.stem}.md"

    def sources_of(self, src_uri: str) -> tuple[Path, ...]:
        """The files the case study or resource at page ``src_uri`` shows, for its dates: its own file first,
        then (for a case study) the adoption notes of the places that tried it; empty for other pages."""
        record = self.case_study_at(src_uri)
        if record is not None:
            notes = self.config.case_studies / ADOPTIONS
            return (self.source_path(record), *(notes / f"{stem}.md" for stem in record.adopted_by))
        resource = self.resource_at(src_uri)
        if resource is not None and self.config.resources is not None:
            return (self.config.resources / f"{resource.stem}.md",)
        return ()


def start_reading_history(root: Path, previous: History | None = None) -> HistoryReader:
    """Start reading, in the background, when each file in the repository holding ``root`` was created and
    last changed: one ``git log`` for the whole history (``previous`` is kept if nothing was committed since)."""
    return HistoryReader(root, previous)


def load_hub(config: HubConfig, reuse: Reuse | None = None) -> Hub:
    """Load and check all content, and group it; raises ``TaxonomyError`` if the contract is broken.

    With ``reuse`` (``mkdocs serve``), what has not changed since the last build is taken from it.
    """
    contract = reuse.next_build(config) if reuse is not None else load_contract(config.data)
    synonyms = load_synonyms()  # part of the contract: read (and checked) before any page is made
    memo = reuse.records if reuse is not None else None
    collection = load_collection(config.case_studies, config.root, contract, config.resources, config.today, memo)
    indexes = group_case_studies(collection.case_studies, contract.taxonomy, collection.resources, collection.adoptions)
    return Hub(
        config=config,
        contract=contract,
        collection=collection,
        indexes=indexes,
        news=tuple(load_news(config.news, config.docs)) if config.news and config.docs else (),
        contract_problems=tuple(check_contract(contract, config)),
        related=related_case_studies(collection.case_studies, indexes, reuse.related if reuse is not None else None),
        by_src_uri={c.src_uri: c for c in collection.case_studies},
        resources_by_src_uri={r.src_uri: r for r in collection.resources},
        words=hub_vocabulary(collection.case_studies, collection.resources, contract.taxonomy, synonyms),
        reuse=reuse,
    )


def related_case_studies(
    case_studies: Sequence[CaseStudy], indexes: Indexes, memo: Memo | None = None
) -> dict[str, tuple[CaseStudy, ...]]:
    """``index.related.find_related``, found again only when a case study's place among the others changed."""
    if memo is None:
        return find_related(case_studies, indexes)
    # What decides who is related to whom: every case study's name, order, themes, areas, settings, and the
    # title and summary its distinctive words come from.
    key = tuple((c.stem, c.sort_key, c.themes, c.areas, c.settings, c.title, c.summary) for c in case_studies)

    def find() -> dict[str, tuple[str, ...]]:
        return {s: tuple(r.stem for r in rs) for s, rs in find_related(case_studies, indexes).items()}

    stems = memo.get(key, find)
    by_stem = {c.stem: c for c in case_studies}
    return {stem: tuple(by_stem[s] for s in related) for stem, related in stems.items()}  # this build's records


def check_contract(contract: Contract, config: HubConfig) -> list[Problem]:
    """The schemas' vocabulary lists match the taxonomy."""
    problems = []
    for name, schema in ((CASE_STUDY_SCHEMA_FILE, contract.schema), (RESOURCE_SCHEMA_FILE, contract.resource_schema)):
        if sync_schema(schema, contract.taxonomy) != schema:
            path = display_path(config.data / name, config.root)
            problems.append(Problem(path, 1, "enum", "vocabulary lists differ from the taxonomy; run 'make generate'"))
    return problems


def check(config: HubConfig, paths: Sequence[Path] = ()) -> tuple[list[Problem], int]:
    """What ``make check`` reports: the problems in ``paths`` (all content and every marker if empty),
    checked against the whole collection, and how many files were checked."""
    hub = load_hub(config)
    if not paths:
        problems = [*hub.problems, *check_markers(hub)]
        collection = hub.collection
        return sorted(problems), len(collection.case_studies) + len(collection.resources) + len(collection.adoptions)
    files = [f for p in paths for f in (sorted(p.rglob("*.md")) if p.is_dir() else [p])]
    shown = {display_path(f.resolve(), config.root): f for f in files}
    known = {c.path for c in (*hub.collection.case_studies, *hub.collection.resources, *hub.collection.adoptions)}
    problems = [Problem(name, 1, "file", "does not exist") for name, f in shown.items() if not f.is_file()]
    new = [(name, f) for name, f in shown.items() if f.is_file() and name not in known]
    resources_dir = config.resources.resolve() if config.resources else None
    new_resources = [
        parse_resource(f.read_bytes(), name, f.stem, hub.contract)
        for name, f in new
        if f.resolve().parent == resources_dir
    ]
    adoptions_dir = (config.case_studies / ADOPTIONS).resolve()
    new_adoptions = [
        parse_adoption(f.read_bytes(), name, f.stem, hub.contract, config.today)
        for name, f in new
        if f.resolve().parent == adoptions_dir
    ]
    new_case_studies = [
        parse_case_study(f.read_bytes(), name, f.stem, hub.contract, config.today)
        for name, f in new
        if f.resolve().parent not in (resources_dir, adoptions_dir)
    ]
    combined = collect(
        [*hub.collection.case_studies, *new_case_studies],
        (),
        [*hub.collection.resources, *new_resources],
        [*hub.collection.adoptions, *new_adoptions],
    )
    problems += [
        p for p in (*hub.contract_problems, *combined.problems) if p.path in shown or p in hub.contract_problems
    ]
    return sorted(problems), len(shown)


def check_markers(hub: Hub) -> list[Problem]:
    """Every problem with the markers in the hand-written pages (the build reports the same)."""
    if hub.config.docs is None or not hub.config.docs.is_dir():
        return []
    problems = []
    for path in sorted(hub.config.docs.rglob("*.md")):
        src_uri = path.relative_to(hub.config.docs).as_posix()
        text, _ = decode(path.read_bytes(), src_uri)
        if text is None or hub.resource_at(src_uri) is not None:
            continue
        document, _ = parse_document(text, src_uri)
        body, first_line = (document.body, document.body_line) if document else (text, 1)
        problems += fill_page_markers(hub, src_uri, body, first_line)[1]
    return problems


def generated_pages(hub: Hub) -> list[GeneratedPage]:
    """Every page the hub adds: the case-study lists, the theme, area and ICS pages, the review desk.

    Each page's Markdown is made when first asked for (``GeneratedPage.markdown``).
    """
    memo = hub.reuse.pages if hub.reuse is not None else None
    pages = plan_pages(hub.collection, hub.indexes, hub.taxonomy, hub.config.per_page, memo)
    pages.append(GeneratedPage("reviews.md", partial(_reviews_page, hub, memo)))
    collection = hub.collection
    programme = partial(
        render_programme_page,
        collection.case_studies,
        collection.adoptions,
        hub.indexes,
        hub.taxonomy,
        hub.config.today,
    )
    pages.append(GeneratedPage("programme.md", programme))
    return pages


def _reviews_page(hub: Hub, memo: Memo | None) -> str:
    items, today, months = reviews_of(hub), hub.config.today, hub.contract.status_confirmed_for_months

    def reviews() -> str:
        return render_reviews_page(items, today, edit_url(hub), months, memo)

    key = ("reviews", tuple(items), today, hub.config.edit_base, months)  # what the review desk shows
    return memo.get(key, reviews) if memo is not None else reviews()


def reviews_of(hub: Hub) -> list[ReviewItem]:
    """What the review desk lists today."""
    return select_reviews(hub.collection.case_studies, hub.collection.adoptions, hub.config.today)


def edit_url(hub: Hub) -> Callable[[str], str] | None:
    """Where a file (a path relative to the project, e.g. case_studies/x.md) is edited, if the repository is known."""
    base, config = hub.config.edit_base, hub.config
    if not base or config.docs is None:
        return None
    docs = display_path(config.docs, config.root)  # edit_uri points into docs/: climb out of it
    return lambda path: urljoin(base, posixpath.relpath(path, docs))


def compile_templates() -> int:
    """Compile the hub's page templates now, so that a process forked after this has them; how many."""
    return templating.compile_all()


def compiled_templates() -> dict[str, bytes]:
    """The hub's compiled templates, to hand to another process (``keep_compiled_templates``)."""
    return dict(templating.COMPILED.kept)


def keep_compiled_templates(compiled: dict[str, bytes]) -> None:
    """Templates another process compiled (``compiled_templates``): loaded from these, not compiled again."""
    templating.COMPILED.kept.update(compiled)


def render_entry(hub: Hub, src_uri: str) -> tuple[str, dict[str, str], SearchData] | None:
    """A case study's or resource's page: (Markdown, page meta, search data), or None if ``src_uri`` is neither."""
    record = hub.case_study_at(src_uri)
    if record is not None:
        related, adoptions = hub.related.get(record.stem, ()), hub.indexes.adoptions.get(record.stem, ())

        def render() -> str:
            return render_case_study(record, hub.taxonomy, today=hub.config.today, related=related, adoptions=adoptions)

        # Everything the page shows: the record, its related case studies and the notes of places that tried it.
        key = (record, related, adoptions, hub.config.today)
        markdown = hub.reuse.entries.get(key, render) if hub.reuse is not None else render()
        return markdown, {"title": record.title, "description": record.summary}, case_study_search(record, hub.taxonomy)
    resource = hub.resource_at(src_uri)
    if resource is not None:
        markdown = render_resource(resource, hub.taxonomy)
        return (
            markdown,
            {"title": resource.title, "description": resource.summary},
            resource_search(resource, hub.taxonomy),
        )
    return None


def fill_page_markers(
    hub: Hub,
    src_uri: str,
    markdown: str,
    first_line: int = 1,
    repo_url: str | None = None,
    news_urls: Mapping[str, str] | None = None,
) -> tuple[str, list[Problem]]:
    """A hand-written page's Markdown with its markers filled, and the problems with them."""
    context = MarkerContext(
        page_url=urls.page_url(src_uri),
        case_studies=hub.collection.case_studies,
        indexes=hub.indexes,
        contract=hub.contract,
        repo_url=repo_url,
        news=hub.news,
        news_urls=news_urls or {},
    )
    docs = hub.config.docs.name if hub.config.docs else "docs"
    return fill_markers(markdown, f"{docs}/{src_uri}", context, first_line)


def describe_page(hub: Hub, src_uri: str, meta: Mapping[str, Any]) -> SearchData | None:
    """What a hand-written page tells the search index: news posts, guidance (with its themes), the rest."""
    if (meta.get("search") or {}).get("exclude"):
        return None
    post = next((p for p in hub.news if p.src_uri == src_uri), None)
    if post is not None:
        return news_search(post)
    kind = "Guidance" if src_uri.startswith(urls.GUIDANCE_FOLDER + "/") else "Page"
    themes = tuple(t.id for t in (hub.taxonomy.themes.resolve(str(v)) for v in meta.get("themes") or ()) if t)
    return page_search(kind, themes, hub.taxonomy)


def derived_files(hub: Hub, news_urls: Mapping[str, str], site_url: str) -> dict[str, str | bytes]:
    """Feeds and open data, by their path in the site."""
    return {path: make() for path, make in plan_derived_files(hub, news_urls, site_url).items()}


def plan_derived_files(hub: Hub, news_urls: Mapping[str, str], site_url: str) -> dict[str, Callable[[], str | bytes]]:
    """Feeds and open data by their path in the site, each written when asked for: a build knows every
    path at once, and can write the files where and when it likes (hooks/hub_parallel.py)."""
    records, taxonomy, today = hub.collection.case_studies, hub.taxonomy, hub.config.today
    memo = hub.reuse.outputs if hub.reuse is not None else None
    feeds = plan_feeds(records, hub.indexes, taxonomy, site_url, today, hub.news, news_urls, memo)
    planned: dict[str, Callable[[], str | bytes]] = {feed.path: feed.render for feed in feeds}
    notes = hub.collection.adoptions
    planned[urls.API_JSON] = partial(render_json, records, taxonomy, site_url, today, memo)
    planned[urls.API_CSV] = partial(render_csv, records, taxonomy, site_url, memo)
    planned[urls.API_OUTCOMES] = partial(render_outcomes_csv, records, site_url)
    planned[urls.API_SCHEMA] = partial(render_schema, hub.contract.schema)
    planned[urls.API_ADOPTIONS_JSON] = partial(render_adoptions_json, notes, taxonomy, site_url, today)
    planned[urls.API_ADOPTIONS_CSV] = partial(render_adoptions_csv, notes, taxonomy, site_url)
    planned[urls.API_ADOPTION_SCHEMA] = partial(render_schema, hub.contract.adoption_schema)
    planned[urls.SEARCH_WORDS] = partial(render_search_words, hub.words)
    planned[urls.REVIEWS_CSV] = partial(_reviews_csv, hub, site_url, memo)
    return planned


def _reviews_csv(hub: Hub, site_url: str, memo: Memo | None) -> str:
    items, today, months = reviews_of(hub), hub.config.today, hub.contract.status_confirmed_for_months

    def reviews_csv() -> str:
        return render_reviews_csv(items, today, site_url, edit_url(hub), months)

    key = ("reviews csv", tuple(items), today, site_url, months)  # the edit links: memos belong to one hub config
    return memo.get(key, reviews_csv) if memo is not None else reviews_csv()


def trail(hub: Hub, src_uri: str, title: str) -> tuple[Crumb, ...]:
    """The breadcrumbs of a page the hub makes (empty for other pages), the page itself last."""
    return page_trail(src_uri, title, hub.taxonomy, hub.case_study_at(src_uri), hub.resource_at(src_uri))
