"""The Jinja environment the templates render in, made once per set of templates and options.

Every helper is registered once, as a global; one that depends on the page being rendered (a
relative link, Markdown's links to the site root, the note links of a highlighted passage) reads
the page from the template's context. Content reaches the HTML only through autoescaping or the
safe Markdown renderer.
"""

from __future__ import annotations

import html
import re
from typing import Any

import jinja2
from markupsafe import Markup

from generator.load.models import ASSESSMENTS
from generator.render import structured_data, urls
from generator.render.highlight import paragraph_html
from generator.render.i18n import KIND_NAMES, Words, words_for
from generator.render.markdown_fields import ContentMarkdown
from generator.render.options import RenderOptions
from generator.render.sentences import lead_and_rest
from generator.render.templates import TemplateFolders
from generator.render.text import anchor_id, isolated, needs_isolation, plain_text


def make_environment(templates: TemplateFolders, options: RenderOptions,
                     markdown: ContentMarkdown) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=templates.loader(),
        auto_reload=False,  # made again when a template changes: no stat per page
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=printable,
        extensions=["jinja2.ext.i18n"],
    )
    words = words_for(options.language)
    env.install_gettext_translations(words, newstyle=True)  # type: ignore[attr-defined]
    env.globals["ngettext"] = with_local_count(words, env.globals["ngettext"])
    env.filters.update(human_date=words.date, number=words.number, plain=plain_text,
                       anchor_id=anchor_id, sentence_case=lambda text: text[:1].upper() + text[1:])
    env.globals.update(
        urls=urls,
        site_name=options.site_name,
        repository=options.repository.rstrip("/"),
        assessments={label: words.gettext(name) for label, name in ASSESSMENTS.items()},
        org_kind=lambda kind: words.gettext(KIND_NAMES.get(kind, kind)),
        lead_and_rest=lead_and_rest,
        link=jinja2.pass_context(lambda context, url: options.links.href(context["page"].url, url)),
        md=jinja2.pass_context(lambda context, text: Markup(
            markdown.render(text, root(context), options.links))),
        md_inline=jinja2.pass_context(lambda context, text: Markup(
            bdi(markdown.render(text, root(context), options.links, inline=True), text))),
        highlight=jinja2.pass_context(lambda context, article, number, only=None: paragraph_html(
            context["page"].url, article, number, only, options.links, words.gettext("Note"))),
        claim_review=lambda article, card: Markup(
            structured_data.script_json(structured_data.claim_review(article, card, options))),
    )
    return env


def with_local_count(words: Words, ngettext: Any) -> Any:
    """Jinja's ``ngettext``, with the count written the local way: messages say ``%(num)s``. A site
    template written for 0.2 (``%(num)d``) still gets the whole number it asks for."""
    @jinja2.pass_context
    def counted(context: jinja2.runtime.Context, singular: str, plural: str, count: int,
                **variables: Any) -> str:
        if "%(num)d" not in singular + plural:
            variables.setdefault("num", words.number(count))
        return ngettext(context, singular, plural, count, **variables)
    return counted


def root(context: jinja2.runtime.Context) -> str:
    return urls.root_from(context["page"].url)


LINE_BREAK = re.compile(r"\r\n?|\n")


def printable(value: Any) -> Any:
    """Every plain value a template prints, before it is escaped.

    A line break becomes a space, which HTML shows the same way: a line of card text must never
    start a line of the page, where Markdown reads fences (```) even inside raw HTML. Text that
    could reorder its surroundings (direction controls, right-to-left letters) is isolated; a web
    address never is, since an isolate would become part of the link (validation refuses direction
    controls in addresses). ASCII text on one line, most of it, passes with two quick checks."""
    if type(value) is not str:
        return value
    if "\n" in value or "\r" in value:
        value = LINE_BREAK.sub(" ", value)
    if value.isascii() or value.startswith(("https://", "http://")):
        return value
    return isolated(value)


def bdi(converted: str, text: str) -> str:
    """Inline card HTML that cannot reorder the text around it (a block element already cannot).
    Entities count as what they stand for: `&#x202E;` reaches the reader as U+202E."""
    shown = html.unescape(text) if "&" in text else text
    return f"<bdi>{converted}</bdi>" if needs_isolation(shown) else converted
