"""YAML → plain data plus a map from each value's location to its line and column.

PyYAML composes a node tree that keeps positions; we turn it into plain Python ourselves so that
anchors, aliases, merge keys and duplicate keys are refused (cards are plain data) and every key and
value keeps its place in the file for error messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml

from generator.load.limits import MAX_DEPTH, MAX_STRING
from generator.problems import Position

Loc = tuple[str | int, ...]
MERGE_TAG = "tag:yaml.org,2002:merge"
STR_TAG = "tag:yaml.org,2002:str"
# The only types a card holds; anything else (!!python/..., !!binary, !!set, custom tags) is refused.
PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in
                       ("str", "int", "float", "bool", "null", "timestamp", "seq", "map"))


@dataclass
class Located:
    """Where a value and (for mapping entries) its key stand in the file."""

    value: Position
    key: Position | None = None


# Where each value (and, for a mapping entry, its key) starts, as the parser's marks: turned into a
# Position only when a message needs one.
Marks = tuple[Any, Any]


@dataclass
class YamlTree:
    data: Any
    places: dict[Loc, Marks] = field(default_factory=dict)
    empty_keys: set[Loc] = field(default_factory=set)
    # How a yes-or-no value was written (`no`, `Off`, `false`), to name it in messages.
    bool_spellings: dict[Loc, str] = field(default_factory=dict)
    digest: bytes = b""  # of the file's text, set by the loader

    def value_at(self, loc: Loc) -> Position:
        return self._nearest(loc).value

    def key_at(self, loc: Loc) -> Position:
        located = self._nearest(loc)
        return located.key or located.value

    def first_key_of(self, loc: Loc) -> Position:
        """The first key of the mapping at ``loc`` (where a missing field is reported)."""
        keys = [
            mark_position(key) for where, (_, key) in self.places.items()
            if len(where) == len(loc) + 1 and where[: len(loc)] == loc and key
        ]
        return min(keys) if keys else self.value_at(loc)

    def _nearest(self, loc: Loc) -> Located:
        while loc not in self.places and loc:
            loc = loc[:-1]
        value, key = self.places.get(loc, (None, None))
        return Located(mark_position(value), mark_position(key) if key else None)


class YamlProblem(Exception):
    def __init__(self, position: Position, message: str) -> None:
        super().__init__(message)
        self.position = position
        self.message = message


def mark_position(mark: yaml.Mark | None) -> Position:
    return Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)


class _PlainComposer(yaml.SafeLoader):
    """A SafeLoader whose composer refuses anchors and aliases as it meets them."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(
                mark_position(event.start_mark),
                f"alias `*{event.anchor}` is not allowed: cards are plain data, write the value out",
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise YamlProblem(
                mark_position(event.start_mark),
                f"anchor `&{anchor}` is not allowed: cards are plain data, remove it",
            )
        return super().compose_node(parent, index)


class _CardLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):
    """libyaml's parser, with shortcuts in the resolver, which libyaml calls for every scalar: a
    quoted scalar, or a plain one whose first character cannot start a number, date, yes/no or null,
    is text; any other plain scalar gets the type PyYAML's own resolver gives it, remembered for
    short values (keys such as `name` and `organization` recur in every card)."""

    TYPED_STARTS = frozenset(yaml.SafeLoader.yaml_implicit_resolvers)
    SHORTCUT = None not in TYPED_STARTS and not yaml.SafeLoader.yaml_path_resolvers
    KNOWN: ClassVar[dict[str, str]] = {}  # plain scalar → its tag, which depends on the value alone

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is not yaml.ScalarNode or not self.SHORTCUT:
            return super().resolve(kind, value, implicit)
        if not implicit[0] or value[:1] not in self.TYPED_STARTS:
            return self.DEFAULT_SCALAR_TAG
        tag = self.KNOWN.get(value)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(value) <= 40 and len(self.KNOWN) < 10_000:
                self.KNOWN[value] = tag
        return tag


