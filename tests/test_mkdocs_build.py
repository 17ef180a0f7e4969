"""The MkDocs adapter: a real ``mkdocs build --strict`` of the example, and of broken content."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from helpers import MINIMAL_CLAIM, REPO, explainer, make_project, minimal_content, mkdocs

ARTICLE = "lavrov-idlib-warning"


def read(site: Path, url: str) -> str:
    path = site / url.strip("/") / "index.html" if url.endswith("/") else site / url.lstrip("/")
    return path.read_text(encoding="utf-8")


def claim_ids() -> list[str]:
    folder = Path(__file__).resolve().parent.parent / "content/articles" / ARTICLE / "claims"
    return sorted(p.stem for p in folder.glob("*.y*ml"))


def test_every_contract_url_exists(built_example: Path) -> None:
    urls = ["/", "/articles/", f"/articles/{ARTICLE}/", "/glossary/", "/corrections/",
            "/organizations/nato/", "/techniques/loaded-language/", "/claims.json", "/annotations.jsonld"]
    urls += [f"/articles/{ARTICLE}/claims/{c}/" for c in claim_ids()]
    for url in urls:
        assert read(built_example, url), url


def test_reading_page_sets_each_highlight_beside_its_note(built_example: Path) -> None:
    html = read(built_example, f"/articles/{ARTICLE}/")
    for claim in claim_ids():
        passage = re.search(rf'<mark [^>]*data-claim="{claim}" id="passage-{claim}">(.*?)</mark>', html)
        assert passage, claim
        assert f'href="#claim-{claim}"' in passage.group(1)
        assert f'<article class="ex-note" id="claim-{claim}"' in html
        assert f'href="#passage-{claim}"' in html
    assert 'lang="en" dir="ltr"' in html


def test_original_text_is_shown_as_typed_not_as_markdown(built_example: Path) -> None:
    html = read(built_example, f"/articles/{ARTICLE}/")
    assert "Hay'at Tahrir al-Sham" in html or "Hay&#39;at Tahrir al-Sham" in html
    assert "<blockquote><p>The offensive would initially target" in html


def test_claim_page_has_claimreview_matching_the_page(built_example: Path) -> None:
    html = read(built_example, f"/articles/{ARTICLE}/claims/naval-build-up/")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "ClaimReview"
    assert data["reviewRating"]["alternateName"] == "Misattributed"
    assert '<span class="ex-assess ex-assess-misattributed">Misattributed</span>' in html
    assert data["claimReviewed"] in html
    assert data["itemReviewed"]["author"]["name"] == "Izvestia"


def test_navigation_does_not_list_claims(built_example: Path) -> None:
    page = read(built_example, f"/articles/{ARTICLE}/claims/naval-build-up/")
    nav_links = re.findall(r'<a href="([^"]*)" class="md-nav__link', page)
    # Home, the five generated sections and the hand-written pages; never a claim or a profile.
    about = {f"../../../../about/{page}/" for page in ("how-to-read", "methodology", "corrections-policy",
                                                        "who-we-are")}
    assert set(nav_links) == {"../../../..", "../../../", "../../../../organizations/",
                              "../../../../techniques/", "../../../../glossary/",
                              "../../../../corrections/"} | about
    assert len(page) < 200_000


def test_pages_make_no_request_to_another_host(built_example: Path) -> None:
    for page in built_example.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        # A canonical link names the page's own address; it is not fetched.
        loads = r'<(?:script|img)[^>]+src="(?:https?:)?//|<link(?![^>]*rel="canonical")[^>]+href="(?:https?:)?//'
        assert not re.findall(loads, html), page


def test_claims_json_lists_every_card(built_example: Path) -> None:
    data = json.loads(read(built_example, "/claims.json"))
    assert sorted(c["id"] for c in data["claims"]) == claim_ids()
    annotations = json.loads(read(built_example, "/annotations.jsonld"))
    assert annotations["total"] == len(claim_ids())
    selector = annotations["first"]["items"][0]["target"][0]["selector"]
    assert selector["type"] == "TextQuoteSelector" and selector["exact"]


def test_broken_card_fails_the_build_with_the_check_lines(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    card = project / "content/articles" / ARTICLE / "claims/broken.yaml"
    card.write_text(MINIMAL_CLAIM.replace("quote: first paragraph", "quote: not in the text at all")
                    + "assessment: maybe\n", encoding="utf-8")
    check = explainer("check", cwd=project)
    assert check.returncode == 1
    lines = check.stdout.splitlines()
    assert lines and all(line.startswith("content/articles/") for line in lines)
    build = mkdocs("build", "--strict", "-d", str(tmp_path / "site"), cwd=project)
    assert build.returncode == 1
    for line in lines:
        assert line in build.stderr
    assert "Traceback" not in build.stderr


def test_nothing_is_written_into_docs(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    before = sorted(p.relative_to(project) for p in (project / "docs").rglob("*"))
    assert mkdocs("build", "--strict", "-d", str(tmp_path / "site"), cwd=project).returncode == 0
    assert sorted(p.relative_to(project) for p in (project / "docs").rglob("*")) == before


def test_template_error_names_the_template_and_line(tmp_path: Path) -> None:
    """A broken template of the site's own, replacing the default by name, is named in the error."""
    project = make_project(tmp_path / "project")
    template = project / "templates/glossary.html"
    template.parent.mkdir()
    template.write_text((REPO / "templates/glossary.html").read_text(encoding="utf-8").replace(
        "{% endfor %}", "{% endfor", 1), encoding="utf-8")
    build = mkdocs("build", "-d", str(tmp_path / "site"), cwd=project)
    assert build.returncode == 1
    assert re.search(r"templates/glossary\.html:\d+:1: template error: ", build.stderr), build.stderr
    shutil.rmtree(project)


