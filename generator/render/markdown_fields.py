"""Markdown fields of untrusted cards → safe HTML.

Raw HTML is shown as text (its block and inline processors are removed), only http(s) and
site-path links survive, site paths become relative to the page so the site works under any
base path (a GitHub Pages project site), and attributes are limited to a short allowlist so an
extension such as ``attr_list`` cannot add event handlers.
"""

from __future__ import annotations

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
        self.root = "./"
        self._md = markdown.Markdown(
            extensions=[*safe, _SafeContent(self)],
            extension_configs={k: v for k, v in (configs or {}).items() if k in safe},
        )
        self._cache: dict[tuple[str, str, bool], str] = {}

    def render(self, text: str, root: str, inline: bool = False) -> str:
        """HTML for ``text`` on a page whose relative path to the site root is ``root``."""
        key = (text, root, inline)
        if key not in self._cache:
            self.root = root
            html = self._md.reset().convert(text)
            if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
                html = html[3:-4]
            self._cache[key] = html
        return self._cache[key]

    def rewrite_link(self, element: etree.Element, href: str) -> None:
        if is_web_url(href):
            return
        if is_site_path(href):
            element.set("href", self.root + href.lstrip("/"))
            return
        del element.attrib["href"]  # refused by validation; never emitted if it slips through
        element.tag = "span"
