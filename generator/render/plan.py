"""Page planning: which pages the site has, the fingerprint of what each is made from (known before
rendering, so an unchanged page is not rendered again), and, only when it is rendered, what it shows."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from generator.load.models import Correction, Organization, Technique
from generator.memo import fingerprint
from generator.render import urls
from generator.render.i18n import ENGLISH, N_, Nn_, Words, words_for
from generator.render.indexes import Appearances, Indexes
from generator.render.text import plain_text, term_ids, text_direction
from generator.resolve import Card, ResolvedArticle, Site


@dataclass(frozen=True)
class Page:
    url: str
    template: str
    title: str
    description: str
    context: dict[str, Any]
    wide: bool = False  # the text needs the whole width: no side navigation or table of contents
    # Pages whose text the reading page already holds stay out of the search index.
    searchable: bool = True


@dataclass(frozen=True)
class PlannedPage:
    url: str
    inputs: bytes | None  # fingerprint of everything the page shows, when known without rendering
    page: Callable[[], Page]  # what the page shows, made only if it is rendered


def plan_pages(site: Site, indexes: Indexes, salt: bytes,
               words: Words | None = None) -> Iterator[PlannedPage]:
    """Every page of the site, in a fixed order. ``salt`` (the templates and settings, the language
    among them) goes into every fingerprint; ``words`` translates the titles the pages are given."""
    words = words or words_for(ENGLISH)
    for page in section_pages(site, indexes, words):
        yield PlannedPage(page.url, None, lambda page=page: page)
    for article in site.articles:
        inputs = article_pages_inputs(site, article, salt)
        yield PlannedPage(urls.article_url(article.id), inputs, functools.partial(reading_page, article))
        for url, page in ((urls.exercise_url(article.id), exercise_page),
                          (urls.teacher_url(article.id), teacher_page)):
            yield PlannedPage(url, inputs, functools.partial(page, article, words))
        for card in article.cards:
            yield PlannedPage(urls.claim_url(article.id, card.id), inputs,
                              functools.partial(claim_page, article, card))
    for org_id, org in site.organizations.items():
        appearances = indexes.organizations[org_id]
        listed = [*appearances.claims, *(c for c, _ in appearances.statements),
                  *(c for c, _ in appearances.evidence)]
        inputs = listing_inputs(site, salt, listed, appearances.published)
        yield PlannedPage(urls.organization_url(org_id), inputs,
                          functools.partial(organization_page, org_id, org, appearances))
    for technique_id, technique in site.techniques.items():
        cards = indexes.techniques[technique_id]
        yield PlannedPage(urls.technique_url(technique_id), listing_inputs(site, salt, cards),
                          functools.partial(technique_page, technique_id, technique, cards))


def section_pages(site: Site, indexes: Indexes, words: Words) -> list[Page]:
    """The pages that list a whole section: made on every build (they show every article)."""
    _ = words.gettext
    count = len(site.articles)
    return [
        Page(urls.articles_url(), "articles.html", _(N_("Articles")),
             words.counted(Nn_("%(num)s annotated article with context notes on its claims.",
                               "%(num)s annotated articles with context notes on their claims."), count),
             {"articles": site.articles}),
        Page(urls.organizations_url(), "organizations.html", _(N_("Organizations")),
             _(N_("Who is behind each claimant, publisher and source: funding and stake.")),
             {"organizations": site.organizations, "appearances": indexes.organizations}),
        Page(urls.techniques_url(), "techniques.html", _(N_("Techniques")),
             _(N_("Persuasion and media-literacy techniques, with the question to ask of each.")),
             {"techniques": site.techniques, "cards": indexes.techniques}),
        Page(urls.glossary_url(), "glossary.html", _(N_("Glossary")), _(N_("Terms used in the notes.")),
             {"glossary": site.glossary, "term_ids": term_ids(site.glossary)}),
        Page(urls.corrections_url(), "corrections.html", _(N_("Corrections")),
             _(N_("Every correction made to a note, an article page or a profile after publication, "
                  "newest first.")),
             {"corrections": corrections_newest_first(site)}),
    ]


def article_pages_inputs(site: Site, article: ResolvedArticle, salt: bytes) -> bytes:
    """What an article's own pages (reading, exercise, teacher guide, claims) are made from: its
    files, and the registries every page may show."""
    return fingerprint(salt, site.shared_digest, article.id, article.digest)


def listing_inputs(site: Site, salt: bytes, cards: Iterable[Card],
                   articles: Iterable[ResolvedArticle] = ()) -> bytes:
    """What a page listing these cards (and these articles) is made from: editing another card of
    the same article leaves it as it is."""
    return fingerprint(salt, site.shared_digest, *sorted({card.digest for card in cards}),
                       b"articles", *sorted(f"{a.id}\0".encode() + a.digest for a in articles))


def reading_page(article: ResolvedArticle) -> Page:
    language = article.meta.language
    return Page(urls.article_url(article.id), "reading.html", article.meta.title,
                plain_text(article.meta.summary),
                {"article": article, "language": language, "direction": text_direction(language)},
                wide=True)


def exercise_page(article: ResolvedArticle, words: Words) -> Page:
    """The article with its notes closed, for students to read first."""
    reading = reading_page(article)
    return Page(urls.exercise_url(article.id), "exercise.html",
                words.gettext(N_("Exercise: %(title)s")) % {"title": article.meta.title},
                words.gettext(N_("Read it first with the notes closed, then check: %(summary)s"))
                % {"summary": reading.description}, reading.context, wide=True, searchable=False)


def teacher_page(article: ResolvedArticle, words: Words) -> Page:
    title = article.meta.title
    return Page(urls.teacher_url(article.id), "teacher.html",
                words.gettext(N_("Teacher guide: %(title)s")) % {"title": title},
                words.gettext(N_("Objectives, a lesson flow and discussion questions for: %(title)s"))
                % {"title": title}, reading_page(article).context, searchable=False)


def organization_page(org_id: str, org: Organization, appearances: Appearances) -> Page:
    return Page(urls.organization_url(org_id), "organization.html", org.name, plain_text(org.about),
                {"id": org_id, "organization": org, "appearances": appearances})


def technique_page(technique_id: str, technique: Technique, cards: list[Card]) -> Page:
    return Page(urls.technique_url(technique_id), "technique.html", technique.name,
                plain_text(technique.summary), {"id": technique_id, "technique": technique, "cards": cards})


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
