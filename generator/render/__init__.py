"""Render: Jinja templates in ``templates/`` turn the resolved site into pages and data files."""

from generator.render.options import RenderOptions
from generator.render.pages import PageWriter, Rendered, RenderedPage, TemplateProblem, render_site

__all__ = ["PageWriter", "RenderOptions", "Rendered", "RenderedPage", "TemplateProblem", "render_site"]