def parse_yaml(text: str) -> YamlTree | None:
    """Parse one YAML document; ``None`` for a file with no content at all."""
    fast = _compose_fast(text)
    root, loader = fast if fast is not None else _compose_careful(text)
    if root is None:
        return None
    tree = YamlTree(data=None)
    tree.data = _plain(root, (), tree, loader)
    tree.places.setdefault((), (root.start_mark, None))
    return tree


def _compose_fast(text: str) -> tuple[yaml.Node | None, yaml.SafeLoader] | None:
    """libyaml's C parser, many times faster than PyYAML's own, for the common case of a clean
    file. ``None`` sends anything unusual (an anchor, an alias, any error) to the careful path,
    which reports it with PyYAML's precise messages."""
    if not yaml.__with_libyaml__:
        return None
    try:
        if "&" in text or "*" in text:  # an anchor or alias may be there: look at the events
            for event in yaml.parse(text, Loader=yaml.CSafeLoader):  # no expansion happens here
                if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                    return None
        loader = _CardLoader(text)
        try:
            return loader.get_single_node(), loader
        finally:
            loader.dispose()
    except (yaml.YAMLError, RecursionError, ValueError):
        return None


def _compose_careful(text: str) -> tuple[yaml.Node | None, yaml.SafeLoader]:
    """PyYAML's Python parser, with anchors and aliases refused as they are met."""
    try:
        loader = _PlainComposer(text)  # the reader checks for forbidden characters right away
    except yaml.reader.ReaderError as error:
        raise YamlProblem(_offset_position(text, error.position), describe_yaml_error(error)) from None
    try:
        root = loader.get_single_node()
    except YamlProblem:
        raise
    except RecursionError:
        raise YamlProblem(Position(1, 1), f"this file is nested too deeply: cards nest at most "
                                          f"{MAX_DEPTH} levels") from None
    except yaml.MarkedYAMLError as error:
        raise YamlProblem(mark_position(error.problem_mark), describe_yaml_error(error)) from None
    except yaml.YAMLError as error:  # reader errors: control characters
        position = Position(1, 1)
        if isinstance(error, yaml.reader.ReaderError):
            position = _offset_position(text, error.position)
        raise YamlProblem(position, describe_yaml_error(error)) from None
    finally:
        loader.dispose()
    return root, loader


def _offset_position(text: str, offset: int) -> Position:
    line_start = text.rfind("\n", 0, offset) + 1
    return Position(text.count("\n", 0, offset) + 1, offset - line_start + 1)


YAML_KEY_LIMIT = 1024  # YAML reads a plain key only if it is shorter than this


def mark_column(error: yaml.YAMLError) -> int:
    mark = getattr(error, "problem_mark", None)
    return mark.column if mark is not None else 0


def describe_yaml_error(error: yaml.YAMLError) -> str:
    problem = getattr(error, "problem", None) or str(error)
    if isinstance(error, yaml.reader.ReaderError):
        return (
            f"character U+{ord(error.character) if isinstance(error.character, str) else error.character:04X}"
            " is not allowed in YAML: delete it"
        )
    context = getattr(error, "context", None)
    if "found character '\\t'" in problem or "'\\t'" in problem:
        return "a tab is not allowed for indentation in YAML: indent with spaces"
    if "expected a single document" in f"{problem} {context}":
        return "this file holds more than one YAML document (a `---` line): keep one card per file"
    hint = ""
    if "expected <block end>" in problem:
        hint = ": check that this line is indented like the lines around it"
    elif "while parsing a flow mapping" in str(context):
        hint = ": close the `{` with `}` on the same line"
    elif "while parsing a flow sequence" in str(context):
        hint = ": close the `[` with `]` on the same line"
    elif "mapping values are not allowed" in problem and mark_column(error) >= YAML_KEY_LIMIT:
        hint = (f": a key may be at most {YAML_KEY_LIMIT:,} characters long (a glossary term is a key): "
                "shorten it, or put a long value containing `: ` in quotes")
    elif "mapping values are not allowed" in problem:
        hint = ": a value containing `: ` must be put in quotes"
    elif "could not find expected ':'" in problem:
        hint = ": each line needs `key: value`"
    elif "found undefined tag" in problem or "could not determine a constructor" in problem:
        hint = ": tags (`!...`) are not allowed"
    text = f"YAML syntax error: {problem}"
    if context and context not in problem:
        text += f" ({context})"
    return text + hint


