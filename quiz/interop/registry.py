"""The formats by name: the one place that lists them, and how a file's format is recognised.

Adding a format is one module exposing `FORMAT`, one entry in `_ALL` and its place in
`_DETECTION_ORDER`; the commands and the rest of the package ask this registry and never name a
format's module.
"""

from __future__ import annotations

from pathlib import Path

from quiz.interop import aiken, gift, kahoot, moodle_xml
from quiz.interop.errors import file_error
from quiz.interop.model import Format

_ALL: tuple[Format, ...] = (gift.FORMAT, moodle_xml.FORMAT, aiken.FORMAT, kahoot.FORMAT)

FORMATS: dict[str, Format] = {f.name: f for f in _ALL}
FORMAT_NAMES: tuple[str, ...] = tuple(FORMATS)

# Most recognisable first: a zip container, then XML, then the two plain-text formats (Aiken's
# "ANSWER:" lines before GIFT's braces, since an Aiken file has none).
_DETECTION_ORDER = ("kahoot-xlsx", "moodle-xml", "aiken", "gift")


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown format '{name}': one of {', '.join(FORMAT_NAMES)}") from None


def detect_format(data: bytes, path: Path) -> Format:
    """The format `data` is in, by its content first, then by its file name."""
    for name in _DETECTION_ORDER:
        if FORMATS[name].detect(data):
            return FORMATS[name]
    for candidate in _ALL:
        if path.name.lower().endswith(candidate.suffix):
            return candidate
    raise file_error(
        str(path),
        "cannot tell which format this file is in",
        f"name it with --format ({'|'.join(FORMAT_NAMES)})",
        code="unknown-format",
    )
