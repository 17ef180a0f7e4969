"""Field types of the content format, strict as the contract asks.

A text field refuses numbers, lists and YAML yes/no; a list field refuses a single value; dates are
ISO 8601 at the precision the author knows (``2018-08-29``, ``2018-08`` or ``2018``).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, StrictStr, WithJsonSchema

from generator.load.markdown_rules import refused_class, too_much_work

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
SLUG_RE = re.compile(rf"\A{SLUG}\Z")  # \Z: `$` would accept a name ending in a line break
PARTIAL_DATE_RE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")  # ASCII digits only

# Markdown link targets: [text](target), [ref]: target, <scheme:...> autolinks.
MD_INLINE_LINK_RE = re.compile(r"\]\(\s*<?([^)\s>]*)")
# A reference definition, as Python-Markdown reads one: it may sit in a block quote, a list item or a
# definition, have an empty label, put its target on the next line, and end with a title or nothing
# else (so a line like `[^1]: a note` is text, not a link: card text has no footnotes).
MD_REFERENCE_RE = re.compile(r"^(?:[ \t]*(?:>|[-+*:]|\d+[.)]))*[ \t]*\[[^\[\]]*\]:[ \t]*\n?[ \t>]*(\S+)"
                             r"[ \t]*(?:\n[ \t>]*)?(?:([\"'])[^\n]*\2[ \t]*|\([^\n]*\)[ \t]*)?$",
                             re.MULTILINE)
MD_AUTOLINK_RE = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^<>]*)>")  # spaces too, as Markdown allows
MD_IMAGE_RE = re.compile(r"!\[[^\]]*\]\s*[(\[]")


ADMONITION_EXAMPLES = ("note", "info", "tip", "warning", "danger", "example", "quote")
WHITESPACE_RE = re.compile(r"\s")  # the characters str.isspace() accepts


# Characters that show as nothing, or change the direction of what follows: control and format
# characters (direction controls, zero-width marks, tags), unassigned and private ones, and the
# letters and marks that render blank (fillers, variation selectors, the braille blank). In an
# address they make it read as another one, or break it.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"})
BLANK_CHARACTERS = re.compile("[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f"
                              "\uffa0\U000e0100-\U000e01ef]")
ASCII_CONTROLS = re.compile("[\x00-\x1f\x7f]")


def first_invisible(value: str) -> str | None:
    if value.isascii():
        found = ASCII_CONTROLS.search(value)
        return found.group() if found else None
    for char in value:
        if unicodedata.category(char) in INVISIBLE_CATEGORIES or BLANK_CHARACTERS.match(char):
            return char
    return None


def is_web_url(value: str) -> bool:
    if WHITESPACE_RE.search(value) or first_invisible(value):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def is_site_path(value: str) -> bool:
    return value.startswith("/") and not value.startswith("//") and "\\" not in value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("is empty: write the text, or remove the line")
    return value


def invisible_character(value: str) -> str | None:
    found = first_invisible(value)
    return f"U+{ord(found):04X}" if found else None


def _web_url(value: str) -> str:
    if hidden := invisible_character(value):
        raise ValueError(f"this address holds an invisible or direction-control character ({hidden}): "
                         "type the address again, or copy it from the browser's address bar")
    if not is_web_url(value):
        raise ValueError(f"`{value}` is not a web address: write it in full, starting https://")
    return value


def markdown_link_targets(text: str) -> list[str]:
    """Every link target in a Markdown text (inline, reference and autolink), as the browser will
    read it: entities decoded (`&#x202E;` is U+202E)."""
    targets = MD_INLINE_LINK_RE.findall(text) + [
        target.lstrip("<").rstrip(">") for target, _ in MD_REFERENCE_RE.findall(text)]
    targets += MD_AUTOLINK_RE.findall(text)
    return [html.unescape(target) for target in targets]


def _markdown_links(value: str) -> str:
    if why := too_much_work(value):
        raise ValueError(why)
    if refused := refused_class(value):
        raise ValueError(f"`{refused}` is not a class card text may use: an admonition's type is one of "
                         f"{', '.join(ADMONITION_EXAMPLES)} or another of the types the README lists")
    if MD_IMAGE_RE.search(value):
        raise ValueError("images are not shown from Markdown fields: link to the image instead")
    for target in markdown_link_targets(value):
        if hidden := invisible_character(target):
            raise ValueError(f"a link in this text holds an invisible or direction-control character "
                             f"({hidden}): type the address again")
        if not (is_web_url(target) or is_site_path(target)):
            raise ValueError(
                f"link `{target}` is not allowed: use a full https:// address "
                "or a site path such as /glossary/"
            )
    return value


def _partial_date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        raise ValueError("must be a date without a time, like 2018-08-29")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)
    if isinstance(value, str) and any(char.isdigit() and not char.isascii() for char in value):
        raise ValueError("must be written with the digits 0-9, like 2018-08-29")
    if isinstance(value, str) and (match := PARTIAL_DATE_RE.match(value.strip())):
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError:
            raise ValueError(f"`{value}` is not a real date") from None
        return value.strip()
    raise ValueError("must be a date like 2018-08-29 (or 2018-08, or 2018 when that is all that is known)")


def _full_date(value: Any) -> str:
    try:
        date = _partial_date(value)
    except ValueError as error:
        if "real date" in str(error) or "time" in str(error) or "digits" in str(error):
            raise
        date = ""
    if len(date) != len("2018-08-29"):
        raise ValueError("must be a whole date (year, month and day) like 2026-11-28")
    return date


def _not_after_today(date: str) -> str:
    """A day that has not come yet cannot have been a review or a correction. (Checking reads the
    clock; a built page never depends on it.)"""
    if date > dt.date.today().isoformat():
        raise ValueError(f"`{date}` is after today: give the day it happened")
    return date


Text = Annotated[StrictStr, AfterValidator(_not_blank)]
Markdown = Annotated[StrictStr, AfterValidator(_not_blank), AfterValidator(_markdown_links)]
Url = Annotated[StrictStr, AfterValidator(_web_url)]
Slug = Annotated[StrictStr, Field(pattern=f"^{SLUG}$")]
PartialDate = Annotated[str, BeforeValidator(_partial_date), WithJsonSchema({
    "description": "ISO 8601 date: 2018-08-29, or 2018-08 or 2018 when that is all that is known",
    "anyOf": [{"type": "string", "pattern": r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"},
              {"type": "integer", "minimum": 1000, "maximum": 9999}],
})]
FullDate = Annotated[str, BeforeValidator(_full_date), WithJsonSchema({
    "description": "ISO 8601 date: 2026-11-28",
    "type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
})]
PastDate = Annotated[PartialDate, AfterValidator(_not_after_today)]
PastFullDate = Annotated[FullDate, AfterValidator(_not_after_today)]
