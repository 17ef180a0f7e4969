"""Reading a content file as text: UTF-8, an optional BOM, any line endings.

An invalid byte is reported at its own line and column rather than as a decoder traceback.
"""

from __future__ import annotations

from pathlib import Path

from generator.load.limits import megabytes
from generator.memo import fingerprint
from generator.problems import Position

BOM = b"\xef\xbb\xbf"


class TextError(Exception):
    def __init__(self, position: Position, message: str) -> None:
        super().__init__(message)
        self.position = position
        self.message = message


def read_text(path: Path, limit: int) -> str:
    """The file's text with the BOM dropped and line endings made ``\\n``; at most ``limit`` bytes."""
    with path.open("rb") as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        raise TextError(Position(1, 1), f"this file is larger than {megabytes(limit)}, the limit: "
                                        "split it into smaller files")
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise TextError(
            byte_position(data, error.start),
            f"byte 0x{data[error.start]:02x} is not UTF-8: save the file with UTF-8 encoding",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def byte_position(data: bytes, offset: int) -> Position:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Position(line, column)


def digest(text: str) -> bytes:
    """The fingerprint of a file's text, which the memo compares to reuse what it gave."""
    return fingerprint(text)
