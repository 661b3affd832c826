"""Checks that need more than one field: the mistakes a schema cannot see but students would.

Each finding names the path of the node at fault (as pydantic paths look: `questions`, 3, `answer`),
so the loader can point at the exact line of the file. The checks of one question type are its
kind's (`QuestionKind.check` in `quiz.core.kinds`); those of the whole set (ids, evidence) are here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from quiz.core.diagnostics import Severity
from quiz.core.findings import Finding, Path, nearest
from quiz.core.kinds import kind_of
from quiz.core.models import QuestionBase, QuestionSet
from quiz.core.text import normalise_for_search

__all__ = ["Finding", "Path", "check_question_set", "check_questions", "nearest"]


def check_question_set(question_set: QuestionSet) -> Iterator[Finding]:
    """Every check, on a set that passed validation."""
    yield from check_questions(list(enumerate(question_set.questions)))
    yield from _check_evidence(question_set)


def check_questions(questions: Sequence[tuple[int, QuestionBase]]) -> Iterator[Finding]:
    """The checks of each question and of their ids, given with their index in the file.

    Takes (index, question) pairs so that, when some questions of a file are invalid, the valid
    ones are still checked and all the file's mistakes are reported at once.
    """
    seen_ids: dict[str, int] = {}
    for index, question in questions:
        at: Path = ("questions", index)
        if question.id in seen_ids:
            yield Finding(
                (*at, "id"),
                f"question id '{question.id}' is used twice in this set",
                "each question needs its own id: results are stored under it",
                code="duplicate-id",
                related=("questions", seen_ids[question.id], "id"),
            )
        else:
            seen_ids[question.id] = index

        yield from kind_of(question).check(question, at)


def _check_evidence(question_set: QuestionSet) -> Iterator[Finding]:
    text = question_set.article_text
    if text is None:
        if question_set.article.text_file is not None:
            return  # linked but unreadable: the loader has said why, at `text_file`
        yield Finding(
            ("article",),
            "evidence quotes are not checked: the set links no article text",
            "add `text_file:` under `article:` with the path of the article saved as UTF-8 text",
            severity=Severity.WARNING,
            code="evidence-unchecked",
        )
        return
    haystack = normalise_for_search(text)
    folded = haystack.casefold()
    for index, question in enumerate(question_set.questions):
        needle = normalise_for_search(question.evidence)
        if needle in haystack:
            continue
        if needle.casefold() in folded:
            hint = "the quote is there with other capitals: copy it exactly"
        else:
            hint = "evidence is a short verbatim quote of the article: copy and paste it"
        yield Finding(
            ("questions", index, "evidence"),
            "this evidence quote is not in the article text",
            hint,
            code="evidence-not-found",
        )
