"""``explainer serve``: MkDocs' preview, supervised so that it never hangs.

MkDocs' own server stalls every request after a failed rebuild until the error is fixed, and exits
when ``mkdocs.yml`` cannot be read at start. Here ``mkdocs serve`` runs as a child process on a
private port, and a small server on the author's address answers every request within a second:

- while the site's settings or build are broken, with a page naming each problem line (it reloads
  itself each second, without JavaScript, and shows the site again once the problem is fixed);
- otherwise, with the child's answer, or, while a rebuild holds the child, with a page saying so.

Open pages learn of a change through MkDocs' own live-reload script, which this server answers.
The child is started again when ``mkdocs.yml`` changes after it stopped.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import html
import http.client
import signal
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from generator.adapters.config_file import configured_language, configured_value
from generator.render.i18n import ENGLISH, N_, Words, words_for
from generator.render.text import text_direction

PROXY_TIMEOUT = 0.8  # seconds a request may wait for the child before a page says why
POLL_SECONDS = 0.25  # how often mkdocs.yml is looked at
LIVERELOAD_WAIT = 60.0  # as MkDocs: a reload poll is answered at the latest after this


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-a", "--dev-addr", metavar="IP:PORT", default=None,
                        help="the address to serve on (default: mkdocs.yml's dev_addr, else 127.0.0.1:8000)")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), metavar="FILE")
    parser.add_argument("-o", "--open", action="store_true", help="open the preview in a browser")


def run(args: argparse.Namespace) -> int:
    passed: list[str] = args.passed  # every other option goes to `mkdocs serve` as it is
    host, port = split_address(args.dev_addr or configured_address(args.config_file) or "127.0.0.1:8000")
    preview = Preview(args.config_file, passed, f"http://{host}:{port}")
    try:
        server = ThreadingHTTPServer((host, port), preview.handler())
    except OSError as error:
        print(f"cannot serve on {host}:{port} ({error.strerror}): choose another with -a IP:PORT",
              file=sys.stderr)
        return 2
    server.daemon_threads = True
    for stop_signal in (signal.SIGTERM, signal.SIGHUP):  # stop the child too, not only on Ctrl-C
        signal.signal(stop_signal, interrupted)
    preview.start()
    print(f"explainer: serving the preview on {preview.public}/ (plain `mkdocs serve` keeps MkDocs' "
          "own behaviour)", file=sys.stderr)
    if args.open:
        import webbrowser

        webbrowser.open(preview.public + "/")
    threading.Thread(target=lambda: (preview.stopped.wait(), server.shutdown()), daemon=True).start()
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        preview.stop()
    return 2 if preview.usage_error else 0


def die_with_parent() -> None:
    """In the child, on Linux: stop when the supervisor goes, even killed outright."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def interrupted(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def split_address(address: str) -> tuple[str, int]:
    host, _, port = address.rpartition(":")
    return host or "127.0.0.1", int(port)


