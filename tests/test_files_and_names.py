"""Files, links and names from a stranger's pull request: no command writes through a link or outside
its target, ids are whole slugs, and every entry of content/ is read, reported, or a dot-file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import MINIMAL_ORGS, explainer, make_project, minimal_content, mkdocs, problem_lines


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder elsewhere on the author's machine, with a file that must survive every command."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "precious.txt").write_text("Not to be touched.\n", encoding="utf-8")
    return folder


def refused(result, link: str) -> None:
    """The command said, in one line, which link stands in the way, and created nothing."""
    assert result.returncode == 2, result.stdout + result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith(f"{link} is a link (to ") and "nothing was written" in result.stderr
    assert "Created" not in result.stdout


@pytest.mark.parametrize("linked", ["content", "content/articles"])
def test_new_article_refuses_a_linked_folder_on_its_way(tmp_path: Path, outside: Path, linked: str) -> None:
    site = tmp_path / "site"
    real = minimal_content(tmp_path / "real")
    if linked == "content":
        site.mkdir()
        (site / "content").symlink_to(outside, target_is_directory=True)
    else:
        minimal_content(site / "content")
        os.rename(site / "content/articles", tmp_path / "moved")
        (site / "content/articles").symlink_to(outside, target_is_directory=True)
    before = snapshot(outside)
    refused(explainer("new", "article", "fresh", cwd=site), linked)
    assert snapshot(outside) == before and real.is_dir()


def test_new_article_refuses_a_dangling_link_where_the_folder_would_go(tmp_path: Path, outside: Path) -> None:
    content = minimal_content(tmp_path / "content")
    (content / "articles/fresh").symlink_to(outside / "not-yet", target_is_directory=True)
    refused(explainer("new", "article", "fresh", cwd=tmp_path), "content/articles/fresh")
    assert not (outside / "not-yet").exists()


def test_new_claim_refuses_a_linked_claims_folder(tmp_path: Path, outside: Path) -> None:
    content = minimal_content(tmp_path / "content")
    os.rename(content / "articles/a/claims", tmp_path / "claims-moved")
    (content / "articles/a/claims").symlink_to(outside, target_is_directory=True)
    before = snapshot(outside)
    refused(explainer("new", "claim", "a", "fresh", cwd=tmp_path), "content/articles/a/claims")
    assert snapshot(outside) == before


@pytest.mark.parametrize("suffix", [".yaml", ".yml"])
def test_new_claim_never_writes_through_a_dangling_link(tmp_path: Path, outside: Path, suffix: str) -> None:
    content = minimal_content(tmp_path / "content")
    (content / f"articles/a/claims/fresh{suffix}").symlink_to(outside / "planted.txt")
    result = explainer("new", "claim", "a", "fresh", cwd=tmp_path)
    if suffix == ".yaml":
        refused(result, "content/articles/a/claims/fresh.yaml")
    else:  # the .yml twin stands in the way: nothing is created beside it
        assert result.returncode == 1 and "already exists" in result.stderr
    assert not (outside / "planted.txt").exists()


def test_new_claim_refuses_a_linked_article_folder(tmp_path: Path, outside: Path) -> None:
    content = minimal_content(tmp_path / "content")
    (outside / "claims").mkdir()
    (content / "articles/b").symlink_to(outside, target_is_directory=True)
    refused(explainer("new", "claim", "b", "fresh", cwd=tmp_path), "content/articles/b")
    assert list((outside / "claims").iterdir()) == []


@pytest.mark.parametrize("ident", ["b\n", "b\r", "b\x1b[31m", "b\u202e", "B", "b--c"])
def test_new_refuses_ids_that_are_not_whole_slugs(tmp_path: Path, ident: str) -> None:
    minimal_content(tmp_path / "content")
    for args in (("article", ident), ("claim", "a", ident)):
        result = explainer("new", *args, cwd=tmp_path)
        assert result.returncode == 2 and len(result.stderr.splitlines()) == 1, result.stderr
        assert "is not a valid id" in result.stderr
        assert all(c.isprintable() for c in result.stderr.rstrip("\n")), result.stderr  # controls escaped
    assert sorted(p.name for p in (tmp_path / "content/articles").iterdir()) == ["a"]


def test_schema_refuses_to_write_through_a_planted_link(tmp_path: Path, outside: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema/claim.schema.json").symlink_to(outside / "precious.txt")
    before = snapshot(outside)
    result = explainer("schema", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("schema/claim.schema.json is a link (to ")
    assert snapshot(outside) == before


def test_export_answers_in_one_line_for_a_file_a_link_or_a_path_through_one(tmp_path: Path,
                                                                             outside: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "a-file").write_text("keep\n", encoding="utf-8")
    (project / "linked").symlink_to(outside, target_is_directory=True)
    before = snapshot(outside)
    cases = {
        "a-file": "a-file is a file: choose a folder to export to",
        "linked": "linked is a link (to ",
        "linked/deeper": "linked is a link (to ",
        "a-file/inside": "a-file/inside: cannot write the export (Not a directory): choose another folder",
    }
    for target, line in cases.items():
        result = explainer("export", target, cwd=project)
        assert result.returncode == 2, (target, result.stderr)
        assert result.stderr.splitlines()[-1].startswith(line) and "Traceback" not in result.stderr, target
    assert snapshot(outside) == before
    assert (project / "a-file").read_text(encoding="utf-8") == "keep\n"


def test_names_ending_in_a_line_break_or_holding_controls_are_refused_and_shown_escaped(tmp_path: Path) -> None:
    content = minimal_content(tmp_path / "content")
    os.rename(content / "articles/a", content / "articles/a\n")
    (content / "articles/a\n/claims/c\u202ed.yaml").write_text("claim: x\n", encoding="utf-8")
    (content / "articles/b\x1b[31m").mkdir()
    lines = problem_lines(content)
    assert lines == [
        "content/articles/a\\n:1:1: `a\\u000a` is not a valid id: rename it using lowercase letters, digits and "
        "single hyphens (for example `council-vote`)",
        "content/articles/b\\u001b[31m:1:1: `b\\u001b[31m` is not a valid id: rename it using lowercase letters, "
        "digits and single hyphens (for example `council-vote`)",
    ]
    os.rename(content / "articles/a\n", content / "articles/a")
    assert "content/articles/a/claims/c\\u202ed.yaml:1:1: `c\\u202ed` is not a valid id" in problem_lines(content)[0]


def test_claims_as_a_file_and_a_registry_as_a_folder_are_named_as_such(tmp_path: Path) -> None:
    content = minimal_content(tmp_path / "content", organizations_DOT_yaml=None)
    (content / "organizations.yaml").mkdir()
    (content / "organizations.yaml/acme.yaml").write_text(MINIMAL_ORGS, encoding="utf-8")
    for card in (content / "articles/a/claims").iterdir():
        card.unlink()
    (content / "articles/a/claims").rmdir()
    (content / "articles/a/claims").write_text("not a folder\n", encoding="utf-8")
    assert problem_lines(content) == [  # references to an unreadable registry are not reported again
        "content/articles/a/claims:1:1: `claims` must be a folder, but this is a file",
        "content/organizations.yaml:1:1: `organizations.yaml` must be a file, but this is a folder: move what it "
        "holds and replace it with the file",
    ]


def test_a_misspelt_registry_says_which_name_it_should_have(tmp_path: Path) -> None:
    content = minimal_content(tmp_path / "content", organizations_DOT_yaml=None,
                              organisations_DOT_yaml=MINIMAL_ORGS)
    assert problem_lines(content)[-2:] == [
        "content/organisations.yaml:1:1: `organisations.yaml` is not read: did you mean `organizations.yaml`? "
        "Rename it",
        "content/organizations.yaml:1:1: organizations.yaml is missing: create it (it may be empty)",
    ]


def test_harmless_files_are_one_info_line_and_never_fail_check_or_a_strict_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    article = project / "content/articles/lavrov-idlib-warning"
    (project / "content/README.md").write_text("# How we keep our content\n", encoding="utf-8")
    (article / "research").mkdir()
    (article / "research/ideas.txt").write_text("Later.\n", encoding="utf-8")
    (project / "content/.hidden.yaml").write_text("not: read\n", encoding="utf-8")
    result = explainer("check", cwd=project)
    assert result.returncode == 0 and result.stdout == "", result.stdout
    assert [line for line in result.stderr.splitlines() if ": info: " in line] == [
        "content/README.md:1:1: info: not part of the content, so not read (content/ holds organizations.yaml, "
        "techniques.yaml, glossary.yaml and articles/)",
        "content/articles/lavrov-idlib-warning/research:1:1: info: not part of the content, so not read "
        "(lavrov-idlib-warning/ holds article.yaml, original.txt and claims/)",
    ]
    build = mkdocs("build", "--strict", "-d", str(tmp_path / "site"), cwd=project)
    assert build.returncode == 0, build.stderr
    assert "content/README.md:1:1: info: not part of the content" in build.stderr
