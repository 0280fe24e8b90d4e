"""Load pages one after another in one browser tab and collect everything that went wrong.

Console errors, uncaught exceptions, Content-Security-Policy violations,
failed requests (refused, or an HTTP error) and requests that leave the site.
One tab for all pages keeps a whole-site pass fast; each page waits for its
load event, and then only for requests still in flight.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, Request, Response

# Runs before any script of each page: every violation the page's policy reports.
CSP_WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || e.sample)));
"""


def site_pages(site: Path) -> list[str]:
    """Every built HTML page, as addresses relative to the site's root ("", "about/", "404.html")."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        pages.append(relative.removesuffix("index.html"))
    return pages


@dataclass
class PageChecker:
    """Watches one tab; ``visit`` loads a page and returns its problems, each naming the page."""

    page: Page
    site: str  # the site's root address: requests outside it are problems
    problems: list[str] = field(default_factory=list)
    pending: set[Request] = field(default_factory=set)
    current: str = ""

    def __post_init__(self) -> None:
        self.page.add_init_script(CSP_WATCH)
        self.page.on("console", lambda m: self._note(f"console {m.type}: {m.text}") if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self._note(f"uncaught exception: {e}"))
        self.page.on("request", self._on_request)
        self.page.on("requestfinished", lambda r: self.pending.discard(r))
        self.page.on("requestfailed", self._on_failed)
        self.page.on("response", self._on_response)

    def _note(self, problem: str) -> None:
        self.problems.append(f"{self.current}: {problem}")

    def _on_request(self, request: Request) -> None:
        self.pending.add(request)
        if not request.url.startswith((self.site, "data:")):
            self._note(f"request outside the site: {request.url}")

    def _on_failed(self, request: Request) -> None:
        self.pending.discard(request)
        # Cancelled, not failed: leaving a page cancels what it was still fetching (Chromium
        # asks for the favicon after the load event). A real failure is an HTTP status, a
        # network error or a policy violation, and each of those is reported.
        if request.failure == "net::ERR_ABORTED":
            return
        self._note(f"request failed ({request.failure}): {request.url}")

    def _on_response(self, response: Response) -> None:
        if response.status >= 400:
            self._note(f"HTTP {response.status}: {response.url}")

    def visit(self, address: str) -> list[str]:
        """Load ``address`` (relative to the site) and return what went wrong there."""
        self.problems.clear()
        self.pending.clear()
        self.current = address or "/"
        self.page.goto(self.site + address, wait_until="load")
        if self.pending:  # scripts still fetching (the search page): wait for them too
            self.page.wait_for_load_state("networkidle")
        self.problems += [f"{self.current}: CSP violation: {v}" for v in self.page.evaluate("window.__violations")]
        return list(self.problems)
