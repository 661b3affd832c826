"""The article of a set under review, read from the set's data without the models: its headline
and source for the article view, and its text, where the review marks each question's evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from quiz.core.set_reading import MAX_ARTICLE_BYTES, FileProblem, read_text_file, resolve_linked
from quiz.core.text import clean_text
from quiz.review.set_file import SetFile


@dataclass(frozen=True)
class ArticleInfo:
    headline: str
    outlet: str | None = None
    agency: str | None = None
    author: str | None = None
    published: date | None = None


@dataclass(frozen=True)
class LinkedArticle:
    """What the article view needs of a set: `article` and `article_text`."""

    article: ArticleInfo
    article_text: str | None


def _text(value: Any) -> str | None:
    return None if value is None else str(value).strip() or None


def linked_article(set_file: SetFile) -> LinkedArticle:
    """The set's article; no text when it links none, or one the loader would not read (outside
    the set's folder, too large, not UTF-8: `quiz check` says why)."""
    data = set_file.data.get("article")
    article = data if isinstance(data, dict) else {}
    try:
        published = date.fromisoformat(str(article.get("published")))
    except ValueError:
        published = None
    info = ArticleInfo(
        _text(article.get("headline")) or "",
        _text(article.get("outlet")),
        _text(article.get("agency")),
        _text(article.get("author")),
        published,
    )
    linked = _text(article.get("text_file"))
    if linked is None:
        return LinkedArticle(info, None)
    try:  # found under the loader's rules: in the set's folder, links followed
        file = resolve_linked(set_file.path.parent, linked)
    except FileProblem:
        return LinkedArticle(info, None)
    text = read_text_file(file, MAX_ARTICLE_BYTES, "article")
    return LinkedArticle(info, clean_text(text) if isinstance(text, str) else None)
