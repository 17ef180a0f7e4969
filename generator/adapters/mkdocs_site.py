"""The generated site as MkDocs and Material for MkDocs see it, shared by the plugin and by
``explainer export``: each page as a Markdown file with front matter, where generated files sit in
the navigation and in MkDocs' walk, and what the site adds to an ``mkdocs.yml``.

Kept free of ``mkdocs`` imports, so the command line can write a plugin-free site.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.pipeline import Build
from generator.render import RenderedPage
from generator.render.assets import ASSET_PREFIX, scripts, stylesheets
from generator.render.templates import TemplateFolders, packaged_folder
from generator.render.text import isolated
from generator.render.urls import Links

# Generated section pages that belong in the navigation; every other generated page is reached
# through them, so the navigation does not grow with the number of articles or claims.
IN_NAV = frozenset({
    "articles/index.md", "organizations/index.md", "techniques/index.md", "glossary/index.md",
    "corrections/index.md",
})
NOT_IN_NAV_PATTERNS = ("/articles/*/**", "/organizations/*/**", "/techniques/*/**")
# Material hides these sidebars on a page whose front matter lists them under `hide`.
WIDE_PAGE_HIDES = ("navigation", "toc")


def page_source(page: RenderedPage) -> str:
    """The page as MkDocs reads it: front matter, then the body, one raw HTML block that Markdown
    passes through untouched (so the same file builds with or without the plugin). The pipeline
    writes each page with this, and its memo keeps what it wrote."""
    return front_matter(page) + page.body


def source_files(build: Build) -> dict[str, str | bytes]:
    """Every generated file under ``docs/``, by path: the pages as Markdown, data and assets."""
    pages = {source_path(url): text for url, text in build.pages.items()}
    return dict(sorted({**build.files, **pages}.items()))


def source_path(url: str) -> str:
    """The file under ``docs/`` that MkDocs serves at ``url``: ``/a/b/`` → ``a/b/index.md``."""
    if url.endswith("/"):
        return f"{url.strip('/')}/index.md".lstrip("/")
    return url.lstrip("/")


# The theme prints the title through `striptags` (which decodes entities) and the description
# unescaped, so markup characters there are swapped for look-alikes; the page's own <h1> shows the
# exact text.
META_LOOKALIKES = str.maketrans({"<": "\uff1c", ">": "\uff1e", "&": "\uff06", '"': "\u201d"})


def head_text(text: str) -> str:
    """Title or description as the theme's <head> and search show it: one line, isolated so that
    it cannot reorder what the theme sets beside it."""
    return " ".join(isolated(text).translate(META_LOOKALIKES).split())


class Quoted(str):
    """A string YAML writes in double quotes, whatever it holds."""


class FlowList(list):
    """A list YAML writes on one line, ``["a", "b"]``."""


class FrontMatterDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    pass


FrontMatterDumper.add_representer(
    Quoted, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", str(text), style='"'))
FrontMatterDumper.add_representer(FlowList, lambda dumper, items: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", items, flow_style=True))


def front_matter(page: RenderedPage) -> str:
    """Title, description, and the theme's settings for the page, written by the YAML library."""
    matter: dict[str, Any] = {"title": Quoted(head_text(page.title)),
                              "description": Quoted(head_text(page.description))}
    if page.wide:
        matter["hide"] = FlowList(Quoted(name) for name in WIDE_PAGE_HIDES)
    if not page.searchable:
        matter["search"] = {"exclude": True}
    text = yaml.dump(matter, Dumper=FrontMatterDumper, sort_keys=False, allow_unicode=True,
                     width=1 << 30, default_flow_style=False)
    return f"---\n{text}---\n\n"


@functools.lru_cache(maxsize=1 << 16)  # the same paths come back on every rebuild of a preview
def walk_order(src_uri: str) -> tuple:
    """The order in which MkDocs finds files on disk (a folder's files, index first, then its
    subfolders), so generated pages sit where written ones would and the search index is the same
    with the plugin as from an export."""
    *folders, name = src_uri.split("/")
    stem = name.rsplit(".", 1)[0]
    return (*((1, folder) for folder in folders), (0, stem not in ("index", "README"), name))


