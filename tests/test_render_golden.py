"""Render: every page kind of a small fixture site, compared with goldens reviewed by eye.

Regenerate on purpose with ``make golden`` and read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.adapters.mkdocs_site import source_files
from generator.render import RenderOptions

from helpers import FIXTURES, build, generated_files

GOLDEN = Path(__file__).resolve().parent / "golden"
OPTIONS = RenderOptions(site_name="Test site", site_url="https://example.org/explainer/",
                        repository="https://github.com/example/explainer",
                        markdown_extensions=("abbr", "sane_lists"))
PAGES = [
    "articles/index.md",
    "articles/nested/index.md",
    "articles/nested/claims/outer/index.md",
    "articles/nested/exercise/index.md",
    "articles/nested/teacher/index.md",
    "articles/arabic/index.md",
    "organizations/index.md",
    "organizations/agency/index.md",
    "techniques/index.md",
    "techniques/loaded-language/index.md",
    "glossary/index.md",
    "corrections/index.md",
    "claims.json",
    "annotations.jsonld",
]


@pytest.fixture(scope="module")
def files() -> dict[str, str | bytes]:
    result = build(FIXTURES / "mini", OPTIONS)
    assert result.problems.lines() == []
    return source_files(result)


@pytest.mark.parametrize("page", PAGES)
def test_page_matches_golden(files: dict[str, str | bytes], page: str) -> None:
    golden = GOLDEN / page
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(str(files[page]), encoding="utf-8")
    assert files[page] == golden.read_text(encoding="utf-8")


def test_every_generated_page_kind_is_covered(files: dict[str, str | bytes]) -> None:
    kinds = {p.split("/")[0] for p in files if p.endswith(".md")}
    assert kinds <= {p.split("/")[0] for p in PAGES}


def test_rendering_twice_is_byte_identical(files: dict[str, str | bytes]) -> None:
    again = generated_files(FIXTURES / "mini", OPTIONS)
    assert again == files
