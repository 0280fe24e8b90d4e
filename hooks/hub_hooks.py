"""MkDocs adapter for the hub: turns MkDocs events into calls to ``hub``.

All logic lives in the ``hub`` package, which never imports MkDocs; this
file only decides when to act, moves data in and out, and reports problems
through MkDocs' logger so that ``mkdocs build --strict`` fails on them.
"""

from __future__ import annotations

import logging
import os
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from hub.build import Hub, HubConfig, load_hub
from hub.feeds import plan_feeds
from hub.htmltext import LostBlock, extract_raw, restore_raw
from hub.news import NewsPost, load_news
from hub.postprocess import MarkupChanged, add_csp, fix_skip_link, policy, script_hashes
from hub.opendata import render_csv, render_json, render_outcomes_csv
from hub.schema import render_schema
from hub.search import SearchData, build_index, case_study_search, news_search, page_search, resource_search, wrap_for_index
from hub.markers import MarkerContext, fill_markers
from hub.render import render_case_study, render_resource
from hub.taxonomy import TaxonomyError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

# A child of the "mkdocs" logger: its warnings count in strict mode.
log = logging.getLogger("mkdocs.plugins.hub")

# Hub pages are reached from index pages, never listed one by one in the nav.
NOT_IN_NAV = InclusionLevel.NOT_IN_NAV

# The hub loaded for the current build (``mkdocs serve`` rebuilds reload it).
_hub: Hub | None = None
_news: list[NewsPost] = []
_news_urls: dict[str, str] = {}
# What each searchable page tells Pagefind, by src_uri (set when its Markdown is rendered).
_search_data: dict[str, SearchData] = {}
# The src_uri of every page the hub adds: case studies, resources, generated lists.
_hub_pages: set[str] = set()
# Generated HTML blocks of each page, kept out of Markdown (see hub.htmltext.raw).
_raw_blocks: dict[str, list[str]] = {}
# Hashes of every inline script on the site, for the server-side policy.
_site_hashes: set[str] = set()


def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    if not config.use_directory_urls:
        raise PluginError("hub: the hub's page addresses need use_directory_urls: true")
    return config


def _describe_for_search(page: Page) -> None:
    """Pagefind filters for hand-written pages: news posts, guidance (with its themes) and the rest."""
    assert _hub is not None
    if (page.meta.get("search") or {}).get("exclude"):
        return
    post = next((p for p in _news if p.src_uri == page.file.src_uri), None)
    if post is not None:
        _search_data[page.file.src_uri] = news_search(post)
        return
    kind = "Guidance" if page.file.src_uri.startswith("framework/") else "Page"
    themes = tuple(t.id for t in (_hub.taxonomy.themes.resolve(str(v)) for v in page.meta.get("themes") or ()) if t)
    _search_data[page.file.src_uri] = page_search(kind, themes, _hub.taxonomy)


def on_env(env: Any, /, *, config: MkDocsConfig, files: Files, **kwargs: Any) -> Any:
    """A fresh navigation cache for each build (see theme/partials/nav.html)."""
    env.globals["hub_nav_cache"] = {}
    return env


def on_page_context(context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any, **kwargs: Any) -> dict[str, Any]:
    """The hub's pages outside the navigation share one rendering of it per folder.

    Relative links depend on the page's folder (case-studies/, themes/, ...),
    so pages in the same folder get the same navigation HTML.
    """
    if page.file.src_uri in _hub_pages and page not in nav.pages:
        page.meta["hub_nav_key"] = posixpath.dirname(page.url.rstrip("/")) or "."
    return context


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    """Put back the HTML the hub generated, and mark searchable pages for Pagefind."""
    try:
        html = restore_raw(html, _raw_blocks.pop(page.file.src_uri, []))
    except LostBlock as exc:
        raise PluginError(f"hub: {page.file.src_uri}: {exc}") from exc
    data = _search_data.get(page.file.src_uri)
    if data is None:
        return html
    # The git plugin's date of the last change, for pages that have no date of their own.
    return wrap_for_index(html, data, page.title or "", page.meta.get("git_revision_date_localized_raw_iso_date"))


