"""MkDocs adapter for the hub: turns MkDocs events into calls to ``hub``.

All logic lives in the ``hub`` package, which never imports MkDocs; this
file only decides when to act, moves data in and out, and reports problems
through MkDocs' logger so that ``mkdocs build --strict`` fails on them.
Handlers appear in the order MkDocs calls them.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import jinja2
from mkdocs import utils
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel

from hub import pipeline
from hub.content.taxonomy import TaxonomyError
from hub.index.facets import SearchData
from hub.outputs.search import IndexerFailed, SearchIndexer, for_index, wrap_for_index
from hub.outputs.security import MarkupChanged, add_csp, allow_inline_script, fix_skip_link, policy, script_hashes
from hub.pages.html import LostBlock, extract_raw, restore_raw
from hub.pages.templating import KeptBytecode
from hub_dates import PageDates, start_page_dates
from hub_markdown import HubMarkdown
from hub_page import FINISHED_TEMPLATE, HubPage, compile_theme, split_header
from hub_parallel import Compiling, Worker, WorkerFailed, replay, start_compiling, start_worker
from hub_serve import Serving

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

# A child of the "mkdocs" logger: its warnings count in strict mode.
log = logging.getLogger("mkdocs.plugins.hub")

# Hub pages are reached from index pages, never listed one by one in the nav.
NOT_IN_NAV = InclusionLevel.NOT_IN_NAV
# The part of the case studies the second process renders, besides the generated pages and the feeds and
# open data: with Pagefind's indexer also on the other core, a third balanced the cores best at 1,000
# (measured: the main process's CPU time against the other core's; docs/performance.md).
WORKER_SHARE = 1 / 3

# The script `mkdocs serve --livereload` adds before </body> of each HTML page it serves
# (_SCRIPT_TEMPLATE in mkdocs/livereload/__init__.py; only its two numbers vary).
LIVE_RELOAD_SCRIPT = re.compile(
    r"<script>(\nvar livereload = function\(epoch, requestId\) \{\n.*?\nlivereload\(\d+, \d+\);\n)</script></body>",
    re.S,
)


@dataclass
class BuildState:
    """What one build knows; made afresh in on_files (``mkdocs serve`` rebuilds)."""

    hub: pipeline.Hub
    news_urls: dict[str, str]  # post src_uri -> URL, once the blog plugin has placed it
    hub_pages: set[str]  # src_uri of every page the hub adds: case studies, resources, lists
    search_data: dict[str, SearchData] = field(default_factory=dict)  # what each page tells Pagefind
    index_html: dict[str, str] = field(default_factory=dict)  # in the second process: what Pagefind is to read
    raw_blocks: dict[str, list[str]] = field(default_factory=dict)  # generated HTML kept out of Markdown
    script_hashes: set[str] = field(default_factory=set)  # every inline script, for csp.txt
    indexer: SearchIndexer | None = None  # Pagefind, fed each searchable page as it is rendered
    derived: dict[str, Callable[[], str | bytes]] = field(default_factory=dict)  # feeds and open data, by path
    derived_files: dict[str, DerivedFile] = field(default_factory=dict)  # their files, by path
    active_section: Any = None  # the navigation section marked active while a hub page renders
    in_nav: set[int] | None = None  # id() of each page in the navigation, once it is known


_state: BuildState | None = None


_dates: PageDates | None = None  # the hub's pages' dates, when the git plugin is on
_serving: Serving | None = None  # under `mkdocs serve`: what one build hands the next
_worker: Worker | None = None  # in a full build: a second process populating half the case studies
_compiling: Compiling | None = None  # in a full build, until on_nav: a process compiling the templates
_compiled = KeptBytecode()  # the theme's compiled templates: for the second process, and from build to build


def _current() -> BuildState:
    assert _state is not None, "on_files runs before any page event"
    return _state


def on_startup(*, command: str, dirty: bool, **kwargs: Any) -> None:
    """Under `mkdocs serve`, keep what a rebuild can reuse (this module stays loaded between builds)."""
    global _serving
    _serving = Serving() if command == "serve" else None


def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    """Check the settings the hub needs, start compiling the templates in a full build, and start reading the
    git history for its pages' dates."""
    global _dates, _compiling
    if not config.use_directory_urls:
        raise PluginError("hub: the hub's page addresses need use_directory_urls: true")
    # Table alignment by class, not style attribute (see hub_markdown.py); once per config.
    if not any(isinstance(ext, HubMarkdown) for ext in config.markdown_extensions):
        config.markdown_extensions.append(HubMarkdown())
    if _serving is None and _parallel(config):
        _compiling = start_compiling(lambda: _compile_templates(config))
    _dates = start_page_dates(config, _dates)
    if _serving is not None:
        _serving.start_build()
    return config


