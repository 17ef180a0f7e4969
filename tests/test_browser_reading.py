"""The reading page in a real browser: layout at both widths, links, keyboard, no JavaScript, print."""

from __future__ import annotations

import functools
import io
from itertools import pairwise

import pytest
from pypdf import PdfReader

from browser import NARROW, WIDE, visit

EXAMPLE = "/articles/lavrov-idlib-warning/"
PAGES = [("example_url", EXAMPLE), ("fixture_url", "/articles/nested/"), ("fixture_url", "/articles/statement/"),
         ("fixture_url", "/articles/hebrew/"), ("fixture_url", "/articles/arabic/")]

BOXES = """() => [...document.querySelectorAll('.ex-row.ex-has-notes')].map(row => {
  const box = el => { const r = el.getBoundingClientRect(); return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right}; };
  return {para: box(row.querySelector('.ex-para')), notes: [...row.querySelectorAll('.ex-note')].map(box)};
})"""
NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"


@pytest.fixture(params=PAGES, ids=[p[1].strip("/").replace("/", "-") for p in PAGES])
def reading_url(request: pytest.FixtureRequest) -> str:
    base_fixture, path = request.param
    return request.getfixturevalue(base_fixture) + path


def test_without_javascript_wide_screens_set_notes_beside_their_paragraph(browser, reading_url: str) -> None:
    with visit(browser, reading_url, WIDE, javascript=False) as v:
        rows = v.page.evaluate(BOXES)
        assert rows
        for row in rows:
            para, notes = row["para"], row["notes"]
            assert abs(notes[0]["top"] - para["top"]) <= 2, row  # level with its paragraph
            for note in notes:
                assert note["left"] >= para["right"], row  # beside it, not under it
            for upper, lower in pairwise(notes):
                assert upper["bottom"] <= lower["top"], row  # stacked, never overlapping
        assert v.page.evaluate(NO_SIDEWAYS_SCROLL)
        v.assert_clean()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_narrow_screen_puts_each_note_after_its_paragraph(browser, reading_url: str, javascript: bool) -> None:
    with visit(browser, reading_url, NARROW, javascript=javascript) as v:
        for row in v.page.evaluate(BOXES):
            para, notes = row["para"], row["notes"]
            assert notes[0]["top"] >= para["bottom"] - 1, row
            assert all(note["right"] <= NARROW for note in notes), row
        assert v.page.evaluate(NO_SIDEWAYS_SCROLL)
        assert not v.page.locator(".ex-print-only").first.is_visible()  # sources print; on screen, one click away
        size = v.page.evaluate("parseFloat(getComputedStyle(document.querySelector('.ex-note')).fontSize)")
        assert size >= 13
        v.assert_clean()


# The margin (JavaScript on, wide screens): each note's box, the first line of its passage, each
# paragraph's box and the spacing its last block leaves below it, in page coordinates.
MARGIN = """() => {
  const box = el => { const r = el.getBoundingClientRect(); return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right}; };
  const spacing = el => { let most = 0;
    for (let e = el.firstElementChild; e; e = e.lastElementChild) { const s = getComputedStyle(e);
      most = Math.max(most, parseFloat(s.marginBottom));
      if (parseFloat(s.paddingBottom) || parseFloat(s.borderBottomWidth)) break; }
    return most; };
  const text = document.querySelector('.ex-text');
  const notes = [...text.querySelectorAll('.ex-note')].map(n => ({id: n.id, ...box(n),
    passage: document.getElementById('passage-' + n.id.slice(6)).getClientRects()[0].top + scrollY}));
  const paras = [...text.querySelectorAll('.ex-para')].map(p => ({...box(p), spacing: spacing(p)}));
  const after = document.querySelector('.ex-text ~ :is(section, p)');
  return {notes, paras, text: box(text), after: after && box(after),
          gap: 0.8 * parseFloat(getComputedStyle(document.documentElement).fontSize),
          shifts: performance.getEntriesByType('layout-shift').length};
}"""
LAYOUT_SHIFTS = """() => new Promise(done => { const seen = [];
  new PerformanceObserver(list => seen.push(...list.getEntries().map(e => e.value)))
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(seen), 300); })"""


