"""Asking the web whether each cited address still answers, politely: a bounded pool of requests,
at most two at a time to one host, HEAD first (GET when HEAD is refused), redirects followed and
remembered, one retry after a 429 that honours Retry-After.

The standard library's ``urllib`` does all of it: no dependency for one command, and its redirect
handler lets us see every hop, which classifying a redirect to a home page needs.
"""

from __future__ import annotations

import http.client
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator import __version__

USER_AGENT = f"explainer-links/{__version__} (the explainer generator's link checker)"
PER_HOST = 2
MAX_RETRY_AFTER = 30.0  # seconds we will wait for a 429 to clear, at most


@dataclass(frozen=True)
class Verdict:
    kind: str  # "ok", "broken", "suspect" or "unreachable"
    detail: str = ""


class _Recorder(urllib.request.HTTPRedirectHandler):
    """Follows redirects as urllib does, keeping the method (HEAD stays HEAD) and each hop."""

    def __init__(self) -> None:
        self.hops: list[str] = []

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.method = req.get_method()
            self.hops.append(newurl)
        return new


def is_root(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


@dataclass(frozen=True)
class Reply:
    status: int
    final: str  # the address answered, after redirects
    retry_after: str = ""


def request(url: str, method: str, timeout: float) -> Reply:
    """What ``url`` answers after redirects; an HTTP error is an answer too."""
    recorder = _Recorder()
    opener = urllib.request.build_opener(recorder)
    req = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(req, timeout=timeout) as response:
            return Reply(response.status, response.geturl())
    except urllib.error.HTTPError as error:
        error.close()
        return Reply(error.code, recorder.hops[-1] if recorder.hops else url,
                     (error.headers.get("Retry-After") or "") if error.headers else "")


def classify(url: str, reply: Reply) -> Verdict:
    status, final = reply.status, reply.final
    if status in (404, 410):
        return Verdict("broken", f"HTTP {status}")
    if final != url and is_root(final) and not is_root(url):
        where = "its site's home page" if urlsplit(final).netloc == urlsplit(url).netloc else \
            f"the home page of another site ({urlsplit(final).netloc})"
        return Verdict("broken", f"redirects to {where}")
    if status >= 400:
        return Verdict("suspect", f"HTTP {status}")
    if urlsplit(final).netloc != urlsplit(url).netloc:
        return Verdict("suspect", f"redirects to another site: {final}")
    return Verdict("ok")


def check(url: str, timeout: float, sleep: Callable[[float], None] = time.sleep) -> Verdict:
    try:
        reply = request(url, "HEAD", timeout)
        if reply.status in (405, 501):  # HEAD refused: ask again with GET
            reply = request(url, "GET", timeout)
        if reply.status == 429:  # once more, after the wait the site asks for
            wait = reply.retry_after.strip()
            sleep(min(float(wait), MAX_RETRY_AFTER) if wait.isdigit() else 1.0)
            reply = request(url, "GET", timeout)
            if reply.status == 429:
                return Verdict("suspect", "HTTP 429 (too many requests), twice")
    except (OSError, http.client.HTTPException, ValueError) as error:  # DNS, connection, TLS, timeout
        reason = getattr(error, "reason", None) or error
        return Verdict("unreachable", str(reason) or type(error).__name__)
    return classify(url, reply)


def check_all(urls: Iterable[str], timeout: float, jobs: int,
              progress: Callable[[int, int], None] | None = None) -> dict[str, Verdict]:
    """Each distinct address once, ``jobs`` at a time and at most ``PER_HOST`` at a time per host."""
    todo = sorted(set(urls))
    hosts: dict[str, threading.Semaphore] = {}
    lock = threading.Lock()
    done = 0

    def one(url: str) -> tuple[str, Verdict]:
        nonlocal done
        with lock:
            gate = hosts.setdefault(urlsplit(url).netloc.lower(), threading.Semaphore(PER_HOST))
        with gate:
            verdict = check(url, timeout)
        with lock:
            done += 1
            if progress:
                progress(done, len(todo))
        return url, verdict

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return dict(pool.map(one, todo))
