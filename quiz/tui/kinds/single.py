"""`single`: one right choice among several. Its letter or number answers at once; the feedback
lists the choice picked, the right one, and the teacher's note on the one picked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from string import ascii_uppercase
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from quiz.core.answers import Answer, ChoiceAnswer
from quiz.core.models import MultipleChoiceQuestion, QuestionBase, SingleChoiceQuestion
from quiz.core.question_view import QuestionView
from quiz.core.session import QuestionResult
from quiz.review.form import choice_text, right_choices
from quiz.tui.display import literal
from quiz.tui.i18n import Strings
from quiz.tui.kinds.base import KindInterface, Reading, Shown, Status, listing, question_as
from quiz.tui.widgets.answer_list import AnswerList


class SingleChoice(KindInterface):
    multiple: ClassVar[bool] = False
    model: ClassVar[type[SingleChoiceQuestion | MultipleChoiceQuestion]] = SingleChoiceQuestion

    def answer_widgets(
        self,
        strings: Strings,
        view: QuestionView,
        *,
        choice_values: Sequence[int],
        item_values: Sequence[int],
    ) -> ComposeResult:
        yield AnswerList(view.choices, choice_values, multiple=self.multiple, id="answer")

    def read(
        self, message: Message, answer: Widget, strings: Strings, view: QuestionView
    ) -> Reading:
        if isinstance(message, AnswerList.Chosen):
            if not message.values:
                return Status(
                    strings("question.empty" if self.multiple else "question.choose_first")
                )
            return self.answer_of(message.values)
        if isinstance(message, AnswerList.Ticked):
            return Status(strings.count("question.ticked", len(message.values)))
        return None

    def answer_of(self, values: frozenset[int]) -> Answer:
        """The answer the chosen choices' values make."""
        return ChoiceAnswer(values)

    def your_answer(self, question: QuestionBase, result: QuestionResult) -> Shown:
        """The picked choices, one per row when there are several."""
        choices = question_as(question, self.model).choices
        if isinstance(result.answer, ChoiceAnswer):
            return choice_texts([choices[i].text for i in sorted(result.answer.selected)])
        return result.answer_text

    def right_answer(self, question: QuestionBase, language: str) -> Shown:
        choice_question = question_as(question, self.model)
        right = sorted(choice_question.correct_choices)
        return choice_texts([choice_question.choices[i].text for i in right])

    def preview_key(self, strings: Strings, data: Mapping[str, Any]) -> list[Content]:
        """The choices, the right ones ticked (✓) and bold."""
        if not isinstance(data.get("choices"), list):
            return []
        right = right_choices(dict(data))
        lines = []
        for index, entry in enumerate(data["choices"]):
            letter = ascii_uppercase[index] if index < len(ascii_uppercase) else "?"
            mark = "✓" if index in right else " "
            line = Content(f"  {mark} {letter}. ").append(literal(choice_text(entry)))
            lines.append(line.stylize("bold") if index in right else line)
        return [Content("\n").join(lines)]

    def choice_notes(self, question: QuestionBase, result: QuestionResult) -> list[str]:
        choices = question_as(question, self.model).choices
        if not isinstance(result.answer, ChoiceAnswer):
            return []
        picked = [choices[i] for i in sorted(result.answer.selected)]
        return [f"{choice.text} — {choice.feedback}" for choice in picked if choice.feedback]


def choice_texts(texts: list[str]) -> Shown:
    """Picked or right choices: a single one as plain text, several as a bulleted list."""
    if not texts:
        return "—"
    return texts[0] if len(texts) == 1 else listing(texts)
