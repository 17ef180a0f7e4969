"""The templates' stylesheets and scripts (``templates/assets/``), published under ``assets/explainer/``."""

from __future__ import annotations

from pathlib import Path

ASSET_PREFIX = "assets/explainer/"


def asset_files(templates_dir: Path) -> list[Path]:
    assets = templates_dir / "assets"
    if not assets.is_dir():
        return []
    return sorted(p for p in assets.rglob("*") if p.is_file() and not p.name.startswith("."))


def asset_path(templates_dir: Path, asset: Path) -> str:
    return ASSET_PREFIX + asset.relative_to(templates_dir / "assets").as_posix()


def published_assets(templates_dir: Path) -> dict[str, bytes]:
    """Each asset's published path and bytes."""
    return {asset_path(templates_dir, p): p.read_bytes() for p in asset_files(templates_dir)}


def stylesheets(templates_dir: Path) -> list[str]:
    return [asset_path(templates_dir, p) for p in asset_files(templates_dir) if p.suffix == ".css"]


def scripts(templates_dir: Path) -> list[str]:
    return [asset_path(templates_dir, p) for p in asset_files(templates_dir) if p.suffix == ".js"]
