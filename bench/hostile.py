"""Pathological content, one row each: what hostile input costs `explainer check` and a build.

Each case is within the documented limits (or just over one, where it must be refused quickly); the
row shows the seconds `check` takes, whether it accepts the content, and, for accepted content, the
seconds and bytes of a full `mkdocs build`. Cases are counted in the text itself, so the same input
always costs the same work.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from generator.load import limits

from helpers import MINIMAL_CLAIM, cards_quoting, long_paragraph, make_project, minimal_content

ENV_KEYS = {"NO_MKDOCS_2_WARNING": "1"}


def card(field: str) -> str:
    return MINIMAL_CLAIM + f"analysis: {field}\n"


def near_misses(paragraph: str, cards: int) -> dict[str, str | None]:
    found: dict[str, str | None] = {"articles__a__claims__c_DOT_yaml": None}
    for i in range(cards):
        found[f"articles__a__claims__m{i}_DOT_yaml"] = MINIMAL_CLAIM.replace(
            "quote: first paragraph", f'quote: "{paragraph[i * 120:i * 120 + 290]}X"')
    return found


def cases(smoke: bool) -> dict[str, dict[str, str | None]]:
    scale = 10 if smoke else 1
    long_text = long_paragraph(110_000 // scale)
    mid_text = long_paragraph(1_400)
    return {
        "`[` x 200 in a field (the limit)": {"articles__a__claims__c_DOT_yaml": card('"' + "[" * 200 + '"')},
        "`[` x 20,000 in a field (refused)": {
            "articles__a__claims__c_DOT_yaml": card('"' + "[" * 20_000 + '"')},
        "100 definition lines (the limit)": {
            "articles__a__claims__c_DOT_yaml": MINIMAL_CLAIM + "analysis: |\n" + "  a\n  : b\n" * 100},
        "800 definition lines (refused)": {
            "articles__a__claims__c_DOT_yaml": MINIMAL_CLAIM + "analysis: |\n" + "  a\n  : b\n" * 800},
        "20 code-fence lines (the limit)": {
            "articles__a__claims__c_DOT_yaml": MINIMAL_CLAIM + "analysis: |\n" + "  ~~~\n  x\n  ~~~\n" * 10},
        "`- ` x 900 on one line (refused)": {
            "articles__a__claims__c_DOT_yaml": card('"' + "- " * 900 + 'x"')},
        f"{100 // scale} near-miss 290-character quotes": {
            "articles__a__original_DOT_txt": mid_text + "\n", **near_misses(mid_text, 100 // scale)},
        f"{len(long_text) // 1000} KB paragraph, {100 // scale} cards": {
            "articles__a__original_DOT_txt": long_text + "\n", **cards_quoting(long_text, 100 // scale)},
    }


def run(command: list[str], cwd: Path) -> tuple[float, int]:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env={**os.environ, **ENV_KEYS}, capture_output=True)
    return time.perf_counter() - started, result.returncode


def measure(workdir: Path, smoke: bool) -> list[dict]:
    rows = []
    for index, (name, files) in enumerate(cases(smoke).items()):
        root = workdir / f"hostile-{index}"
        project = make_project(root / "project", minimal_content(root / "content", **files))
        check_s, status = run([sys.executable, "-m", "generator", "check"], project)
        row = {"case": name, "check_s": round(check_s, 2), "accepted": status == 0}
        if status == 0:
            build_s, _ = run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"], project)
            row["build_s"] = round(build_s, 1)
            row["site_bytes"] = sum(p.stat().st_size for p in (project / "site").rglob("*") if p.is_file())
        rows.append(row)
        shutil.rmtree(root)
    return rows


COLUMNS = [("case", "hostile case"), ("accepted", "check accepts"), ("check_s", "check s"),
           ("build_s", "build s"), ("site_bytes", "site B")]


def table(rows: list[dict]) -> str:
    head = "| " + " | ".join(label for _, label in COLUMNS) + " |"
    rule = "|" + "---|" * len(COLUMNS)
    body = ["| " + " | ".join(str(r.get(key, "-")) for key, _ in COLUMNS) + " |" for r in rows]
    return "\n".join([head, rule, *body])


assert limits.MAX_MARKDOWN_BRACKETS == 200 and limits.MAX_MARKDOWN_DEFINITIONS == 100  # the cases' names
