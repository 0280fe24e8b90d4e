"""Search with Pagefind: what each page says about itself, and building the index.

Pages carry Pagefind filters (facets), metadata and sort keys as attributes;
the index is built by Pagefind's own indexer (``pagefind[bin]`` ships the
binary), fed each page as the site renders (``SearchIndexer``). Nothing is
loaded by a page until someone searches.
"""

from __future__ import annotations

import base64
import json
import queue
import re
import subprocess
import threading
from collections.abc import Iterator, Mapping
from functools import cache
from html import escape, unescape
from pathlib import Path
from typing import Any, NamedTuple

from pagefind.service import get_executable

from hub.index.facets import UNDATED, SearchData
from hub.index.synonyms import Synonyms, load_synonyms

# Elements with no end tag: they never open a level of nesting.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})

LANGUAGE = "en"  # every page is in English: no detection, one index


class Wrapped(NamedTuple):
    """A page's content marked for Pagefind (``page``), and the same without what Pagefind ignores (``index``)."""

    page: str
    index: str


def wrap_for_index(
    html: str, data: SearchData, title: str, fallback_date: str | None = None, synonyms: Synonyms | None = None
) -> Wrapped:
    """A page's content marked for Pagefind: only this is indexed, with its facets and sorts.

    Pagefind indexes nothing outside ``data-pagefind-body`` once any page has it,
    so navigation, headers, footers and generated lists stay out of the index.
    Every page gets a date to sort on (``fallback_date``, else the earliest),
    because Pagefind leaves pages without a sort key out of sorted results.
    The other phrases of each synonym group the page uses are indexed with it
    (``data/synonyms.yml``), hidden and weighted below the page's own words.

    ``index`` is what to give Pagefind: the same without the elements it ignores (lists of
    other pages, the glance panel), which were half of what it parsed and did not index.
    """
    tags = [
        f'<span hidden data-pagefind-meta="{escape(key)}:{escape(value)}"></span>' for key, value in data.meta.items()
    ]
    tags += [
        f'<span hidden data-pagefind-filter="{escape(key)}:{escape(value)}"></span>' for key, value in data.filters
    ]
    date = data.sort_date or fallback_date or UNDATED
    tags.append(f'<span hidden data-pagefind-sort="date:{escape(date)}"></span>')
    tags.append(f'<span hidden data-pagefind-sort="started:{escape(data.sort_started or UNDATED[:7])}"></span>')
    tags.append(f'<span hidden data-pagefind-sort="title:{escape(title.casefold())}"></span>')
    text, indexed = _scan(html)
    also = also_known_as(f"{indexed_text(title)} {text}", synonyms if synonyms is not None else load_synonyms())
    start = "<div data-pagefind-body>" + "".join(tags)
    return Wrapped(start + html + also + "</div>", start + indexed + also + "</div>")


def for_index(html: str) -> str:
    """``html`` without the elements Pagefind ignores (see ``wrap_for_index``)."""
    return _scan(html)[1]


def also_known_as(text: str, synonyms: Synonyms) -> str:
    """A hidden paragraph of the synonyms of the phrases of the indexed ``text``, for the index only ("" if none)."""
    found = synonyms.expansions(text)
    if not found:
        return ""
    return f'<p hidden data-pagefind-weight="0.5">{escape(" · ".join(found))}</p>'


# A start or end tag (its attributes may quote a ">"), or a comment: what the text between them is split by.
TAG = re.compile(r"""<(/?)([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--.*?-->""", re.S)
IGNORED = re.compile(r"(?:^|\s)data-pagefind-ignore(?=[\s=/]|$)", re.IGNORECASE)
IGNORE_WORD = re.compile("data-pagefind-ignore", re.IGNORECASE)
COMMENT = re.compile(r"<!--.*?-->", re.S)
# What Pagefind reads even inside an element it ignores: such an element is given to it whole.
PAGEFIND_DATA = re.compile(r"\sdata-pagefind-(?!ignore(?=[\s=/>]))", re.IGNORECASE)


