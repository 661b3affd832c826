"""The Kahoot! quiz spreadsheet: the .xlsx template Kahoot! offers for importing questions.

The template's sheet has a few lines of instructions, then a header row — "Question - max 120
characters", "Answer 1 - max 75 characters" … "Answer 4", "Time limit (sec)", "Correct answer(s)" —
and one question per row below it, numbered in the first column. It holds a question, two to four
answers, a time limit among 5, 10, 20, 30, 60, 90, 120 and 240 seconds, and the numbers of the
right answers: nothing else. Columns are found by their headers, so a template with shifted
columns reads the same. Read and written with openpyxl; the zip container is measured before
openpyxl opens it, and any DTD or entity declaration inside is refused.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from typing import Any

from quiz.core.diagnostics import Diagnostic, Severity
from quiz.core.models import (
    MultipleChoiceQuestion,
    Question,
    QuestionSet,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)
from quiz.interop.errors import InteropError, file_error
from quiz.interop.fields import choice, clean, details_without_place, join_words
from quiz.interop.libraries import load
from quiz.interop.limits import check_question_count
from quiz.interop.model import Bank, Format, Loss, ReadQuestion, Unsupported, Written

TITLE = "Kahoot! spreadsheet"
MAX_QUESTION_CHARACTERS = 120
MAX_ANSWER_CHARACTERS = 75
MAX_ANSWERS = 4
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
HEADERS = (
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
_HEADER_ROW = 8
"""The template's header row; the questions start on the next one."""
_MAX_UNPACKED_BYTES = 64 * 1024 * 1024
"""A spreadsheet of 10,000 questions unpacks to a few MB; more is a zip bomb."""
_MAX_MEMBERS = 1000
_DECLARATION = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_TRUE_FALSE_WORDS = {"fr": ("Vrai", "Faux")}
_INSTRUCTIONS = (
    "Quiz template",
    "Exported by quiz: one question per row below the header, two to four answers, a time "
    "limit, and the numbers of the right answers (separated by commas).",
    "Questions have at most 120 characters, answers at most 75.",
)


