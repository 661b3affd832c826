"""Helpers for the store tests: the fixture set, and a game recorded as the game engine would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.core.models import QuestionSet
from quiz.store.db import ResultsStore

DATA = Path(__file__).parent.parent / "data" / "store"
SET_FILE = DATA / "deux_plus_deux.yaml"
T0 = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)


def play(
    store: ResultsStore,
    question_set: QuestionSet,
    player: str,
    class_name: str,
    picks: dict[str, object],
    *,
    start: datetime = T0,
    seconds: float = 10.0,
    finish: bool = True,
    set_hash: str | None = None,
) -> int:
    """Play `question_set` as the game would record it: `picks` maps question id to the answer.

    A choice question takes a list of choice indices, true/false a bool, numeric what was typed.
    Points follow the accuracy rule (the question's points when right); the store does not score.
    """
    attempt = store.start_attempt(
        player,
        class_name,
        question_set.id,
        set_hash or question_set.content_hash,
        question_set.title,
        "accuracy",
        len(question_set.questions),
        seed=1,
        started_at=start,
    )
    for number, question in enumerate(question_set.questions, start=1):
        if question.id not in picks:
            continue
        pick = picks[question.id]
        if question.type in ("single", "multiple"):
            chosen = set(pick)  # type: ignore[call-overload]
            right = set(question.correct_choices)
            correct = chosen == right
            fraction = 1.0 if correct else len(chosen & right) / len(right) / 2
            text = "; ".join(question.choices[i].text for i in sorted(chosen))
            answer_json: object = {"choices": sorted(chosen)}
        elif question.type == "true_false":
            correct = pick == question.answer
            fraction = float(correct)
            text = "Vrai" if pick else "Faux"
            answer_json = {"value": pick}
        else:
            # A typed answer: a number, or any text a student might type instead.
            correct = isinstance(pick, int | float) and question.accepts(float(pick))
            fraction = float(correct)
            text = str(pick)
            answer_json = {"value": pick}
        store.record_answer(
            attempt,
            question.id,
            question.skill,
            number,
            text,
            answer_json,
            correct,
            fraction,
            seconds,
            question_set.points_for(question) if correct else 0,
            False,
            answered_at=start + timedelta(seconds=seconds * number),
        )
    if finish:
        store.finish_attempt(attempt, start + timedelta(minutes=5))
    return attempt


ALL_RIGHT = {"ville": [0], "source": [0], "voix": [0, 1], "hypothese": False, "iles": 4}
