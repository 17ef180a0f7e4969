"""Render: Jinja templates in ``templates/`` turn the resolved site into pages and data files."""

from generator.render.pages import RenderOptions, TemplateProblem, render_site

__all__ = ["RenderOptions", "TemplateProblem", "render_site"]
