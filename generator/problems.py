"""Problems are data: every content mistake becomes one ``path:line:col: message`` line.

Each stage appends to a shared list instead of raising, so an author sees every mistake in one run.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, TypeVar

T = TypeVar("T")


class Position(NamedTuple):
    """1-based line and column (in characters). A tuple: made for every YAML node, so it is cheap."""

    line: int = 1
    column: int = 1


START = Position(1, 1)


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    position: Position
    message: str

    def line(self, relative_to: Path | None = None) -> str:
        """The author-facing line; the path is shown relative to the current folder."""
        where = f"{shown_path(self.path, relative_to)}:{self.position.line}:{self.position.column}"
        return one_line(f"{where}: {self.message}")


def one_line(text: str) -> str:
    """Line breaks and control characters (from a file name or a quoted key) written as escapes, so
    every problem stays exactly one line."""
    return "".join(
        ESCAPES.get(c) or (f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c)
        for c in text
    )


ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(name: str) -> str:
    """A file name as the author can read it: every character a terminal would not show as itself
    (direction overrides, zero-width marks, escape codes, odd spaces) written as an escape."""
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else ESCAPES.get(c) or f"\\u{ord(c):04x}" for c in name)


def shown_path(path: Path, relative_to: Path | None = None) -> str:
    """``display_path`` as a message prints it: with invisible characters escaped."""
    return visible(display_path(path, relative_to))


def display_path(path: Path, relative_to: Path | None = None) -> str:
    base = relative_to or Path.cwd()
    try:
        return os.path.relpath(path, base).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return str(path)


class Problems(list[Problem]):
    """The problems of one run, in the order they were found; ``sorted()`` orders them for print.

    ``notes`` hold what is worth a line but is no mistake (a README among the content): they never
    fail ``check`` or a strict build."""

    def __init__(self, problems: Iterable[Problem] = ()) -> None:
        super().__init__(problems)
        self.notes: list[Problem] = []

    def add(self, path: Path, position: Position, message: str) -> None:
        self.append(Problem(path, position, message))

    def replay(self, found: Problems) -> None:
        """Report again what an earlier piece of work found (see ``recorded``)."""
        self.extend(found)
        self.notes.extend(found.notes)

    def note(self, path: Path, message: str) -> None:
        self.notes.append(Problem(path, START, f"info: {message}"))

    def note_lines(self, relative_to: Path | None = None) -> list[str]:
        return [p.line(relative_to) for p in sorted(set(self.notes))]

    def lines(self, relative_to: Path | None = None) -> list[str]:
        return [p.line(relative_to) for p in sorted(set(self))]


def recorded(work: Callable[[Problems], T]) -> tuple[T, Problems]:
    """``work``'s result and the problems and notes it reported, kept apart so that a result taken
    from the memo can report them again (``Problems.replay``)."""
    found = Problems()
    return work(found), found
