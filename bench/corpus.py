"""A realistic synthetic corpus for the benchmark: articles of 10-40 paragraphs, 5-15 claim cards
each with evidence and counter-statements, organizations and techniques. Deterministic (seeded)."""

from __future__ import annotations

import random
from pathlib import Path

from generator.load.models import ASSESSMENTS as LABELS

WORDS = (
    "minister", "said", "offensive", "province", "forces", "report", "source", "official", "evidence",
    "attack", "claim", "statement", "alliance", "spokesman", "warned", "displaced", "civilians",
    "chemical", "weapons", "ceasefire", "talks", "agreement", "government", "rebels", "city", "border",
    "army", "navy", "missiles", "humanitarian", "agency", "press", "conference", "according",
    "analysts", "predicted", "battle", "war", "region", "security", "council", "envoy",
)
KINDS = ("intergovernmental", "government", "state-media", "news-outlet", "wire-service", "ngo", "research")
STANCES = ("supports", "contradicts", "context")
ASSESSMENTS = tuple(LABELS)


def sentence(rng: random.Random, low: int = 8, high: int = 20) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def write_corpus(root: Path, articles: int, seed: int = 2018) -> int:
    """Write ``root/content`` with ``articles`` articles; returns the number of claim cards."""
    rng = random.Random(seed)
    content = root / "content"
    (content / "articles").mkdir(parents=True, exist_ok=True)
    orgs = [f"org-{i}" for i in range(60)]
    techniques = [f"technique-{i}" for i in range(12)]
    (content / "organizations.yaml").write_text("".join(
        f"{org}:\n  name: Organization {i}\n  kind: {KINDS[i % len(KINDS)]}\n  url: https://example.org/{org}\n"
        f"  about: {sentence(rng)}\n" for i, org in enumerate(orgs)), encoding="utf-8")
    (content / "techniques.yaml").write_text("".join(
        f"{t}:\n  name: Technique {i}\n  summary: {sentence(rng)}\n  ask: {sentence(rng, 5, 9)[:-1]}?\n"
        for i, t in enumerate(techniques)), encoding="utf-8")
    (content / "glossary.yaml").write_text("".join(f"Term {i}: {sentence(rng)}\n" for i in range(30)),
                                           encoding="utf-8")
    cards = 0
    for a in range(articles):
        folder = content / "articles" / f"article-{a:04d}"
        (folder / "claims").mkdir(parents=True, exist_ok=True)
        paragraphs = [f"P{n} {' '.join(sentence(rng) for _ in range(rng.randint(2, 5)))}"
                      for n in range(rng.randint(10, 40))]
        (folder / "original.txt").write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
        (folder / "article.yaml").write_text(
            f"title: Synthetic article {a}\npublisher: {rng.choice(orgs)}\n"
            f"url: https://example.org/articles/{a}\npublished: 2018-08-{rng.randint(1, 28):02d}\n"
            f"summary: {sentence(rng)}\nquestions:\n  - {sentence(rng)}\n"
            f"  - text: {sentence(rng)}\n    teacher_notes: {sentence(rng)}\n", encoding="utf-8")
        for c in range(rng.randint(5, 15)):
            number = rng.randrange(len(paragraphs))
            paragraph = paragraphs[number]
            start = paragraph.index(" ") + 1  # after the unique "P<n>" prefix...
            quote = f"P{number} " + paragraph[start:start + rng.randint(15, 40)].rstrip()
            evidence = "".join(
                f"  - title: {sentence(rng, 3, 6)}\n    publisher: {rng.choice(orgs)}\n"
                f"    url: https://example.org/e/{a}/{c}/{e}\n    date: 2018-08-29\n"
                f"    stance: {rng.choice(STANCES)}\n    summary: {sentence(rng)}\n"
                for e in range(rng.randint(1, 3)))
            statements = "".join(
                f"  - organization: {rng.choice(orgs)}\n    speaker: Spokesperson {s}\n    date: 2018-08-30\n"
                f'    statement: \'"{sentence(rng)}"\'\n    url: https://example.org/s/{a}/{c}/{s}\n'
                for s in range(rng.randint(0, 2)))
            card = (f"claim: {sentence(rng)}\nclaimant:\n  name: Person {c}\n"
                    f"  organization: {rng.choice(orgs)}\n"
                    f"date: 2018-08-29\nquote: {quote!r}\nassessment: {rng.choice(ASSESSMENTS)!r}\n"
                    f"techniques: [{rng.choice(techniques)}]\ncontext: {sentence(rng, 20, 40)}\n"
                    f"analysis: {sentence(rng, 30, 60)}\nevidence:\n{evidence}"
                    + (f"counter_statements:\n{statements}" if statements else "")
                    + f"questions:\n  - {sentence(rng)}\n")
            (folder / "claims" / f"claim-{c:02d}.yaml").write_text(card, encoding="utf-8")
            cards += 1
    return cards
