"""Markdown fields of untrusted cards → safe HTML.

Raw HTML is shown as text (its block and inline processors are removed), only http(s) and
site-path links survive, site paths become relative to the page so the site works under any
base path (a GitHub Pages project site), and attributes are limited to a short allowlist so an
extension such as ``attr_list`` cannot add event handlers.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from generator.load.fields import is_site_path, is_web_url

# Extensions that would let a card inject markup or read files: never applied to card fields.
UNSAFE_EXTENSIONS = frozenset({
    "attr_list", "md_in_html", "markdown.extensions.attr_list", "markdown.extensions.md_in_html",
    "pymdownx.snippets", "pymdownx.blocks.html", "markdown.extensions.toc", "toc",
})
# Stands for the page's path to the site root in converted HTML, so one conversion serves every page.
SITE_ROOT = "\ue000site-root\ue000/"
# A line of converted HTML that starts like a code fence: MkDocs' Markdown would read it again.
FENCE_START = re.compile(r"^([ ]{0,3})([`~])(?=\2\2)", re.MULTILINE)
# Text with none of these characters and no line break is one plain paragraph in any Markdown.
MARKDOWN_SYNTAX = re.compile(r"[\\`*_\[\]<>&!#|~:=\ue000]|^\s*([-+>]|\d+[.)])|^ {4}|\n|https?://|www\.")


def plain_paragraph(text: str) -> str | None:
    """``<p>text</p>`` when ``text`` is plain prose, which is most context notes: Markdown's own
    conversion would give the same bytes, slower."""
    if not text or text != text.strip() or "\t" in text or MARKDOWN_SYNTAX.search(text):
        return None
    return f"<p>{text}</p>"


ALLOWED_ATTRIBUTES = frozenset({"href", "title", "class", "lang", "dir", "colspan", "rowspan", "align"})


class _SafeLinks(Treeprocessor):
    def __init__(self, md: markdown.Markdown, fields: ContentMarkdown) -> None:
        super().__init__(md)
        self.fields = fields

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for name in list(element.attrib):
                if name not in ALLOWED_ATTRIBUTES:
                    del element.attrib[name]
            if element.tag == "img":  # no remote images: a card cannot make readers' browsers call out
                element.tag, element.text = "span", element.get("alt", "")
                element.attrib.clear()
            href = element.get("href")
            if href is not None:
                self.fields.rewrite_link(element, href)


class _SafeContent(Extension):
    def __init__(self, fields: ContentMarkdown) -> None:
        super().__init__()
        self.fields = fields

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.deregister("automail")
        md.treeprocessors.register(_SafeLinks(md, self.fields), "explainer_safe_links", 1)


class ContentMarkdown:
    """Renders card fields with the site's Markdown extensions, made safe."""

    def __init__(self, extensions: Iterable[str] = (), configs: dict | None = None) -> None:
        safe = [name for name in extensions if name not in UNSAFE_EXTENSIONS]
        self._md = markdown.Markdown(
            extensions=[*safe, _SafeContent(self)],
            extension_configs={k: v for k, v in (configs or {}).items() if k in safe},
        )
        self._cache: dict[str, str] = {}

    def render(self, text: str, root: str, inline: bool = False) -> str:
        """HTML for ``text`` on a page whose relative path to the site root is ``root``."""
        html = self._cache.get(text)
        if html is None:  # each text is converted once; only the site root differs between pages
            html = plain_paragraph(text) or self._md.reset().convert(text)
            # The page is Markdown too: a fence at a line start (inside a code block) is written as
            # an entity, which shows the same character but is not a fence.
            html = self._cache[text] = FENCE_START.sub(
                lambda m: m.group(1) + ("&#96;" if m.group(2) == "`" else "&#126;"), html)
        if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return html.replace(SITE_ROOT, root) if SITE_ROOT in html else html

    def rewrite_link(self, element: etree.Element, href: str) -> None:
        if is_web_url(href):
            return
        if is_site_path(href):
            element.set("href", SITE_ROOT + href.lstrip("/"))
            return
        del element.attrib["href"]  # refused by validation; never emitted if it slips through
        element.tag = "span"
