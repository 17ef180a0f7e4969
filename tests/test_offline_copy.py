"""An offline copy: a site built with ``use_directory_urls: false`` and Material's ``offline`` plugin
works opened from a folder (``file://``), handed out on a school drive. Every kind of generated link,
and the links from generated pages to hand-written ones, open a page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from helpers import MINIMAL_ARTICLE, MINIMAL_CLAIM, MINIMAL_ORGS, MINIMAL_TECHNIQUES, REPO, mkdocs, write_tree

CLAIM = MINIMAL_CLAIM.replace(
    "context: Some context.\n",
    "context: See the [glossary](/glossary/#term-term), [how we work](/about/methodology/#labels) and the "
    "[home page](/).\nassessment: misleading\ntechniques: [loaded-language]\n"
    "corrections:\n  - {date: 2024-01-02, text: A correction.}\n")
PAGE_KINDS = [
    "articles/index.html", "articles/a/index.html", "articles/a/claims/c/index.html",
    "articles/a/exercise/index.html", "articles/a/teacher/index.html", "organizations/index.html",
    "organizations/acme/index.html", "techniques/index.html", "techniques/loaded-language/index.html",
    "glossary/index.html", "corrections/index.html",
]


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("offline")
    write_tree(project, {
        "content/organizations.yaml": MINIMAL_ORGS,
        "content/techniques.yaml": MINIMAL_TECHNIQUES,
        "content/glossary.yaml": "term: A word.\n",
        "content/articles/a/article.yaml": MINIMAL_ARTICLE,
        "content/articles/a/original.txt": "The first paragraph is here.\nThe second paragraph follows.\n",
        "content/articles/a/claims/c.yaml": CLAIM,
        "docs/index.md": "# Home\n\nRead the [articles](articles/index.md).\n",
        "docs/about/methodology.md": "# How we work\n\n## Labels\n\nText.\n",
        "docs/about/who-we-are.md": "# Who we are\n\n## Suggest a correction\n\nWrite to us.\n",
    })
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[:config.index("nav:")]  # the pages above, found by MkDocs
    config = config.replace("plugins:\n  - search\n", "use_directory_urls: false\n\nplugins:\n  - search\n  - offline\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_every_generated_page_is_a_file_and_links_to_files(offline_copy: Path) -> None:
    """Read without a browser first: each link of each page kind names a file that exists."""
    import re

    for page in PAGE_KINDS:
        html = (offline_copy / page).read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"]+)"', html):
            if href.startswith(("http://", "https://", "#", "mailto:", "javascript:")):
                continue
            target = (offline_copy / page).parent.joinpath(unquote(href.split("#")[0]))
            assert target.resolve().is_file(), (page, href)


@pytest.mark.browser
def test_an_offline_copy_opened_from_disk_follows_every_link(offline_copy: Path, browser) -> None:
    page = browser.new_page()
    followed: set[str] = set()
    for kind in PAGE_KINDS:
        page.goto((offline_copy / kind).as_uri())
        links = page.eval_on_selector_all(".ex a[href], .ex-note a[href]", "els => els.map(e => e.href)")
        assert links, kind
        for href in links:
            if not href.startswith("file://"):
                continue
            path = Path(unquote(urlsplit(href).path))
            assert path.is_file(), (kind, href)  # never a folder listing
            fragment = urlsplit(href).fragment
            key = f"{path}#{fragment}"
            if key in followed:
                continue
            followed.add(key)
            page.goto(href)
            assert page.locator("h1").count() >= 1, href
            if fragment:
                assert page.locator(f"[id='{fragment}']").count() == 1, href
    kinds = {Path(key.split("#")[0]).relative_to(offline_copy).as_posix() for key in followed}
    # The generated pages reach one another and the hand-written ones.
    assert {"about/who-we-are.html", "about/methodology.html", "index.html", "glossary/index.html",
            "articles/a/index.html", "articles/a/claims/c/index.html", "organizations/acme/index.html",
            "techniques/loaded-language/index.html"} <= kinds
