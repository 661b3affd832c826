"""Checks that need more than one field: the mistakes a schema cannot see but students would.

Each finding names the path of the node at fault (as pydantic paths look: `questions`, 3, `answer`),
so the loader can point at the exact line of the file.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from quiz.core.diagnostics import Severity
from quiz.core.models import (
    HighlightQuestion,
    MultipleChoiceQuestion,
    OrderingQuestion,
    QuestionBase,
    QuestionSet,
    SingleChoiceQuestion,
    TextQuestion,
)
from quiz.core.text import find_phrase, normalise_answer, normalise_for_search

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    path: Path
    message: str
    hint: str | None = None
    severity: Severity = Severity.ERROR
    code: str = "check"
    related: Path | None = None
    """Another node the message refers to; the loader appends "(see line N)"."""


def nearest(word: str, candidates: list[str]) -> str | None:
    """The candidate closest to a misspelt `word`, if any is close enough to be a likely typo."""
    match = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return match[0] if match else None


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

        if isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion):
            yield from _check_choices(question, at)
        elif isinstance(question, OrderingQuestion):
            yield from _check_unique(question.items, (*at, "items"), "item")
        elif isinstance(question, HighlightQuestion):
            yield from _check_highlight(question, at)
        elif isinstance(question, TextQuestion):
            yield from _check_unique(question.answer, (*at, "answer"), "accepted answer")


def _check_unique(
    texts: list[str], at: Path, what: str, keys: list[str] | None = None
) -> Iterator[Finding]:
    """Texts that repeat one another once normalised (`keys`: their normal forms, if known)."""
    seen: dict[str, int] = {}
    for i, key in enumerate(keys if keys is not None else [normalise_answer(t) for t in texts]):
        if key in seen:
            yield Finding(
                (*at, i),
                f"this {what} repeats {what} {seen[key] + 1} ('{texts[seen[key]]}')",
                f"remove one of them: {what}s must differ once case, accents and spaces are ignored",
                code="duplicate",
                related=(*at, seen[key]),
            )
        else:
            seen[key] = i


def _check_choices(
    question: SingleChoiceQuestion | MultipleChoiceQuestion, at: Path
) -> Iterator[Finding]:
    # Each text is normalised once: these checks run on every choice of a bank of thousands.
    texts = [c.text for c in question.choices]
    normalised_choices = [normalise_answer(t) for t in texts]
    yield from _check_unique(texts, (*at, "choices"), "choice", normalised_choices)

    # One message per mistake: an answer that names no choice, or an `answer:` that disagrees
    # with the `correct: true` marks, also leaves the wrong number of right choices; that count
    # is only reported when the key itself is written consistently.
    answers = question.answer_texts()
    normalised_answers = [normalise_answer(a) for a in answers]
    key_is_consistent = True
    for i, (answer, key) in enumerate(zip(answers, normalised_answers, strict=True)):
        if key not in normalised_choices:
            key_is_consistent = False
            closest = nearest(answer, texts)
            where = (
                (*at, "answer")
                if isinstance(question, SingleChoiceQuestion)
                else (*at, "answer", i)
            )
            yield Finding(
                where,
                f"the answer '{answer}' is not one of the choices",
                f"did you mean '{closest}'?" if closest else "copy the right choice's text exactly",
                code="answer-not-a-choice",
            )
    flagged = {i for i, c in enumerate(question.choices) if c.correct}
    wanted = set(normalised_answers)
    by_answer = {i for i, t in enumerate(normalised_choices) if t in wanted}
    if key_is_consistent and flagged and answers and flagged != by_answer:
        key_is_consistent = False
        yield Finding(
            (*at, "answer"),
            "`answer:` and the choices marked `correct: true` disagree",
            "mark the key one way only: either `answer:` or `correct: true` on the right choices",
            code="conflicting-key",
        )
    if not key_is_consistent:
        return

    right = len(flagged | by_answer)  # `question.correct_choices`, without normalising again
    if isinstance(question, SingleChoiceQuestion) and right != 1:
        yield Finding(
            (*at, "choices"),
            f"a single-choice question needs exactly one right choice, this one has {right}",
            "give `answer:` the right choice's text, or mark one choice `correct: true`; "
            "for several right answers use `type: multiple`",
            code="key-count",
        )
    elif isinstance(question, MultipleChoiceQuestion) and right == 0:
        yield Finding(
            (*at, "choices"),
            "a multiple-choice question needs at least one right choice, this one has none",
            "list the right choices under `answer:`, or mark them `correct: true`",
            code="key-count",
        )


def _check_highlight(question: HighlightQuestion, at: Path) -> Iterator[Finding]:
    for i, phrase in enumerate(question.answer):
        if find_phrase(question.text, phrase) is None:
            closest = nearest(phrase, question.words)
            hint = (
                f"copy the words exactly as in `text:`; did you mean '{closest}'?"
                if closest
                else "copy the words exactly as they appear in `text:`"
            )
            if phrase in question.text:
                hint = "it is there only inside a longer word: students pick whole words"
            yield Finding(
                (*at, "answer", i),
                f"'{phrase}' is not in the question's text",
                hint,
                code="highlight-target",
            )
    if question.target_words and len(question.target_words) == len(question.words):
        yield Finding(
            (*at, "answer"),
            "the answer covers every word of the text: there is nothing to choose",
            "give a longer passage, or pick fewer words",
            code="highlight-target",
        )


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
