"""Problem notices for the preview: the author sees what to fix on the page it affects.

Only the preview adds them (a build with problems fails instead), so they never reach readers.
They are added after rendering, so they show even when the author's own template is what broke.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from markupsafe import escape

from generator.problems import Problem
from generator.render import urls
from generator.render.i18n import N_, Nn_, Words, words_for
from generator.render.pages import RenderedPage

NOTICE_CLASS = "ex-problems"


def notice_html(lines: list[str], words: Words) -> str:
    # Each line keeps its own direction (a path, then the message) on a right-to-left page too.
    items = "\n".join(f'<li><code dir="auto">{escape(line)}</code></li>' for line in lines)
    count = words.counted(Nn_("Preview only: %(num)s problem to fix.",
                              "Preview only: %(num)s problems to fix."), len(lines))
    rest = words.gettext(N_("This part of the site is left out until then; the same lines are in the "
                            "terminal and in %(command)s.")) % {"command": "<code>explainer check</code>"}
    return (f'<div class="{NOTICE_CLASS}" role="alert">\n<p><strong>{escape(count)}</strong> {rest}</p>\n'
            f"<ul>\n{items}\n</ul>\n</div>\n\n")


def with_notice(page: RenderedPage, lines: list[str], words: Words) -> RenderedPage:
    """The page with the notice placed first in its body."""
    if not lines:
        return page
    return replace(page, body=notice_html(lines, words) + page.body)


def notice_page(url: str, title: str, lines: list[str], words: Words) -> RenderedPage:
    """A stand-in for a page that could not be made, naming why."""
    return RenderedPage(url, title, words.gettext(N_("Problems to fix in the content.")),
                        notice_html(lines, words) + f'<div class="ex"><h1>{escape(title)}</h1></div>\n')


def pages_to_hold(problems: list[Problem], content_dir: Path) -> set[str]:
    """The pages that may show a notice, to be held back from writing until every problem is known:
    the list of articles (a template may still fail), and the pages of articles with problems."""
    articles = {article_of(problem, content_dir) for problem in problems}
    return {urls.articles_url(), *(urls.article_url(a) for a in articles if a)}


def for_preview(pages: dict[str, RenderedPage], problems: list[Problem], content_dir: Path,
                failed_pages: dict[str, Problem], language: str = "en") -> dict[str, RenderedPage]:
    """The pages that change to show problems, by URL: each article's own, stand-ins for pages
    that could not be made, and the list of articles, which shows every problem."""
    words = words_for(language)
    everything = sorted(set(problems))
    by_article: dict[str, list[Problem]] = {}
    for problem in everything:
        article = article_of(problem, content_dir)
        if article:
            by_article.setdefault(article, []).append(problem)
    changed: dict[str, RenderedPage] = {}
    index = urls.articles_url()
    if index in pages:
        changed[index] = with_notice(pages[index], [p.line() for p in everything], words)
    for article, found in by_article.items():
        url = urls.article_url(article)
        lines = [p.line() for p in found]
        changed[url] = (with_notice(pages[url], lines, words) if url in pages
                        else notice_page(url, words.gettext(N_("%(article)s: not shown until fixed"))
                                         % {"article": article}, lines, words))
    for url, problem in failed_pages.items():
        changed[url] = notice_page(url, words.gettext(N_("This page's template has an error")),
                                   [problem.line()], words)
    return changed


def article_of(problem: Problem, content_dir: Path) -> str | None:
    """The article a problem belongs to, from its path: ``content/articles/<id>/...``."""
    try:
        parts = problem.path.resolve().relative_to((content_dir / "articles").resolve()).parts
    except ValueError:
        return None
    return parts[0] if len(parts) > 1 else None