# Before the git-dates plugin (0), so that its parallel mode sees the case studies.
@event_priority(50)
def _on_files_content(files: Files, /, *, config: MkDocsConfig, **kwargs: Any) -> Files:
    """Load all content once, report its problems, and add its pages."""
    global _state
    root = Path(config.config_file_path).resolve().parent
    options = (config.extra or {}).get("hub", {})
    edit_base = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri or "") if config.repo_url else None
    try:
        hub = pipeline.load_hub(
            pipeline.HubConfig.from_options(root, options, Path(config.docs_dir).resolve(), edit_base),
            _serving.reuse if _serving is not None else None,
        )
    except TaxonomyError as exc:
        raise PluginError("hub: the contract is broken:\n" + "\n".join(exc.messages)) from exc
    for problem in hub.problems:
        (log.warning if problem.severity == "error" else log.info)(str(problem))

    docs_dir = Path(config.docs_dir).resolve()
    for record in hub.collection.case_studies:
        _claim(files, record.src_uri)
        files.append(_case_study_file(record.src_uri, hub.source_path(record), docs_dir, record.decodable, config))
    for resource in hub.collection.resources:
        file = files.get_file_from_path(resource.src_uri)
        if file is not None:  # listed on the leadership page, not one by one in the nav
            file.inclusion = NOT_IN_NAV
    pages = pipeline.generated_pages(hub)
    for page in pages:
        _claim(files, page.src_uri)
        files.append(GeneratedPageFile.of(page, config))
    hub_pages = {*hub.by_src_uri, *hub.resources_by_src_uri, *(p.src_uri for p in pages)}
    _state = BuildState(hub, {}, hub_pages)
    if _serving is not None:
        _serving.forget_missing(hub_pages)
    if _dates is not None:
        _dates.take_over(list(hub.resources_by_src_uri))
    return files


# After Material's blog plugin (-50), which gives news posts their final URLs.
@event_priority(-100)
def _on_files_derived(files: Files, /, *, config: MkDocsConfig, **kwargs: Any) -> Files:
    """Feeds and open data, once the news posts have their URLs."""
    state = _current()
    state.news_urls = {
        p.src_uri: f.url for p in state.hub.news if (f := files.get_file_from_path(p.src_uri)) is not None
    }
    site_url = config.site_url or "http://127.0.0.1:8000/"
    state.derived = pipeline.plan_derived_files(state.hub, state.news_urls, site_url)
    for path in state.derived:
        _claim(files, path)
        state.derived_files[path] = DerivedFile.of(path, config)
        files.append(state.derived_files[path])
    return files


on_files = CombinedEvent(_on_files_content, _on_files_derived)


def _claim(files: Files, src_uri: str) -> None:
    """Refuse to hide a hand-written page behind a generated one."""
    if files.get_file_from_path(src_uri) is not None:
        raise PluginError(f"hub: docs/{src_uri} has the address of a file the hub generates; rename or remove it")


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


class GeneratedPageFile(File):
    """A page the hub generates, its Markdown made when MkDocs first reads it: in the second process, for
    the pages that process renders (the build then reads nothing: it takes the finished page)."""

    generated: pipeline.GeneratedPage

    @classmethod
    def of(cls, page: pipeline.GeneratedPage, config: MkDocsConfig) -> GeneratedPageFile:
        file = File.generated(config, page.src_uri, content="", inclusion=NOT_IN_NAV)
        file.__class__ = cls  # only adds behaviour
        file.generated = page  # type: ignore[attr-defined]
        return file  # type: ignore[return-value]

    @property
    def content_string(self) -> str:
        if _worker is not None and self.src_uri in _worker.pages:
            return ""
        return self.generated.markdown

    @content_string.setter
    def content_string(self, value: str) -> None:
        raise AttributeError("a generated page's text comes from the hub")

    @property
    def content_bytes(self) -> bytes:
        return self.content_string.encode("utf-8")


