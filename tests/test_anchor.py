"""Resolve: quote anchoring exactly as the contract defines it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.original import split_paragraphs
from generator.resolve.anchor import Anchor, AnchoredText, AnchorFailure
from generator.resolve.normalize import normalize, normalize_quote

from helpers import MINIMAL_CLAIM, minimal_content, problem_lines


def text(original: str) -> AnchoredText:
    return AnchoredText(tuple(split_paragraphs(original)))


def passage(original: str, quote: str, occurrence: int | None = None) -> str:
    anchored = text(original)
    found = anchored.find(quote, occurrence)
    assert isinstance(found, Anchor), found
    return anchored.paragraphs[found.paragraph - 1].text[found.start:found.end]


def failure(original: str, quote: str, occurrence: int | None = None) -> str:
    found = text(original).find(quote, occurrence)
    assert isinstance(found, AnchorFailure), found
    return found.message


def test_typographic_quotes_dashes_and_ellipsis_fold() -> None:
    original = "He said “the final touches” — and then… nothing.\n"
    assert passage(original, '"the final touches" - and then...') == "“the final touches” — and then…"


def test_straight_quote_matches_typographic_in_text_and_back() -> None:
    assert passage("Idlib's fate “liquidated”\n", "Idlib’s fate \"liquidated\"") == "Idlib's fate “liquidated”"


def test_whitespace_runs_and_unicode_spaces_fold() -> None:
    assert passage("a  festering\u00a0 abscess here\n", "  festering   abscess ") == "festering\u00a0 abscess"


def test_zero_width_and_bidi_marks_are_ignored() -> None:
    assert passage("fest\u200bering abscess\n", "festering\u200f abscess") == "fest\u200bering abscess"


def test_nfc_composed_and_decomposed_match() -> None:
    assert passage("Erdoğan spoke.\n", "Erdog\u0306an spoke") == "Erdoğan spoke"


def test_case_is_significant() -> None:
    assert failure("Festering abscess\n", "festering abscess").startswith("`quote` is not in original.txt")


def test_substring_not_whole_words() -> None:
    assert passage("antiterror operation\n", "terror op") == "terror op"


def test_ambiguous_quote_lists_lines_and_suggests_occurrence() -> None:
    original = "I hope so, he said.\nOther text.\nI hope so, he said again.\n"
    assert failure(original, "I hope so") == (
        "`quote` occurs 2 times (at line 1, line 3): add `occurrence: N` to pick one, or quote more words"
    )


def test_occurrence_picks_the_match_in_document_order() -> None:
    anchored = text("x provocations y\nz provocations\n")
    second = anchored.find("provocations", 2)
    assert isinstance(second, Anchor) and (second.paragraph, second.start) == (2, 2)


def test_occurrence_beyond_matches() -> None:
    assert failure("one two one\n", "one", 3) == "`occurrence: 3` but the quote occurs only 2 times (at line 1)"


def test_quote_spanning_two_paragraphs_is_an_error() -> None:
    assert failure("end of one.\nStart of two.\n", "one. Start").startswith("`quote` spans two paragraphs")


def test_quote_marker_is_not_part_of_the_text() -> None:
    paragraphs = split_paragraphs("Intro.\n> Quoted words here.\n")
    assert paragraphs[1].quoted and paragraphs[1].text == "Quoted words here."
    assert failure("Intro.\n> Quoted words here.\n", "> Quoted").startswith("`quote` is not in original.txt")


def test_missing_quote_names_the_closest_passage() -> None:
    original = "Lavrov called Idlib a festering abscess that needed to be liquidated.\nOther.\n"
    assert failure(original, "a festering absess that needed") == (
        '`quote` is not in original.txt; the closest passage is on line 1: "a festering abscess that needed"; '
        'the text has "estering abscess th" where the quote has "estering absess th"'
    )


@pytest.mark.parametrize(("original", "quote"), [
    ("قال لافروف إن إدلب «خراج متقيح» يجب تصفيته.\n", '"خراج متقيح"'),
    ("הוא אמר ש״הפרובוקציות״ לא יצליחו.\n", "הפרובוקציות"),
    ("拉夫罗夫称伊德利卜是一个“化脓的脓肿”。\n", '"化脓的脓肿"'),
    ("Лавров назвал Идлиб «гнойным нарывом».\n", '"гнойным нарывом"'),
])
def test_non_latin_scripts(original: str, quote: str) -> None:
    found = passage(original, quote)
    assert normalize_quote(found) == normalize_quote(quote)


def test_normalised_text_maps_back_to_source_indices() -> None:
    norm = normalize("a…b")
    assert norm.text == "a...b"
    assert norm.source_span(1, 4) == (1, 2)


def test_card_with_unmatched_quote_is_reported_at_the_quote_value(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM.replace("quote: first paragraph", "quote: third paragraph")
    content = minimal_content(tmp_path / "content", articles__a__claims__c_DOT_yaml=card)
    assert problem_lines(content) == [
        "content/articles/a/claims/c.yaml:4:8: `quote` is not in original.txt; the closest passage is on "
        'line 1: "first paragraph"; the text has "first p" where the quote has "third pa"'
    ]
