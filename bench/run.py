"""``make bench``: how fast and how light the generator is, at 10, 100 and 1,000 articles, and what
hostile content costs it (bench/hostile.py).

For each size it synthesises a corpus (bench/corpus.py), then measures: the generator's cards per
second (load + validate + anchor + render, in process); `explainer check`; a full `mkdocs build` with
the plugin and the same pages built from `explainer export` without it (the plugin's share); peak
memory; page weights; the bytes a first visit to a reading page downloads (Chromium, counted from
the responses); and, under `mkdocs serve`, the seconds from saving a card to the rebuilt page.
Results go to bench/results.json and bench/results.md; the README quotes the latter.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tests")]

import hostile  # noqa: E402
from corpus import write_corpus  # noqa: E402

from generator.adapters.mkdocs_site import page_source  # noqa: E402
from generator.memo import Memo  # noqa: E402
from generator.pipeline import build_site  # noqa: E402
from generator.render import RenderOptions  # noqa: E402
from generator.render.templates import TemplateFolders  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/"}


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak memory (MB) of one command."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss // 1024


def project_for(workdir: Path, articles: int) -> tuple[Path, int]:
    project = workdir / f"site-{articles}"
    cards = write_corpus(project, articles)
    for name in ("docs",):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project, cards


def generator_speed(project: Path, cards: int) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        # The pages written as the plugin hands them to MkDocs.
        build = build_site(project / "content", TemplateFolders(project / "templates"), RenderOptions(),
                           Memo.one_shot(),
                           page_source)
        best = min(best, time.perf_counter() - started)
        assert not build.problems, build.problems.lines()[:3]
    return cards / best


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def first_visit_bytes(site: Path, page: str) -> int:
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM, CHROMIUM_ARGS, serve_directory

    total = 0
    with serve_directory(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context()
        page_handle = context.new_page()
        sizes: list[int] = []
        page_handle.on("requestfinished", lambda request: sizes.append(request.sizes()["responseBodySize"]))
        page_handle.goto(base + page, wait_until="networkidle")
        total = sum(sizes)
        browser.close()
    return total


def save_to_reload(project: Path, saves: int = 3) -> dict[str, float | bool]:
    """Seconds from saving one card to its rebuilt reading page under `mkdocs serve` (the median of
    ``saves`` saves, since the watcher notices a save anywhere in its half-second poll), and whether
    every page the change feeds shows it."""
    import socket
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def fetch(path: str) -> str:
        try:
            with urllib.request.urlopen(base + path, timeout=5) as response:
                return response.read().decode()
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 1800
        while "ex-reading" not in fetch("/articles/article-0000/") and time.monotonic() < deadline:
            time.sleep(0.5)
        card = project / "content/articles/article-0000/claims/claim-00.yaml"
        text = card.read_text(encoding="utf-8")
        times = []
        for save in range(saves):
            time.sleep(2)  # let the last rebuild settle
            marker = f"Benchmark edit marker {save}"
            card.write_text(text.replace("claim: ", f"claim: {marker}. ", 1), encoding="utf-8")
            saved = time.perf_counter()
            while marker not in fetch("/articles/article-0000/") and time.perf_counter() - saved < 300:
                time.sleep(0.05)
            times.append(time.perf_counter() - saved)
        seconds = sorted(times)[len(times) // 2]
        org = text.split("organization: ")[1].split("\n")[0]
        technique = text.split("techniques: [")[1].split("]")[0]
        fed = ["/articles/article-0000/claims/claim-00/", f"/organizations/{org}/",
               f"/techniques/{technique}/", "/articles/article-0000/exercise/",
               "/articles/article-0000/teacher/"]
        correct = all(marker in fetch(path) for path in fed)
        return {"save_to_reload_s": round(seconds, 2), "affected_pages_correct": correct}
    finally:
        server.terminate()
        server.wait(timeout=30)


def measure(articles: int, workdir: Path, serve: bool) -> dict:
    project, cards = project_for(workdir, articles)
    result: dict = {"articles": articles, "cards": cards}
    result["generator_cards_per_s"] = round(generator_speed(project, cards))
    result["check_s"], _ = timed([sys.executable, "-m", "generator", "check"], project)
    build_s, build_mb = timed([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"], project)
    timed([sys.executable, "-m", "generator", "export", "exported"], project)
    plain_s, _ = timed([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"], project / "exported")
    site = project / "site"
    pages = list(site.rglob("*.html"))
    reading = (site / "articles/article-0000/index.html").read_bytes()
    ours = b"".join(p.read_bytes() for p in sorted((site / "assets/explainer").iterdir()))
    result.update({
        "pages": len(pages),
        "build_s": round(build_s, 1), "build_without_plugin_s": round(plain_s, 1),
        # Negative when the build with the plugin is the faster one (it skips Markdown for its pages).
        "plugin_share_pct": round(100 * (build_s - plain_s) / build_s, 1),
        "peak_memory_mb": build_mb,
        "reading_page_html_bytes": len(reading), "reading_page_html_gzip": gzipped(reading),
        "our_css_js_bytes": len(ours), "our_css_js_gzip": gzipped(ours),
        "search_index_bytes": (site / "search/search_index.json").stat().st_size,
        "first_visit_bytes": first_visit_bytes(site, "/articles/article-0000/"),
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
    })
    result["check_s"] = round(result["check_s"], 2)
    if serve:
        result.update(save_to_reload(project))
    shutil.rmtree(project)
    return result


COLUMNS = [
    ("articles", "articles"), ("cards", "cards"), ("pages", "pages"),
    ("generator_cards_per_s", "generator cards/s"), ("check_s", "check s"),
    ("build_s", "build s"), ("build_without_plugin_s", "plain build s"), ("plugin_share_pct", "plugin %"),
    ("save_to_reload_s", "save→reload s"), ("affected_pages_correct", "pages correct"),
    ("peak_memory_mb", "peak MB"), ("reading_page_html_bytes", "reading HTML B"),
    ("reading_page_html_gzip", "gz"), ("our_css_js_bytes", "our CSS+JS B"), ("our_css_js_gzip", "gz"),
    ("search_index_bytes", "search index B"), ("first_visit_bytes", "first visit B"),
    ("site_bytes", "site B"),
]


def table(results: list[dict]) -> str:
    head = "| " + " | ".join(label for _, label in COLUMNS) + " |"
    rule = "|" + "---|" * len(COLUMNS)
    rows = ["| " + " | ".join(str(r.get(key, "n/a")) for key, _ in COLUMNS) + " |" for r in results]
    return "\n".join([head, rule, *rows])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10, 100, 1000])
    parser.add_argument("--smoke", action="store_true", help="a tiny run that checks the benchmark works")
    parser.add_argument("--out", type=Path, default=ROOT / "bench")
    args = parser.parse_args()
    sizes = [3] if args.smoke else args.sizes
    results = []
    with tempfile.TemporaryDirectory() as workdir:
        for size in sizes:
            print(f"measuring {size} articles ...", file=sys.stderr, flush=True)
            results.append(measure(size, Path(workdir), serve=True))
            print(table(results[-1:]), file=sys.stderr, flush=True)
        print("measuring hostile cases ...", file=sys.stderr, flush=True)
        hostile_rows = hostile.measure(Path(workdir), args.smoke)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(hostile.table(hostile_rows) + "\n")
    print(table(results))
    if not args.smoke:
        args.out.mkdir(exist_ok=True)
        record = {"machine": machine, "results": results, "hostile": hostile_rows}
        (args.out / "results.json").write_text(json.dumps(record, indent=2) + "\n")
        (args.out / "results.md").write_text(f"Measured by `make bench` on {machine}.\n\n{table(results)}\n\n"
                                             f"{hostile.table(hostile_rows)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