class DerivedFile(File):
    """A feed or open-data file: written by the second process if there is one (on_post_build writes any it did
    not), else when MkDocs copies it."""

    @classmethod
    def of(cls, path: str, config: MkDocsConfig) -> DerivedFile:
        file = File.generated(config, path, content=b"")
        file.__class__ = cls  # only adds behaviour
        return file  # type: ignore[return-value]

    @property
    def content_bytes(self) -> bytes:
        content = _current().derived[self.src_uri]()
        return content.encode("utf-8") if isinstance(content, str) else content

    @property
    def content_string(self) -> str:
        return self.content_bytes.decode("utf-8")

    def copy_file(self, dirty: bool = False) -> None:
        if _worker is None:  # else the second process writes it, after its share of the pages
            self.write()

    def write(self) -> None:
        utils.write_file(self.content_bytes, self.abs_dest_path)


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


def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files, **kwargs: Any) -> None:
    """Share the case studies' population with a second process; start Pagefind's indexer, which is
    handed each page as soon as its content exists."""
    global _worker
    state = _current()
    pages = [HubPage.adopt(f.page) for uri in state.hub_pages if (f := files.get_file_from_path(uri)) and f.page]
    if _serving is not None:  # pages are reused instead; the written site is indexed in the background
        _serving.prepare(nav, config)
        return
    if _parallel(config):
        # Every other case study and the generated pages (which the worker makes), and the feeds and open
        # data; before Pagefind's threads start, as a process with other threads is not forked.
        in_order = _in_build_order(pages, files)
        case_studies = [p for p in in_order if state.hub.case_study_at(p.file.src_uri) is not None]
        chosen = [p for i, p in enumerate(case_studies) if (i + 1) * WORKER_SHARE // 1 != i * WORKER_SHARE // 1]
        share = {id(p) for p in chosen} | {id(p) for p in in_order if isinstance(p.file, GeneratedPageFile)}
        _load_compiled(config)
        _worker = start_worker(
            [p for p in in_order if id(p) in share],
            config,
            files,
            nav,
            _search_data_of,
            {path: file.write for path, file in state.derived_files.items()},
        )
    try:
        state.indexer = SearchIndexer(Path(config.site_dir) / "pagefind")
    except IndexerFailed as exc:
        raise PluginError(f"hub: Pagefind could not index the site: {exc}") from exc


def _parallel(config: MkDocsConfig) -> bool:
    return bool((config.extra or {}).get("hub", {}).get("parallel", True))


def _compile_templates(config: MkDocsConfig) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The theme's templates and the hub's compiled: both bytecode caches."""
    theme = config.theme.get_env()
    theme.bytecode_cache = _compiled
    compile_theme(theme)
    pipeline.compile_templates()
    return dict(_compiled.kept), pipeline.compiled_templates()


def _load_compiled(config: MkDocsConfig) -> None:
    """The templates compiled once for both processes: by the process started in on_config, or else here.
    MkDocs' environments (one per process, made later) load the theme's from ``_compiled`` (on_env); the
    hub's environment is loaded here, before the fork."""
    global _compiling
    compiled = _compiling.result() if _compiling is not None else None
    _compiling = None
    if compiled is None:
        _compile_templates(config)
        return
    theme_bytecode, hub_bytecode = compiled
    _compiled.kept.update(theme_bytecode)
    pipeline.keep_compiled_templates(hub_bytecode)
    pipeline.compile_templates()  # loaded from their bytecode, each checked against its source


def _in_build_order(pages: list[HubPage], files: Files) -> list[HubPage]:
    """``pages`` in the order MkDocs populates them (the order of its files)."""
    chosen = {id(p) for p in pages}
    return [f.page for f in files.documentation_pages() if id(f.page) in chosen]  # type: ignore[misc]


def _search_data_of(page: HubPage) -> tuple[SearchData, str | None] | None:
    """What the second process hands over about a page it populated: its search data, and what Pagefind reads."""
    state, src_uri = _current(), page.file.src_uri
    if src_uri not in state.search_data:
        return None
    return state.search_data[src_uri], state.index_html.pop(src_uri, None)


def on_env(env: Any, /, *, config: MkDocsConfig, files: Files, **kwargs: Any) -> Any:
    """A fresh navigation cache for each build (see theme/partials/nav.html), the theme's compiled templates;
    Pagefind has every page."""
    env.globals["hub_nav_cache"] = {}
    env.globals["hub_split_header"] = split_header
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({FINISHED_TEMPLATE: ""}), env.loader])
    env.bytecode_cache = _compiled  # compiled before the second process was forked, or by the last build
    state = _current()
    if state.indexer is not None:  # every page's content exists now: the index is written while pages render
        state.indexer.write()
    return env


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    """The page's Markdown, with the hub's generated HTML set aside until after Markdown runs."""
    owned = _worker is not None and page.file.src_uri in _worker.pages
    populated = _worker.populated(page.file.src_uri) if _worker is not None else None
    if owned and populated is None:  # the second process could not populate it: read it after all
        page.read_source(config)
        markdown = page.markdown or ""
    if populated is not None:  # rendered by the second process: take its result
        replay(populated.logs)
        page.meta.clear()
        page.meta.update(populated.meta)
        if populated.extra is not None:
            _current().search_data[page.file.src_uri], indexed = populated.extra
            if indexed is not None:
                _current().index_html[page.file.src_uri] = indexed
        page.rendered = populated.rendered  # type: ignore[attr-defined]
        page.meta["template"] = FINISHED_TEMPLATE  # its finished HTML comes from on_post_page
        return markdown
    markdown = _page_markdown(markdown, page, config)
    if _serving is not None:
        _serving.check(page, markdown, files)
        if _serving.reused(page):  # rendered as it was last time: Markdown will not run
            return markdown
    text, blocks = extract_raw(markdown)
    _current().raw_blocks[page.file.src_uri] = blocks
    return text


