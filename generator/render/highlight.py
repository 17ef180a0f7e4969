"""A paragraph of the original with its cards' passages highlighted, nested and overlapping alike.

Passages may overlap or nest, so the text is cut at every passage boundary and each piece is
wrapped in one ``<mark>`` per passage covering it, outermost first: the markup stays well formed and
each passage keeps its own number and link. The numbered link to the note opens each passage.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise

from markupsafe import Markup, escape

from generator.render import urls
from generator.resolve import Card, ResolvedArticle
from generator.resolve.anchor import Anchor

RefMaker = Callable[[Card], str]
# Characters of the paragraph shown either side of a passage on its claim page: enough to read it in
# context; the whole paragraph (up to 2 MB) on every claim page would make the site grow with the
# product of paragraph length and card count.
EXCERPT_CONTEXT = 300
ELLIPSIS = "…"
DIRECTORY_LINKS = urls.Links()


def paragraph_html(page_url: str, article: ResolvedArticle, number: int, only: Card | None = None,
                   links: urls.Links = DIRECTORY_LINKS, note_word: str = "Note") -> Markup:
    """Paragraph ``number`` of the article as shown on the page at ``page_url``, its passages
    marked; with ``only`` (a claim page), that card's passage in its context, not the whole
    paragraph. Each passage's number links to its note: on the same page when the page holds the
    notes, on the reading page otherwise. ``note_word`` is what a screen reader hears before the
    number, in the site's language."""
    text = article.paragraphs[number - 1].text
    same_page = page_url in (urls.article_url(article.id), urls.exercise_url(article.id))
    label = escape(note_word) + " "

    def make_ref(card: Card) -> str:
        target = f"#claim-{card.id}" if same_page else links.href(
            page_url, urls.article_url(article.id) + f"#claim-{card.id}")
        return f'<a class="ex-ref" href="{target}"><span class="ex-sr">{label}</span>{card.number}</a>'

    if only:
        return highlight_excerpt(text, only, make_ref)
    return highlight(text, article.cards_in(number), make_ref)


def excerpt(text: str, card: Card) -> tuple[str, Card, bool, bool]:
    """The passage with up to ``EXCERPT_CONTEXT`` characters either side, cut at spaces where the
    text has them; the card's anchor moved to match; whether text was cut before and after."""
    start, end = card.anchor.start, card.anchor.end
    low, high = max(0, start - EXCERPT_CONTEXT), min(len(text), end + EXCERPT_CONTEXT)
    if low > 0:
        space = text.find(" ", low, start)
        low = space + 1 if space != -1 else low
    if high < len(text):
        space = text.rfind(" ", end, high)
        high = space if space != -1 else high
    moved = replace(card, anchor=Anchor(card.anchor.paragraph, start - low, end - low))
    return text[low:high], moved, low > 0, high < len(text)


def highlight_excerpt(text: str, card: Card, make_ref: RefMaker) -> Markup:
    """One card's passage in its context, as ``highlight`` marks it, with "…" where text was cut."""
    part, moved, before, after = excerpt(text, card)
    return Markup((ELLIPSIS + " " if before else "") + highlight(part, [moved], make_ref)
                  + (" " + ELLIPSIS if after else ""))


def highlight(text: str, cards: Sequence[Card], make_ref: RefMaker) -> Markup:
    if not cards:
        return escape(text)
    bounds = sorted({0, len(text)} | {c.anchor.start for c in cards} | {c.anchor.end for c in cards})
    outer_first = sorted(cards, key=lambda c: (c.anchor.start, -c.anchor.end, c.number))
    depth = {card.id: nesting_depth(card, cards) for card in cards}
    started: set[str] = set()
    out: list[str] = []
    for start, end in pairwise(bounds):
        active = [c for c in outer_first if c.anchor.start <= start and end <= c.anchor.end]
        out.extend(open_mark(c, depth[c.id], c.id not in started) for c in active)
        for card in active:
            if card.id not in started:
                out.append(make_ref(card))
                started.add(card.id)
        out.append(str(escape(text[start:end])))
        out.extend("</mark>" for _ in active)
    return Markup("".join(out))


def nesting_depth(card: Card, cards: Sequence[Card]) -> int:
    """How many other passages enclose or overlap this one's start: drives the underline style."""
    return sum(
        1 for other in cards
        if other.id != card.id and other.anchor.start <= card.anchor.start < other.anchor.end
        and (other.anchor.start, -other.anchor.end, other.number)
        < (card.anchor.start, -card.anchor.end, card.number)
    )


def open_mark(card: Card, depth: int, first: bool) -> str:
    ident = f' id="passage-{card.id}"' if first else ""
    return f'<mark class="ex-hl ex-depth-{min(depth, 3)}" data-claim="{card.id}"{ident}>'
