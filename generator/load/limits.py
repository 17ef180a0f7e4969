"""Bounds on what a content tree may hold, so no input can hang the build or exhaust memory.

Cards arrive from strangers' pull requests; every limit below fails with a clear line instead. They
are far above what an honest article needs (the largest example card is under 5 KB).
"""

from __future__ import annotations

MAX_YAML_BYTES = 2_000_000  # one YAML file (organizations.yaml can list hundreds of bodies)
MAX_TEXT_BYTES = 2_000_000  # one original.txt
MAX_DEPTH = 16  # nesting of mappings and lists in one file; cards need 4
MAX_STRING = 20_000  # characters in one text value
MAX_CARDS = 50_000  # claim cards in the whole content tree
MAX_REGISTRY_ENTRIES = 5_000  # organizations, techniques or glossary terms in one file (each makes a page)
MAX_MATCHES = 10_000  # quote matches kept while anchoring one card
# Markdown's work grows faster than its text with these (a run of 20,000 `[` took 70 s; 800
# definitions overflowed its recursion): one Markdown field may hold at most
MAX_MARKDOWN_BRACKETS = 200  # `[` characters
MAX_MARKDOWN_DEFINITIONS = 100  # definition-list lines (`: ...`)
MAX_MARKDOWN_NESTING = 8  # levels of block quotes, lists and indentation
MAX_MARKDOWN_FENCES = 20  # code-fence lines (each block takes two; highlighting one is costly)


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
