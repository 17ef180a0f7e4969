"""Card Markdown cannot borrow the page: only the classes we allow, only the extensions that make
plain markup, bounded work, and whatever the render step would drop, `check` refuses first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from generator.load import limits
from generator.load.models import Claim
from generator.memo import Memo
from generator.render.markdown_fields import CARD_EXTENSIONS, ContentMarkdown

from browser import serve_directory, visit
from helpers import MINIMAL_CLAIM, explainer, make_project, minimal_content, mkdocs, problem_lines

CLAIM = "content/articles/a/claims/c.yaml"
EVERY_CARD_EXTENSION = tuple(sorted(CARD_EXTENSIONS))


def lines_for(tmp_path: Path, analysis: str) -> list[str]:
    block = "".join(f"  {line}\n" for line in analysis.splitlines())
    return problem_lines(minimal_content(tmp_path / "content",
                                         articles__a__claims__c_DOT_yaml=MINIMAL_CLAIM + "analysis: |\n" + block))


@pytest.mark.parametrize("text, refused", [
    ('!!! md-dialog md-dialog--active "Your school login has expired"\n    Log in again.', "md-dialog"),
    ("!!!md-typeset\n    x", "md-typeset"),
    ("??? ex-note\n    x", "ex-note"),
    ("!!! ex\n    x", "ex"),
    ("???+ note md-banner\n    x", "md-banner"),
    ("> !!! mermaid\n>     graph", "mermaid"),
    ("- item\n\n    !!! md-sidebar\n        x", "md-sidebar"),
    ("```{.md-dialog .python}\nx\n```", "md-dialog"),
    ("~~~ {.mermaid}\ngraph\n~~~", "mermaid"),
])
def test_check_refuses_classes_that_are_not_ours(tmp_path: Path, text: str, refused: str) -> None:
    lines = lines_for(tmp_path, text)
    assert lines == [f"{CLAIM}:6:11: `analysis` `{refused}` is not a class card text may use: an admonition's "
                     "type is one of note, info, tip, warning, danger, example, quote or another of the types "
                     "the README lists"]


@pytest.mark.parametrize("text", ['!!! note\n    Fine.', '!!! warning "Careful"\n    x', "??? tip\n    x",
                                  "!!! info inline end\n    x", "```python\nx = 1\n```", "Wow!!! A surprise."])
def test_check_accepts_the_admonitions_and_fences_we_allow(tmp_path: Path, text: str) -> None:
    assert lines_for(tmp_path, text) == []


def classes_in(html: str) -> set[str]:
    return {c for value in re.findall(r'class="([^"]*)"', html) for c in value.split()}


@pytest.mark.parametrize("text", [
    '!!! md-dialog md-dialog--active "Your login has expired"\n    Log in.',
    "??? md-banner\n    x", "```{.md-typeset .mermaid}\ngraph\n```", "!!! note ex-note md-top\n    x"])
def test_render_never_emits_a_theme_class_even_if_validation_is_bypassed(text: str) -> None:
    html = ContentMarkdown(EVERY_CARD_EXTENSION, None, Memo()).render(text, "../")
    assert re.search(r"<(div|details|pre)", html), html  # the block was made, without those classes
    found = classes_in(html)
    assert not any(c.startswith(("md-", "ex-")) or c == "mermaid" for c in found), found


def test_render_keeps_the_classes_admonitions_and_highlighting_need() -> None:
    html = ContentMarkdown(EVERY_CARD_EXTENSION, None, Memo()).render('!!! warning "Careful"\n    Text.\n\n```python\nx = 1\n```',
                                                        "../")
    assert {"admonition", "warning", "admonition-title", "highlight", "n", "o", "mi"} <= classes_in(html)


def test_card_text_gets_only_extensions_that_make_plain_markup() -> None:
    site = ("toc", "tables", "fenced_code", "attr_list", "md_in_html", "footnotes", "pymdownx.snippets",
            "pymdownx.emoji", "pymdownx.tabbed", "pymdownx.arithmatex", "pymdownx.blocks.html", "admonition",
            "pymdownx.superfences")
    md = ContentMarkdown(site, {"pymdownx.superfences": {"custom_fences": [
        {"name": "mermaid", "class": "mermaid", "format": lambda *a, **k: '<pre class="mermaid">x</pre>'}],
        "preserve_tabs": True}}, Memo())
    html = md.render("```mermaid\ngraph TD;\n```\n\n:smile:\n\n[^1]\n\n[^1]: note\n\n--8<-- \"/etc/hostname\"", "")
    assert 'class="mermaid"' not in html and "<img" not in html and "<pre" in html
    assert "/etc/hostname" in html  # shown as typed, never read
    assert 'id="fn' not in html and "footnote" not in html


@pytest.mark.parametrize("text, message", [
    ("[" * (limits.MAX_MARKDOWN_BRACKETS + 1), "this text has 201 `[`; the limit is 200: shorten it or split it"),
    ("a\n: b\n" * (limits.MAX_MARKDOWN_DEFINITIONS + 1),
     "this text has 101 definition lines (starting with `: `); the limit is 100: shorten it or split it"),
    ("> " * 9 + "deep", "this text nests 9 levels deep (block quotes, lists or indentation); the limit is 8: "
                        "flatten it"),
    ("".join("    " * i + "- x\n" for i in range(10)),
     "this text nests 10 levels deep (block quotes, lists or indentation); the limit is 8: flatten it"),
    ("- " * 900 + "x", "this text nests 900 levels deep (block quotes, lists or indentation); the limit is 8: "
                       "flatten it"),
    ("> - " * 5 + "y", "this text nests 10 levels deep (block quotes, lists or indentation); the limit is 8: "
                       "flatten it"),
    ("1. " * 9 + "z", "this text nests 9 levels deep (block quotes, lists or indentation); the limit is 8: "
                      "flatten it"),
    ("```\n" * 21 + "x", "this text has 21 code-fence lines (``` or ~~~); the limit is 20: keep code to a few "
                        "blocks"),
])
def test_markdown_that_would_take_work_out_of_proportion_is_refused(tmp_path: Path, text: str, message: str) -> None:
    assert lines_for(tmp_path, text) == [f"{CLAIM}:6:11: `analysis` {message}"]


def test_markdown_within_the_limits_is_accepted(tmp_path: Path) -> None:
    text = ("[a](https://example.org) " * 100 + "\n\n" + "a\n: b\n" * 50 + "\n" + "> " * 8 + "deep\n\n"
            + "```\ncode\n```\n" * 10 + "\n- - a\n    - b\n")
    assert lines_for(tmp_path, text) == []


def test_markdown_failing_on_a_text_shows_it_as_typed_instead_of_failing_the_page() -> None:
    html = ContentMarkdown(EVERY_CARD_EXTENSION, None, Memo()).render("a\n: b <i>\n" * 900, "../")
    assert html.startswith("<p>a<br />") and "&lt;i&gt;" in html


@pytest.mark.parametrize("text, target", [
    ("[][]\n\n[]: javascript:alert(1)", "javascript:alert(1)"),
    ("Term\n: [r]: javascript:alert(1)\n\n[lost][r]", "javascript:alert(1)"),
    ("<ftp://a b>", "ftp://a b"),
    ("<http://a b>", "http://a b"),
    ("> [x][y]\n>\n> [y]: vbscript:msgbox", "vbscript:msgbox"),
    ("- [x][y]\n\n  [y]: javascript:alert(1)", "javascript:alert(1)"),
    ("1. [x][y]\n\n   [y]:\n   javascript:alert(1)", "javascript:alert(1)"),
])
def test_check_refuses_reference_links_the_render_step_would_drop(tmp_path: Path, text: str, target: str) -> None:
    assert lines_for(tmp_path, text) == [
        f"{CLAIM}:6:11: `analysis` link `{target}` is not allowed: use a full https:// address or a site path "
        "such as /glossary/"]


def test_a_footnote_is_not_mistaken_for_a_link(tmp_path: Path) -> None:
    assert lines_for(tmp_path, "A claim.[^A]\n\n[^A]: A note that is not a link.") == []


CARD_WITH_CODE = MINIMAL_CLAIM.replace("context: Some context.\n", "") + """\
context: |-
  A table and code:

  | a | b |
  |---|---|
  | 1 | 2 |

  ```mermaid
  graph TD;

  A-->B;
  ```
