"""Quote normalisation exactly as the contract defines it, keeping a map back to the original.

Authors copy quotes from browsers and word processors, so typographic quotes, dashes, ellipses,
odd spaces and invisible marks must not stop a quote from matching. The index map lets us highlight
the author's passage in the text as it was written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

FOLDS = {
    **dict.fromkeys("‘’‚‛′", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "…": "...",
}
INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width characters
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi marks
)


@dataclass(frozen=True)
class Normalized:
    text: str
    origin: Sequence[int]  # origin[i] = index in the source string of text[i]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The [start, end) span of the source string that normalised text[start:end] came from."""
        return self.origin[start], self.origin[end - 1] + 1


def is_space(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) == "Zs"


# Anything normalisation changes: a fold, an invisible mark, a space other than " ", or two spaces.
NEEDS_WORK = re.compile("[" + re.escape("".join(FOLDS) + "".join(sorted(INVISIBLE))) + r"]|[^\S ]|  ")


def normalize(source: str) -> Normalized:
    """Normalise ``source`` (already NFC) for matching; runs of space become one space."""
    if not NEEDS_WORK.search(source):  # every Zs space is also `\s`, so the pattern covers them
        return Normalized(source, range(len(source)))  # most paragraphs: nothing to change
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(source):
        if char in INVISIBLE:
            continue
        if is_space(char):
            if chars and chars[-1] == " ":
                continue
            char = " "
        for out in FOLDS.get(char, char):
            chars.append(out)
            origin.append(index)
    return Normalized("".join(chars), origin)


def normalize_quote(quote: str) -> str:
    return normalize(nfc(quote)).text.strip(" ")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
