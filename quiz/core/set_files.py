"""Which files are question sets, and reading one within its limits: kept apart from the loader so
that finding and reading them imports no pydantic (the game's home screen lists sets, and the
review screen shows a draft, before they need the models)."""

from __future__ import annotations

import codecs
from pathlib import Path

from quiz.core.diagnostics import Diagnostic, Severity

SET_SUFFIXES = (".yaml", ".yml")


def set_files_in(folder: Path) -> list[Path]:
    """The set files anywhere below `folder`, sorted."""
    return sorted(p for p in folder.rglob("*") if p.suffix in SET_SUFFIXES and p.is_file())


def read_text_file(path: Path, limit: int, what: str) -> str | Diagnostic:
    """A file's text, refused before reading when too large, with a located error when not UTF-8."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            return _file_error(
                name,
                f"the {what} file is {size:,} bytes, more than the {limit:,} allowed",
                "split it into several files",
                "too-large",
            )
        with path.open("rb") as stream:
            data = stream.read(limit + 1)  # a file that grows while we read is still bounded
    except OSError as error:
        return _file_error(
            name, f"cannot read the {what} file: {error.strerror}", None, "unreadable"
        )
    if len(data) > limit:
        return _file_error(
            name, f"the {what} file is larger than {limit:,} bytes", None, "too-large"
        )
    # The BOM is dropped by hand rather than by "utf-8-sig", whose error offsets skip it.
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        # In characters, as every other column: what precedes the bad byte on its line is UTF-8.
        column = len(data[line_start : error.start].decode("utf-8")) + 1
        return Diagnostic(
            name,
            line,
            column,
            Severity.ERROR,
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} cannot be read)",
            "save it as UTF-8: in most editors, 'Save with encoding' → UTF-8",
            code="encoding",
        )


def _file_error(path: str, message: str, hint: str | None, code: str) -> Diagnostic:
    return Diagnostic(path, 1, 1, Severity.ERROR, message, hint, code=code)
