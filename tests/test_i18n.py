"""The interface in the site's language: the words of the templates gathered for translation, and
dates written the local way."""

from __future__ import annotations

import html
import importlib.util
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from generator.memo import Memo
from generator.render.environment import make_environment
from generator.render.i18n import (
    catalog_for,
    catalog_languages,
    local_date,
    local_number,
    locale_folder,
    translations,
    words_for,
)
from generator.render.markdown_fields import ContentMarkdown
from generator.render.options import RenderOptions
from generator.render.templates import TemplateFolders

from helpers import FIXTURES, REPO, build, edit_config, explainer, make_project, mkdocs


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


@pytest.mark.parametrize(("language", "written"), [
    ("en", "1,234,567"),
    ("fr", "1\u202f234\u202f567"),  # narrow no-break spaces
    ("uk", "1\u00a0234\u00a0567"),  # no-break spaces
    ("es", "1.234.567"),
    ("ar", "1,234,567"),  # the digits stay 0-9, as the dates' do (the CLDR's default for Arabic)
    ("hi", "12,34,567"),  # lakh grouping
    ("../../etc", "1,234,567"),
])
def test_counts_are_written_the_local_way(language: str, written: str) -> None:
    assert local_number(1234567, language) == written


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "1\u202f234 notes. A\u00a0: note 1\u202f234 sur 2\u202f000"),
    ("uk", "1\u00a0234 примітки. A: примітка 1\u00a0234 з 2\u00a0000"),
])
def test_the_templates_and_the_code_write_counts_the_local_way(language: str, expected: str) -> None:
    """Every count a page shows goes through the locale: the plural messages of the templates, the
    note's place on a claim page, and the counts the code writes (titles, preview notices)."""
    env = make_environment(TemplateFolders(REPO / "templates"), RenderOptions(language=language),
                           ContentMarkdown([], None, Memo()))
    shown = env.from_string('{{ ngettext("%(num)s note.", "%(num)s notes.", 1234) }} '
                            '{{ _("%(article)s: note %(number)s of %(total)s", article="A", '
                            'number=1234 | number, total=2000 | number) }}').render()
    assert shown == expected
    assert words_for(language).counted(("%(num)s problem", "%(num)s problems"), 2000) \
        == f"{local_number(2000, language)} problems"
    older = env.from_string('{{ ngettext("%(num)d note.", "%(num)d notes.", 1234) }}').render()
    assert older == "1234 notes."  # a site template written for 0.2 still renders


def test_a_language_without_a_catalog_keeps_the_english_words_with_local_dates() -> None:
    assert translations("eo").gettext("Read more") == "Read more"
    reading = build(FIXTURES / "mini", RenderOptions(language="eo")).pages["/articles/nested/"]
    assert "The article, annotated" in reading and "2 January 2020" not in reading  # Esperanto dates


@pytest.mark.parametrize("language", ["e\x00n", "../../etc", "fr\u202e", "x" * 300, ""])
def test_a_hostile_language_setting_falls_back_to_english_and_reads_no_file(language: str) -> None:
    assert catalog_for(language) is None
    assert translations(language).gettext("Read more") == "Read more"
    assert local_date("2018-08-29", language) == "29 August 2018"


SHIPPED = {"ar", "es", "fr", "ru", "uk"}  # and English, the templates' own
# Translations that are the English word, reviewed: the same word in that language.
SAME_AS_ENGLISH = {
    "fr": {", ", "Corrections", "Articles", "Source", "Note", "Article", "Techniques", "Opinion",
           ("%(num)s note.", "%(num)s notes."), ("%(num)s note", "%(num)s notes")},
    "es": {", ", "Original: %(link)s"}, "uk": {", "}, "ru": {", "}, "ar": set(),
}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def test_every_interface_language_the_issue_names_ships() -> None:
    assert set(catalog_languages()) >= SHIPPED


