"""Archived copies: the Internet Archive's closest snapshot of a source, and writing it into the
card as ``archive_url`` without touching any other byte of the file."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import yaml

from generator.adapters.files import replace_file
from generator.adapters.linkcheck import USER_AGENT
from generator.load.fields import is_web_url

ARCHIVE_API = "https://archive.org/wayback/available"
PLAIN_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s#,\[\]{}'\"]+")  # safe as a plain YAML scalar


class ArchiveError(Exception):
    """The archive could not be asked, or gave an answer we cannot read."""


def closest_snapshot(url: str, when: str | None, api: str, timeout: float) -> str | None:
    """The address of the capture of ``url`` closest to ``when`` (an ISO date) that the archive
    served with status 200, or None when it has none."""
    query = {"url": url, **({"timestamp": when.replace("-", "")} if when else {})}
    request = urllib.request.Request(f"{api}?{urlencode(query)}", headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.loads(response.read(1_000_000).decode("utf-8"))
    except (OSError, ValueError) as error:
        raise ArchiveError(str(getattr(error, "reason", None) or error)) from None
    closest = (answer.get("archived_snapshots") or {}).get("closest") if isinstance(answer, dict) else None
    if not isinstance(closest, dict) or str(closest.get("status")) != "200":
        return None
    snapshot = closest.get("url")
    return snapshot if isinstance(snapshot, str) and is_web_url(snapshot) else None


def yaml_scalar(text: str) -> str:
    return text if PLAIN_URL.fullmatch(text) else json.dumps(text)


def with_archive_urls(text: str, snapshots: dict[str, str]) -> str:
    """``text`` with an ``archive_url`` after each ``url`` that has a snapshot and no archived copy
    yet: in block style a new line at the ``url`` key's column, in a flow mapping ``, archive_url: …``
    after the value. Every other byte stays as it was (comments, quoting, line endings)."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    newline = "\r\n" if "\r\n" in text else "\n"
    inserts: list[tuple[int, str]] = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            keys = {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
            stack.extend(v for _, v in node.value)
            url = keys.get("url")
            if url is None or "archive_url" in keys or url[1].value not in snapshots:
                continue
            key, value = url
            entry = f"archive_url: {yaml_scalar(snapshots[value.value])}"
            end = value.end_mark.index
            if node.flow_style:
                inserts.append((end, f", {entry}"))
            else:
                line = f"{' ' * key.start_mark.column}{entry}"
                line_end = text.find("\n", end)
                last = line_end == -1  # the url is on the file's last line, with no line break
                inserts.append((len(text), newline + line) if last else (line_end + 1, line + newline))
    for at, piece in sorted(inserts, reverse=True):
        text = text[:at] + piece + text[at:]
    return text


def write_archive_urls(path: Path, snapshots: dict[str, str], top: Path) -> bool:
    """Add the snapshots to one file; True when it changed. A byte-order mark is kept."""
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    changed = with_archive_urls(text, snapshots)
    if changed == text:
        return False
    replace_file(path, ("\ufeff" if bom else "") + changed, top)
    return True
