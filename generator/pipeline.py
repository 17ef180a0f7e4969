"""The whole pipeline in one call: load → resolve → render, with every problem collected.

Every adapter (the MkDocs plugin and the command line) runs exactly this, so what ``explainer
check`` reports is what a site build fails on, and ``explainer export`` writes what the plugin
serves.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.load import load_content
from generator.memo import Memo
from generator.problems import Position, Problem, Problems
from generator.render import PageWriter, RenderOptions, TemplateProblem, notices, render_site
from generator.render.assets import published_assets
from generator.render.templates import TemplateFolders
from generator.resolve import Site, resolve


@dataclass
class Build:
    pages: dict[str, Any] = field(default_factory=dict)  # URL → the page as the adapter wrote it
    files: dict[str, str | bytes] = field(default_factory=dict)  # path → open data and assets
    problems: Problems = field(default_factory=Problems)
    site: Site | None = None


@contextmanager
def collector_paused(freeze: bool = False) -> Iterator[None]:
    """Loading makes hundreds of thousands of small, acyclic objects; Python's cycle collector would
    rescan them again and again (a third of the time at 10,000 cards). It runs again afterwards.

    With ``freeze``, for runs whose results live until the process ends (``explainer check``, a
    full site build), what was made is frozen, so the collector never scans it again (the first full
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


def check(content_dir: Path, memo: Memo) -> Build:
    """Load and resolve only: what ``explainer check`` needs. Everything goes through the memo: a
    fresh one for a one-shot run, the same one across a preview's rebuilds."""
    build = Build()
    memo.start_build()
    with collector_paused():
        content = load_content(content_dir, build.problems, memo)
        build.site = resolve(content, build.problems, memo)
    return build


def build_site(content_dir: Path, templates: TemplateFolders, options: RenderOptions, memo: Memo,
               write: PageWriter, *, preview: bool = False) -> Build:
    """Every page, as ``write`` makes it, and every file of the site; content with problems is left
    out and the problems are reported. With ``preview``, the problems are also shown on the pages
    they affect."""
    build = check(content_dir, memo)
    hold = notices.pages_to_hold(build.problems, content_dir) if preview else set()
    with collector_paused():
        rendered = render_site(build.site, templates, options, memo, write, hold)
    failed_pages = {url: template_problem(templates, why) for url, why in rendered.failures.items()}
    for problem in failed_pages.values():
        build.problems.append(problem)
    changed = (notices.for_preview(rendered.held, build.problems, content_dir, failed_pages, options.language)
               if preview else {})
    held = {url: write(page) for url, page in {**rendered.held, **changed}.items()}
    build.pages = dict(sorted({**rendered.pages, **held}.items()))
    build.files = dict(sorted({**rendered.data, **published_assets(templates)}.items()))
    for path, meant in templates.misnamed().items():
        build.problems.note(path, f"no default template is called {path.name}, so it replaces nothing: "
                                  f"did you mean {meant}?")
    return build


def template_problem(templates: TemplateFolders, failure: TemplateProblem) -> Problem:
    return Problem(templates.path_of(failure.template), Position(failure.line, 1),
                   f"template error: {failure.message}")