def assert_margin_rule(margin: dict, pinned: str | None = None, rtl: bool = False) -> None:
    """Each note beside the text (to its right, or on a right-to-left page to its left), its top the
    larger of its passage's first line and the previous note's bottom plus the gap (a pinned note:
    level with its passage), in order, never overlapping."""
    notes = margin["notes"]
    text_left, text_right = min(p["left"] for p in margin["paras"]), max(p["right"] for p in margin["paras"])
    for before, note in zip([None, *notes], notes, strict=False):
        assert note["right"] <= text_left if rtl else note["left"] >= text_right, note  # in the margin
        if note["id"] == pinned:
            assert abs(note["top"] - note["passage"]) <= 1, note
        elif pinned is None:
            expected = note["passage"] if before is None else max(note["passage"], before["bottom"] + margin["gap"])
            assert abs(note["top"] - expected) <= 1, (note, expected)
        if before is not None:
            assert before["bottom"] + margin["gap"] - 1 <= note["top"], (before, note)  # in order, apart


def test_wide_screens_keep_the_text_continuous_and_each_note_beside_its_line(browser, reading_url: str) -> None:
    with visit(browser, reading_url, WIDE) as v:
        margin = v.page.evaluate(MARGIN)
        assert margin["notes"]
        for upper, lower in pairwise(margin["paras"]):  # ordinary spacing, however tall the notes
            assert abs(lower["top"] - upper["bottom"] - upper["spacing"]) <= 1, (upper, lower)
        assert_margin_rule(margin)
        last = margin["notes"][-1]
        assert margin["text"]["bottom"] >= last["bottom"] - 1  # a long margin ends the text's section
        if margin["after"]:
            assert margin["after"]["top"] >= last["bottom"]
        assert v.page.evaluate(LAYOUT_SHIFTS) == []  # laid out before it was first shown
        assert v.page.evaluate(NO_SIDEWAYS_SCROLL)
        v.assert_clean()


def test_a_crowded_paragraph_reads_on_without_holes(browser, fixture_url: str) -> None:
    """Nine notes in one paragraph, a tall note beside a one-word paragraph, short paragraphs in a
    row: the text keeps its spacing and the notes stack down the margin."""
    with visit(browser, fixture_url + "/articles/statement/", WIDE) as v:
        margin = v.page.evaluate(MARGIN)
        paras, notes = margin["paras"], margin["notes"]
        assert len(notes) >= 12 and len(paras) == 5
        assert paras[-1]["bottom"] - paras[0]["top"] < 400  # the text alone sets its height
        tall = next(n for n in notes if n["id"] == "claim-short")
        assert tall["bottom"] - tall["top"] > 2 * (paras[1]["bottom"] - paras[1]["top"])
        assert notes[8]["top"] > notes[0]["top"] + 8 * 100  # the ninth note waits its turn, below
        assert_margin_rule(margin)
        name, role = (v.page.locator(f"#claim-rejects .ex-note-head {part}") for part in (".ex-claimant", ".ex-role"))
        size = "e => parseFloat(getComputedStyle(e).fontSize)"
        assert role.bounding_box()["y"] >= name.bounding_box()["y"] + name.bounding_box()["height"] - 1  # below
        assert role.evaluate(size) < name.evaluate(size)  # and smaller
        v.assert_clean()


