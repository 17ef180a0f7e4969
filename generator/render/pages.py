"""Render: the resolved site → its pages and open data, through the author's Jinja templates.

Each page's body is one HTML block made by a template; the adapter's ``write`` turns the page into
the file it publishes, and the memo keeps that file. A page whose inputs (``plan.py``) and
templates are unchanged since the last build is taken from the memo: neither rendered nor written
again, and held in memory once.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from generator.memo import Memo, files_fingerprint
from generator.render import structured_data, urls
from generator.render.environment import make_environment
from generator.render.feed import feed_xml
from generator.render.i18n import words_for
from generator.render.indexes import build_indexes
from generator.render.markdown_fields import ContentMarkdown
from generator.render.open_data import claims_schema
from generator.render.options import RenderOptions
from generator.render.plan import Page, plan_pages
from generator.render.templates import TemplateFolders
from generator.resolve import Site


@dataclass(frozen=True)
class RenderedPage:
    """A page as the site shows it: its address, its title and description for the page's head
    and for search, and its body."""

    url: str
    title: str
    description: str
    body: str
    wide: bool = False  # no side navigation or table of contents
    searchable: bool = True


# How the adapter publishes a page: the page → the file's text.
PageWriter = Callable[[RenderedPage], Any]


@dataclass
class Rendered:
    pages: dict[str, Any] = field(default_factory=dict)  # URL → the written page
    held: dict[str, RenderedPage] = field(default_factory=dict)  # URL → page held back, not written
    data: dict[str, str] = field(default_factory=dict)  # path of an open data file → its text
    failures: dict[str, TemplateProblem] = field(default_factory=dict)  # page URL → why it failed


class TemplateProblem(Exception):
    """A template failed: names the template file and line for the author."""

    def __init__(self, template: str, line: int | None, message: str) -> None:
        super().__init__(message)
        self.template, self.line, self.message = template, line or 1, message


def render_site(site: Site, templates: TemplateFolders, options: RenderOptions, memo: Memo, write: PageWriter,
                hold: Collection[str] = ()) -> Rendered:
    """Every page, written, and every open data file of the site. The pages at the URLs in
    ``hold`` are rendered but left unwritten, for the caller to change first.

    A page whose template fails is left out and its failure recorded; the other pages still render.
    """
    made_with = files_fingerprint(templates.files(), repr(options))
    env = memo.reuse(("templates",), made_with, lambda: make_environment(
        templates, options, ContentMarkdown(options.markdown_extensions, options.markdown_configs, memo)))
    indexes = build_indexes(site)
    rendered = Rendered()
    for planned in plan_pages(site, indexes, made_with, words_for(options.language)):
        url = planned.url
        try:
            if url in hold:
                rendered.held[url] = memo.reuse(  # never kept: it is about to change
                    ("page", url), None,
                    lambda planned=planned: render_page(env, planned.page(), site, options))
                continue
            rendered.pages[url] = memo.reuse(("page", url), planned.inputs, lambda planned=planned: write(
                render_page(env, planned.page(), site, options)))
        except TemplateProblem as problem:
            rendered.failures[url] = problem
    rendered.data = {
        **structured_data.annotation_files(site, options.site_url, options.site_name, memo),
        "claims.json": structured_data.claims_json(site, options.site_url, memo),
        "feed.xml": feed_xml(site, options.site_name, options.site_url, options.language),
        "claims.schema.json": claims_schema(urls.absolute(options.site_url, "/claims.schema.json")
                                            if options.site_url else ""),
    }
    return rendered


def render_page(env: jinja2.Environment, page: Page, site: Site, options: RenderOptions) -> RenderedPage:
    context = {**page.context, "page": page, "site": site,
               "page_url": urls.absolute(options.site_url, page.url)}
    try:
        body = env.get_template(page.template).render(context)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateProblem(error.filename or page.template, error.lineno, error.message or "") from None
    except jinja2.TemplateNotFound as error:
        raise TemplateProblem(str(error), 1, f"template {error} is missing") from None
    except Exception as error:
        blamed = template_at_fault(error, env, page.template)
        if blamed is None:
            raise  # raised inside the generator's own code: a bug, which surfaces with its traceback
        raise TemplateProblem(*blamed, str(error) or type(error).__name__) from None
    return RenderedPage(page.url, page.title, page.description, body.strip() + "\n", page.wide,
                        page.searchable)


# Code a template runs without being at fault itself: Jinja's runtime and MarkupSafe's escaping.
LIBRARY_FOLDERS = tuple(str(Path(module.__file__).parent) for module in (jinja2, markupsafe))


def template_at_fault(error: Exception, env: jinja2.Environment, template: str) -> tuple[str, int] | None:
    """The template file and line an error comes from: the innermost template frame (inside
    ``_macros.html`` when a macro failed), when nothing below it is the generator's own code; the
    page's template when Jinja failed before running any (a template file that is not UTF-8).
    ``None`` when the error was raised in the generator, however a template called it.

    When the site has templates of its own, the innermost frame among them is blamed: a packaged
    macro called wrongly from the site's template is the site's line to fix."""
    folders = env.loader.searchpath if isinstance(env.loader, jinja2.FileSystemLoader) else []
    own = folders[0] if len(folders) > 1 else None  # the site's folder, before the packaged defaults
    blamed, own_blamed, below = None, None, False
    tb = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        folder = next((folder for folder in folders if Path(filename).is_relative_to(folder)), None)
        if folder is not None:
            blamed, below = (Path(filename).relative_to(folder).as_posix(), tb.tb_lineno), False
            if folder == own:
                own_blamed = blamed
        elif blamed is not None and not filename.startswith(LIBRARY_FOLDERS):
            below = True  # a frame past the template that is neither Jinja's nor MarkupSafe's
        tb = tb.tb_next
    if isinstance(error, jinja2.TemplateError) and blamed is not None:
        return own_blamed or blamed
    return None if below else own_blamed or blamed or (template, 1)
