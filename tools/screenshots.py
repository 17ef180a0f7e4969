"""``make screenshots``: the example's reading page at a wide and a narrow width, for the README.

Builds the site with MkDocs into a temporary folder, serves it on 127.0.0.1 and photographs it with
Debian's Chromium.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browser import CHROMIUM, CHROMIUM_ARGS, serve_directory  # noqa: E402 (needs the path above)

PAGE = "/articles/lavrov-idlib-warning/"
# Each picture: its size, and the element at its top (the start of the text; a paragraph and its notes).
SHOTS = {"reading-wide.png": (1280, 900, "ex-text-h"), "reading-narrow.png": (390, 844, "p5")}


def main() -> int:
    with tempfile.TemporaryDirectory() as site:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", site], cwd=ROOT,
                       check=True)
        with serve_directory(Path(site)) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, (width, height, top) in SHOTS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(base + PAGE)
                page.evaluate("id => scrollTo(0, document.getElementById(id).getBoundingClientRect().top"
                              " + scrollY - 70)", top)
                page.wait_for_timeout(600)  # let the header finish its title transition
                page.screenshot(path=ROOT / "screenshots" / name)
                print(f"screenshots/{name}")
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
