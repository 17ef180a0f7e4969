"""What card Markdown may produce, shared by validation (which refuses) and rendering (which
never emits anything else): ``check`` refuses first what the render step would drop.
"""

from __future__ import annotations

import re

from generator.load.limits import MAX_MARKDOWN_BRACKETS, MAX_MARKDOWN_DEFINITIONS, MAX_MARKDOWN_NESTING

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


def allowed_classes(value: str) -> str:
    return " ".join(token for token in value.split()
                    if token in ALLOWED_CLASSES or ALLOWED_CLASS_PATTERN.fullmatch(token))


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
            if name not in ALLOWED_CLASSES and not ALLOWED_CLASS_PATTERN.fullmatch(name):
                return name
    return None


DEFINITION_LINE = re.compile(r"^[ \t>]*:[ \t]", re.MULTILINE)
QUOTE_PREFIX = re.compile(r"^[ \t]*((?:>[ \t]*)+)", re.MULTILINE)
INDENT = re.compile(r"^([ \t]+)\S", re.MULTILINE)


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
    depth = max((prefix.count(">") for prefix in QUOTE_PREFIX.findall(text)), default=0)
    indent = max((len(space.expandtabs(4)) // 4 for space in INDENT.findall(text)), default=0)
    if max(depth, indent) > MAX_MARKDOWN_NESTING:
        return (f"this text nests {max(depth, indent)} levels deep (block quotes or indented lists); "
                f"the limit is {MAX_MARKDOWN_NESTING}: flatten it")
    return None
