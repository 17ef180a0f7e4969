"""Where a preview's seconds go: one save→rebuild under `mkdocs serve`, profiled in process.

    python bench/profile_rebuild.py [ARTICLES] [--top N]

Writes the synthetic corpus (bench/corpus.py) into a temporary project, runs the first build as
`mkdocs serve` does (same config loading, same persistent plugin), edits one card, and profiles the
rebuild. Also times one snapshot of the watched folders, which `mkdocs serve`'s polling watcher
takes every half second to notice a save.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench")]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from corpus import write_corpus  # noqa: E402

# A hooks file that stamps the time at the start and end of each build phase, so a rebuild's
# seconds are split without a profiler's overhead.
PHASE_HOOKS = """
import time
from mkdocs.plugins import CombinedEvent, event_priority
STAMPS = []
def stamp(name):
    STAMPS.append((name, time.perf_counter()))
@event_priority(100)
def on_config(config):
    stamp("config loaded")
@event_priority(100)
def on_files(files, config):
    stamp("MkDocs: pre-build, docs/ read")
@event_priority(-100)
def on_nav(nav, config, files):
    stamp("explainer: pipeline, generated files; MkDocs: navigation")
@event_priority(-100)
def on_env(env, config, files):
    stamp("MkDocs: theme environment")
@event_priority(100)
def _before_post_build(config):
    stamp("MkDocs + Material: changed pages built and search-indexed, sitemap")
@event_priority(-200)
def _after_post_build(config):
    stamp("search index written; explainer: unchanged pages put back")
on_post_build = CombinedEvent(_before_post_build, _after_post_build)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=int, default=1000)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from watchdog.utils.dirsnapshot import DirectorySnapshot

    with tempfile.TemporaryDirectory() as work:
        project = Path(work) / "site"
        write_corpus(project, args.articles)
        for name in ("docs",):
            shutil.copytree(ROOT / name, project / name)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        (project / "phase_hooks.py").write_text(PHASE_HOOKS, encoding="utf-8")
        with (project / "mkdocs.yml").open("a", encoding="utf-8") as config_file:
            config_file.write("hooks:\n  - phase_hooks.py\n")
        os.chdir(project)
        site_dir = Path(work) / "served"

        def get_config():
            config = load_config(site_dir=str(site_dir))
            config.site_url = "http://127.0.0.1:8000/"
            return config

        config = get_config()
        config.plugins.on_startup(command="serve", dirty=False)
        started = time.perf_counter()
        build(config, serve_url="http://127.0.0.1:8000/")
        print(f"first build: {time.perf_counter() - started:.2f} s")

        started = time.perf_counter()
        for folder in ("docs", "content"):
            DirectorySnapshot(str(project / folder))
        print(f"one snapshot of docs/ and content/ (the watcher's poll): "
              f"{time.perf_counter() - started:.2f} s")

        card = project / "content/articles/article-0000/claims/claim-00.yaml"
        text = card.read_text(encoding="utf-8")
        for round in range(3):
            card.write_text(text.replace("claim: ", f"claim: Edited {round}. ", 1), encoding="utf-8")
            started = time.perf_counter()
            config = get_config()
            loaded = time.perf_counter()
            build(config, serve_url="http://127.0.0.1:8000/")
            done = time.perf_counter()
            print(f"rebuild after one card edit: {done - started:.2f} s")
            stamps = sys.modules["phase_hooks.py"].STAMPS  # MkDocs names a hook module by its file
            last = loaded
            print(f"  {loaded - started:6.2f} s  load mkdocs.yml")
            for name, at in stamps[-6:]:
                print(f"  {at - last:6.2f} s  {name}")
                last = at
            print(f"  {done - last:6.2f} s  the rest")
        card.write_text(text.replace("claim: ", "claim: Edited. ", 1), encoding="utf-8")
        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.enable()
        build(get_config(), serve_url="http://127.0.0.1:8000/")
        profile.disable()
        print(f"rebuild after one card edit: {time.perf_counter() - started:.2f} s (profiled)")
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(args.top)
        print(out.getvalue())
        config.plugins.on_shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
