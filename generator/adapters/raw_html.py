"""What Markdown makes of a generated page, without running Markdown.

A generated page's body is one raw HTML block (``<div class="ex ...">…</div>``). Python-Markdown
passes such a block through unchanged apart from normalising whitespace, but it gets there by
parsing every tag with Python's HTMLParser, twice under MkDocs: about half of a full build's time.
The plugin hands MkDocs the HTML that conversion would give, computed here. ``explainer export``
still leaves the pages to Markdown, and tests check that both give the same bytes.

This holds only when no Markdown extension rewrites the source before raw HTML is set aside, or
the HTML after: the plugin uses it only when every configured extension is one of ``UNTOUCHING``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Set
from typing import Any

from markdown.htmlparser import htmlparser

# Extensions that leave raw HTML blocks alone (checked by tests/test_raw_html.py). fenced_code
# (which MkDocs always adds) reads the source first, but only lines that start with a fence, which
# as_markdown_emits() refuses. Missing on purpose: superfences, snippets and critic read the source
# before raw HTML is set aside; striphtml and escapeall rewrite the HTML after; and any extension
# not named here.
UNTOUCHING = frozenset({
    "fenced_code",
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "sane_lists", "smarty",
    "tables", "toc", "wikilinks", "nl2br", "legacy_attrs", "legacy_em", "codehilite",
    "pymdownx.betterem", "pymdownx.caret", "pymdownx.mark", "pymdownx.tilde", "pymdownx.emoji",
    "pymdownx.magiclink", "pymdownx.keys", "pymdownx.smartsymbols", "pymdownx.tasklist",
    "pymdownx.inlinehilite", "pymdownx.highlight", "pymdownx.details", "pymdownx.tabbed",
    "pymdownx.saneheaders", "pymdownx.blocks.admonition", "pymdownx.blocks.details",
})
STANDARD_PREFIX = "markdown.extensions."
DIV_TAG = re.compile(r"<(/?)div\b")
FENCE_LINE = re.compile(r"^[ ]{0,3}(?:`{3,}|~{3,})", re.MULTILINE)
BLANK_LINE = re.compile(r"(?<=\n) +\n")


def leaves_raw_html_alone(extensions: Iterable[Any]) -> bool:
    """Whether Markdown with these extensions passes a raw HTML block through untouched."""
    return all(isinstance(name, str) and name.removeprefix(STANDARD_PREFIX) in UNTOUCHING
               for name in extensions)


def as_markdown_emits(body: str, tab_length: int = 4) -> str | None:
    """The HTML Markdown makes of ``body``, or None when ``body`` is not one raw ``<div>`` block
    (a custom template may write Markdown), asks md_in_html to read Markdown inside it, or has a
    line that a fenced-code extension would take for a fence."""
    # Python-Markdown's whitespace normalisation, which reaches inside raw HTML too; the checks
    # below look at what Markdown would see.
    text = body.replace("\x02", "").replace("\x03", "").replace("\r\n", "\n").replace("\r", "\n")
    text = BLANK_LINE.sub("\n", (text + "\n\n").expandtabs(tab_length)).strip()
    if not (text.startswith("<div") and text.endswith("</div>")) or "markdown=" in text:
        return None
    if FENCE_LINE.search(text):
        return None
    depth, last = 0, len(text) - len("</div>")
    for tag in DIV_TAG.finditer(text):
        depth += -1 if tag.group(1) else 1
        if depth <= 0 and tag.start() != last:  # the first <div> closes before the end
            return None
    return text if depth == 0 else None


class _AnchorCollector(htmlparser.HTMLParser):  # type: ignore[name-defined, misc]
    """Every ``id``, and ``name`` on ``<a>``: what MkDocs collects from a page's raw HTML to check
    links to its anchors, read by the same parser MkDocs uses (Python-Markdown's copy of
    ``html.parser``), so quoting, case, comments and scripts count exactly as they do there."""

    def __init__(self) -> None:
        super().__init__()
        self.found: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" or (name == "name" and tag == "a"):
                self.found.add(value)  # type: ignore[arg-type]  # a bare `id` counts as None there too


def anchor_ids(page_html: str) -> set[str]:
    collector = _AnchorCollector()
    collector.feed(page_html)
    collector.close()
    return collector.found


class AnchorIds(Set):
    """A page's anchor ids, collected only if something asks: MkDocs asks only for pages that a
    written page links into with a ``#fragment``, so most generated pages are never parsed."""

    def __init__(self, page_html: str) -> None:
        self._html: str | None = page_html
        self._ids: set[str] = set()

    def _collected(self) -> set[str]:
        if self._html is not None:
            self._ids, self._html = anchor_ids(self._html), None
        return self._ids

    def __contains__(self, item: object) -> bool:
        return item in self._collected()

    def __iter__(self) -> Iterator[str]:
        return iter(self._collected())

    def __len__(self) -> int:
        return len(self._collected())

    @classmethod
    def _from_iterable(cls, items: Iterable[str]) -> set[str]:  # what `|`, `&` and `-` return
        return set(items)
