"""What belongs where in ``content/``: every entry is read, reported, or a dot-file.

A misspelt ``organisations.yaml`` or a card saved beside ``article.yaml`` instead of in ``claims/``
would otherwise be ignored without a word. A YAML file is always meant to be read, so one in the
wrong place is an error; another stray entry (a README, a folder of notes) gets a note, which never
fails a check or a strict build.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from generator.problems import START, Problems

YAML_SUFFIXES = (".yaml", ".yml")
CONTENT_ENTRIES = ("organizations.yaml", "techniques.yaml", "glossary.yaml", "articles")
ARTICLE_ENTRIES = ("article.yaml", "original.txt", "claims")


def report_strays(folder: Path, entries: list[Path], expected: tuple[str, ...], problems: Problems) -> None:
    """Report each entry of ``folder`` (its visible entries, listed once by the caller) that is not
    one of the ``expected`` names."""
    present = {entry.name for entry in entries}
    for entry in entries:
        if entry.name in expected:
            continue
        close = next(iter(difflib.get_close_matches(entry.name, expected, n=1, cutoff=0.75)), None)
        if close and close not in present:
            problems.add(entry, START, f"`{entry.name}` is not read: did you mean `{close}`? Rename it")
        elif entry.suffix in YAML_SUFFIXES and entry.is_file():
            problems.add(entry, START, yaml_in_wrong_place(folder, entry, expected, close))
        elif entry.is_dir() and holds_yaml(entry):
            problems.add(entry, START, f"this folder holds YAML files but is not read: {folder.name}/ holds "
                                       f"{listing(expected)}; move the files or rename the folder")
        else:
            problems.note(entry, f"not part of the content, so not read ({folder.name}/ holds "
                                 f"{listing(expected)})")


def yaml_in_wrong_place(folder: Path, entry: Path, expected: tuple[str, ...], close: str | None) -> str:
    if expected == ARTICLE_ENTRIES:
        return f"claim cards belong in claims/: move this file to claims/{entry.name}"
    if close:
        return f"this file is not read, only `{close}` is: move what it holds there and delete it"
    return f"this file is not read: {folder.name}/ holds {listing(expected)}; move or rename it"


def report_strays_among_articles(entries: list[Path], problems: Problems) -> None:
    """``articles/`` holds one folder per article and nothing else."""
    for entry in entries:
        if entry.is_dir():
            continue
        if entry.suffix in YAML_SUFFIXES or entry.name == "original.txt":
            problems.add(entry, START, "articles/ holds one folder per article: move this file into "
                                       "articles/<article-id>/")
        else:
            problems.note(entry, "not part of the content, so not read (articles/ holds one folder per "
                                 "article)")


def holds_yaml(folder: Path) -> bool:
    try:
        return any(p.suffix in YAML_SUFFIXES for p in folder.iterdir())
    except OSError:
        return False


def listing(names: tuple[str, ...]) -> str:
    shown = [name if "." in name else f"{name}/" for name in names]
    return ", ".join(shown[:-1]) + " and " + shown[-1]