"""
MERMAID = """\
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
"""


@pytest.fixture(scope="module")
def mermaid_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A site with Material's documented Mermaid set-up and a card holding a table and a mermaid block,
    built with the plugin and from its export."""
    root = tmp_path_factory.mktemp("mermaid")
    content = minimal_content(root / "content", articles__a__claims__c_DOT_yaml=CARD_WITH_CODE)
    project = make_project(root / "project", content)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("markdown_extensions:\n",
                                                                 "markdown_extensions:\n" + MERMAID), encoding="utf-8")
    assert mkdocs("build", "--strict", "-d", str(root / "plugin"), cwd=project).returncode == 0
    exported = explainer("export", str(root / "export"), cwd=project)
    assert exported.returncode == 0, exported.stderr
    built = mkdocs("build", "--strict", "-d", str(root / "exported"), cwd=root / "export")
    assert built.returncode == 0, built.stderr
    return root / "plugin", root / "exported"


def test_a_mermaid_block_in_a_card_loads_nothing_from_another_host(browser, mermaid_site) -> None:
    plugin_site, _ = mermaid_site
    with serve_directory(plugin_site) as url, visit(browser, f"{url}/articles/a/") as v:
        v.page.wait_for_timeout(500)
        assert v.page.locator(".mermaid").count() == 0
        assert v.page.locator(".ex-note-context table").count() == 1
        v.assert_clean()


