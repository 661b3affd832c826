"""The Kahoot! quiz spreadsheet: the template's layout read and written, limits reported.

Spreadsheets are built here with openpyxl in the template's documented layout (instructions on
top, the header row on row 8, one numbered question per row below, empty numbered rows after).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from quiz.core.loader import load_question_set, parse_question_set
from quiz.interop import InteropError, export_set, import_file
from quiz.interop.kahoot import HEADERS
from quiz.paths import bundled_questions_dir


def template(rows: list[list[Any]], *, first_column: int = 2, header_row: int = 8) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.cell(row=2, column=2, value="Quiz template")
    sheet.cell(row=3, column=2, value="Add questions, at least two answer alternatives, …")
    for offset, header in enumerate(HEADERS):
        sheet.cell(row=header_row, column=first_column + offset, value=header)
    for number, row in enumerate(rows, start=1):
        sheet.cell(row=header_row + number, column=first_column - 1, value=number)
        for offset, value in enumerate(row):
            sheet.cell(row=header_row + number, column=first_column + offset, value=value)
    for number in range(len(rows) + 1, 21):  # the template's numbered empty rows
        sheet.cell(row=header_row + number, column=first_column - 1, value=number)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


ROWS = [
    ["Which is the capital of Norway?", "Oslo", "Bergen", "Trondheim", None, 20, 1],
    ["Which are Nordic countries?", "Norway", "Spain", "Finland", "Chile", 30, "1,3"],
    ["How many?", 3, 4, None, None, 5, "2"],
]


@pytest.mark.parametrize("first_column", [2, 4])
def test_the_template_is_read_by_its_headers(first_column: int, tmp_path: Path) -> None:
    path = tmp_path / "kahoot.xlsx"
    path.write_bytes(template(ROWS, first_column=first_column))
    result = import_file(path, tmp_path / "out.yaml", language="en")
    capital, nordic, how_many = result.question_set.questions
    assert capital.type == "single"
    assert capital.correct_choices == {0}
    assert [c.text for c in capital.choices] == ["Oslo", "Bergen", "Trondheim"]
    assert capital.time_limit == 20
    assert nordic.type == "multiple"
    assert nordic.correct_choices == {0, 2}
    assert [c.text for c in how_many.choices] == ["3", "4"]
    assert how_many.time_limit == 5
    assert result.drafts == 3
    assert "# from kahoot.xlsx:9" in result.yaml_text  # the row of the question


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        (
            ["Q?", "a", "b", None, None, 20, 5],
            8,
            "'5' is not the number of an answer of this row (1 and 2)",
        ),
        (["Q?", "a", "b", None, None, 20, None], 8, "no right answer is given"),
        (["Q?", "a", None, None, None, 20, 1], 4, "a question needs at least two answers"),
        (
            ["Q?", "a", "b", None, None, "soon", 1],
            7,
            "the time limit 'soon' is not 5 to 3600 seconds",
        ),
        ([None, "a", "b", None, None, 20, 1], 2, "this row has answers but no question"),
    ],
)
def test_a_bad_cell_is_located_by_row_and_column(
    row: list[Any], column: int, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(template([ROWS[0], row]))
    with pytest.raises(InteropError) as caught:
        import_file(path, tmp_path / "out.yaml")
    (error,) = caught.value.diagnostics
    assert (error.line, error.column) == (10, column)
    assert message in error.message


def test_a_workbook_without_the_header_row_is_refused(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "just a list"
    path = tmp_path / "other.xlsx"
    workbook.save(path)
    with pytest.raises(InteropError, match="no header row with 'Question'"):
        import_file(path, tmp_path / "out.yaml")


SET = """\
id: kahoot-limits
title: Limits
language: en
article: {headline: A headline}
defaults: {time_limit: 45}
questions:
  - id: long-prompt
    type: single
    skill: comprehension
    prompt: "%s"
    choices: [a, b]
    answer: a
    explanation: e
    evidence: q
  - id: five-answers
    type: single
    skill: comprehension
    prompt: Five?
    choices: [a, b, c, d, e]
    answer: a
    explanation: e
    evidence: q
  - id: formula-looking
    type: true_false
    skill: comprehension
    prompt: "=1+1 is a formula?"
    answer: false
    explanation: e
    evidence: q
    points: 500
""" % ("x" * 121)


def test_export_follows_the_template_and_reports_every_limit(tmp_path: Path) -> None:
    path = tmp_path / "limits.yaml"
    path.write_text(SET, encoding="utf-8")
    result = export_set(load_question_set(path), "kahoot-xlsx")
    messages = {d.message.split("'")[1]: (d.line, d.message) for d in result.diagnostics}
    assert messages["long-prompt"] == (
        7,
        "question 'long-prompt' is left out: its prompt has 121 characters, Kahoot! allows 120 "
        "(shorten it in the set, nothing is cut)",
    )
    assert "it has 5 answers, Kahoot! allows 4" in messages["five-answers"][1]
    kept = messages["formula-looking"][1]
    assert "Kahoot! has no place for its id, skill, explanation, evidence and points" in kept
    assert "true/false is written as a question with two answers, True and False" in kept
    assert "its time limit of 45 s is not one Kahoot! offers: written as 60 s" in kept
    sheet = openpyxl.load_workbook(io.BytesIO(result.data)).worksheets[0]
    assert [sheet.cell(row=8, column=c).value for c in range(2, 9)] == list(HEADERS)
    row = [sheet.cell(row=9, column=c).value for c in range(1, 9)]
    assert row == [1, "=1+1 is a formula?", "True", "False", None, None, 60, "2"]
    assert sheet.cell(row=9, column=2).data_type == "s"  # text, never a formula


def test_binary_garbage_named_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "garbage.xlsx"
    path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(InteropError, match=r"not an \.xlsx spreadsheet"):
        import_file(path, tmp_path / "out.yaml", format_name="kahoot-xlsx")


def test_a_zip_bomb_is_refused_before_openpyxl_opens_it(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (80 * 1024 * 1024))
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(InteropError) as caught:
        import_file(path, tmp_path / "out.yaml")
    assert "unpacks to 83,886,080 bytes" in caught.value.diagnostics[0].message


def test_a_dtd_inside_the_spreadsheet_is_refused(tmp_path: Path) -> None:
    clean = template(ROWS)
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(clean)) as source, zipfile.ZipFile(buffer, "w") as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                declaration = b'<!DOCTYPE x [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
                head, _, body = (
                    content.rpartition(b"?>") if b"?>" in content else (b"", b"", content)
                )
                content = head + (b"?>" if head else b"") + declaration + body
            target.writestr(member, content)
    path = tmp_path / "laughs.xlsx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InteropError, match="declares a DTD or an entity"):
        import_file(path, tmp_path / "out.yaml")


def test_import_of_an_export_passes_the_loader(tmp_path: Path) -> None:
    question_set = load_question_set(
        bundled_questions_dir() / "afp-2013-japan-russia-2plus2.en.yaml"
    )
    path = tmp_path / "en.xlsx"
    path.write_bytes(export_set(question_set, "kahoot-xlsx").data)
    result = import_file(path, tmp_path / "en.yaml", language="en")
    assert parse_question_set(result.yaml_text).questions == result.question_set.questions
