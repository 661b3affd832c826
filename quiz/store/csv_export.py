"""CSV files that open right where teachers open them: Excel, LibreOffice, Google Sheets.

- UTF-8 with a byte-order mark: without it Excel guesses a legacy code page and mangles accents.
- RFC 4180: `\\r\\n` between records, quotes only where needed, embedded quotes doubled.
- Numbers are written as numbers (never quoted), so that a spreadsheet can sum and sort them. With
  `;` as delimiter — what French-locale Excel expects — decimals use a comma, as it also expects.
- Formula injection: a text cell whose first visible character is `=`, `+`, `-` or `@` would be
  run as a formula by a spreadsheet (a player named `=HYPERLINK(...)`). "Visible": spreadsheets
  trim leading spaces (LibreOffice's "trim spaces"), so ` =1`, `\\t=1` or `\\u3000=1` count, and
  some fold the full-width forms `＝ ＋ － ＠` to ASCII. Such cells get a leading `'`, which
  spreadsheets show as text. A real number (an int or float value) is never touched, nor is text
  that is just a number ("-5"), which no spreadsheet runs. `neutralise` is the one place that
  decides, for every export: the answers export calls it from its SQL query (`SQL_CELL_FUNCTION`).
- Atomic: the file is written beside its destination, synced and renamed over it, so a kill in
  mid-export leaves either the old file or the whole new one.
"""

from __future__ import annotations

import csv
import gc
import io
import itertools
import math
import os
import re
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""What starts a formula: `=`, `+`, `-`, `@`, and their full-width forms `＝ ＋ － ＠`."""
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")
_INVISIBLE = frozenset({"Cc", "Cf"})
"""Unicode categories of controls and format characters (zero-width space, BOM, bidi marks):
nothing a reader sees, so a cell that starts with them starts, for its reader, with what follows."""
ALLOWED_DELIMITERS = (",", ";", "\t", "|")

PLAIN_FIRST_CODE_POINTS = ((0x41, 0x7E), (0x30, 0x39), (0xAE, 0x5FF))
"""First characters after which `neutralise` keeps any cell that holds no CR: ASCII letters and
the punctuation after `@`, digits, then Latin, Greek, Cyrillic, Armenian and Hebrew. No rule
of its own: a shortcut that spares most cells the call (a test checks every code point against
`neutralise`)."""
_PLAIN_FIRST = frozenset(
    chr(code) for low, high in PLAIN_FIRST_CODE_POINTS for code in range(low, high + 1)
)

SQL_CELL_FUNCTION = "quiz_csv_cell"
"""The name of `sql_cell` in SQL: the results store registers it on its connection, so that the
answers export, made safe inside its query, follows this module's rule and no copy of it."""


def _visible_start(text: str) -> str:
    """`text` from its first character that a spreadsheet neither trims nor hides."""
    for index, character in enumerate(text):
        if not character.isspace() and unicodedata.category(character) not in _INVISIBLE:
            return text[index:]
    return ""


