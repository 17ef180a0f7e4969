"""Machine-readable views of the site: ClaimReview JSON-LD, ``/claims.json``, ``/annotations.jsonld``
(with its pages) and ``/claims.schema.json``.

Everything here is built from the same resolved cards as the pages, so data and pages agree.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from generator.load.models import ASSESSMENTS
from generator.memo import Memo, fingerprint
from generator.render import urls
from generator.render.i18n import words_for
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


def address(site_url: str, url: str, within: str = "/claims.json") -> str:
    """A page's full address when the site's is known; else its path relative to the file (or page)
    ``within``, which resolves right wherever the site is served (the open data files are all at the
    site's root)."""
    return urls.absolute(site_url, url) if site_url else urls.relative(within, url)


def site_agent(options_name: str, site_url: str) -> dict[str, Any]:
    """The site as the author of its reviews and notes (schema.org form)."""
    agent: dict[str, Any] = {"@type": "Organization", "name": options_name}
    if site_url:
        agent["url"] = site_url
    return agent


def claim_review(article: ResolvedArticle, card: Card, options: RenderOptions) -> dict[str, Any]:
    """schema.org ClaimReview, every property Google and schema.org recommend that the card holds.
    The labels are not points on one scale ("opinion" and "misattributed" are not degrees of truth),
    so the rating is named (``alternateName``) and carries no ``ratingValue``."""
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
    page = urls.claim_url(article.id, card.id)
    label = words_for(options.language).gettext(ASSESSMENTS[claim.assessment])  # the site's language
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": address(options.site_url, page, within=page),
        "claimReviewed": claim.claim,
        "author": site_agent(options.site_name, options.site_url),
        "reviewRating": {"@type": "Rating", "alternateName": label},  # as the page shows it
        "itemReviewed": item,
    }
    if claim.reviewed:
        review["datePublished"] = claim.reviewed
    return review


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
        "url": address(site_url, urls.claim_url(article.id, card.id)),
        "note_url": address(site_url, urls.article_url(article.id) + f"#claim-{card.id}"),
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
        "reviewed": claim.reviewed,
        "evidence": [e.model_dump(exclude_none=True) for e in claim.evidence],
        "counter_statements": [s.model_dump(exclude_none=True) for s in claim.counter_statements],
        "corrections": [c.model_dump(exclude_none=True) for c in claim.corrections],
    }


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=COMPACT)


def json_items(items: list[str]) -> str:
    """A JSON array of already-encoded items, exactly as ``dumps`` would write the list."""
    return "[" + ",".join(item for item in items if item) + "]"


def per_article(site: Site, kind: str, encode: Callable[[ResolvedArticle], Any], memo: Memo,
                settings: bytes) -> list[Any]:
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
                 "page": address(site_url, urls.article_url(a.id)),
                 "corrections": [c.model_dump() for c in a.meta.corrections]} for a in site.articles]
    return '{"articles":' + dumps(articles) + ',"claims":' + json_items(records) + "}\n"


ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ANNOTATIONS_PER_PAGE = 1000


def annotations_url(page: int | None = None) -> str:
    """The collection, ``/annotations.jsonld``; its pages, ``/annotations-page-1.jsonld`` and on, beside
    it, so an address relative to one holds in all of them."""
    return "/annotations.jsonld" if page is None else f"/annotations-page-{page}.jsonld"


def site_creator(site_name: str, site_url: str) -> dict[str, Any]:
    """The site as the creator of its notes (W3C agent form)."""
    return {"type": "Organization", "name": site_name, **({"homepage": site_url} if site_url else {})}


def date_time(date: str | None) -> str | None:
    """A full date as the W3C model's date-time (midnight, UTC); a partial date has none."""
    return f"{date}T00:00:00Z" if date and len(date) == 10 else None


def annotation(article: ResolvedArticle, card: Card, site_url: str, site_name: str) -> dict[str, Any]:
    """One note as a W3C Web Annotation. ``created`` is the card's ``reviewed`` date (when the note
    as it stands was published or reviewed in full); ``modified`` its newest correction after that."""
    selector = text_quote_selector(article, card)
    claim = card.claim
    item: dict[str, Any] = {
        "@context": ANNOTATION_CONTEXT,  # each item stands on its own, as annotation tools take them
        "id": address(site_url, urls.claim_url(article.id, card.id)),
        "type": "Annotation",
        "motivation": "commenting",
        "creator": site_creator(site_name, site_url),
        "body": {"type": "TextualBody", "format": "text/markdown", "value": claim.context},
        "target": [{"source": address(site_url, urls.article_url(article.id)), "format": "text/html",
                    "language": article.meta.language, "selector": selector},
                   {"source": article.meta.url, "language": article.meta.language, "selector": selector}],
    }
    created = date_time(claim.reviewed)
    if created:
        item["created"] = created
        corrected = [stamp for stamp in map(date_time, (c.date for c in claim.corrections)) if stamp]
        if corrected and max(corrected) > created:
            item["modified"] = max(corrected)
    return item


def annotation_files(site: Site, site_url: str, site_name: str, memo: Memo) -> dict[str, str]:
    """``/annotations.jsonld``, an AnnotationCollection with its first page embedded, and each page
    of at most 1,000 annotations on its own, linked by ``next`` and ``prev``."""
    per = per_article(site, "annotations", lambda a: [dumps(annotation(a, card, site_url, site_name))
                                                      for card in a.cards],
                      memo, fingerprint(site_url, site_name))
    items = [item for article_items in per for item in article_items]
    collection_id = address(site_url, annotations_url())
    count = -(-len(items) // ANNOTATIONS_PER_PAGE)
    page_id = [address(site_url, annotations_url(n)) for n in range(1, count + 1)]
    collection: dict[str, Any] = {"@context": ANNOTATION_CONTEXT, "id": collection_id,
                                  "type": "AnnotationCollection", "label": f"{site_name}: context notes",
                                  "creator": site_creator(site_name, site_url), "total": len(items)}
    part_of = {key: collection[key] for key in ("id", "label", "total")}  # as the model's own example
    files: dict[str, str] = {}
    pages: list[str] = []
    for n in range(count):
        page: dict[str, Any] = {"id": page_id[n], "type": "AnnotationPage", "partOf": part_of,
                                "startIndex": n * ANNOTATIONS_PER_PAGE}
        if n > 0:
            page["prev"] = page_id[n - 1]
        if n + 1 < count:
            page["next"] = page_id[n + 1]
        chunk = json_items(items[n * ANNOTATIONS_PER_PAGE:(n + 1) * ANNOTATIONS_PER_PAGE])
        pages.append(dumps(page)[:-1] + ',"items":' + chunk + "}")
        files[annotations_url(n + 1).lstrip("/")] = (
            '{"@context":' + dumps(ANNOTATION_CONTEXT) + "," + pages[-1][1:] + "\n")
    paging = f',"first":{pages[0]},"last":{dumps(page_id[-1])}' if count else ""  # none when empty
    files[annotations_url().lstrip("/")] = dumps(collection)[:-1] + paging + "}\n"
    return files
