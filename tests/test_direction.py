"""Direction controls in card text cannot reorder the page around them, and never reach a link."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import serve_directory, visit
from helpers import MINIMAL_ARTICLE, MINIMAL_CLAIM, make_project, minimal_content, mkdocs, problem_lines

RLO = "\u202e"
ARTICLE = MINIMAL_ARTICLE.replace("title: A test article", f'title: "{RLO}Evil title"') + f"""\
timeline:
  - {{date: 2019-01-01, text: "{RLO}Later events", url: https://example.org/later}}
  - {{date: 2019-02-01, text: "&#x202E;Written as an entity", url: https://example.org/later}}
"""
CLAIM = MINIMAL_CLAIM.replace("claim: Something was said.", f'claim: "{RLO}Something was said."')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("direction")
    content = minimal_content(root / "content", articles__a__article_DOT_yaml=ARTICLE,
                              articles__a__claims__c_DOT_yaml=CLAIM)
    project = make_project(root / "project", content)
    result = mkdocs("build", "--strict", "-d", str(root / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_titles_and_descriptions_hold_the_override_inside_an_isolate(site: Path) -> None:
    for page in ("articles/a/index.html", "articles/a/claims/c/index.html"):
        head = (site / page).read_text(encoding="utf-8").split("</head>")[0]
        assert RLO in head and f"\u2068{RLO}" in head, page
        for line in head.splitlines():
            if RLO in line and ("<title>" in line or "content=" in line):
                assert line.count("\u2068") >= 1 and line.count("\u2069") >= 1, line


def test_links_after_card_text_read_the_right_way_round(browser, site: Path) -> None:
    with serve_directory(site) as url, visit(browser, f"{url}/articles/a/", javascript=False) as v:
        links = v.page.locator(".ex-timeline a.ex-external")
        assert links.count() == 2  # after a raw override, and after one written as an entity
        for link in links.all():
            assert link.get_attribute("href") == "https://example.org/later"  # no isolate in the address
            left_to_right = link.evaluate("""a => {
                const text = a.firstChild, range = document.createRange();
                const x = i => { range.setStart(text, i); range.setEnd(text, i + 1);
                                 return range.getBoundingClientRect().left; };
                return x(0) < x(5);
            }""")
            assert left_to_right  # "Source", not "ecruoS"
        v.assert_clean()


@pytest.mark.parametrize("character", ["\u202e", "\u200b", "\u2066", "\ufeff", "\u3164", "\U000e0041", "\u0600",
                                       "\ufe0f", "\u2800", "\u034f", "\ue000"])
def test_addresses_holding_invisible_or_direction_controls_are_refused(tmp_path: Path, character: str) -> None:
    article = MINIMAL_ARTICLE.replace("https://example.org/article", f"https://example.org/{character}article")
    claim = MINIMAL_CLAIM.replace("context: Some context.", f"context: See [this](https://example.org/{character}x).")
    lines = problem_lines(minimal_content(tmp_path / "content", articles__a__article_DOT_yaml=article,
                                          articles__a__claims__c_DOT_yaml=claim))
    code = f"U+{ord(character):04X}"
    assert lines == [
        f"content/articles/a/article.yaml:3:6: `url` this address holds an invisible or direction-control "
        f"character ({code}): type the address again, or copy it from the browser's address bar",
        f"content/articles/a/claims/c.yaml:5:10: `context` a link in this text holds an invisible or "
        f"direction-control character ({code}): type the address again",
    ]


@pytest.mark.parametrize("link", ["<https://example.org/&#x202E;moc>", "[x](https://example.org/&#x202e;moc)",
                                  "[x][r]\n\n[r]: https://example.org/&#8238;moc"])
def test_a_direction_control_written_as_an_entity_in_a_link_is_refused(tmp_path: Path, link: str) -> None:
    claim = MINIMAL_CLAIM + "analysis: |\n" + "".join(f"  {line}\n" for line in link.splitlines())
    lines = problem_lines(minimal_content(tmp_path / "content", articles__a__claims__c_DOT_yaml=claim))
    assert lines == ["content/articles/a/claims/c.yaml:6:11: `analysis` a link in this text holds an invisible or "
                     "direction-control character (U+202E): type the address again"]
