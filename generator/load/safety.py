"""Files the loader must never read: links that lead out of ``content/``, and anything that is not a
plain file or folder (a named pipe would block a read forever).

A card arriving in a pull request could otherwise be a symlink to a file elsewhere on the author's
machine, whose text the build would publish.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.problems import START, Problems


def unsafe_entries(root: Path, problems: Problems, listings: dict[Path, list[str]]) -> frozenset[Path]:
    """Every entry under ``root`` that must not be read, each reported once. ``listings`` receives
    the names of each folder's visible entries (not starting with a dot), sorted: the loader walks
    the tree once."""
    top = root.resolve()
    unsafe: set[Path] = set()
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted((e for e in listing if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError:
            continue  # an unreadable folder: reading its files fails later, with its own message
        listings[folder] = [entry.name for entry in entries]
        for entry in entries:
            # The folder listing already says what each entry is: a plain file or folder, the
            # common case, needs no further system call.
            if entry.is_file(follow_symlinks=False):
                continue
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                folders.append(path)
                continue
            reason = why_unsafe(path, top)
            if reason:
                problems.add(path, START, reason)
                unsafe.add(path)
    return frozenset(unsafe)


def why_unsafe(path: Path, top: Path) -> str | None:
    try:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            target = path.resolve(strict=True)
            if not target.is_relative_to(top):
                return "this is a link to somewhere outside the content folder: copy the file in instead"
            mode = target.stat().st_mode
    except (OSError, RuntimeError):
        return "this is a broken or looping link: replace it with the file itself"
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return "this is not a plain file or folder: replace it with a text file"
    return None
