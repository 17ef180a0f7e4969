"""Rebuilds that reuse the last build's reading and rendering (a preview's memo) give exactly what a
fresh build gives, problems included, after every kind of edit; and the memo stays bounded."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.adapters.mkdocs_site import page_source, source_files
from generator.memo import Memo
from generator.pipeline import build_site
from generator.render import RenderOptions
from generator.render.indexes import build_indexes
from generator.render.templates import TemplateFolders

from helpers import EXAMPLE_CONTENT, REPO

ARTICLE = "articles/lavrov-idlib-warning"
CARD = f"{ARTICLE}/claims/naval-build-up.yaml"
EDITS = [
    ("card text", CARD, "largest naval force", "largest naval fleet"),
    ("card moves organization", CARD, "organization: izvestia", "organization: rt"),
    ("broken YAML", CARD, "assessment: misattributed", "assessment: [misattributed"),
    ("fixed again", CARD, "assessment: [misattributed", "assessment: misattributed"),
    ("invalid value", CARD, "assessment: misattributed", "assessment: wrong"),
    ("quote no longer found", CARD, "quote: Russia now says", "quote: Russia now claims"),
    ("organization renamed", "organizations.yaml", "name: North Atlantic Treaty Organization (NATO)",
     "name: NATO"),
    ("technique renamed", "techniques.yaml", "name: Loaded language", "name: Loaded words"),
    ("article title", f"{ARTICLE}/article.yaml", "title: ", "title: Edited: "),
    ("original text", f"{ARTICLE}/original.txt", "Idlib", "Idleb"),
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE_CONTENT, tmp_path / "content")
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    return tmp_path


def builds(project: Path, memo: Memo):
    """A rebuild with ``memo`` and a fresh build, each with the files it generates."""
    args = (project / "content", TemplateFolders(project / "templates"), RenderOptions())
    reused = build_site(*args, memo, page_source, preview=True)
    fresh = build_site(*args, Memo(), page_source, preview=True)
    return (reused, source_files(reused)), (fresh, source_files(fresh))


def test_each_rebuild_equals_a_fresh_build(project: Path) -> None:
    memo = Memo()
    builds(project, memo)
    for name, relative, old, new in EDITS:
        path = project / "content" / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, name
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        (reused, reused_files), (fresh, fresh_files) = builds(project, memo)
        assert reused.problems.lines() == fresh.problems.lines(), name
        assert reused_files == fresh_files, name


def test_a_card_edit_renders_only_the_pages_that_show_the_card(project: Path) -> None:
    other = project / "content/articles/a-second-article"
    shutil.copytree(project / "content" / ARTICLE, other)
    memo = Memo()
    (first, _), _ = builds(project, memo)
    site = first.site
    edited = next(c for c in site.article(ARTICLE.split("/")[1]).cards if c.id == "naval-build-up")
    indexes = build_indexes(site)
    profiles = [org for org, a in indexes.organizations.items()
                if edited in a.claims or edited in [c for c, _ in a.statements + a.evidence]
                or site.article(edited.article_id) in a.published]
    techniques = [t for t, cards in indexes.techniques.items() if edited in cards]
    card = project / "content" / CARD
    card.write_text(card.read_text(encoding="utf-8").replace("largest naval force", "largest naval fleet"),
                    encoding="utf-8")
    builds(project, memo)
    # Its article's reading page, exercise, teacher guide and claim pages; the profiles and
    # techniques that list this card (or publish its article); the five index pages. Nothing of
    # the other article, nor the profiles that list only other cards.
    article_pages = 3 + len(site.article(edited.article_id).cards)
    assert 0 < len(profiles) < len(site.organizations) / 4 and techniques
    assert memo.made['page'] == article_pages + len(profiles) + len(techniques) + 5
    builds(project, memo)
    assert memo.made['page'] == 5  # nothing changed: only the five index pages, which list everything


def test_a_template_edit_renders_everything_again(project: Path) -> None:
    memo = Memo()
    builds(project, memo)
    everything = memo.made['page']
    template = project / "templates/claim.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    builds(project, memo)
    assert memo.made['page'] == everything


def test_a_long_preview_session_forgets_deleted_files_and_pages(project: Path) -> None:
    memo = Memo()
    builds(project, memo)
    card = project / "content" / CARD
    page = "/articles/lavrov-idlib-warning/claims/naval-build-up/"
    assert {("yaml", card), ("page", page), ("quote", card)} <= memo.kept()
    card.unlink()
    builds(project, memo)
    builds(project, memo)
    assert not [key for key in memo.kept() if card in key or page in key]


def test_after_many_edits_the_memo_holds_no_more_than_a_fresh_build_makes(project: Path) -> None:
    memo = Memo()
    card = project / "content" / CARD
    for round in range(6):
        text = card.read_text(encoding="utf-8")
        card.write_text(text.replace("largest naval", f"largest ({round}) naval", 1), encoding="utf-8")
        builds(project, memo)
    builds(project, memo)  # nothing changed since the last edit: the old versions go
    fresh = Memo()
    build_site(project / "content", TemplateFolders(project / "templates"), RenderOptions(), fresh, page_source, preview=True)
    assert 0 < len(memo.kept()) <= len(fresh.kept())


def test_an_edit_that_keeps_the_size_and_modification_time_is_still_seen(project: Path) -> None:
    """Unchanged files are recognised by their size, times and inode without being read: an edit
    that keeps the size and sets the modification time back still changes the change time."""
    memo = Memo()
    builds(project, memo)
    card = project / "content" / CARD
    before = card.stat()
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("largest naval force", "largest naval farce"), encoding="utf-8")
    os.utime(card, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert card.stat().st_size == before.st_size and card.stat().st_mtime_ns == before.st_mtime_ns
    (_, reused_files), (_, fresh_files) = builds(project, memo)
    assert reused_files == fresh_files
    assert "largest naval farce" in str(reused_files["articles/lavrov-idlib-warning/claims/naval-build-up/index.md"])
