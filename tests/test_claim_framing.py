"""A claim shown as a headline is framed as someone's claim, never read as the site's own statement."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import MINIMAL_CLAIM, generated_files, minimal_content

CLAIM = MINIMAL_CLAIM.replace("  name: Someone\n", "  name: Someone\n  role: Minister\n  organization: acme\n") + (
    "date: 2020-01-02\nassessment: misleading\n")


def pages(tmp_path: Path) -> dict[str, str]:
    files = generated_files(minimal_content(tmp_path / "content", articles__a__claims__c_DOT_yaml=CLAIM))
    return {path: text for path, text in files.items() if isinstance(text, str)}


def test_the_claim_page_headline_is_attributed_with_its_label_beneath(tmp_path: Path) -> None:
    page = pages(tmp_path)["articles/a/claims/c/index.md"]
    head = page[page.index('<header class="ex-head">'):page.index("</header>")]
    lines = [line for line in head.splitlines() if line.strip()]
    by = next(i for i, line in enumerate(lines) if line.startswith('<p class="ex-claim-by">'))
    assert re.sub(r"<[^>]+>", "", lines[by]) == "Claim by Someone, Minister (Acme News), 2 January 2020:"
    assert lines[by + 1] == '<h1 class="ex-claim-text"><span class="ex-sr">Claim: </span>Something was said.</h1>'
    assert lines[by + 2].startswith('<p class="ex-note-tags">Our assessment: <span class="ex-assess ex-assess-misleading">')


def test_exercise_and_teacher_pages_say_whose_claim_it_is(tmp_path: Path) -> None:
    generated = pages(tmp_path)
    exercise = re.sub(r"<[^>]+>", "", generated["articles/a/exercise/index.md"])
    assert "Claim by Someone, Minister, 2 January 2020:" in exercise
    teacher = generated["articles/a/teacher/index.md"]
    heading = re.search(r'<h3 id="ex-claim-c-h">(.*?)</h3>', teacher)[1]
    assert re.sub(r"<[^>]+>", "", heading) == "1. Claim by Someone, Minister, 2 January 2020: Something was said."
