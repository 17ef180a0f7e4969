"""Pydantic errors → author-facing problems at the right line and column.

The contract says where each message points: at the value for type, enum and URL errors, at the key
for unknown keys, and at the mapping's first key for a missing field.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import typing
import unicodedata
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError

from generator.load.yaml_tree import Loc, YamlTree
from generator.problems import Position, Problems

M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], data: Any, tree: YamlTree, path: Path, problems: Problems,
             base: Loc = ()) -> M | None:
    """The model built from ``data`` (found at ``base`` in ``tree``), or None after reporting why not."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        colon_texts: set[Loc] = set()
        for detail in error.errors(include_url=False):
            text_loc = colon_text(detail["loc"], data, model)
            if text_loc is not None:  # one message for the text, not one per field YAML saw in it
                if text_loc not in colon_texts:
                    colon_texts.add(text_loc)
                    key = next(iter(data_at(data, text_loc)))
                    problems.add(path, tree.key_at((*base, *text_loc, key)),
                                 f"`{field_name(text_loc)}` holds `: `, which YAML reads as a field name and "
                                 "its value: put the whole text in quotes")
                continue
            loc = (*base, *detail["loc"])
            position, message = describe(detail, loc, model, base, tree)
            problems.add(path, position, message)
        return None


FIELD_NAME = re.compile(r"[a-z_]+")


def colon_text(loc: Loc, data: Any, model: type[BaseModel]) -> Loc | None:
    """Where a text was expected but YAML found a one-key mapping because the text holds `: `
    (`- Who is speaking: the minister?`): the key is no field name, so it was text."""
    for end in range(1, len(loc) + 1):
        here = data_at(data, loc[:end])
        if isinstance(here, dict) and len(here) == 1:
            key = next(iter(here))
            if isinstance(key, str) and not FIELD_NAME.fullmatch(key) and admits_text(model, loc[:end]):
                return loc[:end]
    return None


def data_at(data: Any, loc: Loc) -> Any:
    """The value at ``loc`` of the loaded data, or None where there is none."""
    for part in loc:
        found = isinstance(data, dict) and part in data
        found = found or (isinstance(data, list) and isinstance(part, int) and part < len(data))
        if not found:
            return None
        data = data[part]
    return data


def admits_text(model: type[BaseModel], loc: Loc) -> bool:
    annotation = _annotation_at(model, loc)
    if annotation is None:
        return False
    candidates = (annotation, *_unwrap(annotation))
    return str in candidates or any(getattr(c, "accepts_text", False) for c in candidates)


def describe(detail: dict, loc: Loc, model: type[BaseModel], base: Loc,
             tree: YamlTree) -> tuple[Position, str]:
    kind = detail["type"]
    value = detail.get("input")
    if isinstance(value, str):
        value = visible(value)
    name = field_name(loc) or "this file"
    if kind == "missing":
        parent = loc[:-1]
        if loc in tree.empty_keys:
            return tree.key_at(loc), f"`{name}` is empty: it is required, write its value"
        return tree.first_key_of(parent), f"`{name}` is required here: add `{loc[-1]}: …`"
    if kind == "extra_forbidden":
        known = fields_at(model, detail["loc"][:-1])
        hint = did_you_mean(str(loc[-1]), known) or f": the fields here are {', '.join(known)}"
        return tree.key_at(loc), f"unknown field `{loc[-1]}`{hint}"
    where = tree.value_at(loc)
    if kind == "string_type":
        return where, f"`{name}` must be text{why_not_text(value)}"
    if kind == "list_type":
        return where, f"`{name}` must be a list: write each item on its own line starting with `- `"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return where, f"`{name}` must be a mapping of fields (`key: value` lines){what_it_is(value)}"
    if kind == "literal_error":
        allowed = [str(a) for a in literal_values(model, detail["loc"])]
        if isinstance(value, bool):
            written = tree.bool_spellings.get(loc, str(value).lower())
            if written in allowed:
                return where, (f"YAML reads a bare {written} as a yes-or-no value: write "
                               f'`{loc[-1]}: "{written}"`, in quotes')
            return where, (f"`{name}` must be one of: {', '.join(allowed)}; YAML reads a bare `{written}` "
                           "as a yes-or-no value, not one of these words")
        return where, (f"`{name}` must be one of: {', '.join(allowed)}; "
                       f"`{value}` is not{did_you_mean(str(value), allowed)}")
    if kind == "string_pattern_mismatch":
        if loc and loc[-1] == "language":
            return where, f"`{name}` `{value}` is not a language code such as en, de, ar or zh-Hant"
        return where, (f"`{name}` `{ascii_visible(detail['input'])}` is not an id: ids use lowercase "
                       "letters, digits and single hyphens, like `state-department`")
    if kind in ("int_type", "int_parsing"):
        return where, f"`{name}` must be a whole number like 2{what_it_is(value)}"
    if kind == "greater_than_equal":
        return where, f"`{name}` must be 1 or more"
    if kind == "value_error":
        return where, f"`{name}` {detail['ctx']['error']}"
    return where, f"`{name}`: {detail['msg']}"


def visible(text: str) -> str:
    """``text`` with invisible and control characters written as escapes, so a look-alike id shows
    what is wrong with it: ``loaded\\u200b-language``."""
    hidden = ("Cf", "Zs")
    return "".join(
        f"\\u{ord(c):04x}" if not c.isprintable() or (unicodedata.category(c) in hidden and c != " ") else c
        for c in text
    )


def ascii_visible(text: str) -> str:
    """For ids, which are plain ASCII: every other character written as an escape, so a Cyrillic
    look-alike letter shows up (``\\u0430cme``)."""
    return "".join(c if 32 <= ord(c) < 127 else f"\\u{ord(c):04x}" for c in text)


def field_name(loc: Loc) -> str:
    name = ""
    for part in loc:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def why_not_text(value: Any) -> str:
    if isinstance(value, bool):
        return ", but YAML reads yes/no/true/false/on/off as a yes-or-no value: put it in quotes"
    if isinstance(value, (int, float, dt.date)):
        return f", but YAML reads `{value}` as a number or date: put it in quotes"
    return what_it_is(value)


def what_it_is(value: Any) -> str:
    if isinstance(value, list):
        return ", not a list"
    if isinstance(value, dict):
        return ", not a mapping"
    if isinstance(value, str):
        return ", not text"
    return ""


def did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f": did you mean `{close[0]}`?" if close else ""


def suggest(word: str, choices: list[str]) -> str:
    """The closest choice, or the choices themselves when there are few."""
    if close := did_you_mean(word, choices):
        return close
    if 0 < len(choices) <= 12:
        return f" (allowed: {', '.join(choices)})"
    return ""


def _model_in(annotation: Any) -> type[BaseModel] | None:
    for candidate in (annotation, *_unwrap(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _unwrap(annotation: Any) -> list[Any]:
    found = []
    for arg in get_args(annotation):
        found.append(arg)
        found.extend(_unwrap(arg))
    return found


def _annotation_at(model: type[BaseModel], loc: Loc) -> Any:
    annotation: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        current = _model_in(annotation)
        if current is None or part not in current.model_fields:
            return None
        annotation = current.model_fields[part].annotation
    return annotation


def fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    current = _model_in(_annotation_at(model, loc))
    return list(current.model_fields) if current else []


def literal_values(model: type[BaseModel], loc: Loc) -> list[Any]:
    annotation = _annotation_at(model, loc)
    for candidate in (annotation, *_unwrap(annotation)):
        if get_origin(candidate) is typing.Literal:
            return list(get_args(candidate))
    return []

