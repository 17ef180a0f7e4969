"""Mistakes in ``mkdocs.yml`` are author mistakes too: one ``mkdocs.yml:line:column: message`` line
with the fix, from ``explainer check`` and ``explainer export``, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.adapters import new_site
from generator.adapters.plugin import config_problems

from helpers import explainer, mkdocs

GOOD = new_site.site_files("Civics", "https://git.example.org/x")["mkdocs.yml"].replace('"Civics"', "Civics")
PLUGIN_LINE = "  - explainer              # options"


def write_site(root: Path, config: str) -> Path:
    for page in ("index.md", "about/how-to-read.md", "about/methodology.md", "about/corrections-policy.md",
                 "about/who-we-are.md"):
        (root / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / page).write_text("# A page\n", encoding="utf-8")
    (root / "content").mkdir(exist_ok=True)
    for name in ("organizations.yaml", "techniques.yaml"):
        (root / "content" / name).write_text("", encoding="utf-8")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root / "mkdocs.yml"


def line_of(config: str, starts: str) -> int:
    return next(number for number, line in enumerate(config.splitlines(), 1) if line.startswith(starts))


CASES = {
    "unquoted colon": (GOOD.replace("site_name: Civics", "site_name: Civics: reading"), "site_name:", 18,
                       "YAML syntax error: mapping values are not allowed here: a value containing `: ` must be "
                       "put in quotes"),
    "tab": (GOOD.replace("  name: material", "\tname: material"), "\tname", 1,
            "a tab is not allowed for indentation in YAML: indent with spaces"),
    "unknown theme": (GOOD.replace("  name: material", "  name: materail"), "theme:", 1,
                      "`theme`: Unrecognised theme name: 'materail'. The available installed themes are: "),
    "misspelt setting": (GOOD.replace("site_name: Civics", "site_name: Civics\nsitename: x"), "sitename:", 1,
                         "`sitename` is not a setting of mkdocs.yml: did you mean `site_name`?"),
    "plugin option": (GOOD.replace(PLUGIN_LINE, "  - explainer:\n      content_dir: 3\n    #"), "      content_dir", 7,
                      "option `content_dir` of the `explainer` plugin: must be text, not a whole number"),
    "missing plugin": (GOOD.replace("  - search\n", "  - search\n  - nosuch\n"), "  - nosuch", 5,
                       "the `nosuch` plugin is not installed: install it, or remove it from `plugins`"),
    "given twice": (GOOD.replace("site_name: Civics", "site_name: Civics\nsite_name: Other"), "site_name: Other", 1,
                    "`site_name` is given twice (also on line 3): keep one"),
    "nav page missing": (GOOD.replace("about/methodology.md", "about/missing.md"), '      - "How we work"', 24,
                         "`nav` names about/missing.md, which is not in docs/: correct the path"),
    "yes-or-no": (GOOD.replace("site_name: Civics", "site_name: Civics\nuse_directory_urls: maybe"),
                  "use_directory_urls", 1, "`use_directory_urls`: must be true or false, not text"),
    "extension settings": (GOOD.replace("      permalink: true", "      permalink: true\n      bogus: 1"),
                           "markdown_extensions", 1, "`markdown_extensions`: the Markdown extension `toc` does "
                           "not take these settings (KeyError: 'bogus'): correct them"),
    "extension missing": (GOOD.replace("  - abbr\n", "  - nosuchext\n"), "markdown_extensions", 1,
                          "`markdown_extensions`: the Markdown extension `nosuchext` is not installed"),
    "site_url with a query": (GOOD.replace('site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]',
                                           "site_url: https://example.org/site/?ref=x"), "site_url", 11,
                              "`site_url` must not hold a query (`?`) or a fragment (`#`)"),
    "google fonts": (GOOD.replace("  font: false ", "  font: {text: Roboto} "), "  font:", 3,
                     "every page would load its fonts from Google Fonts"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_mistake_is_one_line_at_its_setting(tmp_path: Path, case: str) -> None:
    config, starts, column, message = CASES[case]
    path = write_site(tmp_path, config)
    lines = [problem.line(relative_to=tmp_path) for problem in config_problems(path)]
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"mkdocs.yml:{line_of(config, starts)}:{column}: {message}"), lines


def test_a_good_mkdocs_yml_has_no_problem(tmp_path: Path) -> None:
    assert config_problems(write_site(tmp_path, GOOD)) == []
    # MkDocs keeps its settings' state between validations in one process: a second run is as clean.
    write_site(tmp_path, CASES["plugin option"][0])
    assert len(config_problems(tmp_path / "mkdocs.yml")) == 1
    assert config_problems(write_site(tmp_path, GOOD)) == []


def test_check_and_export_print_the_line_and_no_traceback(tmp_path: Path) -> None:
    config = CASES["unquoted colon"][0]
    write_site(tmp_path, config)
    expected = (f"mkdocs.yml:{line_of(config, 'site_name:')}:18: YAML syntax error: mapping values are not "
                "allowed here: a value containing `: ` must be put in quotes")
    checked = explainer("check", cwd=tmp_path)
    assert checked.returncode == 1 and checked.stdout.splitlines() == [expected]
    assert "Traceback" not in checked.stderr
    exported = explainer("export", str(tmp_path / "out"), cwd=tmp_path)
    assert exported.returncode == 1 and exported.stdout.splitlines() == [expected]
    assert "Traceback" not in exported.stderr and not (tmp_path / "out").exists()


def test_check_without_a_site_checks_the_content_alone(tmp_path: Path) -> None:
    write_site(tmp_path, GOOD)
    (tmp_path / "mkdocs.yml").unlink()
    result = explainer("check", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    missing = explainer("check", "--config", "nowhere.yml", cwd=tmp_path)
    assert missing.returncode == 1
    assert missing.stdout.startswith("nowhere.yml:1:1: nowhere.yml not found")
    (tmp_path / "mkdocs.yml").mkdir()  # not a file: said, not skipped
    folder = explainer("check", cwd=tmp_path)
    assert folder.returncode == 1 and folder.stdout.startswith("mkdocs.yml:1:1: cannot read it")


def test_the_plugin_names_a_mistake_in_its_options_at_its_line(tmp_path: Path) -> None:
    config, starts, _, message = CASES["plugin option"]
    write_site(tmp_path, config)
    result = mkdocs("build", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"ERROR   -  mkdocs.yml:{line_of(config, starts)}:7: {message}" in result.stderr.splitlines()
