"""Browser-test helpers: serve a built site on 127.0.0.1 and open its pages in Debian's Chromium.

Every page visit records requests that would leave 127.0.0.1 (and blocks them), console errors and
uncaught page errors, so each test can assert that none happened.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, Route

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
WIDE, NARROW = 1280, 390


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """Serve ``root`` on a free loopback port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Visit:
    page: Page
    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.foreign_requests == [], self.foreign_requests
        assert self.console_errors == [], self.console_errors


@contextmanager
def visit(browser: Browser, url: str, width: int = WIDE, *, javascript: bool = True,
          dark: bool = False, height: int = 900) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": width, "height": height},
                                  java_script_enabled=javascript,
                                  color_scheme="dark" if dark else "light")
    page = context.new_page()
    record = Visit(page)

    def guard(route: Route) -> None:
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            record.requested.append(route.request.url)
            route.continue_()
        else:
            record.foreign_requests.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page.on("console", lambda message: message.type == "error" and record.console_errors.append(message.text))
    page.on("pageerror", lambda error: record.console_errors.append(str(error)))
    try:
        page.goto(url, wait_until="load")
        yield record
    finally:
        context.close()
