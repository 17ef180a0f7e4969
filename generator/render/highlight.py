"""A paragraph of the original with its cards' passages highlighted, nested and overlapping alike.

Passages may overlap or nest, so the text is cut at every passage boundary and each piece is
wrapped in one ``<mark>`` per passage covering it, outermost first: the markup stays well formed and
each passage keeps its own number and link. The numbered link to the note opens each passage.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from markupsafe import Markup, escape

from generator.resolve import Card

RefMaker = Callable[[Card], str]


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