def configured_address(config_file: Path) -> str | None:
    value = configured_value(config_file, "dev_addr")
    return value if isinstance(value, str) and value.rpartition(":")[2].isdigit() else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Preview:
    """The child ``mkdocs serve`` and what is known of its state."""

    def __init__(self, config_file: Path, passed: list[str], public: str) -> None:
        self.config_file, self.passed, self.public = config_file, passed, public
        self.lock = threading.Condition()
        self.child: subprocess.Popen[str] | None = None
        self.private = ""
        self.config_lines: list[str] = []  # mkdocs.yml's problems, as `explainer check` prints them
        self.words = words_for(ENGLISH)  # the site's language, as mkdocs.yml last said it
        self.build_lines: list[str] = []  # the child's errors of its last failed build
        self.building: list[str] = []  # the errors of the build under way
        self.failed = False  # the last build failed: the child holds every request
        self.forced_epoch = 0  # makes open pages reload when the state changes
        self.running = True
        self.usage_error = False
        self.stopped = threading.Event()  # set when there is nothing left to serve

    # -- the child --------------------------------------------------------------------------------

    def start(self) -> None:
        self.config_lines = self.check_config()
        self.report_config()
        if not self.config_lines:
            self.start_child()
        threading.Thread(target=self.watch_config, daemon=True).start()

    def start_child(self) -> None:
        port = free_port()
        self.private = f"127.0.0.1:{port}"
        command = [sys.executable, "-m", "mkdocs", "serve", "-a", self.private, "-f", str(self.config_file),
                   *self.passed]
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                 encoding="utf-8", errors="replace", bufsize=1, preexec_fn=die_with_parent)
        with self.lock:
            self.child, self.failed, self.build_lines, self.building = child, False, [], []
        threading.Thread(target=self.read_child, args=(child,), daemon=True).start()

    def read_child(self, child: subprocess.Popen[str]) -> None:
        """Pass the child's log on, and follow its builds: MkDocs logs each one's start and end."""
        assert child.stdout is not None
        output: list[str] = []
        for line in child.stdout:
            text = line.rstrip("\n").replace(f"http://{self.private}", self.public)  # one address
            output.append(text)
            shown = text
            if "will appear stuck" in text:  # not here: every request is answered
                shown = "explainer: the rebuild failed; the preview shows why until it is fixed"
            if not self.config_lines:
                print(shown, file=sys.stderr, flush=True)
            with self.lock:
                if "Building documentation" in text:
                    self.building = []
                elif "An error happened during the rebuild" in text:
                    self.failed, self.build_lines = True, self.building or ["the rebuild failed"]
                    self.bump()
                elif text.startswith(("ERROR", "Error", "Aborted", "WARNING")):
                    self.building.append(text.split("-  ", 1)[-1].strip())
                elif "Reloading browsers" in text:
                    self.failed, self.build_lines = False, []  # the child's epoch tells open pages
        child.wait()
        if child.returncode == 2 and any(line.startswith("Usage:") for line in output):
            self.usage_error = True  # an option `mkdocs serve` does not take: nothing to wait for
            self.stopped.set()
            return
        with self.lock:
            if self.child is child and self.running:
                self.build_lines = self.building or [f"mkdocs serve stopped (exit status {child.returncode})"]
                self.child = None
                self.bump()

    def stop(self) -> None:
        self.running = False
        child = self.child
        if child is not None and child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()

    # -- mkdocs.yml -------------------------------------------------------------------------------

    def check_config(self) -> list[str]:
        from generator.adapters.plugin import config_problems  # MkDocs' validation, in this process

        self.words = words_for(configured_language(self.config_file) or self.words.language)
        return [problem.line() for problem in config_problems(self.config_file)]

    def report_config(self) -> None:
        for line in self.config_lines:
            print(line, file=sys.stderr, flush=True)

    def watch_config(self) -> None:
        seen = self.stamp()
        while self.running:
            time.sleep(POLL_SECONDS)
            stamp = self.stamp()
            if stamp == seen:
                continue
            time.sleep(POLL_SECONDS)  # an editor may write the file in steps: read it once it settles
            if self.stamp() != stamp:
                continue
            seen = stamp
            lines = self.check_config()
            with self.lock:
                if lines and lines != self.config_lines:
                    self.bump()
                self.config_lines = lines
            if lines:
                self.report_config()
            elif self.child is None and self.running:
                print("explainer: mkdocs.yml is fixed: starting the preview", file=sys.stderr, flush=True)
                self.start_child()

    def stamp(self) -> tuple[int, int] | None:
        try:
            status = self.config_file.stat()
        except OSError:
            return None
        return status.st_mtime_ns, status.st_size

    # -- answering --------------------------------------------------------------------------------

    def bump(self) -> None:
        """Open pages reload at their next poll, to show a problem (the caller holds the lock)."""
        self.forced_epoch = round(time.monotonic() * 1000)
        self.lock.notify_all()

    def problems(self) -> list[str]:
        with self.lock:
            if self.config_lines:
                return list(self.config_lines)
            if self.failed or self.child is None:
                return list(self.build_lines) or [self.words.gettext(N_("the preview is starting"))]
            return []

    def child_epoch(self) -> int:
        """The epoch of the child's last build, as its live-reload script knows it."""
        answer = self.fetch_child("/livereload/0/0", timeout=PROXY_TIMEOUT)
        try:
            return int(answer[2]) if answer and answer[0] == 200 else 0
        except ValueError:
            return 0

    def fetch_child(self, path: str, timeout: float, headers: dict[str, str] | None = None
                    ) -> tuple[int, list[tuple[str, str]], bytes] | None:
        if not self.private:
            return None
        host, port = split_address(self.private)
        connection = http.client.HTTPConnection(host, port, timeout=timeout)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.getheaders(), response.read()
        except (OSError, http.client.HTTPException):
            return None
        finally:
            connection.close()

    def wait_for_reload(self, epoch: int) -> int:
        """Answer a live-reload poll: a newer epoch as soon as there is one, else after a while."""
        deadline = time.monotonic() + LIVERELOAD_WAIT
        while time.monotonic() < deadline and self.running:
            if self.problems():
                if self.forced_epoch > epoch:  # the page predates the problem: show the problem
                    return self.forced_epoch
            else:
                current = self.child_epoch()
                if current > epoch:
                    return current
            with self.lock:
                self.lock.wait(timeout=0.5)
        return epoch

    def handler(self) -> type[BaseHTTPRequestHandler]:
        preview = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self) -> None:
                preview.answer(self)

            def do_HEAD(self) -> None:
                preview.answer(self)

            def log_message(self, format: str, *args: object) -> None:
                pass  # the child logs what matters

        return Handler

    def answer(self, request: BaseHTTPRequestHandler) -> None:
        path = request.path
        if path.startswith("/livereload/"):
            parts = path.split("/")
            epoch = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 0
            send(request, 200, "text/plain", str(self.wait_for_reload(epoch)).encode())
            return
        problems = self.problems()
        if problems:
            send(request, 503, "text/html; charset=utf-8", problem_page(problems, self.words), refresh=True)
            return
        answer = self.fetch_child(path, timeout=PROXY_TIMEOUT, headers=forwarded(request.headers))
        if answer is None:
            rebuilding = self.words.gettext(N_("the preview is rebuilding: this page shows it again in a "
                                               "moment"))
            send(request, 503, "text/html; charset=utf-8",
                 problem_page([rebuilding], self.words, heading=N_("Rebuilding")), refresh=True)
            return
        status, headers, body = answer
        send(request, status, dict(headers).get("Content-Type", "application/octet-stream"),
             self.public_body(body, dict(headers).get("Content-Type", "")),
             location=self.public_location(dict(headers).get("Location")))

    def public_body(self, body: bytes, content_type: str) -> bytes:
        """The child names its own address (in canonical links and open data): name the author's."""
        if content_type.startswith(("text/", "application/json", "application/ld+json", "application/xml")):
            return body.replace(f"http://{self.private}".encode(), self.public.encode())
        return body

    def public_location(self, location: str | None) -> str | None:
        return location.replace(f"http://{self.private}", self.public) if location else None


