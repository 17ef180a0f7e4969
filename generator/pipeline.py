"""The whole pipeline in one call: load → resolve → render, with every problem collected.

Both adapters (the MkDocs plugin and the command line) run exactly this, so what ``explainer check``
reports is what ``mkdocs build`` fails on, and ``explainer export`` writes what the plugin serves.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.load import load_content
from generator.load.records import FileRecords
from generator.problems import Position, Problem, Problems
from generator.render import RenderOptions, TemplateProblem, notices, render_site
from generator.render.pages import RenderMemo
from generator.resolve import Site, resolve
from generator.resolve.anchor import AnchoredText
from generator.site_config import asset_files, asset_path


@dataclass
class Build:
    files: dict[str, str | bytes] = field(default_factory=dict)  # path under docs/ → content
    problems: Problems = field(default_factory=Problems)
    site: Site | None = None


@dataclass
class Memo:
    """What one ``mkdocs serve`` session keeps from build to build: a rebuild reads, validates and
    renders only what changed, and gives exactly what a fresh build would."""

    files: FileRecords = field(default_factory=FileRecords)
    texts: dict[bytes, AnchoredText] = field(default_factory=dict)  # original.txt digest → its search
    pages: RenderMemo = field(default_factory=RenderMemo)


@contextmanager
def collector_paused(freeze: bool = False) -> Iterator[None]:
    """Loading makes hundreds of thousands of small, acyclic objects; Python's cycle collector would
    rescan them again and again (a third of the time at 10,000 cards). It runs again afterwards.

    With ``freeze``, for runs whose results live until the process ends (``explainer check``,
    ``mkdocs build``), what was made is frozen, so the collector never scans it again (the first full
    collection after loading 10,000 cards took half a second, and freed nothing)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


def check(content_dir: Path, memo: Memo | None = None) -> Build:
    """Load and resolve only: what ``explainer check`` needs."""
    build = Build()
    with collector_paused():
        content = load_content(content_dir, build.problems, memo.files if memo else None)
        build.site = resolve(content, build.problems, memo.texts if memo else None)
    return build


def build_site(content_dir: Path, templates_dir: Path, options: RenderOptions, *,
               preview: bool = False, memo: Memo | None = None) -> Build:
    """Every generated file; content with problems is left out and the problems are reported.

    With ``preview`` (``mkdocs serve``), the problems are also shown on the pages they affect; with a
    ``memo``, what is unchanged since the last build is reused.
    """
    build = check(content_dir, memo)
    with collector_paused():
        rendered = render_site(build.site, templates_dir, options, memo.pages if memo else None)
    failed_pages = {url: template_problem(templates_dir, why) for url, why in rendered.failures.items()}
    for problem in failed_pages.values():
        build.problems.append(problem)
    files: dict[str, str | bytes] = {**rendered.files, **assets(templates_dir)}
    if preview and build.problems:
        files.update(notices.for_preview(rendered.files, build.problems, content_dir, failed_pages))
    build.files = dict(sorted(files.items()))
    return build


def template_problem(templates_dir: Path, failure: TemplateProblem) -> Problem:
    path = templates_dir / failure.template  # an absolute template path stays absolute
    return Problem(path, Position(failure.line, 1), f"template error: {failure.message}")


def assets(templates_dir: Path) -> dict[str, str | bytes]:
    """The templates' stylesheets and scripts, published under ``assets/explainer/``."""
    return {asset_path(templates_dir, p): p.read_bytes() for p in asset_files(templates_dir)}
