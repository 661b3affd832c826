"""The browser page reads a typed number exactly as the terminal does: the core's rule
(`quiz.core.numbers.parse_number`), with the forms of the set's language sent in the question's
view. Without them the page read "2,300" as 2.3 in an English game, where the terminal reads 2300.
"""

from __future__ import annotations

from typing import Any

import pytest

from quiz.core.numbers import parse_number
from quiz.core.question_view import NumberForms

from .conftest import Served

pytestmark = pytest.mark.browser

TYPED = [
    "2,300",
    "2 300",
    "2\u202f300,5",
    "2,300.5",
    "3,5",
    "3.5",
    ",5",
    ".5",
    "-4",
    "\u22124",
    "+1e3",
    "1'000",
    "1_000",
    "1,000,000",
    "1,00",
    "12,3456",
    "1 000,000.5",
    "1,000 000",
    "abc",
    "",
    "4.",
    "1e309",
    "9" * 101,
    "  42  ",
]


@pytest.mark.parametrize("language", ["en", "fr", "fr-CA", "de"])
async def test_the_page_reads_numbers_as_the_core_does(
    served: Served, browser_page: Any, language: str
) -> None:
    if browser_page is None:
        pytest.skip("needs Debian's chromium with playwright (apt-get install chromium)")
    await browser_page.goto(f"http://127.0.0.1:{served.port}/")
    forms = NumberForms.of(language).model_dump()
    read = await browser_page.evaluate(
        "([texts, forms]) => texts.map((text) => parseNumber(text, forms))", [TYPED, forms]
    )
    expected: list[float | None] = []
    for text in TYPED:
        try:
            expected.append(parse_number(text, language))
        except ValueError:
            expected.append(None)
    assert dict(zip(TYPED, read, strict=True)) == dict(zip(TYPED, expected, strict=True))
    assert read[0] == (2300 if language == "en" else 2.3)  # "2,300": a thousands comma in English
