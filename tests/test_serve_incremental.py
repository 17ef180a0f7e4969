"""``mkdocs serve`` rebuilds only the generated pages a change touches, yet after every kind of change
each page it serves, and its search index, is exactly what a fresh ``mkdocs build`` makes."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import fetch, make_project, mkdocs, mkdocs_serve, wait_for

pytestmark = pytest.mark.serve

ARTICLE = "lavrov-idlib-warning"
LIVERELOAD = re.compile(r"<script>(?:(?!</script>).)*</script>(?=</body>)", re.S)
BUILT = re.compile(r"explainer: (\d+) generated pages built, (\d+) unchanged")


class Session:
    def __init__(self, base: str, project: Path, log: Path, scratch: Path) -> None:
        self.base, self.project, self.log, self.scratch = base, project, log, scratch

    def builds(self) -> list[tuple[int, int]]:
        return [(int(a), int(b)) for a, b in BUILT.findall(self.log.read_text())]

    def edit(self, relative: str, old: str, new: str) -> tuple[int, int]:
        """Change one file and wait for the rebuild; returns (pages built, pages reused)."""
        path = self.project / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, (relative, old)
        before = len(self.builds())
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        assert wait_for(lambda: len(self.builds()) > before, 60), self.log.read_text()[-3000:]
        self.settle()
        return self.builds()[-1]

    def settle(self) -> None:
        """A save can start a second build: wait until none has started for a second."""
        while True:
            count = len(self.builds())
            if not wait_for(lambda count=count: len(self.builds()) > count, 1.0):
                return

    def assert_same_as_fresh_build(self) -> None:
        fresh = self.scratch / f"fresh-{len(self.builds())}"
        result = mkdocs("build", "-d", str(fresh), cwd=self.project, env={"SITE_URL": self.base + "/"})
        assert result.returncode == 0, result.stderr
        pages = sorted(p.relative_to(fresh).as_posix() for p in fresh.rglob("*.html"))
        for page in pages:
            served = fetch(f"{self.base}/{page}")
            assert served is not None, page
            assert LIVERELOAD.sub("", served) == (fresh / page).read_text(encoding="utf-8"), page
        for data in ("search/search_index.json", "claims.json", "annotations.jsonld"):
            assert fetch(f"{self.base}/{data}") == (fresh / data).read_text(encoding="utf-8"), data


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    project = make_project(tmp_path / "project", own_templates=True)
    log = tmp_path / "serve.log"
    with mkdocs_serve(project, log) as base:
        session = Session(base, project, log, tmp_path)
        # Served means watching: the server starts watching files before it starts serving.
        assert wait_for(lambda: fetch(base + "/") is not None, 120), log.read_text()
        yield session


def test_a_saved_card_rebuilds_only_what_shows_it_and_every_page_is_right(session: Session) -> None:
    total = sum(session.builds()[0])
    card = f"content/articles/{ARTICLE}/claims/naval-build-up.yaml"

    built, reused = session.edit(card, "largest naval force", "largest naval fleet")
    assert built < total / 3 and built + reused == total
    assert "largest naval fleet" in (fetch(f"{session.base}/organizations/izvestia/") or "")
    session.assert_same_as_fresh_build()

    # The card moves to another organization: it leaves one profile and joins the other.
    session.edit(card, "organization: izvestia", "organization: rt")
    session.assert_same_as_fresh_build()

    # A card is deleted: its page is gone, and so is every mention of it.
    (session.project / f"content/articles/{ARTICLE}/claims/final-touches.yaml").unlink()
    assert wait_for(lambda: fetch(f"{session.base}/articles/{ARTICLE}/claims/final-touches/") is None)
    session.settle()
    session.assert_same_as_fresh_build()


def test_shared_files_and_templates_rebuild_what_they_feed(session: Session) -> None:
    session.edit("content/organizations.yaml", "name: North Atlantic Treaty Organization (NATO)",
                 "name: North Atlantic Treaty Organization")
    session.assert_same_as_fresh_build()

    _, reused = session.edit("templates/claim.html", "</h1>", "</h1>\n<p>Edited template.</p>")
    assert reused == 0  # a template change rebuilds everything
    session.assert_same_as_fresh_build()

    session.edit("docs/about/who-we-are.md", "# ", "# Edited: ")
    session.assert_same_as_fresh_build()


def test_articles_come_and_go(session: Session) -> None:
    articles = session.project / "content/articles"
    before = len(session.builds())
    shutil.copytree(articles / ARTICLE, articles / "a-copy")
    assert wait_for(lambda: fetch(f"{session.base}/articles/a-copy/") is not None, 60)
    assert wait_for(lambda: len(session.builds()) > before, 10)
    session.settle()
    session.assert_same_as_fresh_build()

    shutil.rmtree(articles / ARTICLE)
    assert wait_for(lambda: fetch(f"{session.base}/articles/{ARTICLE}/") is None, 60)
    session.settle()
    session.assert_same_as_fresh_build()
