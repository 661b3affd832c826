"""Where the bundled question sets are, installed or in a source checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def bundled_questions_dir() -> Path:
    """The folder of the question sets shipped with quiz (`questions/` in the repository).

    An installed quiz (plain or editable) has them as the package `quiz.bundled`; a source checkout
    run with `python -m quiz` finds them beside the package.
    """
    beside_package = Path(__file__).resolve().parent.parent / "questions"
    try:
        installed = Path(str(resources.files("quiz.bundled")))
    except ModuleNotFoundError:
        return beside_package
    return installed if installed.is_dir() else beside_package
