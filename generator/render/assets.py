"""The templates' stylesheets and scripts (``templates/assets/``), published under ``assets/explainer/``."""

from __future__ import annotations

from generator.render.templates import ASSET_PREFIX, TemplateFolders

__all__ = ["ASSET_PREFIX", "published_assets", "scripts", "stylesheets"]


def published_assets(templates: TemplateFolders) -> dict[str, bytes]:
    """Each asset's published path and bytes."""
    return {published: path.read_bytes() for published, path in templates.assets().items()}


def stylesheets(templates: TemplateFolders) -> list[str]:
    return [published for published in templates.assets() if published.endswith(".css")]


# Scripts a page loads itself, where it needs them (the reading page's margin, where its text ends).
PAGE_SCRIPTS = frozenset({ASSET_PREFIX + "margin.js"})


def scripts(templates: TemplateFolders) -> list[str]:
    """The scripts every page loads."""
    return [published for published in templates.assets()
            if published.endswith(".js") and published not in PAGE_SCRIPTS]
