"""Shared fixtures: one generator (one loaded model per language) for the whole test session.

Loading fr_core_news_sm takes seconds; the tests share it the way a batch run of `quiz generate`
does. Articles live in tests/data/articles/, written for these tests (other events, other outlets,
other page furniture than the seed article).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.generate import Article, Generator
from quiz.generate.extract import Facts, extract
from quiz.generate.understand import analyse

ARTICLES = Path(__file__).parent.parent / "data" / "articles"

pytest.importorskip("spacy", reason="the generator's extra (spaCy) is not installed")


@pytest.fixture(scope="session")
def generator() -> Generator:
    return Generator()


def article(name: str) -> Article:
    path = ARTICLES / name
    return Article(path.name, path.read_text(encoding="utf-8"))


def facts_of(generator: Generator, raw: str, name: str = "test") -> Facts:
    """Every stage up to the facts, on an article given as text."""
    page, language = generator.page(Article(name, raw))
    return extract(page, analyse(page.body, generator.model(language)))
