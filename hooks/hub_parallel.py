"""A second process renders half the hub's pages of a full build, on the machine's other core.

MkDocs renders pages one after another in one process: it populates each (runs the
Markdown events, converts the Markdown, runs the content events), then builds each
(renders the theme's template, runs the post-page events, writes the file). Once the
navigation is known (on_nav), the build forks one worker: a copy of the whole build,
which populates every other hub page with MkDocs' own functions, then runs the
environment event and builds them, exactly as the build would, and sends each result
back in order. The build takes a page's results when it reaches it (in on_page_markdown
and on_post_page) and renders the rest itself, so two cores share the work. The worker
writes the pages it builds itself, and the build writes nothing for them (MkDocs skips a
page whose output is empty; its note saying so is left out); last, it writes the feeds and
open data. What the worker logs is logged by the build when it takes the page, so strict
mode counts it. ``start_compiling`` forks a process of another kind: one that compiles
the templates, at the lowest priority, while the build reads the content.

If the worker cannot populate a page, or stops, the build populates the page itself.
Only where a process can be forked with everything loaded (Linux), with no other thread
running (a thread's locks would be copied held), and not under ``mkdocs serve``, which
reuses pages instead (hub_serve.py).
"""

from __future__ import annotations

import logging
import os
import pickle
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from mkdocs.commands import build as mkdocs_build  # MkDocs' own steps, so the results are the same
from mkdocs.structure.files import InclusionLevel

from hub.fork import can_fork
from hub.outputs.security import script_hashes
from hub_page import HubPage, Rendered

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

# Fewer pages than this are not worth a second process.
SMALLEST_SHARE = 50


@dataclass(frozen=True)
class Populated:
    """A page as the worker populated it."""

    meta: dict[str, Any]
    rendered: Rendered
    extra: Any  # what the hub noted about the page (its search data), from ``note``
    logs: list[logging.LogRecord]


@dataclass(frozen=True)
class Built:
    """A page the worker built and wrote: what the build needs to know of it."""

    script_hashes: frozenset[str]  # of its inline scripts, for the policy of the whole site
    logs: list[logging.LogRecord]


class WorkerFailed(Exception):
    """The worker could not build a page it populated."""


class Worker:
    """The worker process, as the build sees it: a thread reads its results as they come."""

    def __init__(self, pid: int, results: IO[bytes], pages: list[str]) -> None:
        self.pid = pid
        self.pages = set(pages)  # src_uris the worker renders
        self.written: set[str] = set()  # src_uris of the pages it built and wrote, as the build reaches them
        self._results = results
        self._received: dict[tuple[str, str], Any] = {}
        self._arrived = threading.Condition()
        self._stopped = False
        self._derived: set[str] | None = None
        self._derived_taken = False
        self._reader = threading.Thread(target=self._read, name="hub-worker-results", daemon=True)
        self._reader.start()
        self._quiet = _WrittenElsewhere(self)
        logging.getLogger(mkdocs_build.__name__).addFilter(self._quiet)

    def populated(self, src_uri: str) -> Populated | None:
        """The worker's populated page; None if it has not got one (the build then populates it itself)."""
        result = self._take("populated", src_uri) if src_uri in self.pages else None
        if result is None:
            self.pages.discard(src_uri)  # it will not build it either
        return result

    def derived(self) -> set[str] | None:
        """The paths of the feeds and open data the worker made and wrote; None if it made none."""
        if not self._derived_taken:
            self._derived = self._take("derived", "")
            self._derived_taken = True
        return self._derived

    def built(self, src_uri: str) -> Built | None:
        """The worker's finished page, if it populated it: written already. A page it populated but never
        sent means it stopped part-way (killed, or an error of its own): the build fails saying so, not
        with whatever an empty page would make it say."""
        if src_uri not in self.pages:
            return None
        result = self._take("built", src_uri)
        if isinstance(result, str):
            raise WorkerFailed(result)
        if isinstance(result, Built):
            self.written.add(src_uri)
        if result is None:
            with self._arrived:
                why = self._received.get(("failed", ""))
            raise WorkerFailed(
                f"{src_uri}: the second process stopped before it finished this page"
                + (f" ({why})" if why else "")
                + "; set HUB_PARALLEL=false to build in one process"
            )
        return result

    def close(self) -> None:
        """Stop the worker if it still runs, and wait for it."""
        self.pid = _end(self.pid)
        self._reader.join()
        self._results.close()
        logging.getLogger(mkdocs_build.__name__).removeFilter(self._quiet)

    def _take(self, kind: str, src_uri: str) -> Any:
        with self._arrived:
            self._arrived.wait_for(lambda: (kind, src_uri) in self._received or self._stopped)
            return self._received.pop((kind, src_uri), None)

    def _read(self) -> None:
        try:
            while True:
                kind, src_uri, result = pickle.load(self._results)
                with self._arrived:
                    self._received[(kind, src_uri)] = result
                    self._arrived.notify_all()
        except (EOFError, OSError, pickle.UnpicklingError):
            pass  # it has finished, or stopped: what it did not send, the build does itself
        finally:
            with self._arrived:
                self._stopped = True
                self._arrived.notify_all()