def test_arriving_at_a_note_sets_it_level_with_its_passage(browser, reading_url: str) -> None:
    with visit(browser, reading_url, WIDE) as v:
        page = v.page
        notes = page.evaluate(MARGIN)["notes"]
        for note in (notes[-1], notes[len(notes) // 2]):  # the lowest, pushed furthest, and one between
            page.goto(reading_url + "#" + note["id"])
            page.wait_for_function("document.querySelector(location.hash).style.top !== ''")
            margin = page.evaluate(MARGIN)
            assert_margin_rule(margin, pinned=note["id"])
            assert margin["text"]["bottom"] >= max(n["bottom"] for n in margin["notes"]) - 1  # none runs past
            arrived = page.locator("#" + note["id"]).evaluate(
                "n => { const r = n.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight - 100; }")
            assert arrived
            for upper, lower in pairwise(margin["paras"]):
                assert abs(lower["top"] - upper["bottom"] - upper["spacing"]) <= 1
        v.assert_clean()


def test_the_margin_follows_the_window_from_wide_to_narrow_and_back(browser, fixture_url: str) -> None:
    with visit(browser, fixture_url + "/articles/statement/", WIDE) as v:
        page = v.page
        page.set_viewport_size({"width": NARROW, "height": 900})
        page.wait_for_function("!document.querySelector('.ex-text').classList.contains('ex-margin')")
        for row in page.evaluate(BOXES):  # a phone's layout: each note after its paragraph
            assert row["notes"][0]["top"] >= row["para"]["bottom"] - 1, row
        page.set_viewport_size({"width": WIDE, "height": 900})
        page.wait_for_function("document.querySelector('.ex-text').classList.contains('ex-margin')")
        page.wait_for_function("() => new Promise(r => requestAnimationFrame(() => r(true)))")
        assert_margin_rule(page.evaluate(MARGIN))
        v.assert_clean()


def test_a_malformed_address_or_a_click_back_leaves_the_margin_whole(browser, fixture_url: str) -> None:
    with visit(browser, fixture_url + "/articles/statement/#100%", WIDE) as v:  # not valid percent-encoding
        page = v.page
        plain = page.evaluate(MARGIN)
        assert_margin_rule(plain)
        page.click('mark#passage-quiet > a.ex-ref')  # arrive at the last note, then go back
        page.locator("#claim-quiet a.ex-back").click()
        page.wait_for_function("() => new Promise(r => requestAnimationFrame(() => r(true)))")
        back = page.evaluate(MARGIN)
        assert_margin_rule(back)
        assert back["text"]["bottom"] == pytest.approx(plain["text"]["bottom"], abs=1)  # no room left over
        v.assert_clean()


def test_a_note_arrived_at_prints_like_any_other(browser, fixture_url: str) -> None:
    with visit(browser, fixture_url + "/articles/statement/", WIDE) as v:
        page = v.page
        plain = len(printed_pages(page.pdf(format="A4")))
        page.click('mark#passage-quiet > a.ex-ref')  # the text makes room above for the notes before it
        assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('.ex-row')).paddingTop)") > 0
        printed = printed_pages(page.pdf(format="A4"))
        assert len(printed) == plain and all(text.strip() for _, text in printed)
        v.assert_clean()


def test_nothing_moves_on_hover_or_focus_and_read_more_opens_in_place(browser, fixture_url: str) -> None:
    with visit(browser, fixture_url + "/articles/statement/", WIDE) as v:
        page = v.page
        before = page.evaluate(MARGIN)
        page.hover("#claim-false")
        page.focus("#claim-false summary")
        assert page.evaluate(MARGIN)["notes"] == before["notes"]
        page.keyboard.press("Enter")  # opens "Read more" from the keyboard
        assert page.locator("#claim-false details").evaluate("d => d.open")
        assert page.locator("#claim-false .ex-note-links a").first.is_visible()
        page.wait_for_function("() => new Promise(r => requestAnimationFrame(() => r(true)))")
        after = page.evaluate(MARGIN)
        assert_margin_rule(after)  # the notes below make room for the open one
        assert after["paras"] == before["paras"]  # the text stays where it was
        v.assert_clean()


