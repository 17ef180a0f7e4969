"""Load: YAML positions and the author-facing line for each kind of mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.yaml_tree import YamlProblem, parse_yaml

from helpers import MINIMAL_CLAIM, minimal_content, problem_lines


def claim_problems(tmp_path: Path, card: str | bytes) -> list[str]:
    content = minimal_content(tmp_path / "content", articles__a__claims__c_DOT_yaml=card)
    return problem_lines(content)


def test_valid_minimal_content_has_no_problems(tmp_path: Path) -> None:
    assert problem_lines(minimal_content(tmp_path / "content")) == []


def test_positions_of_keys_and_values_are_one_based() -> None:
    tree = parse_yaml("a: 1\nb:\n  c: [x, y]\n")
    assert tree is not None
    assert tree.key_at(("b", "c")).line == 3 and tree.key_at(("b", "c")).column == 3
    assert (tree.value_at(("b", "c", 1)).line, tree.value_at(("b", "c", 1)).column) == (3, 10)


@pytest.mark.parametrize(("text", "message"), [
    ("a: &x 1\nb: 2\n", "1:4: anchor `&x` is not allowed"),
    ("a: 1\nb: *x\n", "2:4: alias `*x` is not allowed"),
    ("a: 1\n<<: {b: 2}\n", "2:1: merge key `<<` is not allowed"),
    ("a: 1\na: 2\n", "2:1: key `a` is given twice in this mapping"),
    ("a: !custom 1\n", "1:4: tag `!custom` is not allowed"),
])
def test_plain_data_only(text: str, message: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text)
    where, _, text_part = message.partition(": ")
    line, column = (int(n) for n in where.split(":"))
    assert (caught.value.position.line, caught.value.position.column) == (line, column)
    assert caught.value.message.startswith(text_part)


def test_duplicate_key_reported_at_second_occurrence(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM + "claim: Again.\n"
    assert claim_problems(tmp_path, card) == [
        "content/articles/a/claims/c.yaml:6:1: key `claim` is given twice in this mapping: keep one"
    ]


def test_yes_in_text_field_asks_for_quotes(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM.replace("name: Someone", "name: yes")
    assert claim_problems(tmp_path, card) == [
        "content/articles/a/claims/c.yaml:3:9: `claimant.name` must be text, but YAML reads "
        "yes/no/true/false/on/off as a yes-or-no value: put it in quotes"
    ]


def test_number_in_text_field_asks_for_quotes(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM.replace("claim: Something was said.", "claim: 2018")
    assert claim_problems(tmp_path, card) == [
        "content/articles/a/claims/c.yaml:1:8: `claim` must be text, but YAML reads `2018` as a number "
        "or date: put it in quotes"
    ]


def test_unknown_key_suggests_the_nearest_field(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM + "contxt: typo\n"
    assert claim_problems(tmp_path, card) == [
        "content/articles/a/claims/c.yaml:6:1: unknown field `contxt`: did you mean `context`?"
    ]


def test_missing_field_points_at_first_key_of_its_mapping(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM.replace("context: Some context.\n", "")
    assert claim_problems(tmp_path, card) == [
        "content/articles/a/claims/c.yaml:1:1: `context` is required here: add `context: …`"
    ]


def test_empty_required_value_points_at_its_key(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM.replace("context: Some context.", "context:")
    assert claim_problems(tmp_path, card) == [
        "content/articles/a/claims/c.yaml:5:1: `context` is empty: it is required, write its value"
    ]


def test_blank_required_text_is_refused(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM.replace("context: Some context.", 'context: "   "')
    assert claim_problems(tmp_path, card) == [
        "content/articles/a/claims/c.yaml:5:10: `context` is empty: write the text, or remove the line"
    ]


def test_enum_lists_allowed_values(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM + "assessment: misleadng\n"
    assert claim_problems(tmp_path, card) == [
        "content/articles/a/claims/c.yaml:6:13: `assessment` must be one of: accurate, misleading, "
        "misattributed, unsupported, false, opinion; `misleadng` is not: did you mean `misleading`?"
    ]


def test_single_value_for_a_list_field(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM + "techniques: loaded-language\n"
    assert claim_problems(tmp_path, card) == [
        "content/articles/a/claims/c.yaml:6:13: `techniques` must be a list: write each item on its own "
        "line starting with `- `"
    ]


def test_non_web_url_is_refused(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM + (
        "counter_statements:\n  - organization: acme\n    statement: Said.\n    url: javascript:alert(1)\n"
    )
    assert claim_problems(tmp_path, card) == [
        "content/articles/a/claims/c.yaml:9:10: `counter_statements[1].url` `javascript:alert(1)` is not "
        "a web address: write it in full, starting https://"
    ]


def test_markdown_link_must_be_web_or_site_path(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM.replace("context: Some context.", "context: See [this](javascript:alert(1)).")
    assert claim_problems(tmp_path, card) == [
        "content/articles/a/claims/c.yaml:5:10: `context` link `javascript:alert(1` is not allowed: use a "
        "full https:// address or a site path such as /glossary/"
    ]


def test_impossible_date(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM + "date: 2018-02-30\n"
    lines = claim_problems(tmp_path, card)
    assert len(lines) == 1 and lines[0].startswith("content/articles/a/claims/c.yaml:6:7: `2018-02-30` cannot")


def test_partial_dates_are_accepted(tmp_path: Path) -> None:
    for value in ("2018", "2018-08", "'2018-08'", "2018-08-29"):
        assert claim_problems(tmp_path, MINIMAL_CLAIM + f"date: {value}\n") == [], value


def test_invalid_utf8_byte_reported_at_its_place(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM.encode().replace(b"Someone", b"Some\xffone")
    assert claim_problems(tmp_path, card) == [
        "content/articles/a/claims/c.yaml:3:13: byte 0xff is not UTF-8: save the file with UTF-8 encoding"
    ]


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    card = b"\xef\xbb\xbf" + MINIMAL_CLAIM.replace("\n", "\r\n").encode()
    assert claim_problems(tmp_path, card) == []


def test_tab_indentation_is_named(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM.replace("  name: Someone", "\tname: Someone")
    lines = claim_problems(tmp_path, card)
    assert lines == ["content/articles/a/claims/c.yaml:3:1: a tab is not allowed for indentation in YAML: "
                     "indent with spaces"]


def test_empty_card(tmp_path: Path) -> None:
    assert claim_problems(tmp_path, "") == [
        "content/articles/a/claims/c.yaml:1:1: this file is empty: fill in the required fields"
    ]


def test_list_where_a_mapping_belongs(tmp_path: Path) -> None:
    assert claim_problems(tmp_path, "- claim: x\n") == [
        "content/articles/a/claims/c.yaml:1:1: this file must be a mapping of fields (`key: value` lines), "
        "not a single value or a list"
    ]


def test_missing_required_files_are_reported_at_1_1(tmp_path: Path) -> None:
    content = minimal_content(tmp_path / "content", organizations_DOT_yaml=None,
                              articles__a__original_DOT_txt=None)
    assert problem_lines(content) == [
        "content/articles/a/original.txt:1:1: original.txt is missing: paste the article's text into it, "
        "one paragraph per line",
        "content/organizations.yaml:1:1: organizations.yaml is missing: create it (it may be empty)",
    ]


def test_names_that_are_not_slugs_are_errors(tmp_path: Path) -> None:
    content = minimal_content(tmp_path / "content", articles__a__claims__Bad_Name_DOT_yaml=MINIMAL_CLAIM,
                              articles__a__claims__notes_DOT_txt="x")
    assert problem_lines(content) == [
        "content/articles/a/claims/Bad_Name.yaml:1:1: `Bad_Name` is not a valid id: rename it using "
        "lowercase letters, digits and single hyphens (for example `council-vote`)",
        "content/articles/a/claims/notes.txt:1:1: only claim cards (.yaml or .yml files) belong in claims/: "
        "move this elsewhere",
    ]


def test_same_id_as_yaml_and_yml(tmp_path: Path) -> None:
    content = minimal_content(tmp_path / "content", articles__a__claims__c_DOT_yml=MINIMAL_CLAIM)
    assert problem_lines(content) == [
        "content/articles/a/claims/c.yml:1:1: claim id `c` is used twice (also c.yaml): rename or delete one"
    ]


def test_unknown_organization_suggests_the_nearest(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM.replace("  name: Someone", "  name: Someone\n  organization: acm")
    assert claim_problems(tmp_path, card) == [
        "content/articles/a/claims/c.yaml:4:17: `acm` is not in organizations.yaml: did you mean `acme`?"
    ]


def test_unknown_field_without_a_near_name_lists_the_fields(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM.replace("  name: Someone", "  name: Someone\n  xyz: 1")
    assert claim_problems(tmp_path, card) == [
        "content/articles/a/claims/c.yaml:4:3: unknown field `xyz`: the fields here are name, role, organization"
    ]


def test_every_problem_in_one_run_sorted_by_file_and_line(tmp_path: Path) -> None:
    content = minimal_content(
        tmp_path / "content",
        articles__a__claims__c_DOT_yaml=MINIMAL_CLAIM + "assessment: nope\nfoo: 1\n",
        articles__a__claims__b_DOT_yaml="claim: 5\n",
    )
    lines = problem_lines(content)
    assert [line.split(": ")[0] for line in lines] == [
        "content/articles/a/claims/b.yaml:1:1",  # claimant, context and quote are missing
        "content/articles/a/claims/b.yaml:1:1",
        "content/articles/a/claims/b.yaml:1:1",
        "content/articles/a/claims/b.yaml:1:8",
        "content/articles/a/claims/c.yaml:6:13",
        "content/articles/a/claims/c.yaml:7:1",
    ]
