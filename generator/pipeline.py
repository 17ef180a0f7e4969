"""The whole pipeline in one call: load → resolve → render, with every problem collected.

Both adapters (the MkDocs plugin and the command line) run exactly this, so what ``explainer check``
reports is what ``mkdocs build`` fails on, and ``explainer export`` writes what the plugin serves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.load import load_content
from generator.problems import Position, Problems
from generator.render import RenderOptions, TemplateProblem, render_site
from generator.resolve import Site, resolve
from generator.site_config import asset_files, asset_path


@dataclass
class Build:
    files: dict[str, str | bytes] = field(default_factory=dict)  # path under docs/ → content
    problems: Problems = field(default_factory=Problems)
    site: Site | None = None


def check(content_dir: Path) -> Build:
    """Load and resolve only: what ``explainer check`` needs."""
    build = Build()
    build.site = resolve(load_content(content_dir, build.problems), build.problems)
    return build


def build_site(content_dir: Path, templates_dir: Path, options: RenderOptions) -> Build:
    """Every generated file; content with problems is left out and the problems are reported."""
    build = check(content_dir)
    try:
        build.files = {**render_site(build.site, templates_dir, options), **assets(templates_dir)}
    except TemplateProblem as error:
        path = templates_dir / error.template  # an absolute template path stays absolute
        build.problems.add(path, Position(error.line, 1), f"template error: {error.message}")
    build.files = dict(sorted(build.files.items()))
    return build


def assets(templates_dir: Path) -> dict[str, str | bytes]:
    """The templates' stylesheets and scripts, published under ``assets/explainer/``."""
    return {asset_path(templates_dir, p): p.read_bytes() for p in asset_files(templates_dir)}
