"""The plugin skips Markdown for generated pages: what it hands MkDocs instead must be exactly what
Markdown would have made, with every extension it allows, for ordinary and hostile content."""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.structure.pages import _HTMLHandler
from mkdocs.utils import meta

from generator.adapters.raw_html import (
    UNTOUCHING,
    AnchorIds,
    anchor_ids,
    as_markdown_emits,
    leaves_raw_html_alone,
)

from helpers import EXAMPLE_CONTENT, FIXTURES, generated_files, minimal_content, write_tree

MKDOCS_BUILTINS = ["toc", "tables", "fenced_code"]
EXAMPLE_EXTENSIONS = [*MKDOCS_BUILTINS, "abbr", "admonition", "def_list", "footnotes", "sane_lists"]


def page_bodies(content: Path) -> dict[str, str]:
    return {path: meta.get_data(text)[0] for path, text in generated_files(content).items()
            if path.endswith(".md")}


def markdown_makes(body: str, extensions: list[str]) -> str:
    return markdown.Markdown(extensions=extensions).convert(body)


def mkdocs_anchor_ids(html: str) -> set[str]:
    handler = _HTMLHandler()
    handler.feed(html)
    handler.close()
    return handler.present_anchor_ids


SITES = {"example": EXAMPLE_CONTENT, "mini": FIXTURES / "mini", "hostile": FIXTURES / "hostile"}


@pytest.fixture(scope="module")
def bodies() -> dict[str, str]:
    return {f"{site}/{path}": body for site, content in SITES.items()
            for path, body in page_bodies(content).items()}


def test_every_generated_page_skips_markdown_and_matches_it(bodies: dict[str, str]) -> None:
    assert len(bodies) > 100
    for where, body in bodies.items():
        ours = as_markdown_emits(body)
        assert ours is not None, where  # the default templates always make one raw block
        assert ours == markdown_makes(body, EXAMPLE_EXTENSIONS), where
        assert anchor_ids(ours) == mkdocs_anchor_ids(ours), where


TRICKY_ANCHORS = [
    "<div id='single'>x</div>",
    "<div id=bare>x</div>",
    '<DIV ID="upper">x</DIV>',
    '<A NAME="upper-name">x</A>',
    '<p title="a > b" id="after-a-gt">x</p>',
    "<p title='a > b' id=\"after-a-quoted-gt\">x</p>",
    '<!-- <div id="in-a-comment"> -->',
    '<script>var s = \'<b id="in-a-script">\';</script>',
    '<span name="not-on-a">x</span><a name="on-a">y</a>',
    '<div id = "spaced" >x</div>',
    '<div id="&amp;entity&#x41;">x</div>',
    '<div id="one" id="two">x</div>',
    '<img id="void"/><br id=\'void-single\'>',
]


@pytest.mark.parametrize("html", TRICKY_ANCHORS)
def test_anchor_ids_are_what_mkdocs_collects(html: str) -> None:
    page = f'<div class="ex">\n{html}\n<h2 id="plain">Plain</h2>\n</div>'
    assert anchor_ids(page) == mkdocs_anchor_ids(page) and "plain" in anchor_ids(page)


def test_anchor_ids_are_collected_only_when_asked_for() -> None:
    ids = AnchorIds('<div id="a"><a name="b">x</a></div>')
    assert ids._html is not None  # nothing parsed yet
    assert "a" in ids and "c" not in ids and sorted(ids) == ["a", "b"] and ids == {"a", "b"}
    assert ids | {"c"} == {"a", "b", "c"}


@pytest.mark.parametrize("extension", sorted(UNTOUCHING))
def test_each_allowed_extension_leaves_the_pages_alone(bodies: dict[str, str], extension: str) -> None:
    for where, body in bodies.items():
        assert as_markdown_emits(body) == markdown_makes(body, [*MKDOCS_BUILTINS, extension]), where


def test_only_known_extensions_let_markdown_be_skipped() -> None:
    assert leaves_raw_html_alone(EXAMPLE_EXTENSIONS)
    assert leaves_raw_html_alone(["markdown.extensions.toc", "pymdownx.mark"])
    for refused in ("pymdownx.superfences", "pymdownx.snippets", "pymdownx.striphtml", "someone.elses"):
        assert not leaves_raw_html_alone([*EXAMPLE_EXTENSIONS, refused]), refused
    assert not leaves_raw_html_alone([markdown.extensions.toc.TocExtension()])


@pytest.mark.parametrize("body", [
    "Some *Markdown* a custom template wrote",
    '<div class="ex">one</div>\n<div class="ex">two</div>',
    '<div class="ex">\n<p>x</p>\n</div>\n\nMore *text*',
    '<div class="ex" markdown="1">*emphasis*</div>',
    '<div class="ex">\n```\ncode\n```\n</div>',
    '<div class="ex">\n~~~\ncode\n~~~\n</div>',
    '<div class="ex">\r```\rcode\r```\r</div>',  # Markdown reads a lone CR as a line break
    '<div class="ex"><div>unclosed</div>',
])
def test_anything_but_one_plain_raw_block_goes_to_markdown(body: str) -> None:
    assert as_markdown_emits(body) is None


# Text fields may hold line breaks (YAML block scalars), so card text reaches the page's lines.
awkward_text = st.lists(st.one_of(
    st.sampled_from(list("ab <>&\"'`~*_#|:-=\n\r\t\x02\x03\u2066\\[]()!{}+")),
    st.sampled_from(["```", "~~~", "    ", "\n\n", "<div>", "</div>", 'markdown="1"', "--8<--", "[^1]",
                     "*[HTML]: x"]),
), min_size=1, max_size=40).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(claim=awkward_text, context=awkward_text, role=awkward_text)
def test_any_card_text_gives_what_markdown_gives(tmp_path: Path, claim: str, context: str, role: str) -> None:
    content = tmp_path / "content"
    shutil.rmtree(content, ignore_errors=True)
    minimal_content(content)
    card = (f"claim: {quoted(claim)}\nclaimant:\n  name: Someone\n  role: {quoted(role)}\n"
            f"quote: first paragraph\ncontext: {quoted(context)}\n")
    write_tree(content, {"articles/a/claims/c.yaml": card})
    for where, body in page_bodies(content).items():
        ours = as_markdown_emits(body)
        if ours is not None:
            assert ours == markdown_makes(body, EXAMPLE_EXTENSIONS), where


def quoted(text: str) -> str:
    """A YAML double-quoted scalar holding exactly ``text``."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    escaped = escaped.replace("\r", "\\r")
    return '"' + escaped.replace("\x02", "\\x02").replace("\x03", "\\x03") + '"'