@pytest.mark.parametrize("language", sorted(SHIPPED))
def test_each_catalog_translates_every_word_in_every_plural_form(language: str) -> None:
    with (locale_folder() / "messages.pot").open("rb") as file:
        wanted = {message.id for message in read_po(file) if message.id}
    with (locale_folder() / language / "LC_MESSAGES" / "messages.po").open("rb") as file:
        catalog = read_po(file)
    messages = {message.id: message for message in catalog if message.id}
    assert set(messages) == wanted, (wanted - set(messages), set(messages) - wanted)
    for key, message in messages.items():
        assert not message.fuzzy, key
        english = key if isinstance(key, tuple) else (key,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert len(forms) == (catalog.num_plurals if isinstance(key, tuple) else 1), key
        for form in forms:
            assert form.strip() or key == ", ", key  # translated
            assert set(PLACEHOLDER.findall(form)) <= set(PLACEHOLDER.findall(english[-1])), (key, form)
        if not isinstance(key, tuple):  # every placeholder kept: a page must not lose what it names
            assert set(PLACEHOLDER.findall(forms[0])) == set(PLACEHOLDER.findall(key)), (key, forms[0])
        if forms[0] == english[0]:
            assert key in SAME_AS_ENGLISH[language], f"{language}: {key!r} is left in English"


def test_the_build_says_once_when_the_interface_has_no_catalog(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", FIXTURES / "mini")
    edit_config(project, "  language: en\n", "  language: eo\n")
    result = mkdocs("build", "--strict", "-d", "site", cwd=project)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "no interface catalog" in line]
    assert len(lines) == 1 and lines[0].startswith("INFO") and "`eo`" in lines[0], result.stderr


@pytest.mark.parametrize(("written", "line"), [
    ("xx", "the theme has no language `xx`: write one of its codes, such as en, ar, fr or pt-BR"),
    ("de-AT", "the theme has no language `de-AT`: write one of its codes, such as en, ar, fr or pt-BR "
              "(for this language: de)"),
    ("PT-br", "the language `PT-br` is written `pt-BR` by the theme: write `pt-BR`"),
    ('""', "the language is empty: write one of the theme's codes, such as en, ar, fr or pt-BR"),
    ("", "the language is empty: write one of the theme's codes, such as en, ar, fr or pt-BR"),
    ('"../../partials/languages/en"', "the theme has no language `../../partials/languages/en`: write one of "
                                       "its codes, such as en, ar, fr or pt-BR"),
])
def test_a_language_the_theme_does_not_know_is_one_line_not_a_traceback(tmp_path: Path, written: str,
                                                                        line: str) -> None:
    """Material stops on such a language with a traceback, before any of our hooks would run:
    the plugin's configuration hook runs first, and `explainer check` names it too."""
    project = make_project(tmp_path / "project", FIXTURES / "mini")
    edit_config(project, "  language: en\n", f"  language: {written}\n")
    where = f"mkdocs.yml:{project.joinpath('mkdocs.yml').read_text().splitlines().index(f'  language: {written}') + 1}:{13 if written else 12}"
    built = mkdocs("build", "--strict", "-d", "site", cwd=project)
    assert built.returncode == 1 and "Traceback" not in built.stderr, built.stderr
    assert f"ERROR   -  {where}: `theme.language`: {line}" in built.stderr.splitlines(), built.stderr
    checked = explainer("check", cwd=project)
    assert checked.returncode == 1 and f"{where}: `theme.language`: {line}" in checked.stdout.splitlines(), checked


def test_a_direction_other_than_ltr_or_rtl_is_one_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", FIXTURES / "mini")
    edit_config(project, "  language: en\n", "  language: en\n  direction: sideways\n")
    line = ("mkdocs.yml:12:14: `theme.direction` is `ltr` or `rtl`: write one, or leave it out to follow the "
            "language")
    built = mkdocs("build", "--strict", "-d", "site", cwd=project)
    assert built.returncode == 1 and f"ERROR   -  {line}" in built.stderr.splitlines(), built.stderr
    assert line in explainer("check", cwd=project).stdout.splitlines()


def english_fragments() -> set[str]:
    """The interface's English words as they can show on a page: each message's text between its
    placeholders, where it is long enough to be told from a word of the content."""
    with (locale_folder() / "messages.pot").open("rb") as file:
        keys = [message.id for message in read_po(file) if message.id]
    fragments = set()
    for key in keys:
        for text in key if isinstance(key, tuple) else (key,):
            for part in PLACEHOLDER.split(text)[::2]:  # the literal parts
                part = part.strip(" .,:;")
                if (len(part) >= 6 and " " in part) or len(part) >= 9:
                    fragments.add(part)
    return fragments


def visible_text(page: str) -> str:
    """A page's words: its title and description (the head, link previews, search) and its body."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.mark.parametrize("language", ["fr", "uk"])
def test_a_translated_site_leaves_no_english_interface_word_on_any_page_kind(language: str) -> None:
    content = " ".join(" ".join(path.read_text(encoding="utf-8").split())
                       for path in (FIXTURES / "mini").rglob("*") if path.is_file())
    built = build(FIXTURES / "mini", RenderOptions(language=language, site_url="https://example.org/"))
    words = translations(language)
    with (locale_folder() / language / "LC_MESSAGES" / "messages.po").open("rb") as file:
        translated = " ".join(" ".join(m.string) if isinstance(m.string, tuple) else m.string
                              for m in read_po(file) if m.id)  # words the language shares with English
    kinds = {"/articles/", "/articles/nested/", "/articles/nested/exercise/", "/articles/nested/teacher/",
             "/articles/nested/claims/outer/", "/organizations/", "/organizations/agency/", "/techniques/",
             "/techniques/loaded-language/", "/glossary/", "/corrections/"}
    assert kinds <= set(built.pages)
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
    for url, page in built.pages.items():
        text = visible_text(page)
        left = [f for f in english_fragments() if f in text and f not in content and f not in translated]
        assert left == [], (url, left)
        assert not [m for m in months if f" {m} 20" in text], url  # dates the local way
    reading = visible_text(built.pages["/articles/nested/"])
    assert words.gettext("The article, annotated") in reading and words.gettext("Read more") in reading
    printed = " ".join(words.gettext("; archived copy: %(address)s").split(":")[0].split()).strip("; ")
    assert printed in reading  # the labels of the printed sources
    assert f'data-copy-link="{words.gettext("Link copied")}"' in built.pages["/articles/nested/"]  # said by the script
    feed = built.files["feed.xml"]
    assert f'xml:lang="{language}"' in feed and (words.gettext("Note corrected: %(title)s") % {"title": ""}) in feed


@pytest.fixture(scope="module", params=["fr", "uk"])
def translated_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """The fixture site in French or Ukrainian, built with ``mkdocs build --strict`` and served."""
    from browser import serve_directory

    project = make_project(tmp_path_factory.mktemp(request.param) / "project", FIXTURES / "mini")
    edit_config(project, "  language: en\n", f"  language: {request.param}\n")
    result = mkdocs("build", "--strict", "-d", "site", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "no interface catalog" not in result.stderr
    with serve_directory(project / "site") as url:
        yield request.param, url


PAGE_KINDS = ["/articles/", "/articles/nested/", "/articles/nested/exercise/", "/articles/nested/teacher/",
              "/articles/nested/claims/outer/", "/articles/hebrew/", "/organizations/", "/organizations/agency/",
              "/techniques/", "/techniques/loaded-language/", "/glossary/", "/corrections/"]


def test_translated_pages_carry_their_languages_and_pass_axe(browser, translated_site) -> None:
    from axe_playwright_python.sync_playwright import Axe

    from browser import visit

    language, url = translated_site
    axe = Axe()
    for path in PAGE_KINDS:
        with visit(browser, url + path) as v:
            assert v.page.evaluate("document.documentElement.lang") == language, path
            results = axe.run(v.page, options={"rules": {"target-size": {"enabled": True}}})
            assert results.violations_count == 0, (path, results.response["violations"][:2])
            v.assert_clean()
    with visit(browser, url + "/articles/hebrew/") as v:  # the article's own language where it differs
        assert v.page.locator(".ex-para").first.get_attribute("lang") == "he"


def test_the_printed_handout_is_in_the_sites_language(browser, translated_site) -> None:
    from browser import visit

    language, url = translated_site
    words = translations(language)
    with visit(browser, url + "/articles/nested/") as v:
        v.page.emulate_media(media="print")
        printed = " ".join(v.page.locator(".ex-note-sources").first.inner_text().split())
        label = " ".join(words.gettext("; accessed %(date)s").split("%(date)s")[0].split()).strip("; ")
        assert label in printed and "accessed" not in printed
        assert v.page.locator(".ex-note-more > summary").first.is_hidden()  # all of every note, on paper
