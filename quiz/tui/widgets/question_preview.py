"""A question under review as a student will see it — prompt, choices, type and skill — with what
the student does not see before answering: the key (✓), the explanation, the evidence, and what
`quiz check` says of it. Drawn from the question's plain data, so an invalid draft shows too.
"""

from __future__ import annotations

from string import ascii_uppercase
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quiz.review.form import choice_text, right_choices, shown, truth_of
from quiz.review.session import ReviewItem
from quiz.tui.display import literal, quoted
from quiz.tui.i18n import Strings


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
        parts.extend(self._answer(data))
        parts.append(self._field("review.explanation", shown(data.get("explanation"))))
        evidence = quoted(shown(data.get("evidence")), self.language)
        parts.append(self._field("review.evidence", evidence))
        passage = item.passage
        if passage and not has_article:
            parts.append(self._field("review.passage", passage))
        if problems:
            messages = Content("\n").join(literal(p).stylize("$text-error") for p in problems)
            parts.append(
                Content.assemble(Content(s("review.errors")).stylize("bold"), "\n", messages)
            )
        return Content("\n\n").join(parts)

    def _field(self, label: str, value: str) -> Content:
        return Content.assemble(
            Content(self.strings(label)).stylize("bold"), "\n", _indented(literal(value))
        )

    def _answer(self, data: dict[str, Any]) -> list[Content]:
        """The answer part: choices with the right ones ticked, or the key of other types."""
        s = self.strings
        kind = data.get("type")
        if kind in ("single", "multiple") and isinstance(data.get("choices"), list):
            right = right_choices(data)
            lines = []
            for index, entry in enumerate(data["choices"]):
                letter = ascii_uppercase[index] if index < len(ascii_uppercase) else "?"
                mark = "✓" if index in right else " "
                line = Content(f"  {mark} {letter}. ").append(literal(choice_text(entry)))
                lines.append(line.stylize("bold") if index in right else line)
            return [Content("\n").join(lines)]
        if kind == "true_false":
            truth = truth_of(data.get("answer"))
            answer = s("form.true") if truth else s("form.false") if truth is False else "?"
            return [self._field("review.key", answer)]
        if kind == "numeric":
            answer = shown(data.get("answer"))
            if data.get("unit"):
                answer = f"{answer} {shown(data['unit'])}"
            if data.get("tolerance"):
                answer = s("review.tolerance", answer=answer, tolerance=shown(data["tolerance"]))
            return [self._field("review.key", answer)]
        if kind == "text":
            return [self._field("review.accepted_answers", " · ".join(_texts(data.get("answer"))))]
        if kind == "order":
            items = _texts(data.get("items"))
            listed = "\n".join(f"{n}. {text}" for n, text in enumerate(items, start=1))
            return [self._field("review.order", listed)]
        if kind == "highlight":
            return [
                _indented(literal(shown(data.get("text")))),
                self._field("review.words", " · ".join(_texts(data.get("answer")))),
            ]
        return []


def _indented(content: Content) -> Content:
    return Content("\n").join(Content("  ").append(line) for line in content.split("\n"))


def _texts(value: Any) -> list[str]:
    if isinstance(value, list):
        return [shown(v) for v in value]
    return [] if value is None else [shown(value)]
