"""The server is the referee: its clock, the core's grading and scoring, one answer per question,
nothing late, an answer acknowledged only once it is in the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.answers import (
    BooleanAnswer,
    CategorizeAnswer,
    ChoiceAnswer,
    HighlightAnswer,
    NumberAnswer,
    OrderAnswer,
    TextAnswer,
)
from quiz.core.session import GameSession, GameSettings
from quiz.live.client import ConnectionLost, HostRemote, LiveError

from .conftest import (
    SEED,
    FakeClock,
    Served,
    eventually,
    load,
    rows_in_database_file,
    serve,
    until,
)

CATEGORIZE_SET = "live/categorize.yaml"


def positions() -> list[tuple[int, ...]]:
    """For each question of every_type.yaml: the display positions of its key (choices, items)."""
    session = GameSession(load(), GameSettings("x", seed=SEED))
    keys = []
    for number in range(1, 8):
        presented = session.presentation(number)
        question = presented.question
        if presented.choice_order:
            right = question.correct_choices  # type: ignore[attr-defined]
            keys.append(tuple(p for p, i in enumerate(presented.choice_order) if i in right))
        elif presented.item_order:
            keys.append(tuple(presented.item_order.index(i) for i in range(3)))
        else:
            keys.append(())
    return keys


async def test_answers_are_scored_by_the_core_rules_and_acknowledged_once_saved(
    served: Served, clock: FakeClock
) -> None:
    ana, bo, cy = [await served.player(name) for name in ("Ana", "Bo", "Cy")]
    remote = await served.remote()
    await remote.control("start")
    for client in (ana, bo, cy):
        question = (await until(client, "question")).question
        assert (question.number, question.type, question.time_limit) == (1, "single", 20)
    right = positions()[0][0]
    clock.advance(5)
    await ana.answer(1, ChoiceAnswer(frozenset({right})))
    assert (await until(ana, "ack")).question == 1
    # Acknowledged means committed: another connection already reads it.
    assert served.rows("SELECT points, correct, elapsed FROM answers") == [(875, 1, 5.0)]
    await bo.answer(1, ChoiceAnswer(frozenset({(right + 1) % 4})))
    await until(bo, "ack")
    clock.advance(3)
    state = await remote.control("reveal")
    assert (state.phase, state.answered) == ("closed", 2)
    reveal = await until(ana, "reveal")
    assert reveal.key == [right]
    assert reveal.key_text == "Tokyo"
    assert [bar.count for bar in reveal.bars] == [
        1 if p in (right, (right + 1) % 4) else 0 for p in range(4)
    ] + [1]  # and Cy, who did not answer
    assert reveal.bars[right].right
    ana_result = await until(ana, "result")
    assert (ana_result.outcome, ana_result.points, ana_result.rank) == ("right", 875, 1)
    cy_result = await until(cy, "result")
    assert (cy_result.outcome, cy_result.points, cy_result.score) == ("timed_out", 0, 0)
    # 1000 × (1 − 0.5 × 5/20) = 875 for Ana; Cy's time-out is stored with the time it lasted.
    assert served.rows(
        "SELECT p.name, s.points, s.timed_out, s.elapsed FROM answers s "
        "JOIN attempts a ON a.id = s.attempt_id JOIN players p ON p.id = a.player_id ORDER BY 1"
    ) == [("Ana", 875, 0, 5.0), ("Bo", 0, 0, 5.0), ("Cy", 0, 1, 8.0)]
    # While the class reads the reveal, the journal is copied into the database file (no commit
    # does it during a question: an answer's acknowledgement would wait for it).
    assert served.hosted.recorder.store.pragma("wal_autocheckpoint") == 0
    await eventually(
        lambda: rows_in_database_file(served.db, "SELECT count(*) FROM answers") == [(3,)],
        "the answers in the database file after the reveal",
    )

    # Question 2 (several answers), right at once: the second right answer in a row, +5%.
    await remote.control("next")
    await until(ana, "question")
    await ana.answer(2, ChoiceAnswer(frozenset(positions()[1])))
    await until(ana, "ack")
    await remote.control("reveal")
    result = await until(ana, "result")
    assert (result.points, result.streak, result.score) == (1050, 2, 1925)


async def test_a_second_a_late_and_a_wrong_numbered_answer_are_refused(
    served: Served, clock: FakeClock
) -> None:
    ana, bo = await served.player("Ana"), await served.player("Bo")
    remote = await served.remote()
    await remote.control("start")
    await until(ana, "question")
    await ana.answer(2, ChoiceAnswer(frozenset({0})))
    refused = await until(ana, "error")
    assert (refused.code, refused.fatal) == ("not_open", False)
    await ana.answer(1, ChoiceAnswer(frozenset({0})))
    await until(ana, "ack")
    await ana.answer(1, ChoiceAnswer(frozenset({1})))
    assert (await until(ana, "error")).code == "already_answered"
    clock.advance(20.5)  # past the 20-second limit, before the server's timer closes it
    await bo.answer(1, ChoiceAnswer(frozenset({0})))
    assert (await until(bo, "error")).code == "late"
    assert served.rows("SELECT COUNT(*) FROM answers") == [(1,)]
    await remote.control("reveal")
    assert (await until(bo, "result")).outcome == "timed_out"
    await bo.answer(1, ChoiceAnswer(frozenset({0})))
    assert (await until(bo, "error")).code == "late"


async def test_a_pause_stops_the_clock_and_the_answers(served: Served, clock: FakeClock) -> None:
    ana = await served.player("Ana")
    await served.player("Bo")  # someone still to answer, so Ana's answer does not close it
    remote = await served.remote()
    await remote.control("start")
    await until(ana, "question")
    clock.advance(4)
    assert (await remote.control("pause")).paused
    assert (await until(ana, "paused")).remaining == pytest.approx(16)
    clock.advance(100)  # the pause lasts: it does not count
    await ana.answer(1, ChoiceAnswer(frozenset({positions()[0][0]})))
    assert (await until(ana, "error")).code == "paused"
    await remote.control("resume")
    assert (await until(ana, "resumed")).remaining == pytest.approx(16)
    await ana.answer(1, ChoiceAnswer(frozenset({positions()[0][0]})))
    await until(ana, "ack")
    assert served.rows("SELECT elapsed, points FROM answers") == [(4.0, 900)]


async def test_every_type_is_answered_in_display_positions_and_graded_right(
    served: Served,
) -> None:
    """The answers a client builds (display positions) reach full credit on every type."""
    ana = await served.player("Ana")
    remote = await served.remote()
    keys = positions()
    for number in range(1, 8):
        await remote.control("start" if number == 1 else "next")
        view = (await until(ana, "question")).question
        key = keys[number - 1]
        answer = {
            "single": ChoiceAnswer(frozenset(key)),
            "multiple": ChoiceAnswer(frozenset(key)),
            "true_false": BooleanAnswer(False),
            "numeric": NumberAnswer(4.0),
            "text": TextAnswer("  agence france-presse "),
            "order": OrderAnswer(key),
            "highlight": HighlightAnswer(frozenset({0, 1, 2, 7})),  # According to observers…could
        }[view.type]
        await ana.answer(number, answer)
        await until(ana, "ack")  # Ana is the only player: her answer closes the question
        result = await until(ana, "result")
        assert result.outcome == "right", view.type
    await remote.control("next")  # after the last question: the end
    over = await until(ana, "game_over")
    assert (over.rank, over.players) == (1, 1)
    assert over.score == 7425  # as the solo game scores the same answers (tests/tui/test_game.py)
    assert served.rows("SELECT finished_at IS NOT NULL FROM attempts") == [(1,)]


async def test_an_answer_that_does_not_fit_the_question_ends_that_connection(
    served: Served,
) -> None:
    ana, bo = await served.player("Ana"), await served.player("Bo")
    remote = await served.remote()
    await remote.control("start")
    await until(ana, "question")
    await ana.answer(1, ChoiceAnswer(frozenset({9})))  # there are four choices
    refused = await until(ana, "error")
    assert (refused.code, refused.fatal) == ("bad_answer", True)
    with pytest.raises(ConnectionLost):
        await ana.receive()
    await ana.close()
    await bo.answer(1, TextAnswer("Tokyo"))  # the wrong kind for a choice question
    assert (await until(bo, "error")).code == "bad_answer"
    assert served.rows("SELECT COUNT(*) FROM answers") == [(0,)]


async def test_names_are_unique_codes_checked_and_late_joiners_get_the_open_question(
    served: Served, clock: FakeClock
) -> None:
    await served.player("Léa")
    for code, name, expected in (
        (served.code, " LÉA ", "name_taken"),
        ("WRONG", "Zoé", "wrong_code"),
        (served.code, " \u200b\x1b\x07 ", "name_needed"),
    ):
        client = served.client()
        await client.connect()
        with pytest.raises(LiveError) as refused:
            await client.join(code, name)
        assert refused.value.code == expected
        with pytest.raises(ConnectionLost):
            await client.receive()
    remote = await served.remote()
    await remote.control("start")
    clock.advance(6)
    late = served.client()
    await late.connect()
    welcome = await late.join(served.code.lower(), "Zoé\u202e", None)  # codes ignore case
    assert (welcome.player, welcome.class_name, welcome.players) == ("Zoé", "", 2)
    opened = await until(late, "question")
    assert opened.remaining == pytest.approx(14)
    assert not opened.answered


async def test_skip_drops_a_question_for_everyone_and_kick_removes_a_player(
    served: Served,
) -> None:
    ana, bo = await served.player("Ana"), await served.player("Bo")
    remote = await served.remote()
    await remote.control("start")
    await until(ana, "question")
    await ana.answer(1, ChoiceAnswer(frozenset({positions()[0][0]})))
    await until(ana, "ack")
    state = await remote.control("skip")  # question 1 counts for nobody
    assert (state.phase, state.question) == ("closed", 1)
    assert (await until(bo, "skipped")).question == 1
    assert served.rows("SELECT COUNT(*) FROM answers") == [(0,)]
    state = await remote.control("skip")  # and question 2 is never asked
    assert state.question == 2
    await remote.control("next")
    assert (await until(ana, "question")).question.number == 3
    await remote.control("kick", "bo")
    kicked = await until(bo, "error")
    assert (kicked.code, kicked.fatal) == ("kicked", True)
    with pytest.raises(LiveError, match="no player called Nobody"):
        await remote.control("kick", "Nobody")
    await ana.answer(3, BooleanAnswer(False))  # the last one still in: the question closes
    result = await until(ana, "result")
    assert (result.rank, result.players) == (1, 1)
    await remote.control("end")
    assert (await until(ana, "game_over")).score == result.score
    # Bo's game stays unfinished: out of the leaderboards.
    assert served.rows(
        "SELECT p.name, a.finished_at IS NOT NULL FROM attempts a "
        "JOIN players p ON p.id = a.player_id ORDER BY 1"
    ) == [("Ana", 1), ("Bo", 0)]


async def test_the_host_controls_need_the_token(served: Served) -> None:
    intruder = HostRemote("127.0.0.1", served.port)
    served.clients.append(intruder)
    with pytest.raises(LiveError) as refused:
        await intruder.connect("not-the-token")
    assert refused.value.code == "forbidden"
    await intruder.close()
    remote = await served.remote()
    with pytest.raises(LiveError) as cannot:
        await remote.control("reveal")  # no question is open
    assert cannot.value.code == "cannot"
    assert (await remote.control("start")).phase == "asking"


async def test_a_categorize_answer_over_the_wire_earns_its_share_and_is_stored_in_file_order(
    tmp_path: Path, clock: FakeClock
) -> None:
    served = await serve(tmp_path / "class.sqlite3", clock, load(CATEGORIZE_SET))
    try:
        ana, bo, cy = [await served.player(name) for name in ("Ana", "Bo", "Cy")]
        remote = await served.remote()
        await remote.control("start")
        view = (await until(ana, "question")).question
        # The seed shows the file's items 3, 0, 1, 2: facts, fact, opinion, guess.
        assert view.items == [
            "It cost 12 million euros.",
            "The bridge opened on 4 May.",
            "It is the most beautiful bridge in the region.",
            "Traffic might double within ten years.",
        ]
        assert view.categories == ["Checkable fact", "Opinion", "Guess"]
        clock.advance(6)  # speed factor 1 − 0.5 × 6/30 = 0.9
        await ana.answer(1, CategorizeAnswer((0, 0, 1, 0)))  # the guess taken for a fact: 3/4
        await bo.answer(1, CategorizeAnswer((0, 0, 1, 2)))  # all right
        await cy.answer(1, CategorizeAnswer((0, 0, None, None)))  # two left unplaced: 2/4
        for client in (ana, bo, cy):
            assert (await until(client, "ack")).question == 1
        reveal = await until(ana, "reveal")  # everybody answered: it closed by itself
        assert reveal.key == [0, 0, 1, 2]
        assert [(bar.outcome, bar.count) for bar in reveal.bars] == [
            ("right", 1),
            ("partial", 2),
            ("wrong", 0),
            ("timed_out", 0),
        ]
        result = await until(ana, "result")
        # 1000 × 3/4 × 0.9; no streak bonus for a partly right answer.
        assert (result.outcome, result.points) == ("partial", 675)
        assert (await until(bo, "result")).points == 900
        assert (await until(cy, "result")).points == 450
        stored = served.rows(
            "SELECT p.name, s.answer_json, s.fraction, s.correct, s.points, s.answer_text "
            "FROM answers s JOIN attempts a ON a.id = s.attempt_id "
            "JOIN players p ON p.id = a.player_id ORDER BY 1"
        )
        facts = "The bridge opened on 4 May. → Checkable fact"
        assert stored == [
            (
                "Ana",
                '{"kind": "categorize", "placements": [0, 1, 0, 0]}',
                0.75,
                0,
                675,
                f"{facts}; It is the most beautiful bridge in the region. → Opinion; "
                "Traffic might double within ten years. → Checkable fact; "
                "It cost 12 million euros. → Checkable fact",
            ),
            (
                "Bo",
                '{"kind": "categorize", "placements": [0, 1, 2, 0]}',
                1.0,
                1,
                900,
                reveal.key_text,
            ),
            (
                "Cy",
                '{"kind": "categorize", "placements": [0, null, null, 0]}',
                0.5,
                0,
                450,
                f"{facts}; It is the most beautiful bridge in the region. → —; "
                "Traffic might double within ten years. → —; "
                "It cost 12 million euros. → Checkable fact",
            ),
        ]
    finally:
        await served.close()


async def test_a_categorize_answer_that_does_not_fit_the_question_is_refused(
    tmp_path: Path, clock: FakeClock
) -> None:
    served = await serve(tmp_path / "class.sqlite3", clock, load(CATEGORIZE_SET))
    try:
        ana, bo = [await served.player(name) for name in ("Ana", "Bo")]
        remote = await served.remote()
        await remote.control("start")
        await until(ana, "question")
        await ana.answer(1, CategorizeAnswer((0, 1, 2)))  # four items are shown
        refused = await until(ana, "error")
        assert (refused.code, refused.fatal) == ("bad_answer", True)
        assert "there are 4 items to place, the answer places 3" in refused.message
        # The protocol lets 0 to 5 through; this question has three categories.
        await bo.answer(1, CategorizeAnswer((0, 1, 3, None)))
        refused = await until(bo, "error")
        assert (refused.code, refused.fatal) == ("bad_answer", True)
        assert "there is no category 3 (0 to 2)" in refused.message
        assert served.rows("SELECT COUNT(*) FROM answers") == [(0,)]
    finally:
        await served.close()
