"""The article a set is about, readable before and during play, with evidence highlighted.

Paragraphs are separate widgets so the view can scroll the evidence into sight. A highlighted
quote is bold, underlined and framed by ▶ ◀ markers, so it stands out without colour.
"""

from __future__ import annotations

from typing import Protocol

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quiz.tui.display import Sourced, literal, source_line
from quiz.tui.evidence import locate_quote
from quiz.tui.i18n import Strings


class Headlined(Sourced, Protocol):
    @property
    def headline(self) -> str: ...


class WithArticle(Protocol):
    """A set with its article: a `QuestionSet`, or a draft under review."""

    @property
    def article(self) -> Headlined: ...
    @property
    def article_text(self) -> str | None: ...


class ArticleView(VerticalScroll, can_focus=True):
    """The set's headline, source and text; `highlight(quote)` marks and shows one quote."""

    DEFAULT_CSS = """
    ArticleView {
        height: 1fr;
        padding: 0 1;
        border: tall $border-blurred;
        &:focus { border: tall $border; }
        & > .article--headline { text-style: bold; margin-bottom: 0; }
        & > .article--source { color: $text-muted; margin-bottom: 1; }
        & > .article--paragraph { margin-bottom: 1; }
        & > .article--missing { color: $text-warning; }
    }
    """

    def __init__(self, question_set: WithArticle, strings: Strings, *, id: str | None = None):
        super().__init__(id=id)
        self._question_set = question_set
        self._strings = strings
        text = question_set.article_text or ""
        # Paragraphs with their offsets in the text, to find which one holds a quote.
        self._paragraphs: list[tuple[int, str]] = []
        offset = 0
        for block in text.split("\n\n"):
            if block.strip():
                self._paragraphs.append((offset, block))
            offset += len(block) + 2
        self.highlighted: tuple[int, int] | None = None

    def compose(self):  # type: ignore[no-untyped-def]
        article = self._question_set.article
        self.border_title = Content(self._strings("article.title"))
        first = self._paragraphs[0][1].strip() if self._paragraphs else ""
        if first != article.headline:  # many article files start with their headline
            yield Static(literal(article.headline), classes="article--headline")
        yield Static(literal(source_line(article, self._strings)), classes="article--source")
        if not self._paragraphs:
            yield Static(literal(self._handed_out()), classes="article--missing", id="no-text")
        for offset, block in self._paragraphs:
            yield Static(Content(block), classes="article--paragraph", name=str(offset))
        yield Static("", classes="article--missing", id="evidence-missing")

    def _handed_out(self) -> str:
        """A set without the article's text (an agency's, not ours to ship): the student reads the
        copy the teacher handed out, and can tell which one from its source and date."""
        article = self._question_set.article
        parts = [p for p in (article.outlet, article.agency) if p]
        if article.published is not None:
            parts.append(self._strings.date(article.published))
        source = ", ".join(parts) if parts else self._strings("home.no_source")
        return self._strings("article.none", source=source)

    def highlight(self, quote: str | None) -> bool:
        """Mark `quote` in the text and scroll to it; False when it is not in the text."""
        text = self._question_set.article_text or ""
        span = locate_quote(text, quote) if quote and text else None
        self.highlighted = span
        target: Static | None = None
        for widget, (offset, block) in zip(
            self.query(".article--paragraph").results(Static), self._paragraphs, strict=False
        ):
            content = Content(block)
            if span is not None and offset <= span[0] < offset + len(block):
                start, end = span[0] - offset, min(span[1] - offset, len(block))
                content = Content.assemble(
                    content[:start],
                    Content.styled("▶", "bold"),
                    content[start:end].stylize("bold underline reverse"),
                    Content.styled("◀", "bold"),
                    content[end:],
                )
                target = widget
            widget.update(content)
        missing = self.query_one("#evidence-missing", Static)
        show_missing = bool(quote) and span is None and bool(self._paragraphs)
        missing.update(Content(self._strings("article.evidence_missing")) if show_missing else "")
        missing.display = show_missing
        if target is not None:
            self.call_after_refresh(self.scroll_to_widget, target, top=True, animate=False)
        return span is not None
