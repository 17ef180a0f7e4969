"""Hostile cards cannot hurt readers: a site built from cards full of payloads runs no script of
theirs, opens no dialog and gains no element, with risky Markdown extensions switched on."""

from __future__ import annotations

import json
import re

import pytest

from browser import serve_directory, visit
from helpers import FIXTURES, make_project, mkdocs

RISKY_EXTENSIONS = "markdown_extensions:\n  - attr_list\n  - md_in_html\n  - pymdownx.snippets\n"
PAGES = [
    "/articles/", "/articles/payload/", "/articles/payload/claims/script-quote/",
    "/articles/payload/claims/breakout/", "/organizations/", "/organizations/evil/", "/techniques/",
    "/techniques/xss/", "/glossary/", "/corrections/",
]
INJECTED = "#pwned, [onerror], [onload], [onclick], [onmouseover], [onfocus], [ontoggle], iframe, object, embed"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory):
    project = make_project(tmp_path_factory.mktemp("hostile") / "project", FIXTURES / "hostile")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("markdown_extensions:\n", RISKY_EXTENSIONS),
                      encoding="utf-8")
    result = mkdocs("build", "--strict", "-d", "site", cwd=project)
    assert result.returncode == 0, result.stderr
    with serve_directory(project / "site") as url:
        yield url, project / "site"


@pytest.mark.parametrize("path", PAGES)
def test_payloads_stay_text(browser, hostile_site, path: str) -> None:
    url, _ = hostile_site
    dialogs: list[str] = []
    with visit(browser, url + path) as v:
        v.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        v.page.wait_for_timeout(200)
        assert v.page.evaluate("window.__pwned") is None
        assert v.page.evaluate(f"document.querySelectorAll({json.dumps(INJECTED)}).length") == 0
        assert dialogs == []
        hrefs = v.page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
        assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:", "vbscript:"))]
        v.assert_clean()


def test_payload_text_is_shown_as_typed(browser, hostile_site) -> None:
    url, _ = hostile_site
    with visit(browser, url + "/articles/payload/") as v:
        text = v.page.locator(".ex-text").inner_text()
        assert "<script>window.__pwned='original'</script>" in text
        assert v.page.locator("h1").first.inner_text().startswith("</title><script>")


def test_json_ld_cannot_be_closed_early(hostile_site) -> None:
    _, site = hostile_site
    html = (site / "articles/payload/claims/script-quote/index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["claimReviewed"] == "</script><script>window.__pwned='jsonld'</script>"


def test_titles_and_descriptions_cannot_break_out_of_the_head(hostile_site) -> None:
    _, site = hostile_site
    html = (site / "articles/payload/index.html").read_text(encoding="utf-8")
    head = html.split("</head>")[0]
    assert head.count("<script") == head.count("</script>")
    assert "window.__pwned" not in re.sub(r"<title>.*?</title>|content=\"[^\"]*\"", "", head, flags=re.S)


def test_direction_overrides_are_isolated(hostile_site) -> None:
    _, site = hostile_site
    html = (site / "techniques/index.html").read_text(encoding="utf-8")
    assert "\u2068\u202eEvil technique" in html
    assert "\u202eEvil technique &lt;svg onload=window.__pwned=1&gt;\u2069" in html
