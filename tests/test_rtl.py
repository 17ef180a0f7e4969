"""Right-to-left sites: an Arabic site made with `explainer new site --language ar`, holding an
Arabic and an English article, reads mirrored at both widths and in print, and each article's text
keeps its own language and direction."""

from __future__ import annotations

import re
import shutil
from itertools import pairwise
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from test_browser_reading import BOXES, MARGIN, NO_SIDEWAYS_SCROLL, assert_margin_rule

from generator.render.text import text_direction

from browser import NARROW, WIDE, serve_directory, visit
from helpers import FIXTURES, REPO, explainer, mkdocs

ARTICLES = {"/articles/mayor-ar/": ("ar", "rtl"), "/articles/water-en/": ("en", "ltr")}
PAGE_KINDS = [
    "/", "/articles/", *ARTICLES, "/articles/mayor-ar/claims/full/", "/articles/water-en/claims/historic/",
    "/articles/mayor-ar/exercise/", "/articles/water-en/teacher/", "/organizations/",
    "/organizations/water-board/", "/techniques/", "/techniques/vague-attribution/", "/glossary/",
    "/corrections/", "/about/how-to-read/", "/about/methodology/", "/about/who-we-are/",
]
OPEN_NOTES = "document.querySelectorAll('details.ex-note-more').forEach(d => { d.open = true; })"
# A physical side in a rule: each needs its logical twin (inline-start, inline-end) instead.
PHYSICAL_SIDE = re.compile(r"(?:margin|padding|border|inset)-(?:left|right)|(?<![-\w])(?:left|right)\s*:"
                           r"|(?:float|text-align|clear)\s*:\s*(?:left|right)")


def test_the_stylesheet_and_the_placement_script_name_no_physical_side() -> None:
    """One stylesheet serves both directions: a `left` in it would stay left on an Arabic page."""
    css = (REPO / "templates/assets/explainer.css").read_text(encoding="utf-8")
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    assert PHYSICAL_SIDE.findall(rules) == []
    assert "inset-inline-start" in rules and "border-inline-start" in rules
    script = (REPO / "templates/assets/margin.js").read_text(encoding="utf-8")
    assert re.findall(r"\.(?:left|right|offsetLeft|scrollLeft)\b|\b(?:left|right)\s*:", script) == []


def test_the_rule_finds_a_physical_side() -> None:
    found = PHYSICAL_SIDE.findall(".a { margin-left: 0 } .b { left: 2px } .c { float: right } .d { inset-inline-start: 0 }")
    assert found == ["margin-left", "left:", "float: right"]


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new Arabic site with the fixture's content, built with `mkdocs build --strict`."""
    root = tmp_path_factory.mktemp("rtl")
    made = explainer("new", "site", "site", "--language", "ar", "--generator-url", "https://git.example.org/x",
                     cwd=root)
    assert made.returncode == 0, made.stderr
    shutil.rmtree(root / "site" / "content")
    shutil.copytree(FIXTURES / "arabic-site", root / "site" / "content")
    built = mkdocs("build", "--strict", "-d", str(root / "built"), cwd=root / "site")
    assert built.returncode == 0, built.stderr
    return root / "built"


@pytest.fixture(scope="module")
def arabic_url(arabic_site: Path):
    with serve_directory(arabic_site) as url:
        yield url


