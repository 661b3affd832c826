"""The two ways an import or export fails: bad input (located), or a missing optional library."""

from __future__ import annotations

from quiz.core.diagnostics import Diagnostic, QuestionSetError, Severity

EXTRA_HINT = "pip install 'quiz[interop]'"


class InteropError(QuestionSetError):
    """The file cannot be read or written: every error found, each `file:line:col` with a hint."""


class FormatUnavailable(Exception):
    """A format needs a library of the `interop` extra that is not installed."""

    def __init__(self, format_title: str, module: str) -> None:
        self.module = module
        super().__init__(
            f"{format_title} needs the Python package '{module.split('.')[0]}', which is not "
            f"installed: {EXTRA_HINT}"
        )


def file_error(
    path: str,
    message: str,
    hint: str | None = None,
    *,
    line: int = 1,
    column: int = 1,
    code: str = "interop",
) -> InteropError:
    """One located error as an exception, ready to raise."""
    return InteropError([Diagnostic(path, line, column, Severity.ERROR, message, hint, code=code)])