def indexed_text(html: str) -> str:
    """The text of ``html`` that Pagefind indexes: everything outside ``data-pagefind-ignore`` elements (lists
    of other pages are left out of the index), with a space for each tag.

    No HTML parser (``html.parser`` cost a sixth of a build at 1,000 case studies), nor a look at every tag
    (a tenth of that): the HTML is the hub's and Python-Markdown's, well formed, so an ignored element ends
    where as many end tags of its name as start tags follow it, and the rest is split at tags in one pass.
    """
    return _scan(html)[0]


def _scan(html: str) -> tuple[str, str]:
    """The text Pagefind indexes in ``html`` (see ``indexed_text``), and ``html`` without the ignored elements
    (one that holds a Pagefind attribute other than ignore is kept, and so is one left open)."""
    texts: list[str] = []  # the stretches of HTML outside ignored elements
    kept: list[str] = []
    at = 0  # where the stretch after the last ignored element starts
    kept_from = 0  # where the HTML not yet cut out starts
    for start, end in _ignored_elements(html):
        texts.append(html[at:start])
        if end is None:  # left open: nothing after it is indexed, and nothing is cut
            at = len(html)
            break
        if not PAGEFIND_DATA.search(html, start, end):
            kept.append(html[kept_from:start])
            kept_from = end
        at = end
    else:
        texts.append(html[at:])
    kept.append(html[kept_from:])
    plain = []
    for text in texts:
        stripped, tags = TAG.subn(" ", text)
        if text.count("<") != tags + _in_comments(text):
            return _scan_every_tag(html)  # a "<" that starts no tag (one in an attribute's value): read them all
        plain.append(stripped)
    return unescape(" ".join(plain)), "".join(kept)


def _in_comments(html: str) -> int:
    """How many "<" the comments in ``html`` have after their own opening."""
    return sum(comment.count("<") - 1 for comment in COMMENT.findall(html)) if "<!--" in html else 0


def _scan_every_tag(html: str) -> tuple[str, str]:
    """``_scan``, reading every tag in turn: for HTML whose "<" do not all start a tag or comment."""
    parts: list[str] = []
    kept: list[str] = []
    depth = 0  # open elements since the outermost ignored one (0: not in one)
    at = 0  # where the text after the last tag starts
    cut = 0  # where the outermost ignored element open now starts
    kept_from = 0  # where the HTML not yet cut out starts
    for tag in TAG.finditer(html):
        if not depth and tag.start() > at:
            parts.append(html[at : tag.start()])
        at = tag.end()
        closing, name, attributes = tag.groups()
        if name is None or name.lower() in VOID:  # a comment, or an element with no end tag
            continue
        if closing:
            if depth:
                depth -= 1
                if not depth and not PAGEFIND_DATA.search(html, cut, tag.end()):
                    kept.append(html[kept_from:cut])
                    kept_from = tag.end()
        elif attributes.rstrip().endswith("/"):  # <x/>: opened and closed at once
            continue
        elif depth:
            depth += 1
        elif IGNORED.search(attributes):
            depth, cut = 1, tag.start()
    if not depth and at < len(html):
        parts.append(html[at:])
    kept.append(html[kept_from:])
    return " ".join(unescape(part) for part in parts), "".join(kept)


def _ignored_elements(html: str) -> Iterator[tuple[int, int | None]]:
    """Where each outermost element with ``data-pagefind-ignore`` starts, and ends (None if it is left open)."""
    at = 0  # the end of the last one found: one inside it is part of it
    for hit in _ignore_attributes(html):
        if hit < at:
            continue
        tag = _tag_around(html, hit, at)
        if tag is None:
            continue
        closing, name, attributes = tag.groups()
        if closing or name.lower() in VOID or attributes.rstrip().endswith("/") or not IGNORED.search(attributes):
            continue  # an element with no end tag, or <x/>, is not one (nor is the word in another attribute)
        if html.rfind("<!--", 0, tag.start()) > html.rfind("-->", 0, tag.start()):
            continue  # in a comment
        depth, end = 1, None
        for other in _same_name(name).finditer(html, tag.end()):
            if other.group(1) is None:
                continue  # a comment
            same = TAG.match(html, other.start())
            if same is None or (not other.group(1) and same.group(3).rstrip().endswith("/")):
                continue  # not a tag after all, or <x/>
            depth += -1 if other.group(1) else 1
            if not depth:
                end = same.end()
                break
        yield tag.start(), end
        if end is None:
            return
        at = end


