"""No answer silently lost: writes that fail mid-game wait, in order, and are saved when the
database can take them again. The real app under Pilot, a real SQLite file, and real failures: a
full disk (a 1 MB tmpfs, when the tests may mount one) or a database folder that appears late.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from textual.pilot import Pilot

from quiz.store.db import ResultsStore
from quiz.tui.app import QuizApp
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.results import ResultsScreen
from quiz.tui.screens.resume import ResumeScreen
from quiz.tui.store_sink import StoreSink
from quiz.tui.widgets.class_leaderboard import ClassLeaderboard

from .conftest import FakeClock, load, screen_text
from .playing import answer_right, next_screen
from .test_classroom import classroom_app, enter_player, play_rest, wait_until

if TYPE_CHECKING:
    from conftest import SmallDisk  # the root conftest's `small_disk` fixture


def stored(db: Path) -> list[tuple[bool, int, list[int]]]:
    """Each attempt as another program sees it: finished?, its score, its question numbers."""
    with ResultsStore.open(db, read_only=True) as store:
        return [
            (info.finished, info.score, [a.question_number for a in store.attempt_answers(info.id)])
            for set_id in store.set_ids()
            for version in store.set_versions(set_id)
            for info in [store.attempt(row[0]) for row in store.attempts(set_id, version.set_hash)]
        ]


def notices(app: QuizApp, title: str) -> list[str]:
    return [n.message for n in app._notifications if n.title == title]


async def settled(sink: StoreSink) -> None:
    """Wait until the saving thread has handled every write the game has made so far."""
    await sink.call(lambda store: None)


async def answer(pilot: Pilot, clock: FakeClock, count: int) -> None:  # type: ignore[type-arg]
    for _ in range(count):
        clock.advance(2.0)
        await answer_right(pilot)
        await next_screen(pilot)


async def test_a_full_disk_mid_game_loses_no_answer_and_says_so_twice(
    small_disk: SmallDisk, clock: FakeClock
) -> None:
    db = small_disk.path / "class.sqlite3"
    app, sink = classroom_app(db, load("every_type.yaml"), clock)
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await enter_player(pilot, "Alice", "4B")
            await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen), "question 1")
            await settled(sink)
            small_disk.fill()
            await answer(pilot, clock, 3)  # 1 to 3 fail: the disk is full
            await settled(sink)
            (told,) = notices(app, "Results not saved")
            assert "the disk is full" in told
            assert "Keep playing" in told
            assert stored(db) == [(False, 0, [])]
            small_disk.free()
            await answer(pilot, clock, 1)  # 4: saved, after 1, 2 and 3
            await settled(sink)
            assert [numbers for _, _, numbers in stored(db)] == [[1, 2, 3, 4]]
            assert notices(app, "Results saved") == ["All your answers are saved now."]
            await play_rest(pilot, clock)
            board = app.screen.query_one(ClassLeaderboard)
            await wait_until(pilot, lambda: board.loaded, "the leaderboard")
            assert "Your rank: 1 of 1." in screen_text(pilot)
            result = app.screen.result  # type: ignore[attr-defined]
            assert len(notices(app, "Results not saved")) == 1
    finally:
        sink.close()
    assert sink.unsaved() is None
    # The results screen and the store agree: every answer, in order, and the same score.
    assert stored(db) == [(True, result.total_score, [1, 2, 3, 4, 5, 6, 7])]


async def test_a_game_that_ends_on_a_full_disk_is_not_finished_and_resumes_after_its_saved_answers(
    small_disk: SmallDisk, clock: FakeClock
) -> None:
    db = small_disk.path / "class.sqlite3"
    question_set = load("every_type.yaml")
    app, sink = classroom_app(db, question_set, clock)
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await enter_player(pilot, "Bob", "4B")
            await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen), "question 1")
            await answer(pilot, clock, 2)
            await settled(sink)
            small_disk.fill()
            await play_rest(pilot, clock)  # 3 to 7, and the end: none can be saved
            board = app.screen.query_one(ClassLeaderboard)
            await wait_until(pilot, lambda: board.loaded, "the leaderboard")
            text = screen_text(pilot)
            assert "Not on the leaderboard yet: 2 of your 7 answers are saved." in text
            assert "Your rank" not in text
            ((finished, _, numbers),) = stored(db)
            assert (finished, numbers) == (False, [1, 2])
    finally:
        sink.close()  # one last try, on a disk still full
    unsaved = sink.unsaved()
    assert unsaved is not None
    assert unsaved.startswith("5 answers could not be saved in ")
    assert "the disk is full" in unsaved
    (attempt,) = stored(db)
    assert attempt[0] is False  # never finished with a hole
    assert attempt[2] == [1, 2]

    small_disk.free()
    resumed, sink = classroom_app(db, question_set, clock)
    try:
        async with resumed.run_test(size=(100, 40)) as pilot:
            await enter_player(pilot, "Bob", "4B")
            await wait_until(pilot, lambda: isinstance(resumed.screen, ResumeScreen), "the offer")
            assert "2 of 7 questions answered" in screen_text(pilot)
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(resumed.screen, QuestionScreen), "q3")
            assert resumed.screen.presented.number == 3  # type: ignore[attr-defined]
            await play_rest(pilot, clock)
            result = resumed.screen.result  # type: ignore[attr-defined]
            board = resumed.screen.query_one(ClassLeaderboard)
            await wait_until(pilot, lambda: board.loaded, "the leaderboard")
            assert "Your rank: 1 of 1." in screen_text(pilot)
    finally:
        sink.close()
    assert stored(db) == [(True, result.total_score, [1, 2, 3, 4, 5, 6, 7])]


async def test_answers_wait_in_order_for_a_database_that_can_be_opened_only_later(
    tmp_path: Path, clock: FakeClock
) -> None:
    """The same, with no disk to fill: the database's folder is missing, then created."""
    folder = tmp_path / "class"
    db = folder / "class.sqlite3"
    app, sink = classroom_app(db, load("every_type.yaml"), clock)
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await enter_player(pilot, "Chloé", "4B")
            await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen), "question 1")
            await answer(pilot, clock, 2)
            await wait_until(pilot, lambda: notices(app, "Results not saved"), "the notice")
            folder.mkdir()
            await answer(pilot, clock, 1)
            await settled(sink)
            assert [numbers for _, _, numbers in stored(db)] == [[1, 2, 3]]
            await play_rest(pilot, clock)
            board = app.screen.query_one(ClassLeaderboard)
            await wait_until(pilot, lambda: board.loaded, "the leaderboard")
            result = app.screen.result  # type: ignore[attr-defined]
            assert isinstance(app.screen, ResultsScreen)
            (told,) = notices(app, "Results not saved")
            assert "does not exist" in told
            assert notices(app, "Results saved") == ["All your answers are saved now."]
    finally:
        sink.close()
    assert stored(db) == [(True, result.total_score, [1, 2, 3, 4, 5, 6, 7])]


