"""Small presentation helpers for templates: plain-text descriptions, fragment ids, direction."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable

MARKDOWN_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKDOWN_MARKS_RE = re.compile(r"[*_`]+|^\s{0,3}(?:#+|>)\s*", re.MULTILINE)
RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "ku", "ps",
                           "sd", "ug", "ur", "yi"})


def plain_text(markdown: str, limit: int = 200) -> str:
    """A one-line, tag-free summary of a Markdown field, for meta descriptions."""
    text = MARKDOWN_LINK_RE.sub(r"\1", markdown)
    text = " ".join(MARKDOWN_MARKS_RE.sub("", text).split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def text_direction(language: str) -> str:
    primary = language.split("-")[0].lower()
    script = language.split("-")[1].lower() if "-" in language else ""
    if script in ("arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"):
        return "rtl"
    if script in ("latn", "cyrl"):
        return "ltr"
    return "rtl" if primary in RTL_LANGUAGES else "ltr"


def anchor_id(term: str) -> str:
    """A fragment id for a glossary term in any script: ``OPCW`` → ``term-opcw``."""
    return "term-" + "-".join(re.findall(r"\w+", term.casefold()))


def term_ids(terms: Iterable[str]) -> dict[str, str]:
    """Each glossary term's fragment id, unique on the page and the same on every build: the plain
    ``anchor_id``, or, for terms that would share one (they differ only in case or in symbols) or
    have no letter or digit, that id followed by a short fingerprint of the term's exact text."""
    plain = {term: anchor_id(term) for term in terms}
    shared = Counter(plain.values())
    return {term: ident if shared[ident] == 1 and ident != "term-"
            else f"{ident.rstrip('-')}-{hashlib.blake2b(term.encode(), digest_size=4).hexdigest()}"
            for term, ident in plain.items()}


# Direction overrides and embeddings, isolates and marks (U+202A-E, U+2066-9, U+200E-F, U+061C):
# inside a value they could reorder the text around it.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, ... and their
# presentation forms): beside them, neutral characters of the surrounding text can change places.
RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")


def needs_isolation(text: str) -> bool:
    """Whether ``text`` could reorder what stands around it (ASCII text never can)."""
    return not text.isascii() and bool(BIDI_CONTROLS.search(text) or RIGHT_TO_LEFT.search(text))


def isolated(text: str) -> str:
    """Plain text that keeps its direction to itself: FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE
    around it when it needs them (titles, meta descriptions, text inside a page)."""
    return f"\u2068{text}\u2069" if needs_isolation(text) else text
