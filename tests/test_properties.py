"""Property-based tests: random YAML, random bytes and random quotes never produce a traceback or
a hang, and whatever anchors really is the quoted passage."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load.models import Claim
from generator.load.original import split_paragraphs
from generator.load.yaml_tree import parse_yaml
from generator.memo import Memo
from generator.render.markdown_fields import ContentMarkdown
from generator.resolve.anchor import Anchor, AnchoredText, AnchorFailure
from generator.resolve.normalize import normalize, normalize_quote

from helpers import minimal_content, problem_lines

LINE = re.compile(r"^content/[^\n]+:\d+:\d+: [^\n]+$")
PROPERTY = settings(max_examples=120, deadline=5000, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
    st.text(max_size=40), st.dates().map(str),
)
keys = st.one_of(st.sampled_from(sorted(Claim.model_fields)), st.text(min_size=1, max_size=12))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)), max_leaves=25)
cards = st.dictionaries(keys, values, max_size=10)


def check_card(body: bytes) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        content = minimal_content(Path(folder) / "content", articles__a__claims__c_DOT_yaml=body)
        return problem_lines(content)


@PROPERTY
@given(cards)
def test_random_yaml_cards_give_problem_lines_never_a_traceback(card: dict) -> None:
    body = yaml.safe_dump(card, allow_unicode=True).encode("utf-8")
    for line in check_card(body):
        assert LINE.match(line), line


@PROPERTY
@given(st.binary(max_size=300))
def test_random_bytes_give_problem_lines_never_a_traceback(body: bytes) -> None:
    for line in check_card(body):
        assert LINE.match(line), line


@PROPERTY
@given(st.text(max_size=300))
def test_random_text_gives_problem_lines_never_a_traceback(body: str) -> None:
    for line in check_card(body.encode("utf-8", errors="surrogatepass")):
        assert LINE.match(line), line


paragraph_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"), max_size=80)


@PROPERTY
@given(st.lists(paragraph_text, min_size=1, max_size=5), st.text(max_size=30),
       st.one_of(st.none(), st.integers(min_value=1, max_value=4)))
def test_anchoring_random_quotes_finds_the_quote_or_explains(paragraphs: list[str], quote: str,
                                                             occurrence: int | None) -> None:
    text = AnchoredText(tuple(split_paragraphs("\n".join(paragraphs))))
    if not text.paragraphs:
        return
    found = text.find(quote, occurrence)
    if isinstance(found, AnchorFailure):
        assert found.message.startswith(("`quote`", "`occurrence"))
        return
    assert isinstance(found, Anchor)
    passage = text.paragraphs[found.paragraph - 1].text[found.start:found.end]
    assert normalize(passage).text.strip(" ") == normalize_quote(quote)


@PROPERTY
@given(st.lists(paragraph_text, min_size=1, max_size=4), st.integers(min_value=0, max_value=3),
       st.data())
def test_a_passage_copied_from_the_text_always_anchors(paragraphs: list[str], pick: int, data) -> None:
    parsed = split_paragraphs("\n".join(paragraphs))
    if not parsed:
        return
    source = parsed[pick % len(parsed)].text
    start = data.draw(st.integers(min_value=0, max_value=len(source)))
    end = data.draw(st.integers(min_value=start, max_value=len(source)))
    quote = source[start:end]
    text = AnchoredText(tuple(parsed))
    if not normalize_quote(quote):
        return
    matches = len(text.matches(normalize_quote(quote)))
    found = text.find(quote, 1 if matches > 1 else None)
    assert isinstance(found, Anchor), found


MARKDOWN = ContentMarkdown(("abbr", "attr_list", "md_in_html", "def_list"), None, Memo())
markdown_noise = st.text(st.sampled_from(list("<>\"'=&/:;()[]{}!*_`#\\ \nabcjsvriptonerlx.")), max_size=120)


@PROPERTY
@given(st.one_of(markdown_noise, st.text(max_size=120)))
def test_markdown_fields_never_emit_markup_from_the_text(text: str) -> None:
    html = MARKDOWN.render(text, "../")
    assert "<script" not in html.lower() and "<iframe" not in html.lower()
    assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html, re.IGNORECASE)
    for href in re.findall(r'href="([^"]*)"', html):
        assert href.startswith(("http://", "https://", "../")), href


PLAIN_MARKDOWN = ContentMarkdown(("abbr", "admonition", "def_list", "footnotes", "sane_lists", "toc"), None,
                                 Memo())


@PROPERTY
@given(st.text(st.sampled_from(list("abcXYZ019 .,;:'\"?()-+$%/—…éß\t\n#*_>")), max_size=60))
def test_plain_prose_shortcut_gives_the_same_html_as_markdown(text: str) -> None:
    from generator.render.markdown_fields import plain_paragraph

    shortcut = plain_paragraph(text)
    if shortcut is not None:
        assert shortcut == PLAIN_MARKDOWN._md.reset().convert(text)


# Spellings YAML 1.1 gives a type (yes/no, null, numbers in many bases, dates, sexagesimal), and
# text around them; no anchors, tags or keys.
YAML_TYPED = ["yes", "Yes", "NO", "on", "Off", "true", "FALSE", "null", "Null", "~", "", "2018-08-29",
              "2018-08-29 10:00:00", "1e3", "1.5e-3", "0x1F", "0o17", "017", "0b101", ".inf", "-.Inf", ".NaN",
              "1_000", "12:30", "+7", "-0", "<<", "="]
scalar_text = st.one_of(st.sampled_from(YAML_TYPED),
                        st.text(st.sampled_from(list("aefilnorstuyNOYTF~0129-+._<= ")), max_size=12))


@given(scalar_text, st.sampled_from(["{}", "'{}'", '"{}"', "[{}]"]))
def test_the_fast_yaml_resolver_types_scalars_as_pyyaml_does(value: str, form: str) -> None:
    document = "key: " + form.format(value.replace("'", "''") if form.startswith("'") else value)
    try:
        expected = yaml.safe_load(document)
    except yaml.YAMLError:
        return  # not YAML at all: the careful parser reports it
    tree = parse_yaml(document)
    assert tree is not None and tree.data == {k: v for k, v in expected.items() if v is not None}
