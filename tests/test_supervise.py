"""``explainer serve``: the preview answers every request within a second while ``mkdocs.yml`` or the
build is broken, shows the line, and recovers on the fix without a restart."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.adapters.config_file import configured_language
from generator.adapters.supervise import problem_page
from generator.render.i18n import words_for

from helpers import edit_config, explainer, free_port, wait_for

pytestmark = pytest.mark.serve

COLON = "YAML syntax error: mapping values are not allowed here: a value containing `: ` must be put in quotes"
HOOK = '''\
from pathlib import Path

from mkdocs.exceptions import PluginError


def on_post_build(config):
    if Path(config.docs_dir, "boom.md").exists():
        raise PluginError("boom: delete docs/boom.md")
'''


def timed(url: str) -> tuple[int, str, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            status, body = response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        status, body = 0, ""  # not listening yet
    return status, body, time.perf_counter() - started


@pytest.fixture
def site(tmp_path: Path) -> Path:
    assert explainer("new", "site", "site", "--generator-url", "https://git.example.org/x", cwd=tmp_path).returncode == 0
    return tmp_path / "site"


@pytest.fixture
def serve(site: Path, tmp_path: Path) -> Iterator:
    processes: list[subprocess.Popen] = []

    def start() -> tuple[str, Path]:
        port = free_port()
        log = tmp_path / f"serve-{port}.log"
        with log.open("w") as out:
            processes.append(subprocess.Popen(
                [sys.executable, "-m", "generator", "serve", "-a", f"127.0.0.1:{port}"], cwd=site,
                stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}))
        return f"http://127.0.0.1:{port}", log

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=20)


def assert_every_request_answered_in_a_second(base: str, says: str) -> None:
    for path in ("/", "/articles/", "/about/methodology/", "/search/search_index.json", "/no/such/page/"):
        status, body, seconds = timed(base + path)
        assert seconds < 1.0, (path, seconds)
        assert status == 503 and says in body, (path, status, body[:300])


def test_a_broken_mkdocs_yml_never_hangs_the_preview_and_the_fix_recovers(site: Path, serve) -> None:
    base, log = serve()
    assert wait_for(lambda: timed(base + "/articles/")[0] == 200, 60), log.read_text()
    page = timed(base + "/articles/")[1]
    epoch = int(re.search(r"livereload\((\d+),", page)[1])
    polled: list[str] = []
    poll = threading.Thread(target=lambda: polled.append(timed(f"{base}/livereload/{epoch}/1")[1]))
    poll.start()

    edit_config(site, 'site_name: "site"', "site_name: Civics: reading")
    line = f"mkdocs.yml:3:18: {COLON}"
    assert wait_for(lambda: line in timed(base + "/articles/")[1], 10), log.read_text()
    assert_every_request_answered_in_a_second(base, line)
    assert wait_for(lambda: line in log.read_text(), 5)  # the terminal shows the line
    poll.join(timeout=10)
    assert polled and int(polled[0]) > epoch  # an open page reloads to show the problem

    edit_config(site, "site_name: Civics: reading", 'site_name: "Civics: reading"')
    assert wait_for(lambda: timed(base + "/articles/")[0] == 200, 30), log.read_text()
    assert "No articles yet." in timed(base + "/articles/")[1]


def test_a_preview_started_on_a_broken_mkdocs_yml_starts_once_it_is_fixed(site: Path, serve) -> None:
    edit_config(site, "  - explainer ", "  - explainer:\n      content_dir: 3\n    #")
    base, log = serve()
    line = "mkdocs.yml:42:7: option `content_dir` of the `explainer` plugin: must be text, not a whole number"
    assert wait_for(lambda: line in timed(base + "/")[1], 30), log.read_text()
    assert_every_request_answered_in_a_second(base, line)
    edit_config(site, "  - explainer:\n      content_dir: 3\n    #", "  - explainer ")
    assert wait_for(lambda: timed(base + "/articles/")[0] == 200, 60), log.read_text()


def test_the_problem_page_speaks_the_sites_language_even_while_mkdocs_yml_is_broken(site: Path, serve) -> None:
    """The frame follows `theme.language`; the problem lines stay as `explainer check` prints them.
    While the file cannot be read, the page keeps the language the file last had."""
    edit_config(site, "  language: en", "  language: fr")
    base, log = serve()
    assert wait_for(lambda: timed(base + "/articles/")[0] == 200, 60), log.read_text()
    edit_config(site, 'site_name: "site"', "site_name: Civics: reading")
    line = f"mkdocs.yml:3:18: {COLON}"
    assert wait_for(lambda: line in timed(base + "/articles/")[1], 10), log.read_text()
    page = timed(base + "/articles/")[1]
    assert '<html lang="fr" dir="ltr">' in page and "<h1>Impossible de construire l&#x27;aperçu</h1>" in page
    assert "Corrigez le fichier et enregistrez-le\u00a0: cette page se recharge" in page
    assert "The preview cannot be built" not in page and "Fix the file" not in page


def test_a_failed_rebuild_is_shown_instead_of_holding_every_request(site: Path, serve) -> None:
    (site / "hooks.py").write_text(HOOK, encoding="utf-8")
    edit_config(site, "plugins:\n", "hooks:\n  - hooks.py\n\nplugins:\n")
    base, log = serve()
    assert wait_for(lambda: timed(base + "/articles/")[0] == 200, 60), log.read_text()
    (site / "docs/boom.md").write_text("# Boom\n", encoding="utf-8")
    assert wait_for(lambda: "boom: delete docs/boom.md" in timed(base + "/articles/")[1], 30), log.read_text()
    assert_every_request_answered_in_a_second(base, "boom: delete docs/boom.md")
    (site / "docs/boom.md").unlink()
    assert wait_for(lambda: timed(base + "/articles/")[0] == 200, 30), log.read_text()


def test_an_option_mkdocs_serve_does_not_take_ends_the_preview(site: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "serve", "-a", f"127.0.0.1:{free_port()}",
                             "--bogus"], cwd=site, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "No such option '--bogus'" in result.stderr


def test_the_preview_stops_with_the_supervisor_even_killed_outright(site: Path, serve) -> None:
    base, log = serve()
    assert wait_for(lambda: timed(base + "/articles/")[0] == 200, 60), log.read_text()
    supervisor = next(p for p in psutil_children() if f"-a {base.removeprefix('http://')}" in p[1])
    children = [pid for pid, command in psutil_children() if "mkdocs serve" in command
                and f"{supervisor[0]}" == parent_of(pid)]
    assert len(children) == 1
    os.kill(supervisor[0], signal.SIGKILL)
    assert wait_for(lambda: not Path(f"/proc/{children[0]}").exists() or zombie(children[0]), 10)


def psutil_children() -> list[tuple[int, str]]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            found.append((int(entry.name), command))
    return found


def parent_of(pid: int) -> str:
    try:
        return (Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except OSError:
        return ""


def zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


@pytest.mark.parametrize(("written", "language"), [
    ("  language: ar", "ar"), ("  language: pt-BR", "pt-BR"), ("  language: en", "en"), ("", "en"),
    ('  language: "../../x"', "en"), ('  language: "fr\\u202e"', "en"), (f"  language: {'x' * 300}", "en"),
])
def test_the_problem_page_reads_the_language_and_refuses_what_is_not_one(tmp_path: Path, written: str,
                                                                      language: str) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: x\ntheme:\n  name: material\n{written}\n", encoding="utf-8")
    assert configured_language(config) == language
    config.write_text("site_name: a: b\n", encoding="utf-8")
    assert configured_language(config) is None  # unreadable: the page keeps the language it had


def test_a_right_to_left_problem_page_is_mirrored_and_its_lines_keep_their_order() -> None:
    page = problem_page(["mkdocs.yml:3:18: a line"], words_for("ar")).decode()
    assert '<html lang="ar" dir="rtl">' in page and "<h1>تعذّر بناء المعاينة</h1>" in page
    assert '<li><code dir="auto">mkdocs.yml:3:18: a line</code></li>' in page
