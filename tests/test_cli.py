"""The command-line adapter: check, new, export."""

from __future__ import annotations

import datetime as dt
import filecmp
from pathlib import Path

import yaml

from helpers import MINIMAL_CLAIM, explainer, make_project, minimal_content, mkdocs


def test_check_passes_on_the_example(tmp_path: Path) -> None:
    result = explainer("check", cwd=make_project(tmp_path / "p"))
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    assert "All good: 1 article, 18 claim cards checked." in result.stderr


def test_check_prints_one_line_per_mistake_and_exits_1(tmp_path: Path) -> None:
    card = MINIMAL_CLAIM.replace("name: Someone", "name: no") + "stance: x\n"
    minimal_content(tmp_path / "content", articles__a__claims__c_DOT_yaml=card)
    result = explainer("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "content/articles/a/claims/c.yaml:3:9: `claimant.name` must be text, but YAML reads "
        "yes/no/true/false/on/off as a yes-or-no value: put it in quotes",
        "content/articles/a/claims/c.yaml:6:1: unknown field `stance`: the fields here are claim, claimant, "
        "date, quote, occurrence, assessment, techniques, context, analysis, evidence, counter_statements, "
        "questions, reviewed, corrections",
    ]
    assert "Traceback" not in result.stderr


def test_check_takes_a_content_folder_and_prints_paths_from_here(tmp_path: Path) -> None:
    minimal_content(tmp_path / "site/stuff", articles__a__claims__c_DOT_yaml="claim: [1]\n")
    result = explainer("check", "--content", "site/stuff", cwd=tmp_path)
    assert result.returncode == 1
    assert all(line.startswith("site/stuff/articles/a/claims/c.yaml:1:") for line in result.stdout.splitlines())


def test_python_m_generator_is_the_same_command(tmp_path: Path) -> None:
    minimal_content(tmp_path / "content")
    assert explainer("check", cwd=tmp_path).returncode == 0


def test_new_article_then_claim_scaffold_and_refuse_to_overwrite(tmp_path: Path) -> None:
    minimal_content(tmp_path / "content")
    created = explainer("new", "article", "fresh-one", cwd=tmp_path)
    assert created.returncode == 0
    folder = tmp_path / "content/articles/fresh-one"
    assert (folder / "article.yaml").is_file() and (folder / "original.txt").is_file()
    assert "Next:" in created.stdout
    assert explainer("new", "article", "fresh-one", cwd=tmp_path).returncode == 1
    claim = explainer("new", "claim", "fresh-one", "first-claim", cwd=tmp_path)
    assert claim.returncode == 0 and (folder / "claims/first-claim.yaml").is_file()
    card = (folder / "claims/first-claim.yaml").read_text(encoding="utf-8")
    assert f"\nreviewed: {dt.date.today().isoformat()} " in card  # filled in, for the author to keep current
    again = explainer("new", "claim", "fresh-one", "first-claim", cwd=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert explainer("new", "claim", "fresh-one", "Bad Id", cwd=tmp_path).returncode == 2


def test_scaffolded_files_lead_the_author_to_fix_them(tmp_path: Path) -> None:
    minimal_content(tmp_path / "content")
    explainer("new", "article", "fresh", cwd=tmp_path)
    explainer("new", "claim", "fresh", "c1", cwd=tmp_path)
    lines = explainer("check", cwd=tmp_path).stdout.splitlines()
    assert "content/articles/fresh/original.txt:1:1: original.txt is empty: paste the article's text, " \
           "one paragraph per line" in lines
    assert "content/articles/fresh/article.yaml:5:12: `publisher-id` is not in organizations.yaml " \
           "(allowed: acme)" in lines


def test_export_is_byte_identical_to_what_the_plugin_serves(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    exported = tmp_path / "export"
    result = explainer("export", str(exported), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "explainer" not in (exported / "mkdocs.yml").read_text(encoding="utf-8").split("plugins:")[1].split(
        "\nmarkdown_extensions")[0]
    with_plugin = mkdocs("build", "--strict", "-d", str(tmp_path / "with-plugin"), cwd=project)
    assert with_plugin.returncode == 0, with_plugin.stderr
    without = mkdocs("build", "--strict", "-d", str(tmp_path / "without-plugin"), cwd=exported)
    assert without.returncode == 0, without.stderr
    pages = sorted(p.relative_to(tmp_path / "with-plugin") for p in (tmp_path / "with-plugin").rglob("*")
                   if p.suffix in (".html", ".json", ".jsonld", ".css"))
    assert len(pages) > 20
    for page in pages:
        assert filecmp.cmp(tmp_path / "with-plugin" / page, tmp_path / "without-plugin" / page,
                           shallow=False), page


def test_export_reads_plugin_options_written_as_one_mapping(tmp_path: Path) -> None:
    """MkDocs also accepts ``plugins:`` as a mapping of names to options: export reads our options
    from it and keeps every other plugin's."""
    project = make_project(tmp_path / "project")
    (project / "content").rename(project / "content2")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    listed = "plugins:\n  - search\n  - explainer:\n      content_dir: content\n      templates_dir: templates\n"
    assert listed in text
    config.write_text(text.replace(listed, "plugins:\n  search:\n    lang: en\n  explainer:\n"
                                           "    content_dir: content2\n"), encoding="utf-8")
    assert mkdocs("build", "--strict", "-d", str(tmp_path / "built"), cwd=project).returncode == 0
    exported = tmp_path / "export"
    result = explainer("export", str(exported), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    class TagsAsNone(yaml.SafeLoader):  # mkdocs.yml may hold `!ENV` and Python tags
        pass

    TagsAsNone.add_multi_constructor("!", lambda loader, suffix, node: None)
    written = yaml.load((exported / "mkdocs.yml").read_text(encoding="utf-8"), Loader=TagsAsNone)
    assert written["plugins"] == {"search": {"lang": "en"}}
    assert (exported / "docs/articles/lavrov-idlib-warning/index.md").is_file()
    built = mkdocs("build", "--strict", "-d", str(tmp_path / "from-export"), cwd=exported)
    assert built.returncode == 0, built.stderr


def test_export_refuses_a_folder_that_is_not_an_earlier_export(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    target = tmp_path / "busy"
    target.mkdir()
    (target / "keep.txt").write_text("mine", encoding="utf-8")
    assert explainer("export", str(target), cwd=project).returncode == 2
    assert (target / "keep.txt").read_text(encoding="utf-8") == "mine"
    fresh = tmp_path / "fresh"
    assert explainer("export", str(fresh), cwd=project).returncode == 0
    assert explainer("export", str(fresh), cwd=project).returncode == 0  # an earlier export is replaced
