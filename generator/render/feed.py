"""``/feed.xml``: an Atom feed (RFC 4287) of the site's articles and of every correction.

Teachers and aggregators learn of new explainers and of each change made after publication. Every
date comes from the content (the newest ``reviewed`` or correction date of what an entry covers),
never from the clock, so two builds of the same content write the same bytes. Ids are stable
``urn:uuid:`` names made from the site's address (or name) and the page, so an entry keeps its id
when its text changes.
"""

from __future__ import annotations

import html
import re
import uuid
from xml.sax.saxutils import escape, quoteattr

from generator.render import urls
from generator.render.i18n import N_, Words, words_for
from generator.render.plan import CorrectionEntry, corrections_newest_first
from generator.render.text import isolated, plain_text
from generator.resolve import ResolvedArticle, Site

FEED_URL = "/feed.xml"
NAMESPACE = uuid.UUID("6f1c1b2e-4f57-4d0a-9a3e-2f7d8c1e5b90")  # this generator's names for entries
NEVER = "1970-01-01T00:00:00Z"  # a feed with nothing in it yet
# Characters XML 1.0 cannot carry (validation keeps most out of content; the feed never trusts that).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
LINE_SPACE = re.compile(r"[ \t\r\n]+")  # a text on one line; no-break spaces stay as written
CORRECTED = {"note": N_("Note corrected: %(title)s"), "article": N_("Article corrected: %(title)s"),
             "profile": N_("Profile corrected: %(title)s")}


def feed_xml(site: Site, site_name: str, site_url: str, language: str = "en") -> str:
    base = site_url or site_name
    words = words_for(language)
    entries = [article_entry(article, base, site_url) for article in site.articles]
    entries += correction_entries(corrections_newest_first(site), base, site_url, words)
    entries.sort(key=lambda entry: (entry[0], entry[1]), reverse=True)  # newest first, then by id
    updated = entries[0][0] if entries else NEVER
    head = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(language)}>',
        f"<id>{entry_id(base, FEED_URL)}</id>",
        f"<title>{text(site_name)}</title>",
        f"<updated>{updated}</updated>",
        f"<author><name>{text(site_name)}</name></author>",
        f'<link rel="self" type="application/atom+xml" href={href(site_url, FEED_URL)}/>',
        f'<link rel="alternate" type="text/html" href={href(site_url, "/")}/>',
    ]
    return "\n".join([*head, *(body for _, _, body in entries), "</feed>"]) + "\n"


def article_entry(article: ResolvedArticle, base: str, site_url: str) -> tuple[str, str, str]:
    url = urls.article_url(article.id)
    ident = entry_id(base, url)
    updated = newest(article)
    body = entry(ident, article.meta.title, url, site_url, updated, plain_text(article.meta.summary, 1000))
    return updated, ident, body


def correction_entries(found: list[CorrectionEntry], base: str, site_url: str,
                       words: Words) -> list[tuple[str, str, str]]:
    """One entry per correction, linking to the page it changed; several on one page and day are
    told apart by their order in the file."""
    seen: dict[tuple[str, str], int] = {}
    entries = []
    for item in found:
        key = (item.url, item.correction.date)
        seen[key] = seen.get(key, 0) + 1
        ident = entry_id(base, f"{item.url}#correction-{item.correction.date}-{seen[key]}")
        updated = stamp(item.correction.date)
        title = words.gettext(CORRECTED[item.kind]) % {"title": isolated(item.title)}
        entries.append((updated, ident, entry(ident, title, item.url, site_url, updated,
                                              plain_text(item.correction.text, 1000))))
    return entries


def newest(article: ResolvedArticle) -> str:
    """When an article's explainer last changed: its notes' ``reviewed`` dates and the corrections of
    the article and its notes; failing those, when its text was captured or published."""
    dates = [card.claim.reviewed for card in article.cards if card.claim.reviewed]
    dates += [c.date for c in article.meta.corrections]
    dates += [c.date for card in article.cards for c in card.claim.corrections]
    return max(map(stamp, dates)) if dates else stamp(article.meta.accessed or article.meta.published)


def stamp(date: str) -> str:
    """An Atom date-time for a content date; a partial date (``2018-08``) counts from its first day."""
    year, month, day = [*date.split("-"), "01", "01"][:3]
    return f"{year}-{month}-{day}T00:00:00Z"


def entry(ident: str, title: str, url: str, site_url: str, updated: str, summary: str) -> str:
    return (f"<entry><id>{ident}</id><title>{text(title)}</title>"
            f'<link rel="alternate" type="text/html" href={href(site_url, url)}/>'
            f"<updated>{updated}</updated><summary>{text(summary)}</summary></entry>")


def entry_id(base: str, url: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, base + url)}"


def href(site_url: str, url: str) -> str:
    """The page's full address, or, for a site without ``site_url``, its path relative to the feed."""
    return quoteattr(urls.absolute(site_url, url) if site_url else urls.relative(FEED_URL, url))


def text(value: str) -> str:
    """Content as XML text: isolated as on the pages, entities read as the pages show them, and what
    XML cannot carry left out."""
    return escape(NOT_XML.sub("", isolated(LINE_SPACE.sub(" ", html.unescape(value)).strip())))