def _page_markdown(markdown: str, page: Page, config: MkDocsConfig) -> str:
    """Render case studies and resources from their records; fill markers in other pages."""
    state = _current()
    src_uri = page.file.src_uri
    entry = pipeline.render_entry(state.hub, src_uri)
    if entry is not None:
        text, meta, search = entry
        page.meta.update(meta)
        state.search_data[src_uri] = search
        sources = state.hub.sources_of(src_uri)
        if _dates is not None and sources:
            _dates.set_meta(page, sources)
        return text
    if page.file.generated_by is not None:
        return markdown
    search = pipeline.describe_page(state.hub, src_uri, page.meta)
    if search is not None:
        state.search_data[src_uri] = search
    filled, problems = pipeline.fill_page_markers(
        state.hub, src_uri, markdown, _body_line(page.file.content_string, markdown), config.repo_url, state.news_urls
    )
    for problem in problems:
        log.warning(str(problem))
    return filled


def _body_line(source: str, body: str) -> int:
    """The line of the file on which MkDocs' Markdown (the file without its front matter) starts."""
    at = source.rfind(body) if body else -1
    return source.count("\n", 0, at) + 1 if at >= 0 else 1


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any) -> str:
    """Put back the HTML the hub generated, and mark searchable pages for Pagefind and hand them over.

    Pagefind gets each page now, so that it indexes while the rest renders. It reads
    only the ``data-pagefind-body`` element, which is all in the content: the theme's
    template adds nothing it would read, and no other plugin here changes the content.
    """
    state = _current()
    if isinstance(page, HubPage) and page.rendered is not None:  # finished already (reused, or the worker's)
        if state.indexer is not None and page.file.src_uri in state.search_data:
            indexed = state.index_html.pop(page.file.src_uri, None)
            _index(page, indexed if indexed is not None else for_index(html))
        return html
    try:
        html = restore_raw(html, state.raw_blocks.pop(page.file.src_uri, []))
    except LostBlock as exc:
        raise PluginError(f"hub: {page.file.src_uri}: {exc}") from exc
    data = state.search_data.get(page.file.src_uri)
    if data is None:
        return html
    # The git plugin's date of the last change, for pages that have no date of their own.
    wrapped = wrap_for_index(html, data, page.title or "", page.meta.get("git_revision_date_localized_raw_iso_date"))
    if state.indexer is not None:
        _index(page, wrapped.index)
    elif _serving is None:  # in the second process, which hands it over with the page
        state.index_html[page.file.src_uri] = wrapped.index
    return wrapped.page