def neutralise(text: str) -> str:
    """Text as a spreadsheet should show it: never a formula, line breaks as plain `\\n`.

    The one place that decides, for every export (the answers export calls it from SQL).
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    visible = _visible_start(text)
    if visible.startswith(FORMULA_TRIGGERS) and not _PLAIN_NUMBER.fullmatch(visible):
        return "'" + text
    return text


def sql_cell(value: str | bytes | int | float | None) -> str | bytes | int | float | None:
    """`neutralise` as SQL calls it (`SQL_CELL_FUNCTION`): numbers and NULL pass unchanged."""
    return neutralise(value) if isinstance(value, str) else value


def _number_formatter(decimal_comma: bool) -> Callable[[float], str]:
    def format_float(value: float) -> str:
        if not math.isfinite(value):
            return ""  # no spreadsheet reads "nan" or "inf" as a number
        text = repr(value)
        return text.replace(".", ",") if decimal_comma else text

    return format_float


def csv_cells(row: Sequence[Any], format_float: Callable[[float], str]) -> list[Any]:
    """One record's cells, typed for the csv module: ints stay ints, text is neutralised.

    Written for speed (it runs once per exported row): the common cases are tested first, and text
    that cannot trigger anything skips the call to `neutralise`.
    """
    cells: list[Any] = []
    for value in row:
        kind = value.__class__
        if kind is str:
            plain = value and value[0] in _PLAIN_FIRST and "\r" not in value
            cells.append(value if plain else neutralise(value))
        elif kind is int:
            cells.append(value)
        elif value is None:
            cells.append("")
        elif kind is bool:
            cells.append(int(value))
        elif kind is float:
            cells.append(format_float(value))
        else:
            cells.append(neutralise(str(value)))
    return cells


def check_delimiter(delimiter: str) -> str:
    """The delimiter as the csv module wants it; "tab" and "\\t" both mean a tab."""
    if delimiter in ("tab", "\\t"):
        delimiter = "\t"
    if delimiter not in ALLOWED_DELIMITERS:
        shown = ", ".join(repr(d) for d in ALLOWED_DELIMITERS)
        raise ValueError(f"the delimiter must be one of {shown}, not {delimiter!r}")
    return delimiter


def _dialect(delimiter: str, decimal_comma: bool | None) -> tuple[str, bool]:
    """The checked delimiter, and whether decimals take a comma (by default with `;` only)."""
    delimiter = check_delimiter(delimiter)
    if decimal_comma is None:
        decimal_comma = delimiter == ";"
    if decimal_comma and delimiter == ",":
        raise ValueError("decimal commas need another delimiter than ','")
    return delimiter, decimal_comma


def write_csv(
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    destination: str | os.PathLike[str] | None = None,
    *,
    delimiter: str = ",",
    decimal_comma: bool | None = None,
    prepared: bool = False,
) -> int:
    """Write a header and rows as CSV to `destination` (None or "-": standard output).

    `decimal_comma` defaults to True exactly when the delimiter is `;`. `prepared` rows already
    hold safe cells (text neutralised, numbers formatted, as `db.ANSWERS_QUERY` makes them) and
    go to the csv module untouched: the fast path for big exports. Returns the number of rows.
    """
    delimiter, decimal_comma = _dialect(delimiter, decimal_comma)
    if destination is None or str(destination) == "-":
        stream = _stdout_text()
        try:
            return _write_rows(stream, header, rows, delimiter, decimal_comma, prepared)
        finally:
            stream.flush()
            stream.detach()
    return _write_atomically(Path(destination), header, rows, delimiter, decimal_comma, prepared)


def csv_text(
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    delimiter: str = ",",
    decimal_comma: bool | None = None,
    prepared: bool = False,
) -> str:
    """The CSV `write_csv` would write, as one string that starts with the byte-order mark.

    For exports that are not files of ours: the app hands this text to Textual's `deliver_text`,
    which saves it to the downloads folder or sends it to the browser. Same rules, same bytes
    once encoded as UTF-8.
    """
    delimiter, decimal_comma = _dialect(delimiter, decimal_comma)
    stream = io.StringIO(newline="")
    stream.write(BOM)
    _write_rows(stream, header, rows, delimiter, decimal_comma, prepared)
    return stream.getvalue()


BOM = "\ufeff"
"""What `utf-8-sig` writes first, as text: Excel reads the file as UTF-8 only with it."""

CHUNK_ROWS = 2000
"""Rows formatted into memory before one write: writing row by row through the file's encoder
costs more than the CSV formatting itself."""


def _write_rows(
    stream: IO[str],
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    delimiter: str,
    decimal_comma: bool,
    prepared: bool = False,
) -> int:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([neutralise(str(name)) for name in header])
    format_float = _number_formatter(decimal_comma)
    remaining = iter(rows)
    count = 0
    with _cyclic_gc_paused():
        while chunk := list(itertools.islice(remaining, CHUNK_ROWS)):
            if prepared:
                writer.writerows(chunk)
            else:
                writer.writerows([csv_cells(row, format_float) for row in chunk])
            count += len(chunk)
            stream.write(buffer.getvalue())
            buffer.seek(0)
            buffer.truncate()
    stream.write(buffer.getvalue())  # the header, when there are no rows
    return count


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Rows are short-lived tuples that form no cycles; 100,000 of them would only make the
    cyclic garbage collector run hundreds of times for nothing (about 7 % of an export)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _stdout_text() -> io.TextIOWrapper:
    stdout = sys.stdout
    stdout.flush()
    return io.TextIOWrapper(stdout.buffer, encoding="utf-8-sig", newline="", write_through=False)


def _write_atomically(
    target: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    delimiter: str,
    decimal_comma: bool,
    prepared: bool,
) -> int:
    directory = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise IsADirectoryError(f"{target} is a folder; name a .csv file")
    if not directory.is_dir():
        raise FileNotFoundError(f"cannot write {target}: the folder {directory} does not exist")
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=directory
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8-sig", newline="") as stream:
            count = _write_rows(stream, header, rows, delimiter, decimal_comma, prepared)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target))
        try:
            os.replace(temporary, target)
        except PermissionError as error:
            # Windows refuses to replace a file a spreadsheet holds open.
            raise PermissionError(
                f"cannot replace {target} ({error.strerror}): if it is open in a spreadsheet, "
                "close it and export again"
            ) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_directory(directory)
    return count


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new one gets the usual 0666 minus the umask."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder for syncing."""
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
