"""Open data other tools accept: W3C Web Annotations, ClaimReview, the Atom feed, the schema of
``/claims.json``. The W3C checks are the MUSTs of the Web Annotation Data Model
(https://www.w3.org/TR/annotation-model/) that apply to what we publish, quoted beside each check;
the schema.org facts the ClaimReview test needs are written here, so nothing is fetched."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import jsonschema
import pytest

from generator.render import structured_data
from generator.render.open_data import claims_schema
from generator.render.options import RenderOptions

from helpers import FIXTURES, build

ANNO = "http://www.w3.org/ns/anno.jsonld"
DATE_TIME_Z = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")
OPTIONS = RenderOptions(site_name="Test site", site_url="https://example.org/explainer/")


@pytest.fixture(params=["built_example", "built_fixture"])
def site(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(request.param)


def values(node: dict, key: str) -> list:
    value = node.get(key)
    return [] if value is None else value if isinstance(value, list) else [value]


def is_iri(value: object) -> bool:
    return isinstance(value, str) and bool(urlsplit(value).scheme) and not re.search(r"\s", value)


def assert_context(node: dict) -> None:
    # "MUST have 1 or more @context values and http://www.w3.org/ns/anno.jsonld MUST be one of them."
    assert ANNO in values(node, "@context")
    # "If there is only one value, then it MUST be provided as a string."
    assert not (isinstance(node["@context"], list) and len(node["@context"]) == 1)


def assert_identified(node: dict) -> None:
    # "MUST have exactly 1 IRI that identifies it."
    assert is_iri(node.get("id")), node.get("id")


def assert_collection(collection: dict) -> None:
    assert_context(collection)
    assert_identified(collection)
    # "The Collection MUST have 1 or more types, and the AnnotationCollection class MUST be one of them."
    assert "AnnotationCollection" in values(collection, "type")
    # label: "the value MUST be a string"; total: "if present it MUST be an xsd:nonNegativeInteger"
    assert all(isinstance(label, str) for label in values(collection, "label"))
    assert isinstance(collection["total"], int) and collection["total"] >= 0
    if collection["total"] > 0:
        # "A Collection that has a total number of Annotations greater than 0 MUST have exactly 1 first page"
        assert len(values(collection, "first")) == 1
        assert is_iri(collection.get("last"))  # SHOULD: the IRI of the last page


def assert_page(page: dict, embedded: bool, last: bool) -> None:
    if not embedded:  # "If the Page is NOT embedded within a Collection, it MUST have 1 or more @context"
        assert_context(page)
    assert_identified(page)
    # "The Page MUST have 1 or more types, and the AnnotationPage class MUST be one of them."
    assert "AnnotationPage" in values(page, "type")
    # "Each Page MUST have an array of 1 or more Annotations as the value of items."
    assert isinstance(page["items"], list) and page["items"]
    # "If the current page is not the last page in the Collection, it MUST have a reference to the IRI
    # of the page that follows it."
    assert is_iri(page.get("next")) if not last else "next" not in page
    # startIndex: "MUST NOT have more than 1. The value MUST be an xsd:nonNegativeInteger."
    assert isinstance(page["startIndex"], int) and page["startIndex"] >= 0
    for annotation in page["items"]:
        assert_annotation(annotation)


def assert_agent(agent: object) -> None:
    if isinstance(agent, str):
        assert is_iri(agent)
        return
    assert isinstance(agent, dict)
    # "An Agent SHOULD have exactly 1 IRI that identifies it, and MUST NOT have more than 1."
    assert len(values(agent, "id")) <= 1
    assert set(values(agent, "type")) <= {"Person", "Organization", "Software"}
    assert all(isinstance(name, str) for name in values(agent, "name"))


def assert_annotation(annotation: dict) -> None:
    assert_context(annotation)  # every item stands on its own
    assert_identified(annotation)
    # "The Annotation class MUST be associated with an Annotation using type."
    assert "Annotation" in values(annotation, "type")
    # "There MUST be 1 or more target relationships associated with an Annotation."
    targets = values(annotation, "target")
    assert targets
    for target in targets:
        assert_target(target)
    for body in values(annotation, "body"):
        # TextualBody: "There MUST be exactly 1 value property associated with the TextualBody."
        assert "TextualBody" in values(body, "type") and isinstance(body["value"], str)
    for key in ("created", "modified"):
        # "MUST NOT be more than 1 ... The datetime MUST be a xsd:dateTime with the UTC timezone expressed as "Z"."
        assert len(values(annotation, key)) <= 1
        for stamp in values(annotation, key):
            assert DATE_TIME_Z.match(stamp), stamp
    for agent in values(annotation, "creator"):
        assert_agent(agent)


def assert_target(target: object) -> None:
    if isinstance(target, str):  # an External Web Resource given by its IRI
        assert is_iri(target)
        return
    # "There MUST be exactly 1 source relationship associated with a Specific Resource."
    assert is_iri(target["source"])
    for selector in values(target, "selector"):
        # "Text Quote Selectors MUST have exactly 1 type and the value MUST be TextQuoteSelector."
        assert selector["type"] == "TextQuoteSelector"
        # "Each TextQuoteSelector MUST have exactly 1 exact property." prefix, suffix: "MUST NOT have more than 1"
        assert isinstance(selector["exact"], str) and selector["exact"]
        assert all(isinstance(selector.get(key, ""), str) for key in ("prefix", "suffix"))


def annotation_documents(files: dict[str, str]) -> tuple[dict, list[dict]]:
    """The collection, and every page reached from it by following ``next``."""
    by_url = {structured_data.annotations_url(n): files[structured_data.annotations_url(n).lstrip("/")]
              for n in range(1, 1 + sum(1 for path in files if path.startswith("annotations-page-")))}
    collection = json.loads(files["annotations.jsonld"])
    pages, page = [], collection.get("first")
    while page is not None:
        pages.append(page)
        following = page.get("next")
        page = json.loads(by_url["/" + following.split("/explainer/", 1)[-1]]) if following else None
    return collection, pages


def test_the_annotations_of_built_sites_keep_every_must_of_the_w3c_model(site: Path) -> None:
    collection = json.loads((site / "annotations.jsonld").read_text(encoding="utf-8"))
    assert_collection(collection)
    first = collection["first"]
    assert_page(first, embedded=True, last=True)
    standalone = json.loads((site / "annotations-page-1.jsonld").read_text(encoding="utf-8"))
    assert_page(standalone, embedded=False, last=True)
    assert standalone["id"] == first["id"] == collection["last"] and standalone["items"] == first["items"]
    assert standalone["partOf"]["id"] == collection["id"] and collection["total"] == len(first["items"])
    claims = json.loads((site / "claims.json").read_text(encoding="utf-8"))["claims"]
    assert [a["id"] for a in first["items"]] == [c["url"] for c in claims]
    for note, claim in zip(first["items"], claims, strict=True):
        selector = note["target"][0]["selector"]
        assert selector["prefix"] + selector["exact"] + selector["suffix"] in claim["anchor"]["prefix"] + \
            claim["anchor"]["exact"] + claim["anchor"]["suffix"]  # the quote, where it stands
        assert note["body"]["value"] == claim["context"]


def test_beyond_a_page_of_annotations_the_pages_link_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(structured_data, "ANNOTATIONS_PER_PAGE", 4)
    files = {path: text for path, text in build(FIXTURES / "mini", OPTIONS).files.items()
             if "annotations" in path}
    collection, pages = annotation_documents(files)
    assert_collection(collection)
    assert len(pages) == -(-collection["total"] // 4) > 2
    for n, page in enumerate(pages):
        assert_page(page, embedded=n == 0, last=n == len(pages) - 1)
        assert page["startIndex"] == 4 * n and page["id"] == f"https://example.org/explainer/annotations-page-{n + 1}.jsonld"
        assert page.get("prev") == (pages[n - 1]["id"] if n else None)
    assert collection["last"] == pages[-1]["id"]
    assert sum(len(page["items"]) for page in pages) == collection["total"]


def test_annotations_carry_the_site_as_creator_and_the_cards_dates() -> None:
    files = build(FIXTURES / "mini", OPTIONS).files
    items = {a["id"].split("/claims/")[1].strip("/"): a for a in json.loads(files["annotations.jsonld"])["first"]["items"]}
    outer = items["outer"]  # reviewed 2020-02-15, corrected 2020-03-01 and 2020-04-01
    assert outer["created"] == "2020-02-15T00:00:00Z" and outer["modified"] == "2020-04-01T00:00:00Z"
    assert outer["creator"] == {"type": "Organization", "name": "Test site", "homepage": "https://example.org/explainer/"}
    assert "created" not in items["inner"] and "modified" not in items["inner"]  # no review date given


VOID = frozenset({"br", "img", "link", "meta", "input", "hr", "source"})


class Elements(HTMLParser):
    """A page's elements: ``first("a", "b")`` is the first element with class (or tag) ``b`` inside
    one with ``a``, as its attributes and its text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.open: list[tuple[str, set[str], list[str]]] = []  # tag, classes, text being read
        self.found: list[tuple[set[str], set[str], dict, list[str]]] = []  # own, ancestors', attributes, text
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        own = {tag, *(attributes.get("class") or "").split()}
        around = set().union(*(classes for _, classes, _ in self.open)) if self.open else set()
        self.found.append((own, around, attributes, []))
        if tag not in VOID:
            self.open.append((tag, own, self.found[-1][3]))

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1][0] == tag:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for _, _, text in self.open:
            text.append(data)

    def first(self, *names: str) -> tuple[dict, str]:
        *outer, name = names
        for own, around, attributes, text in self.found:
            if name in own and set(outer) <= around:
                shown = "".join(text).replace("\u2068", "").replace("\u2069", "")  # isolates show nothing
                return attributes, " ".join(shown.split())
        raise AssertionError(f"no element {names}")