def detect(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04")


# --- reading -------------------------------------------------------------------------------------


def _check_container(data: bytes, path: str) -> None:
    """Refuse what openpyxl should never be handed: not a zip, a zip bomb, a DTD in any part."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise file_error(
            path,
            "this is not an .xlsx spreadsheet (not a zip container)",
            "save the sheet from Excel, LibreOffice or Google Sheets as .xlsx",
            code="xlsx",
        ) from None
    with archive:
        members = archive.infolist()
        unpacked = sum(member.file_size for member in members)
        if len(members) > _MAX_MEMBERS or unpacked > _MAX_UNPACKED_BYTES:
            raise file_error(
                path,
                f"the spreadsheet unpacks to {unpacked:,} bytes in {len(members):,} parts, more "
                f"than the {_MAX_UNPACKED_BYTES:,} bytes a question bank needs",
                "save only the questions' sheet as a new .xlsx file",
                code="xlsx-too-large",
            )
        for member in members:
            if not member.filename.endswith((".xml", ".rels")):
                continue
            with archive.open(member) as stream:
                content = stream.read(_MAX_UNPACKED_BYTES + 1)
            if _DECLARATION.search(content):
                raise file_error(
                    path,
                    f"the spreadsheet's part {member.filename} declares a DTD or an entity, "
                    "which no spreadsheet program writes",
                    "save the sheet again from a spreadsheet program",
                    code="xml-declaration",
                )


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean(str(value))


def _find_columns(rows: list[tuple[Any, ...]]) -> tuple[int, dict[str, int]]:
    """The header row (1-based) and the column (0-based) of each field, found by header text."""
    for row_number, row in enumerate(rows, start=1):
        columns: dict[str, int] = {}
        for index, value in enumerate(row):
            header = _cell_text(value).casefold()
            if header.startswith("question"):
                columns.setdefault("question", index)
            elif header.startswith("answer ") and header[7:8] in "1234":
                columns.setdefault(f"answer {header[7]}", index)
            elif header.startswith("time limit"):
                columns.setdefault("time", index)
            elif header.startswith("correct answer"):
                columns.setdefault("correct", index)
        if "question" in columns and "correct" in columns and "answer 1" in columns:
            return row_number, columns
    raise LookupError


def read(data: bytes, path: str) -> Bank:
    _check_container(data, path)
    openpyxl = load("openpyxl", TITLE)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a broken file
        raise file_error(
            path,
            f"the spreadsheet cannot be opened: {error}",
            "save it again as .xlsx from a spreadsheet program",
            code="xlsx",
        ) from None
    try:
        sheet = workbook.worksheets[0]
        rows_seen = sheet.max_row or 0
        check_question_count(max(0, rows_seen - _HEADER_ROW), path)
        rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    try:
        header_row, columns = _find_columns(rows[:30])
    except LookupError:
        raise file_error(
            path,
            "no header row with 'Question', 'Answer 1' … and 'Correct answer(s)' in the first sheet",
            "start from Kahoot!'s quiz spreadsheet template",
            code="kahoot-template",
        ) from None
    bank = Bank()
    errors: list[Diagnostic] = []
    for row_number, row in enumerate(rows[header_row:], start=header_row + 1):
        try:
            question = _read_row(row, row_number, columns)
        except _CellError as problem:
            errors.append(
                Diagnostic(
                    path,
                    row_number,
                    problem.column + 1,
                    Severity.ERROR,
                    problem.message,
                    problem.hint,
                    code="kahoot",
                )
            )
            continue
        if question is not None:
            bank.questions.append(question)
    if errors:
        raise InteropError(errors)
    return bank


class _CellError(Exception):
    def __init__(self, column: int, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.column, self.message, self.hint = column, message, hint


def _read_row(
    row: tuple[Any, ...], row_number: int, columns: dict[str, int]
) -> ReadQuestion | None:
    def cell(name: str) -> Any:
        index = columns.get(name)
        return row[index] if index is not None and index < len(row) else None

    prompt = _cell_text(cell("question"))
    answers = {n: _cell_text(cell(f"answer {n}")) for n in range(1, MAX_ANSWERS + 1)}
    if not prompt and not any(answers.values()):
        return None  # the template's numbered empty rows
    if not prompt:
        raise _CellError(columns["question"], "this row has answers but no question")
    given = {n: text for n, text in answers.items() if text}
    if len(given) < 2:
        raise _CellError(
            columns.get("answer 2", columns["answer 1"]),
            "a question needs at least two answers",
            "fill 'Answer 1' and 'Answer 2'",
        )
    raw_correct = cell("correct")
    numbers = re.findall(r"[^,;\s]+", _cell_text(raw_correct))
    if not numbers:
        raise _CellError(
            columns["correct"],
            "no right answer is given",
            "write the number of the right answer (1 to 4), several with commas",
        )
    right: set[int] = set()
    for number in numbers:
        if not number.isdigit() or int(number) not in given:
            raise _CellError(
                columns["correct"],
                f"'{number}' is not the number of an answer of this row "
                f"({join_words([str(n) for n in given])})",
                "write the number of the right answer, several with commas: 1,3",
            )
        right.add(int(number))
    choices = [choice(text, correct=n in right) for n, text in given.items()]
    fields: dict[str, Any] = {
        "type": "single" if len(right) == 1 else "multiple",
        "prompt": prompt,
        "choices": choices,
    }
    time = _cell_text(cell("time"))
    if time:
        if not time.isdigit() or not 5 <= int(time) <= 3600:
            raise _CellError(
                columns.get("time", 0), f"the time limit '{time}' is not 5 to 3600 seconds"
            )
        fields["time_limit"] = int(time)
    return ReadQuestion(fields, row_number, columns["question"] + 1)


IMPORTS: dict[str, str | Unsupported] = {
    "quiz (one right answer)": "single",
    "quiz (several right answers)": "multiple",
}
"""The spreadsheet's one kind of question → quiz (the type table, one way)."""


# --- writing -------------------------------------------------------------------------------------


class _Unwritable(Exception):
    pass


def _choice_answers(
    question: SingleChoiceQuestion | MultipleChoiceQuestion, language: str, losses: list[str]
) -> list[tuple[str, bool]]:
    right = question.correct_choices
    return [(entry.text, index in right) for index, entry in enumerate(question.choices)]


def _true_false_answers(
    question: TrueFalseQuestion, language: str, losses: list[str]
) -> list[tuple[str, bool]]:
    true, false = _TRUE_FALSE_WORDS.get(language[:2], ("True", "False"))
    losses.append(f"true/false is written as a question with two answers, {true} and {false}")
    return [(true, question.answer), (false, not question.answer)]


# A writer takes the model of the type its entry names (`Any` lets one table hold them all; a
# test checks each writer's parameter against the type's model in `quiz.core.kinds`) and the
# set's language, and returns the answers with whether each is right.
Writer = Callable[[Any, str, list[str]], list[tuple[str, bool]]]

EXPORTS: dict[str, Writer | Unsupported] = {
    "single": _choice_answers,
    "multiple": _choice_answers,
    "true_false": _true_false_answers,
    "numeric": Unsupported("the Kahoot! spreadsheet has only questions with two to four answers"),
    "text": Unsupported("the Kahoot! spreadsheet has only questions with two to four answers"),
    "order": Unsupported("the Kahoot! spreadsheet has no puzzle (ordering) question"),
    "highlight": Unsupported("Kahoot! has no question where students pick words in a passage"),
    "categorize": Unsupported(
        "the Kahoot! spreadsheet has no question that sorts items into groups"
    ),
}
"""quiz's question types → the Kahoot! spreadsheet (the type table, the other way)."""


def _time_limit(seconds: int | None, losses: list[str]) -> int:
    """The Kahoot! time limit for quiz's: the same, else the next longer one Kahoot! offers."""
    if seconds is None:
        losses.append("it has no timer, and Kahoot! needs one: written as 240 s, the longest")
        return TIME_LIMITS[-1]
    if seconds in TIME_LIMITS:
        return seconds
    chosen = next((limit for limit in TIME_LIMITS if limit >= seconds), TIME_LIMITS[-1])
    losses.append(f"its time limit of {seconds} s is not one Kahoot! offers: written as {chosen} s")
    return chosen


def _row(question: Question, question_set: QuestionSet, losses: list[str]) -> list[Any]:
    writer = EXPORTS[question.type]
    if isinstance(writer, Unsupported):
        raise _Unwritable(writer.reason)
    assert callable(writer)
    answers = writer(question, question_set.language, losses)
    too_long = []
    if len(question.prompt) > MAX_QUESTION_CHARACTERS:
        too_long.append(
            f"its prompt has {len(question.prompt)} characters, Kahoot! allows "
            f"{MAX_QUESTION_CHARACTERS}"
        )
    if len(answers) > MAX_ANSWERS:
        too_long.append(f"it has {len(answers)} answers, Kahoot! allows {MAX_ANSWERS}")
    for text, _ in answers:
        if len(text) > MAX_ANSWER_CHARACTERS:
            too_long.append(
                f"the answer {text[:20]!r}… has {len(text)} characters, Kahoot! allows "
                f"{MAX_ANSWER_CHARACTERS}"
            )
    if too_long:
        raise _Unwritable("; ".join(too_long) + " (shorten it in the set, nothing is cut)")
    if any("\n" in text for text, _ in answers) or "\n" in question.prompt:
        losses.append("its line breaks stay in the cells; Kahoot! may show them as spaces")
    lost = details_without_place(question, frozenset({"time limit"}))
    losses.insert(0, f"Kahoot! has no place for its {join_words(lost)}")
    time = _time_limit(question_set.time_limit_for(question), losses)
    texts = [text for text, _ in answers] + [""] * (MAX_ANSWERS - len(answers))
    correct = ",".join(str(i + 1) for i, (_, right) in enumerate(answers) if right)
    return [question.prompt, *texts, time, correct]


def write(question_set: QuestionSet) -> Written:
    openpyxl = load("openpyxl", TITLE)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    for row, line in enumerate(_INSTRUCTIONS, start=2):
        _set(sheet, row, 2, line)
    for column, header in enumerate(HEADERS, start=2):
        _set(sheet, _HEADER_ROW, column, header)
    written = Written(b"")
    row = _HEADER_ROW
    for index, question in enumerate(question_set.questions):
        losses: list[str] = []
        try:
            values = _row(question, question_set, losses)
        except _Unwritable as reason:
            written.losses.append(Loss(index, str(reason), skipped=True))
            continue
        row += 1
        written.exported += 1
        _set(sheet, row, 1, written.exported)
        for column, value in enumerate(values, start=2):
            _set(sheet, row, column, value)
        written.losses.extend(Loss(index, what) for what in losses)
    buffer = io.BytesIO()
    workbook.save(buffer)
    written.data = buffer.getvalue()
    return written


def _set(sheet: Any, row: int, column: int, value: Any) -> None:
    """A cell's value, and text stays text: "=2+2" is a question, never a formula."""
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str) and value:
        cell.data_type = "s"


FORMAT = Format(
    name="kahoot-xlsx",
    title=TITLE,
    suffix=".xlsx",
    binary=True,
    exports=EXPORTS,
    imports=IMPORTS,
    detect=detect,
    read=read,
    write=write,
)