def test_every_page_says_arabic_right_to_left_and_each_article_text_its_own(arabic_site: Path) -> None:
    for html_file in sorted(arabic_site.rglob("*.html")):
        tag = re.search(r"<html\b[^>]*>", html_file.read_text(encoding="utf-8"))[0]
        assert ' lang="ar"' in tag and ' dir="rtl"' in tag, (html_file, tag)
    for path, (language, direction) in ARTICLES.items():
        page = (arabic_site / path.strip("/") / "index.html").read_text(encoding="utf-8")
        paragraphs = re.findall(r'<div class="ex-para" lang="([^"]+)" dir="([^"]+)">', page)
        assert paragraphs and set(paragraphs) == {(language, direction)}, path


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("path", list(ARTICLES))
def test_wide_screens_set_the_margin_on_the_left(browser, arabic_url: str, path: str, javascript: bool) -> None:
    with visit(browser, arabic_url + path, WIDE, javascript=javascript) as v:
        page = v.page
        assert page.evaluate("[document.documentElement.dir, getComputedStyle(document.body).direction]") \
            == ["rtl", "rtl"]
        language, direction = ARTICLES[path]
        assert page.eval_on_selector_all(".ex-para", "ps => ps.map(p => [p.lang, getComputedStyle(p).direction])") \
            == [[language, direction]] * page.locator(".ex-para").count()
        if javascript:
            margin = page.evaluate(MARGIN)
            assert len(margin["notes"]) == page.locator(".ex-note").count() > 2
            assert_margin_rule(margin, rtl=True)
            for upper, lower in pairwise(margin["paras"]):  # the text runs on as one column
                assert abs(lower["top"] - upper["bottom"] - upper["spacing"]) <= 1, (upper, lower)
        else:
            for row in page.evaluate(BOXES):
                para, notes = row["para"], row["notes"]
                assert abs(notes[0]["top"] - para["top"]) <= 2, row
                assert all(note["right"] <= para["left"] for note in notes), row  # beside it, on its left
                assert all(a["bottom"] <= b["top"] for a, b in pairwise(notes)), row
        # Mirrored details: the note's rule and its number stand on its right, toward the text.
        rule = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('.ex-note'));
            return [parseFloat(s.borderRightWidth), parseFloat(s.borderLeftWidth)]; }""")
        assert rule[0] > 0 and rule[1] == 0
        number, note = (page.locator(".ex-note .ex-back").first.bounding_box(),
                        page.locator(".ex-note").first.bounding_box())
        assert note["x"] + note["width"] - (number["x"] + number["width"]) < 20
        assert page.evaluate(NO_SIDEWAYS_SCROLL)
        v.assert_clean()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("path", list(ARTICLES))
def test_phones_put_each_note_after_its_paragraph(browser, arabic_url: str, path: str, javascript: bool) -> None:
    with visit(browser, arabic_url + path, NARROW, javascript=javascript) as v:
        rows = v.page.evaluate(BOXES)
        assert rows
        for row in rows:
            para, notes = row["para"], row["notes"]
            assert notes[0]["top"] >= para["bottom"] - 1, row
            assert all(note["left"] >= 0 and note["right"] <= NARROW for note in notes), row
            assert all(a["bottom"] <= b["top"] for a, b in pairwise(notes)), row
        assert v.page.evaluate(NO_SIDEWAYS_SCROLL)
        v.assert_clean()


@pytest.mark.parametrize("path", list(ARTICLES))
def test_each_passage_links_to_its_note_and_back(browser, arabic_url: str, path: str) -> None:
    with visit(browser, arabic_url + path, WIDE) as v:
        page = v.page
        claims = page.eval_on_selector_all(".ex-note", "notes => notes.map(n => n.id.slice(6))")
        assert len(claims) >= 4
        for claim in claims:
            page.click(f'mark#passage-{claim} > a.ex-ref[href="#claim-{claim}"]')
            assert page.evaluate("location.hash") == f"#claim-{claim}"
            assert page.locator(f"#claim-{claim}").evaluate("n => n.matches(':target')")
            margin = page.evaluate(MARGIN)
            assert_margin_rule(margin, pinned=f"claim-{claim}", rtl=True)  # level with its passage
            page.locator(f"#claim-{claim} a.ex-back").click()
            assert page.evaluate("location.hash") == f"#passage-{claim}"
            assert page.locator(f"#passage-{claim}").evaluate(
                "m => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
        v.assert_clean()


# Each quoted passage's rule, as [left, right] widths: at the start of its own text's direction.
RULES = """sel => [...document.querySelectorAll(sel)].map(q => { const s = getComputedStyle(q);
  return [parseFloat(s.borderLeftWidth), parseFloat(s.borderRightWidth)]; })"""


@pytest.mark.parametrize(("path", "selector", "rule"), [
    ("/articles/water-en/", ".ex-para blockquote", "left"),  # an English quotation on an Arabic page
    ("/articles/water-en/claims/historic/", "blockquote.ex-para", "left"),
    ("/articles/mayor-ar/claims/full/", "blockquote.ex-para", "right"),
    ("/articles/water-en/", ".ex-note blockquote", "right"),  # a quotation in an Arabic note
])
def test_a_quotation_has_one_rule_at_the_start_of_its_own_text(browser, arabic_url: str, path: str,
                                                                selector: str, rule: str) -> None:
    with visit(browser, arabic_url + path, WIDE) as v:
        v.page.evaluate(OPEN_NOTES)
        rules = v.page.evaluate(RULES, selector)
        assert rules, selector
        for left, right in rules:
            assert (left > 0, right > 0) == (rule == "left", rule == "right"), rules
        v.assert_clean()


def test_lists_of_names_and_dates_use_the_languages_comma(arabic_site: Path) -> None:
    """"،" between the parts of a byline, a kind and a country, a source and its date."""
    def text(path: str) -> str:
        return (arabic_site / path.strip("/") / "index.html").read_text(encoding="utf-8")
    pdi, fsi = "\u2069", "\u2068"  # the isolates around each value
    assert f"صحيفة المثال اليومية{pdi}، <time" in text("/articles/")
    assert f"({fsi}حكومية{pdi}، {fsi}لا مكان{pdi})" in text("/organizations/")
    claim = text("/articles/mayor-ar/claims/every-house/")
    assert f"{pdi}</a></strong>، {fsi}المتحدثة باسم الهيئة{pdi}، <time" in claim  # what others said
    assert f"الخزان الجديد{pdi}</a>، <a href" in claim  # a source and its publisher
    for page in ("/articles/", "/organizations/", "/articles/mayor-ar/claims/every-house/"):
        assert f"{pdi}, " not in text(page) and "</a>, " not in text(page), page


def test_previous_and_next_read_from_right_to_left(browser, arabic_url: str) -> None:
    with visit(browser, arabic_url + "/articles/mayor-ar/claims/full/", WIDE) as v:
        previous, following = (v.page.locator(f".ex-pager a[rel={rel}]").bounding_box() for rel in ("prev", "next"))
        assert previous["x"] > following["x"] + following["width"]  # the one before stands on the right
        v.assert_clean()


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_every_page_kind_passes_axe_in_both_palettes(browser, arabic_url: str, width: int, dark: bool) -> None:
    axe = Axe()
    for path in PAGE_KINDS:
        with visit(browser, arabic_url + path, width, dark=dark) as v:
            v.page.evaluate(OPEN_NOTES)
            results = axe.run(v.page, options={"rules": {"target-size": {"enabled": True}}})
            assert results.violations_count == 0, (path, results.response["violations"][:2])
            v.assert_clean()


@pytest.mark.parametrize("path", list(ARTICLES))
def test_the_printed_handout_is_mirrored_and_whole(browser, arabic_url: str, path: str) -> None:
    with visit(browser, arabic_url + path, WIDE) as v:
        page = v.page
        page.emulate_media(media="print")
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        rows = page.evaluate(BOXES)
        for row in rows:  # each note under its paragraph, its rule on the right
            assert row["notes"][0]["top"] >= row["para"]["bottom"] - 1, row
        assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('.ex-note')).borderRightWidth)") > 0
        assert page.locator(".ex-note-more > summary").first.is_hidden()
        assert page.locator(".ex-note-rest").first.is_visible()  # what waits behind "Read more"
        language, _ = ARTICLES[path]
        assert page.locator(".ex-para").first.get_attribute("lang") == language
        assert len(page.pdf(format="A4")) > 1000
        v.assert_clean()


def test_an_exported_right_to_left_site_differs_only_by_the_direction_on_html(arabic_site: Path,
                                                                           tmp_path: Path) -> None:
    """Without the plugin nothing adds `dir` to `<html>`: Material's own `<body dir="rtl">` remains,
    and every other byte is the same."""
    site = arabic_site.parent / "site"
    exported = explainer("export", str(tmp_path / "export"), cwd=site)
    assert exported.returncode == 0, exported.stderr
    built = mkdocs("build", "--strict", "-d", str(tmp_path / "built"), cwd=tmp_path / "export")
    assert built.returncode == 0, built.stderr
    pages = sorted(p.relative_to(arabic_site) for p in arabic_site.rglob("*") if p.suffix in (".html", ".json"))
    assert len(pages) > 20
    for page in pages:
        with_plugin = (arabic_site / page).read_text(encoding="utf-8")
        without = (tmp_path / "built" / page).read_text(encoding="utf-8")
        assert with_plugin.replace('<html dir="rtl" ', "<html ", 1) == without, page
        assert '<body dir="rtl"' in without or page.suffix == ".json", page


@pytest.mark.parametrize(("language", "direction"), [
    ("ar", "rtl"), ("ar-EG", "rtl"), ("he", "rtl"), ("fa", "rtl"), ("ur", "rtl"), ("ckb", "rtl"), ("syr", "rtl"),
    ("prs", "rtl"), ("pnb", "rtl"), ("azb", "rtl"), ("nqo", "rtl"), ("mzn", "rtl"), ("sdh", "rtl"), ("bal", "rtl"),
    ("az-Arab", "rtl"), ("ff-Adlm", "rtl"), ("ku", "ltr"), ("ks-Deva", "ltr"), ("sd-Deva", "ltr"),
    ("ar-Latn", "ltr"), ("en", "ltr"), ("zh-Hant", "ltr"), ("sr-Cyrl-RS", "ltr"), ("x" * 300, "ltr"),
    ("", "ltr"), ("../../etc", "ltr"),
])
def test_each_language_reads_in_its_scripts_direction(language: str, direction: str) -> None:
    assert text_direction(language) == direction


def test_a_new_article_on_an_arabic_site_is_in_arabic(tmp_path: Path) -> None:
    assert explainer("new", "site", "s", "--language", "ar", cwd=tmp_path).returncode == 0
    made = explainer("new", "article", "first", cwd=tmp_path / "s")
    assert made.returncode == 0, made.stderr
    article = (tmp_path / "s/content/articles/first/article.yaml").read_text(encoding="utf-8")
    assert "\nlanguage: ar                   # the language of original.txt" in article
