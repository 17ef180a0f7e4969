"""Machine-readable views of the site: ClaimReview JSON-LD, ``/claims.json``, ``/annotations.jsonld``.

Everything here is built from the same resolved cards as the pages, so data and pages agree.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from generator.load.models import ASSESSMENTS
from generator.memo import Memo, fingerprint
from generator.render import urls
from generator.render.options import RenderOptions
from generator.resolve import Card, ResolvedArticle, Site

CONTEXT_CHARS = 32  # prefix/suffix length of a TextQuoteSelector
COMPACT = (",", ":")  # open data files are for programs: compact, and encoded by json's fast C path


def script_json(data: Any) -> str:
    """JSON safe inside ``<script>``: no ``</script>``, comment or entity can be formed."""
    text = json.dumps(data, ensure_ascii=False, separators=COMPACT)  # compact: json's C encoder
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def claim_review(article: ResolvedArticle, card: Card, options: RenderOptions) -> dict[str, Any]:
    claim = card.claim
    # A claimant with a role is a person; one named only by its organization is that organization.
    is_body = bool(claim.claimant.organization) and not claim.claimant.role
    claimant: dict[str, Any] = {"@type": "Organization" if is_body else "Person", "name": claim.claimant.name}
    if claim.claimant.role:
        claimant["jobTitle"] = claim.claimant.role
    appearance: dict[str, Any] = {"@type": "CreativeWork", "url": article.meta.url,
                                  "headline": article.meta.title,
                                  "datePublished": article.meta.published}
    item: dict[str, Any] = {"@type": "Claim", "author": claimant, "firstAppearance": appearance,
                            "appearance": [appearance]}
    if claim.date:
        item["datePublished"] = claim.date
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": urls.absolute(options.site_url, urls.claim_url(article.id, card.id)),
        "claimReviewed": claim.claim,
        "author": {"@type": "Organization", "name": options.site_name},
        "reviewRating": {"@type": "Rating", "alternateName": ASSESSMENTS[claim.assessment]},
        "itemReviewed": item,
    }


def text_quote_selector(article: ResolvedArticle, card: Card) -> dict[str, str]:
    text = article.paragraphs[card.anchor.paragraph - 1].text
    start, end = card.anchor.start, card.anchor.end
    return {
        "type": "TextQuoteSelector",
        "exact": text[start:end],
        "prefix": text[max(0, start - CONTEXT_CHARS):start],
        "suffix": text[end:end + CONTEXT_CHARS],
    }


def card_record(article: ResolvedArticle, card: Card, site_url: str) -> dict[str, Any]:
    claim = card.claim
    return {
        "id": card.id,
        "article": article.id,
        "url": urls.absolute(site_url, urls.claim_url(article.id, card.id)),
        "note_url": urls.absolute(site_url, urls.article_url(article.id) + f"#claim-{card.id}"),
        "claim": claim.claim,
        "claimant": claim.claimant.model_dump(exclude_none=True),
        "date": claim.date,
        "assessment": claim.assessment,
        "techniques": list(claim.techniques),
        "quote": claim.quote,
        "anchor": {"paragraph": card.anchor.paragraph,
                   "line": article.paragraphs[card.anchor.paragraph - 1].line,
                   "start": card.anchor.start, "end": card.anchor.end,
                   **text_quote_selector(article, card)},
        "context": claim.context,
        "evidence": [e.model_dump(exclude_none=True) for e in claim.evidence],
        "counter_statements": [s.model_dump(exclude_none=True) for s in claim.counter_statements],
        "corrections": [c.model_dump(exclude_none=True) for c in claim.corrections],
    }


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=COMPACT)


def json_items(items: list[str]) -> str:
    """A JSON array of already-encoded items, exactly as ``dumps`` would write the list."""
    return "[" + ",".join(item for item in items if item) + "]"


def per_article(site: Site, kind: str, encode: Callable[[ResolvedArticle], str], memo: Memo,
                settings: bytes) -> list[str]:
    """Each article's items, encoded (comma-joined); an article whose files and whose ``settings``
    (the site's address, which every item holds) are unchanged is not encoded again."""
    return [memo.reuse((kind, article.id), fingerprint(settings, article.digest), lambda a=article: encode(a))
            for article in site.articles]


def claims_json(site: Site, site_url: str, memo: Memo) -> str:
    records = per_article(site, "claims-json", lambda a: ",".join(
        dumps(card_record(a, card, site_url)) for card in a.cards), memo, fingerprint(site_url))
    articles = [{"id": a.id, "title": a.meta.title, "url": a.meta.url, "published": a.meta.published,
                 "publisher": a.meta.publisher, "language": a.meta.language,
                 "archive_url": a.meta.archive_url, "accessed": a.meta.accessed,
                 "page": urls.absolute(site_url, urls.article_url(a.id)),
                 "corrections": [c.model_dump() for c in a.meta.corrections]} for a in site.articles]
    return '{"articles":' + dumps(articles) + ',"claims":' + json_items(records) + "}\n"


def annotation(article: ResolvedArticle, card: Card, site_url: str) -> dict[str, Any]:
    selector = text_quote_selector(article, card)
    return {
        "id": urls.absolute(site_url, urls.claim_url(article.id, card.id)),
        "type": "Annotation",
        "motivation": "commenting",
        "body": {"type": "TextualBody", "format": "text/markdown", "value": card.claim.context},
        "target": [{"source": urls.absolute(site_url, urls.article_url(article.id)), "selector": selector},
                   {"source": article.meta.url, "selector": selector}],
    }


def annotations_jsonld(site: Site, site_url: str, memo: Memo) -> str:
    items = per_article(site, "annotations", lambda a: ",".join(
        dumps(annotation(a, card, site_url)) for card in a.cards), memo, fingerprint(site_url))
    total = sum(len(a.cards) for a in site.articles)
    return ('{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection",'
            f'"total":{total},"items":' + json_items(items) + "}\n")
