"""The interface in the site's language: the words of the templates gathered for translation, and
dates written the local way."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from generator.render.i18n import local_date, locale_folder, translations
from generator.render.options import RenderOptions

from helpers import FIXTURES, REPO, build, edit_config, make_project, mkdocs


def messages_tool():
    spec = importlib.util.spec_from_file_location("messages", REPO / "tools/messages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_template_of_the_catalogs_holds_every_word_the_templates_show() -> None:
    """`make messages` was run after the templates last changed: a word added or changed in a
    template, and not extracted, would never be translated."""
    with (locale_folder() / "messages.pot").open("rb") as file:
        written = {message.id for message in read_po(file) if message.id}
    extracted = {message.id for message in messages_tool().template_catalog() if message.id}
    assert written == extracted, (extracted - written, written - extracted)
    assert {"Accurate", "Misleading", "news outlet", "Read more"} <= {m if isinstance(m, str) else m[0]
                                                                      for m in extracted}


@pytest.mark.parametrize(("language", "day", "month", "year"), [
    ("en", "29 August 2018", "August 2018", "2018"),
    ("fr", "29 août 2018", "août 2018", "2018"),
    ("es", "29 de agosto de 2018", "agosto de 2018", "2018"),
    ("uk", "29 серпня 2018\u202fр.", "серпень 2018\u202fр.", "2018"),  # a narrow no-break space
    ("ru", "29 августа 2018\u202fг.", "август 2018\u202fг.", "2018"),
    ("ar", "29 أغسطس 2018", "أغسطس 2018", "2018"),
    ("xx-unknown", "29 August 2018", "August 2018", "2018"),
])
def test_dates_are_written_the_local_way_partial_ones_too(language: str, day: str, month: str, year: str) -> None:
    assert (local_date("2018-08-29", language), local_date("2018-08", language), local_date("2018", language)) \
        == (day, month, year)


def test_a_language_without_a_catalog_keeps_the_english_words_with_local_dates() -> None:
    assert translations("eo").gettext("Read more") == "Read more"
    pages = build(FIXTURES / "mini", RenderOptions(language="fr")).pages
    reading = pages["/articles/nested/"]
    assert "2 janvier 2020" in reading and "2 January 2020" not in reading
    assert "The article, annotated" in reading  # no French catalog yet: the templates' own words


def test_the_build_says_once_when_the_interface_has_no_catalog(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", FIXTURES / "mini")
    edit_config(project, "  language: en\n", "  language: eo\n")
    result = mkdocs("build", "--strict", "-d", "site", cwd=project)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "no interface catalog" in line]
    assert len(lines) == 1 and lines[0].startswith("INFO") and "`eo`" in lines[0], result.stderr