@cache
def _same_name(name: str) -> re.Pattern[str]:
    """A start or end tag named ``name`` (its slash in group 1), or a comment (group 1 None)."""
    return re.compile(rf"<!--.*?-->|<(/?){re.escape(name)}(?=[\s/>])", re.IGNORECASE | re.S)


def _ignore_attributes(html: str) -> Iterator[int]:
    """Where "data-pagefind-ignore" is in ``html``, in any letter case."""
    lowered = html.lower()  # a plain search: the same pattern with case ignored reads 90 MB a second
    if len(lowered) != len(html):  # a letter whose lower case is longer: the offsets would differ
        yield from (hit.start() for hit in IGNORE_WORD.finditer(html))
        return
    at = lowered.find("data-pagefind-ignore")
    while at >= 0:
        yield at
        at = lowered.find("data-pagefind-ignore", at + 1)


def _tag_around(html: str, offset: int, since: int) -> re.Match[str] | None:
    """The start or end tag that ``offset`` is inside (after ``since``), or None if it is in text."""
    lt = html.rfind("<", since, offset)
    while lt >= 0:
        tag = TAG.match(html, lt)
        if tag is not None:  # a tag (or a comment), from here: the offset is in it, or after it in text
            return tag if tag.end() > offset and tag.group(2) is not None else None
        lt = html.rfind("<", since, lt)  # a "<" in a quoted attribute: the tag starts further back
    return None


def render_search_words(vocabulary: Mapping[str, int]) -> str:
    """The vocabulary ``assets/search.js`` suggests from, as JSON: words, most frequent first, with counts."""
    return json.dumps({"words": vocabulary}, ensure_ascii=False, separators=(",", ":"))


