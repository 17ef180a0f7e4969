"""``explainer export DIR``: a complete site source that builds without the plugin.

It holds the hand-written ``docs/``, the generated pages and assets (the very bytes the plugin
serves) and an ``mkdocs.yml`` with the plugin removed, so MkDocs, ProperDocs or Zensical can build it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

from generator.adapters.files import refuse_links
from generator.adapters.mkdocs_site import (
    NOT_IN_NAV_PATTERNS,
    extra_css,
    extra_javascript,
    markdown_settings,
    page_links,
    page_source,
    source_files,
    theme_overrides,
)
from generator.adapters.plugin import config_problems
from generator.adapters.privacy import ALLOW_OPTION, privacy_problems
from generator.memo import Memo
from generator.pipeline import build_site
from generator.problems import shown_path
from generator.render import RenderOptions
from generator.render.templates import TemplateFolders

MARKER = ".explainer-export"


class Tagged:
    """A YAML value with a tag we do not interpret (``!ENV``, ``!!python/name:``), kept as written."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        return Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    return Tagged(node.tag, loader.construct_mapping(node, deep=True))


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_ConfigLoader.add_multi_constructor("!", _construct_tagged)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_ConfigDumper.add_representer(Tagged, _represent_tagged)


def run(args: argparse.Namespace) -> int:
    config_path: Path = args.config
    broken = config_problems(config_path)
    if broken:
        print("\n".join(problem.line() for problem in broken))
        count = f"{len(broken)} problem{'s' if len(broken) != 1 else ''}"
        print(f"{count} in {config_path.name}: nothing exported", file=sys.stderr)
        return 2 if not config_path.is_file() else 1
    config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    target: Path = args.directory
    refuse_links(target, Path.cwd())  # never replace, nor delete through, a link
    if target.exists() and not target.is_dir():
        print(f"{shown_path(target)} is a file: choose a folder to export to", file=sys.stderr)
        return 2
    if target.exists() and any(target.iterdir()) and not (target / MARKER).is_file():
        print(f"{shown_path(target)} is not empty: choose a new folder (an earlier export is "
              "replaced)", file=sys.stderr)
        return 2
    base = config_path.resolve().parent
    plugin = plugin_options(config)
    content_dir = base / plugin.get("content_dir", "content")
    templates = TemplateFolders(base / plugin.get("templates_dir", "templates"))
    theme = resolve_env(config.get("theme"))
    theme = {"name": theme} if isinstance(theme, str) else theme if isinstance(theme, dict) else None
    if plugin.get(ALLOW_OPTION) is not True:
        plugins = [name for name, _ in plugin_entries(config)]
        refused = privacy_problems(config_path, theme, resolve_env(config.get("repo_url")),
                                   resolve_env(config.get("extra")), plugins)
        if refused:
            print("\n".join(problem.line() for problem in refused))
            print("nothing exported", file=sys.stderr)
            return 1
    extensions, configs = markdown_settings(config.get("markdown_extensions") or [], None)
    extra = resolve_env(config.get("extra")) or {}
    docs = base / config.get("docs_dir", "docs")
    written = [path.relative_to(docs).as_posix() for path in docs.rglob("*.md")] if docs.is_dir() else []
    as_folders = resolve_env(config.get("use_directory_urls")) is not False
    options = RenderOptions(site_name=resolve_env(config.get("site_name")) or "",
                            site_url=resolve_env(config.get("site_url")) or "",
                            repository=str(extra.get("repository") or "") if isinstance(extra, dict) else "",
                            markdown_extensions=extensions, markdown_configs=configs,
                            links=page_links(as_folders, written),
                            language=str(theme.get("language") or "en") if isinstance(theme, dict) else "en")
    build = build_site(content_dir, templates, options, Memo.one_shot(), page_source)
    for note in build.problems.note_lines():
        print(note, file=sys.stderr)
    lines = build.problems.lines()
    if lines:
        print("\n".join(lines))
        print(f"{len(lines)} problems: nothing exported", file=sys.stderr)
        return 1
    try:
        files = source_files(build)
        write_export(target, base, config, files, templates)
    except OSError as error:
        print(f"{shown_path(Path(error.filename or target))}: cannot write the export "
              f"({error.strerror}): choose another folder", file=sys.stderr)
        return 2
    print(f"Exported {len(files)} generated files to {target}; build it with "
          f"`mkdocs build -f {target / 'mkdocs.yml'}`.", file=sys.stderr)
    return 0


