"""``explainer new site``: a complete, clean site of one's own that builds strict at once."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from generator import DISTRIBUTION, __version__
from generator.adapters import new_site
from generator.render.i18n import locale_folder, words_for

from helpers import EXAMPLE_TRACES, NEW_SITE_FILES, explainer, mkdocs

GENERATOR_URL = "https://git.example.org/team/explainer"



class TagsKept(yaml.SafeLoader):
    """mkdocs.yml holds `!ENV`: read it without MkDocs."""


TagsKept.add_multi_constructor("!", lambda loader, suffix, node: loader.construct_sequence(node)
                               if isinstance(node, yaml.SequenceNode) else loader.construct_scalar(node))


def site_config(site: Path) -> dict:
    return yaml.load((site / "mkdocs.yml").read_text(encoding="utf-8"), Loader=TagsKept)


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def new_site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("new-site")
    result = explainer("new", "site", "civics", "--name", "Civics 101", "--generator-url", GENERATOR_URL,
                       cwd=work)
    assert result.returncode == 0, result.stderr
    assert "cd civics" in result.stdout and "explainer new article" in result.stdout
    return work / "civics"


def test_new_site_holds_every_file_a_site_needs(new_site_dir: Path) -> None:
    assert files_of(new_site_dir) == NEW_SITE_FILES
    settings = json.loads((new_site_dir / ".vscode/settings.json").read_text(encoding="utf-8"))
    for schema in settings["yaml.schemas"]:
        assert (new_site_dir / schema).is_file(), schema


def test_new_site_pins_this_release_of_the_generator(new_site_dir: Path) -> None:
    requirements = [line for line in (new_site_dir / "requirements.txt").read_text(encoding="utf-8").splitlines()
                    if line and not line.startswith("#")]
    assert requirements == [f"{DISTRIBUTION} @ git+{GENERATOR_URL}@v{__version__}"]
    hooks = yaml.safe_load((new_site_dir / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"] == [{"repo": GENERATOR_URL, "rev": f"v{__version__}",
                               "hooks": [{"id": "explainer-check"}]}]
    # The hook it names is one this repository defines.
    defined = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert "explainer-check" in [hook["id"] for hook in defined]


def test_new_site_keeps_pages_private_and_names_itself(new_site_dir: Path) -> None:
    config = site_config(new_site_dir)
    assert config["site_name"] == "Civics 101"
    assert config["theme"]["font"] is False
    assert "repo_url" not in config
    assert config["plugins"] == ["search", "explainer"]
    assert "custom_dir" not in config["theme"]


def test_new_site_workflows_check_build_publish_and_check_links(new_site_dir: Path) -> None:
    def runs(name: str) -> list[str]:
        workflow = yaml.safe_load((new_site_dir / ".github/workflows" / name).read_text(encoding="utf-8"))
        return [step.get("run", step.get("uses", "")) for job in workflow["jobs"].values() for step in job["steps"]]

    for name in ("check.yml", "publish.yml"):
        steps = runs(name)
        assert "python -m pip install -r requirements.txt" in steps
        assert "explainer check" in steps
        assert any(step.startswith("mkdocs build --strict") for step in steps)
    assert "actions/deploy-pages@v4" in runs("publish.yml")
    links = yaml.safe_load((new_site_dir / ".github/workflows/links.yml").read_text(encoding="utf-8"))
    assert links[True]["schedule"]  # `on:` reads as YAML 1.1's true
    assert "explainer links --format github" in runs("links.yml")


def test_new_site_carries_nothing_of_the_example(new_site_dir: Path) -> None:
    for name in files_of(new_site_dir):
        text = (new_site_dir / name).read_text(encoding="utf-8")
        assert not EXAMPLE_TRACES.search(text), (name, EXAMPLE_TRACES.search(text))


def test_new_site_marks_what_the_owner_must_write(new_site_dir: Path) -> None:
    for page in ("index.md", "about/who-we-are.md", "about/methodology.md"):
        assert '!!! note "For the site\'s owner"' in (new_site_dir / "docs" / page).read_text(encoding="utf-8")


def test_new_site_builds_strict_at_once_and_says_how_to_add_an_article(new_site_dir: Path,
                                                                        tmp_path: Path) -> None:
    result = mkdocs("build", "--strict", "-d", str(tmp_path / "built"), cwd=new_site_dir)
    assert result.returncode == 0, result.stderr
    articles = (tmp_path / "built/articles/index.html").read_text(encoding="utf-8")
    assert "No articles yet. Add one with <code>explainer new article my-article</code>." in articles
    # The theme overrides come with the package: the search dialog has a name.
    assert 'class="md-search" data-md-component="search" role="dialog" aria-label="Search"' in articles
    for page in tmp_path.joinpath("built").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not EXAMPLE_TRACES.search(text), (page, EXAMPLE_TRACES.search(text))


@pytest.mark.parametrize("name", [
    "Civics: “news” # 1", "Civics: 'news'", "yes", "!ENV [HOME]", "*alias", "&anchor x", "{braces}", "- dash", "[list]",
    "It's 100%", "Lesen & Verstehen — Ünïcode", "التربية الإعلامية", "批判性阅读", "  padded  ", "@at",
    "back\\slash", "`tick`", "%YAML",
])
def test_the_name_is_quoted_whatever_it_holds(tmp_path: Path, name: str) -> None:
    result = explainer("new", "site", "s", "--name", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert site_config(tmp_path / "s")["site_name"] == name.strip()


@pytest.mark.parametrize(("name", "shown"), [
    ("two\nlines", "U+000A"), ("bell\a", "U+0007"), ("flip\u202eit", "U+202E"), ("   ", "is empty"),
    ("x" * 201, "longer than 200"), ('Say "hi"', 'holds "'), ("<b>Bold</b>", "holds < >"),
])
def test_a_name_that_cannot_be_a_title_is_refused(tmp_path: Path, name: str, shown: str) -> None:
    result = explainer("new", "site", "s", "--name", name, cwd=tmp_path)
    assert result.returncode == 2
    assert shown in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "s").exists()


@pytest.mark.parametrize("url", ["github.com/a/b", "https://host/a@b", "https://host/a b", "javascript:x",
                                 "https://host/a?x=1", "https://"])
def test_a_generator_url_pip_cannot_pin_is_refused(tmp_path: Path, url: str) -> None:
    result = explainer("new", "site", "s", "--generator-url", url, cwd=tmp_path)
    assert result.returncode == 2 and "--generator-url" in result.stderr
    assert not (tmp_path / "s").exists()


def test_without_a_url_the_placeholder_is_marked_and_named(tmp_path: Path) -> None:
    result = explainer("new", "site", "s", cwd=tmp_path)
    assert result.returncode == 0
    assert new_site.PLACEHOLDER_URL in result.stderr
    assert f"git+{new_site.PLACEHOLDER_URL}@v" in (tmp_path / "s/requirements.txt").read_text(encoding="utf-8")
    assert site_config(tmp_path / "s")["site_name"] == "s"  # the folder's name by default


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    (tmp_path / "s/notes.txt").write_text("mine", encoding="utf-8")
    result = explainer("new", "site", "s", cwd=tmp_path)
    assert result.returncode == 2 and "s is not empty" in result.stderr
    assert files_of(tmp_path / "s") == {"notes.txt"}


def test_an_empty_folder_or_fresh_clone_is_used_and_a_file_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert explainer("new", "site", "empty", cwd=tmp_path).returncode == 0
    assert files_of(tmp_path / "empty") == NEW_SITE_FILES
    (tmp_path / "clone/.git").mkdir(parents=True)  # an empty repository, just cloned
    (tmp_path / "clone/.git/HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    assert explainer("new", "site", "clone", cwd=tmp_path).returncode == 0
    assert files_of(tmp_path / "clone") == NEW_SITE_FILES | {".git/HEAD"}
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = explainer("new", "site", "file", cwd=tmp_path)
    assert result.returncode == 2 and "is a file" in result.stderr


@pytest.mark.parametrize("dangling", [False, True])
def test_a_link_is_never_written_through(tmp_path: Path, dangling: bool) -> None:
    elsewhere = tmp_path / "elsewhere"
    if not dangling:
        elsewhere.mkdir()
    (tmp_path / "s").symlink_to(elsewhere, target_is_directory=True)
    result = explainer("new", "site", "s", cwd=tmp_path)
    assert result.returncode == 2 and "is a link" in result.stderr
    assert not elsewhere.exists() or not any(elsewhere.iterdir())


def test_the_repository_pip_installed_from_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    class Installed:
        def __init__(self, record: dict) -> None:
            self.record = record

        def read_text(self, name: str) -> str:
            assert name == "direct_url.json"
            return json.dumps(self.record)

    git = {"vcs_info": {"vcs": "git", "requested_revision": "v0.2.0", "commit_id": "0" * 40}}
    for record, expected in [
        ({"url": "https://github.com/team/explainer", **git}, "https://github.com/team/explainer"),
        ({"url": "https://token@github.com/team/explainer", **git}, None),  # never copy a credential
        ({"url": "file:///home/me/explainer", "dir_info": {"editable": True}}, None),
    ]:
        monkeypatch.setattr(new_site.importlib.metadata, "distribution", lambda name, r=record: Installed(r))
        assert new_site.installed_from() == expected


SKELETON_DOCS = Path(new_site.SKELETON) / "docs"
PAGE_TITLES = {"about/how-to-read.md": "How to read a page", "about/methodology.md": "How we work",
               "about/corrections-policy.md": "Corrections policy", "about/who-we-are.md": "Who we are"}
NAV = ["Home", "Articles", "Organizations", "Techniques", "Glossary", "Corrections", "About"]


def nav_labels(config: dict) -> list[str]:
    return [next(iter(entry)) for entry in config["nav"]]


@pytest.mark.parametrize("language", ["en", "ar", "es", "fr", "ru", "uk"])
def test_a_site_in_each_shipped_language_builds_strict_at_once_in_that_language(tmp_path: Path,
                                                                                language: str) -> None:
    made = explainer("new", "site", "s", "--language", language, "--generator-url", GENERATOR_URL, cwd=tmp_path)
    assert made.returncode == 0 and made.stderr == "", made.stderr  # nothing left in English to warn of
    site, words = tmp_path / "s", words_for(language)
    config = site_config(site)
    assert config["theme"]["language"] == language
    assert nav_labels(config) == [words.gettext(label) for label in NAV]
    assert config["site_description"] == words.gettext(
        "News articles set beside context notes on each of their claims, for media-literacy lessons.")
    for page, title in PAGE_TITLES.items():
        first_line = (site / "docs" / page).read_text(encoding="utf-8").splitlines()[0]
        assert first_line == f"# {words.gettext(title)}", page  # the page's heading is its name in the menu
    if language != "en":
        assert nav_labels(config) != NAV
        for page in ("index.md", *PAGE_TITLES):
            assert (site / "docs" / page).read_text(encoding="utf-8") \
                == (locale_folder() / language / "site_docs" / page).read_text(encoding="utf-8")
    built = mkdocs("build", "--strict", "-d", str(tmp_path / "built"), cwd=site)
    assert built.returncode == 0, built.stderr
    home = (tmp_path / "built/index.html").read_text(encoding="utf-8")
    tag = f'<html dir="rtl" lang="{language}"' if language == "ar" else f'<html lang="{language}" class'
    assert tag in home and f'<body dir="{"rtl" if language == "ar" else "ltr"}"' in home
    assert all(f">{words.gettext(label)}<" in " ".join(home.split()).replace("> ", ">").replace(" <", "<")
               for label in ("Home", "How we work"))
    articles = (tmp_path / "built/articles/index.html").read_text(encoding="utf-8")
    assert words.gettext("No articles yet. Add one with %(command)s.").split("%")[0] in articles


def test_a_language_without_our_pages_builds_with_english_pages_and_says_so(tmp_path: Path) -> None:
    made = explainer("new", "site", "s", "--language", "he", "--generator-url", GENERATOR_URL, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert made.stderr.splitlines() == [
        "The generated pages' words are in English: there is no catalog for `he` yet (see \"The interface "
        "in your language\" in the generator's README).",
        "docs/ holds the home and about pages in English: translate them, and the page names in mkdocs.yml.",
    ]
    assert (tmp_path / "s/docs/index.md").read_bytes() == (SKELETON_DOCS / "index.md").read_bytes()
    built = mkdocs("build", "--strict", "-d", str(tmp_path / "built"), cwd=tmp_path / "s")
    assert built.returncode == 0, built.stderr
    assert '<html dir="rtl" lang="he"' in (tmp_path / "built/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("language", "shown"), [
    ("xx", "the theme has no language `xx`"), ("PT-br", "is written `pt-BR` by the theme"),
    ("../en", "no language `../en`"), ("", "the language is empty"), ("fr\u202e", "no language `'fr\\u202e'`"),
    (" ar", "is written `ar` by the theme"), ("x" * 5000, "no language `'xxxxxxxx"),
])
def test_a_language_the_theme_does_not_know_is_refused(tmp_path: Path, language: str, shown: str) -> None:
    result = explainer("new", "site", "s", "--language", language, cwd=tmp_path)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("--language: ") and len(result.stderr) < 200 and "\u202e" not in result.stderr
    assert shown in result.stderr, result.stderr
    assert not (tmp_path / "s").exists()


LINK = re.compile(r"\]\(([^)\s]+)\)")
HEADING = re.compile(r"^(#+) .*?(\{#[\w-]+\})?$", re.MULTILINE)


@pytest.mark.parametrize("language", new_site.translated_pages())
def test_each_translation_of_the_pages_keeps_the_english_pages_shape(language: str) -> None:
    """Every page, the same links, heading ids, headings, owner's boxes and table rows as the
    English, and no English sentence left untranslated."""
    folder = locale_folder() / language / "site_docs"
    english = {p.relative_to(SKELETON_DOCS).as_posix(): p.read_text(encoding="utf-8") for p in SKELETON_DOCS.rglob("*.md")}
    translated = {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in folder.rglob("*.md")}
    assert set(translated) == set(english)
    for page, text in translated.items():
        source = english[page]
        assert LINK.findall(text) == LINK.findall(source), page
        assert HEADING.findall(text) == HEADING.findall(source), page
        assert text.count('!!! note "') == source.count('!!! note "'), page
        assert text.count("\n|") == source.count("\n|"), page
        assert text.count("**[") == source.count("**["), page
        left = [line for line in source.splitlines()  # a sentence, not a link's address or one shared word
                if len(LINK.sub("]", line).split()) >= 4 and line in text]
        assert left == [], (page, left)


def test_every_language_we_translate_ships_its_pages() -> None:
    assert new_site.translated_pages() == ["ar", "es", "fr", "ru", "uk"]
