"""Serve a built site from a folder on 127.0.0.1, the way GitHub Pages would."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files like GitHub Pages: the site's 404.html for anything missing."""

    def __init__(self, *args: object, not_found: Path | None = None, **kwargs: object) -> None:
        self.not_found = not_found  # set first: the base class handles the request in __init__
        super().__init__(*args, **kwargs)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self.not_found or Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        pass  # quiet test output


class SiteServer:
    """A static server on a free port of 127.0.0.1. The port is bound, and known, before it serves."""

    def __init__(self, folder: Path, not_found: Path | None = None) -> None:
        handler = functools.partial(SiteHandler, directory=str(folder), not_found=not_found)
        self.http = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self.http.server_address[1]}/"
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self.http.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        if self._thread is not None:
            self.http.shutdown()
        self.http.server_close()


@contextmanager
def serving(folder: Path, not_found: Path | None = None, start: bool = True) -> Iterator[SiteServer]:
    """A server for ``folder``, serving ``not_found`` (folder/404.html) for anything missing.

    With ``start=False`` it serves only once ``start()`` is called: build first for its address.
    """
    server = SiteServer(folder, not_found)
    try:
        if start:
            server.start()
        yield server
    finally:
        server.close()
