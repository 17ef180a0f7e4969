"""The MkDocs adapter: the only module that imports ``mkdocs``.

Generated pages are added as virtual files (``File.generated``), so nothing is written into
``docs/``. ``mkdocs build`` fails with the same lines as ``explainer check``; ``mkdocs serve`` keeps
serving the valid part of the site and logs the problems, and reloads on any change under
``content/`` or ``templates/``.

Two things keep big sites fast: a generated page's HTML is handed to MkDocs without running
Markdown over it (``raw_html.py``), and under ``mkdocs serve`` a rebuild reads, renders and builds
only what changed (``generator/memo.py``, ``last_build.py``).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.adapters.config_file import ConfigPlaces, syntax_problem
from generator.adapters.last_build import CompiledTemplates, LastBuild
from generator.adapters.mkdocs_site import (
    ASSET_PREFIX,
    IN_NAV,
    extra_css,
    extra_javascript,
    markdown_settings,
    page_links,
    page_source,
    source_files,
    theme_direction,
    theme_language_mistake,
    theme_languages,
    theme_overrides,
    walk_order,
    with_direction,
)
from generator.adapters.privacy import privacy_problems, site_url_mistake
from generator.adapters.raw_html import AnchorIds, as_markdown_emits, leaves_raw_html_alone
from generator.load.validate import did_you_mean
from generator.memo import Memo, files_fingerprint, files_under
from generator.pipeline import Build, build_site
from generator.problems import START, Problem, one_line
from generator.render import RenderOptions
from generator.render.i18n import catalog_for
from generator.render.templates import TemplateFolders

log = logging.getLogger("mkdocs.plugins.explainer")

PLUGIN_OPTION = re.compile(r"Plugin '([^']+)' option '([^']+)': (.*)", re.S)
MISSING_PLUGIN = re.compile(r'The "([^"]+)" plugin is not installed')
UNKNOWN_KEY = re.compile(r"Unrecognised configuration name: (\S+)")
FAILED_EXTENSION = re.compile(r"Failed to load extension '([^']+)'")


def config_problems(config_file: Path) -> list[Problem]:
    """A broken or invalid ``mkdocs.yml`` as problems, one line each at the setting it is about,
    with MkDocs' own validation (and the plugins' of their options). For ``explainer check``,
    ``export`` and ``serve``: MkDocs' own commands print their own messages."""
    syntax = syntax_problem(config_file)
    if syntax is not None:
        return [syntax]
    config = MkDocsConfig(config_file_path=str(config_file))
    for _, option in config._schema:  # shared by every MkDocsConfig: forget an earlier validation
        option.reset_warnings()
        if isinstance(option, opt.Plugins):
            option.plugin_cache.clear()
    try:
        with config_file.open("rb") as file:
            config.load_file(file)
        with logging_quieted("mkdocs"):  # MkDocs logs some findings too; they are returned here
            errors, warnings = config.validate()
    except (ConfigurationError, OSError, ValueError, yaml.YAMLError) as error:
        return [Problem(config_file, START, one_line(str(error)))]
    places = ConfigPlaces.of(config_file)
    known = sorted(name for name, _ in config._schema)
    found = [config_problem(config_file, places, key, str(message), known)
             for key, message in [*errors, *warnings]]
    found += [Problem(config_file, again, f"`{'.'.join(map(str, keys))}` is given twice (also on line "
                                          f"{first.line}): keep one")
              for keys, first, again in places.repeated]
    if not errors:
        found += missing_nav_pages(config_file, places, Path(config.docs_dir))
    ours = config.plugins.get("explainer") if not errors else None
    if isinstance(ours, ExplainerPlugin) and not ours.config.allow_third_party_requests:
        found += site_privacy_problems(config)
    if isinstance(ours, ExplainerPlugin):
        found += site_url_problems(config) + site_language_problems(config)
    return found


def site_url_problems(config: MkDocsConfig) -> list[Problem]:
    """A ``site_url`` every address of the open data, the feed and the ClaimReview can start with."""
    why = site_url_mistake(config.site_url or "")
    if why is None:
        return []
    config_file = Path(config.config_file_path or "mkdocs.yml")
    return [Problem(config_file, ConfigPlaces.of(config_file).value("site_url"), why)]


