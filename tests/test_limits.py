"""Bounded input: every limit fails fast with a clear line, and links out of content/ are never read."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generator.load import content as content_module
from generator.load import limits

from helpers import MINIMAL_CLAIM, minimal_content, problem_lines

CLAIM = "content/articles/a/claims/c.yaml"


def lines_for(tmp_path: Path, **files: str | bytes | None) -> list[str]:
    return problem_lines(minimal_content(tmp_path / "content", **files))


def test_billion_laughs_fails_fast_at_the_first_anchor(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9))
    started = time.monotonic()
    assert lines_for(tmp_path, articles__a__claims__c_DOT_yaml=bomb) == [
        f"{CLAIM}:1:4: anchor `&a` is not allowed: cards are plain data, remove it"]
    assert time.monotonic() - started < 5


def test_file_larger_than_the_limit(tmp_path: Path) -> None:
    big = MINIMAL_CLAIM + "analysis: " + "x" * (limits.MAX_YAML_BYTES) + "\n"
    assert lines_for(tmp_path, articles__a__claims__c_DOT_yaml=big) == [
        f"{CLAIM}:1:1: this file is larger than 2.0 MB, the limit: split it into smaller files"]


def test_original_larger_than_the_limit(tmp_path: Path) -> None:
    big = ("word " * 100 + "\n") * (limits.MAX_TEXT_BYTES // 500 + 1)
    assert lines_for(tmp_path, articles__a__original_DOT_txt=big) == [
        "content/articles/a/original.txt:1:1: this file is larger than 2.0 MB, the limit: split it into "
        "smaller files"]


def test_nesting_deeper_than_the_limit(tmp_path: Path) -> None:
    deep = MINIMAL_CLAIM + "analysis: " + "[" * 40 + "]" * 40 + "\n"
    assert lines_for(tmp_path, articles__a__claims__c_DOT_yaml=deep) == [
        f"{CLAIM}:6:27: nested more than 16 levels deep: cards are flat data, remove a level"]


def test_nesting_that_would_exhaust_the_parser(tmp_path: Path) -> None:
    deep = "a: " + "[" * 50_000 + "]" * 50_000 + "\n"
    assert lines_for(tmp_path, articles__a__claims__c_DOT_yaml=deep) == [
        f"{CLAIM}:1:1: this file is nested too deeply: cards nest at most 16 levels"]


def test_text_longer_than_the_limit(tmp_path: Path) -> None:
    long = MINIMAL_CLAIM.replace("Some context.", "y" * (limits.MAX_STRING + 1))
    assert lines_for(tmp_path, articles__a__claims__c_DOT_yaml=long) == [
        f"{CLAIM}:5:10: this text is 20,001 characters long; the limit is 20,000: shorten it or link to the "
        "full text"]


def test_number_too_long_to_read(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM + "occurrence: " + "9" * 5000 + "\n"
    lines = lines_for(tmp_path, articles__a__claims__c_DOT_yaml=card)
    assert len(lines) == 1 and lines[0].startswith(f"{CLAIM}:6:13: `{'9' * 5000}` cannot be read")


def test_more_cards_than_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(content_module, "MAX_CARDS", 2)
    lines = lines_for(tmp_path, articles__a__claims__d_DOT_yaml=MINIMAL_CLAIM,
                      articles__a__claims__e_DOT_yaml=MINIMAL_CLAIM)
    assert lines == ["content/articles:1:1: 3 claim cards; the limit is 2: split the content into several sites"]


def test_more_organizations_than_the_limit_is_one_line_and_no_pages(tmp_path: Path) -> None:
    orgs = "".join(f"org-{i}:\n  name: Org {i}\n  kind: other\n  about: A body.\n"
                   for i in range(limits.MAX_REGISTRY_ENTRIES + 1))
    assert lines_for(tmp_path, organizations_DOT_yaml="acme:\n  name: A\n  kind: other\n  about: B.\n" + orgs) == [
        "content/organizations.yaml:1:1: 5,002 entries; the limit is 5,000 a file: keep the entries the content "
        "refers to, or split the site"]


@pytest.mark.parametrize("registry", ["techniques", "glossary"])
def test_more_techniques_or_terms_than_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   registry: str) -> None:
    monkeypatch.setattr(content_module, "MAX_REGISTRY_ENTRIES", 2)
    entries = {"techniques": "".join(f"t-{i}:\n  name: T\n  summary: S.\n  ask: Why?\n" for i in range(3)),
               "glossary": "".join(f"Term {i}: A definition.\n" for i in range(3))}[registry]
    lines = lines_for(tmp_path, **{f"{registry}_DOT_yaml": entries})
    assert f"content/{registry}.yaml:1:1: 3 entries; the limit is 2 a file: keep the entries the content refers " \
           "to, or split the site" in lines


def test_limits_admit_a_large_newsroom() -> None:
    assert limits.MAX_REGISTRY_ENTRIES >= 1_000
    assert limits.MAX_CARDS >= 20_000
    assert limits.MAX_STRING >= 10_000 and limits.MAX_YAML_BYTES >= 1_000_000


def test_link_to_a_file_outside_content_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("A private note that must never be published.\n", encoding="utf-8")
    content = minimal_content(tmp_path / "content", articles__a__original_DOT_txt=None)
    (content / "articles/a/original.txt").symlink_to(secret)
    assert problem_lines(content) == [
        "content/articles/a/original.txt:1:1: this is a link to somewhere outside the content folder: copy the "
        "file in instead"]


def test_linked_folder_outside_content_is_not_read(tmp_path: Path) -> None:
    outside = minimal_content(tmp_path / "elsewhere") / "articles/a"
    content = minimal_content(tmp_path / "content")
    (content / "articles/b").symlink_to(outside, target_is_directory=True)
    assert problem_lines(content) == [
        "content/articles/b:1:1: this is a link to somewhere outside the content folder: copy the file in instead"]


def test_link_inside_content_is_followed(tmp_path: Path) -> None:
    content = minimal_content(tmp_path / "content")
    (content / "articles/a/claims/d.yaml").symlink_to(content / "articles/a/claims/c.yaml")
    assert problem_lines(content) == []


def test_looping_link(tmp_path: Path) -> None:
    content = minimal_content(tmp_path / "content")
    (content / "articles/a/claims/d.yaml").symlink_to(content / "articles/a/claims/d.yaml")
    assert problem_lines(content) == [
        "content/articles/a/claims/d.yaml:1:1: this is a broken or looping link: replace it with the file itself"]


def test_named_pipe_is_never_opened(tmp_path: Path) -> None:
    content = minimal_content(tmp_path / "content")
    os.mkfifo(content / "articles/a/claims/d.yaml")
    assert problem_lines(content) == [
        "content/articles/a/claims/d.yaml:1:1: this is not a plain file or folder: replace it with a text file"]


def test_quote_search_in_a_huge_paragraph_stays_fast(tmp_path: Path) -> None:
    text = "lorem ipsum dolor sit amet " * 60_000 + "\n"
    card = MINIMAL_CLAIM.replace("quote: first paragraph", "quote: " + "lorem ipsum dolor sit ametx " * 500)
    started = time.monotonic()
    lines = lines_for(tmp_path, articles__a__original_DOT_txt=text, articles__a__claims__c_DOT_yaml=card)
    assert lines == [f"{CLAIM}:4:8: `quote` is not in original.txt: copy the passage exactly"]
    assert time.monotonic() - started < 10
