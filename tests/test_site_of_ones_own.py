"""A site of one's own: pages private by default, templates replaced by name, its own lesson."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.adapters.privacy import third_party_requests
from generator.render.templates import TemplateFolders, default_templates

from helpers import EXAMPLE_TRACES, build, edit_config, explainer, generated_files, minimal_content, mkdocs

PLUGIN_LINE = "  - explainer              # options"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    result = explainer("new", "site", "site", "--generator-url", "https://git.example.org/x", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path / "site"


def config_line(site: Path, starts: str) -> int:
    lines = (site / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(starts))


def test_google_fonts_stop_the_build_with_the_line_and_the_fix(site: Path, tmp_path: Path) -> None:
    edit_config(site, "  font: false              # no web fonts from Google: no page may call another host\n", "")
    result = mkdocs("build", "-d", str(tmp_path / "out"), cwd=site)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "mkdocs.yml:" in line]
    assert errors == [f"ERROR   -  mkdocs.yml:{config_line(site, 'theme:')}:1: every page would load its fonts "
                      "from Google Fonts: set `font: false` under `theme:`, and the reader's own fonts are used "
                      "(or set `allow_third_party_requests: true` under the explainer plugin to allow it)"]
    assert not (tmp_path / "out").exists()


def test_repo_url_stops_the_build_and_export(site: Path, tmp_path: Path) -> None:
    edit_config(site, "theme:\n", "repo_url: https://github.com/team/site\n\ntheme:\n")
    line = config_line(site, "repo_url:")
    result = mkdocs("build", "-d", str(tmp_path / "out"), cwd=site)
    assert result.returncode == 1
    assert f"mkdocs.yml:{line}:1: every page would call the GitHub API" in result.stderr
    assert "give the address under `extra:` as `repository:`" in result.stderr
    exported = explainer("export", str(tmp_path / "export"), cwd=site)
    assert exported.returncode == 1
    assert exported.stdout.startswith(f"mkdocs.yml:{line}:1: every page would call the GitHub API")
    assert not (tmp_path / "export").exists()


def test_the_owner_may_allow_third_party_requests(site: Path, tmp_path: Path) -> None:
    edit_config(site, "theme:\n", "repo_url: https://github.com/team/site\n\ntheme:\n")
    edit_config(site, "  font: false ", "  font: {text: Roboto} ")
    edit_config(site, PLUGIN_LINE, "  - explainer:\n      allow_third_party_requests: true   # options")
    result = mkdocs("build", "--strict", "-d", str(tmp_path / "out"), cwd=site)
    assert result.returncode == 0, result.stderr
    assert "fonts.googleapis.com" in (tmp_path / "out/index.html").read_text(encoding="utf-8")


def test_material_privacy_plugin_and_other_themes_make_fonts_local() -> None:
    google = {"name": "material", "font": {"text": "Roboto"}}
    assert [keys for keys, _ in third_party_requests(google, None, {}, ["search"])] == [("theme", "font")]
    assert third_party_requests(google, None, {}, ["search", "privacy"]) == []
    assert [keys for keys, _ in third_party_requests({"name": "material", "font": False}, None,
                                                     {"analytics": {"provider": "google"}}, [])] == [("extra", "analytics")]
    assert third_party_requests({"name": "readthedocs"}, "https://github.com/a/b", {}, []) == []


def test_a_site_template_replaces_the_default_of_that_name(tmp_path: Path) -> None:
    content = minimal_content(tmp_path / "content")
    own = tmp_path / "templates"
    (own / "assets").mkdir(parents=True)
    (own / "claim.html").write_text("<p>Our own claim page for {{ card.id }}.</p>\n", encoding="utf-8")
    (own / "assets/explainer.css").write_text(".ex { color: black; }\n", encoding="utf-8")
    files = generated_files(content, templates=own)
    claim = next(text for path, text in files.items() if "/claims/" in path)
    assert "Our own claim page for" in claim
    reading = next(text for path, text in files.items() if re.fullmatch(r"articles/[^/]+/index\.md", path))
    assert 'class="ex ex-reading' in reading  # still the packaged reading page
    assert files["assets/explainer/explainer.css"] == b".ex { color: black; }\n"
    assert files["assets/explainer/explainer.js"] == (default_templates() / "assets/explainer.js").read_bytes()


def test_a_missing_templates_folder_means_the_defaults(tmp_path: Path) -> None:
    content = minimal_content(tmp_path / "content")
    assert generated_files(content, templates=tmp_path / "no-such-folder") == generated_files(content)
    assert TemplateFolders(tmp_path / "no-such-folder").path_of("claim.html") == default_templates() / "claim.html"


def test_a_broken_site_template_is_blamed_by_its_own_path(tmp_path: Path) -> None:
    content = minimal_content(tmp_path / "content")
    own = tmp_path / "templates"
    own.mkdir()
    (own / "glossary.html").write_text("<p>\n{{ glossary.missing.attribute }}</p>\n", encoding="utf-8")
    lines = build(content, templates=own).problems.lines(relative_to=tmp_path)
    assert any(line.startswith("templates/glossary.html:2:1: template error: ") for line in lines), lines


def test_a_site_custom_dir_still_wins_over_the_packaged_overrides(site: Path, tmp_path: Path) -> None:
    (site / "overrides").mkdir()
    (site / "overrides/main.html").write_text('{% extends "base.html" %}\n{% block extrahead %}'
                                              '<meta name="ours" content="yes">{% endblock %}\n',
                                              encoding="utf-8")
    edit_config(site, "  name: material\n", "  name: material\n  custom_dir: overrides\n")
    result = mkdocs("build", "--strict", "-d", str(tmp_path / "out"), cwd=site)
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "out/index.html").read_text(encoding="utf-8")
    assert '<meta name="ours" content="yes">' in home and "og:site_name" not in home
    assert 'role="dialog" aria-label="Search"' in home  # the packaged search partial still applies


def test_the_teacher_guide_follows_the_article_lesson_or_a_generic_one(tmp_path: Path) -> None:
    content = minimal_content(tmp_path / "content")
    article = next(content.glob("articles/*/article.yaml"))
    generic = generated_files(content)
    teacher_path = next(path for path in generic if path.endswith("/teacher/index.md"))
    steps = re.findall(r"<li>(.*?)</li>", generic[teacher_path].split('<ol class="ex-flow">')[1].split("</ol>")[0])
    assert len(steps) == 5 and steps[0].startswith("<strong>Before reading.</strong>")
    with article.open("a", encoding="utf-8") as file:
        file.write('lesson:\n  - "**Warm-up.** Read the headline aloud."\n  - Vote on the [claims](/glossary/).\n')
    own = generated_files(content)[teacher_path].split('<ol class="ex-flow">')[1].split("</ol>")[0]
    assert re.findall(r"<li>(.*?)</li>", own) == [
        "<strong>Warm-up.</strong> Read the headline aloud.",
        'Vote on the <a href="../../../glossary/">claims</a>.',
    ]


def test_the_packaged_templates_carry_no_example_text() -> None:
    for template in sorted(default_templates().rglob("*")):
        if template.is_file() and template.suffix in (".html", ".css", ".js"):
            text = template.read_text(encoding="utf-8")
            assert not EXAMPLE_TRACES.search(text), (template, EXAMPLE_TRACES.search(text))
            assert "last paragraph" not in text, template



def test_a_packaged_macro_called_wrongly_is_blamed_on_the_site_template_calling_it(tmp_path: Path) -> None:
    content = minimal_content(tmp_path / "content")
    own = tmp_path / "templates"
    own.mkdir()
    (own / "articles.html").write_text('{% import "_macros.html" as m with context %}\n<div>\n'
                                       "{{ m.date() }}\n</div>\n", encoding="utf-8")
    lines = build(content, templates=own).problems.lines(relative_to=tmp_path)
    assert lines == ["templates/articles.html:3:1: template error: parameter 'value' was not provided"]


def test_a_site_template_that_replaces_nothing_gets_a_did_you_mean(tmp_path: Path) -> None:
    content = minimal_content(tmp_path / "content")
    own = tmp_path / "templates"
    own.mkdir()
    (own / "article.html").write_text("<div>mine</div>\n", encoding="utf-8")
    (own / "_my_partial.html").write_text("<p>included by my own templates</p>\n", encoding="utf-8")
    result = build(content, templates=own)
    assert not result.problems
    assert result.problems.note_lines(relative_to=tmp_path) == [
        "templates/article.html:1:1: info: no default template is called article.html, so it replaces "
        "nothing: did you mean articles.html?"]


def test_an_empty_site_says_what_to_add_on_every_list(site: Path, tmp_path: Path) -> None:
    assert mkdocs("build", "--strict", "-d", str(tmp_path / "out"), cwd=site).returncode == 0
    for page, says in [("organizations", "No organizations yet: add them to <code>content/organizations.yaml</code>."),
                       ("techniques", "No techniques yet: add them to <code>content/techniques.yaml</code>."),
                       ("glossary", "No terms yet: add them to <code>content/glossary.yaml</code>."),
                       ("corrections", "No corrections so far."),
                       ("articles", "No articles yet. Add one with <code>explainer new article my-article</code>.")]:
        html = (tmp_path / "out" / page / "index.html").read_text(encoding="utf-8")
        assert says in html, page
        assert "<ul class=\"ex-list\">\n</ul>" not in html and "<dl class=\"ex-list\">\n</dl>" not in html
