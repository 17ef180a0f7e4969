"""The traps a newcomer falls into, each answered with the right line (issue: a site of your own)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.load.models import PLACEHOLDER_QUOTE

from helpers import (
    MINIMAL_ARTICLE,
    MINIMAL_CLAIM,
    REPO,
    explainer,
    generated_files,
    minimal_content,
    problem_lines,
)

CARD = "articles/a/claims/c.yaml"


def card_lines(tmp_path: Path, extra: str, claim: str = MINIMAL_CLAIM) -> list[str]:
    content = minimal_content(tmp_path / "content", articles__a__claims__c_DOT_yaml=claim + extra)
    return [line.removeprefix(f"{tmp_path.name}/") for line in problem_lines(content)]


def test_assessment_false_written_bare_is_the_label(tmp_path: Path) -> None:
    content = minimal_content(tmp_path / "content", articles__a__claims__c_DOT_yaml=MINIMAL_CLAIM + "assessment: false\n")
    assert problem_lines(content) == []
    page = generated_files(content)["articles/a/claims/c/index.md"]
    assert '"alternateName":"False"' in page and 'class="ex-assess ex-assess-false">False<' in page


@pytest.mark.parametrize("written", ["False", "FALSE", "no", "off", "n"])
def test_other_spellings_of_no_are_still_refused(tmp_path: Path, written: str) -> None:
    lines = card_lines(tmp_path, f"assessment: {written}\n")
    assert len(lines) == 1 and lines[0].startswith("content/articles/a/claims/c.yaml:6:13: `assessment` must be one of")
    if written != "n":  # YAML 1.1 reads a bare n as text, not as a yes-or-no value
        assert f"YAML reads a bare `{written}` as a yes-or-no value" in lines[0]


def test_the_editor_schema_accepts_the_bare_label_false() -> None:
    schema = json.loads((REPO / "schema/claim.schema.json").read_text(encoding="utf-8"))
    card = {"claim": "x", "claimant": {"name": "y"}, "quote": "z", "context": "w"}
    jsonschema.validate({**card, "assessment": False}, schema)  # what an editor reads from `false`
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**card, "assessment": "no"}, schema)  # an editor (YAML 1.2) reads `no` as text
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**card, "assessment": True}, schema)


@pytest.mark.parametrize(("extra", "expected"), [
    ("questions:\n  - Who is speaking: the minister or the reporter?\n",
     "content/articles/a/claims/c.yaml:7:5: `questions[1]` holds `: `, which YAML reads as a field name and its "
     "value: put the whole text in quotes"),
    ("analysis:\n  The ministry said: it was fine.\n",
     "content/articles/a/claims/c.yaml:7:3: `analysis` holds `: `, which YAML reads as a field name and its value: "
     "put the whole text in quotes"),
])
def test_a_text_holding_colon_space_is_named_as_such(tmp_path: Path, extra: str, expected: str) -> None:
    assert card_lines(tmp_path, extra) == [expected]


def test_a_misspelt_field_is_still_an_unknown_field(tmp_path: Path) -> None:
    lines = card_lines(tmp_path, "questions:\n  - text: Fine\n    Teacher notes: x\n")
    assert lines == ["content/articles/a/claims/c.yaml:8:5: unknown field `Teacher notes`: did you mean `teacher_notes`?"]


def test_every_mistake_of_a_card_in_one_run_references_included(tmp_path: Path) -> None:
    claim = MINIMAL_CLAIM.replace("  name: Someone\n", "  name: Someone\n  organization: no-such-body\n")
    extra = ("assessment: wrong\ntechniques: [nope]\n"
             "evidence:\n  - {title: T, publisher: ghost, url: 'https://x.org', stance: supports}\n")
    lines = card_lines(tmp_path, extra, claim.replace("first paragraph", "no such words"))
    assert [line.split(": ", 1)[0] for line in lines] == [
        "content/articles/a/claims/c.yaml:4:17", "content/articles/a/claims/c.yaml:5:8",
        "content/articles/a/claims/c.yaml:7:13", "content/articles/a/claims/c.yaml:8:14",
        "content/articles/a/claims/c.yaml:10:27"]
    assert "`no-such-body` is not in organizations.yaml" in lines[0]
    assert "`quote` is not in original.txt" in lines[1]
    assert "`nope` is not in techniques.yaml" in lines[3] and "`ghost` is not in organizations.yaml" in lines[4]


def test_the_scaffold_placeholder_quote_asks_for_a_passage(tmp_path: Path) -> None:
    content = minimal_content(tmp_path / "content")
    result = explainer("new", "claim", "a", "fresh", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert PLACEHOLDER_QUOTE in (content / "articles/a/claims/fresh.yaml").read_text(encoding="utf-8")
    lines = [line for line in problem_lines(content) if "fresh.yaml" in line and "`quote`" in line]
    assert len(lines) == 1
    assert lines[0].endswith("`quote` is still the placeholder: paste a passage of original.txt here")


def test_all_good_counts_in_words(tmp_path: Path) -> None:
    result = explainer("check", "--content", str(minimal_content(tmp_path / "content")), cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.strip() == "All good: 1 article, 1 claim card checked."


def test_an_article_yaml_with_a_mistake_still_has_its_publisher_checked(tmp_path: Path) -> None:
    article = MINIMAL_ARTICLE.replace("publisher: acme", "publisher: nobody") + "colour: blue\n"
    content = minimal_content(tmp_path / "content", articles__a__article_DOT_yaml=article)
    lines = [line for line in problem_lines(content) if "article.yaml" in line]
    assert len(lines) == 2, lines
    assert any("unknown field `colour`" in line for line in lines)
    assert any("`nobody` is not in organizations.yaml" in line for line in lines)
