"""``explainer links``: is every source the content cites still there?

Each distinct address is asked once; each finding is reported at every place that cites it, as
``path:line:column: <broken|suspect|unreachable> <url>: why``. Exit 0 when nothing is broken, 1 when
something is, 2 when nothing could be reached at all (no network: a workflow can tell "offline" from
"dead links"). With ``--archive`` the closest archived copy of each source without one is looked
up, and with ``--write`` written into the files as ``archive_url``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

from generator.adapters.archive import ARCHIVE_API, ArchiveError, closest_snapshot, write_archive_urls
from generator.adapters.linkcheck import Verdict, check_all
from generator.load import load_content
from generator.memo import Memo
from generator.problems import Problem, Problems, display_path, one_line, shown_path
from generator.resolve.citations import Citation, citations

SEVERITY = {"broken": "error", "suspect": "warning", "unreachable": "warning"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), metavar="DIR")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text")
    parser.add_argument("--timeout", type=float, default=15.0, metavar="S", help="seconds per request (15)")
    parser.add_argument("--jobs", type=int, default=8, metavar="N", help="requests at a time (8)")
    parser.add_argument("--archive", action="store_true",
                        help="look up an archived copy of each source without one")
    parser.add_argument("--archive-api", default=ARCHIVE_API, metavar="URL",
                        help="the availability API to ask")
    parser.add_argument("--write", action="store_true",
                        help="with --archive: write archive_url into the files")


def run(args: argparse.Namespace) -> int:
    if not args.content.is_dir():
        print(f"{display_path(args.content)}:1:1: content folder not found: pass --content DIR",
              file=sys.stderr)
        return 2
    problems = Problems()
    cited = citations(load_content(args.content, problems, Memo.one_shot()))
    if problems:
        print(f"{len(problems.lines())} problems in the content (see `explainer check`): their files are "
              "checked only as far as they could be read", file=sys.stderr)
    places: dict[str, list[Citation]] = defaultdict(list)
    for citation in cited:
        places[citation.url].append(citation)
    verdicts = check_all(places, args.timeout, args.jobs, progress_printer())
    findings = [(citation, verdict) for url, verdict in verdicts.items() if verdict.kind != "ok"
                for citation in places[url]]
    findings.sort(key=lambda item: (str(item[0].path), item[0].position, item[0].url))
    snapshots = lookup_archives(places, args) if args.archive else []
    emit(findings, snapshots, args.format)
    if args.archive and args.write:
        write_snapshots(snapshots, args.content)
    kinds = [verdict.kind for verdict in verdicts.values()]
    summary = ", ".join(f"{kinds.count(k)} {k}" for k in ("ok", "broken", "suspect", "unreachable"))
    print(f"{len(verdicts)} addresses checked: {summary}.", file=sys.stderr)
    if kinds and all(kind == "unreachable" for kind in kinds):
        return 2
    return 1 if "broken" in kinds else 0


def progress_printer():
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\rchecked {done} of {total} addresses", end="\n" if done == total else "", file=sys.stderr,
              flush=True)
    return show


def lookup_archives(places: dict[str, list[Citation]], args: argparse.Namespace
                    ) -> list[tuple[Citation, str | None, str]]:
    """For each source without an archived copy: (where, snapshot or None, what to report)."""
    found = []
    for url in sorted(places):
        sources = [c for c in places[url] if c.source and not c.archived]
        if not sources:
            continue
        when = next((c.when for c in sources if c.when), None)
        try:
            snapshot = closest_snapshot(url, when, args.archive_api, args.timeout)
            note = f"archived copy: {snapshot}" if snapshot else "no archived copy with status 200"
        except ArchiveError as error:
            snapshot, note = None, f"archive lookup failed: {error}"
        found += [(citation, snapshot, f"{url}: {note}") for citation in sources]
    return found


def emit(findings: list[tuple[Citation, Verdict]], snapshots: list[tuple[Citation, str | None, str]],
         form: str) -> None:
    if form == "json":
        records = [record(c, v.kind, v.detail) for c, v in findings]
        records += [{**record(c, "archive", note), "archive_url": found} for c, found, note in snapshots]
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return
    for citation, verdict in findings:
        message, kind = f"{citation.url}: {verdict.detail}", verdict.kind
        print(annotation(citation, SEVERITY[kind], f"{kind} link", message) if form == "github"
              else Problem(citation.path, citation.position, f"{kind} {message}").line())
    for citation, _, note in snapshots:
        print(annotation(citation, "notice", "archive", note) if form == "github"
              else Problem(citation.path, citation.position, note).line())
    if form == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        write_summary(Path(os.environ["GITHUB_STEP_SUMMARY"]), findings)


def annotation(citation: Citation, level: str, title: str, message: str) -> str:
    """A GitHub workflow command that puts the message beside the file's line."""
    return one_line(f"::{level} file={display_path(citation.path)},line={citation.position.line},"
                    f"col={citation.position.column},title={title}::{message}")


def record(citation: Citation, status: str, message: str) -> dict:
    return {"path": display_path(citation.path), "line": citation.position.line,
            "column": citation.position.column, "url": citation.url, "status": status, "message": message}


def write_summary(path: Path, findings: list[tuple[Citation, Verdict]]) -> None:
    """The run's summary page on GitHub: a table of every finding, or a line saying there is none."""
    lines = ["## Links in the content", ""]
    if not findings:
        lines.append("Every cited address answered.")
    else:
        lines += ["| where | status | address | why |", "|---|---|---|---|"]
        lines += [f"| `{display_path(c.path)}:{c.position.line}` | {v.kind} | {c.url.replace('|', '%7C')} | "
                  f"{v.detail.replace('|', '/')} |" for c, v in findings]
    with path.open("a", encoding="utf-8") as summary:
        summary.write("\n".join(lines) + "\n")


def write_snapshots(snapshots: list[tuple[Citation, str | None, str]], content: Path) -> None:
    by_file: dict[Path, dict[str, str]] = defaultdict(dict)
    for citation, snapshot, _ in snapshots:
        if snapshot:
            by_file[citation.path][citation.url] = snapshot
    for path, urls in sorted(by_file.items()):
        if write_archive_urls(path, urls, content):
            print(f"{shown_path(path)}: archive_url added to {len(urls)} source(s)",
                  file=sys.stderr)
