"""The game with a real results database: answers committed as given, resuming an unfinished game,
the class leaderboard after a game, the teacher's view and its CSV exports, and a database that
fails without ending the game. Every test drives the real app with Pilot on a real SQLite file.
"""

from __future__ import annotations

import asyncio
import string
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from quiz.core.answers import ChoiceAnswer, encode_answer, right_answer
from quiz.core.models import QuestionSet
from quiz.core.session import GameSession, GameSettings
from quiz.store.db import ResultsStore
from quiz.store.exports import ExportRequest, build_export
from quiz.store.sets import SetTarget
from quiz.tui.app import QuizApp
from quiz.tui.preload import preload_sets
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.player import PlayerScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.results import ResultsScreen
from quiz.tui.screens.resume import ResumeScreen
from quiz.tui.screens.teacher import TeacherScreen
from quiz.tui.store_sink import StoreSink
from quiz.tui.widgets.class_leaderboard import ClassLeaderboard

from .conftest import DATA, FakeClock, load, screen_text, wait_until
from .playing import answer_right, next_screen, type_text

HOSTILE_NAMES = ("[/x]", "[@click=app.quit]x", "\x1b[2J")


def classroom_app(
    db: Path, question_set: QuestionSet, clock: FakeClock, **options: object
) -> tuple[QuizApp, StoreSink]:
    """The app as `quiz play --db DB` builds it."""
    sink = StoreSink(db)
    app = QuizApp([question_set], language="en", clock=clock, sink=sink, **options)  # type: ignore[arg-type]
    sink.attach(app)
    return app, sink


def stored_answers(db: Path) -> list[tuple[object, ...]]:
    """What another program (the teacher's export) sees in the database right now."""
    with ResultsStore.open(db, create=False) as store:
        return [
            (info.player, info.finished, answer.question_id, answer.answer_json)
            for set_id in store.set_ids()
            for version in store.set_versions(set_id)
            for info in [store.attempt(row[0]) for row in store.attempts(set_id, version.set_hash)]
            for answer in store.attempt_answers(info.id)
        ]


async def enter_player(pilot: Pilot, name: str, class_name: str) -> None:  # type: ignore[type-arg]
    """From the home screen: open the set, type the name and class, start."""
    await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PlayerScreen)
    await type_text(pilot, name)
    await pilot.press("enter")
    await type_text(pilot, class_name)
    await pilot.press("enter")


async def pick_choice(pilot: Pilot, file_index: int) -> None:  # type: ignore[type-arg]
    """Press the letter of the choice that is `file_index` in the set file."""
    screen = pilot.app.screen
    assert isinstance(screen, QuestionScreen)
    position = screen.presented.choice_order.index(file_index)
    await pilot.press(string.ascii_lowercase[position])
    await pilot.pause()


async def play_rest(pilot: Pilot, clock: FakeClock, seconds: float = 2.0) -> None:  # type: ignore[type-arg]
    """Answer every remaining question right, `seconds` after it appears, up to the results."""
    while isinstance(pilot.app.screen, QuestionScreen | FeedbackScreen):
        if isinstance(pilot.app.screen, FeedbackScreen):
            await next_screen(pilot)
            continue
        clock.advance(seconds)
        await answer_right(pilot)
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ResultsScreen), "the results")


async def test_each_answer_is_in_the_database_before_the_game_ends(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "class.sqlite3"
    question_set = load("every_type.yaml")
    app, sink = classroom_app(db, question_set, clock)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await enter_player(pilot, "Alice", "4B")
            await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen), "question 1")
            await pick_choice(pilot, 1)  # Moscow: wrong
            assert isinstance(app.screen, FeedbackScreen)
            # Committed now, while the game goes on: a kill here would keep it.
            await wait_until(pilot, lambda: stored_answers(db), "the first answer")
            assert stored_answers(db) == [
                ("Alice", False, "city", encode_answer(ChoiceAnswer(frozenset({1}))))
            ]
            with ResultsStore.open(db, create=False) as store:
                (attempt,) = store.unfinished_attempts(
                    "Alice", "every-type", question_set.content_hash, class_name="4B"
                )
            assert attempt.seed == app.session.seed  # type: ignore[union-attr]
            assert attempt.rule == "classic"
            assert attempt.question_count == 7
    finally:
        sink.close()


async def test_the_report_counts_the_wrong_choice_picked_in_the_app(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "class.sqlite3"
    question_set = load("every_type.yaml")
    app, sink = classroom_app(db, question_set, clock)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await enter_player(pilot, "Alice", "4B")
            await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen), "question 1")
            await pick_choice(pilot, 2)  # Beijing: wrong
            await next_screen(pilot)
            await play_rest(pilot, clock)
            board = app.screen.query_one(ClassLeaderboard)
            await wait_until(pilot, lambda: board.loaded, "the leaderboard")
    finally:
        sink.close()
    with ResultsStore.open(db, create=False) as store:
        target = SetTarget(question_set.id, question_set, from_file=True)
        export = build_export(store, ExportRequest("report", target))
        rows = {row[0]: row for row in export.rows}
    wrong_picks = rows["city"][7]
    assert wrong_picks.startswith("Beijing (1) | ")
    assert "Moscow (0)" in wrong_picks
    assert "Canberra (0)" in wrong_picks


