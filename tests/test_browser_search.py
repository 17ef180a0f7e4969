"""Search works, but a reader who never searches never downloads the search index: the first visit
to a page stays the same size however many articles the site holds."""

from __future__ import annotations

from browser import visit

INDEX = "search/search_index.json"


def index_requests(v) -> list[str]:
    return [url for url in v.requested if url.endswith(INDEX)]


def test_a_first_visit_does_not_download_the_search_index(browser, example_url: str) -> None:
    with visit(browser, example_url + "/articles/lavrov-idlib-warning/") as v:
        v.page.wait_for_load_state("networkidle")
        v.page.wait_for_timeout(300)
        assert index_requests(v) == []
        v.assert_clean()


def test_opening_search_downloads_the_index_and_finds_text(browser, example_url: str) -> None:
    with visit(browser, example_url + "/articles/lavrov-idlib-warning/") as v:
        v.page.wait_for_load_state("networkidle")
        v.page.keyboard.press("/")
        v.page.keyboard.type("abscess")
        result = v.page.locator(".md-search-result__item").first
        result.wait_for(state="visible", timeout=10_000)
        assert "abscess" in result.inner_text().lower()
        assert len(index_requests(v)) == 1
        v.assert_clean()


def test_the_search_button_downloads_the_index(browser, example_url: str) -> None:
    with visit(browser, example_url + "/organizations/nato/", width=390) as v:
        v.page.wait_for_load_state("networkidle")
        assert index_requests(v) == []
        v.page.locator("label[for=__search]").first.click()
        v.page.wait_for_load_state("networkidle")
        assert len(index_requests(v)) == 1
        v.assert_clean()


def test_arriving_from_a_search_result_highlights_the_terms(browser, example_url: str) -> None:
    with visit(browser, example_url + "/articles/lavrov-idlib-warning/?h=abscess") as v:
        v.page.locator("mark[data-md-highlight]").first.wait_for(timeout=10_000)
        assert len(index_requests(v)) == 1
        v.assert_clean()