def _finish(html: str, where: str) -> str:
    try:
        return add_csp(fix_skip_link(html))
    except MarkupChanged as exc:
        raise PluginError(f"hub: {where}: {exc}") from exc


@event_priority(-100)  # after every other change to the page
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    """A working skip link and a Content-Security-Policy on every page."""
    _site_hashes.update(script_hashes(output))
    return _finish(output, page.file.src_uri)


def on_post_template(output_content: str, /, *, template_name: str, config: MkDocsConfig, **kwargs: Any) -> str:
    """The same for pages rendered from templates alone (404.html)."""
    if not template_name.endswith(".html") or "<html" not in output_content:
        return output_content
    _site_hashes.update(script_hashes(output_content))
    return _finish(output_content, template_name)


@event_priority(-100)  # last: after Material writes the sitemap and every plugin's output
def on_post_build(*, config: MkDocsConfig, **kwargs: Any) -> None:
    """Index the finished site with Pagefind."""
    try:
        files = build_index(Path(config.site_dir))
    except Exception as exc:  # the indexer is a separate binary; say what failed, then stop
        raise PluginError(f"hub: Pagefind could not index the site: {exc}") from exc
    log.info(f"hub: Pagefind read {files} HTML files and indexed the {len(_search_data)} searchable pages")
    # The policy for servers that can send headers: every page's inline scripts allowed.
    Path(config.site_dir, "csp.txt").write_text(policy(sorted(_site_hashes), header=True) + "\n", encoding="utf-8")


# After Material's blog plugin (-50), which gives news posts their final URLs.
@event_priority(-100)
def on_files(files: Files, /, *, config: MkDocsConfig, **kwargs: Any) -> Files:
    """Load all content once, report its problems, and add its pages, feeds and data."""
    global _hub, _news, _news_urls
    _search_data.clear()
    _raw_blocks.clear()
    _site_hashes.clear()
    root = Path(config.config_file_path).resolve().parent
    docs_dir = Path(config.docs_dir).resolve()
    # Resources are pages in docs/leadership/: their src_uri is leadership/<name>.md.
    options = {"resources": os.path.relpath(docs_dir / "leadership", root), **(config.extra or {}).get("hub", {})}
    try:
        _hub = load_hub(HubConfig.from_options(root, options))
    except TaxonomyError as exc:
        raise PluginError("hub: the taxonomy is broken:\n" + "\n".join(exc.messages)) from exc
    for problem in _hub.problems:
        if problem.severity == "error":
            log.warning(str(problem))
        else:
            log.info(str(problem))
    for record in _hub.collection.case_studies:
        _claim(files, record.src_uri)
        files.append(_case_study_file(record.src_uri, _hub.config.case_studies / f"{record.stem}.md", docs_dir, record.decodable, config))
    for resource in _hub.collection.resources:
        file = files.get_file_from_path(resource.src_uri)
        if file is not None:  # listed on the leadership page, not one by one in the nav
            file.inclusion = NOT_IN_NAV
    for page in _hub.pages:
        _claim(files, page.src_uri)
        files.append(File.generated(config, page.src_uri, content=page.markdown, inclusion=NOT_IN_NAV))
    _hub_pages.clear()
    _hub_pages.update(_hub.by_src_uri, _hub.resources_by_src_uri, (p.src_uri for p in _hub.pages))
    _news = load_news(docs_dir / "news" / "posts", docs_dir)
    _news_urls = {p.src_uri: f.url for p in _news if (f := files.get_file_from_path(p.src_uri)) is not None}
    site_url = config.site_url or "http://127.0.0.1:8000/"
    derived = {feed.path: feed.xml for feed in plan_feeds(
        _hub.collection.case_studies, _hub.indexes, _hub.taxonomy, site_url, _hub.config.today, _news, _news_urls,
    )}
    records = _hub.collection.case_studies
    derived["api/case-studies.json"] = render_json(records, _hub.taxonomy, site_url, _hub.config.today)
    derived["api/case-studies.csv"] = render_csv(records, _hub.taxonomy, site_url)
    derived["api/outcomes.csv"] = render_outcomes_csv(records, site_url)
    derived["api/case-study.schema.json"] = render_schema(_hub.contract.schema)
    for path, content in derived.items():
        _claim(files, path)
        files.append(File.generated(config, path, content=content))
    return files


