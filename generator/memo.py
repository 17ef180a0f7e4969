"""One place for everything a build may reuse from the build before it.

Every build runs with a ``Memo``: the same one across the rebuilds of a preview, a fresh
``Memo.one_shot()`` for a run that builds once (``explainer check``, a full site build). A result is
kept under a key (what it is: a file's parse, a card's quote search, a page) with the fingerprint of
what it was made from; a later request gets it back only when the fingerprint is the same, so a
rebuild's result is exactly a fresh build's. A one-shot memo keeps only what its build asks for
again (a Markdown field shown on several pages): holding the rest would only hold memory.

What a build did not ask for is dropped when the next build starts (a deleted card's results, a
page's earlier version), so the memo holds at most what the last two builds used, and each build's
worth is bounded by the content limits (``load/limits.py``).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def fingerprint(*parts: bytes | str) -> bytes:
    """A short fingerprint of some texts and fingerprints, in order. Parts are joined with NUL,
    which ids and digests never hold, so different lists of parts never give the same input."""
    data = b"\0".join(part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
                      for part in parts)
    return hashlib.blake2b(data, digest_size=16).digest()


def files_fingerprint(paths: Iterable[Path], *extra: str) -> bytes:
    """Of some settings and of the named files' paths and bytes (a missing file counts as empty)."""
    digest = hashlib.blake2b(digest_size=16)
    for part in extra:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for path in paths:
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.digest()


def files_under(*folders: Path) -> list[Path]:
    """Every file under these folders, in a fixed order."""
    return sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file())


class Memo:
    """Results kept from build to build, each under a key with the fingerprint of its inputs."""

    def __init__(self, lasting: bool = True) -> None:
        self.lasting = lasting
        self._previous: dict[Hashable, tuple[bytes, Any]] = {}  # what the last build used
        self._current: dict[Hashable, tuple[bytes, Any]] = {}  # what this build has used so far
        self.made: Counter[str] = Counter()  # results made (not reused) by this build, by kind

    @classmethod
    def one_shot(cls) -> Memo:
        return cls(lasting=False)

    def start_build(self) -> None:
        """Keep only what the last build used: results for deleted or renamed files go."""
        if self._current:
            self._previous, self._current = self._current, {}
        self.made = Counter()

    def reuse(self, key: tuple[str, Hashable, ...] | tuple[str], fingerprint: bytes | None,
              make: Callable[[], T], *, repeated: bool = False) -> T:
        """The result kept under ``key`` if it was made from inputs with this ``fingerprint``;
        otherwise ``make()``, kept for next time. A ``None`` fingerprint (inputs that cannot be
        known before making) always makes. An exception from ``make`` keeps nothing. ``repeated``:
        the same build may ask again, so even a one-shot memo keeps it."""
        if fingerprint is None or not (self.lasting or repeated):
            self.made[key[0]] += 1
            return make()
        kept = self._current.get(key) or self._previous.get(key)
        if kept is None or kept[0] != fingerprint:
            kept = (fingerprint, make())
            self.made[key[0]] += 1
        self._current[key] = kept
        return kept[1]

    def kept(self) -> set[Hashable]:
        """The keys of every result kept: what this build and the last one used."""
        return self._current.keys() | self._previous.keys()
