"""Settings of ``mkdocs.yml`` that make every page of a Material site call another host.

A student's page must make no third-party request: the plugin stops a build that would (and
``explainer export`` refuses to write one) with a line naming the setting and the fix, unless the
site's owner sets the plugin's ``allow_third_party_requests: true``. Shared by the plugin and
export, so it reads plain values and imports nothing of MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.adapters.config_file import ConfigPlaces
from generator.problems import Problem

ALLOW_OPTION = "allow_third_party_requests"
ALLOW_HINT = f"(or set `{ALLOW_OPTION}: true` under the explainer plugin to allow it)"


def third_party_requests(theme: Mapping[str, Any] | None, repo_url: Any, extra: Any,
                         plugins: Collection[str]) -> list[tuple[tuple[str, ...], str]]:
    """Each offending setting, as its keys in ``mkdocs.yml`` and what to do about it. ``theme`` is
    the theme's settings as Material sees them: a missing ``font`` means Material's default,
    Roboto from Google Fonts."""
    if not theme or theme.get("name") != "material":
        return []
    found: list[tuple[tuple[str, ...], str]] = []
    # Material's own privacy plugin downloads the fonts at build time and serves them from the site.
    own_privacy = any(name in ("privacy", "material/privacy") for name in plugins)
    if theme.get("font", {"text": "Roboto"}) is not False and not own_privacy:
        found.append((("theme", "font"), "every page would load its fonts from Google Fonts: set "
                      "`font: false` under `theme:`, and the reader's own fonts are used"))
    if repo_url:
        found.append((("repo_url",), "every page would call the GitHub API (api.github.com) for the "
                      "repository's stars: remove `repo_url` and give the address under `extra:` as "
                      "`repository:`, where the \"Suggest a correction\" links find it"))
    if isinstance(extra, Mapping) and extra.get("analytics"):
        found.append((("extra", "analytics"), "every page would report the visit to an analytics "
                      "service: remove `analytics` under `extra:`"))
    return found


def privacy_problems(config_file: Path, theme: Mapping[str, Any] | None, repo_url: Any, extra: Any,
                     plugins: Collection[str]) -> list[Problem]:
    """``third_party_requests`` as problems placed on ``mkdocs.yml``'s lines."""
    found = third_party_requests(theme, repo_url, extra, plugins)
    if not found:
        return []
    places = ConfigPlaces.of(config_file)
    return [Problem(config_file, places.nearest(*keys), f"{message} {ALLOW_HINT}") for keys, message in found]


def site_url_mistake(site_url: str) -> str | None:
    """Why ``site_url`` cannot begin the site's absolute addresses (open data, feed, ClaimReview),
    or None. Read with the settings that decide what a page exposes to other hosts."""
    if not site_url:
        return None
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "`site_url` must be the site's web address, like https://example.org/explainer/"
    if parts.query or parts.fragment or "?" in site_url or "#" in site_url:
        return ("`site_url` must not hold a query (`?`) or a fragment (`#`): every address of the site "
                "starts with it; give the site's address only")
    if re.search(r"\s", site_url):
        return "`site_url` holds a space: write it as %20, or remove it"
    return None
