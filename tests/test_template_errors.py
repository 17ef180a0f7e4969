"""Who is blamed when rendering fails: a template's mistake names that template file and line
(inside ``_macros.html`` when a macro failed); a bug in the generator's own code surfaces as itself."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import generator.render.environment
from generator.adapters.mkdocs_site import page_source
from generator.memo import Memo
from generator.pipeline import build_site
from generator.render import RenderOptions
from generator.render.templates import TemplateFolders

from helpers import REPO, minimal_content


def site_with_templates(tmp_path: Path, name: str, old: str, new: str) -> tuple[Path, Path, int]:
    """The minimal content, and the repository's templates with ``old`` replaced in ``name``;
    the line of the change."""
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    path = templates / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[:text.index(old)].count("\n") + 1
    return minimal_content(tmp_path / "content"), templates, line


def template_lines(content: Path, templates: Path) -> list[str]:
    build = build_site(content, TemplateFolders(templates), RenderOptions(), Memo.one_shot(), page_source)
    return [line for line in build.problems.lines(relative_to=templates.parent) if "template error" in line]


def test_an_error_inside_a_macro_names_the_macro_file_and_its_line(tmp_path: Path) -> None:
    content, templates, line = site_with_templates(
        tmp_path, "_macros.html", '<span class="ex-claimant">', '{{ 1 // 0 }}<span class="ex-claimant">')
    lines = template_lines(content, templates)
    assert lines and set(lines) == {f"templates/_macros.html:{line}:1: template error: "
                                    "integer division or modulo by zero"}


def test_an_undefined_name_in_a_page_template_names_that_template(tmp_path: Path) -> None:
    content, templates, line = site_with_templates(tmp_path, "glossary.html", "<h1>", "<h1>{{ no_such_name }}")
    assert template_lines(content, templates) == [
        f"templates/glossary.html:{line}:1: template error: 'no_such_name' is undefined"]


def test_a_bug_in_the_generator_is_not_blamed_on_a_template(tmp_path: Path, monkeypatch) -> None:
    def broken(*args: object) -> str:
        raise RuntimeError("a bug in the generator")

    monkeypatch.setattr(generator.render.environment, "paragraph_html", broken)
    with pytest.raises(RuntimeError, match="a bug in the generator"):
        build_site(minimal_content(tmp_path / "content"), TemplateFolders(REPO / "templates"), RenderOptions(), Memo.one_shot(), page_source)
