"""What every format hands over: questions read from a file, and what a written file lost.

A format's reader turns its file into `ReadQuestion`s holding question-set fields (the keys a
teacher writes in YAML) plus notes on what quiz cannot hold; its writer returns the bytes and a
`Loss` for each thing a question could not keep. `Format` is the one shape the registry knows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from quiz.core.diagnostics import Diagnostic
from quiz.core.models import QuestionSet


@dataclass(frozen=True)
class Unsupported:
    """A type-table entry for a question type one side has no form for, and why."""

    reason: str


@dataclass
class ReadQuestion:
    """One question read from a foreign file, as question-set fields, located in that file."""

    fields: dict[str, Any]
    line: int
    column: int = 1
    name: str | None = None
    """The name the file gives the question (GIFT `::title::`, Moodle's <name>), if any."""
    notes: list[str] = field(default_factory=list)
    """What the file says about this question that quiz cannot hold (reported, never dropped silently)."""


@dataclass
class Bank:
    """Everything a reader found in one file."""

    questions: list[ReadQuestion] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    """Questions left out (a type quiz has no form for), located in the file."""
    set_fields: dict[str, Any] = field(default_factory=dict)
    """Set-level fields a quiz export left in a comment (id, title, language, article…)."""
    title: str | None = None
    """A title the file suggests for the set (a Moodle category)."""


@dataclass(frozen=True)
class Loss:
    """Something one question of a set could not keep in the written file."""

    index: int
    """The question's position in the set."""
    what: str
    skipped: bool = False
    """True when the whole question is left out of the file."""


@dataclass
class Written:
    """A written file and what it lost."""

    data: bytes
    losses: list[Loss] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Remarks about the whole file (fields kept only in comments the platform ignores…)."""
    exported: int = 0


@dataclass(frozen=True)
class Format:
    """One import/export format, as the registry lists it."""

    name: str
    """The name on the command line: gift, moodle-xml, aiken, kahoot-xlsx."""
    title: str
    suffix: str
    """The usual file name ending, for a default output name."""
    binary: bool
    exports: Mapping[str, object]
    """The type table, quiz → format: a writer per question type, or `Unsupported`."""
    imports: Mapping[str, object]
    """The type table, format → quiz: a reader per kind of question the format has, or `Unsupported`."""
    detect: Callable[[bytes], bool]
    """Whether bytes look like this format (cheap: no parsing library needed)."""
    read: Callable[[bytes, str], Bank]
    write: Callable[[QuestionSet], Written]
