"""The one place that turns user text into something a widget shows: literally, never as markup.

Question sets, article texts and player names are cleaned once where they enter the program
(`quiz.core.text.clean_text` / `clean_name`); file paths and error messages from the loader are
cleaned here. Whatever the text holds — `[/x]`, `[@click=app.quit]`, escape codes — it is shown as
typed: `Content(text)` never parses markup.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from rich.cells import cell_len
from textual.content import Content

from quiz.core.text import clean_text
from quiz.tui.i18n import Strings


class Sourced(Protocol):
    """Who produced an article: an `Article`, or a set's summary on the home screen."""

    @property
    def outlet(self) -> str | None: ...
    @property
    def agency(self) -> str | None: ...
    @property
    def author(self) -> str | None: ...
    @property
    def published(self) -> date | None: ...


def literal(text: str, style: str = "") -> Content:
    """`text` exactly as typed (control characters removed), optionally in one style."""
    content = Content(clean_text(text))
    return content.stylize(style) if style else content


def pad(text: str, width: int, *, right: bool = False) -> str:
    """`text` filled with spaces to `width` terminal cells, measured as Textual measures them.

    Not `str.ljust`: it counts characters, and a family emoji (four emoji joined by U+200D) is
    seven characters but two cells, so a column with a name holding one came out five cells short.
    """
    fill = " " * max(0, width - cell_len(text))
    return fill + text if right else text + fill


def source_line(article: Sourced, strings: Strings) -> str:
    """Who produced the article and when: "Le Monde · AFP · 2 Nov 2013"."""
    parts = [p for p in (article.outlet, article.agency, article.author) if p]
    if article.published is not None:
        parts.append(strings.date(article.published))
    return " · ".join(parts) if parts else strings("home.no_source")


def quoted(text: str, language: str) -> str:
    """A quote from the article in its language's quotation marks: « … » in French, “…” else."""
    return f"« {text} »" if language.split("-")[0] == "fr" else f"“{text}”"
