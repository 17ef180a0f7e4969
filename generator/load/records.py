"""What reading each file gave, kept between the builds of one ``mkdocs serve`` session.

Parsing and validating are most of loading's time, and a save changes one file: a file whose text is
unchanged gives back the same tree and the same model, and reports its problems again from the
record, so a rebuild's result is exactly a fresh build's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from generator.load.validate import validate
from generator.load.yaml_tree import Loc, YamlProblem, YamlTree, parse_yaml
from generator.problems import Problem, Problems

M = TypeVar("M", bound=BaseModel)


@dataclass
class FileRecords:
    trees: dict[Path, tuple[str, YamlTree | YamlProblem | None]] = field(default_factory=dict)
    models: dict[tuple[Path, type, Loc], tuple[YamlTree, Any, list[Problem]]] = field(default_factory=dict)
    seen: set[Path] = field(default_factory=set)  # files read by the build under way

    def forget_unseen(self) -> None:
        """At the end of a build: drop the records of files it did not read (deleted or renamed)."""
        self.trees = {path: kept for path, kept in self.trees.items() if path in self.seen}
        self.models = {key: kept for key, kept in self.models.items() if key[0] in self.seen}
        self.seen = set()

    def parse(self, path: Path, text: str) -> YamlTree | None:
        self.seen.add(path)
        kept = self.trees.get(path)
        if kept is not None and kept[0] == text:
            outcome = kept[1]
        else:
            try:
                outcome = parse_yaml(text)
            except YamlProblem as problem:
                outcome = problem
            self.trees[path] = (text, outcome)
        if isinstance(outcome, YamlProblem):
            raise outcome.with_traceback(None)
        return outcome

    def validate(self, model: type[M], data: Any, tree: YamlTree, path: Path, problems: Problems,
                 base: Loc = ()) -> M | None:
        key = (path, model, base)
        kept = self.models.get(key)
        if kept is None or kept[0] is not tree:
            found = Problems()
            kept = (tree, validate(model, data, tree, path, found, base), list(found))
            self.models[key] = kept
        problems.extend(kept[2])
        return kept[1]