async def test_an_unfinished_game_resumes_and_scores_as_an_uninterrupted_one(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "class.sqlite3"
    question_set = load("every_type.yaml")
    app, sink = classroom_app(db, question_set, clock)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await enter_player(pilot, "Bob", "4B")
            await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen), "question 1")
            for _ in range(3):
                clock.advance(2.0)
                await answer_right(pilot)
                await next_screen(pilot)
            seed = app.session.seed  # type: ignore[union-attr]
            await wait_until(pilot, lambda: len(stored_answers(db)) == 3, "three answers")
            # The game is left on question 4 (as if the terminal were closed).
    finally:
        sink.close()

    resumed, sink = classroom_app(db, question_set, clock)
    try:
        async with resumed.run_test(size=(100, 30)) as pilot:
            await enter_player(pilot, "Bob", "4B")
            await wait_until(pilot, lambda: isinstance(resumed.screen, ResumeScreen), "the offer")
            assert "3 of 7 questions answered" in screen_text(pilot)
            await pilot.press("enter")  # Resume has the focus
            await wait_until(
                pilot, lambda: isinstance(resumed.screen, QuestionScreen), "a question"
            )
            assert resumed.screen.presented.number == 4  # type: ignore[attr-defined]
            await play_rest(pilot, clock)
            resumed_result = resumed.screen.result  # type: ignore[attr-defined]
            board = resumed.screen.query_one(ClassLeaderboard)
            await wait_until(pilot, lambda: board.loaded, "the leaderboard")
    finally:
        sink.close()

    uninterrupted, sink = classroom_app(tmp_path / "other.sqlite3", question_set, clock, seed=seed)
    try:
        async with uninterrupted.run_test(size=(100, 30)) as pilot:
            await enter_player(pilot, "Bob", "4B")
            await wait_until(pilot, lambda: isinstance(uninterrupted.screen, QuestionScreen), "q1")
            await play_rest(pilot, clock)
            result = uninterrupted.screen.result  # type: ignore[attr-defined]
    finally:
        sink.close()
    assert resumed_result.total_score == result.total_score
    assert [r.points for r in resumed_result.results] == [r.points for r in result.results]
    with ResultsStore.open(db, create=False) as store:
        (attempt,) = [
            store.attempt(row[0]) for row in store.attempts("every-type", question_set.content_hash)
        ]
    assert attempt.finished
    assert attempt.answered == 7
    assert attempt.score == result.total_score


async def test_starting_again_leaves_the_old_game_unfinished(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "class.sqlite3"
    question_set = load("every_type.yaml")
    with ResultsStore.open(db) as store:
        old = store.start_attempt(
            "Chloé",
            "4B",
            question_set.id,
            question_set.content_hash,
            question_set.title,
            "classic",
            7,
            seed=5,
        )
        store.record_answer(
            old,
            "city",
            "comprehension",
            1,
            "Tokyo",
            encode_answer(ChoiceAnswer(frozenset({0}))),
            True,
            1.0,
            3.0,
            950,
            False,
        )
    app, sink = classroom_app(db, question_set, clock)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await enter_player(pilot, "Chloé", "4B")
            await wait_until(pilot, lambda: isinstance(app.screen, ResumeScreen), "the offer")
            await pilot.press("right", "enter")  # Start again
            await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen), "question 1")
            assert app.screen.presented.number == 1  # type: ignore[attr-defined]
            await answer_right(pilot)
            await wait_until(pilot, lambda: len(stored_answers(db)) == 2, "the new answer")
    finally:
        sink.close()
    with ResultsStore.open(db, create=False) as store:
        statuses = [row[4] for row in store.attempts(question_set.id, question_set.content_hash)]
    assert statuses == ["unfinished", "unfinished"]  # the old one, and the new one under way


