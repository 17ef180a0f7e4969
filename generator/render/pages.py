"""Render: the resolved site → its pages and open data, through the author's Jinja templates.

Each page's body is one HTML block made by a template. A page whose inputs (``plan.py``) and
templates are unchanged since the last build is taken from the memo instead of rendered again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from generator.memo import Memo, files_fingerprint, files_under, fingerprint
from generator.render import structured_data, urls
from generator.render.environment import make_environment
from generator.render.indexes import build_indexes
from generator.render.markdown_fields import ContentMarkdown
from generator.render.options import RenderOptions
from generator.render.plan import Page, plan_pages
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
    inputs: bytes | None = None  # fingerprint of what it was made from, when known


@dataclass
class Rendered:
    pages: dict[str, RenderedPage] = field(default_factory=dict)  # URL → page, in URL order
    data: dict[str, str] = field(default_factory=dict)  # path of an open data file → its text
    failures: dict[str, TemplateProblem] = field(default_factory=dict)  # page URL → why it failed


class TemplateProblem(Exception):
    """A template failed: names the template file and line for the author."""

    def __init__(self, template: str, line: int | None, message: str) -> None:
        super().__init__(message)
        self.template, self.line, self.message = template, line or 1, message


def render_site(site: Site, templates_dir: Path, options: RenderOptions, memo: Memo) -> Rendered:
    """Every page and open data file of the site.

    A page whose template fails is left out and its failure recorded; the other pages still render.
    """
    templates = files_fingerprint(files_under(templates_dir), repr(options))
    env = memo.reuse(("templates",), templates, lambda: make_environment(
        templates_dir, options, ContentMarkdown(options.markdown_extensions, options.markdown_configs, memo)))
    indexes = build_indexes(site)
    rendered = Rendered()
    for page in plan_pages(site, indexes):
        inputs = fingerprint(templates, page.inputs) if page.inputs is not None else None
        try:
            rendered.pages[page.url] = memo.reuse(
                ("page", page.url), inputs, lambda page=page, inputs=inputs: render_page(
                    env, page, site, options, inputs))
        except TemplateProblem as problem:
            rendered.failures[page.url] = problem
    rendered.pages = dict(sorted(rendered.pages.items()))
    rendered.data = {
        "annotations.jsonld": structured_data.annotations_jsonld(site, options.site_url, memo),
        "claims.json": structured_data.claims_json(site, options.site_url, memo),
    }
    return rendered


def render_page(env: jinja2.Environment, page: Page, site: Site, options: RenderOptions,
                inputs: bytes | None) -> RenderedPage:
    context = {**page.context, "page": page, "site": site,
               "page_url": urls.absolute(options.site_url, page.url)}
    try:
        body = env.get_template(page.template).render(context)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateProblem(error.filename or page.template, error.lineno, error.message or "") from None
    except jinja2.TemplateNotFound as error:
        raise TemplateProblem(str(error), 1, f"template {error} is missing") from None
    except Exception as error:  # any runtime error in a template is the author's to fix
        raise TemplateProblem(page.template, template_line(error, page.template), str(error)) from None
    return RenderedPage(page.url, page.title, page.description, body.strip() + "\n", page.wide,
                        page.searchable, inputs)


def template_line(error: Exception, template: str) -> int | None:
    tb = error.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(template):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