def site_language_problems(config: MkDocsConfig) -> list[Problem]:
    """A ``theme.language`` Material has words for: any other stops its build with a traceback."""
    if config.theme.name != "material":
        return []
    language, direction = config.theme.get("language"), config.theme.get("direction")
    config_file = Path(config.config_file_path or "mkdocs.yml")
    places = ConfigPlaces.of(config_file)
    found = []
    written = "" if language is None else str(language)
    why = theme_language_mistake(written, theme_languages(config.theme.dirs))
    if why is not None:
        found.append(Problem(config_file, places.value("theme", "language"), f"`theme.language`: {why}"))
    if direction not in (None, "ltr", "rtl"):
        found.append(Problem(config_file, places.value("theme", "direction"), "`theme.direction` is `ltr` or "
                             "`rtl`: write one, or leave it out to follow the language"))
    return found


def site_privacy_problems(config: MkDocsConfig) -> list[Problem]:
    """``privacy.py``'s rule applied to the configuration as MkDocs loaded it."""
    return privacy_problems(Path(config.config_file_path or "mkdocs.yml"),
                            {"name": config.theme.name, "font": config.theme.get("font")},
                            config.repo_url, config.extra, list(config.plugins))


def missing_nav_pages(config_file: Path, places: ConfigPlaces, docs: Path) -> list[Problem]:
    """A page ``nav`` names that is neither in ``docs/`` nor one the generator writes."""
    return [Problem(config_file, place, f"`nav` names {page}, which is not in {docs.name}/: correct the "
                                        "path (relative to the docs folder), or write the page")
            for place, page in places.nav_pages()
            if page.endswith(".md") and "://" not in page and page not in IN_NAV
            and not (docs / page).is_file()]


# MkDocs' words for a value of the wrong type, and what an author calls each type.
WRONG_TYPE = re.compile(r"Expected type: <class '(\w+)'> but received: <class '(\w+)'>")
TYPE_WORDS = {"bool": "true or false", "str": "text", "int": "a whole number", "float": "a number",
              "list": "a list", "dict": "a mapping (`key: value` lines)", "NoneType": "empty"}


def readable(message: str) -> str:
    """One line an author can act on: a traceback's last line, types in words."""
    lines = [line for line in message.strip().splitlines() if line.strip()]
    text = lines[-1].strip() if lines else message
    if (failed := FAILED_EXTENSION.match(message)) and text.startswith("ModuleNotFoundError"):
        return f"the Markdown extension `{failed[1]}` is not installed: install it, or remove it"
    if failed:
        return f"the Markdown extension `{failed[1]}` does not take these settings ({text}): correct them"
    return WRONG_TYPE.sub(lambda m: f"must be {TYPE_WORDS.get(m[1], m[1])}, not {TYPE_WORDS.get(m[2], m[2])}",
                          text)


def config_problem(config_file: Path, places: ConfigPlaces, key: str, message: str,
                   known: list[str]) -> Problem:
    if match := PLUGIN_OPTION.match(message):
        name, option, why = match.groups()
        return Problem(config_file, places.plugin(name, option),
                       f"option `{option}` of the `{name}` plugin: {readable(why)}")
    if match := MISSING_PLUGIN.match(message):
        return Problem(config_file, places.plugin(match[1]),
                       f"the `{match[1]}` plugin is not installed: install it, or remove it from `plugins`")
    if match := UNKNOWN_KEY.match(message):
        return Problem(config_file, places.nearest(match[1]),
                       f"`{match[1]}` is not a setting of mkdocs.yml{did_you_mean(match[1], known)}")
    return Problem(config_file, places.nearest(key), f"`{key}`: {readable(message)}")


@contextmanager
def logging_quieted(name: str) -> Iterator[None]:
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


class PluginConfig(Config):
    content_dir = opt.Type(str, default="content")
    """Folder of the claim cards, relative to ``mkdocs.yml``."""
    templates_dir = opt.Type(str, default="templates")
    """Folder of the site's own templates and assets, relative to ``mkdocs.yml``: each replaces the
    packaged default of the same name. It may be missing."""
    allow_third_party_requests = opt.Type(bool, default=False)
    """Build even when a setting makes every page call another host (``privacy.py``)."""


