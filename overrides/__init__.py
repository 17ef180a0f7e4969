"""The Material for MkDocs overrides the generated pages rely on, installed as ``generator.overrides``.

The plugin puts this folder in the theme's search path, after the site's own ``custom_dir``
(``generator/adapters/mkdocs_site.py``). This file only makes the folder a package.
"""