def test_export_builds_card_tables_and_code_exactly_as_the_plugin_does(mermaid_site) -> None:
    plugin_site, exported_site = mermaid_site
    for page in ("articles/a/index.html", "articles/a/claims/c/index.html"):
        with_plugin = (plugin_site / page).read_text(encoding="utf-8")
        assert "<table>" in with_plugin and "<pre" in with_plugin and "```" not in with_plugin
        assert (exported_site / page).read_text(encoding="utf-8") == with_plugin, page


link_noise = st.lists(st.sampled_from([
    "[", "]", "(", ")", "<", ">", ":", " ", "\n", "\n\n", "> ", "- ", "1. ", "   ", "^", "!", "x", "[]",
    "javascript:alert(1)", "vbscript:x", "https://example.org/a", "/glossary/", "#frag", "mailto:a@b.c",
    "!!! ", "note", "md-dialog", "```", "{.", "}", "a\n: b\n", "[x]: ", "[^1]",
]), max_size=24).map("".join)


containers = st.sampled_from(["", "> ", "- ", "1. ", "   ", "> - ", "    "])
targets = st.sampled_from(["javascript:alert(1)", "vbscript:x", "https://example.org/a", "/glossary/", "#frag",
                           "mailto:a@b.c", "data:text/html,x"])
labels = st.sampled_from(["y", "", "Y", "^1", " y "])
references = st.builds(
    lambda outer, label, inner, gap, target: f"{outer}[x][{label}]\n\n{inner}[{label}]:{gap}{target}",
    containers, labels, containers, st.sampled_from([" ", "\n   ", "  <", "\n"]), targets)
headers = st.builds(lambda outer, mark, kind: f"{outer}{mark}{kind}\n{outer}    text",
                    containers, st.sampled_from(["!!! ", "!!!", "??? ", "???+ ", "```{.", "~~~ {."]),
                    st.sampled_from(["note", "md-dialog", "ex-x", "mermaid", "warning inline end", "md-top x"]))


@settings(max_examples=300, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(link_noise, references, headers))
def test_text_that_passes_check_loses_nothing_at_render(text: str) -> None:
    """Whatever the render step would drop (a link target, a class), validation refused first."""
    try:
        Claim.model_validate({"claim": "c", "claimant": {"name": "n"}, "quote": "q", "context": text})
    except ValidationError:
        return
    dropped: list[str] = []
    md = ContentMarkdown(EVERY_CARD_EXTENSION, None, Memo())
    keep = md.rewrite_link

    def watching(element, href: str) -> None:
        keep(element, href)
        if element.get("href") is None:
            dropped.append(href)

    md.rewrite_link = watching
    html = md.render(text, "../")
    assert dropped == [], (text, dropped)
    assert not any(c.startswith("md-") or c == "mermaid" for c in classes_in(html)), text
