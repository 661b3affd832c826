"""Reading a file to import, with every limit checked before the work it protects."""

from __future__ import annotations

import codecs
from pathlib import Path

from quiz.core.set_reading import MAX_FILE_BYTES, FileProblem, read_bounded
from quiz.interop.errors import file_error

MAX_IMPORT_BYTES = MAX_FILE_BYTES
"""The loader's limit for a set file (32 MiB), checked before a byte is read."""
MAX_QUESTIONS = 10_000
"""Questions in one imported file: a bank of 10,000 is about 6 MB of GIFT."""


def read_source(path: Path) -> bytes:
    """The file's bytes, read as the loader reads a set: refused by size before reading, bounded
    while reading, and only from an ordinary file (a named pipe would never end)."""
    try:
        return read_bounded(path, MAX_IMPORT_BYTES, "question bank")
    except FileProblem as problem:
        raise file_error(str(path), problem.message, problem.hint, code=problem.code) from None


def decode_text(data: bytes, path: str, what: str) -> str:
    """A text format's bytes as text, with a located error for binary data or another encoding."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    nul = data.find(b"\0")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        column = nul - (data.rfind(b"\n", 0, nul) + 1) + 1
        raise file_error(
            path,
            f"this is not a {what} file: it holds binary data (a NUL byte)",
            "give a text file saved as UTF-8, or name its format with --format",
            line=line,
            column=column,
            code="binary",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        raise file_error(
            path,
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} cannot be read)",
            "save it as UTF-8: in most editors, 'Save with encoding' → UTF-8",
            line=line,
            column=column,
            code="encoding",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_question_count(count: int, path: str) -> None:
    """Refuse a bank with too many questions before converting any of them."""
    if count > MAX_QUESTIONS:
        raise file_error(
            path,
            f"the file holds {count:,} questions, more than the {MAX_QUESTIONS:,} one import allows",
            "split the question bank into several files",
            code="too-many-questions",
        )
