"""Which set a teacher means by SET on the command line: a set file, or the id of a set.

A file gives the id, and also the prompts, skills and choices the report shows. An id is looked
up in a folder of sets (the bundled `questions/` by default); when no file has it, the exports
still work from the database alone, with what it stores (ids, skills, answers).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.core.set_files import SET_SUFFIXES

if TYPE_CHECKING:
    from quiz.core.models import QuestionSet


@dataclass(frozen=True)
class SetTarget:
    set_id: str
    question_set: QuestionSet | None
    from_file: bool
    """True when the teacher named a file: its version is the one to export, if it has results."""


def resolve_set(argument: str, questions_dir: Path | None) -> SetTarget:
    """The set named by `argument`; raises `QuestionSetError` (located) for a broken set file."""
    # The loader (pydantic) is imported only when a set is read: exports by id start without it.
    path = Path(argument)
    if path.suffix.lower() in SET_SUFFIXES or path.is_file():
        from quiz.core.loader import load_question_set

        question_set = load_question_set(path)
        return SetTarget(question_set.id, question_set, from_file=True)
    if questions_dir is not None and questions_dir.is_dir():
        from quiz.core.loader import check_paths

        for question_set in check_paths([questions_dir]).question_sets:
            if question_set.id == argument:
                return SetTarget(argument, question_set, from_file=False)
    return SetTarget(argument, None, from_file=False)
