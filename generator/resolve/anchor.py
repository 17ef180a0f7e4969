"""Quote anchoring: find the passage of ``original.txt`` that each claim card annotates.

Matching is a plain, case-sensitive substring search over normalised paragraphs, counted in
document order. Failures name the closest passage so the author can see what differs.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

from generator.load.limits import MAX_MATCHES
from generator.load.models import PLACEHOLDER_QUOTE
from generator.load.original import Paragraph
from generator.resolve.normalize import Normalized, normalize, normalize_quote

# Characters difflib may compare for one quote (paragraph length times quote length, summed) before the
# search for the closest passage falls back to rough_window, so no quote can stall a build; and for
# all the quotes of one article together, shared out evenly (so a hundred near-miss quotes cost what
# two would, and the share depends on the content alone, never on what was searched before).
DIFF_BUDGET = 5_000_000
ARTICLE_DIFF_BUDGET = 10_000_000


def diff_share(quotes: int) -> int:
    """Each quote's share of the article's budget, when the article holds ``quotes`` quotes."""
    return min(DIFF_BUDGET, ARTICLE_DIFF_BUDGET // max(1, quotes))
SHOWN_QUOTE = 300  # longer quotes get a shorter message


@dataclass(frozen=True)
class Anchor:
    paragraph: int  # 1-based paragraph number
    start: int  # character span in the paragraph's display text (NFC)
    end: int


@dataclass(frozen=True)
class AnchorFailure:
    message: str


class AnchoredText:
    """An article's paragraphs, normalised once and searched for every card's quote."""

    def __init__(self, paragraphs: tuple[Paragraph, ...]) -> None:
        self.paragraphs = paragraphs
        self.normalized: list[Normalized] = [normalize(p.text) for p in paragraphs]

    def find(self, quote: str, occurrence: int | None, budget: int = DIFF_BUDGET) -> Anchor | AnchorFailure:
        """Where the quote is, or why it cannot be placed, searching for the closest passage within
        ``budget``."""
        needle = normalize_quote(quote)
        if not needle:
            return AnchorFailure("`quote` is empty: copy the passage from original.txt")
        if needle == normalize_quote(PLACEHOLDER_QUOTE):
            return AnchorFailure("`quote` is still the placeholder: paste a passage of original.txt here")
        matches = self.matches(needle)
        if not matches:
            return AnchorFailure(self.explain_missing(needle, budget))
        if occurrence is None:
            if len(matches) > 1:
                times = f"{len(matches)} times" + (" or more" if len(matches) >= MAX_MATCHES else "")
                return AnchorFailure(
                    f"`quote` occurs {times} (at {self.describe_lines(matches[:20])}): "
                    "add `occurrence: N` to pick one, or quote more words"
                )
            occurrence = 1
        if occurrence > len(matches) >= MAX_MATCHES:
            return AnchorFailure(
                f"`occurrence: {occurrence}` is past the first {MAX_MATCHES:,} matches, which is as far "
                "as the search counts: quote more words, so that the passage occurs fewer times"
            )
        if occurrence > len(matches):
            return AnchorFailure(
                f"`occurrence: {occurrence}` but the quote occurs only {len(matches)} "
                f"time{'s' if len(matches) > 1 else ''} (at {self.describe_lines(matches)})"
            )
        number, start = matches[occurrence - 1]
        source_start, source_end = self.normalized[number - 1].source_span(start, start + len(needle))
        return Anchor(number, source_start, source_end)

    def matches(self, needle: str) -> list[tuple[int, int]]:
        """Where ``needle`` starts, in document order (at most MAX_MATCHES: enough to count on)."""
        found: list[tuple[int, int]] = []
        for paragraph, normalized in zip(self.paragraphs, self.normalized, strict=True):
            start = normalized.text.find(needle)
            while start != -1 and len(found) < MAX_MATCHES:
                found.append((paragraph.number, start))
                start = normalized.text.find(needle, start + 1)
        return found

    def describe_lines(self, matches: list[tuple[int, int]]) -> str:
        lines = [f"line {self.paragraphs[number - 1].line}" for number, _ in matches]
        return ", ".join(dict.fromkeys(lines))

    def explain_missing(self, needle: str, budget: int) -> str:
        joined = " ".join(n.text for n in self.normalized)
        if needle in joined:
            return ("`quote` spans two paragraphs: a quote must lie within one line of "
                    "original.txt; quote the part in one paragraph")
        closest = self.closest_passage(needle, budget)
        if closest is None:
            return "`quote` is not in original.txt: copy the passage exactly"
        line, passage = closest
        if len(needle) > SHOWN_QUOTE:  # a long quote: say where, not every difference
            return (f"`quote` is not in original.txt; the closest passage starts on line {line}: "
                    f'"{passage[:80]}…"')
        return (f'`quote` is not in original.txt; the closest passage is on line {line}: "{passage}"'
                f"{first_difference(passage, needle)}")

    def closest_passage(self, needle: str, budget: int) -> tuple[int, str] | None:
        """The paragraph window most like ``needle``, anchored on their longest common run."""
        best: tuple[float, int, str] | None = None
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(needle)  # indexed once, compared with every paragraph
        budget = budget if len(needle) <= SHOWN_QUOTE else 0
        for paragraph, normalized in zip(self.paragraphs, self.normalized, strict=True):
            budget -= len(normalized.text) * len(needle)
            window, score = (aligned_window(normalized.text, needle, matcher) if budget >= 0
                             else rough_window(normalized.text, needle))
            if not window:
                continue
            if best is None or score > best[0]:
                best = (score, paragraph.line, window)
        if best is None or best[0] < 0.3:
            return None
        return best[1], best[2]


def aligned_window(text: str, needle: str, matcher: difflib.SequenceMatcher) -> tuple[str, float]:
    """The stretch of ``text`` that lines up with ``needle``, anchored on their longest common run,
    and how alike the two are (0 to 1). ``matcher`` already holds ``needle`` as its second sequence."""
    matcher.set_seq1(text)
    longest = matcher.find_longest_match(0, len(text), 0, len(needle))
    if longest.size == 0:
        return "", 0.0
    slack = len(needle) // 2 + 10
    low = max(0, longest.a - longest.b - slack)
    region = text[low:longest.a + len(needle) - longest.b + slack]
    matcher.set_seq1(region)
    # Runs of one or two characters match by chance; only longer runs decide where the window lies.
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3] or [
        difflib.Match(longest.a - low, longest.b, longest.size)]
    start = max(0, blocks[0].a - blocks[0].b)
    end = blocks[-1].a + blocks[-1].size + len(needle) - blocks[-1].b - blocks[-1].size
    window = region[start:end]
    matcher.set_seq1(window)
    return window, matcher.ratio()


def rough_window(text: str, needle: str) -> tuple[str, float]:
    """For long texts, where difflib would take too long: anchor on the longest prefix or suffix of
    the quote that the text contains, found by halving (each step one substring search)."""
    def longest(part: Callable[[int], str]) -> tuple[int, int]:
        low, high, where = 0, len(needle), -1
        while low < high:
            middle = (low + high + 1) // 2
            found = text.find(part(middle))
            if found == -1:
                high = middle - 1
            else:
                low, where = middle, found
        return low, where
    head, head_at = longest(lambda n: needle[:n])
    tail, tail_at = longest(lambda n: needle[len(needle) - n:])
    if max(head, tail) < 3:
        return "", 0.0
    start = head_at if head >= tail else max(0, tail_at + tail - len(needle))
    return text[start:start + len(needle)], min(1.0, (head + tail) / len(needle))


def first_difference(passage: str, quote: str, context: int = 12) -> str:
    """Where the quote first departs from the passage, with a little text on each side."""
    matcher = difflib.SequenceMatcher(None, passage, quote, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        lead = passage[max(0, a1 - context):a1]
        return (f'; the text has "{lead}{passage[a1:a2]}{passage[a2:a2 + 6]}" where the quote has '
                f'"{lead}{quote[b1:b2]}{quote[b2:b2 + 6]}"')
    return ""
