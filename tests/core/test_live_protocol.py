"""The live protocol's answer messages as a client sends them: categorize's placements, bounded
like the other answers, and read as the answer the store encodes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from quiz.core.answers import CategorizeAnswer, decode_answer
from quiz.core.live_protocol import PLAYER_MESSAGE, SubmitAnswer


def answer_message(answer: dict[str, Any]) -> str:
    return json.dumps({"type": "answer", "question": 1, "answer": answer})


def test_placements_are_read_as_a_categorize_answer_in_display_positions() -> None:
    message = PLAYER_MESSAGE.validate_json(
        answer_message({"kind": "categorize", "placements": [0, 2, None, 5]})
    )
    assert isinstance(message, SubmitAnswer)
    assert decode_answer(message.answer.model_dump()) == CategorizeAnswer((0, 2, None, 5))


@pytest.mark.parametrize(
    "placements",
    [
        [6],  # categories are at most 6: 0 to 5
        [-1],
        [True],  # strict: a boolean is not a category
        ["1"],
        [1.0],
        [0] * 13,  # items are at most 12
        None,
        {"0": 1},
    ],
)
def test_placements_out_of_bounds_or_of_the_wrong_type_are_refused(placements: Any) -> None:
    with pytest.raises(ValidationError):
        PLAYER_MESSAGE.validate_json(
            answer_message({"kind": "categorize", "placements": placements})
        )


def test_twelve_placements_and_an_empty_list_are_valid_messages() -> None:
    """The message only bounds the list; the question's own counts are the referee's to check."""
    for placements in ([5] * 12, []):
        PLAYER_MESSAGE.validate_json(
            answer_message({"kind": "categorize", "placements": placements})
        )


def test_a_categorize_answer_takes_no_other_field() -> None:
    with pytest.raises(ValidationError):
        PLAYER_MESSAGE.validate_json(
            answer_message({"kind": "categorize", "placements": [0], "key": [0]})
        )