def resolve_env(value: Any) -> Any:
    """The value MkDocs would see: ``!ENV [NAME, ..., default]`` looks its names up in turn."""
    if isinstance(value, Tagged) and value.tag == "!ENV":
        names = value.value if isinstance(value.value, list) else [value.value]
        for name in names[:-1] if len(names) > 1 else names:
            if isinstance(name, str) and os.environ.get(name) is not None:
                return os.environ[name]
        return names[-1] if len(names) > 1 else None
    if isinstance(value, dict):
        return {k: resolve_env(v) for k, v in value.items()}
    return value


def plugin_entries(config: dict[str, Any]) -> list[tuple[str, Any]]:
    """Each configured plugin's name and options, whichever way ``plugins:`` is written: a list of
    names and one-key mappings, or one mapping of names to options (MkDocs accepts both)."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        return list(plugins.items())
    entries: list[tuple[str, Any]] = []
    for item in plugins if isinstance(plugins, list) else []:
        if isinstance(item, dict):
            entries.extend(item.items())
        else:
            entries.append((item, None))
    return entries


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    for name, options in plugin_entries(config):
        if name == "explainer":
            return options if isinstance(options, dict) else {}
    return {}


def without_plugin(plugins: Any) -> Any:
    """``plugins:`` as written, less ours; every other plugin keeps its settings."""
    if isinstance(plugins, dict):
        return {name: options for name, options in plugins.items() if name != "explainer"}
    return [p for p in plugins or [] if p != "explainer" and not (isinstance(p, dict) and "explainer" in p)]


def plugin_free(config: dict[str, Any], templates: TemplateFolders) -> dict[str, Any]:
    """The same configuration without the plugin, carrying what the plugin would have added."""
    exported = dict(config)
    if "plugins" in config:
        exported["plugins"] = without_plugin(config["plugins"])
    exported["docs_dir"] = "docs"
    exported.pop("site_dir", None)
    css = list(config.get("extra_css") or [])
    exported["extra_css"] = css + [c for c in extra_css(templates) if c not in css]
    scripts = list(config.get("extra_javascript") or [])
    exported["extra_javascript"] = scripts + [s for s in extra_javascript(templates) if s not in scripts]
    patterns = [p for p in (config.get("not_in_nav") or "").splitlines() if p.strip()]
    patterns += [p for p in NOT_IN_NAV_PATTERNS if p not in patterns]
    exported["not_in_nav"] = "\n".join(patterns) + "\n"
    theme = exported.get("theme")
    if is_material(theme):  # the packaged overrides, and the site's own on top, in one folder
        settings = theme if isinstance(theme, dict) else {"name": theme}
        exported["theme"] = {**settings, "custom_dir": "overrides"}
    return exported


def is_material(theme: Any) -> bool:
    return (theme.get("name") if isinstance(theme, dict) else theme) == "material"


def write_export(target: Path, base: Path, config: dict[str, Any], files: dict[str, str | bytes],
                 templates: TemplateFolders) -> None:
    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    source_docs = base / config.get("docs_dir", "docs")
    if source_docs.is_dir():
        shutil.copytree(source_docs, docs)
    theme = config.get("theme")
    if is_material(theme):
        shutil.copytree(theme_overrides(), target / "overrides",
                        ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    if isinstance(theme, dict) and theme.get("custom_dir"):
        shutil.copytree(base / theme["custom_dir"], target / "overrides", dirs_exist_ok=True)
    for path, content in files.items():
        out = docs / path
        out.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            out.write_text(content, encoding="utf-8", newline="\n")
        else:
            out.write_bytes(content)
    exported = plugin_free(config, templates)
    (target / "mkdocs.yml").write_text(
        yaml.dump(exported, Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True), encoding="utf-8")
    (target / MARKER).write_text("Written by `explainer export`; replaced by the next export.\n",
                                 encoding="utf-8")
