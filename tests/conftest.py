"""Fixtures shared by the tests (the helpers themselves are in helpers.py), and the markers: a
test that drives Chromium is marked ``browser``, one that runs ``mkdocs serve`` is marked ``serve``,
so ``pytest -m "not browser and not serve"`` is the fast inner loop."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURES, make_project, mkdocs

BROWSER_FIXTURES = {"browser", "example_url", "fixture_url"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def built_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site, built once with ``mkdocs build --strict``."""
    project = make_project(tmp_path_factory.mktemp("example") / "project")
    result = mkdocs("build", "--strict", "-d", "site", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright: never a downloaded browser."""
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def example_url(built_example: Path):
    from browser import serve_directory

    with serve_directory(built_example) as url:
        yield url


@pytest.fixture(scope="session")
def built_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test fixture site (nested and overlapping passages, Arabic, Hebrew, a crowded statement),
    built once with ``mkdocs build --strict``."""
    project = make_project(tmp_path_factory.mktemp("fixture") / "project", FIXTURES / "mini")
    result = mkdocs("build", "--strict", "-d", "site", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def fixture_url(built_fixture: Path):
    """The test fixture site, served."""
    from browser import serve_directory

    with serve_directory(built_fixture) as url:
        yield url
