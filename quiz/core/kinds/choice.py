"""What single and multiple choice share: the choices, the key however it is marked, the answer
(the choices picked), their checks, their shuffle, their key-free view (the choices in display
order, a bar per choice at the reveal) and the report's count of each wrong choice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, Field

from quiz.core.findings import Finding, Path, check_unique, nearest
from quiz.core.kinds.kind import (
    NOTHING,
    Answer,
    JsonAnswer,
    Presented,
    QuestionKind,
    Shuffle,
    Shuffler,
    StoredAnswer,
    check_indices,
    file_indices,
    int_list,
    not_stored,
)
from quiz.core.question_base import Choice, ChoiceEntry, QuestionBase
from quiz.core.text import normalise_answer


class ChoiceQuestion(QuestionBase):
    choices: list[ChoiceEntry] = Field(min_length=2, max_length=12)

    def answer_texts(self) -> list[str]:
        raise NotImplementedError

    @cached_property
    def correct_choices(self) -> frozenset[int]:
        """Indices (in file order) of the right choices, however the teacher marked them."""
        wanted = {normalise_answer(a) for a in self.answer_texts()}
        return frozenset(
            i for i, c in enumerate(self.choices) if c.correct or normalise_answer(c.text) in wanted
        )


@dataclass(frozen=True, slots=True)
class ChoiceAnswer(Answer):
    """The choices picked in a single or multiple-choice question, as indices in FILE order."""

    selected: frozenset[int]


ChoiceQuestionT = TypeVar("ChoiceQuestionT", bound=ChoiceQuestion)


class ChoiceKind(QuestionKind[ChoiceQuestionT, ChoiceAnswer]):
    """Single and multiple choice: everything but the grading and the count of right choices."""

    answer_type = ChoiceAnswer
    answer_tag: ClassVar[str] = "choice"
    nested: ClassVar[Mapping[str, tuple[type[BaseModel], str]]] = {"choices": (Choice, "choice")}
    choice_bars: ClassVar[bool] = True

    def right_answer(self, question: ChoiceQuestionT) -> ChoiceAnswer:
        return ChoiceAnswer(question.correct_choices)

    def describe_answer(
        self, question: ChoiceQuestionT, answer: ChoiceAnswer, language: str
    ) -> str:
        check_indices(question, answer.selected, len(question.choices), "choice")
        texts = [question.choices[i].text for i in sorted(answer.selected)]
        return "; ".join(texts) or NOTHING

    def describe_key(self, question: ChoiceQuestionT, language: str) -> str:
        return "; ".join(question.choices[i].text for i in sorted(question.correct_choices))

    def encode(self, answer: ChoiceAnswer) -> JsonAnswer:
        return {"kind": self.answer_tag, "selected": sorted(answer.selected)}

    def decode(self, data: Mapping[str, Any]) -> ChoiceAnswer:
        if data.get("kind") != self.answer_tag:
            raise not_stored(data)
        return ChoiceAnswer(frozenset(int_list(data, "selected")))

    def shuffle(self, question: ChoiceQuestionT, rng: Shuffler, shuffle_choices: bool) -> Shuffle:
        order = list(range(len(question.choices)))
        if shuffle_choices:
            rng("choices").shuffle(order)
        return Shuffle(choice_order=tuple(order))

    def choices(self, question: ChoiceQuestionT) -> Sequence[Choice]:
        return question.choices

    # --- The key-free view ------------------------------------------------------------------------

    def view_fields(self, presented: Presented, language: str) -> dict[str, Any]:
        choices = self.question_in(presented).choices
        return {"choices": [choices[i].text for i in presented.choice_order]}

    def file_answer(self, presented: Presented, answer: Answer) -> ChoiceAnswer:
        picked = self.answer_on(presented, answer).selected
        return ChoiceAnswer(frozenset(file_indices(presented.choice_order, picked, "choice")))

    def picked(self, presented: Presented, answer: Answer) -> list[int]:
        selected = self.answer_on(presented, answer).selected
        return sorted(presented.choice_order.index(i) for i in selected)

    def key(self, presented: Presented) -> list[int]:
        right = self.question_in(presented).correct_choices
        return [p for p, i in enumerate(presented.choice_order) if i in right]

    # --- Checks -----------------------------------------------------------------------------------

    def check(self, question: ChoiceQuestionT, at: Path) -> Iterator[Finding]:
        # Each text is normalised once: these checks run on every choice of a bank of thousands.
        texts = [c.text for c in question.choices]
        normalised_choices = [normalise_answer(t) for t in texts]
        yield from check_unique(texts, (*at, "choices"), "choice", normalised_choices)

        # One message per mistake: an answer that names no choice, or an `answer:` that disagrees
        # with the `correct: true` marks, also leaves the wrong number of right choices; that count
        # is only reported when the key itself is written consistently.
        answers = question.answer_texts()
        normalised_answers = [normalise_answer(a) for a in answers]
        key_is_consistent = True
        for i, (answer, key) in enumerate(zip(answers, normalised_answers, strict=True)):
            if key not in normalised_choices:
                key_is_consistent = False
                closest = nearest(answer, texts)
                yield Finding(
                    self.answer_path(at, i),
                    f"the answer '{answer}' is not one of the choices",
                    f"did you mean '{closest}'?"
                    if closest
                    else "copy the right choice's text exactly",
                    code="answer-not-a-choice",
                )
        flagged = {i for i, c in enumerate(question.choices) if c.correct}
        wanted = set(normalised_answers)
        by_answer = {i for i, t in enumerate(normalised_choices) if t in wanted}
        if key_is_consistent and flagged and answers and flagged != by_answer:
            key_is_consistent = False
            yield Finding(
                (*at, "answer"),
                "`answer:` and the choices marked `correct: true` disagree",
                "mark the key one way only: either `answer:` or `correct: true` on the right choices",
                code="conflicting-key",
            )
        if key_is_consistent:
            # `question.correct_choices`, without normalising again
            yield from self.check_key_count(len(flagged | by_answer), at)

    def answer_path(self, at: Path, index: int) -> Path:
        """Where the `index`-th text of `answer:` is (a list for multiple, one text for single)."""
        return (*at, "answer", index)

    def check_key_count(self, right: int, at: Path) -> Iterator[Finding]:
        """Whether the number of right choices suits the type."""
        return iter(())

    # --- Reports ----------------------------------------------------------------------------------

    def wrong_picks(
        self, question: ChoiceQuestionT, answers: Sequence[StoredAnswer], language: str
    ) -> Counter[str]:
        """Every wrong choice, unpicked ones too: a distractor nobody falls for is worth knowing."""
        wrong = [i for i in range(len(question.choices)) if i not in question.correct_choices]
        counts = Counter({question.choices[i].text: 0 for i in wrong})
        for answer in answers:
            for index in _chosen_indices(answer, question):
                if index in wrong:
                    counts[question.choices[index].text] += 1
        return counts


def _chosen_indices(answer: StoredAnswer, question: ChoiceQuestion) -> list[int]:
    """The choices picked: from the game's `{"kind": "choice", "selected": [...]}` (`encode`),
    `{"choices": [...]}`, a bare index list, or else the answer text."""
    value = answer.answer_json
    if isinstance(value, dict):
        value = value.get("selected", value.get("choices", value.get("choice")))
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value]
    if isinstance(value, list) and all(
        isinstance(i, int) and not isinstance(i, bool) for i in value
    ):
        return [i for i in value if 0 <= i < len(question.choices)]
    typed = normalise_answer(answer.answer_text)
    return [i for i, c in enumerate(question.choices) if normalise_answer(c.text) == typed]
