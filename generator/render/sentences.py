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
CLOSERS = frozenset("\"')]\u201d\u2019\u00bb\u300d\u300f")  # and closing quotes, guillemets, corners
# Words after which a full stop rarely ends a sentence (compared without the stop, case-folded).
ABBREVIATIONS = frozenset(" ".join((
    "mr mrs ms mx dr prof st mt gen col lt maj capt cpt sgt adm gov sen rep pres amb rev fr hon jr",
    "sr no nos nr vol vols vs etc approx ca cf al ibid inc ltd co corp dept est fig figs p pp para",
    "art ed eds jan feb mar apr jun jul aug sep sept oct nov dec",
    "mme mlle mm me mgr sra srta dra dña bzw usw vgl",
    "г гг им ул т тыс млн млрд др проф ген р рр",  # noqa: RUF001 (Cyrillic, as meant)
)).split())
# A first paragraph that is not plain prose (a list, a heading, a quotation, a table, code) is led
# by all of it; so is a context with reference links or footnotes, whose definitions come later.
BLOCK_START = re.compile(r"\s*(?:[-+*]\s|[>#|<]|\d+[.)]|```|~~~)|\s{4}")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]\n]+\]:", re.MULTILINE)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def lead_and_rest(markdown: str) -> tuple[str, str]:
    """``(first sentence, the rest)`` of a context note; the rest is ``""`` when nothing can be split."""
    text = markdown.strip()
    if BLOCK_START.match(text) or REFERENCE_DEFINITION.search(text):
        return text, ""
    found = PARAGRAPH_BREAK.search(text)
    first = text[: found.start()] if found else text
    end = sentence_end(first)
    if end is None:  # a first paragraph that cannot be split leads, the later ones wait
        end = len(first)
    rest = text[end:].strip()
    return (text[:end].rstrip(), rest) if rest else (text, "")


def sentence_end(paragraph: str) -> int | None:
    """Where the paragraph's first sentence ends (after its closing marks), or None."""
    nesting = 0  # inside [link text](address) or (parentheses)
    code = False
    for i, char in enumerate(paragraph):
        if char == "`":
            code = not code
        elif code:
            continue
        elif char in "[(":
            nesting += 1
        elif char in "])":
            nesting = max(0, nesting - 1)
        elif nesting == 0 and (char in CLOSED_ENDS or char in SPACED_ENDS):
            end = after_closers(paragraph, i + 1)
            if (char in CLOSED_ENDS or ends_sentence(paragraph, i, end)) and balanced(paragraph[:end]):
                return end
    return None


def after_closers(text: str, at: int) -> int:
    while at < len(text) and text[at] in CLOSERS:
        at += 1
    return at


def ends_sentence(text: str, stop: int, end: int) -> bool:
    """Whether the mark at ``stop`` ends a sentence: a space follows, then no lower-case letter,
    and a full stop does not close an initial, a number or an abbreviation."""
    if end >= len(text) or not text[end].isspace():
        return False
    following = text[end:].lstrip()
    if not following or following[0].islower():
        return False
    if text[stop] != ".":
        return True
    word = text[:stop].rsplit(None, 1)[-1].lstrip("\"'([*_\u201c\u2018\u00ab") if text[:stop].strip() else ""
    last = word.rsplit(".", 1)[-1]
    return not (len(last) <= 1 or "." in word or last.isdigit() or last.casefold() in ABBREVIATIONS)


def balanced(head: str) -> bool:
    """No emphasis left open by the split (``*`` and ``_`` come in pairs in a finished span)."""
    return head.count("*") % 2 == 0 and head.count("_") % 2 == 0 and head.count("`") % 2 == 0
