"""``explainer new site DIR``: a complete, clean site of one's own, as ``mkdocs new`` makes one.

The files come from ``site_skeleton/`` (a leading ``dot-`` in a name stands for ``.``, which
package data cannot hold) with a few placeholders filled in, plus the JSON Schemas made from the
models. The site installs the generator from its repository, pinned to this release, so it takes
later fixes by changing one version.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import re
import shlex
import sys
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator import DISTRIBUTION, __version__
from generator.adapters.files import UnsafeWrite, create_file, make_folders, refuse_links
from generator.adapters.mkdocs_site import theme_language_mistake, theme_languages
from generator.problems import one_line, shown_path
from generator.render.i18n import ENGLISH, catalog_for, locale_folder, words_for
from generator.schemas import SCHEMA_DIR, all_schemas, render_schema

SKELETON = Path(__file__).with_name("site_skeleton")
SITE_DOCS = "site_docs"  # beside a language's catalog: its home and about pages, as under docs/
SITE_WORD = re.compile(r"__T\((.+?)\)__")  # a word of the skeleton's mkdocs.yml, said in the site's language
PLACEHOLDER_URL = "https://example.invalid/REPLACE-WITH-THE-GENERATOR-REPOSITORY"
URL_SCHEMES = ("https", "http", "ssh", "file")
# Direction controls would reorder the header around the name; ZWJ and ZWNJ are letters' business.
DIRECTION_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", type=Path, help="a new or empty folder")
    parser.add_argument("--name", help="the site's name (default: the folder's name)")
    parser.add_argument("--generator-url", metavar="URL",
                        help="the generator's Git repository, which requirements.txt installs from")
    parser.add_argument("--language", default=ENGLISH, metavar="CODE",
                        help="the site's language, as theme.language: en (default), ar, fr, pt-BR, ...; "
                             f"home and about pages come translated for {', '.join(translated_pages())}")


def run(args: argparse.Namespace) -> int:
    target: Path = args.directory
    name = args.name if args.name is not None else Path(os.path.abspath(target)).name
    url = args.generator_url or installed_from() or PLACEHOLDER_URL
    language: str = args.language
    refusal = name_problem(name) or url_problem(url) or language_problem(language) or folder_problem(target)
    if refusal:
        print(one_line(refusal), file=sys.stderr)
        return 2
    files = site_files(name.strip(), url.rstrip("/"), language)
    make_folders(target, target)
    for relative, text in files.items():
        path = target / relative
        make_folders(path.parent, target)
        create_file(path, text, target)
    if url == PLACEHOLDER_URL:
        print(f"requirements.txt and .pre-commit-config.yaml name the generator's repository as "
              f"{PLACEHOLDER_URL}: replace it with the repository's address (or make the site again "
              "with --generator-url URL).", file=sys.stderr)
    for line in language_notes(language):
        print(line, file=sys.stderr)
    shown = shown_path(target)
    print(f"Created the site \"{one_line(name.strip())}\" in {shown}/ ({len(files)} files). Next:\n"
          f"  cd {shlex.quote(shown)}\n"
          "  python3 -m venv .venv && .venv/bin/pip install -r requirements.txt\n"
          "  .venv/bin/explainer new article my-article\n"
          "  .venv/bin/explainer serve\n"
          "Then replace what the boxes marked \"For the site's owner\" in docs/ ask for.")
    return 0


def site_files(name: str, url: str, language: str = ENGLISH) -> dict[str, str]:
    """Each file of the new site, by its path in the site, in a fixed order, in ``language``: its
    ``mkdocs.yml`` says it and names the pages in it, and its home and about pages are translated
    when we ship them for that language (else they are the English ones)."""
    fills = {
        "__SITE_NAME__": name,
        "__GENERATOR_URL__": url,
        "__VERSION__": __version__,
        "__DISTRIBUTION__": DISTRIBUTION,
        "__LANGUAGE__": language,
    }
    pages = site_pages(language)
    files: dict[str, str] = {}
    for source in sorted(SKELETON.rglob("*")):
        if not source.is_file():
            continue
        relative = "/".join("." + part.removeprefix("dot-") if part.startswith("dot-") else part
                            for part in source.relative_to(SKELETON).parts)
        text = source.read_text(encoding="utf-8")
        if relative in pages:
            text = pages[relative].read_text(encoding="utf-8")
        if relative == "mkdocs.yml":  # quoted, whatever the name and the translations hold
            text = text.replace("__SITE_NAME__", yaml_string(name))
            text = SITE_WORD.sub(lambda word: yaml_string(words_for(language).gettext(word[1])), text)
        for placeholder, value in fills.items():
            text = text.replace(placeholder, value)
        files[relative] = text
    for schema_name, schema in all_schemas().items():
        files[f"{SCHEMA_DIR}/{schema_name}"] = render_schema(schema)
    return dict(sorted(files.items()))


def site_pages(language: str) -> dict[str, Path]:
    """The home and about pages translated for ``language``, by their path in the site."""
    catalog = catalog_for(language)
    folder = locale_folder() / catalog / SITE_DOCS if catalog else None
    if folder is None or not folder.is_dir():
        return {}
    return {f"docs/{path.relative_to(folder).as_posix()}": path
            for path in sorted(folder.rglob("*.md")) if path.is_file()}


def translated_pages() -> list[str]:
    """The languages whose home and about pages we ship translated."""
    return sorted(path.parent.name for path in locale_folder().glob(f"*/{SITE_DOCS}"))


def language_problem(language: str) -> str | None:
    why = theme_language_mistake(language, theme_languages())
    return f"--language: {why}" if why else None  # the value is quoted inside, made printable


def language_notes(language: str) -> list[str]:
    """What the new site keeps in English, said once."""
    if language.split("-")[0] == ENGLISH:
        return []
    notes = []
    if catalog_for(language) is None:
        notes.append(f"The generated pages' words are in English: there is no catalog for `{language}` yet "
                     "(see \"The interface in your language\" in the generator's README).")
    if not site_pages(language):
        notes.append("docs/ holds the home and about pages in English: translate them, and the page "
                     "names in mkdocs.yml.")
    return notes


def yaml_string(text: str) -> str:
    """``text`` as one double-quoted YAML scalar: no character of it can end or retype the value."""
    return yaml.safe_dump(text, default_style='"', allow_unicode=True, width=sys.maxsize).rstrip("\n")


def installed_from() -> str | None:
    """The Git repository this generator was installed from, as pip records it (PEP 610)."""
    try:
        recorded = importlib.metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
        origin = json.loads(recorded or "{}")
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return None
    url = origin.get("url") if isinstance(origin, dict) else None
    if not isinstance(url, str) or (origin.get("vcs_info") or {}).get("vcs") != "git":
        return None
    parts = urlsplit(url)
    if parts.scheme != "https" or "@" in parts.netloc:  # never copy a token into the site
        return None
    return None if url_problem(url) else url


def name_problem(name: str) -> str | None:
    if not name.strip():
        return "the site's name is empty: give one with --name \"Site name\""
    if len(name) > 200:
        return "the site's name is longer than 200 characters: give a shorter one with --name"
    markup = sorted(set(name) & set('<>"'))
    if markup:  # Material prints the name unescaped in the header, the title and an attribute
        return (f"the site's name holds {' '.join(markup)}, which the theme would print as markup: "
                "write typographic quotes (“ ”) and no < or >")
    for char in name:
        if unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in DIRECTION_CONTROLS:
            return (f"the site's name holds the invisible character U+{ord(char):04X}: give it with "
                    "--name as plain text on one line")
    return None


def url_problem(url: str) -> str | None:
    """A repository address pip can pin a release of: ``git+URL@vX.Y.Z``."""
    parts = urlsplit(url)
    if (parts.scheme not in URL_SCHEMES or (not parts.netloc and parts.scheme != "file")
            or parts.query or parts.fragment or "@" in parts.path
            or any(char.isspace() or unicodedata.category(char) == "Cc" for char in url)):
        return (f"--generator-url {url}: give the generator's Git repository as "
                "https://host/owner/repository (or an ssh:// or file:// address)")
    return None


def folder_problem(target: Path) -> str | None:
    try:
        refuse_links(target, target)
    except UnsafeWrite as refusal:
        return str(refusal)
    if target.exists() and not target.is_dir():
        return f"{shown_path(target)} is a file: choose a new or empty folder for the site"
    if target.is_dir() and any(entry.name != ".git" for entry in target.iterdir()):  # a fresh clone is fine
        return (f"{shown_path(target)} is not empty: choose a new or empty folder (a freshly cloned, "
                "empty repository will do); nothing was written")
    return None
