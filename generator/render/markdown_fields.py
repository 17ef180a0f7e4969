"""Markdown fields of untrusted cards → safe HTML.

Raw HTML is shown as text (its block and inline processors are removed), only http(s) and
site-path links survive, site paths become relative to the page so the site works under any
base path (a GitHub Pages project site), and attributes are limited to a short allowlist so an
extension such as ``attr_list`` cannot add event handlers.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable

import markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from generator.load.fields import is_site_path, is_web_url
from generator.load.markdown_rules import allowed_classes
from generator.memo import Memo, fingerprint
from generator.render.urls import Links

# The site's extensions that card fields are rendered with: only those whose output is plain
# markup. Never custom fences or inline formats (a ```mermaid block would make pages load a script
# from a CDN), never anything that fetches (emoji images), reads files (snippets), passes HTML
# (md_in_html, blocks), sets ids (toc, footnotes, tabbed) or needs a script (arithmatex).
CARD_EXTENSIONS = frozenset({
    "abbr", "admonition", "codehilite", "def_list", "fenced_code", "legacy_em", "nl2br", "sane_lists",
    "smarty", "tables",
    "pymdownx.betterem", "pymdownx.caret", "pymdownx.details", "pymdownx.highlight",
    "pymdownx.inlinehilite", "pymdownx.keys", "pymdownx.mark", "pymdownx.saneheaders",
    "pymdownx.smartsymbols", "pymdownx.superfences", "pymdownx.tilde",
})
# Settings that plug code into an extension (a fence or inline format of the owner's): never used
# for card text.
UNSAFE_SETTINGS = frozenset({"custom_fences", "custom_inline"})


def card_extensions(extensions: Iterable[str], configs: dict | None) -> tuple[list[str], dict]:
    """The site's extensions and settings that card fields may use (see ``CARD_EXTENSIONS``).

    Settings are kept only when they are plain data: a setting that is code (a formatter, a
    validator) is the owner's, for the owner's pages."""
    names = [name for name in extensions if name.removeprefix("markdown.extensions.") in CARD_EXTENSIONS]
    settings = {name: {key: value for key, value in dict(configs[name]).items()
                       if key not in UNSAFE_SETTINGS and is_plain_data(value)}
                for name in names if isinstance((configs or {}).get(name), dict)}
    return names, settings


def is_plain_data(value: object) -> bool:
    if isinstance(value, (list, tuple)):
        return all(is_plain_data(item) for item in value)
    if isinstance(value, dict):
        return all(isinstance(key, str) and is_plain_data(item) for key, item in value.items())
    return value is None or isinstance(value, (str, int, float, bool))


# Stands for the page's path to the site root in converted HTML, so one conversion serves every page.
SITE_ROOT = "\ue000site-root\ue000/"
SITE_PATH = re.compile(re.escape(SITE_ROOT) + r'([^"#\s]*)')  # a site path, up to its fragment
# A line of converted HTML that starts like a code fence: the page, itself Markdown, would read it again.
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
            if "class" in element.attrib:
                kept = allowed_classes(element.attrib["class"])
                if kept:
                    element.set("class", kept)
                else:
                    del element.attrib["class"]
            if element.tag == "img":  # no remote images: a card cannot make readers' browsers call out
                element.tag, element.text = "span", element.get("alt", "")
                element.attrib.clear()
            href = element.get("href")
            if href is not None:
                self.fields.rewrite_link(element, href)


START_TAG = re.compile(r"<([a-zA-Z][\w-]*)((?:\s[^<>]*)?)>")
ATTRIBUTE = re.compile(r"""\s+([^\s=<>"'/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")


class _SafeStash(Postprocessor):
    """The same attribute and class allowlist for the HTML extensions set aside whole (highlighted
    code blocks), which the tree never holds. Card text itself never reaches here as markup: its raw
    HTML is escaped, so every tag is an extension's."""

    def run(self, text: str) -> str:
        return START_TAG.sub(self.tag, text) if "=" in text else text

    @staticmethod
    def tag(match: re.Match) -> str:
        kept = []
        for name, value in ATTRIBUTE.findall(match.group(2)):
            if name.lower() not in ALLOWED_ATTRIBUTES:
                continue
            if name.lower() == "class":
                value = allowed_classes(value.strip("\"'"))
                if not value:
                    continue
                value = f'"{value}"'
            kept.append(f" {name}={value}" if value else f" {name}")
        return f"<{match.group(1)}{''.join(kept)}>"


class _SafeContent(Extension):
    def __init__(self, fields: ContentMarkdown) -> None:
        super().__init__()
        self.fields = fields

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.deregister("automail")
        md.treeprocessors.register(_SafeLinks(md, self.fields), "explainer_safe_links", 1)
        md.postprocessors.register(_SafeStash(md), "explainer_safe_stash", 0)  # after raw HTML is back


class ContentMarkdown:
    """Renders card fields with the site's Markdown extensions, made safe. Each text is converted
    once (the memo keeps it while the settings are the same); only the site root differs between
    the pages that show it."""

    def __init__(self, extensions: Iterable[str], configs: dict | None, memo: Memo) -> None:
        names, settings = card_extensions(extensions, configs)
        self._md = markdown.Markdown(extensions=[*names, _SafeContent(self)], extension_configs=settings)
        self._memo = memo
        self._settings = fingerprint(repr(names), repr(sorted(settings.items())))

    def render(self, text: str, root: str, links: Links | None = None, inline: bool = False) -> str:
        """HTML for ``text`` on a page whose relative path to the site root is ``root``; a site path
        in it points where ``links`` says (a file, in an offline copy)."""
        html = self._memo.reuse(("markdown", text), self._settings, lambda: self.safe_html(text),
                                repeated=True)  # one note shows on four or five pages
        if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        if SITE_ROOT not in html:
            return html
        if links is not None and links.file_urls:
            return SITE_PATH.sub(lambda found: root + links.target("/" + found[1]).lstrip("/"), html)
        return html.replace(SITE_ROOT, root)

    def safe_html(self, text: str) -> str:
        html = plain_paragraph(text) or self.convert(text)
        # The page is Markdown too: a fence at a line start (inside a code block) is written as an
        # entity, which shows the same character but is not a fence.
        return FENCE_START.sub(lambda m: m.group(1) + ("&#96;" if m.group(2) == "`" else "&#126;"), html)

    def convert(self, text: str) -> str:
        """Markdown's HTML for the text; should Markdown itself fail on it (validation bounds its
        work, so it should not), the text is shown as typed rather than failing the page, whose
        template is not at fault."""
        try:
            return self._md.reset().convert(text)
        except Exception:  # any failure inside Markdown is the text's, not the page's
            return "<p>" + html.escape(text, quote=False).replace("\n", "<br />\n") + "</p>"

    def rewrite_link(self, element: etree.Element, href: str) -> None:
        if is_web_url(href):
            return
        if is_site_path(href):
            element.set("href", SITE_ROOT + href.lstrip("/"))
            return
        del element.attrib["href"]  # refused by validation; never emitted if it slips through
        element.tag = "span"
