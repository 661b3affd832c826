"""`quiz export`: a question set written for another tool, with what it could not keep located.

Each loss is reported once per question, at the question's line in the set's file, in the same
`file:line:col` form as `quiz check`; nothing is truncated or dropped without such a line.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from quiz.core.diagnostics import Diagnostic, Severity
from quiz.core.models import QuestionSet
from quiz.core.yaml_reader import locate_all
from quiz.interop.errors import InteropError
from quiz.interop.model import Format
from quiz.interop.registry import get_format


@dataclass
class ExportResult:
    data: bytes
    format: Format
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """One warning per question that lost something, located in the set's file."""
    notes: list[str] = field(default_factory=list)
    exported: int = 0


def export_set(question_set: QuestionSet, format_name: str) -> ExportResult:
    """Write the set in the named format; `InteropError` when no question can be written."""
    fmt = get_format(format_name)
    written = fmt.write(question_set)
    path = question_set.source_path or f"<{question_set.id}>"
    by_question: dict[int, list[str]] = defaultdict(list)
    left_out: set[int] = set()
    for loss in written.losses:
        by_question[loss.index].append(loss.what)
        if loss.skipped:
            left_out.add(loss.index)
    indices = sorted(by_question)
    positions = _positions(question_set.source_path, indices)
    diagnostics = []
    for index, (line, column) in zip(indices, positions, strict=True):
        question = question_set.questions[index]
        head = (
            f"question '{question.id}' is left out"
            if index in left_out
            else f"question '{question.id}'"
        )
        diagnostics.append(
            Diagnostic(
                path,
                line + 1,
                column + 1,
                Severity.WARNING,
                f"{head}: " + "; ".join(by_question[index]),
                code="not-held",
            )
        )
    if written.exported == 0:
        raise InteropError(
            [
                *diagnostics,
                Diagnostic(
                    path,
                    1,
                    1,
                    Severity.ERROR,
                    f"no question of this set can be written as {fmt.title}",
                    "the warnings above say why for each question; another format may hold them",
                    code="nothing-to-export",
                ),
            ]
        )
    return ExportResult(written.data, fmt, diagnostics, written.notes, written.exported)


def _positions(source: str | None, indices: list[int]) -> list[tuple[int, int]]:
    """Where each of these questions sits in the set's file, found in one pass over its YAML
    ((0, 0) each when the set has no readable file)."""
    try:
        text = Path(source).read_text(encoding="utf-8-sig") if source and indices else None
    except (OSError, UnicodeError):
        text = None
    if text is None:
        return [(0, 0)] * len(indices)
    return locate_all(text, [(("questions", index), False) for index in indices])
