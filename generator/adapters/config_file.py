"""``mkdocs.yml`` as its author wrote it: where each setting is, and what is wrong with the file.

A mistake in ``mkdocs.yml`` is an author's mistake like one in a card, so it is reported the same
way: one ``mkdocs.yml:line:column: message`` line with the fix. This module reads the file as text
and YAML nodes (no MkDocs import); ``plugin.config_problems`` adds MkDocs' own validation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from generator.load.yaml_tree import describe_yaml_error, mark_position
from generator.problems import START, Position, Problem

Keys = tuple[str | int, ...]


class ConfigPlaces:
    """Where each key, and each item of a list, is written in the file."""

    def __init__(self, root: yaml.Node | None) -> None:
        self.keys: dict[Keys, Position] = {}
        self.items: dict[Keys, tuple[Position, str | None]] = {}  # list items, with their text if plain
        self.values: dict[Keys, tuple[Position, str]] = {}  # plain values of keys
        self.repeated: list[tuple[Keys, Position, Position]] = []  # a key given twice: both places
        self._walk(root, ())

    @classmethod
    def of(cls, config_file: Path) -> ConfigPlaces:
        """Composing, unlike loading, needs none of the tags MkDocs defines (``!ENV``)."""
        try:
            return cls(yaml.compose(config_file.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return cls(None)

    def _walk(self, node: yaml.Node | None, keys: Keys) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    here = (*keys, key.value)
                    if here in self.keys:
                        self.repeated.append((here, self.keys[here], mark_position(key.start_mark)))
                    self.keys.setdefault(here, mark_position(key.start_mark))
                    if isinstance(value, yaml.ScalarNode):
                        self.values.setdefault(here, (mark_position(value.start_mark), value.value))
                    self._walk(value, here)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                text = item.value if isinstance(item, yaml.ScalarNode) else None
                self.items[(*keys, index)] = (mark_position(item.start_mark), text)
                self._walk(item, (*keys, index))

    def nearest(self, *keys: str | int) -> Position:
        """The key's own line, else its nearest written parent's (``theme:`` for a missing ``font``)."""
        for end in range(len(keys), 0, -1):
            if keys[:end] in self.keys:
                return self.keys[keys[:end]]
        return START

    def value(self, *keys: str) -> Position:
        """Where a setting's plain value is written, else the key's place (or its parent's)."""
        return self.values[keys][0] if keys in self.values else self.nearest(*keys)

    def plugin(self, name: str, option: str | None = None) -> Position:
        """Where a plugin (or one of its options) is named, however ``plugins:`` is written."""
        for keys, place in self.keys.items():
            if keys[:1] == ("plugins",) and keys[-1] == (option or name) and (option is None or name in keys):
                return place
        for keys, (place, text) in self.items.items():
            if keys[:1] == ("plugins",) and text == name:
                return place
        return self.nearest("plugins")

    def nav_pages(self) -> Iterator[tuple[Position, str]]:
        """Every page ``nav`` names, with where it is named."""
        for keys, (place, text) in [*self.items.items(), *self.values.items()]:
            if keys[:1] == ("nav",) and text:
                yield place, text


LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,4}")


def configured_language(config_file: Path) -> str | None:
    """``theme.language`` as mkdocs.yml writes it (English when it says none), or None while the
    file cannot be read. A value that is not a language tag counts as English."""
    places = ConfigPlaces.of(config_file)
    if not places.keys:
        return None
    _, language = places.values.get(("theme", "language"), (None, "en"))
    return language if LANGUAGE_TAG.fullmatch(language) else "en"


def configured_value(config_file: Path, key: str) -> str | None:
    """A top-level setting written as plain text, such as ``dev_addr``, without loading the file."""
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    if isinstance(root, yaml.MappingNode):
        for name, value in root.value:
            if isinstance(name, yaml.ScalarNode) and name.value == key and isinstance(value, yaml.ScalarNode):
                return value.value
    return None


def syntax_problem(config_file: Path) -> Problem | None:
    """The file's first reading or YAML mistake, if any, as one line with the fix."""
    try:
        text = config_file.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return Problem(config_file, START, f"{config_file.name} not found: run this in the site's folder "
                                           "(the one holding mkdocs.yml), or pass --config")
    except OSError as error:
        return Problem(config_file, START, f"cannot read it ({error.strerror})")
    except UnicodeDecodeError as error:
        line = error.object[:error.start].count(b"\n") + 1
        return Problem(config_file, Position(line, 1), "this file is not UTF-8 text: save it as UTF-8")
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        return Problem(config_file, mark_position(error.problem_mark), describe_yaml_error(error))
    except yaml.YAMLError as error:
        return Problem(config_file, START, describe_yaml_error(error))
    return None