def test_each_highlight_links_to_its_note_and_back(browser, reading_url: str) -> None:
    with visit(browser, reading_url, WIDE) as v:
        page = v.page
        claims = page.eval_on_selector_all(".ex-note", "notes => notes.map(n => n.id.slice(6))")
        assert claims
        for claim in claims:
            page.click(f'mark#passage-{claim} > a.ex-ref[href="#claim-{claim}"]')
            assert page.evaluate("location.hash") == f"#claim-{claim}"
            note = page.locator(f"#claim-{claim}")
            assert note.is_visible() and note.evaluate("n => n.matches(':target')")
            assert note.evaluate("n => getComputedStyle(n).outlineStyle") != "none"  # visibly marked
            note.locator("a.ex-back").click()
            assert page.evaluate("location.hash") == f"#passage-{claim}"
            assert page.locator(f"#passage-{claim}").evaluate(
                "m => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
        v.assert_clean()


def test_keyboard_reaches_a_highlight_with_a_visible_focus_ring_and_follows_it(browser, example_url: str) -> None:
    with visit(browser, example_url + EXAMPLE, WIDE) as v:
        page = v.page
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('a.ex-ref')"):
                break
        else:
            raise AssertionError("Tab never reached a highlight")
        ring = page.evaluate("(() => { const s = getComputedStyle(document.activeElement);"
                             " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; })()")
        assert ring
        target = page.evaluate("document.activeElement.getAttribute('href')")
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == target
        v.assert_clean()


def test_nested_and_overlapping_passages_differ_by_more_than_colour(browser, fixture_url: str) -> None:
    with visit(browser, fixture_url + "/articles/nested/", WIDE) as v:
        style = "sel => getComputedStyle(document.querySelector(sel)).borderBottomStyle"
        outer = v.page.evaluate(style, "#passage-outer")
        inner = v.page.evaluate(style, "#passage-inner")
        left, right = v.page.evaluate(style, "#passage-left"), v.page.evaluate(style, "#passage-right")
        assert outer != inner and left != right
        for claim in ("outer", "inner", "left", "right", "quoted"):
            refs = v.page.locator(f'a.ex-ref[href="#claim-{claim}"]')
            assert refs.count() == 1 and refs.is_visible()


def test_screen_readers_hear_each_highlight_once(browser, fixture_url: str) -> None:
    with visit(browser, fixture_url + "/articles/nested/", WIDE) as v:
        snapshot = v.page.locator("#p1 .ex-para").aria_snapshot()
        assert snapshot.count("festering abscess") == 1
        assert snapshot.count("Note 1") == 1 and snapshot.count("Note 2") == 1


def test_every_note_is_readable_without_javascript(browser, reading_url: str) -> None:
    with visit(browser, reading_url, NARROW, javascript=False) as v:
        notes = v.page.locator(".ex-note")
        assert notes.count() > 0
        for index in range(notes.count()):
            note = notes.nth(index)
            assert note.is_visible() and len(note.inner_text()) > 20
        v.assert_clean()


def test_print_is_a_handout_with_every_note_and_source_address(browser, example_url: str) -> None:
    with visit(browser, example_url + EXAMPLE, WIDE) as v:
        page = v.page
        page.emulate_media(media="print")
        assert not page.locator(".md-header").is_visible()
        assert not page.locator(".md-sidebar--primary").is_visible()
        notes = page.eval_on_selector_all(".ex-note-claim", "ps => ps.map(p => p.textContent)")
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
        for claim in notes:
            assert " ".join(claim.split())[:40] in text, claim
        compact = "".join(text.split())  # long addresses wrap anywhere in print
        assert "https://prophecyupdate.blogspot.com/2018/08/" in compact  # where the text was captured
        assert "https://rferl.org/a/lavrov-warns-west" in compact  # a note's source address
        v.assert_clean()


def printed_pages(pdf: bytes) -> list[tuple[float, str]]:
    """Each printed page: how far down its text reaches (0 to 1), and its text."""
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        heights: list[float] = []
        text = page.extract_text(visitor_text=functools.partial(text_height, heights)) or ""
        pages.append((1 - min(heights) / float(page.mediabox.height) if heights else 0.0, text))
    return pages


def text_height(heights: list[float], text: str, cm: list[float], tm: list[float], *_: object) -> None:
    if text.strip():  # where the text sits on the page, its matrices applied
        heights.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_handout_is_dense_and_holds_every_note_in_full(browser, example_url: str, paper: str) -> None:
    """Notes may break across pages, so no page is left half empty; the example fits on 7 sheets."""
    with visit(browser, example_url + EXAMPLE, WIDE) as v:
        page = v.page
        page.emulate_media(media="print")
        parts = ".ex-claimant, .ex-role, .ex-note-claim, .ex-note-tags, .ex-note-context, .ex-note-sources"
        notes = page.eval_on_selector_all(
            ".ex-note", f"ns => ns.map(n => [...n.querySelectorAll({parts!r})].map(e => e.innerText).join(' '))")
        printed = printed_pages(page.pdf(format=paper))
        assert len(printed) <= 7, [round(fill, 2) for fill, _ in printed]
        assert all(fill >= 2 / 3 for fill, _ in printed[:-1]), [round(fill, 2) for fill, _ in printed]
        compact = "".join("".join(text.split()) for _, text in printed)
        for note in notes:  # every word of every note, its details and source addresses included
            words = "".join(note.split())
            assert words[:60] in compact and words[-60:] in compact, note[:80]
        v.assert_clean()
