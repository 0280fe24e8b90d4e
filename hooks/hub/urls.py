"""Every address in the site, in one place.

Addresses are site-relative with directory URLs (``case-studies/x/``); a page's
source address (``src_uri``) is where it sits in MkDocs' virtual docs tree.
Pages link to each other with relative links (``pages.html.link``), so the site
works under any base path.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlparse

HOME = ""
CASE_STUDIES = "case-studies/"
THEMES = "themes/"
AREAS = "boroughs/"
ICSS = "ics/"
COVERAGE = "coverage/"
SEARCH = "search/"
CONTRIBUTE = "contribute/"
SUBMIT = "contribute/submit/"
CONTACT = "contact/"
FRAMEWORK = "framework/"
LEADERSHIP = "leadership/"
NEWS = "news/"
OPEN_DATA = "open-data/"
REVIEWS = "reviews/"
REVIEWS_CSV = "reviews/reviews.csv"
PROGRAMME = "programme/"

# Where each vocabulary's term pages live: /themes/<id>/, /boroughs/<id>/, /ics/<id>/.
TERM_SECTIONS = {"themes": "themes", "areas": "boroughs", "ics": "ics"}

# Folders of the docs tree whose pages the hub treats specially.
GUIDANCE_FOLDER = "framework"
RESOURCE_FOLDER = "leadership"
NEWS_POSTS_FOLDER = "news/posts"

CASE_STUDY_FEED = "feeds/case-studies.xml"
NEWS_FEED = "feeds/news.xml"
SUBMIT_SCRIPT = "assets/submit.js"
# What submit.js needs first: Markdown as the site renders it, then the safety rules' engine.
SUBMIT_HELPERS = ("assets/markdown.js", "assets/rules.js")
SEARCH_WORDS = "search/words.json"  # the vocabulary search.js suggests from

# Open data, by what each file holds.
API_JSON = "api/case-studies.json"
API_CSV = "api/case-studies.csv"
API_OUTCOMES = "api/outcomes.csv"
API_SCHEMA = "api/case-study.schema.json"
API_ADOPTIONS_JSON = "api/adoptions.json"
API_ADOPTIONS_CSV = "api/adoptions.csv"
API_ADOPTION_SCHEMA = "api/adoption.schema.json"


def case_study(stem: str) -> str:
    """``case-studies/<stem>/``."""
    return f"{CASE_STUDIES}{stem}/"


def case_study_source(stem: str) -> str:
    """``case-studies/<stem>.md``."""
    return f"{CASE_STUDIES}{stem}.md"


def resource(stem: str) -> str:
    """``leadership/<stem>/``."""
    return f"{RESOURCE_FOLDER}/{stem}/"


def resource_source(stem: str) -> str:
    """``leadership/<stem>.md``."""
    return f"{RESOURCE_FOLDER}/{stem}.md"


def term(vocabulary: str, term_id: str) -> str:
    """A term's page, e.g. ``boroughs/tower-hamlets/``."""
    return f"{TERM_SECTIONS[vocabulary]}/{term_id}/"


def term_index(vocabulary: str) -> str:
    """The page listing every term of a vocabulary, e.g. ``boroughs/``."""
    return f"{TERM_SECTIONS[vocabulary]}/"


def term_source(vocabulary: str, term_id: str) -> str:
    """``themes/<id>.md``."""
    return f"{TERM_SECTIONS[vocabulary]}/{term_id}.md"


def term_feed(vocabulary: str, term_id: str) -> str:
    """A term's Atom feed, e.g. ``feeds/boroughs/hackney.xml``."""
    return f"feeds/{TERM_SECTIONS[vocabulary]}/{term_id}.xml"


def list_page_sources(first: str, pages: int) -> list[str]:
    """Source addresses of a list's pages: ``first``, then ``<base>/page/2.md`` and on."""
    base = first.removesuffix(".md").removesuffix("/index")
    return [first] + [f"{base}/page/{n}.md" for n in range(2, pages + 1)]


def page_url(src_uri: str) -> str:
    """The directory URL of a page source: ``themes/x.md`` -> ``themes/x/``, ``a/index.md`` -> ``a/``."""
    path = src_uri.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        path = path.removesuffix("index")
        return path
    return path + "/"


def relative(from_url: str, to_url: str) -> str:
    """Link from page ``from_url`` to ``to_url`` (both site-relative, 'a/b/' style)."""
    # posixpath.relpath's result, without its trip through the working directory
    # (abspath): pages make tens of thousands of links per build.
    start = _segments(from_url)
    target = _segments(to_url)
    common = 0
    for a, b in zip(start, target, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(start) - common) + target[common:]
    if not parts:
        return "./"
    return "/".join(parts) + ("/" if to_url.endswith("/") or to_url == "" else "")


def _segments(url: str) -> list[str]:
    """The path segments of a site-relative address, normalised as ``posixpath.normpath`` does."""
    path = posixpath.normpath(url.rstrip("/") or ".")
    return [] if path == "." else path.split("/")


def source_label(url: str) -> str:
    """A readable name for a link to another site: its host and the last part of its path."""
    parts = urlparse(url)
    host = parts.netloc.removeprefix("www.")
    last = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]) if parts.path.strip("/") else ""
    if parts.query and not last:
        return f"{host} ({parts.query})"
    return f"{host}: {last}" if last else host


# Domains reserved for examples (RFC 2606): mail to them goes nowhere.
RESERVED_DOMAINS = ("example.org", "example.com", "example.net")


def is_placeholder_email(address: str) -> bool:
    """True when an email address is in a domain reserved for examples: a placeholder, not delivered."""
    return address.rsplit("@", 1)[-1].lower() in RESERVED_DOMAINS
