"""Small presentation helpers for templates: dates for people, plain-text descriptions."""

from __future__ import annotations

import re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MARKDOWN_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKDOWN_MARKS_RE = re.compile(r"[*_`]+|^\s{0,3}(?:#+|>)\s*", re.MULTILINE)
RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "ku", "ps",
                           "sd", "ug", "ur", "yi"})


def human_date(value: str) -> str:
    """``2018-08-29`` → ``29 August 2018``; ``2018-08`` → ``August 2018``; ``2018`` stays."""
    parts = value.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value


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
    """A stable fragment id for a glossary term in any script: ``OPCW`` → ``term-opcw``."""
    return "term-" + "-".join(re.findall(r"\w+", term.casefold()))
