"""`explainer links` against a local server that plays the web and the Internet Archive: every
case classified, the exit codes, the GitHub output, and `--archive --write` adding exactly one line
per source and nothing else. Nothing here touches the real network."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from generator.adapters.archive import with_archive_urls, write_archive_urls

from helpers import MINIMAL_ARTICLE, MINIMAL_CLAIM, REPO, minimal_content


class Web(BaseHTTPRequestHandler):
    """Each path is one case; /wayback/available plays the archive's availability API."""

    hits: ClassVar[dict[str, int]] = {}

    def log_message(self, *args: object) -> None:
        pass

    def do_HEAD(self) -> None:
        self.answer(head=True)

    def do_GET(self) -> None:
        self.answer(head=False)

    def answer(self, head: bool) -> None:
        path = urlsplit(self.path).path
        Web.hits[path] = Web.hits.get(path, 0) + 1
        port = self.server.server_address[1]
        if path == "/wayback/available":
            return self.archive(parse_qs(urlsplit(self.path).query))
        if path == "/slow":
            time.sleep(3)
        if path == "/no-head" and head:
            return self.reply(405)
        if path == "/busy":
            return self.reply(429, {"Retry-After": "1"})
        if path == "/busy-once" and Web.hits[path] == 1:
            return self.reply(429, {"Retry-After": "1"})
        redirects = {"/moved": "/ok", "/to-home": "/", "/to-other-site": f"http://localhost:{port}/ok",
                     "/to-other-root": f"http://localhost:{port}/"}
        if path in redirects:
            return self.reply(301 if path == "/moved" else 302, {"Location": redirects[path]})
        statuses = {"/missing": 404, "/gone": 410, "/error": 500}
        self.reply(statuses.get(path, 200))

    def archive(self, query: dict[str, list[str]]) -> None:
        url = query["url"][0]
        if url.endswith("/archive-error"):
            return self.reply(500)
        snapshots = {} if url.endswith("/never-archived") else {"closest": {
            "available": True, "status": "302" if url.endswith("/archived-redirect") else "200",
            "url": f"http://archive.example/web/{query.get('timestamp', ['2020'])[0]}/{url}",
            "timestamp": query.get("timestamp", ["2020"])[0]}}
        body = json.dumps({"url": url, "archived_snapshots": snapshots}).encode()
        self.reply(200, {"Content-Type": "application/json"}, body)

    def reply(self, status: int, headers: dict[str, str] | None = None, body: bytes = b"ok") -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def web() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Web)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def card_citing(urls: list[str], context: str = "Some context.") -> str:
    evidence = "".join(f"  - title: Source {i}\n    publisher: acme\n    url: {url}\n    stance: context\n"
                       for i, url in enumerate(urls))
    return MINIMAL_CLAIM.replace("context: Some context.", f"context: {context}") + "evidence:\n" + evidence


def content_citing(root: Path, web: str, card: str) -> Path:
    """A content tree whose article itself points at the local server, so only it is asked."""
    return minimal_content(root, articles__a__article_DOT_yaml=MINIMAL_ARTICLE.replace(
        "https://example.org/article", f"{web}/ok"), articles__a__claims__c_DOT_yaml=card)


def links(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "links", "--timeout", "1", *args], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})})


CASES = {  # path → what `explainer links` must say of it
    "/ok": None, "/moved": None, "/no-head": None, "/busy-once": None,
    "/missing": "broken {url}: HTTP 404",
    "/gone": "broken {url}: HTTP 410",
    "/to-home": "broken {url}: redirects to its site's home page",
    "/to-other-root": "broken {url}: redirects to the home page of another site (localhost:{port})",
    "/to-other-site": "suspect {url}: redirects to another site: http://localhost:{port}/ok",
    "/error": "suspect {url}: HTTP 500",
    "/busy": "suspect {url}: HTTP 429 (too many requests), twice",
    "/slow": "unreachable {url}: timed out",
}


