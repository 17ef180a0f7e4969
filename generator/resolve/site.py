"""The resolved site: articles with their anchored cards, and the registries they refer to.

Anything that fails to resolve is reported and left out, so the rest of the site still renders
(the preview keeps serving while the author fixes one card).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from generator.load.content import ArticleFolder, Content, Entry
from generator.load.models import Article, Claim, Organization, Technique
from generator.load.original import Paragraph
from generator.load.yaml_tree import YamlTree
from generator.memo import Memo, fingerprint
from generator.problems import Problems, recorded
from generator.resolve.anchor import Anchor, AnchoredText, AnchorFailure, diff_share
from generator.resolve.references import check_article, check_article_draft, check_claim, check_draft


@dataclass(frozen=True)
class Card:
    """A claim card placed in its article's text."""

    id: str
    article_id: str
    claim: Claim
    anchor: Anchor
    number: int  # 1-based, in reading order; for display only (ids are the stable names)
    # Fingerprint of what a page listing this card can show of it: its file, its place, its article.
    digest: bytes = b""


@dataclass(frozen=True)
class ResolvedArticle:
    id: str
    meta: Article
    paragraphs: tuple[Paragraph, ...]
    cards: tuple[Card, ...]
    # Fingerprint of everything this article's pages show of it: its files and which cards resolved.
    digest: bytes = b""

    def cards_in(self, paragraph: int) -> list[Card]:
        return [card for card in self.cards if card.anchor.paragraph == paragraph]


@dataclass(frozen=True)
class Site:
    organizations: dict[str, Organization]
    techniques: dict[str, Technique]
    glossary: dict[str, str]
    articles: tuple[ResolvedArticle, ...] = field(default=())
    # Fingerprint of organizations.yaml, techniques.yaml and glossary.yaml, which every page may show.
    shared_digest: bytes = b""

    def article(self, article_id: str) -> ResolvedArticle:
        return self._by_id[article_id]

    @cached_property
    def _by_id(self) -> dict[str, ResolvedArticle]:
        return {a.id: a for a in self.articles}


def resolve(content: Content, problems: Problems, memo: Memo) -> Site:
    """Every article with its cards placed in its text; a card whose quote and text are unchanged
    is not searched again (the memo keeps each card's search)."""
    articles = []
    registries = [content.digests.get(name, b"") for name in ("organizations", "techniques")]
    for folder in content.articles.values():
        # An unchanged folder, with unchanged registries to check its references against, resolves
        # as it did: taken whole from the memo, with its problems.
        inputs = fingerprint(folder.state, *registries) if folder.state is not None else None
        article, found = memo.reuse(("resolved", folder.folder), inputs, lambda folder=folder: recorded(
            lambda into: resolve_article(folder, quote_finder(folder, memo), content, into)))
        problems.replay(found)
        if article is not None:
            articles.append(article)
    articles.sort(key=lambda a: (_newest_first(a.meta.published), a.id))
    return Site(
        organizations={k: e.model for k, e in sorted(content.organizations.items())},
        techniques={k: e.model for k, e in sorted(content.techniques.items())},
        glossary=dict(sorted(content.glossary.items(), key=lambda item: item[0].casefold())),
        articles=tuple(articles),
        shared_digest=fingerprint(*(content.digests.get(name, b"") for name in ("organizations", "techniques",
                                                                              "glossary"))),
    )


# Where a card's quote is in its article's text: the card file, its quote and occurrence, and the
# search budget → the passage, or why there is none.
QuoteFinder = Callable[[Path, str, "int | None", int], "Anchor | AnchorFailure"]


def quote_finder(folder: ArticleFolder, memo: Memo) -> QuoteFinder | None:
    original = folder.original
    if original is None:
        return None
    # Normalised only when a quote has to be searched: after a save, only the edited card's.
    anchored = functools.cache(lambda: AnchoredText(original.paragraphs))

    def find(card: Path, quote: str, occurrence: int | None, budget: int) -> Anchor | AnchorFailure:
        inputs = fingerprint(original.digest, quote, str(occurrence), str(budget))
        return memo.reuse(("quote", card), inputs, lambda: anchored().find(quote, occurrence, budget))
    return find


def _newest_first(published: str) -> tuple[int, ...]:
    return tuple(-int(part) for part in published.split("-"))


def resolve_article(folder: ArticleFolder, find: QuoteFinder | None, content: Content,
                    problems: Problems) -> ResolvedArticle | None:
    meta_ok = folder.meta is not None and check_article(folder.meta, content, problems)
    if folder.meta_draft is not None:
        check_article_draft(folder.folder / "article.yaml", folder.meta_draft, content, problems)
    placed: list[tuple[Anchor, Entry[Claim]]] = []
    budget = diff_share(len(folder.claims) + len(folder.drafts))
    for entry in folder.claims.values():
        refs_ok = check_claim(entry, content, problems)
        anchor = place(entry, find, problems, budget) if find else None
        if anchor is not None and refs_ok:
            placed.append((anchor, entry))
    for path, tree in folder.drafts:  # every mistake of a card in one run, not one at a time
        check_draft(path, tree, content, problems)
        if find:
            check_draft_quote(path, tree, find, problems, budget)
    if not meta_ok or folder.original is None:
        return None
    placed.sort(key=lambda item: (item[0].paragraph, item[0].start, -item[0].end, item[1].id))
    shared = [folder.meta.tree.digest, folder.original.digest]
    cards = tuple(
        Card(entry.id, folder.id, entry.model, anchor, number,
             fingerprint(*shared, folder.id, entry.id, str(number), entry.tree.digest))
        for number, (anchor, entry) in enumerate(placed, start=1)
    )
    digest = fingerprint(*shared, *(card.digest for card in cards))
    return ResolvedArticle(folder.id, folder.meta.model, folder.original.paragraphs, cards, digest)


def check_draft_quote(path: Path, tree: YamlTree, find: QuoteFinder, problems: Problems,
                      budget: int) -> None:
    """Anchor the quote of a card that failed validation, when its quote fields are usable."""
    quote, occurrence = tree.data.get("quote"), tree.data.get("occurrence")
    usable_occurrence = occurrence is None or (type(occurrence) is int and occurrence >= 1)
    if isinstance(quote, str) and quote.strip() and usable_occurrence:
        result = find(path, quote, occurrence, budget)
        if isinstance(result, AnchorFailure):
            problems.add(path, tree.value_at(("quote",)), result.message)


def place(entry: Entry[Claim], find: QuoteFinder, problems: Problems, budget: int) -> Anchor | None:
    result = find(entry.path, entry.model.quote, entry.model.occurrence, budget)
    if isinstance(result, AnchorFailure):
        problems.add(entry.path, entry.value_at("quote"), result.message)
        return None
    return result


__all__ = ["Card", "ResolvedArticle", "Site", "resolve"]
