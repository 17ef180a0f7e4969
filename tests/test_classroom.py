"""For the classroom and the open web: exercise and teacher pages, lasting links, print, link
previews, open data, corrections, and the publishing workflow."""

from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import markdown
import pytest
import yaml
from markupsafe import escape
from pypdf import PdfReader

from browser import NARROW, WIDE, serve_directory, visit
from helpers import REPO, make_project, mkdocs

ARTICLE = "lavrov-idlib-warning"
SITE_URL = "https://teacher.example.org/explainer/"
REPOSITORY = "https://github.com/example-school/explainer"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory):
    """The example built as the publish workflow builds it: SITE_URL and REPOSITORY_URL set."""
    project = make_project(tmp_path_factory.mktemp("published") / "project")
    result = mkdocs("build", "--strict", "-d", "site", cwd=project,
                    env={"SITE_URL": SITE_URL, "REPOSITORY_URL": REPOSITORY})
    assert result.returncode == 0, result.stderr
    site = project / "site"
    with serve_directory(site) as url:
        yield url, site


def generated_pages(site: Path) -> list[Path]:
    skip = ("index.html", "404.html", "about/")
    return [p for p in sorted(site.rglob("index.html"))
            if not p.relative_to(site).as_posix().startswith(skip) and "search" not in p.parts]


def claim_ids() -> list[str]:
    return sorted(p.stem for p in (REPO / "content/articles" / ARTICLE / "claims").glob("*.yaml"))


def test_exercise_keeps_every_note_closed_without_javascript(browser, published) -> None:
    url, _ = published
    with visit(browser, f"{url}/articles/{ARTICLE}/exercise/", javascript=False) as v:
        page = v.page
        text = page.locator(".ex-before").inner_text()
        for question in ("Who is behind it?", "What is the evidence?", "What do other sources say?"):
            assert question in text
        assert "Whose word is that" in text  # the article's own questions come first too
        notes = page.locator("details.ex-closed-note")
        assert notes.count() == len(claim_ids())
        first = notes.first
        assert first.get_attribute("open") is None
        assert not first.locator(".ex-note-context").is_visible()
        first.locator("summary").click()
        assert first.locator(".ex-note-context").is_visible()
        assert page.locator("mark[data-claim]").count() >= len(claim_ids())
        v.assert_clean()


def test_teacher_guide_has_objectives_flow_teacher_notes_and_every_claim(published) -> None:
    _, site = published
    html = (site / f"articles/{ARTICLE}/teacher/index.html").read_text(encoding="utf-8")
    assert "Learning objectives" in html and "A suggested lesson" in html
    assert "Teacher notes" in html and "The word is Lavrov's" in html
    for claim in claim_ids():
        assert f'href="../claims/{claim}/"' in html


def test_every_note_and_claim_page_offers_its_permalink(browser, published) -> None:
    url, _ = published
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{url}/articles/{ARTICLE}/")
    links = page.locator(".ex-note a[data-copy-link]")
    assert links.count() == len(claim_ids())
    first = links.first
    assert not first.is_visible()  # behind the note's "Read more"
    page.locator(".ex-note-more > summary").first.click()
    assert first.is_visible() and first.get_attribute("href").startswith("#claim-")
    first.click()
    expected = f"{url}/articles/{ARTICLE}/{first.get_attribute('href')}"
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert first.inner_text() == "Link copied"  # said for a moment, in the site's language
    page.goto(f"{url}/articles/{ARTICLE}/claims/naval-build-up/")
    permalink = page.locator("a[data-copy-link]")
    assert permalink.is_visible() and permalink.get_attribute("href") == "./"
    assert page.locator("a[rel=prev]").count() == 1 and page.locator("a[rel=next]").count() == 1
    context.close()


