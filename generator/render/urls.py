"""The site's URLs, as the contract fixes them, and relative links between them.

Every link is written relative to the page it appears on, so the site works under any base path.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass, field


def articles_url() -> str:
    return "/articles/"


def article_url(article_id: str) -> str:
    return f"/articles/{article_id}/"


def exercise_url(article_id: str) -> str:
    return f"/articles/{article_id}/exercise/"


def teacher_url(article_id: str) -> str:
    return f"/articles/{article_id}/teacher/"


def claim_url(article_id: str, claim_id: str) -> str:
    return f"/articles/{article_id}/claims/{claim_id}/"


def organizations_url() -> str:
    return "/organizations/"


def organization_url(org_id: str) -> str:
    return f"/organizations/{org_id}/"


def techniques_url() -> str:
    return "/techniques/"


def technique_url(technique_id: str) -> str:
    return f"/techniques/{technique_id}/"


def glossary_url() -> str:
    return "/glossary/"


def corrections_url() -> str:
    return "/corrections/"


def root_from(url: str) -> str:
    """The relative path from the page at ``url`` back to the site root (``../../``)."""
    depth = url.strip("/").count("/") + 1 if url.strip("/") else 0
    if not url.endswith("/"):
        depth -= 1
    return "../" * depth or "./"


@functools.lru_cache(maxsize=65536)
def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both site-absolute)."""
    base = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    path, _, fragment = to_url.partition("#")
    link = posixpath.relpath(path, base)
    if path.endswith("/") and link != ".":
        link += "/"
    if link == ".":
        link = "" if fragment else "./"
    return link + (f"#{fragment}" if fragment else "")


@dataclass(frozen=True)
class Links:
    """How the pages link to each other. As folders (``../b/``), the default; or, for a copy opened
    from a folder (``file://``), as the files the pages are written to: ``../b/index.html`` for a
    generated page, ``../../about/methodology.html`` for a hand-written one, which ``written``
    lists (its folder URL → its file URL)."""

    file_urls: bool = False
    written: tuple[tuple[str, str], ...] = ()
    _files: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._files.update(self.written)

    def target(self, url: str) -> str:
        """The site path a link to the page at ``url`` (as the contract writes it) points at."""
        if not self.file_urls:
            return url
        path, hash_, fragment = url.partition("#")
        path = self._files.get(path) or (path + "index.html" if path.endswith("/") else path)
        return path + hash_ + fragment

    def href(self, from_url: str, to_url: str) -> str:
        """A link from the page at ``from_url`` to ``to_url``, both site-absolute."""
        return relative(from_url, self.target(to_url))


def absolute(site_url: str, url: str) -> str:
    """The full address of ``url`` when the site's address is known, else the site path."""
    if not site_url:
        return url
    return site_url.rstrip("/") + url
