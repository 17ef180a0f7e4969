"""The generator as a package: a wheel built from the repository's tracked files, installed offline
into a fresh environment, makes a site of its own that builds strict with nothing else."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import tomllib

from generator import DISTRIBUTION, __version__

from helpers import EXAMPLE_TRACES, NEW_SITE_FILES, REPO

ORGANIZATIONS = """\
city-paper:
  name: The City Paper
  kind: news-outlet
  about: A local daily newspaper.
"""
ARTICLE = """\
title: Council approves the new bridge
publisher: city-paper
url: https://news.example.org/bridge
published: 2024-03
summary: A short report on a council vote.
"""
CLAIM = """\
claim: The bridge will halve travel times.
claimant: {name: The mayor}
quote: halve travel times
context: No traffic study was published with the claim.
"""


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PIP_NO_INDEX": "1"}
    env.pop("PYTHONPATH", None)
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


def test_pyproject_names_every_package_and_the_distribution() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(project["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "generator").rglob("__init__.py")}
    assert found | {"generator.templates", "generator.overrides"} == listed
    assert project["project"]["name"] == DISTRIBUTION != "explainer"
    assert project["project"]["scripts"] == {"explainer": "generator.adapters.cli:main"}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh environment holding the wheel, with the dependencies already installed beside it."""
    work = tmp_path_factory.mktemp("package")
    clone = work / "clone"  # the tracked files only: no build output, no .venv, no egg-info
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in tracked.decode().split("\0"):
        if name and (REPO / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, clone / name)
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
        "-w", work / "dist", clone, cwd=work)
    wheel = next((work / "dist").glob("*.whl"))
    assert wheel.name == f"{DISTRIBUTION.replace('-', '_')}-{__version__}-py3-none-any.whl"
    fresh = work / "fresh"
    run(sys.executable, "-m", "venv", "--without-pip", fresh, cwd=work)
    python = fresh / "bin/python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-index", "--no-deps",
        wheel, cwd=work)
    purelib = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                       cwd=work).stdout.strip())
    # The dependencies, from this environment; its own .pth files (the editable install) stay unread.
    (purelib / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return fresh


def test_the_wheel_brings_templates_overrides_and_skeleton(installed: Path) -> None:
    python = installed / "bin/python"
    where = run(python, "-c", "import generator, generator.templates, generator.overrides; "
                "print(generator.__file__, generator.templates.__file__, generator.overrides.__file__)",
                cwd=installed).stdout.split()
    assert all(Path(path).is_relative_to(installed) for path in where), where
    package = Path(where[0]).parent
    for name in ("templates/reading.html", "templates/_macros.html", "templates/assets/explainer.css",
                 "templates/assets/explainer.js", "overrides/main.html", "overrides/partials/search.html",
                 "adapters/site_skeleton/mkdocs.yml", "adapters/site_skeleton/dot-github/workflows/publish.yml",
                 "locale/messages.pot", "locale/ar/LC_MESSAGES/messages.po", "locale/ar/site_docs/index.md",
                 "locale/uk/site_docs/about/who-we-are.md"):
        assert (package / name).is_file(), name
    version = run(installed / "bin/explainer", "--version", cwd=installed).stdout.strip()
    assert version == f"explainer {__version__}"


def test_a_new_site_in_arabic_builds_with_the_installed_package_alone(installed: Path, tmp_path: Path) -> None:
    run(installed / "bin/explainer", "new", "site", "s", "--language", "ar",
        "--generator-url", "https://git.example.org/team/explainer", cwd=tmp_path)
    assert (tmp_path / "s/docs/index.md").read_bytes() == (REPO / "generator/locale/ar/site_docs/index.md").read_bytes()
    run(installed / "bin/python", "-m", "mkdocs", "build", "--strict", cwd=tmp_path / "s")
    home = (tmp_path / "s/site/index.html").read_text(encoding="utf-8")
    assert '<html dir="rtl" lang="ar"' in home and "المقالات" in home  # the packaged catalog's word


def test_a_new_site_builds_with_the_installed_package_alone(installed: Path, tmp_path: Path) -> None:
    bin_dir = installed / "bin"
    run(bin_dir / "explainer", "new", "site", "civics", "--name", "Civics: reading the news",
        "--generator-url", "https://git.example.org/team/explainer", cwd=tmp_path)
    site = tmp_path / "civics"
    assert not site.is_relative_to(REPO)
    assert {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()} == NEW_SITE_FILES
    run(bin_dir / "python", "-m", "mkdocs", "build", "--strict", cwd=site)
    built = site / "site"
    assert "No articles yet." in (built / "articles/index.html").read_text(encoding="utf-8")
    home = (built / "index.html").read_text(encoding="utf-8")
    assert "Civics: reading the news" in home
    assert 'role="dialog" aria-label="Search"' in home  # the packaged theme overrides
    assert (built / "assets/explainer/explainer.css").read_bytes() == (
        REPO / "templates/assets/explainer.css").read_bytes()
    for page in built.rglob("*"):
        if page.suffix in (".html", ".json", ".jsonld", ".css", ".js") and "assets/javascripts" not in str(page):
            text = page.read_text(encoding="utf-8")
            assert not EXAMPLE_TRACES.search(text), (page, EXAMPLE_TRACES.search(text))

    # One template replaced by name; the others stay the packaged defaults.
    (site / "templates").mkdir()
    (site / "templates/articles.html").write_text(
        "<div class=\"ex\"><h1>Our reading list</h1><p>{{ articles | length }} so far.</p></div>\n",
        encoding="utf-8")
    run(bin_dir / "python", "-m", "mkdocs", "build", "--strict", cwd=site)
    assert "<h1>Our reading list</h1><p>0 so far.</p>" in (built / "articles/index.html").read_text(encoding="utf-8")

    # An article added with the installed command, then built again.
    run(bin_dir / "explainer", "new", "article", "bridge-vote", cwd=site)
    run(bin_dir / "explainer", "new", "claim", "bridge-vote", "travel-times", cwd=site)
    article = site / "content/articles/bridge-vote"
    (site / "content/organizations.yaml").write_text(ORGANIZATIONS, encoding="utf-8")
    (article / "article.yaml").write_text(ARTICLE, encoding="utf-8")
    (article / "original.txt").write_text("The mayor said the bridge would halve travel times.\n",
                                          encoding="utf-8")
    (article / "claims/travel-times.yaml").write_text(CLAIM, encoding="utf-8")
    run(bin_dir / "explainer", "check", cwd=site)
    run(bin_dir / "python", "-m", "mkdocs", "build", "--strict", cwd=site)
    assert "<p>1 so far.</p>" in (built / "articles/index.html").read_text(encoding="utf-8")
    reading = (built / "articles/bridge-vote/index.html").read_text(encoding="utf-8")
    assert 'data-claim="travel-times"' in reading and 'id="claim-travel-times"' in reading
    assert (built / "articles/bridge-vote/claims/travel-times/index.html").is_file()
