"""``original.txt``: the article's text, one paragraph per line, never Markdown.

A line starting with ``> `` is a passage the article quotes; the marker is not part of the text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from generator.load.limits import MAX_TEXT_BYTES
from generator.load.text import TextError, digest, read_text
from generator.problems import START, Problems

QUOTE_MARKER = "> "


@dataclass(frozen=True)
class Paragraph:
    number: int  # 1-based among paragraphs
    line: int  # 1-based line in original.txt
    text: str
    quoted: bool = False


@dataclass(frozen=True)
class OriginalText:
    path: Path
    paragraphs: tuple[Paragraph, ...]
    digest: bytes = b""


def read_original(path: Path, problems: Problems) -> OriginalText | None:
    try:
        text = read_text(path, MAX_TEXT_BYTES)
    except TextError as error:
        problems.add(path, error.position, error.message)
        return None
    except OSError as error:
        problems.add(path, START, f"cannot read this file: {error.strerror}")
        return None
    paragraphs = tuple(split_paragraphs(text))
    if not paragraphs:
        problems.add(path, START, "original.txt is empty: paste the article's text, one paragraph per line")
        return None
    return OriginalText(path, paragraphs, digest(text))


def split_paragraphs(text: str) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    for index, raw in enumerate(text.split("\n")):
        line = raw.strip()
        quoted = line.startswith(QUOTE_MARKER) or line == ">"
        if quoted:
            line = line[1:].strip()
        line = unicodedata.normalize("NFC", line)  # anchors index the NFC text
        if line:
            paragraphs.append(Paragraph(len(paragraphs) + 1, index + 1, line, quoted))
    return paragraphs
