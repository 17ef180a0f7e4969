"""Work and output in proportion to the content: a total budget for quote searches, claim pages that
show a passage in its context rather than its whole paragraph, and a site that grows by a bounded
number of bytes per byte of content. Bounds are counted, never timed (speed is `make bench`'s)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.render.highlight import EXCERPT_CONTEXT
from generator.resolve import anchor as anchor_module

from helpers import (
    MINIMAL_CLAIM,
    build,
    cards_quoting,
    generated_files,
    long_paragraph,
    make_project,
    minimal_content,
    mkdocs,
    problem_lines,
)

# What the site may grow by, per byte of content: the text appears on its reading page, its
# exercise page and in the search index, each with a little markup.
SITE_BYTES_PER_CONTENT_BYTE = 5


def test_a_claim_page_shows_its_passage_in_context_cut_at_words(tmp_path: Path) -> None:
    paragraph = long_paragraph(3_000)
    content = minimal_content(tmp_path / "content", articles__a__original_DOT_txt=paragraph + "\n",
                              **cards_quoting(paragraph, 3))
    assert build(content).problems.lines() == []
    page = str(generated_files(content)["articles/a/claims/c1/index.md"])
    passage = page.split('<blockquote class="ex-para"')[1].split("</blockquote>")[0]
    text = passage.split("<p>", 1)[1].rsplit("</p>", 1)[0]
    assert text.startswith("… ") and text.endswith(" …")
    plain = re.sub(r"<[^>]+>", "", re.sub(r'<a class="ex-ref".*?</a>', "", text))  # the words shown
    shown = plain.removeprefix("… ").removesuffix(" …")
    assert len(shown) <= 2 * EXCERPT_CONTEXT + len("gamma1234 delta1235 alpha1236 beta1237")
    assert f" {shown} " in f" {paragraph} "  # whole words, in order, cut at spaces


def test_a_short_paragraph_is_shown_whole(tmp_path: Path) -> None:
    page = str(generated_files(minimal_content(tmp_path / "content"))["articles/a/claims/c/index.md"])
    passage = page.split('<blockquote class="ex-para"')[1].split("</blockquote>")[0]
    plain = re.sub(r"<[^>]+>", "", re.sub(r'<a class="ex-ref".*?</a>', "", passage.split("<p>", 1)[1]))
    assert plain == "The first paragraph is here."


def site_bytes(project: Path, site: Path) -> int:
    result = mkdocs("build", "--strict", "-d", str(site), cwd=project)
    assert result.returncode == 0, result.stderr
    return sum(f.stat().st_size for f in site.rglob("*") if f.is_file())


def content_bytes(content: Path) -> int:
    return sum(f.stat().st_size for f in content.rglob("*") if f.is_file())


def test_the_site_grows_in_proportion_to_its_content(tmp_path: Path) -> None:
    """One 1.2 MB paragraph annotated by 100 cards: each claim page once repeated the paragraph."""
    small = minimal_content(tmp_path / "small/content")
    paragraph = long_paragraph(110_000)
    big = minimal_content(tmp_path / "big/content", articles__a__original_DOT_txt=paragraph + "\n",
                          **cards_quoting(paragraph, 100))
    small_site = site_bytes(make_project(tmp_path / "small/project", small), tmp_path / "small/site")
    big_site = site_bytes(make_project(tmp_path / "big/project", big), tmp_path / "big/site")
    growth = (big_site - small_site) / (content_bytes(big) - content_bytes(small))
    assert growth <= SITE_BYTES_PER_CONTENT_BYTE, growth


def test_near_miss_quotes_share_one_search_budget_per_article(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    compared = []
    aligned = anchor_module.aligned_window

    def counting(text: str, needle: str, matcher):
        compared.append(len(text) * len(needle))
        return aligned(text, needle, matcher)

    monkeypatch.setattr(anchor_module, "aligned_window", counting)
    paragraph = long_paragraph(1_400)  # about 14,000 characters: alone, each quote's search fits its budget
    assert len(paragraph) * 291 < anchor_module.DIFF_BUDGET
    misses: dict[str, str | None] = {f"articles__a__claims__m{i}_DOT_yaml": MINIMAL_CLAIM.replace(
        "quote: first paragraph", f"quote: {paragraph[i * 120:i * 120 + 290]}X") for i in range(100)}
    misses["articles__a__claims__c_DOT_yaml"] = None
    lines = problem_lines(minimal_content(tmp_path / "content", articles__a__original_DOT_txt=paragraph + "\n",
                                          **misses))
    assert len(lines) == 100 and all("is not in original.txt; the closest passage" in line for line in lines)
    assert sum(compared) <= anchor_module.ARTICLE_DIFF_BUDGET


def test_an_occurrence_past_what_the_search_counts_says_so(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM.replace("quote: first paragraph", "quote: ab\noccurrence: 12000")
    lines = problem_lines(minimal_content(tmp_path / "content", articles__a__original_DOT_txt="ab " * 15_000 + "\n",
                                          articles__a__claims__c_DOT_yaml=card))
    assert lines == ["content/articles/a/claims/c.yaml:4:8: `occurrence: 12000` is past the first 10,000 matches, "
                     "which is as far as the search counts: quote more words, so that the passage occurs fewer "
                     "times"]


def test_glossary_ids_are_unique_and_the_same_on_every_build(tmp_path: Path) -> None:
    glossary = 'OPCW: The watchdog.\nopcw: Lower case.\n"—": A dash.\n"…": An ellipsis.\nUN: The United Nations.\n'
    content = minimal_content(tmp_path / "content", glossary_DOT_yaml=glossary)
    pages = [str(generated_files(content)["glossary/index.md"]) for _ in range(2)]
    ids = re.findall(r'<dt id="([^"]+)"', pages[0])
    assert len(ids) == 5 and len(set(ids)) == 5 and "term-un" in ids and "term-" not in ids
    assert all(re.fullmatch(r"term-[\w-]+", ident) for ident in ids)
    assert re.findall(r'<dt id="([^"]+)"', pages[1]) == ids


def test_a_glossary_term_too_long_for_a_yaml_key_says_so(tmp_path: Path) -> None:
    lines = problem_lines(minimal_content(tmp_path / "content", glossary_DOT_yaml="T" * 30_000 + ": A term.\n"))
    assert lines == ["content/glossary.yaml:1:30001: YAML syntax error: mapping values are not allowed here: a key "
                     "may be at most 1,024 characters long (a glossary term is a key): shorten it, or put a long "
                     "value containing `: ` in quotes"]
