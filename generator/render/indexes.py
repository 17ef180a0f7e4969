"""Who appears where: the back-references that organization and technique pages list.

Computed once per build from the resolved site, so templates only present them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.load.models import CounterStatement, Evidence
from generator.resolve import Card, ResolvedArticle, Site


@dataclass
class Appearances:
    """Everything one organization is part of."""

    published: list[ResolvedArticle] = field(default_factory=list)
    claims: list[Card] = field(default_factory=list)
    statements: list[tuple[Card, CounterStatement]] = field(default_factory=list)
    evidence: list[tuple[Card, Evidence]] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.published or self.claims or self.statements or self.evidence)


@dataclass
class Indexes:
    organizations: dict[str, Appearances]
    techniques: dict[str, list[Card]]


def build_indexes(site: Site) -> Indexes:
    orgs: defaultdict[str, Appearances] = defaultdict(Appearances)
    techniques: defaultdict[str, list[Card]] = defaultdict(list)
    for article in site.articles:
        orgs[article.meta.publisher].published.append(article)
        for card in article.cards:
            claim = card.claim
            if claim.claimant.organization:
                orgs[claim.claimant.organization].claims.append(card)
            for statement in claim.counter_statements:
                orgs[statement.organization].statements.append((card, statement))
            for item in claim.evidence:
                orgs[item.publisher].evidence.append((card, item))
            for technique in dict.fromkeys(claim.techniques):
                techniques[technique].append(card)
    return Indexes(
        organizations={org: orgs[org] for org in site.organizations},
        techniques={t: techniques[t] for t in site.techniques},
    )
