"""Hostile or broken files get one clear, located error, before any work: never a traceback."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from quiz.interop import InteropError, import_file
from quiz.interop.limits import MAX_IMPORT_BYTES, MAX_QUESTIONS

FORMAT_NAMES = [None, "gift", "moodle-xml", "aiken", "kahoot-xlsx"]


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_a_50_mb_file_is_refused_before_reading(format_name: str | None, tmp_path: Path) -> None:
    path = tmp_path / "huge.gift"
    with path.open("wb") as stream:  # sparse: 50 MB of nothing, instantly
        stream.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    with pytest.raises(InteropError) as caught:
        import_file(path, tmp_path / "out.yaml", format_name=format_name)
    assert time.perf_counter() - started < 1
    (error,) = caught.value.diagnostics
    assert error.code == "too-large"
    assert error.message == (
        f"the question bank file is 52,428,800 bytes, more than the {MAX_IMPORT_BYTES:,} allowed"
    )
    assert str(error).startswith(f"{path}:1:1: error: ")


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_binary_garbage_is_refused_clearly(format_name: str | None, tmp_path: Path) -> None:
    path = tmp_path / "garbage.bin"
    path.write_bytes(b"PK\x03\x04" * (format_name == "kahoot-xlsx") + bytes(range(256)) * 40)
    with pytest.raises(InteropError) as caught:
        import_file(path, tmp_path / "out.yaml", format_name=format_name)
    (error,) = caught.value.diagnostics
    assert error.severity == "error"
    assert error.hint
    assert any(
        words in error.message
        for words in ("binary data", "not an .xlsx spreadsheet", "cannot tell which format")
    ), error.message


@pytest.mark.parametrize("format_name", ["gift", "aiken", "moodle-xml"])
def test_another_encoding_is_located(format_name: str, tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Qui ?\nA) Léa\nB) Noé\nANSWER: A\n".encode("latin-1"))
    with pytest.raises(InteropError) as caught:
        import_file(path, tmp_path / "out.yaml", format_name=format_name)
    (error,) = caught.value.diagnostics
    assert (error.line, error.column) == (2, 5)
    assert error.message == "the file is not UTF-8 text (byte 0xe9 cannot be read)"


def test_too_many_questions_are_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "bank.gift"
    path.write_text("Q? {T}\n\n" * (MAX_QUESTIONS + 1), encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(InteropError) as caught:
        import_file(path, tmp_path / "out.yaml")
    assert time.perf_counter() - started < 2  # parsing 10,001 questions would take far longer
    assert caught.value.diagnostics[0].message == (
        f"the file holds {MAX_QUESTIONS + 1:,} questions, more than the {MAX_QUESTIONS:,} "
        "one import allows"
    )


def test_control_and_bidi_characters_never_reach_the_set(tmp_path: Path) -> None:
    path = tmp_path / "tricky.gift"
    path.write_text("::q1::Who \x1b[31mwrote\u202e this?{=Léa\x07 ~Noé}\n", encoding="utf-8")
    result = import_file(path, tmp_path / "out.yaml")
    (question,) = result.question_set.questions
    assert question.prompt == "Who [31mwrote this?"
    assert [c.text for c in question.choices] == ["Léa", "Noé"]
    assert "\x1b" not in result.yaml_text
    assert "\u202e" not in result.yaml_text


def test_a_missing_file_is_one_located_error(tmp_path: Path) -> None:
    with pytest.raises(InteropError, match="cannot read the question bank file"):
        import_file(tmp_path / "nowhere.gift", tmp_path / "out.yaml")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    """Read as the loader reads a set (`read_bounded`): a pipe would block the import forever."""
    pipe = tmp_path / "bank.gift"
    os.mkfifo(pipe)
    started = time.perf_counter()
    with pytest.raises(InteropError, match="named pipe"):
        import_file(pipe, tmp_path / "out.yaml")
    assert time.perf_counter() - started < 1