def test_ids_do_not_change_when_cards_are_reordered(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    first = mkdocs("build", "-d", str(tmp_path / "one"), cwd=project)
    original = project / "content/articles" / ARTICLE / "original.txt"
    lines = original.read_text(encoding="utf-8").splitlines()
    original.write_text("\n".join([lines[-1], *lines[:-1]]) + "\n", encoding="utf-8")  # reorder text
    second = mkdocs("build", "-d", str(tmp_path / "two"), cwd=project)
    assert first.returncode == second.returncode == 0
    for claim in claim_ids():
        for site in ("one", "two"):
            page = (tmp_path / site / "articles" / ARTICLE / "index.html").read_text(encoding="utf-8")
            assert f'id="claim-{claim}"' in page
            assert (tmp_path / site / "articles" / ARTICLE / "claims" / claim / "index.html").is_file()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("kind", ["exercise", "teacher"])
def test_exercise_and_teacher_pages_print(browser, published, kind: str, paper: str) -> None:
    url, _ = published
    with visit(browser, f"{url}/articles/{ARTICLE}/{kind}/", WIDE) as v:
        v.page.emulate_media(media="print")
        assert not v.page.locator(".md-header").is_visible()
        assert not v.page.locator(".ex-suggest").is_visible()
        pdf = PdfReader(io.BytesIO(v.page.pdf(format=paper)))
        width = float(pdf.pages[0].mediabox.width)
        assert abs(width - (595.3 if paper == "A4" else 612)) < 2
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
        assert "What do other sources say?" in text if kind == "exercise" else "A suggested lesson" in text
        assert "Which claims in the article come with evidence" in text
        v.assert_clean()


def test_every_generated_page_has_description_and_open_graph(published) -> None:
    _, site = published
    pages = generated_pages(site)
    assert len(pages) > 40
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        description = re.search(r'<meta name="description" content="([^"]+)"', head)
        og_title = re.search(r'<meta property="og:title" content="([^"]+)"', head)
        og_description = re.search(r'<meta property="og:description" content="([^"]+)"', head)
        assert description and og_title and og_description, page
        assert og_description.group(1) != "A news article set beside context notes on each of its claims, for " \
            "media-literacy lessons.", page  # drawn from the page, not the site


def test_every_generated_page_suggests_a_correction_as_a_prefilled_issue(published) -> None:
    _, site = published
    for page in generated_pages(site):
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'<p class="ex-suggest">\s*<a href="([^"]+)"', html)
        assert len(links) == 1, page
        target = urlsplit(links[0].replace("&amp;", "&"))
        assert f"{target.scheme}://{target.netloc}{target.path}" == f"{REPOSITORY}/issues/new"
        query = parse_qs(target.query)
        assert query["template"] == ["correction.yml"] and query["title"][0].startswith("Correction: ")
        assert query["page"][0].startswith(SITE_URL), page
    assert "api.github.com" not in (site / "index.html").read_text(encoding="utf-8")


def logged_corrections() -> list[tuple[str, str, str]]:
    """(date, page path under the site, text) of every correction in the example's files."""
    content = REPO / "content"
    found = []
    for org_id, org in yaml.safe_load((content / "organizations.yaml").read_text(encoding="utf-8")).items():
        found += [(str(c["date"]), f"organizations/{org_id}/", c["text"]) for c in org.get("corrections", [])]
    article = yaml.safe_load((content / "articles" / ARTICLE / "article.yaml").read_text(encoding="utf-8"))
    found += [(str(c["date"]), f"articles/{ARTICLE}/", c["text"]) for c in article.get("corrections", [])]
    for claim in claim_ids():
        card = yaml.safe_load((content / "articles" / ARTICLE / "claims" / f"{claim}.yaml").read_text(encoding="utf-8"))
        found += [(str(c["date"]), f"articles/{ARTICLE}/claims/{claim}/", c["text"])
                  for c in card.get("corrections", [])]
    return found


def test_corrections_page_lists_every_logged_correction_newest_first_linked_to_its_page(browser, published) -> None:
    url, _ = published
    logged = logged_corrections()
    kinds = {path.split("/")[0] if "/claims/" not in path else "claims" for _, path, _ in logged}
    assert kinds == {"organizations", "articles", "claims"}  # the example logs changes of every kind
    with visit(browser, f"{url}/corrections/", javascript=False) as v:
        items = v.page.locator(".ex-corrections-page li")
        assert items.count() == len(logged)
        rows = [(item.locator("time").get_attribute("datetime"), item.locator("a").first.get_attribute("href"),
                 item.locator("p").nth(1).inner_text()) for item in items.all()]
    assert [date for date, _, _ in rows] == sorted((date for date, _, _ in rows), reverse=True)
    for date, path, text in logged:
        shown = [row for row in rows if row[0] == date and row[1] == f"../{path}"]
        assert shown, (date, path)
        # every word of the text as Markdown renders it (marks and link targets gone)
        rendered = html.unescape(re.sub(r"<[^>]+>", "", markdown.markdown(text))).split()
        assert any(row[2].split() == rendered for row in shown), (path, text)


