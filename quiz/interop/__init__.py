"""Question sets in and out of other tools: Moodle's GIFT and XML, Aiken, the Kahoot! spreadsheet.

`import_file` reads a teacher's question bank into a question set that passes `quiz check`;
`export_set` writes a set for Moodle or Kahoot!. Each format is one module behind the registry
(`quiz.interop.registry`), and whatever one side cannot hold is reported, question by question,
never silently dropped. The formats' parsing libraries (lark, lxml, openpyxl) come with the
`interop` extra; they are imported only when a format needs them.
"""

from __future__ import annotations

from quiz.interop.errors import FormatUnavailable, InteropError
from quiz.interop.exporting import ExportResult, export_set
from quiz.interop.importing import ImportResult, import_file
from quiz.interop.registry import FORMATS, detect_format, get_format

__all__ = [
    "FORMATS",
    "ExportResult",
    "FormatUnavailable",
    "ImportResult",
    "InteropError",
    "detect_format",
    "export_set",
    "get_format",
    "import_file",
]