async def test_the_class_leaderboard_shows_hostile_names_literally_and_the_players_rank(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "class.sqlite3"
    question_set = load("every_type.yaml")
    with ResultsStore.open(db) as store:
        for score, name in zip((9000, 100, 50), HOSTILE_NAMES, strict=True):
            attempt = store.start_attempt(
                name,
                "4B",
                question_set.id,
                question_set.content_hash,
                question_set.title,
                "classic",
                7,
                seed=1,
            )
            store.record_answer(
                attempt, "city", "comprehension", 1, "Tokyo", {}, True, 1.0, 5.0, score, False
            )
            store.finish_attempt(attempt)
    player = "[b]Dan[/b]"
    app, sink = classroom_app(db, question_set, clock, player=player, class_name="4B", seed=3)
    try:
        async with app.run_test(size=(110, 60)) as pilot:
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen), "question 1")
            await play_rest(pilot, clock)
            board = app.screen.query_one(ClassLeaderboard)
            await wait_until(pilot, lambda: board.loaded, "the leaderboard")
            assert app.is_running  # [@click=app.quit] was not run
            text = screen_text(pilot)
    finally:
        sink.close()
    assert "Top scores of class 4B on this set" in text
    assert "Your rank: 2 of 4." in text
    lines = text.splitlines()
    for name in ("[/x]", "[@click=app.quit]x", "[2J", player):
        assert any(name in line for line in lines), name
    (own,) = [line for line in lines if "◀ you" in line]
    assert player in own
    assert "▶" in own


FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
"""Four emoji joined by ZWJ: seven characters, drawn (by Textual and the terminal) in two cells."""


async def test_the_class_leaderboard_columns_line_up_around_wide_emoji(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "class.sqlite3"
    question_set = load("every_type.yaml")
    with ResultsStore.open(db) as store:
        for score, name in ((9000, f"Léa {FAMILY}"), (100, "李小龙"), (50, "Bob")):
            attempt = store.start_attempt(
                name,
                "4B",
                question_set.id,
                question_set.content_hash,
                question_set.title,
                "classic",
                7,
                seed=1,
            )
            store.record_answer(
                attempt, "city", "comprehension", 1, "Tokyo", {}, True, 1.0, 5.0, score, False
            )
            store.finish_attempt(attempt)
    app, sink = classroom_app(db, question_set, clock, player="Dan", class_name="4B", seed=3)
    try:
        async with app.run_test(size=(110, 60)) as pilot:
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen), "question 1")
            await play_rest(pilot, clock)
            board = app.screen.query_one(ClassLeaderboard)
            await wait_until(pilot, lambda: board.loaded, "the leaderboard")
            shown = board.render_standing().plain.splitlines()
    finally:
        sink.close()
    header, *rows = shown[2:]
    assert any(FAMILY in row for row in rows)
    # Where each line's "Score" column ends, in cells: the same on every line.
    score_ends = {cell_len(header[: header.index("Score") + len("Score")])}
    for row, score in zip(rows, ("9000", "7133", "100", "50"), strict=True):
        score_ends.add(cell_len(row[: row.index(f" {score} ") + len(score) + 1]))
    assert len(score_ends) == 1, shown


async def test_the_teacher_view_lists_results_and_delivers_safe_csv_exports(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # the downloads folder: ~/Downloads
    monkeypatch.delenv("XDG_DOWNLOAD_DIR", raising=False)
    downloads = tmp_path / "Downloads"  # not there yet: the first export creates it
    db = tmp_path / "class.sqlite3"
    question_set = load("every_type.yaml")
    with ResultsStore.open(db) as store:
        for name, group in (('=HYPERLINK("http://x")', "4B"), ("[/x]", "5A")):
            attempt = store.start_attempt(
                name,
                group,
                question_set.id,
                question_set.content_hash,
                question_set.title,
                "classic",
                7,
                seed=1,
            )
            store.record_answer(
                attempt,
                "city",
                "comprehension",
                1,
                "Moscow",
                encode_answer(ChoiceAnswer(frozenset({1}))),
                False,
                0.0,
                5.0,
                0,
                False,
            )
            store.finish_attempt(attempt)
    app, sink = classroom_app(db, question_set, clock, teacher=True)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("f3")
            await wait_until(pilot, lambda: isinstance(app.screen, TeacherScreen), "the view")
            table = app.screen.query_one(DataTable)
            await wait_until(pilot, lambda: table.row_count == 2, "the leaderboard rows")
            await pilot.pause()
            text = screen_text(pilot)
            assert '=HYPERLINK("http://x")' in text
            assert "[/x]" in text
            assert f"Version {question_set.content_hash} · 2 rows" in text
            await pilot.press("l")
            leaderboard = downloads / "leaderboard-every-type.csv"
            await wait_until(pilot, leaderboard.exists, "the leaderboard file")
            saved = f"Saved: {leaderboard}"
            await wait_until(
                pilot, lambda: any(n.message == saved for n in app._notifications), "the notice"
            )
            await pilot.press("r")
            report = downloads / "report-every-type.csv"
            await wait_until(pilot, report.exists, "the report file")
            await pilot.pause(0.2)
    finally:
        sink.close()
    data = leaderboard.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfrank,player,class,score")
    assert data.count(b"\r\n") == 3
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b'\'=HYPERLINK(""http://x"")' in data  # neutralised, quotes doubled
    assert "Moscow (2) |" in report.read_bytes().decode("utf-8-sig")  # both players


async def test_without_teacher_the_view_is_not_offered(tmp_path: Path, clock: FakeClock) -> None:
    app, sink = classroom_app(tmp_path / "db.sqlite3", load("every_type.yaml"), clock)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("f3")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            commands = [c.title for c in app.get_system_commands(app.screen)]
            assert "Teacher's view" not in commands
            assert "F3" not in screen_text(pilot)
    finally:
        sink.close()


async def test_a_database_that_fails_never_stops_the_game_and_says_why_once(
    tmp_path: Path, clock: FakeClock
) -> None:
    broken = tmp_path / "a-folder"
    broken.mkdir()
    app, sink = classroom_app(broken, load("every_type.yaml"), clock)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await enter_player(pilot, "Alice", "4B")
            await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen), "question 1")
            await play_rest(pilot, clock)
            await wait_until(pilot, lambda: app.screen.query_one(ClassLeaderboard).loaded, "board")
            await pilot.pause()  # drawn
            assert "No leaderboard: your results are not being saved." in screen_text(pilot)
            notices = [n for n in app._notifications if n.title == "Results not saved"]
            assert len(notices) == 1
            assert "is a folder" in notices[0].message
            assert app.screen.result.total_score > 0  # type: ignore[attr-defined]
    finally:
        sink.close()
    await asyncio.sleep(0)


