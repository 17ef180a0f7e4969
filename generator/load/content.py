"""Walking ``content/``: which files exist, what they hold, and every mistake on the way.

Names are never changed or skipped: a folder or file name that is not a slug is an error, so an
author's id is exactly what they see in the file tree.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from typing import Generic, TypeVar

from pydantic import BaseModel

from generator.load.fields import SLUG_RE
from generator.load.layout import (
    ARTICLE_ENTRIES,
    CONTENT_ENTRIES,
    YAML_SUFFIXES,
    report_strays,
    report_strays_among_articles,
)
from generator.load.limits import MAX_CARDS, MAX_REGISTRY_ENTRIES, MAX_YAML_BYTES
from generator.load.models import Article, Claim, Organization, Technique
from generator.load.original import OriginalText, read_original
from generator.load.safety import unsafe_entries
from generator.load.text import TextError, digest, read_text
from generator.load.validate import ascii_visible, validate
from generator.load.yaml_tree import Loc, YamlProblem, YamlTree, parse_yaml
from generator.memo import Memo, fingerprint
from generator.problems import START, Position, Problems, recorded

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Entry(Generic[M]):
    """One validated item, with where it came from so later stages can point at it."""

    id: str
    model: M
    path: Path
    tree: YamlTree
    base: Loc = ()

    def value_at(self, *loc: str | int) -> Position:
        return self.tree.value_at((*self.base, *loc))


@dataclass
class ArticleFolder:
    id: str
    folder: Path
    meta: Entry[Article] | None = None
    original: OriginalText | None = None
    claims: dict[str, Entry[Claim]] = field(default_factory=dict)
    # Cards that failed validation but could be read: their quotes are still checked, so an author
    # sees every problem of a card in one run.
    drafts: list[tuple[Path, YamlTree]] = field(default_factory=list)
    meta_draft: YamlTree | None = None  # article.yaml, when it failed validation: its ids are checked
    # Fingerprint of everything in the folder as it was read; None when it could not be taken.
    state: bytes | None = None


@dataclass
class Content:
    root: Path
    organizations: dict[str, Entry[Organization]] = field(default_factory=dict)
    techniques: dict[str, Entry[Technique]] = field(default_factory=dict)
    glossary: dict[str, str] = field(default_factory=dict)
    articles: dict[str, ArticleFolder] = field(default_factory=dict)
    # Ids each registry declares, valid or not; None when the file itself could not be read.
    # References to them are not reported again: the registry's own error says what to fix.
    declared: dict[str, set[str] | None] = field(default_factory=dict)
    # Fingerprints of organizations.yaml, techniques.yaml and glossary.yaml.
    digests: dict[str, bytes] = field(default_factory=dict)


@dataclass
class Reader:
    """One walk of the content folder: where problems go, the entries never to open, and the memo
    that gives back what an unchanged file gave the last build (parsing and validating are most of
    loading's time, and a save changes one file)."""

    problems: Problems
    memo: Memo
    skip: frozenset[Path] = frozenset()
    listings: dict[Path, list[str]] = field(default_factory=dict)  # folder → its visible entries' names

    def children(self, folder: Path) -> list[Path]:
        """The folder's visible entries, in name order, from the one walk of the tree."""
        if folder in self.skip:
            return []
        paths = [folder / name for name in self.listings.get(folder, [])]
        return [p for p in paths if p not in self.skip] if self.skip else paths

    def tree(self, path: Path) -> YamlTree | TextError | YamlProblem:
        """The file's YAML tree, or why it cannot be read; an unchanged file's from the memo,
        without reading it again (``OSError`` when it cannot be opened)."""
        return self.memo.reuse(("yaml", path), file_state(path), lambda: parsed_file(path))

    def original(self, path: Path) -> OriginalText | None:
        try:
            state: bytes | None = file_state(path)
        except OSError:
            state = None  # read_original says why it cannot be read
        text, found = self.memo.reuse(("original", path), state,
                                      lambda: recorded(lambda into: read_original(path, into)))
        self.problems.replay(found)
        return text

    def validate(self, model: type[M], data: object, tree: YamlTree, path: Path, base: Loc = ()) -> M | None:
        """The model, with the problems found in it reported again when it is reused."""
        item, found = self.memo.reuse(("model", path, model.__name__, base), tree.digest, lambda: recorded(
            lambda into: validate(model, data, tree, path, into, base)))
        self.problems.replay(found)
        return item


def file_state(path: Path) -> bytes:
    return fingerprint(stat_state(path.stat()))


def stat_state(stat: os.stat_result) -> str:
    """What changes whenever a file's bytes do: its size, its modification and change times (a
    change time cannot be set back by hand) and its inode (a file replaced by another)."""
    return f"{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}:{stat.st_ino}"


def parsed_file(path: Path) -> YamlTree | TextError | YamlProblem:
    try:
        text = read_text(path, MAX_YAML_BYTES)
        tree = parse_yaml(text) or YamlTree(data=None)
    except (TextError, YamlProblem) as problem:
        return problem.with_traceback(None)
    tree.digest = digest(text)
    return tree


def load_content(root: Path, problems: Problems, memo: Memo) -> Content:
    content = Content(root=root)
    if not root.is_dir():
        problems.add(root, START, "content folder not found: create it, or pass --content DIR")
        return content
    listings: dict[Path, list[str]] = {}
    skip = unsafe_entries(root, problems, listings)
    reader = Reader(problems, memo, skip, listings)
    report_strays(root, reader.children(root), CONTENT_ENTRIES, problems)
    for name, model in (("organizations", Organization), ("techniques", Technique)):
        path = root / f"{name}.yaml"
        tree = read_registry(path, reader)
        content.declared[name] = set(tree.data) if tree else None
        content.digests[name] = tree.digest if tree else b""
        setattr(content, name, load_registry(path, tree, model, reader) if tree else {})
    content.glossary = load_glossary(root / "glossary.yaml", reader, content.digests)
    articles = root / "articles"
    if articles.exists() and not articles.is_dir() and articles not in skip:
        problems.add(articles, START, "articles must be a folder holding one folder per article")
    entries = reader.children(articles)
    report_strays_among_articles(entries, problems)
    folders = [f for f in entries if f.is_dir()]
    if too_many_cards(root, folders, reader):
        return content
    for folder in folders:
        if check_slug(folder, folder.name, problems):
            content.articles[folder.name] = load_article(folder, reader)
    return content


def too_many_cards(root: Path, folders: list[Path], reader: Reader) -> bool:
    count = sum(len(reader.children(folder / "claims")) for folder in folders)
    if count <= MAX_CARDS:
        return False
    reader.problems.add(root / "articles", START, f"{count:,} claim cards; the limit is {MAX_CARDS:,}: "
                                                  "split the content into several sites")
    return True


def wrong_kind(path: Path, reader: Reader, folder: bool) -> bool:
    """True (after reporting) when ``path`` exists but is a folder where a file belongs, or the
    reverse; an entry already reported as unsafe counts as handled."""
    if path in reader.skip:
        return True
    if folder and path.exists() and not path.is_dir():
        reader.problems.add(path, START, f"`{path.name}` must be a folder, but this is a file")
        return True
    if not folder and path.is_dir():
        reader.problems.add(path, START, f"`{path.name}` must be a file, but this is a folder: "
                                         "move what it holds and replace it with the file")
        return True
    return False


def check_slug(path: Path, name: str, problems: Problems) -> bool:
    if SLUG_RE.match(name):
        return True
    problems.add(path, START, f"`{ascii_visible(name)}` is not a valid id: rename it using lowercase "
                              "letters, digits and single hyphens (for example `council-vote`)")
    return False


def read_yaml(path: Path, reader: Reader) -> YamlTree | None:
    """The file's YAML tree; ``None`` (after reporting) when it cannot be read."""
    if path in reader.skip:
        return None  # already reported: a link out of the content folder, or not a regular file
    try:
        tree = reader.tree(path)
    except OSError as error:
        reader.problems.add(path, START, f"cannot read this file: {error.strerror}")
        return None
    if isinstance(tree, (TextError, YamlProblem)):
        reader.problems.add(path, tree.position, tree.message)
        return None
    return tree


def read_registry(path: Path, reader: Reader) -> YamlTree | None:
    """``organizations.yaml`` / ``techniques.yaml``: a mapping of id → entry (it may be empty)."""
    if wrong_kind(path, reader, folder=False):
        return None
    if not path.is_file():
        reader.problems.add(path, START, f"{path.name} is missing: create it (it may be empty)")
        return None
    tree = read_yaml(path, reader)
    if tree is None:
        return None
    if tree.data is None:
        return YamlTree(data={}, digest=tree.digest)
    if not isinstance(tree.data, dict):
        reader.problems.add(path, tree.value_at(()),
                            "this file must map ids to entries (`nato:` then its fields)")
        return None
    return tree if within_registry_limit(path, tree, reader.problems) else None


def within_registry_limit(path: Path, tree: YamlTree, problems: Problems) -> bool:
    """Each entry makes a page: a registry of tens of thousands would make a site of gigabytes."""
    if len(tree.data) <= MAX_REGISTRY_ENTRIES:
        return True
    problems.add(path, START, f"{len(tree.data):,} entries; the limit is {MAX_REGISTRY_ENTRIES:,} a file: "
                              "keep the entries the content refers to, or split the site")
    return False


def load_registry(path: Path, tree: YamlTree, model: type[M], reader: Reader) -> dict[str, Entry[M]]:
    entries = {}
    for key, data in tree.data.items():
        if not SLUG_RE.match(key):
            reader.problems.add(path, tree.key_at((key,)), f"`{ascii_visible(key)}` is not a valid id: use "
                                                            "lowercase letters, digits and single hyphens")
            continue
        item = reader.validate(model, data, tree, path, base=(key,))
        if item is not None:
            entries[key] = Entry(key, item, path, tree, (key,))
    return entries


def load_glossary(path: Path, reader: Reader, digests: dict[str, bytes]) -> dict[str, str]:
    if wrong_kind(path, reader, folder=False) or not path.is_file():
        return {}
    tree = read_yaml(path, reader)
    if tree is None or tree.data is None:
        return {}
    digests["glossary"] = tree.digest
    if not isinstance(tree.data, dict):
        reader.problems.add(path, tree.value_at(()), "glossary.yaml must map each term to its definition")
        return {}
    if not within_registry_limit(path, tree, reader.problems):
        return {}
    glossary = {}
    for term, definition in tree.data.items():
        if not isinstance(definition, str) or not definition.strip():
            reader.problems.add(path, tree.value_at((term,)), f"the definition of `{term}` must be text")
            continue
        glossary[term] = definition
    return glossary


def load_article(folder: Path, reader: Reader) -> ArticleFolder:
    """The article folder, read; taken whole from the memo, with its problems, when no file in it
    changed (after a save, only the edited article is read again)."""
    state = folder_state(folder, reader)
    article, found = reader.memo.reuse(("article", folder), state, lambda: recorded(
        lambda into: read_article(folder, replace(reader, problems=into), state)))
    reader.problems.replay(found)
    return article


def folder_state(folder: Path, reader: Reader) -> bytes | None:
    """What changes whenever anything in an article folder does: every entry's name, kind and file
    state, its claims included. ``None`` when something in it cannot be looked at."""
    if reader.skip and any(path.is_relative_to(folder) for path in reader.skip):
        return None  # an unsafe entry: read the folder again, and report it again
    parts = []
    try:
        for where in (folder, folder / "claims"):
            base = str(where)
            for name in reader.listings.get(where, ()):
                stat = os.stat(os.path.join(base, name))
                kind = "file" if S_ISREG(stat.st_mode) else "folder" if S_ISDIR(stat.st_mode) else "other"
                parts.append(f"{base}/{name}\0{kind}\0{stat_state(stat) if kind == 'file' else ''}")
    except OSError:
        return None
    return fingerprint(*parts)


def read_article(folder: Path, reader: Reader, state: bytes | None) -> ArticleFolder:
    article = ArticleFolder(id=folder.name, folder=folder, state=state)
    problems = reader.problems
    report_strays(folder, reader.children(folder), ARTICLE_ENTRIES, problems)
    meta_path = folder / "article.yaml"
    if wrong_kind(meta_path, reader, folder=False):
        pass  # already reported
    elif meta_path.is_file():
        article.meta, article.meta_draft = load_card(meta_path, folder.name, Article, reader)
    else:
        problems.add(meta_path, START, "article.yaml is missing: run `explainer new article "
                                       f"{folder.name}` or create it")
    text_path = folder / "original.txt"
    if wrong_kind(text_path, reader, folder=False):
        pass  # already reported
    elif text_path.is_file():
        article.original = reader.original(text_path)
    else:
        problems.add(text_path, START, "original.txt is missing: paste the article's text into it, "
                                       "one paragraph per line")
    if not wrong_kind(folder / "claims", reader, folder=True):
        article.claims, article.drafts = load_claims(folder / "claims", reader)
    return article


def read_card(path: Path, reader: Reader) -> YamlTree | None:
    """A card's YAML, when it is a non-empty mapping; otherwise ``None`` after reporting why."""
    tree = read_yaml(path, reader)
    if tree is None:
        return None
    if tree.data is None or tree.data == {}:
        reader.problems.add(path, START, "this file is empty: fill in the required fields")
        return None
    if not isinstance(tree.data, dict):
        reader.problems.add(path, tree.value_at(()), "this file must be a mapping of fields (`key: value` "
                                                     "lines), not a single value or a list")
        return None
    return tree


def load_card(path: Path, card_id: str, model: type[M], reader: Reader
              ) -> tuple[Entry[M] | None, YamlTree | None]:
    """The validated file, or, when it could be read but not validated, its tree."""
    tree = read_card(path, reader)
    if tree is None:
        return None, None
    item = reader.validate(model, tree.data, tree, path)
    return (Entry(card_id, item, path, tree), None) if item is not None else (None, tree)


def with_literal_false(tree: YamlTree) -> object:
    """The card's data, with `assessment: false` as written taken as the label `false`. YAML's other
    spellings of a yes-or-no value (`no`, `off`, `False`) are still refused, with a message."""
    data = tree.data
    if (isinstance(data, dict) and data.get("assessment") is False
            and tree.bool_spellings.get(("assessment",)) == "false"):
        return {**data, "assessment": "false"}
    return data


def load_claims(folder: Path, reader: Reader) -> tuple[dict[str, Entry[Claim]], list[tuple[Path, YamlTree]]]:
    claims: dict[str, Entry[Claim]] = {}
    drafts: list[tuple[Path, YamlTree]] = []
    seen: dict[str, Path] = {}
    problems = reader.problems
    for path in reader.children(folder):
        if path.is_dir() or path.suffix not in YAML_SUFFIXES:
            problems.add(path, START, "only claim cards (.yaml or .yml files) belong in claims/: "
                                      "move this elsewhere")
            continue
        if not check_slug(path, path.stem, problems):
            continue
        if path.stem in seen:
            problems.add(path, START, f"claim id `{path.stem}` is used twice (also {seen[path.stem].name}): "
                                      "rename or delete one")
            claims.pop(path.stem, None)
            continue
        seen[path.stem] = path
        tree = read_card(path, reader)
        if tree is None:
            continue
        card = reader.validate(Claim, with_literal_false(tree), tree, path)
        if card is not None:
            claims[path.stem] = Entry(path.stem, card, path, tree)
        else:
            drafts.append((path, tree))
    return claims, drafts