# What schema.org defines for each type we use (its own properties and those it inherits from
# CreativeWork, Review, Intangible and Thing), and what Google's fact-check documentation asks for.
SCHEMA_ORG = {
    "ClaimReview": {"claimReviewed", "reviewRating", "itemReviewed", "author", "datePublished", "url",
                    "headline", "name", "publisher", "reviewBody", "inLanguage"},
    "Rating": {"alternateName", "ratingValue", "bestRating", "worstRating", "ratingExplanation", "name"},
    "Claim": {"author", "datePublished", "appearance", "firstAppearance", "claimInterpreter", "name", "url"},
    "CreativeWork": {"url", "headline", "datePublished", "author", "name", "publisher"},
    "Organization": {"name", "url", "alternateName"},
    "Person": {"name", "jobTitle", "url", "affiliation"},
}
REQUIRED = {"ClaimReview": {"claimReviewed", "reviewRating", "url", "author", "itemReviewed"},
            "Rating": {"alternateName"}, "Claim": {"author", "appearance", "firstAppearance"}}


def assert_schema_org(node: object) -> None:
    if isinstance(node, list):
        for item in node:
            assert_schema_org(item)
        return
    if not isinstance(node, dict):
        return
    kind = node["@type"]
    assert set(node) - {"@context", "@type"} <= SCHEMA_ORG[kind], (kind, set(node) - SCHEMA_ORG[kind])
    assert REQUIRED.get(kind, set()) <= set(node), (kind, REQUIRED[kind] - set(node))
    for value in node.values():
        assert_schema_org(value)


