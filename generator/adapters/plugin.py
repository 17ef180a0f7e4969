"""The MkDocs adapter: the only module that imports ``mkdocs``.

Generated pages are added as virtual files (``File.generated``), so nothing is written into
``docs/``. ``mkdocs build`` fails with the same lines as ``explainer check``; ``mkdocs serve`` keeps
serving the valid part of the site and logs the problems, and reloads on any change under
``content/`` or ``templates/``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.pipeline import Build, build_site
from generator.render import RenderOptions
from generator.site_config import (
    ASSET_PREFIX,
    IN_NAV,
    extra_css,
    extra_javascript,
    markdown_settings,
    walk_order,
)

log = logging.getLogger("mkdocs.plugins.explainer")


class PluginConfig(Config):
    content_dir = opt.Type(str, default="content")
    """Folder of the claim cards, relative to ``mkdocs.yml``."""
    templates_dir = opt.Type(str, default="templates")
    """Folder of the Jinja templates and their assets, relative to ``mkdocs.yml``."""


class ExplainerPlugin(BasePlugin[PluginConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.content_dir = Path("content")
        self.templates_dir = Path("templates")

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path or ".").resolve().parent
        self.content_dir = base / self.config.content_dir
        self.templates_dir = base / self.config.templates_dir
        for css in extra_css(self.templates_dir):
            if css not in config.extra_css:
                config.extra_css.append(css)
        for script in extra_javascript(self.templates_dir):
            if script not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(script)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        extensions, configs = markdown_settings(config.markdown_extensions, config.mdx_configs)
        options = RenderOptions(site_name=config.site_name, site_url=config.site_url or "",
                                repository=str(config.extra.get("repository") or ""),
                                markdown_extensions=extensions, markdown_configs=configs)
        build = build_site(self.content_dir, self.templates_dir, options, preview=self.serving)
        self.report(build)
        for path, text in build.files.items():
            in_nav = path in IN_NAV or path.startswith(ASSET_PREFIX)
            files.append(File.generated(config, path, content=text, inclusion=(
                InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV)))
        return Files(sorted(files, key=lambda file: walk_order(file.src_uri)))

    def report(self, build: Build) -> None:
        for line in build.problems.lines():
            log.error(line)
        if build.problems and not self.serving:
            count = len(build.problems.lines())
            raise PluginError(f"{count} problem{'s' if count != 1 else ''} in the content "
                              "(listed above): fix them, then build again")

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        for folder in (self.content_dir, self.templates_dir):
            if folder.is_dir():
                server.watch(str(folder))
        return server
