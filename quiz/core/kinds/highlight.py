"""`type: highlight` — pick the word or words of a passage that do something (the hedge, the
unnamed source…); credit as for multiple choice, over the words of the answer's phrases."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, Field

from quiz.core.findings import Finding, Path, nearest
from quiz.core.kinds.kind import (
    NOTHING,
    Answer,
    Grade,
    JsonAnswer,
    Presented,
    QuestionKind,
    check_indices,
    int_list,
    not_stored,
    one_line,
)
from quiz.core.kinds.picks import picks_fraction
from quiz.core.question_base import QuestionBase, Text, as_list
from quiz.core.text import find_phrase, split_words


class HighlightQuestion(QuestionBase):
    """Pick the word or words of a passage that do something: the hedge, the unnamed source…"""

    type: Literal["highlight"]
    text: Text = Field(description="The passage the student picks words in.")
    answer: Annotated[
        list[Text], BeforeValidator(as_list, json_schema_input_type=list[str] | str)
    ] = Field(
        min_length=1, description="The word or words to pick, each as it appears in the text."
    )

    @cached_property
    def words(self) -> list[str]:
        return [self.text[start:end] for start, end in split_words(self.text)]

    @cached_property
    def target_words(self) -> frozenset[int]:
        """Indices of the words covered by the answer's phrases (empty if a phrase is missing)."""
        spans = split_words(self.text)
        found: set[int] = set()
        for phrase in self.answer:
            located = find_phrase(self.text, phrase)
            if located is None:
                return frozenset()
            start, end = located
            found.update(i for i, (s, e) in enumerate(spans) if s < end and e > start)
        return frozenset(found)


@dataclass(frozen=True, slots=True)
class HighlightAnswer(Answer):
    """The words picked in a highlight question, as indices into `HighlightQuestion.words`."""

    words: frozenset[int]


def _phrases(question: HighlightQuestion, words: Iterable[int]) -> str:
    """Picked words as the passage's phrases: neighbouring words go together, in text order."""
    spans = split_words(question.text)
    runs: list[list[int]] = []
    for index in sorted(words):
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    phrases = [question.text[spans[run[0]][0] : spans[run[-1]][1]] for run in runs]
    return "; ".join(one_line(p) for p in phrases) or NOTHING


class HighlightKind(QuestionKind[HighlightQuestion, HighlightAnswer]):
    name: ClassVar[str] = "highlight"
    model = HighlightQuestion
    answer_type = HighlightAnswer
    answer_tag: ClassVar[str] = "highlight"

    def grade(self, question: HighlightQuestion, answer: HighlightAnswer) -> Grade:
        check_indices(question, answer.words, len(question.words), "word")
        return picks_fraction(answer.words, question.target_words)

    def right_answer(self, question: HighlightQuestion) -> HighlightAnswer:
        return HighlightAnswer(question.target_words)

    def describe_answer(
        self, question: HighlightQuestion, answer: HighlightAnswer, language: str
    ) -> str:
        check_indices(question, answer.words, len(question.words), "word")
        return _phrases(question, answer.words)

    def describe_key(self, question: HighlightQuestion, language: str) -> str:
        return _phrases(question, question.target_words)

    def encode(self, answer: HighlightAnswer) -> JsonAnswer:
        return {"kind": self.answer_tag, "words": sorted(answer.words)}

    def decode(self, data: Mapping[str, Any]) -> HighlightAnswer:
        if data.get("kind") != self.answer_tag:
            raise not_stored(data)
        return HighlightAnswer(frozenset(int_list(data, "words")))

    def check(self, question: HighlightQuestion, at: Path) -> Iterator[Finding]:
        for i, phrase in enumerate(question.answer):
            if find_phrase(question.text, phrase) is None:
                closest = nearest(phrase, question.words)
                hint = (
                    f"copy the words exactly as in `text:`; did you mean '{closest}'?"
                    if closest
                    else "copy the words exactly as they appear in `text:`"
                )
                if phrase in question.text:
                    hint = "it is there only inside a longer word: students pick whole words"
                yield Finding(
                    (*at, "answer", i),
                    f"'{phrase}' is not in the question's text",
                    hint,
                    code="highlight-target",
                )
        if question.target_words and len(question.target_words) == len(question.words):
            yield Finding(
                (*at, "answer"),
                "the answer covers every word of the text: there is nothing to choose",
                "give a longer passage, or pick fewer words",
                code="highlight-target",
            )

    # --- The key-free view: the passage cut into words, which the answer numbers ----------------

    def view_fields(self, presented: Presented, language: str) -> dict[str, Any]:
        return {"passage": _passage(self.question_in(presented).text)}

    def key(self, presented: Presented) -> list[int]:
        return sorted(self.question_in(presented).target_words)


def _passage(text: str) -> list[str]:
    """`text` as gap, word, gap, word, …, gap: the words are the odd entries."""
    parts, previous = [], 0
    for start, end in split_words(text):
        parts += [text[previous:start], text[start:end]]
        previous = end
    parts.append(text[previous:])
    return parts


KIND = HighlightKind()
