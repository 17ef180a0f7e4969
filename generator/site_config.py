"""What the generated site adds to an ``mkdocs.yml``, shared by the plugin and by ``export``.

Kept free of ``mkdocs`` imports so the command line can write a plugin-free configuration.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

ASSET_PREFIX = "assets/explainer/"
# Generated section pages that belong in the navigation; every other generated page is reached
# through them, so the navigation does not grow with the number of articles or claims.
IN_NAV = frozenset({
    "articles/index.md", "organizations/index.md", "techniques/index.md", "glossary/index.md",
    "corrections/index.md",
})
NOT_IN_NAV_PATTERNS = ("/articles/*/**", "/organizations/*/**", "/techniques/*/**")


@functools.cache  # the same paths come back on every rebuild under serve
def walk_order(src_uri: str) -> tuple:
    """The order in which MkDocs finds files on disk (a folder's files, index first, then its
    subfolders), so generated pages sit where written ones would and the search index is the same
    with the plugin as from an export."""
    *folders, name = src_uri.split("/")
    stem = name.rsplit(".", 1)[0]
    return (*((1, folder) for folder in folders), (0, stem not in ("index", "README"), name))


def asset_files(templates_dir: Path) -> list[Path]:
    assets = templates_dir / "assets"
    if not assets.is_dir():
        return []
    return sorted(p for p in assets.rglob("*") if p.is_file() and not p.name.startswith("."))


def asset_path(templates_dir: Path, asset: Path) -> str:
    return ASSET_PREFIX + asset.relative_to(templates_dir / "assets").as_posix()


def extra_css(templates_dir: Path) -> list[str]:
    return [asset_path(templates_dir, p) for p in asset_files(templates_dir) if p.suffix == ".css"]


def extra_javascript(templates_dir: Path) -> list[str]:
    return [asset_path(templates_dir, p) for p in asset_files(templates_dir) if p.suffix == ".js"]


# What MkDocs always adds before a site's own extensions (its ``markdown_extensions`` builtins).
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


def markdown_settings(extensions: Iterable[Any], configs: Mapping[str, Any] | None
                      ) -> tuple[tuple[str, ...], dict[str, Any]]:
    """Extension names and their settings, from either MkDocs' parsed form or raw YAML items; the
    names begin with MkDocs' builtins either way, as MkDocs itself lists them."""
    names: list[str] = list(MKDOCS_BUILTIN_EXTENSIONS)
    settings: dict[str, Any] = dict(configs or {})
    for item in extensions:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, Mapping):
            for name, value in item.items():
                names.append(name)
                if value:
                    settings[name] = value
    return tuple(dict.fromkeys(names)), settings
