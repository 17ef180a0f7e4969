"""Load: content files → typed models, with the file, line and column of every value."""

from generator.load.content import Content, load_content

__all__ = ["Content", "load_content"]
