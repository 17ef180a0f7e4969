"""Every external address the content cites, with each place that cites it.

Sources (`url` and `archive_url` of an article, a timeline item, evidence, a counter-statement, an
organization and its `sources`) and the links inside Markdown fields, read from the loaded files so
each place keeps its line and column. ``explainer links`` checks them; nothing here touches the net.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.load.content import Content
from generator.load.fields import is_web_url, markdown_link_targets
from generator.load.safety import why_unsafe
from generator.load.text import TextError, read_text
from generator.load.yaml_tree import Loc, YamlProblem, YamlTree, parse_yaml
from generator.problems import Position

SOURCE_KEYS = ("url", "archive_url")


@dataclass(frozen=True)
class Citation:
    url: str
    path: Path
    position: Position
    # For a source (not a link inside text): whether it has an archived copy, and the date an
    # archive snapshot should be close to (`accessed`, else the source's own `date`).
    source: bool = False
    archived: bool = False
    when: str | None = None


def citations(content: Content) -> list[Citation]:
    """Every citation of a web address in the content, in file order."""
    found: list[Citation] = []
    for registry in (content.organizations, content.techniques):
        for entry in registry.values():
            found += cited_in(entry.tree, entry.path, entry.base)
    glossary = content.root / "glossary.yaml"  # kept by the loader as plain text: read it again, safely
    if glossary.is_file() and not why_unsafe(glossary, content.root.resolve()):
        tree = read_tree(glossary)
        if tree is not None and isinstance(tree.data, dict):
            found += cited_in(tree, glossary, ())
    for folder in content.articles.values():
        for entry in ([folder.meta] if folder.meta else []) + list(folder.claims.values()):
            found += cited_in(entry.tree, entry.path, entry.base)
    return found


def read_tree(path: Path) -> YamlTree | None:
    try:
        return parse_yaml(read_text(path, 2_000_000))
    except (TextError, YamlProblem, OSError):
        return None  # `explainer check` reports it


def cited_in(tree: YamlTree, path: Path, base: Loc) -> Iterator[Citation]:
    value: Any = tree.data
    for part in base:
        value = value[part]
    yield from walk(value, base, tree, path)


def walk(value: Any, loc: Loc, tree: YamlTree, path: Path) -> Iterator[Citation]:
    if isinstance(value, dict):
        for key in ("url", "archive_url"):
            if isinstance(value.get(key), str) and is_web_url(value[key]):
                yield Citation(value[key], path, tree.value_at((*loc, key)), source=True,
                               archived=key == "archive_url" or "archive_url" in value,
                               when=str(value.get("accessed") or value.get("date") or "") or None)
        for key, item in value.items():
            if key not in SOURCE_KEYS:
                yield from walk(item, (*loc, key), tree, path)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, (*loc, index), tree, path)
    elif isinstance(value, str) and ("](" in value or "]:" in value or "<" in value):
        for target in markdown_links(value):
            yield Citation(target, path, tree.value_at(loc))


def markdown_links(text: str) -> list[str]:
    return [target for target in dict.fromkeys(markdown_link_targets(text)) if is_web_url(target)]
