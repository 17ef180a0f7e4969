"""``make messages``: the interface's words, from the templates into ``generator/locale/messages.pot``,
and every catalog (``generator/locale/<language>/LC_MESSAGES/messages.po``) brought up to date with
it: new words added untranslated, words no longer used marked obsolete.

To add a language: ``python tools/messages.py --new xx`` writes its catalog; translate every entry
(plural forms too), then build a site with ``theme: language: xx``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from generator import __version__  # noqa: E402 (needs the path above)
from generator.adapters.new_site import SITE_WORD  # noqa: E402
from generator.load.models import ASSESSMENTS  # noqa: E402
from generator.render.i18n import KIND_NAMES, locale_folder  # noqa: E402

STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # fixed, so the files change only when the words do
METHODS = [("**.html", "jinja2.ext:babel_extract")]
OPTIONS = {"**.html": {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true"}}


def template_catalog() -> Catalog:
    """Every word the templates and the generator show, with where each is used."""
    catalog = Catalog(project="mkdocs-explainer", version=__version__, creation_date=STAMP,
                      revision_date=STAMP, fuzzy=False, copyright_holder="The mkdocs-explainer authors",
                      msgid_bugs_address="")
    for filename, line, message, comments, context in extract_from_dir(
            ROOT / "templates", METHODS, options_map=OPTIONS, strip_comment_tags=True):
        catalog.add(message, locations=[(f"templates/{filename}", line)], auto_comments=comments,
                    context=context)
    for filename, line, message, comments, context in extract_from_dir(
            ROOT / "generator", [("**.py", "python")], keywords={"N_": None, "Nn_": (1, 2)}):
        catalog.add(message, locations=[(f"generator/{filename}", line)], auto_comments=comments,
                    context=context)
    skeleton = ROOT / "generator/adapters/site_skeleton/mkdocs.yml"  # a new site's page names
    for number, line in enumerate(skeleton.read_text(encoding="utf-8").splitlines(), start=1):
        for word in SITE_WORD.findall(line):
            catalog.add(word, locations=[("generator/adapters/site_skeleton/mkdocs.yml", number)])
    for name in ASSESSMENTS.values():  # assessment labels, shown by name
        catalog.add(name, locations=[("generator/load/models.py", 0)])
    for name in KIND_NAMES.values():  # kinds of organization
        catalog.add(name, locations=[("generator/render/i18n.py", 0)])
    return catalog


def write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(file, catalog, width=100, sort_output=False, include_previous=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--new", metavar="LANGUAGE", help="start the catalog of a new language")
    args = parser.parse_args()
    template = template_catalog()
    folder = locale_folder()
    write(template, folder / "messages.pot")
    print("generator/locale/messages.pot")
    if args.new:
        fresh = Catalog(locale=args.new, project="mkdocs-explainer", version=__version__,
                        creation_date=STAMP, revision_date=STAMP, fuzzy=False)
        fresh.update(template)
        target = folder / args.new / "LC_MESSAGES" / "messages.po"
        if target.exists():
            print(f"{target.relative_to(ROOT)} exists already", file=sys.stderr)
            return 1
        write(fresh, target)
    for path in sorted(folder.glob("*/LC_MESSAGES/messages.po")):
        with path.open("rb") as file:
            catalog = read_po(file)
        catalog.update(template, no_fuzzy_matching=True)
        write(catalog, path)
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
