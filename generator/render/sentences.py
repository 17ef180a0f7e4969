"""A note's lead: the first sentence of its context, shown at a glance beside the text.

The rest of the context waits one click away. The split is made in the Markdown source and is
cautious: it happens only where a sentence plainly ends (a full stop, question or exclamation mark
followed by a space and no lower-case letter, or a full stop of a script that needs no space), never
inside a link, code or emphasis, never after an initial or a common abbreviation. Where it cannot be
sure, its whole first paragraph is the lead.
"""

from __future__ import annotations

import re

# Ends of sentences in scripts that write no space after them: CJK, Arabic, Urdu, Devanagari, Ethiopic.
CLOSED_ENDS = frozenset("\u3002\uff01\uff1f\u061f\u06d4\u0964\u0965\u1362")
SPACED_ENDS = frozenset(".!?")  # not "…", which often stands for words left out
CLOSERS = frozenset("\"')]*_~=^\u201d\u2019\u00bb\u300d\u300f")  # and closing quotes, guillemets, corners
# Words after which a full stop rarely ends a sentence (compared without the stop, case-folded).
ABBREVIATIONS = frozenset(" ".join((
    "mr mrs ms mx dr prof st mt gen col lt maj capt cpt sgt adm gov sen rep pres amb rev fr hon jr",
    "sr no nos nr vol vols vs etc approx ca cf al ibid inc ltd co corp dept est fig figs p pp para",
    "art ed eds jan feb mar apr jun jul aug sep sept oct nov dec",
    "mme mlle mm me mgr sra srta dra dña bzw usw vgl",
    "г гг им ул т тыс млн млрд др проф ген р рр",  # noqa: RUF001 (Cyrillic, as meant)
)).split())
# A first paragraph that is not plain prose (a list, a heading, a quotation, a table, code, an
# admonition, a definition) is led by all of it; so is a context with reference links, footnotes or
# abbreviations, whose definitions come later. A split never leaves the rest starting a block.
BLOCK_START = re.compile(r"\s*(?:[-+*]\s|[>#|<:]|\d+[.)]|```|~~~|!!!|\?\?\?)|\s{4}|\t")
BLOCK_LINE = re.compile(r"\n(?:\s*(?:[-+*]\s|[>#|<:]|\d+[.)]|```|~~~|!!!|\?\?\?)|\s{4}|\t)")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\*?\[[^\]\n]+\]:", re.MULTILINE)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# Brackets and quotes that hold a sentence of their own: a stop inside them ends nothing.
OPENERS, CLOSING = "[(\uff08\u300c\u300e\u3010\u00ab", "])\uff09\u300d\u300f\u3011\u00bb"
# Emphasis delimiters: a split must leave none open (``**`` and ``*`` alike, ``~~``, ``==``, ``^^``).
EMPHASIS = re.compile(r"\*+|_+|~~+|==+|\^\^+")


def lead_and_rest(markdown: str) -> tuple[str, str]:
    """``(first sentence, the rest)`` of a context note; the rest is ``""`` when nothing can be split."""
    text = markdown.strip()
    if BLOCK_START.match(text) or REFERENCE_DEFINITION.search(text):
        return text, ""
    found = PARAGRAPH_BREAK.search(text)
    first = text[: found.start()] if found else text
    end = None if BLOCK_LINE.search(first) else sentence_end(first)
    if end is None:  # a first paragraph that cannot be split leads, the later ones wait
        end = len(first)
    rest = text[end:].strip()
    return (text[:end].rstrip(), rest) if rest else (text, "")


def sentence_end(paragraph: str) -> int | None:
    """Where the paragraph's first sentence ends (after its closing marks), or None."""
    nesting = 0  # inside [link text](address), (parentheses), 「quotes」 or « guillemets »
    code = False
    for i, char in enumerate(paragraph):
        if char == "`":
            code = not code
        elif code:
            continue
        elif char in OPENERS:
            nesting += 1
        elif char in CLOSING:
            nesting = max(0, nesting - 1)
        elif nesting == 0 and (char in CLOSED_ENDS or char in SPACED_ENDS):
            end = after_closers(paragraph, i + 1)
            ended = closed_end(paragraph, i, end) if char in CLOSED_ENDS else ends_sentence(paragraph, i, end)
            if ended and balanced(paragraph[:end]) and not BLOCK_START.match(paragraph[end:]):
                return end
    return None


def after_closers(text: str, at: int) -> int:
    while at < len(text) and text[at] in CLOSERS:
        at += 1
    return at


def closed_end(text: str, stop: int, end: int) -> bool:
    """A stop of a script without spaces ends its sentence, unless a closing quote follows and the
    sentence runs on after it (「嘘だ。」と言った: the quotation ends, the sentence does not)."""
    return end == stop + 1 or end >= len(text) or text[end].isspace()


def ends_sentence(text: str, stop: int, end: int) -> bool:
    """Whether the mark at ``stop`` ends a sentence: a space follows, then no lower-case letter,
    and a full stop does not close an initial, a day's number or an abbreviation."""
    if end >= len(text) or not text[end].isspace():
        return False
    following = text[end:].lstrip()
    if not following or following[0].islower():
        return False
    if text[stop] != ".":
        return True
    word = text[:stop].rsplit(None, 1)[-1].lstrip("\"'([*_\u201c\u2018\u00ab") if text[:stop].strip() else ""
    last = word.rsplit(".", 1)[-1]
    ordinal = last.isdigit() and len(last) <= 2  # "am 10. September"; a year may end a sentence
    return not (len(last) <= 1 or "." in word or ordinal or last.casefold() in ABBREVIATIONS)


def balanced(head: str) -> bool:
    """No emphasis or code left open by the split: each kind of delimiter run comes in pairs."""
    runs: dict[str, int] = {}
    for run in EMPHASIS.findall(head):
        runs[run[0]] = runs.get(run[0], 0) + 1
    return all(count % 2 == 0 for count in runs.values()) and head.count("`") % 2 == 0
