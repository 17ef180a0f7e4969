"""Render: Jinja templates in ``templates/`` turn the resolved site into pages and data files."""

from generator.render.pages import Rendered, RenderOptions, TemplateProblem, render_site

__all__ = ["RenderOptions", "Rendered", "TemplateProblem", "render_site"]
