"""Every page kind passes axe-core with zero violations at both widths, in light and dark palettes,
Material's own chrome included, and loads nothing from another host."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser import NARROW, WIDE, visit

EXAMPLE_PAGES = [
    "/", "/articles/", "/articles/lavrov-idlib-warning/",
    "/articles/lavrov-idlib-warning/claims/saraqib-chemical-delivery/",
    "/organizations/", "/organizations/nato/", "/techniques/", "/techniques/loaded-language/",
    "/glossary/", "/corrections/", "/about/methodology/", "/about/how-to-read/", "/404.html",
]
FIXTURE_PAGES = [
    "/articles/nested/", "/articles/nested/claims/outer/", "/articles/arabic/", "/articles/hebrew/",
    "/articles/statement/",
    "/organizations/agency/", "/corrections/",
]
AXE = Axe()
# What waits behind each note's "Read more" is checked too.
OPEN_NOTES = "document.querySelectorAll('details.ex-note-more').forEach(d => { d.open = true; })"


def report(results) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
        for v in results.response["violations"]
    )


PAGES = [("example_url", path) for path in EXAMPLE_PAGES] + [("fixture_url", path) for path in FIXTURE_PAGES]


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("width", [WIDE, NARROW])
@pytest.mark.parametrize(("site", "path"), PAGES, ids=[f"{s.split('_')[0]}{p}" for s, p in PAGES])
def test_every_page_kind_has_no_axe_violations(browser, request: pytest.FixtureRequest, site: str, path: str,
                                               width: int, dark: bool) -> None:
    with visit(browser, request.getfixturevalue(site) + path, width, dark=dark) as v:
        v.page.evaluate(OPEN_NOTES)
        results = AXE.run(v.page, options={"rules": {"target-size": {"enabled": True}}})  # off by default
        assert results.violations_count == 0, report(results)
        v.assert_clean()


# The links and controls of generated pages that stand on their own, outside running text.
STANDALONE = (".ex a.ex-ref, .ex-note-links a, .ex-page-tools a, .ex-pager a, .ex-modes a, .ex-kicker a, "
              ".ex-closed-note > summary, .ex-note-more > summary, .ex-note-tags a, .ex-list a")


@pytest.mark.parametrize("width", [WIDE, NARROW])
@pytest.mark.parametrize(("site", "path"), PAGES, ids=[f"{s.split('_')[0]}{p}" for s, p in PAGES])
def test_every_control_is_a_fingertip_target(browser, request: pytest.FixtureRequest, site: str, path: str,
                                             width: int) -> None:
    """WCAG 2.2 (2.5.8): 24 by 24 CSS px, measured on each control's box."""
    with visit(browser, request.getfixturevalue(site) + path, width) as v:
        v.page.evaluate(OPEN_NOTES)
        boxes = v.page.eval_on_selector_all(STANDALONE, """els => els.filter(e => e.getClientRects().length)
            .map(e => { const r = e.getBoundingClientRect(); return [e.outerHTML.slice(0, 90), r.width, r.height]; })""")
        small = [box for box in boxes if box[1] < 24 or box[2] < 24]
        assert small == [], small


def test_footer_text_meets_contrast(browser, example_url: str) -> None:
    with visit(browser, example_url + "/") as v:
        assert v.page.locator(".md-copyright").is_visible()
        # Material's own "Made with Material for MkDocs" line, shown when `extra.generator` is on,
        # sits directly in .md-copyright in its lightest footer colour (4.47:1 before our fix).
        v.page.evaluate("document.querySelector('.md-copyright').insertAdjacentHTML('beforeend', "
                        "'Made with <a href=\\'#\\'>Material for MkDocs</a>')")
        results = AXE.run(v.page, context=".md-footer", options={"runOnly": ["color-contrast"]})
        assert results.violations_count == 0, report(results)


def test_search_dialog_has_a_name(browser, example_url: str) -> None:
    with visit(browser, example_url + "/") as v:
        assert v.page.get_attribute(".md-search", "aria-label") == "Search"


def test_dark_palette_is_applied(browser, example_url: str) -> None:
    with visit(browser, example_url + "/articles/lavrov-idlib-warning/", dark=True) as v:
        assert v.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"


@pytest.mark.parametrize(("path", "lang", "direction"), [
    ("/articles/arabic/", "ar", "rtl"), ("/articles/hebrew/", "he", "rtl"), ("/articles/nested/", "en", "ltr"),
])
def test_original_text_carries_its_language_and_direction(browser, fixture_url: str, path: str, lang: str,
                                                          direction: str) -> None:
    with visit(browser, fixture_url + path) as v:
        paragraphs = v.page.locator(".ex-para")
        assert paragraphs.count() > 0
        for index in range(paragraphs.count()):
            assert paragraphs.nth(index).get_attribute("lang") == lang
            assert paragraphs.nth(index).evaluate("p => getComputedStyle(p).direction") == direction
        assert v.page.evaluate("document.documentElement.lang") == "en"  # the site's own language