def written_pages(src_uris: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """Each hand-written page that MkDocs writes as ``<name>.html`` when pages are files
    (``use_directory_urls: false``): its folder URL and its file URL, as ``/about/methodology/`` and
    ``/about/methodology.html``. An index page is ``index.html`` in its folder either way."""
    pages = []
    for src in src_uris:
        stem = src.removesuffix(".md")
        if stem != src and stem.rpartition("/")[2] not in ("index", "README"):
            pages.append((f"/{stem}/", f"/{stem}.html"))
    return tuple(sorted(pages))


def page_links(use_directory_urls: bool, written_src_uris: Iterable[str]) -> Links:
    """How generated pages link: as folders, or as the files an offline copy opens."""
    return Links() if use_directory_urls else Links(file_urls=True, written=written_pages(written_src_uris))


def theme_overrides() -> Path:
    """The Material overrides the generated pages rely on (a named search dialog, the search index
    held back until used), installed with the generator."""
    return packaged_folder("generator.overrides")


def material_folder() -> Path | None:
    """Material's templates, found without importing it."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "templates"


def theme_languages(theme_dirs: Iterable[str | Path] = ()) -> list[str]:
    """The values ``theme.language`` may take: Material's own languages (one partial each), and any
    a site's ``custom_dir`` adds. Material stops the build with a traceback on any other."""
    folders = [Path(folder) for folder in theme_dirs] or [material_folder()]
    return sorted({path.stem for folder in folders if folder is not None
                   for path in (folder / "partials" / "languages").glob("*.html")})


def theme_language_mistake(language: str, known: list[str]) -> str | None:
    """Why ``language`` cannot be the site's language, with the fix; None when it can."""
    if language in known:
        return None
    if not language.strip():
        return "the language is empty: write one of the theme's codes, such as en, ar, fr or pt-BR"
    shown = language if len(language) <= 40 and language.isprintable() else repr(language[:40])
    same = [code for code in known if code.lower() == language.strip().replace("_", "-").lower()]
    if same:
        return f"the language `{shown}` is written `{same[0]}` by the theme: write `{same[0]}`"
    primary = language.strip().replace("_", "-").split("-")[0].lower()
    near = [code for code in known if code.split("-")[0].lower() == primary]
    hint = f" (for this language: {', '.join(near)})" if near else ""
    return (f"the theme has no language `{shown}`: write one of its codes, such as en, ar, fr or "
            f"pt-BR{hint}")


def theme_direction(language: str, theme_dirs: Iterable[str | Path], direction: object = None) -> str:
    """The site's writing direction as Material sets it on ``<body>``: ``theme.direction``, else
    its language's own (``rtl`` for ar, fa, he, ur, ...)."""
    if direction in ("ltr", "rtl"):
        return str(direction)
    for folder in theme_dirs:  # the first that has the language, as the theme's loader reads them
        words = Path(folder) / "partials" / "languages" / f"{language}.html"
        if language in theme_languages([folder]):
            return "rtl" if '"direction": "rtl"' in words.read_text(encoding="utf-8") else "ltr"
    return "ltr"


HTML_TAG = re.compile(r"<html\b(?![^>]*\sdir=)")


def with_direction(html: str, direction: str) -> str:
    """A right-to-left page with its direction on ``<html>`` too, where Material leaves it off (it
    sets it on ``<body>`` only): the document's root then reads, scrolls and prints that way. A
    left-to-right page is left as it is: that is every document's default."""
    return HTML_TAG.sub('<html dir="rtl"', html, count=1) if direction == "rtl" else html


def extra_css(templates: TemplateFolders) -> list[str]:
    return stylesheets(templates)


def extra_javascript(templates: TemplateFolders) -> list[str]:
    return scripts(templates)


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


__all__ = [
    "ASSET_PREFIX",
    "IN_NAV",
    "NOT_IN_NAV_PATTERNS",
    "extra_css",
    "extra_javascript",
    "markdown_settings",
    "page_source",
    "source_files",
    "theme_direction",
    "theme_language_mistake",
    "theme_languages",
    "walk_order",
    "with_direction",
]
