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
import shlex
import sys
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator import DISTRIBUTION, __version__
from generator.adapters.files import UnsafeWrite, create_file, make_folders, refuse_links
from generator.problems import one_line, shown_path
from generator.schemas import SCHEMA_DIR, all_schemas, render_schema

SKELETON = Path(__file__).with_name("site_skeleton")
PLACEHOLDER_URL = "https://example.invalid/REPLACE-WITH-THE-GENERATOR-REPOSITORY"
URL_SCHEMES = ("https", "http", "ssh", "file")
# Direction controls would reorder the header around the name; ZWJ and ZWNJ are letters' business.
DIRECTION_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", type=Path, help="a new or empty folder")
    parser.add_argument("--name", help="the site's name (default: the folder's name)")
    parser.add_argument("--generator-url", metavar="URL",
                        help="the generator's Git repository, which requirements.txt installs from")


def run(args: argparse.Namespace) -> int:
    target: Path = args.directory
    name = args.name if args.name is not None else Path(os.path.abspath(target)).name
    url = args.generator_url or installed_from() or PLACEHOLDER_URL
    refusal = name_problem(name) or url_problem(url) or folder_problem(target)
    if refusal:
        print(one_line(refusal), file=sys.stderr)
        return 2
    files = site_files(name.strip(), url.rstrip("/"))
    make_folders(target, target)
    for relative, text in files.items():
        path = target / relative
        make_folders(path.parent, target)
        create_file(path, text, target)
    if url == PLACEHOLDER_URL:
        print(f"requirements.txt and .pre-commit-config.yaml name the generator's repository as "
              f"{PLACEHOLDER_URL}: replace it with the repository's address (or make the site again "
              "with --generator-url URL).", file=sys.stderr)
    shown = shown_path(target)
    print(f"Created the site \"{one_line(name.strip())}\" in {shown}/ ({len(files)} files). Next:\n"
          f"  cd {shlex.quote(shown)}\n"
          "  python3 -m venv .venv && .venv/bin/pip install -r requirements.txt\n"
          "  .venv/bin/explainer new article my-article\n"
          "  .venv/bin/explainer serve\n"
          "Then replace what the boxes marked \"For the site's owner\" in docs/ ask for.")
    return 0


def site_files(name: str, url: str) -> dict[str, str]:
    """Each file of the new site, by its path in the site, in a fixed order."""
    fills = {
        "__SITE_NAME__": name,
        "__GENERATOR_URL__": url,
        "__VERSION__": __version__,
        "__DISTRIBUTION__": DISTRIBUTION,
    }
    files: dict[str, str] = {}
    for source in sorted(SKELETON.rglob("*")):
        if not source.is_file():
            continue
        relative = "/".join("." + part.removeprefix("dot-") if part.startswith("dot-") else part
                            for part in source.relative_to(SKELETON).parts)
        text = source.read_text(encoding="utf-8")
        if relative == "mkdocs.yml":  # quoted, whatever the name holds
            text = text.replace("__SITE_NAME__", yaml_string(name))
        for placeholder, value in fills.items():
            text = text.replace(placeholder, value)
        files[relative] = text
    for schema_name, schema in all_schemas().items():
        files[f"{SCHEMA_DIR}/{schema_name}"] = render_schema(schema)
    return dict(sorted(files.items()))


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
