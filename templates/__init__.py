"""The generator's default templates and their assets, installed as ``generator.templates``.

A site's own ``templates_dir`` replaces any of them by name. This file only makes the folder a
package, so that both the wheel and an editable install find it (``generator/render/templates.py``).
"""
