"""The command-line adapter: ``explainer check | new | links | schema | serve | export``.

Content mistakes are printed as ``path:line:col: message`` lines, never as tracebacks.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from generator import __version__
from generator.adapters import export, links, new_site, scaffold, supervise
from generator.adapters.files import UnsafeWrite, make_folders, replace_file
from generator.memo import Memo
from generator.pipeline import check, collector_paused
from generator.problems import Problem, display_path
from generator.schemas import SCHEMA_DIR, all_schemas, render_schema


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, passed = parser.parse_known_args(argv)
    if passed and args.run is not supervise.run:  # only `serve` passes options on, to `mkdocs serve`
        parser.error(f"unrecognized arguments: {' '.join(passed)}")
    args.passed = passed
    try:
        with collector_paused(freeze=True):  # one run per process: what it makes lives until exit
            return args.run(args)
    except UnsafeWrite as refusal:
        print(refusal, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="explainer", description=(
        "Claim cards beside the original text: validate content, scaffold files, export a site."))
    parser.add_argument("--version", action="version", version=f"explainer {__version__}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    check_cmd = commands.add_parser("check", help="validate every file under content/")
    check_cmd.add_argument("--content", type=Path, default=Path("content"), metavar="DIR",
                           help="the content folder (default: content)")
    check_cmd.add_argument("--config", type=Path, metavar="FILE",
                           help="the site's mkdocs.yml, checked too (default: mkdocs.yml, if there is one)")
    check_cmd.add_argument("--format", choices=("text", "json"), default="text",
                           help="json: one array of {path, line, column, message} for tools")
    check_cmd.set_defaults(run=run_check)

    new = commands.add_parser("new", help="scaffold a site, an article or a claim card")
    kinds = new.add_subparsers(required=True, metavar="KIND")
    new_article = kinds.add_parser("article", help="content/articles/<id>/ with its files")
    new_article.add_argument("article_id")
    new_claim = kinds.add_parser("claim", help="content/articles/<article-id>/claims/<claim-id>.yaml")
    new_claim.add_argument("article_id")
    new_claim.add_argument("claim_id")
    for sub in (new_article, new_claim):
        sub.add_argument("--content", type=Path, default=Path("content"), metavar="DIR")
        sub.set_defaults(run=scaffold.run)
    new_site_cmd = kinds.add_parser("site", help="a complete, clean site of your own in a new folder")
    new_site.add_arguments(new_site_cmd)
    new_site_cmd.set_defaults(run=new_site.run)

    schema_cmd = commands.add_parser("schema", help="write the JSON Schemas editors use to check content")
    schema_cmd.add_argument("directory", type=Path, nargs="?", default=Path(SCHEMA_DIR),
                            help="where to write them (default: schema)")
    schema_cmd.set_defaults(run=run_schema)

    links_cmd = commands.add_parser("links", help="check every external address the content cites")
    links.add_arguments(links_cmd)
    links_cmd.set_defaults(run=links.run)

    serve_cmd = commands.add_parser("serve", help=(
        "the preview, supervised: it answers every request within a second, even while mkdocs.yml is "
        "broken (other options go to mkdocs serve)"))
    supervise.add_arguments(serve_cmd)
    serve_cmd.set_defaults(run=supervise.run)

    export_cmd = commands.add_parser("export", help="write a site source that builds without the plugin")
    export_cmd.add_argument("directory", type=Path)
    export_cmd.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="FILE",
                            help="the mkdocs.yml to export (default: mkdocs.yml)")
    export_cmd.set_defaults(run=export.run)
    return parser


def counted(number: int, thing: str) -> str:
    return f"{number} {thing}{'' if number == 1 else 's'}"


def problem_record(problem: Problem) -> dict[str, str | int]:
    return {"path": display_path(problem.path), "line": problem.position.line,
            "column": problem.position.column, "message": problem.message}


def run_schema(args: argparse.Namespace) -> int:
    make_folders(args.directory, Path.cwd())
    for name, schema in all_schemas().items():
        path = args.directory / name
        replace_file(path, render_schema(schema), Path.cwd())
        print(f"wrote {display_path(path)}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    result = check(args.content, Memo.one_shot())
    if args.config is not None or os.path.lexists("mkdocs.yml"):  # the site's settings are the author's too
        from generator.adapters.plugin import config_problems  # MkDocs loads only when there is a site

        result.problems.extend(config_problems(args.config or Path("mkdocs.yml")))
    lines = result.problems.lines()
    for note in result.problems.note_lines():
        print(note, file=sys.stderr)  # never a problem: stdout and the exit code stay the problems'
    if args.format == "json":
        print(json.dumps([problem_record(p) for p in sorted(set(result.problems))], ensure_ascii=False,
                         indent=2))
        return 1 if lines else 0
    for line in lines:
        print(line)
    if lines:
        print(f"{len(lines)} problem{'s' if len(lines) != 1 else ''} found.", file=sys.stderr)
        return 1
    site = result.site
    cards = sum(len(a.cards) for a in site.articles) if site else 0
    articles = len(site.articles) if site else 0
    print(f"All good: {counted(articles, 'article')}, {counted(cards, 'claim card')} checked.",
          file=sys.stderr)
    return 0
