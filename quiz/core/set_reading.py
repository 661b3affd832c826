"""Reading a set's files safely: bounded, regular files only, never blocking, never outside.

A set file and the article text it links (`article.text_file`) are read through `read_bounded`:
refused from their size before being read, refused unless they are ordinary files (a named pipe
would block the reader forever, `/dev/zero` never ends), and opened without blocking. A file a set
names is found with `resolve_linked`, which keeps it inside the set's own folder, links followed:
a set must not be able to show students `/etc/passwd` or the server's environment.

No pydantic here: the game's home screen checks its cache of summaries with these functions too.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path, PurePath

from quiz.core.diagnostics import Diagnostic, Severity

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Refused before reading: a bank of 10,000 questions is about 7 MB."""
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
"""An article's text: a long feature is 50 KB."""

# O_NONBLOCK: a named pipe swapped in after the type check cannot block the open (regular files
# ignore the flag). O_NOCTTY: a terminal device never becomes the controlling terminal.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class FileProblem(Exception):
    """Why a file cannot be read, in a teacher's words (`code` as in `Diagnostic`)."""

    def __init__(self, message: str, hint: str | None = None, *, code: str) -> None:
        super().__init__(message)
        self.message, self.hint, self.code = message, hint, code


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not an ordinary file"


def _check_regular(mode: int, what: str) -> None:
    if not stat.S_ISREG(mode):
        raise FileProblem(
            f"the {what} file is {_kind(mode)}, not a regular file",
            f"name an ordinary {what} file saved as UTF-8 text",
            code="not-a-file",
        )


def read_bounded(path: Path, limit: int, what: str) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them, or `FileProblem`.

    The type and the size are checked before the file is opened; the open cannot block, and the
    read stops one byte past the limit even if the file grows meanwhile.
    """
    try:
        status = os.stat(path)
        _check_regular(status.st_mode, what)
        size = status.st_size
        if size > limit:
            raise FileProblem(
                f"the {what} file is {size:,} bytes, more than the {limit:,} allowed",
                "split it into several files",
                code="too-large",
            )
        descriptor = os.open(path, _OPEN_FLAGS)
        with os.fdopen(descriptor, "rb") as stream:
            # Swapped for something else between the check and the open: still refused.
            _check_regular(os.fstat(stream.fileno()).st_mode, what)
            # Asked for the expected size, not the limit: `read(n)` sets aside n bytes at once.
            data = stream.read(size + 1)
            if len(data) > size:  # grown since, or a /proc file that says 0: up to the limit
                data += stream.read(limit + 1 - len(data))
    except OSError as error:
        raise FileProblem(
            f"cannot read the {what} file: {error.strerror or error}", code="unreadable"
        ) from None
    if len(data) > limit:
        raise FileProblem(f"the {what} file is larger than {limit:,} bytes", code="too-large")
    return data


_OUTSIDE_HINT = (
    "keep the article's text in the set's folder or a folder below it (links are followed: "
    "a link that leads elsewhere does not count), and give its path relative to the set's file"
)


def resolve_linked(set_folder: Path, linked: str) -> Path:
    """Where the file that a set in `set_folder` names as `linked` is, or `FileProblem`.

    Only a relative path to a place inside `set_folder` (symbolic links resolved) is accepted:
    an absolute path, `..` out of the folder, or a link leading out of it is refused.
    """
    relative = PurePath(linked)
    if relative.is_absolute() or relative.anchor:  # the anchor: a drive, on Windows
        raise FileProblem(
            "an absolute path: the article file must be named relative to the set's folder",
            _OUTSIDE_HINT,
            code="outside-set-folder",
        )
    try:
        root = set_folder.resolve()
        target = (root / relative).resolve()
    except (OSError, RuntimeError) as error:  # a loop of links (RuntimeError before 3.13)
        raise FileProblem(f"cannot follow the path: {error}", code="unreadable") from None
    if not target.is_relative_to(root):
        raise FileProblem(
            "the article file is outside the set's folder", _OUTSIDE_HINT, code="outside-set-folder"
        )
    return target


def read_text_file(path: Path, limit: int, what: str) -> str | Diagnostic:
    """A file's text (see `read_bounded`), with a located error when it is not UTF-8."""
    name = str(path)
    try:
        data = read_bounded(path, limit, what)
    except FileProblem as problem:
        return _file_error(name, problem.message, problem.hint, problem.code)
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
