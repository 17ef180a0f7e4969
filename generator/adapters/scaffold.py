"""``explainer new``: commented starter files at the contract's paths, never overwriting."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from generator.adapters.config_file import configured_language
from generator.adapters.files import create_file, make_folders, refuse_links
from generator.load.fields import SLUG_RE
from generator.load.models import ASSESSMENTS, PLACEHOLDER_QUOTE
from generator.load.validate import ascii_visible
from generator.problems import display_path
from generator.schemas import SCHEMA_DIR

ARTICLE_YAML = """\
# The article's metadata. Lines starting with # are comments; fill in each field, then run
# `explainer check`. Text with a colon, or that YAML could read as a number or yes/no, goes in quotes.
title: "[A descriptive title, or the headline exactly as published]"
publisher: publisher-id        # an id from content/organizations.yaml
# author: Byline as credited
url: https://example.org/where-the-text-was-published
# archive_url: https://web.archive.org/...   # an archived copy: `explainer links --archive` finds one
# accessed: {today}           # the day you last opened `url`
published: 2018-08             # as precise as is known: 2018-08-29, 2018-08 or 2018
language: {language:<21}# the language of original.txt (BCP 47: en, de, ar, he, zh-Hant, ...)
summary: >-
  What a reader should know before reading: who published it, when, and why it is worth a close look.
# rights: Why and how the text is reproduced here.
# objectives:
#   - Tell a claim from the evidence offered for it.
# questions:
#   - Who is quoted, and who is not?
#   - text: What would change your mind about the main claim?
#     teacher_notes: Notes only teachers see.
# timeline:
#   - {{date: 2018-09-17, text: What happened next., url: https://example.org/source, accessed: {today}}}
# lesson:                      # the teacher guide's suggested lesson (a generic one otherwise)
#   - "**Before reading.** Ask who published the text, and why."
#   - "**Read.** Students read the exercise page and mark each highlighted passage."
# corrections:                 # after publication: what changed on this page, and when
#   - {{date: 2018-09-20, text: The summary gave the wrong date; it now says 29 August.}}
"""

CLAIM_YAML = """\
# A claim card: one passage of original.txt and the context a reader needs beside it.
claim: The claim restated in one neutral sentence.
claimant:
  name: Who made the claim
  # role: Their position
  # organization: organization-id   # from content/organizations.yaml
# date: 2018-08-29                  # when the claim was made
quote: {placeholder_quote}
# occurrence: 2                     # only if the quote appears more than once
# assessment: unsupported           # {assessments}
# techniques: [loaded-language]     # ids from content/techniques.yaml
context: >-
  Its gist in one sentence, shown at a glance beside the passage. Then the rest, behind "Read
  more": who said it, on what evidence, and what others said.
# analysis: The longer explanation shown on the claim's own page.
# evidence:
#   - title: Title of the source
#     publisher: organization-id
#     url: https://example.org/source
#     accessed: {today}             # the day you last opened it
#     date: 2018-08-29
#     stance: contradicts           # supports | contradicts | context
#     summary: What it shows, in your own words.
#     caveat: Why to treat it with care, if so.
# counter_statements:
#   - organization: organization-id
#     speaker: Name, role
#     date: 2018-08-29
#     statement: '"Their words, in quotation marks", or a faithful paraphrase.'
#     url: https://example.org/statement
#     accessed: {today}
# questions:
#   - A question for students.
reviewed: {today}                   # when the note was published or last reviewed in full
# corrections:                      # after publication: what changed in this note, and when
#   - {{date: 2018-09-20, text: The source was listed under the person quoted; it is the outlet.}}
"""


def run(args: argparse.Namespace) -> int:
    ids = [args.article_id] + ([args.claim_id] if hasattr(args, "claim_id") else [])
    for ident in ids:
        if not SLUG_RE.match(ident):
            print(f"`{ascii_visible(ident)}` is not a valid id: use lowercase letters, digits and single "
                  "hyphens, like `council-vote`", file=sys.stderr)
            return 2
    article = args.content / "articles" / args.article_id
    if hasattr(args, "claim_id"):
        return new_claim(article, args.claim_id, args.content)
    return new_article(article, args.content)


def schema_line(file: Path, schema: str) -> str:
    """The comment that points yaml-language-server (VS Code's YAML extension) at the schema."""
    target = os.path.relpath(Path.cwd() / SCHEMA_DIR / schema, file.parent.resolve()).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={target}\n"


def new_article(folder: Path, content: Path) -> int:
    refuse_links(folder, content)
    if os.path.lexists(folder):
        return refuse(folder)
    make_folders(folder / "claims", content)
    article = folder / "article.yaml"
    # `accessed` shows today, as an example; the language is the site's, which an article most often shares
    language = configured_language(Path("mkdocs.yml")) or "en"
    scaffold = ARTICLE_YAML.format(today=dt.date.today().isoformat(), language=language)
    create_file(article, schema_line(article, "article.schema.json") + scaffold, content)
    create_file(folder / "original.txt", "", content)
    shown = display_path(folder)
    print(f"Created {shown}/article.yaml, {shown}/original.txt and {shown}/claims/.\n"
          f"Next: paste the article's text into {shown}/original.txt (one paragraph per line),\n"
          f"fill in {shown}/article.yaml, then run `explainer new claim {folder.name} <claim-id>`.")
    return 0


def new_claim(article: Path, claim_id: str, content: Path) -> int:
    path = article / "claims" / f"{claim_id}.yaml"
    refuse_links(path, content)
    if not article.is_dir():
        print(f"{display_path(article)} does not exist: run `explainer new article {article.name}` first",
              file=sys.stderr)
        return 2
    if os.path.lexists(path) or os.path.lexists(path.with_suffix(".yml")):
        return refuse(path)
    make_folders(path.parent, content)
    today = dt.date.today().isoformat()
    card = CLAIM_YAML.format(today=today, assessments=" | ".join(ASSESSMENTS),
                             placeholder_quote=PLACEHOLDER_QUOTE)
    create_file(path, schema_line(path, "claim.schema.json") + card, content)
    print(f"Created {display_path(path)}.\n"
          "Next: copy the passage into `quote`, write `claim`, `claimant` and `context`,\n"
          "then run `explainer check` and look at the page with `explainer serve`.")
    return 0


def refuse(path: Path) -> int:
    print(f"{display_path(path)} already exists: nothing was changed", file=sys.stderr)
    return 1