def _index(page: Page, html: str) -> None:
    """Hand Pagefind a page's content, without the elements it ignores (it indexes the same, parsing half)."""
    _current().indexer.add_page(page.url, f'<!DOCTYPE html><html lang="en"><body>{html}</body></html>')  # type: ignore[union-attr]


def on_page_context(
    context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation, **kwargs: Any
) -> dict[str, Any]:
    """The hub's pages outside the navigation share one rendering of it per folder and section.

    Relative links depend on the page's folder (case-studies/, themes/, ...), and
    the section shown as current on the page's breadcrumbs, so pages in the same
    folder and section get the same navigation HTML.
    """
    state = _current()
    if page.meta.get("template") == FINISHED_TEMPLATE:  # built already (by the second process): nothing renders
        return context
    if state.in_nav is None:  # the navigation's pages, by identity (a Page compares by title and file)
        state.in_nav = {id(p) for p in nav.pages}
    in_nav = id(page) in state.in_nav
    trail = pipeline.trail(state.hub, page.file.src_uri, page.title or "")
    active = None
    if trail:  # the breadcrumbs (theme/partials/trail.html), and the section's tab and navigation shown as current
        page.meta["hub_trail"] = [{"title": c.label, "url": c.url} for c in trail]
        if not in_nav:
            active = state.active_section = _activate_section(nav, trail[1].url)
    if page.file.src_uri in state.hub_pages and not in_nav:
        # Pages of one folder in one section share it (coverage/ and reviews/ are both at the top, in two sections).
        folder = posixpath.dirname(page.url.rstrip("/")) or "."
        page.meta["hub_nav_key"] = f"{folder} {getattr(active, 'title', '')}"
    return context


def _activate_section(nav: Navigation, url: str) -> Any:
    """Mark the top-level navigation item that holds the page at ``url`` as active, as MkDocs does for
    the pages in the navigation; on_post_page unmarks it."""
    for item in nav.items:
        pages = [item, *(getattr(item, "children", None) or ())]
        if any(getattr(p, "url", None) == url for p in pages):
            item.active = True
            return item
    return None


@event_priority(-100)  # after every other change to the page
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    """A working skip link and a Content-Security-Policy on every page."""
    state = _current()
    if state.active_section is not None:  # marked by on_page_context, for this page only
        state.active_section.active, state.active_section = False, None
    kept = _serving.reused(page) if _serving is not None else None
    if kept is not None:
        state.script_hashes.update(kept.script_hashes)
        return kept.output
    try:
        built = _worker.built(page.file.src_uri) if _worker is not None else None
    except WorkerFailed as exc:
        raise PluginError(f"hub: {exc}") from exc
    if built is not None:  # the second process built and wrote it: MkDocs writes nothing for empty output
        replay(built.logs)
        state.script_hashes.update(built.script_hashes)
        return ""
    hashes = script_hashes(output)
    output = _finish(output, page.file.src_uri, hashes)
    if _serving is not None:
        _serving.keep(page, output, hashes)
    if page.file.src_uri in state.hub_pages:  # nothing reads them again: the memory goes back now
        page.content, page.markdown = "", ""
    return output


def on_post_template(output_content: str, /, *, template_name: str, config: MkDocsConfig, **kwargs: Any) -> str:
    """The same for pages rendered from templates alone (404.html)."""
    if not template_name.endswith(".html") or "<html" not in output_content:
        return output_content
    return _finish(output_content, template_name, script_hashes(output_content))