class ExplainerPlugin(BasePlugin[PluginConfig]):
    """Kept across the rebuilds of ``mkdocs serve`` (it has ``on_startup``), so it can remember them.

    The hooks below are declared in the order MkDocs calls them; each says what state it sets."""

    def __init__(self) -> None:
        # For the whole session.
        self.serving = False
        self.reusing = False  # serving, and not with --dirty (which keeps files MkDocs would clean)
        self.memo = Memo()  # what the next build of a preview may reuse
        self.last = LastBuild()  # the pages the last build wrote, and their search entries
        self.compiled = CompiledTemplates()  # the theme's templates, compiled once
        # From the configuration, at each build.
        self.content_dir = Path("content")
        self.templates = TemplateFolders(Path("templates"))
        self.site_dir = ""
        self.surroundings = b""  # fingerprint of everything outside content/ that shapes a page
        self.started = 0.0
        self.language, self.direction = "en", "ltr"  # the site's, as theme.language and Material say
        # What this build generated.
        self.generated_pages: set[str] = set()  # src paths of the generated pages
        self.page_urls: list[str] = []  # every page's URL, in the search index's order
        self.built: dict[str, str] = {}  # dest path → Markdown, of pages MkDocs builds this time
        self.reused: dict[str, str] = {}  # dest path → Markdown, of pages the last build made
        self.converted: dict[str, str] = {}  # src path → the HTML Markdown would make of it

    def load_config(self, options: dict, config_file_path: str | None = None):
        """MkDocs validates the plugin's options before any hook: a mistake in them is also named
        as one line at its place in mkdocs.yml. (A file MkDocs cannot read at all never reaches a
        plugin: ``explainer check`` and ``explainer serve`` name that too.)"""
        errors, warnings = super().load_config(options, config_file_path)
        if config_file_path:
            path = Path(config_file_path)
            places = ConfigPlaces.of(path)
            for found, report in ((errors, log.error), (warnings, log.warning)):
                for key, why in found:
                    report(Problem(path, places.plugin("explainer", key),
                                   f"option `{key}` of the `explainer` plugin: {readable(str(why))}").line())
        return errors, warnings

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Sets ``serving`` and ``reusing``."""
        self.serving = command == "serve"
        self.reusing = self.serving and not dirty

    @event_priority(100)  # first: Material's search plugin loads the theme's language words in its own
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Sets the folders, ``language``, ``direction`` and (when reusing) ``surroundings``; stops a
        build whose pages would call another host or whose language the theme lacks; adds the theme
        overrides, stylesheets and scripts to the configuration."""
        base = Path(config.config_file_path or ".").resolve().parent
        self.content_dir = base / self.config.content_dir
        self.templates = TemplateFolders(base / self.config.templates_dir)
        problems = site_url_problems(config) + site_language_problems(config)
        if not self.config.allow_third_party_requests:
            problems += site_privacy_problems(config)
        if problems:
            raise PluginError("\n".join(problem.line() for problem in problems))
        self.language = language = str(config.theme.get("language") or "en")
        self.direction = theme_direction(language, config.theme.dirs, config.theme.get("direction"))
        if not language.startswith("en") and catalog_for(language) is None:
            log.info(f"explainer: no interface catalog for the language `{language}`: the generated "
                     "pages use English (see \"The interface in your language\" in the README)")
        if config.theme.name == "material":  # after the site's custom_dir: its files still win
            overrides = str(theme_overrides())
            if overrides not in config.theme.dirs:
                config.theme.dirs.insert(1 if config.theme.custom_dir else 0, overrides)
        for css in extra_css(self.templates):
            if css not in config.extra_css:
                config.extra_css.append(css)
        for script in extra_javascript(self.templates):
            if script not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(script)
        if self.reusing:
            self.started, self.site_dir = time.perf_counter(), config.site_dir
            self.surroundings = self.fingerprint_surroundings(config)
        return config

    def fingerprint_surroundings(self, config: MkDocsConfig) -> bytes:
        """Everything outside content/ that shapes a page: any change to it rebuilds every page."""
        folders = [Path(config.docs_dir), *self.templates.folders, theme_overrides()]
        if config.theme.custom_dir:
            folders.append(Path(config.theme.custom_dir))
        return files_fingerprint([Path(config.config_file_path or ""), *files_under(*folders)],
                                 str(config.site_url), str(config.extra.get("repository")))

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """When reusing: moves the last build's generated pages out of MkDocs' way (``last``)."""
        if self.reusing:
            self.last.set_aside(Path(config.site_dir), self.surroundings)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Runs the pipeline; sets what this build generated (``generated_pages``, ``page_urls``,
        ``built``, ``reused``)."""
        extensions, configs = markdown_settings(config.markdown_extensions, config.mdx_configs)
        written = [file.src_uri for file in files.documentation_pages()]
        options = RenderOptions(site_name=config.site_name, site_url=config.site_url or "",
                                repository=str(config.extra.get("repository") or ""),
                                markdown_extensions=extensions, markdown_configs=configs,
                                links=page_links(config.use_directory_urls, written),
                                language=self.language)
        # A one-shot build gets a memo of its own, gone with it. No gc.freeze() here, unlike the
        # command line: MkDocs may run many builds in one process.
        memo = self.memo if self.serving else Memo.one_shot()
        build = build_site(self.content_dir, self.templates, options, memo, page_source,
                           preview=self.serving)
        self.report(build)
        self.built, self.reused, self.converted = {}, {}, {}
        generated = source_files(build)
        for path, text in generated.items():
            files.append(self.generated_file(config, path, text))
        self.generated_pages = {path for path in generated if path.endswith(".md")}
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

    def report(self, build: Build) -> None:
        for line in build.problems.note_lines():
            log.info(line)  # info, not a warning: a strict build stays green
        for line in build.problems.lines():
            log.error(line)
        if build.problems and not self.serving:
            count = len(build.problems.lines())
            raise PluginError(f"{count} problem{'s' if count != 1 else ''} (listed above): fix them, "
                              "then build again")

    def on_env(self, env, /, *, config: MkDocsConfig, files: Files):
        """When serving: gives the theme's environment the session's compiled templates."""
        if self.serving:
            env.bytecode_cache = self.compiled
        return env

    @event_priority(-100)  # last: other plugins see the page's real Markdown
    def on_page_markdown(self, markdown: str, /, *, page, config: MkDocsConfig, files: Files) -> str:
        """A generated page is one raw HTML block: its HTML is known without running Markdown.
        Sets ``converted`` for the page. The extensions are checked here, where the list Markdown
        will run with is final (a plugin or hook after this one may add to it in its own
        ``on_config``)."""
        if page.file.src_uri in self.generated_pages and leaves_raw_html_alone(config.markdown_extensions):
            converted = as_markdown_emits(markdown)
            if converted is not None:
                self.converted[page.file.src_uri] = converted
                return ""
        return markdown

    @event_priority(100)  # first: other plugins see the page's real HTML
    def on_page_content(self, html: str, /, *, page, config: MkDocsConfig, files: Files) -> str:
        """Hands MkDocs the HTML set aside by ``on_page_markdown``, with the anchors it holds."""
        converted = self.converted.pop(page.file.src_uri, None)
        if converted is None:
            return html
        page.present_anchor_ids = AnchorIds(converted)  # as MkDocs collects them from raw HTML
        return converted

    def on_post_page(self, output: str, /, *, page, config: MkDocsConfig) -> str:
        """A right-to-left page says so on ``<html>`` too (Material says it on ``<body>`` only)."""
        return with_direction(output, self.direction)

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        """The theme's own pages (404.html) too."""
        if not template_name.endswith(".html"):
            return output_content
        return with_direction(output_content, self.direction)

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """When reusing: puts the unchanged pages back beside the ones built now (``last``)."""
        if not self.reusing:
            return
        self.last.restore(Path(config.site_dir), self.surroundings, {**self.built, **self.reused},
                          self.page_urls, set(self.reused))
        log.info(f"explainer: {len(self.built)} generated pages built, {len(self.reused)} unchanged "
                 f"({self.memo.made['page']} rendered) in {time.perf_counter() - self.started:.2f} s")

    def on_build_error(self, *, error: Exception) -> None:
        """Forgets the last build: the next one starts afresh."""
        if self.reusing:
            self.last.forget(Path(self.site_dir))

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        """Watches the content and templates folders too."""
        for folder in (self.content_dir, self.templates.own):
            if folder.is_dir():
                server.watch(str(folder))
        return server
