"""Markup, links, escape codes and bidi overrides in every user string, through every screen.

Each screen must show the strings as typed (control characters removed), keep running, and never
act on them: `[@click=app.quit]` stays text, `[/x]` does not crash the markup parser.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner
from textual.widgets import DataTable

from quiz.cli import main
from quiz.store.db import ResultsStore
from quiz.tui.app import QuizApp
from quiz.tui.screens.article import ArticleScreen
from quiz.tui.screens.confirm_quit import ConfirmScreen
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.player import PlayerScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.results import ResultsScreen
from quiz.tui.screens.teacher import TeacherScreen
from quiz.tui.store_sink import StoreSink
from quiz.tui.widgets.class_leaderboard import ClassLeaderboard

from .conftest import DATA, FakeClock, load, screen_text
from .playing import answer_right

HOSTILE_NAME = "[/x] [@click=app.quit]Zoé[/] \x1b[2J\u202eevil"


def assert_literal(pilot, *expected: str) -> str:  # type: ignore[no-untyped-def]
    """The screen shows each of `expected` as typed, and no control or bidi character."""
    assert pilot.app.is_running
    text = screen_text(pilot)
    for fragment in expected:
        assert fragment in text, f"{fragment!r} not shown in:\n{text}"
    assert "\x1b" not in text
    assert "\u202e" not in text
    return text


async def test_hostile_strings_are_shown_literally_on_every_screen(clock: FakeClock) -> None:
    app = QuizApp([load("hostile.yaml")], language="en", seed=1, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert_literal(pilot, "[/x] [@click=app.quit]Quit[/] [2Jevil [b]bold", "Outlet")

        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert_literal(pilot, "[@click=app.quit]Headline[/] [/x]", "[@click=app.quit]quoted[/]")
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        assert_literal(pilot, "[/x] [@click=app.quit]Quit[/]")
        app.screen.query_one("#name").value = HOSTILE_NAME
        await pilot.press("enter", "enter")
        await pilot.pause()

        assert isinstance(app.screen, QuestionScreen)
        assert_literal(pilot, "Which is [/x] [@click=app.quit]safe[/]? [31m", "[/x] [2J")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert_literal(pilot, "F1 or ?")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f2")  # the article during play
        await pilot.pause()
        assert_literal(pilot, "[/x] plain [b]text[/b].")
        await pilot.press("f2")
        await pilot.pause()

        await pilot.press("b")  # the wrong choice, to show its feedback and the key
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert_literal(
            pilot, "[b]no[/b]", "[@click=app.bell]Explained[/] [/x]", "[@click=app.quit]Quit[/]"
        )
        await pilot.press("f2")
        await pilot.pause()
        assert_literal(pilot, "▶[@click=app.quit]quoted[/]◀")
        await pilot.press("f2", "enter")
        await pilot.pause()

        assert_literal(pilot, "[/x] first", "[@click=app.quit]second[/]", "$accent third")
        await answer_right(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert_literal(pilot, "[@click=app.quit]Pick[/] these [/x] words")
        await answer_right(pilot)
        await pilot.press("enter")
        await pilot.pause()

        assert isinstance(app.screen, ResultsScreen)
        text = assert_literal(pilot, "[/x] [@click=app.quit]Zoé[/] [2Jevil")
        assert "Which is [/x]" in text
        # Clicking where the hostile "links" are drawn runs nothing.
        await pilot.click("#results-title", offset=(20, 0))
        await pilot.pause()
        assert app.is_running


def test_load_errors_are_located_and_printed_literally(tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "[@click=app.quit]broken[x].yaml"
    broken.write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["play", str(broken)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"  {broken}:3:1: not valid YAML" in result.output
    assert "[@click=app.quit]broken[x].yaml" in result.output


def test_a_missing_path_is_an_error_not_a_traceback() -> None:
    result = CliRunner().invoke(main, ["play", str(DATA / "no-such-set.yaml")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


async def test_names_from_an_edited_database_are_shown_without_control_characters(
    tmp_path: Path, clock: FakeClock
) -> None:
    """The store cleans names as it writes them, but the database is a file: one edited by hand,
    or written by another program, reaches the teacher's view and the class leaderboard as is."""
    db = tmp_path / "class.sqlite3"
    question_set = load("every_type.yaml")
    with ResultsStore.open(db) as store:
        for score, name in ((900, "Ana"), (800, "Bo")):
            attempt = store.start_attempt(
                name, "4B", question_set.id, question_set.content_hash, question_set.title,
                "classic", 7, seed=1,
            )  # fmt: skip
            store.record_answer(
                attempt, "city", "comprehension", 1, "Tokyo", {}, True, 1.0, 5.0, score, False
            )
            store.finish_attempt(attempt)
    with sqlite3.connect(db) as raw:  # what an edit by hand leaves behind
        raw.execute("UPDATE players SET name = ? WHERE name = 'Ana'", (HOSTILE_NAME,))
        raw.execute("UPDATE players SET class_name = ? WHERE name = 'Bo'", ("4B\x1b[31m\u202e",))
    sink = StoreSink(db)
    app = QuizApp(
        [question_set], language="en", clock=clock, sink=sink, teacher=True, player="Cy",
        class_name="4B", seed=3,
    )  # fmt: skip
    sink.attach(app)
    try:
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            await pilot.press("f3")
            await pilot.pause()
            assert isinstance(app.screen, TeacherScreen)
            table = app.screen.query_one(DataTable)
            for _ in range(50):
                if table.row_count == 2:
                    break
                await pilot.pause(0.1)
            assert table.row_count == 2
            assert_literal(pilot, "[/x] [@click=app.quit]Zoé[/] [2Jevil", "4B[31m")
            await pilot.click("#teacher-class")  # the class picker lists the classes
            await pilot.pause()
            assert_literal(pilot, "4B[31m")
            await pilot.press("escape", "escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            await pilot.press("enter")  # Cy of 4B plays: the class's leaderboard follows
            await pilot.pause()
            while isinstance(app.screen, QuestionScreen | FeedbackScreen):
                if isinstance(app.screen, QuestionScreen):
                    await answer_right(pilot)
                else:
                    await pilot.press("enter")
                    await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            board = app.screen.query_one(ClassLeaderboard)
            for _ in range(50):
                if board.loaded:
                    break
                await pilot.pause(0.1)
            assert_literal(pilot, "Your rank: 1 of 2.", "[/x] [@click=app.quit]Zoé[/] [2Jevil")
    finally:
        sink.close()
