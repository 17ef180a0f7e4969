"""The author's loop as the README tells it: scaffold, write, break, read the error, fix, build."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
from pathlib import Path

import yaml

from helpers import REPO, explainer, make_project, mkdocs

TEXT = "The mayor said the bridge would open in May.\nCritics said the budget had doubled.\n"


def fill(path: Path, replacements: dict[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def test_write_your_first_card_walkthrough(tmp_path: Path) -> None:
    project = make_project(tmp_path / "site")
    assert explainer("new", "article", "bridge-story", cwd=project).returncode == 0
    folder = project / "content/articles/bridge-story"
    (folder / "original.txt").write_text(TEXT, encoding="utf-8")
    fill(folder / "article.yaml", {
        '"[A descriptive title, or the headline exactly as published]"': "Bridge to open in May",
        "publisher: publisher-id": "publisher: reuters",
        "https://example.org/where-the-text-was-published": "https://example.org/bridge",
    })
    assert explainer("new", "claim", "bridge-story", "open-in-may", cwd=project).returncode == 0
    card = folder / "claims/open-in-may.yaml"
    fill(card, {
        "claim: The claim restated in one neutral sentence.": "claim: The bridge will open in May.",
        "  name: Who made the claim": "  name: The mayor",
        "quote: copy the exact passage from original.txt here": "quote: the bridge would opne in May",
        "# assessment: unsupported ": "assessment: unsuported ",
    })

    broken = explainer("check", cwd=project)
    assert broken.returncode == 1 and "Traceback" not in broken.stderr
    assert broken.stdout.splitlines() == [
        "content/articles/bridge-story/claims/open-in-may.yaml:9:8: `quote` is not in original.txt; the closest "
        'passage is on line 1: "the bridge would open in May"; the text has "dge would open in " where the quote '
        'has "dge would opne in M"',
        "content/articles/bridge-story/claims/open-in-may.yaml:11:13: `assessment` must be one of: accurate, "
        "misleading, misattributed, unsupported, false, opinion; `unsuported` is not: did you mean `unsupported`?",
    ]

    fill(card, {"opne in May": "open in May", "assessment: unsuported": "assessment: unsupported"})
    fixed = explainer("check", cwd=project)
    assert fixed.returncode == 0, fixed.stdout
    built = mkdocs("build", "--strict", "-d", "site", cwd=project)
    assert built.returncode == 0, built.stderr
    page = (project / "site/articles/bridge-story/index.html").read_text(encoding="utf-8")
    assert 'data-claim="open-in-may"' in page and 'id="claim-open-in-may"' in page
    assert (project / "site/articles/bridge-story/claims/open-in-may/index.html").is_file()


def test_pre_commit_hook_runs_explainer_check(tmp_path: Path) -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert hook["id"] == "explainer-check" and hook["pass_filenames"] is False
    published = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    assert published["entry"] == "explainer check"
    project = make_project(tmp_path / "site")
    entry = shlex.split(hook["entry"])
    entry[0] = str(REPO / entry[0])
    assert subprocess.run(entry, cwd=project, capture_output=True, text=True).returncode == 0
    card = next((project / "content/articles").glob("*/claims/*.yaml"))
    card.write_text(card.read_text(encoding="utf-8") + "unknown: 1\n", encoding="utf-8")
    result = subprocess.run(entry, cwd=project, capture_output=True, text=True)
    assert result.returncode == 1 and "unknown field `unknown`" in result.stdout
    shutil.rmtree(project)


def test_check_json_format_for_tools(tmp_path: Path) -> None:
    project = make_project(tmp_path / "site")
    card = project / "content/articles/lavrov-idlib-warning/claims/naval-build-up.yaml"
    card.write_text(card.read_text(encoding="utf-8").replace("assessment: misattributed", "assessment: no"),
                    encoding="utf-8")
    result = explainer("check", "--format", "json", cwd=project)
    assert result.returncode == 1
    assert json.loads(result.stdout) == [{
        "path": "content/articles/lavrov-idlib-warning/claims/naval-build-up.yaml",
        "line": 8, "column": 13,
        "message": "`assessment` must be one of: accurate, misleading, misattributed, unsupported, false, "
                   "opinion; YAML reads a bare `no` as a yes-or-no value, not one of these words",
    }]