def _claim(files: Files, src_uri: str) -> None:
    """Refuse to hide a hand-written page behind a generated one."""
    existing = files.get_file_from_path(src_uri)
    if existing is not None:
        raise PluginError(
            f"hub: docs/{src_uri} has the address of a file the hub generates; rename or remove it"
        )


class CaseStudyFile(File):
    """A case study's page: backed by its real file (edit links, git dates), but MkDocs
    is given no text to read. The hub has already parsed the file, and renders the
    page from its record in on_page_markdown; reading and parsing it a second time
    cost a tenth of the build at scale."""

    @property
    def content_string(self) -> str:
        return ""

    @content_string.setter
    def content_string(self, value: str) -> None:
        raise AttributeError("a case study's page text comes from its record")


def _case_study_file(src_uri: str, path: Path, docs_dir: Path, decodable: bool, config: MkDocsConfig) -> File:
    """A page at ``src_uri`` backed by the real file, so edit links and git dates work."""
    if not decodable:
        # MkDocs cannot read it; the page shows the problem instead (strict builds fail).
        return File.generated(config, src_uri, content=" ", inclusion=NOT_IN_NAV)
    file = CaseStudyFile(
        src_uri,
        src_dir=None,
        dest_dir=config.site_dir,
        use_directory_urls=config.use_directory_urls,
        inclusion=NOT_IN_NAV,
    )
    file.abs_src_path = str(path)
    # Relative to edit_uri (".../docs/"): urljoin folds the "..", giving ".../case_studies/x.md".
    file.edit_uri = Path(os.path.relpath(path, docs_dir)).as_posix()
    return file


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    """The page's Markdown, with the hub's generated HTML set aside until after Markdown runs."""
    text, blocks = extract_raw(_page_markdown(markdown, page, config))
    _raw_blocks[page.file.src_uri] = blocks
    return text


def _page_markdown(markdown: str, page: Page, config: MkDocsConfig) -> str:
    """Render case studies from their records; fill markers in other pages."""
    assert _hub is not None, "on_files runs before on_page_markdown"
    record = _hub.case_study_at(page.file.src_uri)
    if record is not None:
        # Front matter keys that Material reads with other meanings (status) must not leak.
        page.meta.pop("status", None)
        page.meta["title"] = record.title
        page.meta["description"] = record.summary
        _search_data[page.file.src_uri] = case_study_search(record, _hub.taxonomy)
        return render_case_study(
            record, _hub.taxonomy, today=_hub.config.today, related=_hub.related.get(record.stem, ())
        )
    resource = _hub.resource_at(page.file.src_uri)
    if resource is not None:
        page.meta["title"] = resource.title
        page.meta["description"] = resource.summary
        _search_data[page.file.src_uri] = resource_search(resource, _hub.taxonomy)
        return render_resource(resource, _hub.taxonomy)
    if page.file.generated_by is not None:
        return markdown
    _describe_for_search(page)
    context = MarkerContext(
        page_url=page.url,
        case_studies=_hub.collection.case_studies,
        indexes=_hub.indexes,
        taxonomy=_hub.taxonomy,
        programme_team=_hub.contract.programme_team,
        schema=_hub.contract.schema,
        repo_url=config.repo_url,
        news=_news,
        news_urls=_news_urls,
    )
    path = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    filled, problems = fill_markers(markdown, path, context, source=page.file.content_string)
    for problem in problems:
        log.warning(str(problem))
    return filled
