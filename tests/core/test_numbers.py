"""Numbers read and written as the set's language writes them: typed answers and YAML alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.loader import check_paths, load_question_set
from quiz.core.models import NumericQuestion
from quiz.core.numbers import (
    MAX_NUMBER_CHARACTERS,
    format_number,
    number_style,
    parse_number,
)

NUMBERS = Path(__file__).parent.parent / "data" / "numbers"
NARROW_NO_BREAK, NO_BREAK = "\u202f", "\u00a0"


@pytest.mark.parametrize(
    ("value", "language", "text"),
    [
        (4.0, "en", "4"),
        (-2.5, "en", "-2.5"),
        (-2.5, "fr", "-2,5"),
        (0.1, "en", "0.1"),
        (3.5, "fr-CA", "3,5"),
    ],
)
def test_format_number(value: float, language: str, text: str) -> None:
    assert format_number(value, language) == text


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("4", 4.0),
        (" -2.5 ", -2.5),
        ("\u22122.5", -2.5),  # a typographic minus, pasted from a document
        ("+3", 3.0),
        (".5", 0.5),
        ("1e3", 1000.0),
        ("2,300", 2300.0),
        ("2,300.5", 2300.5),
        ("1,234,567", 1234567.0),
        ("2 300", 2300.0),
        (f"2{NO_BREAK}300", 2300.0),
        ("1'000", 1000.0),
        ("3.5", 3.5),
    ],
)
def test_english_reads_a_comma_as_thousands_and_a_point_as_decimals(
    typed: str, value: float
) -> None:
    assert parse_number(typed, "en") == value


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("4", 4.0),
        ("3,5", 3.5),
        ("3.5", 3.5),  # the point of a numeric keypad is a decimal point too
        ("2,300", 2.3),
        ("2 300", 2300.0),
        (f"2{NARROW_NO_BREAK}300", 2300.0),
        (f"2{NO_BREAK}300", 2300.0),
        (f"1{NARROW_NO_BREAK}000,5", 1000.5),
        ("-0,25", -0.25),
        (",5", 0.5),
    ],
)
def test_french_reads_spaces_as_thousands_and_a_comma_as_decimals(typed: str, value: float) -> None:
    assert parse_number(typed, "fr") == value


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        # A comma that groups thousands is followed by exactly three digits: "3,5" in English
        # could be 35 or 3.5, and is refused rather than guessed.
        ("3,5", "en"),
        ("2,30", "en"),
        ("1,0000", "en"),
        ("12345,678", "en"),
        ("1,00,000", "en"),
        ("2 30", "fr"),
        ("2 300 000,5,5", "fr"),
        ("2.300,5", "fr"),  # two decimal separators
        ("1 000,000.5", "en"),  # two kinds of group separators
        # Without a language, only what every language reads alike.
        ("2,300", None),
        ("3,5", None),
    ],
)
def test_a_form_the_language_cannot_read_for_sure_is_refused(
    typed: str, language: str | None
) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_number(typed, language)


@pytest.mark.parametrize(
    "typed", ["", " ", "four", "4 islands", "nan", "inf", "1e400", "--1", "-", ".", "1e", "0x10"]
)
@pytest.mark.parametrize("language", ["en", "fr", None])
def test_what_is_not_a_number_is_refused_in_every_language(
    typed: str, language: str | None
) -> None:
    with pytest.raises(ValueError, match="number"):
        parse_number(typed, language)


def test_the_length_is_checked_before_the_text_is_read() -> None:
    with pytest.raises(ValueError, match=f"more than {MAX_NUMBER_CHARACTERS} characters"):
        parse_number("1" * (MAX_NUMBER_CHARACTERS + 1), "en")
    assert parse_number("1" * MAX_NUMBER_CHARACTERS, "en") == float("1" * MAX_NUMBER_CHARACTERS)


def test_each_language_says_which_forms_it_accepts() -> None:
    english, french = number_style("en"), number_style("fr")
    assert (english.thousands_example, english.decimal_example) == ("2,300", "3.5")
    assert (french.thousands_example, french.decimal_example) == ("2 300", "3,5")
    for style in (english, french):
        # Each example reads back in its own language.
        assert parse_number(style.thousands_example, "en" if style is english else "fr") == 2300
        assert style.thousands_example in style.forms


# --- Numbers written as text in a set's YAML --------------------------------------------------


def test_a_set_in_english_reads_2_300_as_two_thousand_three_hundred() -> None:
    question_set = load_question_set(NUMBERS / "harbour.en.yaml")
    containers, waiting = question_set.questions
    assert isinstance(containers, NumericQuestion)
    assert isinstance(waiting, NumericQuestion)
    assert containers.answer == 2300
    assert waiting.answer == 3.5


def test_a_set_in_french_reads_spaces_and_decimal_commas() -> None:
    question_set = load_question_set(NUMBERS / "port.fr.yaml")
    containers, waiting = question_set.questions
    assert isinstance(containers, NumericQuestion)
    assert isinstance(waiting, NumericQuestion)
    assert containers.answer == 2300
    assert (waiting.answer, waiting.tolerance) == (3.5, 0.25)


def test_the_same_text_is_read_by_each_sets_language(tmp_path: Path) -> None:
    """`answer: 2,300` is 2300 in an English set and 2.3 in a French one."""
    source = (NUMBERS / "harbour.en.yaml").read_text(encoding="utf-8")
    for language, expected in (("en", 2300.0), ("fr", 2.3)):
        path = tmp_path / f"harbour.{language}.yaml"
        path.write_text(
            source.replace("language: en", f"language: {language}").replace(
                "text_file: articles/harbour.en.txt", "text_file: null"
            ),
            encoding="utf-8",
        )
        containers = load_question_set(path).questions[0]
        assert isinstance(containers, NumericQuestion)
        assert containers.answer == pytest.approx(expected)


def test_a_number_the_set_cannot_read_says_which_forms_it_accepts() -> None:
    report = check_paths([NUMBERS.parent / "invalid" / "number-ambiguous.yaml"])
    [error] = report.errors
    assert error.message == "expected a number, found '3,5'"
    assert error.hint is not None
    assert "'en'" in error.hint
    assert "2,300" in error.hint
    assert "3.5" in error.hint
