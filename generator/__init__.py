"""Claim cards beside the original text: the explainer generator.

The pipeline is visible in the package layout:
``load`` (files → typed models with positions) → ``resolve`` (cross-references, quote anchors)
→ ``render`` (Jinja templates → ``{url: page}``) → ``adapters`` (MkDocs plugin, command line).
"""

__version__ = "0.2.0"
# The name to install it by; the distribution `explainer` on PyPI is another project.
DISTRIBUTION = "mkdocs-explainer"
