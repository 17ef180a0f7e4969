"""The bad-input corpus: each folder under ``tests/corpus/`` lays its files over a small valid content
tree, and ``expected.txt`` holds the exact lines ``explainer check`` must print (empty: accepted).

Add a case by adding a folder; write its ``expected.txt`` only after reading the output by eye.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import minimal_content, problem_lines

CORPUS = Path(__file__).resolve().parent / "corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def run_case(case: str, tmp_path: Path) -> list[str]:
    content = minimal_content(tmp_path / "content")
    shutil.copytree(CORPUS / case / "content", content, dirs_exist_ok=True)
    return problem_lines(content)


@pytest.mark.parametrize("case", CASES)
def test_corpus_case(case: str, tmp_path: Path) -> None:
    expected = (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert run_case(case, tmp_path) == expected


def test_corpus_has_at_least_forty_cases() -> None:
    assert len(CASES) >= 40