def _finish(html: str, where: str, hashes: set[str]) -> str:
    # fix_skip_link adds no script, so the hashes of the page's scripts stay right
    _current().script_hashes.update(hashes)
    try:
        return add_csp(fix_skip_link(html), hashes)
    except MarkupChanged as exc:
        raise PluginError(f"hub: {where}: {exc}") from exc


@event_priority(-100)  # last: after Material writes the sitemap and every plugin's output
def on_post_build(*, config: MkDocsConfig, **kwargs: Any) -> None:
    """Index the finished site with Pagefind, and write the policy for servers that send headers."""
    global _worker
    state = _current()
    if _worker is not None:  # it has sent every page, and ended
        log.info(f"hub: a second process rendered {len(_worker.pages)} of the hub's {len(state.hub_pages)} pages")
        written = _worker.derived() or set()
        _worker.close()
        _worker = None
        for path in sorted(state.derived_files.keys() - written):  # feeds and open data it did not make: made now
            state.derived_files[path].write()
    indexer, state.indexer = state.indexer, None
    if _serving is not None:  # the page is ready to show: search can follow a moment later
        try:
            _serving.index_in_background(Path(config.site_dir))
        except IndexerFailed as exc:
            raise PluginError(f"hub: Pagefind could not index the site: {exc}") from exc
        log.info(
            f"hub: reused {len(state.hub_pages) - _serving.rendered} of the hub's pages unchanged; "
            "Pagefind indexes the site in the background"
        )
    else:
        try:
            pages = indexer.wait() if indexer is not None else 0
        except IndexerFailed as exc:  # the indexer is a separate binary; say what failed, then stop
            raise PluginError(f"hub: Pagefind could not index the site: {exc}") from exc
        log.info(f"hub: Pagefind indexed {pages} of the {len(state.search_data)} searchable pages")
    Path(config.site_dir, "csp.txt").write_text(
        policy(sorted(state.script_hashes), header=True) + "\n", encoding="utf-8"
    )


def on_build_error(*, error: Exception, **kwargs: Any) -> None:
    """Stop Pagefind's indexer, the second process and the compiling one when a build fails part way."""
    global _worker, _compiling
    if _compiling is not None:
        _compiling.close()
        _compiling = None
    if _state is not None and _state.indexer is not None:
        _state.indexer.close()
        _state.indexer = None
    if _worker is not None:
        _worker.close()
        _worker = None


def on_shutdown(**kwargs: Any) -> None:
    """Stop an indexer still writing when `mkdocs serve` stops."""
    if _serving is not None:
        _serving.stop_indexer()


def on_serve(server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any, **kwargs: Any) -> LiveReloadServer:
    """Live reload under ``mkdocs serve``: each served page's policy also allows MkDocs' reload script.

    MkDocs calls this only with live reload on. The built files keep the strict
    policy; the server adds the hash of the one script it injects into each page
    as it serves it (the script carries the build's time, so its hash is only
    known then).
    """
    server.set_app(_allowing_live_reload(server.get_app()))
    return server


def _allowing_live_reload(app: Callable[..., Iterable[bytes]]) -> Callable[..., Iterable[bytes]]:
    """WSGI middleware: an HTML response's policy also allows the live-reload script in it."""

    def serve(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        response: dict[str, Any] = {}
        written: list[bytes] = []

        def keep(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], None]:
            response.update(status=status, headers=headers, exc_info=exc_info)
            return written.append

        body = app(environ, keep)
        if "status" not in response:  # WSGI lets an app start its response on the first item
            body = list(body)
        headers = response["headers"]
        if dict(headers).get("Content-Type", "").split(";")[0] != "text/html":
            start_response(response["status"], headers, response["exc_info"])
            return [*written, *body] if written else body
        try:
            html = b"".join([*written, *body]).decode("utf-8")
        finally:
            getattr(body, "close", lambda: None)()
        found = LIVE_RELOAD_SCRIPT.search(html)
        if found is not None:
            try:
                html = allow_inline_script(html, found.group(1))
            except MarkupChanged as exc:
                log.warning(f"hub: live reload stays blocked on {environ.get('PATH_INFO')}: {exc}")
        data = html.encode("utf-8")
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"] + [("Content-Length", str(len(data)))]
        start_response(response["status"], headers, response["exc_info"])
        return [data]

    return serve
