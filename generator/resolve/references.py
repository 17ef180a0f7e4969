"""Cross-references: every organization and technique id a file names must exist."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from generator.load.content import Content, Entry
from generator.load.fields import SLUG_RE
from generator.load.models import Article, Claim
from generator.load.validate import suggest
from generator.load.yaml_tree import YamlTree
from generator.problems import Problems

Reference = tuple[tuple[str | int, ...], str, str]  # (location, id, registry name)


def claim_references(claim: Claim) -> Iterator[Reference]:
    if claim.claimant.organization:
        yield ("claimant", "organization"), claim.claimant.organization, "organizations"
    for index, item in enumerate(claim.evidence):
        yield ("evidence", index, "publisher"), item.publisher, "organizations"
    for index, statement in enumerate(claim.counter_statements):
        yield ("counter_statements", index, "organization"), statement.organization, "organizations"
    for index, technique in enumerate(claim.techniques):
        yield ("techniques", index), technique, "techniques"


def article_references(article: Article) -> Iterator[Reference]:
    yield ("publisher",), article.publisher, "organizations"


def draft_references(data: dict) -> Iterator[Reference]:
    """The ids a card that failed validation names, where each is a well-formed id (a malformed one
    is already reported): checked in the same run as its other mistakes."""
    claimant = data.get("claimant")
    if isinstance(claimant, dict):
        organization = claimant.get("organization")
        yield from well_formed([(("claimant", "organization"), organization, "organizations")])
    for field, key in (("evidence", "publisher"), ("counter_statements", "organization")):
        items = data.get(field)
        if isinstance(items, list):
            yield from well_formed([((field, index, key), item.get(key), "organizations")
                                    for index, item in enumerate(items) if isinstance(item, dict)])
    techniques = data.get("techniques")
    if isinstance(techniques, list):
        yield from well_formed([(("techniques", index), technique, "techniques")
                                for index, technique in enumerate(techniques)])


def well_formed(references: list[tuple[tuple[str | int, ...], object, str]]) -> Iterator[Reference]:
    for loc, ident, registry in references:
        if isinstance(ident, str) and SLUG_RE.match(ident):
            yield loc, ident, registry


def check_draft(path: Path, tree: YamlTree, content: Content, problems: Problems) -> None:
    if isinstance(tree.data, dict):
        check_references(Entry("", None, path, tree), draft_references(tree.data), content, problems)


def check_article_draft(path: Path, tree: YamlTree, content: Content, problems: Problems) -> None:
    if isinstance(tree.data, dict):
        references = well_formed([(("publisher",), tree.data.get("publisher"), "organizations")])
        check_references(Entry("", None, path, tree), references, content, problems)


def check_references(entry: Entry, references: Iterator[Reference], content: Content,
                     problems: Problems) -> bool:
    """Report each id that names nothing; True when all resolve."""
    registries = {"organizations": content.organizations, "techniques": content.techniques}
    ok = True
    for loc, ident, registry in references:
        known = registries[registry]
        if ident in known:
            continue
        ok = False
        declared = content.declared.get(registry)
        if declared is None or ident in declared:
            continue  # the registry's own problem is already reported
        problems.add(entry.path, entry.value_at(*loc),
                     f"`{ident}` is not in {registry}.yaml{suggest(ident, sorted(known)) if known else ''}"
                     f"{'' if known else f': add it to {registry}.yaml'}")
    return ok


def check_article(entry: Entry[Article], content: Content, problems: Problems) -> bool:
    return check_references(entry, article_references(entry.model), content, problems)


def check_claim(entry: Entry[Claim], content: Content, problems: Problems) -> bool:
    return check_references(entry, claim_references(entry.model), content, problems)
