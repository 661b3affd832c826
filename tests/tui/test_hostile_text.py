"""Markup, links, escape codes and bidi overrides in every user string, through every screen.

Each screen must show the strings as typed (control characters removed), keep running, and never
act on them: `[@click=app.quit]` stays text, `[/x]` does not crash the markup parser.
"""

from __future__ import annotations

from click.testing import CliRunner

from quiz.cli import main
from quiz.tui.app import QuizApp
from quiz.tui.screens.article import ArticleScreen
from quiz.tui.screens.confirm_quit import ConfirmScreen
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.player import PlayerScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.results import ResultsScreen

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
    assert f"{broken}:3:1: error: not valid YAML" in result.output
    assert "[@click=app.quit]broken[x].yaml" in result.output


def test_a_missing_path_is_an_error_not_a_traceback() -> None:
    result = CliRunner().invoke(main, ["play", str(DATA / "no-such-set.yaml")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
