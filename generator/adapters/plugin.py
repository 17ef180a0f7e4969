"""The MkDocs adapter: the only module that imports ``mkdocs``.

Generated pages are added as virtual files (``File.generated``), so nothing is written into
``docs/``. ``mkdocs build`` fails with the same lines as ``explainer check``; ``mkdocs serve`` keeps
serving the valid part of the site and logs the problems, and reloads on any change under
``content/`` or ``templates/``.

Two things keep big sites fast: a generated page's HTML is handed to MkDocs without running
Markdown over it (``render/raw_html.py``), and under ``mkdocs serve`` a rebuild reads, renders and
builds only what changed (``pipeline.Memo``, ``last_build.py``).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.adapters.last_build import CompiledTemplates, LastBuild, files_under, fingerprint_of
from generator.pipeline import Build, Memo, build_site, collector_paused
from generator.render import RenderOptions
from generator.render.raw_html import anchor_ids, as_markdown_emits, leaves_raw_html_alone
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
    """Kept across the rebuilds of ``mkdocs serve`` (it has ``on_startup``), so it can remember them."""

    def __init__(self) -> None:
        self.serving = False
        self.reusing = False  # serving, and not with --dirty (which keeps files MkDocs would clean)
        self.content_dir = Path("content")
        self.templates_dir = Path("templates")
        self.memo = Memo()
        self.last = LastBuild()
        self.compiled = CompiledTemplates()
        self.surroundings = b""
        self.built: dict[str, str] = {}  # dest path → Markdown, this build
        self.reused: dict[str, str] = {}
        self.page_urls: list[str] = []
        self.started = 0.0
        self.skip_markdown = False  # the configured extensions leave raw HTML blocks alone
        self.generated_pages: set[str] = set()
        self.converted: dict[str, str] = {}  # src path → the HTML Markdown would make of it
        self.site_dir = ""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.reusing = self.serving and not dirty

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
        self.skip_markdown = leaves_raw_html_alone(config.markdown_extensions)
        if self.reusing:
            self.started, self.site_dir = time.perf_counter(), config.site_dir
            self.surroundings = self.fingerprint_surroundings(config)
        return config

    def fingerprint_surroundings(self, config: MkDocsConfig) -> bytes:
        """Everything outside content/ that shapes a page: any change to it rebuilds every page."""
        folders = [Path(config.docs_dir), self.templates_dir]
        if config.theme.custom_dir:
            folders.append(Path(config.theme.custom_dir))
        return fingerprint_of([Path(config.config_file_path or ""), *files_under(*folders)],
                              str(config.site_url), str(config.extra.get("repository")))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        extensions, configs = markdown_settings(config.markdown_extensions, config.mdx_configs)
        options = RenderOptions(site_name=config.site_name, site_url=config.site_url or "",
                                repository=str(config.extra.get("repository") or ""),
                                markdown_extensions=extensions, markdown_configs=configs)
        if self.serving:
            build = build_site(self.content_dir, self.templates_dir, options, preview=True, memo=self.memo)
        else:
            with collector_paused(freeze=True):  # mkdocs build: one build per process
                build = build_site(self.content_dir, self.templates_dir, options)
        self.report(build)
        self.built, self.reused, self.converted = {}, {}, {}
        for path, text in build.files.items():
            files.append(self.generated_file(config, path, text))
        self.generated_pages = {path for path in build.files if path.endswith(".md")}
        files = Files(sorted(files, key=lambda file: walk_order(file.src_uri)))
        # As the search index writes them: the home page is "", not "./".
        self.page_urls = [file.url.removeprefix("./") for file in files if file.is_documentation_page()]
        return files

    def generated_file(self, config: MkDocsConfig, path: str, text: str | bytes) -> File:
        in_nav = path in IN_NAV or path.startswith(ASSET_PREFIX)
        file = File.generated(config, path, content=text, inclusion=(
            InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV))
        if self.reusing and not in_nav and file.is_documentation_page():
            if self.last.reusable(file.dest_uri, text):
                file.inclusion = InclusionLevel.EXCLUDED  # not built: put back in on_post_build
                self.reused[file.dest_uri] = text
            else:
                self.built[file.dest_uri] = text
        return file

    @event_priority(-100)  # last: other plugins see the page's real Markdown
    def on_page_markdown(self, markdown: str, /, *, page, config: MkDocsConfig, files: Files) -> str:
        """A generated page is one raw HTML block: its HTML is known without running Markdown."""
        if self.skip_markdown and page.file.src_uri in self.generated_pages:
            converted = as_markdown_emits(markdown)
            if converted is not None:
                self.converted[page.file.src_uri] = converted
                return ""
        return markdown

    @event_priority(100)  # first: other plugins see the page's real HTML
    def on_page_content(self, html: str, /, *, page, config: MkDocsConfig, files: Files) -> str:
        converted = self.converted.pop(page.file.src_uri, None)
        if converted is None:
            return html
        page.present_anchor_ids = anchor_ids(converted)  # as MkDocs collects them from raw HTML
        return converted

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.reusing:
            self.last.set_aside(Path(config.site_dir), self.surroundings)

    def on_env(self, env, /, *, config: MkDocsConfig, files: Files):
        if self.serving:
            env.bytecode_cache = self.compiled
        return env

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.reusing:
            return
        self.last.restore(Path(config.site_dir), self.surroundings, {**self.built, **self.reused},
                          self.page_urls, set(self.reused))
        log.info(f"explainer: {len(self.built)} generated pages built, {len(self.reused)} unchanged "
                 f"({self.memo.pages.rendered} rendered) in {time.perf_counter() - self.started:.2f} s")

    def on_build_error(self, *, error: Exception) -> None:
        if self.reusing:
            self.last.forget(Path(self.site_dir))  # the next build starts afresh

    def report(self, build: Build) -> None:
        for line in build.problems.note_lines():
            log.info(line)  # info, not a warning: a strict build stays green
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