async def test_the_game_plays_on_over_a_damaged_database_and_says_so_once(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "class.sqlite3"
    question_set = load("every_type.yaml")
    with ResultsStore.open(db) as store:  # a class played, then the disk damaged the answers
        attempt = store.start_attempt("Dan", "4B", question_set.id, "v0", "t", "classic", 7)
        store.record_answer(attempt, "city", "comprehension", 1, "Tokyo", {}, True, 1, 3, 9, False)
    connection = sqlite3.connect(db)
    ((page,), (size,)) = [
        connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'answers'").fetchone(),
        connection.execute("PRAGMA page_size").fetchone(),
    ]
    connection.close()
    with db.open("r+b") as stream:
        stream.seek((page - 1) * size)
        stream.write(random.Random(3).randbytes(size))
    app, sink = classroom_app(db, question_set, clock)
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await enter_player(pilot, "Alice", "4B")
            await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen), "question 1")
            await play_rest(pilot, clock)
            board = app.screen.query_one(ClassLeaderboard)
            await wait_until(pilot, lambda: board.loaded, "the leaderboard")
            assert "Not on the leaderboard yet: 0 of your 7 answers are saved." in screen_text(
                pilot
            )
            (told,) = notices(app, "Results not saved")
            assert f"the results database {db} is damaged" in told
            assert app.is_running
    finally:
        sink.close()
    assert (sink.unsaved() or "").startswith("7 answers could not be saved")


async def test_an_answer_the_store_refuses_drops_the_rest_of_its_game_not_the_next_one(
    tmp_path: Path, clock: FakeClock
) -> None:
    """The same student's game finished from elsewhere (another tab) mid-game: its next answers
    can never be saved. The game plays on, says so, and the next game is saved whole."""
    db = tmp_path / "class.sqlite3"
    app, sink = classroom_app(db, load("every_type.yaml"), clock)
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await enter_player(pilot, "Eve", "4B")
            await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen), "question 1")
            await answer(pilot, clock, 2)
            await settled(sink)
            with ResultsStore.open(db) as other:
                other.finish_attempt(sink.last_attempt_id or 0)
            await play_rest(pilot, clock)
            board = app.screen.query_one(ClassLeaderboard)
            await wait_until(pilot, lambda: board.loaded, "the leaderboard")
            assert "No leaderboard: your results are not being saved." in screen_text(pilot)
            (told,) = notices(app, "Results not saved")
            assert told.startswith("Some of your answers cannot be saved: attempt ")
            assert "is finished" in told
            await pilot.press("r")  # play again: this game is saved whole
            await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen), "again")
            await play_rest(pilot, clock)
            board = app.screen.query_one(ClassLeaderboard)
            await wait_until(pilot, lambda: board.loaded, "the second leaderboard")
            assert "Your rank: 1 of 1." in screen_text(pilot)
            result = app.screen.result  # type: ignore[attr-defined]
    finally:
        sink.close()
    assert sink.unsaved() is None
    first, again = stored(db)
    assert (first[0], first[2]) == (True, [1, 2])  # finished from elsewhere, with what it had
    assert again == (True, result.total_score, [1, 2, 3, 4, 5, 6, 7])
