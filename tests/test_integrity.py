"""Nothing lost, nothing touched: builds are deterministic, write only into the site folder, leave
content/docs/templates alone, and make no network request."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from helpers import REPO, explainer, make_project, mkdocs


def snapshot(root: Path, skip: str = "") -> dict[str, tuple[str, int]]:
    """Every file under ``root`` (but ``skip``) with its content hash and modification time."""
    files = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and not (skip and relative.startswith(skip)):
            files[relative] = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    return files


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    assert mkdocs("build", "--strict", "-d", str(tmp_path / "one"), cwd=project).returncode == 0
    assert mkdocs("build", "--strict", "-d", str(tmp_path / "two"), cwd=project).returncode == 0
    one = {k: v[0] for k, v in snapshot(tmp_path / "one").items()}
    two = {k: v[0] for k, v in snapshot(tmp_path / "two").items()}
    assert len(one) > 40 and one == two


def test_build_check_and_export_touch_nothing_but_their_output(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    before = snapshot(tmp_path)
    assert mkdocs("build", "--strict", "-d", "site", cwd=project).returncode == 0
    assert explainer("check", cwd=project).returncode == 0
    assert explainer("export", str(tmp_path / "exported"), cwd=project).returncode == 0
    after = snapshot(tmp_path)
    written = {path for path in after if path not in before}
    assert all(p.startswith(("project/site/", "exported/")) for p in written), sorted(written)[:5]
    assert {p: v for p, v in after.items() if p in before} == before  # nothing changed or removed


NO_NETWORK = textwrap.dedent('''
    import os, socket
    LOG = os.environ["NETWORK_LOG"]
    def refuse(where):
        with open(LOG, "a") as log:
            log.write(repr(where) + "\\n")
        raise OSError("network access is not allowed in this test")
    real_connect = socket.socket.connect
    def connect(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and not (host.startswith("127.") or host in ("::1", "localhost")):
            refuse(address)
        return real_connect(self, address)
    socket.socket.connect = connect
    real_getaddrinfo = socket.getaddrinfo
    def getaddrinfo(host, *args, **kwargs):
        if host not in (None, "localhost", "127.0.0.1", "::1"):
            refuse(host)
        return real_getaddrinfo(host, *args, **kwargs)
    socket.getaddrinfo = getaddrinfo
''')


def test_build_makes_no_network_request(tmp_path: Path) -> None:
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    log = tmp_path / "network.log"
    project = make_project(tmp_path / "project")
    env = {**os.environ, "PYTHONPATH": str(guard), "NETWORK_LOG": str(log), "NO_MKDOCS_2_WARNING": "1"}
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.getaddrinfo('example.org', 80)"],
                           env=env, capture_output=True, text=True)
    assert probe.returncode != 0 and log.read_text() == "'example.org'\n"  # the guard is in force
    log.unlink()
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"], cwd=project,
                           env=env, capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    assert not log.exists(), log.read_text()


def test_security_md_names_only_tests_that_exist() -> None:
    """Each claim of SECURITY.md names the test that proves it: every named test must be there."""
    text = (REPO / "SECURITY.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| ") and "proved by" not in line]
    named = 0
    for row in rows:
        current = None
        for file, test in re.findall(r"`(test_\w+\.py)?(?:::(test_\w+))?`", row.split("|")[-2]):
            current = file or current
            assert current and (REPO / "tests" / current).is_file(), row
            if test:
                assert re.search(rf"^def {test}\(", (REPO / "tests" / current).read_text(encoding="utf-8"),
                                 re.MULTILINE), (current, test)
                named += 1
    assert named >= 20