async def test_a_game_killed_after_its_last_answer_resumes_straight_to_its_results(
    tmp_path: Path, clock: FakeClock
) -> None:
    """Every answer was saved but the game never finished: resuming finishes it."""
    db = tmp_path / "class.sqlite3"
    question_set = load("every_type.yaml")
    session = GameSession(question_set, GameSettings("Eve", "4B", seed=9))
    with ResultsStore.open(db) as store:
        attempt = store.start_attempt(
            "Eve",
            "4B",
            question_set.id,
            question_set.content_hash,
            question_set.title,
            str(session.rule),
            len(session.questions),
            seed=session.seed,
        )
        while session.has_next:
            presented = session.start_question(0.0)
            result = session.answer(right_answer(presented.question), 4.0)
            store.record_answer(
                attempt, result.question_id, str(result.skill), presented.number,
                result.answer_text, encode_answer(result.answer), result.correct,
                result.grade.fraction, result.elapsed, result.points, result.timed_out,
            )  # fmt: skip
    expected = session.finish().total_score
    app, sink = classroom_app(db, question_set, clock)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await enter_player(pilot, "Eve", "4B")
            await wait_until(pilot, lambda: isinstance(app.screen, ResumeScreen), "the offer")
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(app.screen, ResultsScreen), "the results")
            assert app.screen.result.total_score == expected  # type: ignore[attr-defined]
            board = app.screen.query_one(ClassLeaderboard)
            await wait_until(pilot, lambda: board.loaded, "the leaderboard")
            assert "Your rank: 1 of 1." in screen_text(pilot)
    finally:
        sink.close()
    with ResultsStore.open(db, create=False) as store:
        assert store.attempt(attempt).finished


async def test_the_teacher_view_names_the_set_files_that_did_not_load(
    tmp_path: Path, clock: FakeClock
) -> None:
    """`quiz play --teacher sets/` with a broken file: the teacher, who can fix it, sees it in the
    view too, and the view works on the sets that loaded."""
    folder = tmp_path / "sets"
    folder.mkdir()
    good = folder / "every_type.yaml"
    good.write_text(
        (DATA / "every_type.yaml")
        .read_text(encoding="utf-8")
        .replace("text_file: articles/every_type.txt", "text_file: null"),
        encoding="utf-8",
    )
    (folder / "typo.yaml").write_text(
        (DATA / "invalid" / "misspelt-required-key.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    found = preload_sets([folder], fork=False).result()
    sink = StoreSink(tmp_path / "class.sqlite3")
    app = QuizApp(
        found.entries(),
        broken=found.broken,
        unverified=not found.verified,
        language="fr",
        clock=clock,
        sink=sink,
        teacher=True,
    )
    sink.attach(app)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: not app.unverified, "the sets checked in full")
            assert [e.summary.id for e in app.entries] == ["every-type"]
            await pilot.press("f3")
            await wait_until(pilot, lambda: isinstance(app.screen, TeacherScreen), "the view")
            notice = app.screen.query_one("#teacher-broken", Static)
            assert notice.display
            assert str(notice.content).splitlines() == [
                "⚠ 1 fichier n’a pas pu être chargé : sa série manque à la liste "
                "(quiz check montre toutes les erreurs).",
                f"{folder / 'typo.yaml'}:13:5: unknown key 'explication' in this question",
            ]
    finally:
        sink.close()