def claim_pages(site: Path) -> list[Path]:
    return sorted(site.glob("articles/*/claims/*/index.html"))


def test_every_assessed_claim_page_has_a_complete_claim_review_that_matches_the_page(site: Path) -> None:
    claims = {c["url"]: c for c in json.loads((site / "claims.json").read_text(encoding="utf-8"))["claims"]}
    checked = 0
    for path in claim_pages(site):
        html = path.read_text(encoding="utf-8")
        page = Elements(html)
        found = re.search(r'<script type="application/ld\+json">\s*(.*?)\s*</script>', html, re.S)
        claim = claims[re.search(r'<link rel="canonical" href="([^"]+)"', html)[1]]
        if not claim["assessment"]:
            assert found is None  # no rating, no ClaimReview
            continue
        review = json.loads(found.group(1))
        assert_schema_org(review)
        assert review["url"] == claim["url"]
        assert review["claimReviewed"] == page.first("ex-claim-text")[1].removeprefix("Claim: ")
        assert review["reviewRating"]["alternateName"] == page.first("ex-note-tags", "ex-assess")[1]
        assert review["itemReviewed"]["author"]["name"] == page.first("ex-claim-by", "ex-claimant")[1]
        assert review["author"]["url"]  # the site's address: every built site here has one
        if claim["reviewed"]:
            assert review["datePublished"] == page.first("ex-reviewed", "time")[0]["datetime"] == claim["reviewed"]
        if claim["date"]:
            assert review["itemReviewed"]["datePublished"] == claim["date"]
        appearance = review["itemReviewed"]["firstAppearance"]
        assert appearance["url"] == page.first("ex-passage", "ex-external")[0]["href"]
        checked += 1
    assert checked > 0