def start_worker(
    pages: list[HubPage],
    config: MkDocsConfig,
    files: Files,
    nav: Navigation,
    note: Callable[[HubPage], Any],
    derived: Mapping[str, Callable[[], None]] | None = None,
) -> Worker | None:
    """Fork a worker that renders ``pages`` (``note(page)`` is what the hub records about a page it populated),
    and then writes the ``derived`` files (path -> what writes it)."""
    if len(pages) < SMALLEST_SHARE or not can_fork():
        return None
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: render, send, and leave without running the build's exit handlers
        os.close(read)
        out = os.fdopen(write, "wb")
        status = 1
        try:
            _work(pages, config, files, nav, note, derived or {}, out)
            status = 0
        except BaseException as exc:  # noqa: BLE001 - said to the build, which stops with it
            try:
                pickle.dump(("failed", "", f"{type(exc).__name__}: {exc}"), out, protocol=pickle.HIGHEST_PROTOCOL)
                out.flush()
            except Exception:  # noqa: BLE001 - the pipe is gone: the build sees the worker stop
                pass
        finally:
            os._exit(status)
    os.close(write)
    return Worker(pid, os.fdopen(read, "rb"), [p.file.src_uri for p in pages])


def _work(
    pages: list[HubPage],
    config: MkDocsConfig,
    files: Files,
    nav: Navigation,
    note: Callable[[HubPage], Any],
    derived: Mapping[str, Callable[[], None]],
    out: IO[bytes],
) -> None:
    capture = _Capture()
    for name in ("", "mkdocs"):  # the build prints and counts messages; the worker hands them over
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.addHandler(capture)

    def send(kind: str, src_uri: str, result: Any) -> None:
        pickle.dump((kind, src_uri, result), out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()

    populated = []
    for page in pages:
        try:
            mkdocs_build._populate_page(page, config, files)
        except Exception:  # noqa: BLE001 - the build populates the page itself, and reports the error there
            capture.take()
            send("populated", page.file.src_uri, None)
            continue
        send("populated", page.file.src_uri, Populated(dict(page.meta), Rendered.of(page), note(page), capture.take()))
        populated.append(page)

    # Pages are built from the navigation's titles and meta, which the build found populating its pages:
    # the worker populates the navigation's pages too (what they log, the build logs itself).
    mine = {id(page) for page in pages}
    for page in nav.pages:
        if id(page) not in mine:
            mkdocs_build._populate_page(page, config, files)
    capture.take()
    written: dict[str, bytes] = {}
    write_file = mkdocs_build.utils.write_file
    mkdocs_build.utils.write_file = lambda content, path: written.__setitem__(path, content)  # written below
    env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    for page in populated:
        try:
            mkdocs_build._build_page(page, config, doc_files, nav, env, excluded=page.file.inclusion.is_excluded())
            content = written.pop(page.file.abs_dest_path)
            write_file(content, page.file.abs_dest_path)  # the build clears the folder before any page event
            # The hashes of its inline scripts, for csp.txt (the policy the build adds has no script).
            result: Built | str = Built(frozenset(script_hashes(content.decode("utf-8"))), capture.take())
        except Exception as exc:  # noqa: BLE001 - the build stops at this page with this error
            result = f"{page.file.src_uri}: {exc}"
        send("built", page.file.src_uri, result)
    mkdocs_build.utils.write_file = write_file
    # Last, as the build needs them only at its end (on_post_build, which writes any not sent): written
    # here, and only their paths sent.
    for write in derived.values():
        write()
    send("derived", "", set(derived))
    out.close()


class Compiling:
    """A forked process compiling templates at the lowest priority, on the core the build leaves idle while it
    reads the content (between its shared parse and the navigation); its result is read once, in on_nav."""

    def __init__(self, pid: int, result: IO[bytes]) -> None:
        self.pid = pid
        self._result = result

    def result(self) -> Any:
        """What ``compile`` returned, once it has; None if the process failed."""
        try:
            return pickle.load(self._result)
        except (EOFError, OSError, pickle.UnpicklingError):
            return None
        finally:
            self.close()

    def close(self) -> None:
        """Stop it if it still runs, and wait for it."""
        if self.pid:
            self.pid = _end(self.pid)
            self._result.close()


def _end(pid: int) -> int:
    """Stop the forked process ``pid`` if it still runs, and wait for it (nothing if ``pid`` is 0); 0."""
    if pid:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
    return 0


def start_compiling(compile: Callable[[], Any]) -> Compiling | None:
    """Run ``compile`` in a forked process at the lowest priority (None where forking is not safe)."""
    if not can_fork():
        return None
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the compiler: nice 19, so it takes a core only when the build leaves one idle
        os.close(read)
        status = 1
        try:
            os.nice(19)
            with os.fdopen(write, "wb") as out:
                pickle.dump(compile(), out, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    return Compiling(pid, os.fdopen(read, "rb"))


class _WrittenElsewhere(logging.Filter):
    """Leaves out MkDocs' note that it skipped a page with empty output, for each page the worker wrote."""

    def __init__(self, worker: Worker) -> None:
        super().__init__()
        self._worker = worker

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if not message.startswith("Page skipped: '") or record.levelno > logging.INFO:
            return True
        src_uri = message[len("Page skipped: '") :].partition("'")[0]
        return src_uri not in self._worker.written


class _Capture(logging.Handler):
    """Log records in the worker, made plain enough to send."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)

    def take(self) -> list[logging.LogRecord]:
        taken, self.records = self.records, []
        return taken


def replay(records: list[logging.LogRecord]) -> None:
    """Log the worker's messages in the build, where they are printed and counted."""
    for record in records:
        logging.getLogger(record.name).handle(record)
