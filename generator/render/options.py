"""What a site's settings change in its pages: its name and address, where corrections are
suggested, the Markdown extensions card fields are rendered with, and the interface's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.render.urls import Links


@dataclass(frozen=True)
class RenderOptions:
    site_name: str = "Explainer"
    site_url: str = ""
    repository: str = ""  # https://github.com/<owner>/<repo>: "Suggest a correction" opens an issue there
    markdown_extensions: tuple[str, ...] = ()
    markdown_configs: dict[str, Any] = field(default_factory=dict)
    links: Links = field(default_factory=Links)  # as folders, or as files for an offline copy
    language: str = "en"  # the interface's language: the theme's `language`
