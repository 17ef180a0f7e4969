"""``mkdocs serve``: a real server on a free loopback port rebuilds on content and template changes
and keeps serving while a card is broken."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import fetch, make_project, mkdocs_serve, wait_for

pytestmark = pytest.mark.serve

ARTICLE = "lavrov-idlib-warning"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    project = make_project(tmp_path / "project", own_templates=True)
    log = tmp_path / "serve.log"
    with mkdocs_serve(project, log) as base:
        assert wait_for(lambda: fetch(base + "/") is not None), log.read_text()
        yield base, project, log


def test_serve_rebuilds_keeps_serving_a_broken_card_and_recovers(server: tuple[str, Path, Path]) -> None:
    base, project, log = server
    page = f"{base}/articles/{ARTICLE}/"
    card = project / "content/articles" / ARTICLE / "claims/naval-build-up.yaml"
    original = card.read_text(encoding="utf-8")
    assert 'id="claim-naval-build-up"' in (fetch(page) or "")

    card.write_text(original.replace("assessment: misattributed", "assessment: wrong"), encoding="utf-8")
    line = (f"content/articles/{ARTICLE}/claims/naval-build-up.yaml:8:13: `assessment` must be one of: "
            "accurate, misleading, misattributed, unsupported, false, opinion; `wrong` is not")
    assert wait_for(lambda: line in log.read_text()), log.read_text()
    # The page the card belongs to shows the same line; the rest of the article still renders.
    assert wait_for(lambda: 'role="alert"' in (fetch(page) or ""))
    html = fetch(page) or ""
    assert line.replace("`", "") in html.replace("<code>", "").replace("</code>", "").replace("`", "")
    assert 'id="claim-festering-abscess"' in html and 'id="claim-naval-build-up"' not in html
    assert fetch(f"{base}/organizations/nato/") is not None  # the rest of the site keeps serving

    card.write_text(original.replace("largest naval force", "largest naval fleet"), encoding="utf-8")
    assert wait_for(lambda: "largest naval fleet" in (fetch(page) or "")), log.read_text()
    assert 'role="alert"' not in (fetch(page) or "")  # fixed without a restart


def test_serve_reloads_on_template_change(server: tuple[str, Path, Path]) -> None:
    base, project, _ = server
    template = project / "templates/glossary.html"
    template.write_text(template.read_text(encoding="utf-8").replace('<h1>{{ _("Glossary") }}</h1>', "<h1>Word list</h1>"),
                        encoding="utf-8")
    assert wait_for(lambda: "<h1>Word list</h1>" in (fetch(f"{base}/glossary/") or ""))
    template.unlink()  # the site's template is gone: the packaged default shows again
    assert wait_for(lambda: "<h1>Glossary</h1>" in (fetch(f"{base}/glossary/") or ""))


def test_serve_survives_a_broken_template_and_names_it(server: tuple[str, Path, Path]) -> None:
    base, project, log = server
    template = project / "templates/technique.html"
    good = template.read_text(encoding="utf-8")
    template.write_text(good.replace("{{ technique.name }}", "{{ technique.nmae }}", 1), encoding="utf-8")
    assert wait_for(lambda: "templates/technique.html:" in log.read_text()), log.read_text()
    page = fetch(f"{base}/techniques/loaded-language/") or ""
    assert 'role="alert"' in page and "templates/technique.html:" in page and "nmae" in page
    assert 'id="claim-naval-build-up"' in (fetch(f"{base}/articles/{ARTICLE}/") or "")
    template.write_text(good, encoding="utf-8")
    assert wait_for(lambda: 'role="alert"' not in (fetch(f"{base}/techniques/loaded-language/") or ""))


def test_serve_stands_in_for_an_article_that_cannot_be_shown(server: tuple[str, Path, Path]) -> None:
    base, project, _ = server
    meta = project / "content/articles" / ARTICLE / "article.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("publisher: zerohedge", "publisher: 7"),
                    encoding="utf-8")
    expected = f"content/articles/{ARTICLE}/article.yaml:2:12: `publisher` must be text"
    assert wait_for(lambda: expected in (fetch(f"{base}/articles/{ARTICLE}/") or ""))
    assert expected in (fetch(f"{base}/articles/") or "")