def test_each_page_shows_its_own_corrections(browser, published) -> None:
    url, _ = published
    by_page: dict[str, int] = {}
    for _, path, _ in logged_corrections():
        by_page[path] = by_page.get(path, 0) + 1
    for path, count in by_page.items():
        with visit(browser, f"{url}/{path}", javascript=False) as v:
            section = v.page.locator("section.ex-corrections")
            assert section.locator("h2").inner_text() == "Corrections", path
            assert section.locator("li").count() == count, path


def test_correction_issue_form_asks_for_the_page_it_is_prefilled_with() -> None:
    form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/correction.yml").read_text(encoding="utf-8"))
    ids = [item.get("id") for item in form["body"]]
    assert "page" in ids and "correction" in ids and "source" in ids
    assert form["title"].startswith("Correction")


def test_claim_review_is_complete_and_matches_the_page(published) -> None:
    _, site = published
    for claim in claim_ids():
        html = (site / "articles" / ARTICLE / "claims" / claim / "index.html").read_text(encoding="utf-8")
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        label = re.search(r'<span class="ex-assess ex-assess-[a-z]+">([^<]+)</span>', html)
        if not label:
            assert blocks == [], claim  # no assessment, no ClaimReview
            continue
        review = json.loads(blocks[0])
        assert review["url"] == f"{SITE_URL}articles/{ARTICLE}/claims/{claim}/"
        assert review["reviewRating"]["alternateName"] == label.group(1)
        h1 = re.search(r'<h1 class="ex-claim-text"><span class="ex-sr">Claim: </span>(.*?)</h1>', html, re.S).group(1)
        assert review["claimReviewed"] == h1.replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&")
        item = review["itemReviewed"]
        assert item["author"]["name"] and str(escape(item["author"]["name"])) in html
        assert item["firstAppearance"]["url"] in html


def test_open_data_files(published) -> None:
    _, site = published
    data = json.loads((site / "claims.json").read_text(encoding="utf-8"))
    record = next(c for c in data["claims"] if c["id"] == "naval-build-up")
    assert record["url"] == f"{SITE_URL}articles/{ARTICLE}/claims/naval-build-up/"
    assert record["anchor"]["exact"] in (REPO / "content/articles" / ARTICLE / "original.txt").read_text()
    assert record["evidence"] and record["counter_statements"][0]["organization"] == "nato"
    annotations = json.loads((site / "annotations.jsonld").read_text(encoding="utf-8"))
    assert annotations["@context"] == "http://www.w3.org/ns/anno.jsonld"
    item = next(i for i in annotations["first"]["items"] if i["id"].endswith("/naval-build-up/"))
    reading, original = item["target"]
    assert reading["source"] == f"{SITE_URL}articles/{ARTICLE}/"
    assert set(reading["selector"]) == {"type", "exact", "prefix", "suffix"}
    assert original["source"] == "https://prophecyupdate.blogspot.com/2018/08/idlib-assault-hours-away-russian-fm.html"


def test_publish_workflow_checks_builds_and_deploys_with_the_pages_actions() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = workflow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "") for step in build]
    runs = [step.get("run", "") for step in build]
    assert any(u.startswith("actions/configure-pages@") for u in uses)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    check = next(i for i, r in enumerate(runs) if r.startswith("explainer check"))
    built = next(i for i, r in enumerate(runs) if r.startswith("mkdocs build --strict"))
    upload = next(i for i, u in enumerate(uses) if u.startswith("actions/upload-pages-artifact@"))
    assert check < built < upload
    assert "steps.pages.outputs.base_url" in build[built]["env"]["SITE_URL"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_site_url_has_a_local_default() -> None:
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]' in text
    assert not re.search(r"^repo_url:", text, re.M)


def test_exercise_and_teacher_pages_are_accessible(browser, published) -> None:
    from axe_playwright_python.sync_playwright import Axe

    url, _ = published
    for kind in ("exercise", "teacher"):
        for width in (WIDE, NARROW):
            with visit(browser, f"{url}/articles/{ARTICLE}/{kind}/", width) as v:
                results = Axe().run(v.page)
                assert results.violations_count == 0, results.generate_report()
