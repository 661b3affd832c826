"""Where the bundled question sets are, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path


def bundled_questions_dir() -> Path:
    """The folder of the question sets shipped with quiz (`questions/` in the repository).

    A plain install carries them as `quiz/bundled/` (see pyproject's package-dir); a source checkout,
    run directly or installed in editable mode, has them beside the package.
    """
    package = Path(__file__).resolve().parent
    installed = package / "bundled"
    return installed if installed.is_dir() else package.parent / "questions"
