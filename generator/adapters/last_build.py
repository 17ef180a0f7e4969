"""Under ``mkdocs serve``, generated pages whose Markdown is unchanged are not built again.

MkDocs rebuilds the whole site on every save: seconds for a thousand pages. The plugin marks a
generated page whose text and surroundings are unchanged as excluded from the build, and the HTML
the last build made of it is put back afterwards. Before MkDocs cleans the served folder, the
folders holding generated pages are moved aside into a hidden folder (MkDocs' clean step spares
names that start with a dot, and ``mkdocs serve`` deletes the whole folder when it stops); after
the build, the pages built this time are moved into them and they are moved back. Each step costs
one rename per changed page, not one per page.

A change to anything outside ``content/`` (mkdocs.yml, ``docs/``, the templates, the theme
overrides) rebuilds every page.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import jinja2

from generator.memo import files_under

ASIDE = ".explainer-last-build"
SEARCH_INDEX = Path("search/search_index.json")
MATERIAL_JSON: dict = {"separators": (",", ":"), "default": str}  # how Material writes its index


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates compiled once per ``mkdocs serve`` session instead of once per rebuild
    (MkDocs makes a new Jinja environment each time). Each template keeps the code of its current
    source only, so an edited template is compiled again and nothing piles up."""

    def __init__(self) -> None:
        self.code: dict[str, tuple[str, object]] = {}  # template key → (source checksum, code)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        checksum, code = self.code.get(bucket.key, ("", None))
        bucket.code = code if checksum == bucket.checksum else None

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = (bucket.checksum, bucket.code)


class LastBuild:
    """The previous build's generated pages: the Markdown each was built from, and its HTML."""

    def __init__(self) -> None:
        self.surroundings = b""
        self.aside: set[str] = set()  # top-level folders moved aside before this build
        # Page dest path → its Markdown: the very strings the memo keeps, so nothing is held twice.
        self.sources: dict[str, str] = {}
        self.search_docs: dict[str, list[dict]] = {}  # page URL → its search index entries

    def forget(self, site_dir: Path) -> None:
        self.__init__()
        shutil.rmtree(site_dir / ASIDE, ignore_errors=True)

    def set_aside(self, site_dir: Path, surroundings: bytes) -> None:
        """Before MkDocs cleans ``site_dir``: move the generated pages' folders out of its way."""
        if surroundings != self.surroundings:
            self.forget(site_dir)
            return
        self.aside = set()
        for top in tops(self.sources):
            aside = site_dir / ASIDE / top
            shutil.rmtree(aside, ignore_errors=True)
            if (site_dir / top).is_dir():
                aside.parent.mkdir(parents=True, exist_ok=True)
                os.replace(site_dir / top, aside)
                self.aside.add(top)

    def reusable(self, dest: str, text: str) -> bool:
        """Whether the last build made this page from the same Markdown (its HTML is set aside). A
        page taken from the memo is the same string, which compares at once."""
        return self.sources.get(dest) == text and dest.split("/", 1)[0] in self.aside

    def restore(self, site_dir: Path, surroundings: bytes, pages: dict[str, str], page_urls: list[str],
                reused: set[str]) -> None:
        """After the build: the pages built now join the ones set aside, which move back in place.
        ``pages`` maps every generated page's dest path to its Markdown."""
        gone = self.sources.keys() - pages.keys()
        for top in tops(pages):
            aside = site_dir / ASIDE / top
            if not aside.is_dir():
                continue
            built = site_dir / top
            if built.is_dir():
                for path in files_under(built):
                    target = aside / path.relative_to(built)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(path, target)
                shutil.rmtree(built)
            for dest in gone:
                if dest.startswith(top + "/"):
                    (site_dir / ASIDE / dest).unlink(missing_ok=True)
            os.replace(aside, built)
        self.surroundings = surroundings
        self.sources = pages
        self.merge_search_index(site_dir, {url_of(dest) for dest in reused}, page_urls)

    def merge_search_index(self, site_dir: Path, reused_urls: set[str], page_urls: list[str]) -> None:
        """The search plugin indexed only the pages built this time; the reused ones keep their
        entries, kept encoded so that the whole index (29 MB at 1,000 articles) is joined, not
        encoded again. Encoded as Material encodes it, so the bytes are a fresh build's; an index
        written some other way is read and written whole."""
        path = site_dir / SEARCH_INDEX
        if not path.is_file():
            return
        text = path.read_text(encoding="utf-8")
        index = json.loads(text)
        encoded: dict[str, list[str]] = {}  # page URL → its entries, encoded
        for doc in index.get("docs", []):
            encoded.setdefault(doc["location"].split("#")[0], []).append(json.dumps(doc, **MATERIAL_JSON))
        if reused_urls:
            encoded.update({url: self.search_docs.get(url, []) for url in reused_urls})
            docs = ",".join(entry for url in page_urls for entry in encoded.get(url, []))
            if list(index) == ["config", "docs"] and json.dumps(index, **MATERIAL_JSON) == text:
                text = '{"config":' + json.dumps(index["config"], **MATERIAL_JSON) + ',"docs":[' + docs + "]}"
            else:
                text = json.dumps({**index, "docs": json.loads("[" + docs + "]")}, ensure_ascii=False,
                                  separators=(",", ":"))
            path.write_text(text, encoding="utf-8")
        self.search_docs = encoded


def tops(dest_paths: Iterable[str]) -> set[str]:
    """The top-level folders holding these pages."""
    return {dest.split("/", 1)[0] for dest in dest_paths if "/" in dest}


def url_of(dest: str) -> str:
    """The URL of a page written to ``dest`` (``a/b/index.html`` → ``a/b/``)."""
    return dest[: -len("index.html")] if dest.endswith("index.html") else dest