def test_every_case_is_classified_at_each_place_that_cites_it(tmp_path: Path, web: str) -> None:
    urls = [web + path for path in CASES]
    content_citing(tmp_path / "content", web, card_citing(urls, f"See [this]({web}/missing) too."))
    result = links(tmp_path)
    assert result.returncode == 1, result.stderr
    port = web.rsplit(":", 1)[1]
    expected = []
    for index, (path, message) in enumerate(CASES.items()):
        if message:
            expected.append(f"content/articles/a/claims/c.yaml:{9 + 4 * index}:10: "
                            + message.format(url=web + path, port=port))
    expected.insert(0, f"content/articles/a/claims/c.yaml:5:10: broken {web}/missing: HTTP 404")  # in the text
    assert sorted(result.stdout.splitlines()) == sorted(expected)
    assert "12 addresses checked" in result.stderr  # each distinct address once


def test_exit_2_when_nothing_could_be_reached(tmp_path: Path) -> None:
    content_citing(tmp_path / "content", "http://127.0.0.1:9", card_citing(
        ["http://127.0.0.1:9/a", "http://127.0.0.1:9/b"]))
    result = links(tmp_path)
    assert result.returncode == 2
    assert all(" unreachable http://127.0.0.1:9/" in line for line in result.stdout.splitlines())


def test_exit_0_when_nothing_is_broken(tmp_path: Path, web: str) -> None:
    content_citing(tmp_path / "content", web, card_citing([web + "/ok", web + "/error"]))
    result = links(tmp_path)
    assert result.returncode == 0 and "suspect" in result.stdout


def test_github_format_annotates_and_writes_the_run_summary(tmp_path: Path, web: str) -> None:
    content_citing(tmp_path / "content", web, card_citing([web + "/gone", web + "/error"]))
    summary = tmp_path / "summary.md"
    result = links(tmp_path, "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.stdout.splitlines() == [
        f"::error file=content/articles/a/claims/c.yaml,line=9,col=10,title=broken link::{web}/gone: HTTP 410",
        f"::warning file=content/articles/a/claims/c.yaml,line=13,col=10,title=suspect link::{web}/error: HTTP 500",
    ]
    table = summary.read_text(encoding="utf-8")
    assert table.startswith("## Links in the content") and f"| broken | {web}/gone | HTTP 410 |" in table


def test_archive_reports_the_closest_snapshot_to_the_access_date(tmp_path: Path, web: str) -> None:
    card = card_citing([web + "/ok", web + "/never-archived", web + "/archive-error", web + "/archived-redirect"])
    card = card.replace(f"    url: {web}/ok\n", f"    url: {web}/ok\n    accessed: 2019-05-06\n")
    content_citing(tmp_path / "content", web, card)
    result = links(tmp_path, "--archive", "--archive-api", f"{web}/wayback/available", "--format", "json")
    records = {r["url"]: r for r in json.loads(result.stdout) if r["status"] == "archive"}
    assert records[f"{web}/ok"]["archive_url"] == f"http://archive.example/web/20190506/{web}/ok"
    assert records[f"{web}/never-archived"]["archive_url"] is None
    assert "archive lookup failed" in records[f"{web}/archive-error"]["message"]
    assert records[f"{web}/archived-redirect"]["archive_url"] is None  # only captures served with 200


def test_archive_write_adds_one_line_per_source_and_is_idempotent(tmp_path: Path, web: str) -> None:
    card = card_citing([web + "/ok", web + "/missing"]) + "# a closing comment\n"
    content = content_citing(tmp_path / "content", web, card)
    path = content / "articles/a/claims/c.yaml"
    before = path.read_text(encoding="utf-8")
    api = ["--archive", "--archive-api", f"{web}/wayback/available", "--write"]
    links(tmp_path, *api)
    after = path.read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == [f"    archive_url: http://archive.example/web/2020/{web}/ok",
                     f"    archive_url: http://archive.example/web/2020/{web}/missing"]
    assert "".join(line for line in after.splitlines(keepends=True) if line.rstrip("\n") not in added) == before
    links(tmp_path, *api)
    assert path.read_text(encoding="utf-8") == after  # a second run changes nothing


SNAPSHOT = {"https://example.org/a": "https://web.archive.org/web/2018/https://example.org/a"}


