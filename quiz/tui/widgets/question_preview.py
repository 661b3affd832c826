"""A question under review as a student will see it — prompt, choices, type and skill — with what
the student does not see before answering: the key (✓), the explanation, the evidence, and what
`quiz check` says of it. Drawn from the question's plain data, so an invalid draft shows too.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quiz.review.form import shown
from quiz.review.session import ReviewItem
from quiz.tui.display import literal, quoted
from quiz.tui.i18n import Strings
from quiz.tui.kinds import KINDS
from quiz.tui.kinds.base import preview_field


class QuestionPreview(VerticalScroll, can_focus=False):
    """One text drawn afresh for each question (moving through the list mounts no widgets)."""

    DEFAULT_CSS = """
    QuestionPreview {
        height: 1fr;
        padding: 0 1;
        & > Static { height: auto; }
    }
    """

    def __init__(self, strings: Strings, language: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.strings = strings
        self.language = language

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="preview-body")

    def show(self, item: ReviewItem | None, problems: list[str], has_article: bool) -> None:
        """Draw `item` (its data as it will be saved) and the loader's messages about it."""
        content = Content("") if item is None else self._content(item, problems, has_article)
        self.query_one("#preview-body", Static).update(content)
        if self.scroll_y:
            self.scroll_home(animate=False)

    def _content(self, item: ReviewItem, problems: list[str], has_article: bool) -> Content:
        s = self.strings
        data = item.data
        kind = item.kind
        details = [item.id]
        details.append(s(f"type.{kind}") if f"type.{kind}" in s else kind)
        skill = f"skill.{item.skill}"
        details.append(s(skill) if skill in s else item.skill)
        difficulty = data.get("difficulty")
        if difficulty:
            key = f"form.difficulty.{difficulty}"
            details.append(s(key) if key in s else shown(difficulty))
        if item.confidence is not None and item.is_draft:
            details.append(s("review.confidence", confidence=s.number(item.confidence, 2)))
        parts = [
            literal(" · ".join(details)).stylize("bold $text-accent"),
            literal(shown(data.get("prompt"))).stylize("bold"),
        ]
        interface = KINDS.get(kind)  # a draft may name a type that does not exist
        if interface is not None:
            parts.extend(interface.preview_key(s, data))
        parts.append(preview_field(s, "review.explanation", shown(data.get("explanation"))))
        evidence = quoted(shown(data.get("evidence")), self.language)
        parts.append(preview_field(s, "review.evidence", evidence))
        passage = item.passage
        if passage and not has_article:
            parts.append(preview_field(s, "review.passage", passage))
        if problems:
            messages = Content("\n").join(literal(p).stylize("$text-error") for p in problems)
            parts.append(
                Content.assemble(Content(s("review.errors")).stylize("bold"), "\n", messages)
            )
        return Content("\n\n").join(parts)