def start_indexing_site(site_dir: Path) -> subprocess.Popen[bytes]:
    """Index the finished site in ``site_dir`` with Pagefind's command line, in the background.

    For ``mkdocs serve``: the page is shown at once, search follows a moment later. Reading
    the written pages gives Pagefind the same records as ``SearchIndexer`` does.
    """
    binary = get_executable()
    if binary is None:
        raise IndexerFailed("the pagefind binary is missing; run 'make' to install the requirements")
    try:
        return subprocess.Popen(
            [str(binary), "--site", str(site_dir), "--force-language", LANGUAGE, "--silent"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError as exc:
        raise IndexerFailed(f"could not start {binary}: {exc}") from exc


class IndexerFailed(Exception):
    """Pagefind's indexer could not start, or refused a page or the index."""


class SearchIndexer:
    """Pagefind's indexer in its own process, fed each page as soon as it is rendered.

    It runs on another core while MkDocs renders the rest of the site, so at the
    end of the build only the index files are left to write. It speaks Pagefind's
    service protocol (what ``pagefind --service`` reads and writes: base64 JSON
    messages, each followed by a comma) directly: the ``pagefind`` package's own
    client polls for replies ten times a second, which made feeding it page by page
    take 111 s at 1,000 case studies. Threads write the requests and read the
    replies, so a page handed over never waits for the indexer.
    """

    def __init__(self, output_path: Path) -> None:
        self.output_path = output_path
        self.pages = 0  # pages Pagefind has indexed
        binary = get_executable()
        if binary is None:
            raise IndexerFailed("the pagefind binary is missing; run 'make' to install the requirements")
        try:
            self._process = subprocess.Popen(
                [str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
            )
        except OSError as exc:
            raise IndexerFailed(f"could not start {binary}: {exc}") from exc
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._lock = threading.Condition()
        self._last_id = 0
        self._awaited: dict[int, dict[str, Any] | None] = {}  # replies someone waits for, by message id
        self._errors: list[str] = []  # refusals of pages, reported by wait()
        self._stopped = False
        self._write_id = 0
        self._threads = [
            threading.Thread(target=self._write, name="pagefind-writer", daemon=True),
            threading.Thread(target=self._read, name="pagefind-reader", daemon=True),
        ]
        for thread in self._threads:
            thread.start()
        try:
            reply = self._request({"type": "NewIndex", "config": {"force_language": LANGUAGE}})
            self._index_id = int(reply["index_id"])
        except (IndexerFailed, KeyError, TypeError, ValueError) as exc:
            # Stopped and waited for, and its threads with it: under serve, every failed build would leave
            # a writer waiting for pages and an indexer nobody waits for.
            self.close()
            code = self._process.returncode
            ended = f" (it ended with status {code})" if code is not None and code >= 0 else ""
            raise IndexerFailed(f"{binary} --service did not start an index: {exc}{ended}") from exc

    def add_page(self, url: str, html: str) -> None:
        """Index a finished page at site-relative ``url`` (``case-studies/x/``); returns at once."""
        payload = {
            "type": "AddFile",
            "index_id": self._index_id,
            "url": "/" + url,
            "file_path": None,
            "file_contents": html,
        }
        self._send(payload, awaited=False)

    def write(self) -> None:
        """Start writing the index into ``output_path``, after the last page; returns at once."""
        # Pagefind answers in order: when this is answered, every page before it has been too.
        self._write_id = self._send(
            {"type": "WriteFiles", "index_id": self._index_id, "output_path": str(self.output_path)}, awaited=True
        )

    def wait(self) -> int:
        """Wait until the index is written, then stop the indexer; the number of pages indexed."""
        try:
            self._reply(self._write_id)
            if self._errors:
                raise IndexerFailed("; ".join(dict.fromkeys(self._errors)))
            return self.pages
        finally:
            self.close()

    def close(self) -> None:
        """Stop the indexer (it writes nothing unless ``write`` was called, and answered, first)."""
        self._outbox.put(None)
        if self._process.poll() is None:
            self._process.terminate()
        self._process.wait()
        for thread in self._threads:
            thread.join()
        for pipe in (self._process.stdin, self._process.stdout):
            if pipe is not None:
                try:
                    pipe.close()
                except OSError:  # what was left for a stopped indexer cannot be flushed; the pipe is closed
                    pass

    def _send(self, payload: dict[str, Any], awaited: bool) -> int:
        with self._lock:
            self._last_id += 1
            message_id = self._last_id
            if awaited:
                self._awaited[message_id] = None
        message = json.dumps({"message_id": message_id, "payload": payload}).encode("utf-8")
        self._outbox.put(base64.b64encode(message) + b",")
        return message_id

    def _request(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Send ``payload`` and wait for its reply."""
        return self._reply(self._send(payload, awaited=True))

    def _reply(self, message_id: int) -> dict[str, Any]:
        with self._lock:
            self._lock.wait_for(lambda: self._awaited[message_id] is not None or self._stopped)
            reply = self._awaited.pop(message_id)
        if reply is None:
            raise IndexerFailed("the indexer stopped: " + ("; ".join(self._errors) or "it gave no reply"))
        if reply.get("type") == "Error":
            raise IndexerFailed(str(reply.get("message")))
        return reply

    def _write(self) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        try:
            while (data := self._outbox.get()) is not None:
                stdin.write(data)
                stdin.flush()
            stdin.close()
        except OSError:  # the indexer has stopped; the reader tells whoever waits
            pass

    def _read(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        pending = b""
        try:
            while chunk := stdout.read1(1 << 16):
                *messages, pending = (pending + chunk).split(b",")
                for message in messages:
                    self._take(json.loads(base64.b64decode(message, validate=True)))
        except (ValueError, TypeError, AttributeError) as exc:  # not its protocol: said by whoever waits
            with self._lock:
                self._errors.append(f"it answered with what is not a message of its protocol ({exc})")
        finally:
            with self._lock:
                self._stopped = True
                self._lock.notify_all()

    def _take(self, reply: dict[str, Any]) -> None:
        payload = reply.get("payload") or {}
        with self._lock:
            message_id = reply.get("message_id")
            if message_id in self._awaited:
                self._awaited[message_id] = payload
                self._lock.notify_all()
            elif payload.get("type") == "IndexedFile":
                self.pages += 1
            elif payload.get("type") == "Error":
                self._errors.append(str(payload.get("message")))