def forwarded(headers: object) -> dict[str, str]:
    return {name: value for name, value in getattr(headers, "items", list)()
            if name.lower() in ("accept", "accept-language", "if-none-match", "if-modified-since")}


def send(request: BaseHTTPRequestHandler, status: int, content_type: str, body: bytes, *,
         refresh: bool = False, location: str | None = None) -> None:
    request.send_response(status)
    request.send_header("Content-Type", content_type)
    request.send_header("Content-Length", str(len(body)))
    request.send_header("Cache-Control", "no-store")
    if location:
        request.send_header("Location", location)
    if refresh:
        request.send_header("Refresh", "1")
    request.end_headers()
    if request.command != "HEAD":
        request.wfile.write(body)


def problem_page(lines: list[str], words: Words, heading: str = N_("The preview cannot be built")) -> bytes:
    """The problem lines as `explainer check` prints them, in a frame in the site's language."""
    items = "\n".join(f'<li><code dir="auto">{html.escape(line)}</code></li>' for line in lines)
    heading = words.gettext(heading)
    fix = words.gettext(N_("Fix the file and save it: this page reloads by itself."))
    language, direction = words.language, text_direction(words.language)
    return (f'<!doctype html>\n<html lang="{html.escape(language)}" dir="{direction}">\n<head>\n'
            '<meta charset="utf-8">\n'
            f'<meta http-equiv="refresh" content="1">\n<meta name="viewport" content="width=device-width">\n'
            f"<title>{html.escape(heading)}</title>\n"
            "<style>body{font:1rem/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem;color:#1a1a1a}"
            "code{white-space:pre-wrap;overflow-wrap:anywhere}li{margin:.5rem 0}</style>\n</head>\n<body>\n"
            f"<main>\n<h1>{html.escape(heading)}</h1>\n<ul>\n{items}\n</ul>\n"
            f"<p>{html.escape(fix)}</p>\n"
            "</main>\n</body>\n</html>\n"
            ).encode()

