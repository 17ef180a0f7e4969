"""Small presentation helpers for templates: plain-text descriptions, fragment ids, direction."""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from collections.abc import Iterable

from babel import Locale, UnknownLocaleError

MARKDOWN_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKDOWN_MARKS_RE = re.compile(r"[*_`]+|^\s{0,3}(?:#+|>)\s*", re.MULTILINE)
# Scripts written right to left (ISO 15924), and languages the CLDR does not know whose usual
# script is one of them; for every other language the CLDR says (through Babel).
RTL_SCRIPTS = frozenset({"adlm", "arab", "aran", "armi", "avst", "hebr", "mand", "mani", "mend", "nbat",
                         "nkoo", "palm", "phli", "phlp", "phnx", "rohg", "samr", "sarb", "sogd", "syrc",
                         "thaa", "yezi"})
RTL_LANGUAGES = frozenset({"arc", "azb", "glk", "iw", "ji", "pnb", "prs", "skr"})


def plain_text(markdown: str, limit: int = 200) -> str:
    """A one-line, tag-free summary of a Markdown field, for meta descriptions."""
    text = MARKDOWN_LINK_RE.sub(r"\1", markdown)
    text = " ".join(MARKDOWN_MARKS_RE.sub("", text).split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


@functools.lru_cache(maxsize=1024)  # a site has few languages; a hostile one cannot grow it
def text_direction(language: str) -> str:
    """``rtl`` or ``ltr`` for a BCP 47 tag: its script subtag decides (``sd-Deva`` is left to right,
    ``az-Arab`` right to left), else the language's usual script (``ku`` is written in Latin
    letters, ``ckb`` in Arabic ones)."""
    parts = language.replace("_", "-").split("-")
    script = next((part.lower() for part in parts[1:] if len(part) == 4 and part.isalpha()), None)
    if script is not None:
        return "rtl" if script in RTL_SCRIPTS else "ltr"
    primary = parts[0].lower()
    if primary in RTL_LANGUAGES:
        return "rtl"
    try:
        order = Locale.parse(primary).character_order
    except (UnknownLocaleError, ValueError, TypeError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


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
