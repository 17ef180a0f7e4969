"""Writing for the author without ever writing through a link.

A pull request can turn any folder under ``content/`` into a link to a folder elsewhere, or plant a
dangling link where a new file will go; following either would write outside the site. Every
command that writes goes through here, and refuses with one line instead.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from generator.problems import one_line, shown_path


class UnsafeWrite(Exception):
    """Why nothing was written: one line naming the link or the entry in the way."""


def refuse_links(path: Path, top: Path) -> None:
    """Refuse when ``top``, or anything from it down to ``path``, is a link (a dangling one too)."""
    path, top = Path(os.path.abspath(path)), Path(os.path.abspath(top))
    steps = [top] + [top.joinpath(*path.parts[len(top.parts):i + 1])
                     for i in range(len(top.parts), len(path.parts))] if path.is_relative_to(top) else [path]
    for step in steps:
        if step.is_symlink():
            raise UnsafeWrite(one_line(f"{shown_path(step)} is a link (to {os.readlink(step)}): "
                                       "nothing was written; replace it with a real folder or file"))


def make_folders(folder: Path, top: Path) -> None:
    """``folder`` and any missing parents below ``top``, none of them through a link."""
    refuse_links(folder, top)
    folder.mkdir(parents=True, exist_ok=True)
    refuse_links(folder, top)  # a link that appeared meanwhile: say so rather than go on


def create_file(path: Path, text: str, top: Path) -> None:
    """A new file; an existing entry at ``path``, even a dangling link, is never followed or replaced."""
    refuse_links(path.parent, top)
    if os.path.lexists(path):
        raise UnsafeWrite(f"{shown_path(path)} already exists: nothing was changed")
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    with open(descriptor, "w", encoding="utf-8", newline="\n") as file:
        file.write(text)


def replace_file(path: Path, text: str, top: Path) -> None:
    """Write ``path`` afresh: the new text goes to a temporary file that then takes its place, so a
    link there is refused, never written through."""
    refuse_links(path, top)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with open(descriptor, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
