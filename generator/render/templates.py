"""Where the templates come from: the site's own folder, then the defaults installed with the
generator. A template or asset in the site's folder replaces the default of the same name; a site
without the folder uses the defaults alone.
"""

from __future__ import annotations

import difflib
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from generator.memo import files_under

ASSET_PREFIX = "assets/explainer/"  # where the templates' ``assets/`` are published


def packaged_folder(package: str) -> Path:
    """The folder of one of the generator's data packages, without importing it (no bytecode is
    written among the templates). The wheel installs it inside ``generator/``; an editable install
    maps it to the top-level folder it is made from."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"{package} is not installed: reinstall the generator")
    return Path(next(iter(spec.submodule_search_locations)))


def default_templates() -> Path:
    return packaged_folder("generator.templates")


@dataclass(frozen=True)
class TemplateFolders:
    """The site's folder (which may be missing), then the packaged defaults."""

    own: Path
    defaults: Path = field(default_factory=default_templates)

    @property
    def folders(self) -> tuple[Path, ...]:
        if self.own.resolve() == self.defaults.resolve():  # the generator's own example site
            return (self.defaults,)
        return (self.own, self.defaults)

    def loader(self) -> jinja2.FileSystemLoader:
        return jinja2.FileSystemLoader([str(folder) for folder in self.folders])

    def files(self) -> list[Path]:
        """Every file a page may be made from, for the fingerprint of the templates."""
        return files_under(*self.folders)

    def path_of(self, template: str) -> Path:
        """The file that provides ``template``: the site's own if it has one."""
        for folder in self.folders:
            if (folder / template).is_file():
                return folder / template
        return self.own / template  # an absolute template path stays absolute

    def misnamed(self) -> dict[Path, str]:
        """The site's page templates that replace nothing, each with the default it was likely
        meant to replace (``article.html`` for ``articles.html``). Others may be the site's own
        partials, which it includes itself."""
        if len(self.folders) < 2 or not self.own.is_dir():
            return {}
        defaults = sorted(path.name for path in self.defaults.glob("*.html"))
        found = {}
        for path in sorted(self.own.glob("*.html")):
            if path.name not in defaults:
                close = difflib.get_close_matches(path.name, defaults, n=1, cutoff=0.8)
                if close:
                    found[path] = close[0]
        return found

    def assets(self) -> dict[str, Path]:
        """Each published asset's path and the file it comes from, the site's own first."""
        found: dict[str, Path] = {}
        for folder in self.folders:
            assets = folder / "assets"
            if assets.is_dir():
                for path in sorted(assets.rglob("*")):
                    if path.is_file() and not path.name.startswith("."):
                        found.setdefault(ASSET_PREFIX + path.relative_to(assets).as_posix(), path)
        return dict(sorted(found.items()))
