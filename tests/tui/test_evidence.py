"""Finding evidence quotes in article texts, as `quiz check` matches them."""

from __future__ import annotations

from quiz.tui.evidence import locate_quote

ARTICLE = "Le ministre a dit :  « une coopération  qui aura un impact positif » — selon l’AFP.\n"


def test_an_exact_quote_is_found_where_it_is() -> None:
    start, end = locate_quote(ARTICLE, "ministre a dit")
    assert ARTICLE[start:end] == "ministre a dit"


def test_spaces_quote_marks_and_apostrophes_may_differ() -> None:
    span = locate_quote(ARTICLE, '"une coopération qui aura un impact positif"')
    assert span is not None
    assert ARTICLE[span[0] : span[1]] == "« une coopération  qui aura un impact positif »"
    span = locate_quote(ARTICLE, "selon l'AFP")
    assert span is not None
    assert ARTICLE[span[0] : span[1]] == "selon l’AFP"


def test_capitals_may_differ_but_missing_words_are_not_found() -> None:
    span = locate_quote(ARTICLE, "LE MINISTRE")
    assert span == (0, 11)
    assert locate_quote(ARTICLE, "le président a dit") is None
    assert locate_quote(ARTICLE, "   ") is None
