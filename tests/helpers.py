"""Shared test helpers: small content trees written on the fly, the example project, builds, and
real ``mkdocs`` and ``explainer`` runs."""

from __future__ import annotations

import os
import random
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.adapters.mkdocs_site import page_source, source_files
from generator.memo import Memo
from generator.pipeline import Build, build_site, check
from generator.problems import Problems
from generator.render import RenderOptions
from generator.render.templates import TemplateFolders

REPO = Path(__file__).resolve().parent.parent
# What `explainer new site` writes.
NEW_SITE_FILES = {
    ".github/ISSUE_TEMPLATE/correction.yml", ".github/workflows/check.yml",
    ".github/workflows/links.yml", ".github/workflows/publish.yml", ".gitignore",
    ".pre-commit-config.yaml", ".vscode/settings.json", "README.md", "content/glossary.yaml",
    "content/organizations.yaml", "content/techniques.yaml", "docs/about/corrections-policy.md",
    "docs/about/how-to-read.md", "docs/about/methodology.md", "docs/about/who-we-are.md",
    "docs/index.md", "mkdocs.yml", "requirements.txt", "schema/article.schema.json",
    "schema/claim.schema.json", "schema/glossary.schema.json", "schema/organizations.schema.json",
    "schema/techniques.schema.json",
}
# Words of the example site (its article, parties and pages) that a site of one's own must not carry.
EXAMPLE_TRACES = re.compile(r"idlib|lavrov|syria|russia|zerohedge|nato|opcw|chemical|"
                            r"this site is an example|prophecyupdate", re.IGNORECASE)
EXAMPLE_CONTENT = REPO / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

MINIMAL_ORGS = """\
acme:
  name: Acme News
  kind: news-outlet
  about: A news outlet.
"""
MINIMAL_TECHNIQUES = """\
loaded-language:
  name: Loaded language
  summary: Words chosen for feeling.
  ask: What would this say in neutral words?
"""
MINIMAL_ARTICLE = """\
title: A test article
publisher: acme
url: https://example.org/article
published: 2018-08-29
summary: A summary.
"""
MINIMAL_CLAIM = """\
claim: Something was said.
claimant:
  name: Someone
quote: first paragraph
context: Some context.
"""


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, body in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(textwrap.dedent(body) if body.startswith("\n") else body, encoding="utf-8")
    return root


def minimal_content(root: Path, **overrides: str | bytes | None) -> Path:
    """A valid content tree with one article and one claim; ``overrides`` replace or drop files."""
    files: dict[str, str | bytes | None] = {
        "organizations.yaml": MINIMAL_ORGS,
        "techniques.yaml": MINIMAL_TECHNIQUES,
        "articles/a/article.yaml": MINIMAL_ARTICLE,
        "articles/a/original.txt": "The first paragraph is here.\nThe second paragraph follows.\n",
        "articles/a/claims/c.yaml": MINIMAL_CLAIM,
    }
    for name, body in overrides.items():
        files[name.replace("__", "/").replace("_DOT_", ".")] = body
    write_tree(root, {k: v for k, v in files.items() if v is not None})
    return root


def long_paragraph(words: int, seed: int = 1) -> str:
    """A paragraph of ``words`` distinct words, the same for the same arguments."""
    rng = random.Random(seed)
    return " ".join(f"{rng.choice(('alpha', 'beta', 'gamma', 'delta'))}{i}" for i in range(words))


def cards_quoting(paragraph: str, count: int) -> dict[str, str | None]:
    """``minimal_content`` overrides: ``count`` cards quoting four words each, spread over the
    paragraph, in place of the minimal card."""
    words = paragraph.split(" ")
    cards: dict[str, str | None] = {"articles__a__claims__c_DOT_yaml": None}
    for i in range(count):
        quote = " ".join(words[i * (len(words) // count) + 5:][:4])
        cards[f"articles__a__claims__c{i}_DOT_yaml"] = MINIMAL_CLAIM.replace("quote: first paragraph",
                                                                             f"quote: {quote}")
    return cards


def problem_lines(content: Path) -> list[str]:
    """What ``explainer check`` prints, paths relative to the content folder's parent."""
    result = check(content, Memo.one_shot())
    assert isinstance(result.problems, Problems)
    return result.problems.lines(relative_to=content.parent)


def mkdocs(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def explainer(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(condition, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@contextmanager
def mkdocs_serve(project: Path, log: Path) -> Iterator[str]:
    """A real ``mkdocs serve`` of ``project`` on a free loopback port, printing into ``log``; yields
    its base URL."""
    port = free_port()
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=10)


def edit_config(site: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in the site's mkdocs.yml, which must hold it."""
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")


def make_project(root: Path, content: Path | None = None, own_templates: bool = False) -> Path:
    """A site project like the repository's, with ``content`` (default: the example). With
    ``own_templates``, a ``templates/`` folder holding a copy of every default template, each of
    which then replaces the packaged one."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "docs", root / "docs")
    if own_templates:
        shutil.copytree(REPO / "templates", root / "templates", ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(content or EXAMPLE_CONTENT, root / "content")
    return root


def build(content: Path, options: RenderOptions | None = None, templates: Path = REPO / "templates") -> Build:
    """A one-shot build of ``content`` with the repository's templates."""
    return build_site(content, TemplateFolders(templates), options or RenderOptions(), Memo.one_shot(), page_source)


def generated_files(content: Path, options: RenderOptions | None = None,
                    templates: Path = REPO / "templates") -> dict[str, str | bytes]:
    """Every file a one-shot build generates under ``docs/``, as the plugin and export write them."""
    return source_files(build(content, options, templates))