def test_search_index_holds_each_text_once(built_example: Path) -> None:
    """Claim, exercise and teacher pages repeat the reading page's text; the index every visitor
    downloads leaves them out."""
    index = json.loads((built_example / "search/search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(loc.startswith(f"articles/{ARTICLE}/") for loc in locations)
    assert not [loc for loc in locations if "/claims/" in loc or "/exercise/" in loc or "/teacher/" in loc]


def test_links_from_docs_to_a_generated_anchor_are_checked(tmp_path: Path) -> None:
    """Generated pages skip Markdown; MkDocs still knows their anchors, so it can check links to them."""
    project = make_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "validation:\n  anchors: warn\n", encoding="utf-8")
    page = project / "docs/about/how-to-read.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + f"\n[A note](../articles/{ARTICLE}/index.md#claim-naval-build-up)\n", encoding="utf-8")
    good = mkdocs("build", "--strict", "-d", str(tmp_path / "good"), cwd=project)
    assert good.returncode == 0, good.stderr
    page.write_text(text + f"\n[A note](../articles/{ARTICLE}/index.md#claim-no-such-card)\n", encoding="utf-8")
    bad = mkdocs("build", "--strict", "-d", str(tmp_path / "bad"), cwd=project)
    assert bad.returncode == 1 and "claim-no-such-card" in bad.stderr, bad.stderr


def test_card_text_that_looks_like_a_code_fence_is_shown_as_typed(tmp_path: Path) -> None:
    """MkDocs' Markdown reads fences at line starts even inside a page's raw HTML: neither a line break
    in a text field nor a fence inside a Markdown field's code block may start one."""
    content = minimal_content(tmp_path / "content", articles__a__claims__c_DOT_yaml=(
        'claim: "Before\\n```\\nfenced <b>\\n```\\nafter"\nclaimant:\n  name: Someone\n'
        "quote: first paragraph\ncontext: |\n  An example:\n\n      x\n      ~~~\n      y <b>\n      ~~~\n"))
    project = make_project(tmp_path / "project", content)
    result = mkdocs("build", "--strict", "-d", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    html = read(tmp_path / "site", "/articles/a/claims/c/")
    assert ('<h1 class="ex-claim-text"><span class="ex-sr">Claim: </span>Before ``` fenced &lt;b&gt; ``` after</h1>'
            in html)
    code = re.findall(r"<pre><code>(.*?)</code></pre>", html, re.S)
    assert code == ["x\n&#126;~~\ny &lt;b&gt;\n&#126;~~\n"]


def test_builds_run_from_python_leave_nothing_frozen(tmp_path: Path) -> None:
    """A program may build many sites in one process: what a build makes must stay collectable
    (only the one-shot command line freezes what it made)."""
    project = make_project(tmp_path / "project", minimal_content(tmp_path / "content"))
    script = textwrap.dedent(f"""
        import gc
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        for run in range(2):
            config = load_config("mkdocs.yml", site_dir={str(tmp_path / "site")!r})
            config.plugins.on_startup(command="build", dirty=False)
            build(config)
            config.plugins.on_shutdown()
        print(gc.get_freeze_count())
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True,
                            timeout=300, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0"]


def test_an_extension_added_by_a_later_hook_makes_pages_go_through_markdown(tmp_path: Path) -> None:
    """The raw-HTML shortcut is decided when the extension list is final: a hook (or a plugin listed
    after ours) that adds an extension rewriting HTML gets Markdown's output, not the shortcut's."""
    project = make_project(tmp_path / "project", minimal_content(tmp_path / "content"))
    (project / "late_extension.py").write_text(textwrap.dedent("""
        def on_config(config):
            config.markdown_extensions.append("pymdownx.striphtml")
            config.mdx_configs["pymdownx.striphtml"] = {"strip_attributes": ["data-claim"]}
            return config
    """), encoding="utf-8")
    assert mkdocs("build", "--strict", "-d", str(tmp_path / "plain"), cwd=project).returncode == 0
    assert 'data-claim="c"' in read(tmp_path / "plain", "/articles/a/")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "hooks:\n  - late_extension.py\n", encoding="utf-8")
    result = mkdocs("build", "--strict", "-d", str(tmp_path / "hooked"), cwd=project)
    assert result.returncode == 0, result.stderr
    page = read(tmp_path / "hooked", "/articles/a/")
    assert "data-claim" not in page and 'class="ex-hl' in page