def test_claims_json_validates_against_the_published_schema(site: Path) -> None:
    schema = json.loads((site / "claims.schema.json").read_text(encoding="utf-8"))
    data = json.loads((site / "claims.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    stray = {**data, "claims": [{**data["claims"][0], "unlisted": 1}]}  # the schema lists every key
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(stray, schema, cls=jsonschema.Draft202012Validator)
    assert json.loads(claims_schema(""))["title"] == "claims.json"


def test_the_feed_parses_cleanly_with_an_entry_for_each_article_and_correction(site: Path) -> None:
    text = (site / "feed.xml").read_text(encoding="utf-8")
    feed = feedparser.parse(text)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    claims = json.loads((site / "claims.json").read_text(encoding="utf-8"))
    corrections = (sum(len(c["corrections"]) for c in claims["claims"])
                   + sum(len(a["corrections"]) for a in claims["articles"]))
    corrected = [e for e in feed.entries if " corrected: " in e.title]
    assert len(feed.entries) - len(corrected) == len(claims["articles"])
    assert len(corrected) >= corrections  # profiles' corrections too
    assert len({e.id for e in feed.entries}) == len(feed.entries)
    dates = [e.updated for e in feed.entries]
    assert dates == sorted(dates, reverse=True) and feed.feed.updated == dates[0]
    for entry in feed.entries:
        assert entry.id.startswith("urn:uuid:") and entry.link.startswith("http")
    for article in claims["articles"]:
        assert any(e.link == article["page"] for e in feed.entries)


def test_feed_ids_hold_when_text_changes_and_text_is_isolated_as_on_pages(tmp_path: Path) -> None:
    import shutil

    content = shutil.copytree(FIXTURES / "mini", tmp_path / "content")
    before = feedparser.parse(build(content, OPTIONS).files["feed.xml"])
    card = content / "articles/nested/claims/outer.yaml"
    card.write_text(card.read_text(encoding="utf-8").replace("Fixed a date.", "Fixed a date <&> again."),
                    encoding="utf-8")
    raw = build(content, OPTIONS).files["feed.xml"]
    after = feedparser.parse(raw)
    assert not after.bozo and [e.id for e in after.entries] == [e.id for e in before.entries]
    assert any("Fixed a date <&> again." in e.summary for e in after.entries)
    hebrew = next(e for e in after.entries if e.link.endswith("/articles/hebrew/"))
    assert hebrew.title == "\u2068מאמר לבדיקה\u2069"  # isolated, as on the pages
    assert build(content, OPTIONS).files["feed.xml"] == raw  # dates from the content, not the clock


def test_every_page_advertises_the_feed_in_its_head(browser, built_example: Path, example_url: str) -> None:
    from browser import visit

    pages = sorted(p.relative_to(built_example).as_posix() for p in built_example.rglob("*.html"))
    assert len(pages) > 20
    with visit(browser, example_url + "/") as v:
        for path in pages:
            v.page.goto(f"{example_url}/{path}", wait_until="domcontentloaded")
            feed = v.page.locator('head link[rel="alternate"][type="application/atom+xml"]')
            assert feed.count() == 1, path
            address = feed.evaluate("link => link.href")  # resolved against the page
            assert address == f"{example_url}/feed.xml", (path, address)
        assert v.page.request.get(f"{example_url}/feed.xml").ok
        v.assert_clean()


def test_without_a_site_url_every_address_is_relative_to_its_file(tmp_path: Path) -> None:
    built = build(FIXTURES / "mini", RenderOptions(site_name="Test site"))
    collection = json.loads(built.files["annotations.jsonld"])
    assert collection["id"] == "annotations.jsonld" and collection["last"] == "annotations-page-1.jsonld"
    outer = next(a for a in collection["first"]["items"] if "outer" in a["id"])
    assert outer["id"] == "articles/nested/claims/outer/" and outer["target"][0]["source"] == "articles/nested/"
    claims = json.loads(built.files["claims.json"])
    assert {c["url"] for c in claims["claims"]} >= {"articles/nested/claims/outer/"}
    page = built.pages["/articles/nested/claims/outer/"]
    assert '"url":"./"' in page  # the ClaimReview names the page it is on
    feed = feedparser.parse(built.files["feed.xml"])
    assert not feed.bozo and any(e.link == "articles/nested/" for e in feed.entries)


def test_a_month_counts_from_its_first_day_in_the_feed(tmp_path: Path) -> None:
    import shutil

    content = shutil.copytree(FIXTURES / "mini", tmp_path / "content")
    card = content / "articles/statement/claims/fire.yaml"
    card.write_text(card.read_text(encoding="utf-8") + "reviewed: 2023-01-10\ncorrections:\n"
                    "  - {date: 2023-08, text: A later change.}\n", encoding="utf-8")
    feed = feedparser.parse(build(content, OPTIONS).files["feed.xml"])
    statement = next(e for e in feed.entries if e.link.endswith("/articles/statement/"))
    assert statement.updated == "2023-08-01T00:00:00Z"  # its note's correction is newer than its review


def test_the_schema_describes_dates_as_the_data_writes_them() -> None:
    """A card may give a year as a number; the data writes every date as text, and says so."""
    schema = json.loads(claims_schema(""))
    dates = [schema["$defs"]["ArticleRecord"]["properties"]["published"],
             schema["$defs"]["Correction"]["properties"]["date"]]
    for date in dates:
        assert all(branch.get("type") == "string" for branch in date.get("anyOf", [date]))