@pytest.mark.parametrize("before, after", [
    ("evidence:\n  - title: A  # why\n    url: https://example.org/a   # the source\n    stance: context\n",
     "evidence:\n  - title: A  # why\n    url: https://example.org/a   # the source\n"
     "    archive_url: https://web.archive.org/web/2018/https://example.org/a\n    stance: context\n"),
    ("timeline:\n  - {date: 2018, text: T, url: https://example.org/a}\n",
     "timeline:\n  - {date: 2018, text: T, url: https://example.org/a, archive_url: "
     "https://web.archive.org/web/2018/https://example.org/a}\n"),
    ("items:\n  - url: \"https://example.org/a\"\n    stance: x\n",
     "items:\n  - url: \"https://example.org/a\"\n    archive_url: https://web.archive.org/web/2018/https://example.org/a\n"
     "    stance: x\n"),
    ("url: https://example.org/a\r\ntitle: T\r\n",
     "url: https://example.org/a\r\narchive_url: https://web.archive.org/web/2018/https://example.org/a\r\ntitle: T\r\n"),
    ("title: T\nurl: https://example.org/a",
     "title: T\nurl: https://example.org/a\narchive_url: https://web.archive.org/web/2018/https://example.org/a"),
    ("url: https://example.org/a\narchive_url: https://kept.example/a\n", None),
    ("url: https://example.org/b\n", None),
])
def test_write_back_changes_no_other_byte(before: str, after: str | None) -> None:
    assert with_archive_urls(before, SNAPSHOT) == (after or before)
    if after:
        assert with_archive_urls(after, SNAPSHOT) == after  # idempotent


def test_write_back_keeps_a_byte_order_mark_and_never_writes_through_a_link(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_bytes(b"\xef\xbb\xbfurl: https://example.org/a\r\n")
    assert write_archive_urls(path, SNAPSHOT, tmp_path)
    assert path.read_bytes() == (b"\xef\xbb\xbfurl: https://example.org/a\r\n"
                                 b"archive_url: https://web.archive.org/web/2018/https://example.org/a\r\n")
    target = tmp_path / "elsewhere.yaml"
    target.write_text("url: https://example.org/a\n", encoding="utf-8")
    (tmp_path / "linked.yaml").symlink_to(target)
    with pytest.raises(Exception, match="is a link"):
        write_archive_urls(tmp_path / "linked.yaml", SNAPSHOT, tmp_path)
    assert target.read_text(encoding="utf-8") == "url: https://example.org/a\n"


def test_the_links_workflow_runs_weekly_and_on_demand_apart_from_the_deploy() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/links.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"][0]["cron"] and "workflow_dispatch" in triggers
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "explainer links --format github" in steps
    publish = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    assert all("links" not in str(job.get("needs", "")) for job in publish["jobs"].values())
    assert "links" not in json.dumps(publish)


def test_scaffolds_show_accessed_with_today_as_a_commented_example(tmp_path: Path) -> None:
    import datetime as dt

    from helpers import explainer

    minimal_content(tmp_path / "content")
    explainer("new", "article", "fresh", cwd=tmp_path)
    explainer("new", "claim", "fresh", "c1", cwd=tmp_path)
    today = dt.date.today().isoformat()
    for path in ("content/articles/fresh/article.yaml", "content/articles/fresh/claims/c1.yaml"):
        text = (tmp_path / path).read_text(encoding="utf-8")
        assert f"#     accessed: {today}" in text or f"# accessed: {today}" in text, path


def test_every_source_of_the_example_article_and_cards_says_when_it_was_opened() -> None:
    article = REPO / "content/articles/lavrov-idlib-warning"
    meta = yaml.safe_load((article / "article.yaml").read_text(encoding="utf-8"))
    sources = [meta] + [item for item in meta.get("timeline", []) if "url" in item]
    for card in sorted((article / "claims").glob("*.yaml")):
        data = yaml.safe_load(card.read_text(encoding="utf-8"))
        sources += data.get("evidence", []) + data.get("counter_statements", [])
    undated = [source["url"] for source in sources if "accessed" not in source]
    assert undated == [] and len(sources) > 100


def test_a_glossary_linked_from_outside_the_content_is_never_read(tmp_path: Path, web: str) -> None:
    outside = tmp_path / "private.yaml"
    outside.write_text(f"Secret: see [this]({web}/missing)\n", encoding="utf-8")
    content = content_citing(tmp_path / "content", web, card_citing([web + "/ok"]))
    (content / "glossary.yaml").symlink_to(outside)
    result = links(tmp_path)
    assert result.returncode == 0 and "/missing" not in result.stdout, result.stdout
