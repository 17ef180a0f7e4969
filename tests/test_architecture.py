"""The shape of the code: each stage knows only its own room, and the modules import one another
without cycles."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from helpers import REPO

PACKAGE = REPO / "generator"


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """The generator modules a module imports, those imported only for type checkers included: a
    cycle hidden behind ``TYPE_CHECKING`` still ties the two modules together."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("generator"))
    return found


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph = {name: {m for m in imports_of(path) if m in modules} for name, path in modules.items()}
    # Importing generator.x.y runs generator/x/__init__.py first; a module's own packages are
    # already running when it is imported (``from generator.render import urls`` inside
    # generator.render.pages needs only urls).
    for name in list(graph):
        graph[name] |= {parent for m in graph[name] for parent in parents(m) if parent in modules}
        graph[name] -= {name, *parents(name + ".x")}
    return graph


def parents(module: str) -> list[str]:
    parts = module.split(".")
    return [".".join(parts[:i]) for i in range(2, len(parts))]


def cycle_in(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = 1
        stack.append(name)
        for other in sorted(graph[name]):
            if state.get(other) == 1:
                return [*stack[stack.index(other):], other]
            if other not in state and (found := visit(other)):
                return found
        stack.pop()
        state[name] = 2
        return None

    for name in sorted(graph):
        if name not in state and (found := visit(name)):
            return found
    return None


def test_no_module_imports_itself_round_a_cycle() -> None:
    assert cycle_in(import_graph()) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycle_in({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_render_resolve_and_load_never_mention_mkdocs_or_material() -> None:
    """Those stages know content, Jinja, Markdown and our pages; the site generator and its theme
    belong to the adapters."""
    mentions = [f"{path.relative_to(REPO)}:{number}"
                for room in ("load", "resolve", "render") for path in sorted((PACKAGE / room).rglob("*.py"))
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                if re.search(r"mkdocs|material", line, re.IGNORECASE)]
    assert mentions == []


def test_only_the_plugin_imports_mkdocs() -> None:
    importers = sorted(module_name(path) for path in PACKAGE.rglob("*.py")
                       if re.search(r"^\s*(from|import) mkdocs\b", path.read_text(encoding="utf-8"), re.MULTILINE))
    assert importers == ["generator.adapters.plugin"]
