"""What card Markdown may produce, shared by validation (which refuses) and rendering (which
never emits anything else): ``check`` refuses first what the render step would drop.
"""

from __future__ import annotations

import re

from generator.load.limits import (
    MAX_MARKDOWN_BRACKETS,
    MAX_MARKDOWN_DEFINITIONS,
    MAX_MARKDOWN_FENCES,
    MAX_MARKDOWN_NESTING,
)

# Classes card Markdown may produce: admonition and details types, code highlighting. Never the
# theme's (md-dialog, md-typeset, ...) nor the site's own (ex-...).
ADMONITION_TYPES = frozenset({
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success",
    "check", "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail",
    "missing", "danger", "error", "bug", "example", "quote", "cite",
})
ALLOWED_CLASSES = ADMONITION_TYPES | frozenset({
    "admonition", "admonition-title", "inline", "end", "highlight", "highlighttable", "linenos",
    "linenodiv", "filename", "code", "keys",
})
# Pygments' token classes (k, kd, s2, c1, err, hll, ...), a language, a keyboard key.
ALLOWED_CLASS_PATTERN = re.compile(
    r"[a-z]{1,3}[0-9]?|language-[a-z0-9]+(?:[-+][a-z0-9]+)*|key-[a-z0-9]+(?:-[a-z0-9]+)*")


# The site's and the theme's own short names, which the token pattern would otherwise let through.
NEVER_CLASSES = frozenset({"ex", "md"})


def is_allowed_class(name: str) -> bool:
    if name in ALLOWED_CLASSES:
        return True
    return name not in NEVER_CLASSES and bool(ALLOWED_CLASS_PATTERN.fullmatch(name))


def allowed_classes(value: str) -> str:
    return " ".join(token for token in value.split() if is_allowed_class(token))


# Headers that name classes: admonitions (!!! type), details (??? type, ???+ type) and attribute
# braces on a code fence (```{.class}); inside quotes and lists too.
CLASS_HEADER = re.compile(r"^(?:[ \t]*(?:>|[-+*]|\d+[.)]))*[ \t]*(?:(?:!!!|\?\?\?\+?)[ \t]*([\w \t-]*?)"
                          r"(?:[ \t]*[\"|].*)?|(?:`{3,}|~{3,})[ \t]*\{([^}]*)\}.*)$", re.MULTILINE)


def refused_class(text: str) -> str | None:
    """The first class name the text asks for that card Markdown may not produce."""
    if "!!!" not in text and "???" not in text and "{" not in text:
        return None
    for match in CLASS_HEADER.finditer(text):
        names = match.group(1).split() if match.group(1) is not None else [
            token[1:] for token in match.group(2).split() if token.startswith(".")]
        for name in names:
            if not is_allowed_class(name):
                return name
    return None


DEFINITION_LINE = re.compile(r"^[ \t>]*:[ \t]", re.MULTILINE)
# The containers a line opens, in front of its text: indentation, `>`, list markers (`- - x` is two
# lists deep on one line), definitions.
CONTAINERS = re.compile(r"^((?:[ \t]*(?:>|[-+*:](?=[ \t])|\d{1,9}[.)](?=[ \t])))*)([ \t]*)", re.MULTILINE)
CONTAINER = re.compile(r">|[-+*:](?=[ \t])|\d{1,9}[.)](?=[ \t])")
FENCE_LINE = re.compile(r"^[ \t>:*+\d.)-]*(?:`{3,}|~{3,})", re.MULTILINE)


def nesting(text: str) -> int:
    """The deepest a line of the text is nested: the containers it opens, plus the indentation in
    front of them (four spaces a level)."""
    deepest = 0
    for markers, indent in CONTAINERS.findall(text):
        prefix = markers + indent
        leading = len(prefix) - len(prefix.lstrip(" \t"))
        deepest = max(deepest, len(CONTAINER.findall(prefix)) + len(prefix[:leading].expandtabs(4)) // 4)
    return deepest


def too_much_work(text: str) -> str | None:
    """Why Markdown would do work out of proportion to this text, or None. Bounds the work, not the
    clock: every limit is a count in the text itself."""
    if text.count("[") > MAX_MARKDOWN_BRACKETS:
        return (f"this text has {text.count('['):,} `[`; the limit is {MAX_MARKDOWN_BRACKETS}: "
                "shorten it or split it")
    definitions = len(DEFINITION_LINE.findall(text))
    if definitions > MAX_MARKDOWN_DEFINITIONS:
        return (f"this text has {definitions:,} definition lines (starting with `: `); the limit is "
                f"{MAX_MARKDOWN_DEFINITIONS}: shorten it or split it")
    fences = len(FENCE_LINE.findall(text)) if ("```" in text or "~~~" in text) else 0
    if fences > MAX_MARKDOWN_FENCES:
        return (f"this text has {fences:,} code-fence lines (``` or ~~~); the limit is "
                f"{MAX_MARKDOWN_FENCES}: keep code to a few blocks")
    depth = nesting(text) if any(c in text for c in ">-+*:\t") or "  " in text or ". " in text else 0
    if depth > MAX_MARKDOWN_NESTING:
        return (f"this text nests {depth} levels deep (block quotes, lists or indentation); the limit is "
                f"{MAX_MARKDOWN_NESTING}: flatten it")
    return None
