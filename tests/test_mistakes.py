"""Authoring mistakes: each one comes back as exactly one line naming the file, line, column and fix.

Together with ``test_loader.py`` and ``test_anchor.py`` these cover the mistakes authors make; each
case asserts the whole line an author would read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import (
    MINIMAL_ARTICLE,
    MINIMAL_CLAIM,
    MINIMAL_ORGS,
    MINIMAL_TECHNIQUES,
    minimal_content,
    problem_lines,
)

CLAIM = "content/articles/a/claims/c.yaml"
ARTICLE = "content/articles/a/article.yaml"
EVIDENCE = "evidence:\n  - title: Report\n    publisher: acme\n    url: https://example.org/r\n"

CASES = {
    "claimant given as text": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM.replace("claimant:\n  name: Someone", "claimant: Someone")},
        f"{CLAIM}:2:11: `claimant` must be a mapping of fields (`key: value` lines), not text",
    ),
    "evidence item missing its stance": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM + EVIDENCE},
        f"{CLAIM}:7:5: `evidence[1].stance` is required here: add `stance: …`",
    ),
    "evidence item given as text": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM + "evidence:\n  - https://example.org/r\n"},
        f"{CLAIM}:7:5: `evidence[1]` must be a mapping of fields (`key: value` lines), not text",
    ),
    "stance not one of the allowed words": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM + EVIDENCE + "    stance: contradict\n"},
        f"{CLAIM}:10:13: `evidence[1].stance` must be one of: supports, contradicts, context; "
        "`contradict` is not: did you mean `contradicts`?",
    ),
    "unknown evidence publisher": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM + EVIDENCE.replace("acme", "acne") + "    stance: context\n"},
        f"{CLAIM}:8:16: `acne` is not in organizations.yaml: did you mean `acme`?",
    ),
    "unknown technique": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM + "techniques: [loaded-languge]\n"},
        f"{CLAIM}:6:14: `loaded-languge` is not in techniques.yaml: did you mean `loaded-language`?",
    ),
    "half of a character written as an escape": (
        {"articles/a/article.yaml": MINIMAL_ARTICLE.replace("title: A test article", 'title: "A \\ud83d b"')},
        f"{ARTICLE}:1:8: `\\ud83d` is half of a character, which no page can show: write the character "
        "itself instead of its escape (or both halves of the pair as one `\\U` escape)",
    ),
    "occurrence zero": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM + "occurrence: 0\n"},
        f"{CLAIM}:6:13: `occurrence` must be 1 or more",
    ),
    "occurrence written as a word": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM + "occurrence: two\n"},
        f"{CLAIM}:6:13: `occurrence` must be a whole number like 2, not text",
    ),
    "month out of range": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM + "date: 2018-13\n"},
        f"{CLAIM}:6:7: `date` `2018-13` is not a real date",
    ),
    "date written in words": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM + "date: 29 August 2018\n"},
        f"{CLAIM}:6:7: `date` must be a date like 2018-08-29 (or 2018-08, or 2018 when that is all that is known)",
    ),
    "web address without its scheme": (
        {"articles/a/article.yaml": MINIMAL_ARTICLE.replace("https://example.org/article", "www.example.org/a")},
        f"{ARTICLE}:3:6: `url` `www.example.org/a` is not a web address: write it in full, starting https://",
    ),
    "language written as a word": (
        {"articles/a/article.yaml": MINIMAL_ARTICLE + "language: english\n"},
        f"{ARTICLE}:6:11: `language` `english` is not a language code such as en, de, ar or zh-Hant",
    ),
    "unknown publisher of the article": (
        {"articles/a/article.yaml": MINIMAL_ARTICLE.replace("publisher: acme", "publisher: acme-news")},
        f"{ARTICLE}:2:12: `acme-news` is not in organizations.yaml: did you mean `acme`?",
    ),
    "timeline item without a date": (
        {"articles/a/article.yaml": MINIMAL_ARTICLE + "timeline:\n  - text: Later.\n"},
        f"{ARTICLE}:7:5: `timeline[1].date` is required here: add `date: …`",
    ),
    "question given as a number": (
        {"articles/a/article.yaml": MINIMAL_ARTICLE + "questions:\n  - 42\n"},
        f"{ARTICLE}:7:5: `questions[1]` must be a mapping of fields (`key: value` lines)",
    ),
    "article correction without its text": (
        {"articles/a/article.yaml": MINIMAL_ARTICLE + "corrections:\n  - date: 2026-11-28\n"},
        f"{ARTICLE}:7:5: `corrections[1].text` is required here: add `text: …`",
    ),
    "profile correction given as text": (
        {"organizations.yaml": MINIMAL_ORGS + "  corrections:\n    - Fixed the name.\n"},
        "content/organizations.yaml:6:7: `acme.corrections[1]` must be a mapping of fields (`key: value` lines), "
        "not text",
    ),
    "profile correction dated in words": (
        {"organizations.yaml": MINIMAL_ORGS + "  corrections:\n    - {date: 28 November, text: Fixed.}\n"},
        "content/organizations.yaml:6:14: `acme.corrections[1].date` must be a date like 2018-08-29 (or 2018-08, "
        "or 2018 when that is all that is known)",
    ),
    "organization without its profile": (
        {"organizations.yaml": MINIMAL_ORGS.replace("  about: A news outlet.\n", "")},
        "content/organizations.yaml:2:3: `acme.about` is required here: add `about: …`",
    ),
    "organization kind not allowed": (
        {"organizations.yaml": MINIMAL_ORGS.replace("kind: news-outlet", "kind: newspaper")},
        "content/organizations.yaml:3:9: `acme.kind` must be one of: intergovernmental, government, state-media, "
        "news-outlet, wire-service, ngo, armed-group, research, other; `newspaper` is not",
    ),
    "organization id with capitals": (
        {"organizations.yaml": MINIMAL_ORGS + "NATO:\n  name: NATO\n  kind: intergovernmental\n  about: An alliance.\n"},
        "content/organizations.yaml:5:1: `NATO` is not a valid id: use lowercase letters, digits and single hyphens",
    ),
    "technique with an unknown field": (
        {"techniques.yaml": MINIMAL_TECHNIQUES + "  question: Who?\n"},
        "content/techniques.yaml:5:3: unknown field `question`: the fields here are name, summary, ask",
    ),
    "glossary definition given as a list": (
        {"glossary.yaml": "HTS:\n  - a group\n"},
        "content/glossary.yaml:2:3: the definition of `HTS` must be text",
    ),
    "article folder name with a space": (
        {"articles/My Article/article.yaml": MINIMAL_ARTICLE},
        "content/articles/My Article:1:1: `My Article` is not a valid id: rename it using lowercase letters, "
        "digits and single hyphens (for example `council-vote`)",
    ),
    "a folder inside claims/": (
        {"articles/a/claims/old/c.yaml": MINIMAL_CLAIM},
        "content/articles/a/claims/old:1:1: only claim cards (.yaml or .yml files) belong in claims/: move this elsewhere",
    ),
    "unclosed quotation mark": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM.replace("claim: Something was said.", 'claim: "Something was said.')},
        f"{CLAIM}:6:1: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar)",
    ),
    "a value containing a colon": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM.replace("context: Some context.", "context: Note: this breaks")},
        f"{CLAIM}:5:14: YAML syntax error: mapping values are not allowed here: a value containing `: ` must be "
        "put in quotes",
    ),
    "duplicate key in a nested mapping": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM.replace("  name: Someone", "  name: Someone\n  name: Other")},
        f"{CLAIM}:4:3: key `name` is given twice in this mapping: keep one",
    ),
    "control character in a card": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM.replace("Some context.", "Some\x07context.")},
        f"{CLAIM}:5:14: character U+0007 is not allowed in YAML: delete it",
    ),
    "a number as a key": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM + "2018: a year\n"},
        f"{CLAIM}:6:1: key `2018` must be text: put it in quotes",
    ),
    "empty original.txt": (
        {"articles/a/original.txt": "\n\n"},
        "content/articles/a/original.txt:1:1: original.txt is empty: paste the article's text, one paragraph per line",
    ),
    "invalid byte in original.txt": (
        {"articles/a/original.txt": b"The first paragraph is here.\nCaf\xe9 second paragraph.\n"},
        "content/articles/a/original.txt:2:4: byte 0xe9 is not UTF-8: save the file with UTF-8 encoding",
    ),
    "image in a Markdown field": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM.replace("Some context.", "See ![chart](https://example.org/c.png).")},
        f"{CLAIM}:5:10: `context` images are not shown from Markdown fields: link to the image instead",
    ),
    "mail link in a Markdown field": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM.replace("Some context.", "Write to <mailto:x@example.org>.")},
        f"{CLAIM}:5:10: `context` link `mailto:x@example.org` is not allowed: use a full https:// address or a "
        "site path such as /glossary/",
    ),
    "quote that spans two paragraphs": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM.replace("quote: first paragraph", "quote: here. The second")},
        f"{CLAIM}:4:8: `quote` spans two paragraphs: a quote must lie within one line of original.txt; quote the "
        "part in one paragraph",
    ),
    "quote that occurs twice": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM.replace("quote: first paragraph", "quote: paragraph")},
        f"{CLAIM}:4:8: `quote` occurs 2 times (at line 1, line 2): add `occurrence: N` to pick one, or quote more words",
    ),
    "quote with a typo": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM.replace("quote: first paragraph", "quote: frist paragraph")},
        f'{CLAIM}:4:8: `quote` is not in original.txt; the closest passage is on line 1: "first paragraph"; the text '
        'has "first p" where the quote has "frist pa"',
    ),
    "a missing article.yaml": (
        {"articles/a/article.yaml": None},
        "content/articles/a/article.yaml:1:1: article.yaml is missing: run `explainer new article a` or create it",
    ),
    "a review date that is only a month": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM + "reviewed: 2020-05\n"},
        f"{CLAIM}:6:11: `reviewed` must be a whole date (year, month and day) like 2026-11-28",
    ),
    "a review date still to come": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM + "reviewed: 2999-12-31\n"},
        f"{CLAIM}:6:11: `reviewed` `2999-12-31` is after today: give the day it happened",
    ),
    "a correction dated in the future": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM + "corrections:\n  - {date: 2999-01, text: Later.}\n"},
        f"{CLAIM}:7:12: `corrections[1].date` `2999-01` is after today: give the day it happened",
    ),
    "a date in other digits than 0-9": (
        {"articles/a/claims/c.yaml": MINIMAL_CLAIM + 'reviewed: "\u0662\u0660\u0662\u0660-\u0660\u0665-\u0660\u0661"\n'},
        f"{CLAIM}:6:11: `reviewed` must be written with the digits 0-9, like 2018-08-29",
    ),
    "a missing techniques.yaml": (
        {"techniques.yaml": None},
        "content/techniques.yaml:1:1: techniques.yaml is missing: create it (it may be empty)",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_mistake_gives_its_exact_line(tmp_path: Path, case: str) -> None:
    files, expected = CASES[case]
    overrides = {name.replace("/", "__").replace(".", "_DOT_"): body for name, body in files.items()}
    content = minimal_content(tmp_path / "content", **overrides)
    assert problem_lines(content) == [expected]


def test_at_least_thirty_distinct_mistakes_are_covered() -> None:
    assert len({expected for _, expected in CASES.values()}) >= 30