def _plain(node: yaml.Node, loc: Loc, tree: YamlTree, loader: yaml.SafeLoader) -> Any:
    if node.tag not in PLAIN_TAGS:
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise YamlProblem(mark_position(node.start_mark), f"tag `{shown}` is not allowed: remove it")
    if len(loc) > MAX_DEPTH:
        raise YamlProblem(mark_position(node.start_mark),
                          f"nested more than {MAX_DEPTH} levels deep: cards are flat data, remove a level")
    if isinstance(node, yaml.MappingNode):
        return _plain_mapping(node, loc, tree, loader)
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            tree.places[(*loc, index)] = (item.start_mark, None)
            items.append(_plain(item, (*loc, index), tree, loader))
        return items
    value = _scalar(node, loader)
    if isinstance(value, bool):
        tree.bool_spellings[loc] = node.value
    return value


def _plain_mapping(node: yaml.MappingNode, loc: Loc, tree: YamlTree, loader: yaml.SafeLoader) -> dict:
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key_mark = key_node.start_mark
        if key_node.tag == MERGE_TAG:
            raise YamlProblem(mark_position(key_mark), "merge key `<<` is not allowed: cards are plain data")
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlProblem(mark_position(key_mark), "a key must be a plain name, not a list or mapping")
        key = _scalar(key_node, loader)
        if not isinstance(key, str):
            raise YamlProblem(mark_position(key_mark),
                              f"key `{key_node.value}` must be text: put it in quotes")
        if key in mapping:
            raise YamlProblem(mark_position(key_mark),
                              f"key `{key}` is given twice in this mapping: keep one")
        where = (*loc, key)
        tree.places[where] = (value_node.start_mark, key_mark)
        value = _plain(value_node, where, tree, loader)
        if value is None:
            tree.empty_keys.add(where)  # an explicit empty value means absent
            continue
        mapping[key] = value
    return mapping


# Half of a UTF-16 pair, which only a `\ud83d` escape in quotes can make: no page or file can hold it.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate_message(text: str) -> str:
    code = ord(LONE_SURROGATE.search(text).group())
    return (f"`\\u{code:04x}` is half of a character, which no page can show: write the character "
            "itself instead of its escape (or both halves of the pair as one `\\U` escape)")


def _scalar(node: yaml.Node, loader: yaml.SafeLoader) -> Any:
    if node.tag not in PLAIN_TAGS:
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise YamlProblem(mark_position(node.start_mark), f"tag `{shown}` is not allowed: remove it")
    if isinstance(node, yaml.ScalarNode) and len(node.value) > MAX_STRING:
        raise YamlProblem(mark_position(node.start_mark),
                          f"this text is {len(node.value):,} characters long; the limit is {MAX_STRING:,}: "
                          "shorten it or link to the full text")
    if node.tag == STR_TAG:
        if not node.value.isascii() and LONE_SURROGATE.search(node.value):
            raise YamlProblem(mark_position(node.start_mark), lone_surrogate_message(node.value))
        return node.value  # what SafeConstructor returns for text, without its bookkeeping
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, OverflowError, yaml.constructor.ConstructorError) as error:
        raise YamlProblem(
            mark_position(node.start_mark),
            f"`{node.value}` cannot be read ({error}): put it in quotes if it is text",
        ) from None
