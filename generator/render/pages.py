"""Render: the resolved site → ``{source path: page}`` through the author's Jinja templates.

Each page is a Markdown file whose body is one HTML block made by a template: MkDocs passes the
block through untouched, so the same files build with or without the plugin. Content reaches the
HTML only through autoescaping or the safe Markdown renderer.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.load.models import Correction
from generator.load.text import fingerprint
from generator.render import structured_data, urls
from generator.render.highlight import highlight, highlight_excerpt
from generator.render.indexes import Indexes, build_indexes
from generator.render.markdown_fields import ContentMarkdown
from generator.render.text import (
    anchor_id,
    human_date,
    isolated,
    needs_isolation,
    plain_text,
    term_ids,
    text_direction,
)
from generator.resolve import Card, ResolvedArticle, Site


@dataclass(frozen=True)
class RenderOptions:
    site_name: str = "Explainer"
    site_url: str = ""
    repository: str = ""  # https://github.com/<owner>/<repo>: "Suggest a correction" opens an issue there
    markdown_extensions: tuple[str, ...] = ()
    markdown_configs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Page:
    url: str
    template: str
    title: str
    description: str
    context: dict[str, Any]
    hide: tuple[str, ...] = ()
    # Pages whose text the reading page already holds stay out of the search index.
    searchable: bool = True
    # Fingerprint of everything the page shows, when it can be known without rendering (see RenderMemo).
    inputs: bytes | None = None


@dataclass
class RenderMemo:
    """Pages kept between the builds of one ``mkdocs serve`` session, so that saving one card renders
    only the pages that show it.

    A page is rendered again when what it shows changed: its article's files, the articles it lists,
    or organizations/techniques/glossary. A change to any template or option starts afresh.
    """

    key: bytes = b""
    env: jinja2.Environment | None = None
    markdown: ContentMarkdown | None = None
    pages: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # url → (inputs, text)
    data: dict[tuple[str, str], tuple[bytes, str]] = field(default_factory=dict)  # open data, per article
    rendered: int = 0  # pages rendered by the last build, for the log

    def prepare(self, templates_dir: Path, options: RenderOptions) -> None:
        key = templates_fingerprint(templates_dir, options)
        if key != self.key or self.env is None:
            self.key, self.pages, self.data = key, {}, {}
            self.env = make_environment(templates_dir)
            self.markdown = ContentMarkdown(options.markdown_extensions, options.markdown_configs)
        self.rendered = 0


def templates_fingerprint(templates_dir: Path, options: RenderOptions) -> bytes:
    digest = hashlib.blake2b(repr(options).encode(), digest_size=16)
    for path in sorted(p for p in templates_dir.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(templates_dir)).encode() + b"\0" + path.read_bytes())
    return digest.digest()


class TemplateProblem(Exception):
    """A template failed: names the template file and line for the author."""

    def __init__(self, template: str, line: int | None, message: str) -> None:
        super().__init__(message)
        self.template, self.line, self.message = template, line or 1, message


def make_environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        auto_reload=False,  # one environment per build (per template change under serve): no stat per page
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=printable,
    )
    env.filters["human_date"] = human_date
    env.filters["plain"] = plain_text
    env.filters["anchor_id"] = anchor_id
    return env


@dataclass
class Rendered:
    files: dict[str, str] = field(default_factory=dict)  # path under docs/ → text
    failures: dict[str, TemplateProblem] = field(default_factory=dict)  # page URL → why it failed


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


def render_site(site: Site, templates_dir: Path, options: RenderOptions,
                memo: RenderMemo | None = None) -> Rendered:
    """Every generated file of the site, keyed by its path under ``docs/``, in sorted order.

    A page whose template fails is left out and its failure recorded; the other pages still render.
    With a ``memo`` (under ``mkdocs serve``), pages whose inputs are unchanged are not rendered again.
    """
    if memo is None:
        env, md, kept = make_environment(templates_dir), ContentMarkdown(
            options.markdown_extensions, options.markdown_configs), None
    else:
        memo.prepare(templates_dir, options)
        env, md, kept = memo.env, memo.markdown, memo.pages
    indexes = build_indexes(site)
    rendered = Rendered()
    keep: dict[str, tuple[bytes, str]] = {}  # what the next build may reuse: this build's pages only
    for page in plan_pages(site, indexes):
        path = urls.source_path(page.url)
        if kept is not None and page.inputs is not None and kept.get(page.url, (None,))[0] == page.inputs:
            rendered.files[path] = kept[page.url][1]
            keep[page.url] = kept[page.url]
            continue
        try:
            rendered.files[path] = render_page(env, md, page, site, indexes, options)
        except TemplateProblem as problem:
            rendered.failures[page.url] = problem
            continue
        if memo is not None:
            memo.rendered += 1
            if page.inputs is not None:
                keep[page.url] = (page.inputs, rendered.files[path])
    data = None
    if memo is not None:
        memo.pages = keep
        current = {a.id for a in site.articles}
        data = memo.data = {key: value for key, value in memo.data.items() if key[1] in current}
    rendered.files["claims.json"] = structured_data.claims_json(site, options.site_url, data)
    rendered.files["annotations.jsonld"] = structured_data.annotations_jsonld(site, options.site_url, data)
    rendered.files = dict(sorted(rendered.files.items()))
    return rendered


def plan_pages(site: Site, indexes: Indexes) -> list[Page]:
    pages = [
        Page(urls.articles_url(), "articles.html", "Articles",
             f"{len(site.articles)} annotated articles with context notes on their claims.",
             {"articles": site.articles}),
        Page(urls.organizations_url(), "organizations.html", "Organizations",
             "Who is behind each claimant, publisher and source: funding and stake.",
             {"organizations": site.organizations, "appearances": indexes.organizations}),
        Page(urls.techniques_url(), "techniques.html", "Techniques",
             "Persuasion and media-literacy techniques, with the question to ask of each.",
             {"techniques": site.techniques, "cards": indexes.techniques}),
        Page(urls.glossary_url(), "glossary.html", "Glossary", "Terms used in the notes.",
             {"glossary": site.glossary, "term_ids": term_ids(site.glossary)}),
        Page(urls.corrections_url(), "corrections.html", "Corrections",
             "Every correction made to a note, an article page or a profile after publication, newest first.",
             {"corrections": corrections_newest_first(site)}),
    ]
    for article in site.articles:
        inputs = shows(site, [article])
        pages.append(replace(reading_page(article), inputs=inputs))
        pages.extend(replace(page, inputs=inputs) for page in article_companions(article))
        pages.extend(replace(claim_page(article, card), inputs=inputs) for card in article.cards)
    for org_id, org in site.organizations.items():
        appearances = indexes.organizations[org_id]
        listed = [*appearances.claims, *(c for c, _ in appearances.statements),
                  *(c for c, _ in appearances.evidence)]
        pages.append(Page(urls.organization_url(org_id), "organization.html", org.name,
                          plain_text(org.about), {"id": org_id, "organization": org,
                                                  "appearances": appearances},
                          inputs=lists(site, listed, appearances.published)))
    for technique_id, technique in site.techniques.items():
        cards = indexes.techniques[technique_id]
        pages.append(Page(urls.technique_url(technique_id), "technique.html", technique.name,
                          plain_text(technique.summary),
                          {"id": technique_id, "technique": technique, "cards": cards},
                          inputs=lists(site, cards)))
    return pages


def shows(site: Site, articles: Iterable[ResolvedArticle]) -> bytes:
    """The inputs of a page that shows these articles (and, like every page, the registries)."""
    return fingerprint([site.shared_digest, *sorted(f"{a.id}\0".encode() + a.digest for a in articles)])


def lists(site: Site, cards: Iterable[Card], articles: Iterable[ResolvedArticle] = ()) -> bytes:
    """The inputs of a page that lists these cards (and these articles): editing another card of
    the same article leaves it as it is."""
    return fingerprint([site.shared_digest, *sorted({card.digest for card in cards}),
                        b"articles", *sorted(f"{a.id}\0".encode() + a.digest for a in articles)])


def reading_page(article: ResolvedArticle) -> Page:
    language = article.meta.language
    return Page(urls.article_url(article.id), "reading.html", article.meta.title,
                plain_text(article.meta.summary),
                {"article": article, "language": language, "direction": text_direction(language)},
                hide=("navigation", "toc"))


def article_companions(article: ResolvedArticle) -> list[Page]:
    """The exercise (notes closed) and the teacher guide of an article."""
    reading = reading_page(article)
    title = article.meta.title
    return [
        Page(urls.exercise_url(article.id), "exercise.html", f"Exercise: {title}",
             f"Read it first with the notes closed, then check: {reading.description}", reading.context,
             hide=("navigation", "toc"), searchable=False),
        Page(urls.teacher_url(article.id), "teacher.html", f"Teacher guide: {title}",
             f"Objectives, a lesson flow and discussion questions for: {title}", reading.context,
             searchable=False),
    ]


def claim_page(article: ResolvedArticle, card: Card) -> Page:
    index = article.cards.index(card)
    return Page(
        urls.claim_url(article.id, card.id), "claim.html", card.claim.claim,
        plain_text(card.claim.context),
        {"article": article, "card": card, "language": article.meta.language,
         "direction": text_direction(article.meta.language),
         "previous": article.cards[index - 1] if index > 0 else None,
         "next": article.cards[index + 1] if index + 1 < len(article.cards) else None},
        searchable=False,
    )


@dataclass(frozen=True)
class CorrectionEntry:
    """One correction on the site-wide list, with the page it changed."""

    correction: Correction
    kind: str  # "note", "article" or "profile"
    title: str  # the claim, the article's title or the organization's name
    url: str


def corrections_newest_first(site: Site) -> list[CorrectionEntry]:
    """Corrections of cards, articles and organization profiles; ties in date keep a fixed order."""
    found = [CorrectionEntry(c, "profile", org.name, urls.organization_url(org_id))
             for org_id, org in site.organizations.items() for c in org.corrections]
    for article in site.articles:
        found += [CorrectionEntry(c, "article", article.meta.title, urls.article_url(article.id))
                  for c in article.meta.corrections]
        found += [CorrectionEntry(c, "note", card.claim.claim, urls.claim_url(article.id, card.id))
                  for card in article.cards for c in card.claim.corrections]
    # Newest first (ISO strings sort as dates); within a day by page, then as the file lists them.
    found.sort(key=lambda entry: entry.url)
    found.sort(key=lambda entry: entry.correction.date, reverse=True)
    return found


def render_page(env: jinja2.Environment, md: ContentMarkdown, page: Page, site: Site,
                indexes: Indexes, options: RenderOptions) -> str:
    root = urls.root_from(page.url)
    context = {
        **page.context,
        "page": page,
        "site": site,
        "site_name": options.site_name,
        "repository": options.repository.rstrip("/"),
        "page_url": urls.absolute(options.site_url, page.url),
        "link": lambda url: urls.relative(page.url, url),
        "urls": urls,
        "md": lambda text: Markup(md.render(text, root)),
        "md_inline": lambda text: Markup(bdi(md.render(text, root, inline=True), text)),
        "highlight": make_highlighter(page),
        "claim_review": lambda article, card: Markup(
            structured_data.script_json(structured_data.claim_review(article, card, options))
        ),
    }
    try:
        body = env.get_template(page.template).render(context)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateProblem(error.filename or page.template, error.lineno, error.message or "") from None
    except jinja2.TemplateNotFound as error:
        raise TemplateProblem(str(error), 1, f"template {error} is missing") from None
    except Exception as error:  # any runtime error in a template is the author's to fix
        raise TemplateProblem(page.template, template_line(error, page.template), str(error)) from None
    return front_matter(page) + body.strip() + "\n"


def make_highlighter(page: Page) -> Callable[[ResolvedArticle, int], Markup]:
    def paragraph_html(article: ResolvedArticle, number: int, only: Card | None = None) -> Markup:
        text = article.paragraphs[number - 1].text
        same_page = page.url in (urls.article_url(article.id), urls.exercise_url(article.id))
        note_link = "#claim-{id}" if same_page else None

        def make_ref(card: Card) -> str:
            return ref_marker(card, note_link, page, article)

        if only:  # a claim page: the passage in its context, not the whole paragraph
            return highlight_excerpt(text, only, make_ref)
        return highlight(text, article.cards_in(number), make_ref)
    return paragraph_html


def ref_marker(card: Card, note_link: str | None, page: Page, article: ResolvedArticle) -> str:
    target = (note_link or "").format(id=card.id) or urls.relative(
        page.url, urls.article_url(article.id) + f"#claim-{card.id}")
    return (f'<a class="ex-ref" href="{target}"><span class="ex-sr">Note </span>{card.number}'
            '</a>')


def template_line(error: Exception, template: str) -> int | None:
    tb = error.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(template):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


# The theme prints page.title through `striptags` (which decodes entities) and the description
# unescaped, so markup characters are swapped for look-alikes there; our own <h1> shows the
# exact text.
META_LOOKALIKES = str.maketrans({"<": "\uff1c", ">": "\uff1e", "&": "\uff06", '"': "\u201d"})


def bdi(converted: str, text: str) -> str:
    """Inline card HTML that cannot reorder the text around it (a block element already cannot).
    Entities count as what they stand for: `&#x202E;` reaches the reader as U+202E."""
    shown = html.unescape(text) if "&" in text else text
    return f"<bdi>{converted}</bdi>" if needs_isolation(shown) else converted


def front_matter(page: Page) -> str:
    lines = ["---", f"title: {yaml_string(isolated(page.title))}",
             f"description: {yaml_string(isolated(page.description))}"]
    if page.hide:
        lines.append(f"hide: {json.dumps(list(page.hide))}")
    if not page.searchable:
        lines.append("search:\n  exclude: true")
    return "\n".join(lines) + "\n---\n\n"


SAFE_IN_YAML_QUOTES = re.compile(r'[^"\\\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]*')


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar: nothing in ``text`` can end it or add a key."""
    text = " ".join(text.translate(META_LOOKALIKES).split())
    if SAFE_IN_YAML_QUOTES.fullmatch(text):
        return f'"{text}"'
    out = []
    for char in text:
        code = ord(char)
        if char in '\\"':
            out.append("\\" + char)
        elif code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or code >= 0xFFFE:
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
