"""Aiken, the plain-text format Moodle imports: one-line questions, lettered answers, one key.

    What is the correct answer to this question?
    A. Is it this one?
    B. Maybe this answer?
    ANSWER: B

It holds a single-choice question and nothing else: no feedback, no explanation, no name. Reading
follows Moodle's importer line by line (a line that is neither an answer nor `ANSWER:` starts a
question), with every mistake located.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from quiz.core.diagnostics import Diagnostic, Severity
from quiz.core.models import QuestionSet, SingleChoiceQuestion, TrueFalseQuestion
from quiz.interop.errors import InteropError
from quiz.interop.fields import choice, clean, details_without_place, join_words
from quiz.interop.limits import check_question_count, decode_text
from quiz.interop.model import Bank, Format, Loss, ReadQuestion, Unsupported, Written

TITLE = "Aiken"
_CHOICE = re.compile(r"^([A-Z])[).][ \t]?")
_ANSWER = re.compile(r"^ANSWER:")
_ANSWER_LINE = re.compile(rb"^ANSWER:[ \t]*[A-Z]", re.MULTILINE)
_TRUE_FALSE_WORDS = {"fr": ("Vrai", "Faux")}


def detect(data: bytes) -> bool:
    head = data[:65536]
    return bool(_ANSWER_LINE.search(head)) and b"{" not in head and not head.startswith(b"<")


class _Open:
    def __init__(self, line: int, prompt: str) -> None:
        self.line = line
        self.prompt = prompt
        self.choices: list[tuple[str, str]] = []  # (letter, text)


def read(data: bytes, path: str) -> Bank:
    text = decode_text(data, path, "Aiken")
    check_question_count(len(_ANSWER_LINE.findall(text.encode("utf-8"))), path)
    bank = Bank()
    errors: list[Diagnostic] = []

    def error(line: int, message: str, hint: str) -> None:
        errors.append(Diagnostic(path, line, 1, Severity.ERROR, message, hint, code="aiken"))

    current: _Open | None = None
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if len(line) < 2:  # Moodle skips these too
            continue
        choice_match = _CHOICE.match(line)
        if choice_match:
            if current is None:
                error(
                    number,
                    "an answer comes before any question",
                    "start each question with its text on one line",
                )
                continue
            current.choices.append((choice_match.group(1), clean(line[choice_match.end() :])))
        elif _ANSWER.match(line):
            if current is None:
                error(
                    number,
                    "'ANSWER:' comes before any question",
                    "start each question with its text on one line",
                )
                continue
            key = line[len("ANSWER:") :].strip()[:1]
            letters = [letter for letter, _ in current.choices]
            if len(current.choices) < 2:
                error(
                    number,
                    "a question needs at least two answers (A. …, B. …)",
                    "add the answers between the question and 'ANSWER:'",
                )
            elif key not in letters:
                error(
                    number,
                    f"the key '{key}' is not one of the answers {join_words(letters)}",
                    "write 'ANSWER: ' then the letter of the right answer",
                )
            else:
                choices = [choice(t, correct=letter == key) for letter, t in current.choices]
                bank.questions.append(
                    ReadQuestion(
                        {"type": "single", "prompt": clean(current.prompt), "choices": choices},
                        current.line,
                    )
                )
            current = None
        else:
            if current is not None:
                error(
                    current.line,
                    "this question has no 'ANSWER:' line",
                    "the text of a question is one line; end its answers with 'ANSWER: X'",
                )
            current = _Open(number, line)
    if current is not None:
        error(
            current.line,
            "this question has no 'ANSWER:' line",
            "end its answers with 'ANSWER: X', the letter of the right answer",
        )
    if errors:
        raise InteropError(errors)
    return bank


IMPORTS: dict[str, str | Unsupported] = {"multichoice": "single"}
"""Aiken has one kind of question, one right answer among lettered ones: quiz's `single`."""


# --- writing -------------------------------------------------------------------------------------


class _Unwritable(Exception):
    pass


def _one_line(text: str, what: str, losses: list[str]) -> str:
    if "\n" in text:
        losses.append(f"the line breaks of the {what} become spaces (Aiken texts are one line)")
    return " ".join(text.split())


def _lines(prompt: str, choices: list[tuple[str, bool]], losses: list[str]) -> list[str]:
    line = _one_line(prompt, "prompt", losses)
    if _CHOICE.match(line) or _ANSWER.match(line) or len(line) < 2:
        raise _Unwritable(
            f"the prompt {line[:30]!r} would read as an answer line (a capital and '.' or ')')"
            if len(line) >= 2
            else "the prompt is too short for Aiken"
        )
    out = [line]
    key = ""
    for index, (text, correct) in enumerate(choices):
        letter = chr(ord("A") + index)
        out.append(f"{letter}) {_one_line(text, 'answers', losses)}")
        key = letter if correct else key
    out.append(f"ANSWER: {key}")
    return out


def _write_single(question: SingleChoiceQuestion, language: str, losses: list[str]) -> list[str]:
    right = question.correct_choices
    return _lines(
        question.prompt, [(c.text, i in right) for i, c in enumerate(question.choices)], losses
    )


def _write_true_false(question: TrueFalseQuestion, language: str, losses: list[str]) -> list[str]:
    true, false = _TRUE_FALSE_WORDS.get(language[:2], ("True", "False"))
    losses.append(f"true/false is written as a one-answer question: {true} or {false}")
    return _lines(question.prompt, [(true, question.answer), (false, not question.answer)], losses)


# A writer takes the model of the type its entry names (`Any` lets one table hold them all; a
# test checks each writer's parameter against the type's model in `quiz.core.kinds`) and the
# set's language, and returns the question's lines.
Writer = Callable[[Any, str, list[str]], list[str]]

EXPORTS: dict[str, Writer | Unsupported] = {
    "single": _write_single,
    "true_false": _write_true_false,
    "multiple": Unsupported("Aiken has one right answer per question"),
    "numeric": Unsupported("Aiken has only questions with lettered answers"),
    "text": Unsupported("Aiken has only questions with lettered answers"),
    "order": Unsupported("Aiken has only questions with lettered answers"),
    "highlight": Unsupported("Aiken has only questions with lettered answers"),
    "categorize": Unsupported("Aiken has only questions with lettered answers"),
}
"""quiz's question types → Aiken (the type table)."""


def write(question_set: QuestionSet) -> Written:
    written = Written(b"")
    blocks: list[str] = []
    for index, question in enumerate(question_set.questions):
        writer = EXPORTS[question.type]
        if isinstance(writer, Unsupported):
            written.losses.append(Loss(index, writer.reason, skipped=True))
            continue
        assert callable(writer)
        losses: list[str] = []
        try:
            lines = writer(question, question_set.language, losses)
        except _Unwritable as reason:
            written.losses.append(Loss(index, str(reason), skipped=True))
            continue
        lost = details_without_place(question, frozenset())
        losses.insert(0, f"Aiken has no place for its {join_words(lost)}")
        written.losses.extend(Loss(index, what) for what in losses)
        blocks.append("\n".join(lines))
        written.exported += 1
    written.data = ("\n\n".join(blocks) + "\n").encode("utf-8")
    return written


FORMAT = Format(
    name="aiken",
    title=TITLE,
    suffix=".txt",
    binary=False,
    exports=EXPORTS,
    imports=IMPORTS,
    detect=detect,
    read=read,
    write=write,
)
