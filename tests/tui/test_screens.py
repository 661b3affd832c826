"""Screens and controls around the game: help, article, key bar, palette, filter, resizing."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.command import CommandInput, CommandPalette
from textual.widgets import Static

from quiz.core.loader import load_question_set
from quiz.paths import bundled_questions_dir
from quiz.tui.app import QuizApp
from quiz.tui.preload import preload_sets
from quiz.tui.screens.article import ArticleScreen
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.results import ResultsScreen
from quiz.tui.widgets.article_view import ArticleView
from quiz.tui.widgets.key_bar import KeyBar

from .conftest import DATA, FakeClock, load, screen_text, wait_until
from .playing import answer_right, next_screen, type_text


def make_app(clock: FakeClock, language: str = "en", **options: object) -> QuizApp:
    sets = [load("every_type.yaml"), load("hostile.yaml")]
    return QuizApp(sets, language=language, seed=2, clock=clock, **options)  # type: ignore[arg-type]


async def test_help_opens_with_f1_or_question_mark_and_lists_the_keys(clock: FakeClock) -> None:
    app = make_app(clock, "fr")
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("f1", "question_mark"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            text = screen_text(pilot)
            assert "F2 : afficher ou masquer l’article" in text
            assert "Échap ferme cette aide." in text  # on the frame: seen without scrolling
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)


async def test_a_question_mark_typed_in_an_answer_is_text_not_help(clock: FakeClock) -> None:
    app = make_app(clock, player="Bo")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(4):
            await answer_right(pilot)
            await next_screen(pilot)
        await type_text(pilot, "AFP?")
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.query_one("#answer").value == "AFP?"


async def test_the_key_bar_lists_this_screens_keys_and_a_click_presses_one(
    clock: FakeClock,
) -> None:
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        text = screen_text(pilot).splitlines()[-1]
        assert "f2 Article" in text
        assert "f1 Help" in text
        await pilot.click(KeyBar, offset=(text.index("f1 Help") + 1 - bar.region.x, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_the_article_before_and_during_play_and_its_evidence(clock: FakeClock) -> None:
    app = make_app(clock, player="Bo")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert "Beijing was not asked to comment." in screen_text(pilot)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f2")  # during the question: the article, no evidence marked yet
        await pilot.pause()
        assert "met in Tokyo" in screen_text(pilot)
        assert "▶" not in screen_text(pilot)
        await pilot.press("f2")
        await pilot.pause()
        await answer_right(pilot)
        await pilot.press("f2")  # after answering: the evidence is marked
        await pilot.pause(0.2)
        flat = " ".join(screen_text(pilot).replace("▊", " ").replace("▎", " ").split())
        assert "▶met in Tokyo on Saturday◀" in flat
        assert app.screen.query_one(ArticleView).highlighted is not None


async def test_the_filter_narrows_the_sets_and_enter_opens_the_match(clock: FakeClock) -> None:
    app = make_app(clock, player="Bo")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, "word choice")  # a skill label of the second set only
        await pilot.pause()
        assert app.screen.query_one("#filter").value == "word choice"  # the first letter too
        assert [e.summary.id for e in app.screen.shown] == ["hostile"]
        await type_text(pilot, " nothing-matches")
        await pilot.pause()
        assert "No question set matches this filter." in screen_text(pilot)
        await pilot.press("escape")
        await pilot.pause()
        await type_text(pilot, "every")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.session.question_set.id == "every-type"


async def test_the_command_palette_offers_the_main_actions(clock: FakeClock) -> None:
    app = make_app(clock, player="Bo")
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles == ["Help", "Quit"]
        await pilot.press("enter")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles == ["Help", "Read the article", "Question sets", "Quit"]
        for _ in range(7):
            await answer_right(pilot)
            await next_screen(pilot)
        assert isinstance(app.screen, ResultsScreen)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles == ["Help", "Question sets", "Play again", "Quit"]


async def test_resizing_reflows_the_question(clock: FakeClock) -> None:
    app = make_app(clock, player="Bo")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for size in ((40, 24), (120, 40), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            text = screen_text(pilot)
            assert "In which city did the ministers meet?" in " ".join(text.split())
            assert all(len(line) <= size[0] for line in text.splitlines())
        await answer_right(pilot)
        assert app.screen.result.correct


async def test_keys_can_be_remapped_by_binding_id(clock: FakeClock) -> None:
    app = make_app(clock, player="Bo")
    async with app.run_test(size=(80, 24)) as pilot:
        app.set_keymap({"question.article": "f3"})
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen.query_one(ArticleView).display
        assert "f3 Article" in screen_text(pilot).splitlines()[-1]


async def test_a_large_library_lists_the_first_hundred_and_the_filter_finds_the_rest(
    clock: FakeClock,
) -> None:
    from quiz.tui.preload import SetEntry
    from quiz.tui.screens.home import MAX_LISTED

    base = load("every_type.yaml")
    library = [
        SetEntry.of(base.model_copy(update={"id": f"set-{n:03}", "title": f"Library set {n:03}"}))
        for n in range(150)
    ]
    app = QuizApp(library, language="en", seed=2, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert len(app.screen.shown) == MAX_LISTED == 100
        assert "Showing the first 100 of 150 sets" in screen_text(pilot)
        await type_text(pilot, "set 149")
        await pilot.pause()
        assert [e.summary.id for e in app.screen.shown] == ["set-149"]
        assert "Showing the first" not in screen_text(pilot)


async def test_the_help_stops_the_countdown_and_hides_the_question(clock: FakeClock) -> None:
    """F1 over a question: the clock waits (no time-out, no lost speed points) and the question is
    hidden meanwhile; F2 does not stop it (reading the article is part of the game)."""
    app = make_app(clock, player="Bo")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        question = app.screen
        assert isinstance(question, QuestionScreen)
        assert question.presented.time_limit == 20
        clock.advance(4)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "the countdown waits" in screen_text(pilot)
        assert not question.query_one("#question-body").visible
        clock.advance(60)  # long past the limit while the help is open
        await pilot.pause(1.3)  # the 1-second tick sees the clock
        assert app.screen_stack[-2] is question  # not timed out under the help
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is question
        assert question.query_one("#question-body").visible
        assert question.query_one("#countdown").seconds_left == 16
        clock.advance(1)
        await pilot.press("f2")  # the article: the clock keeps running
        await pilot.pause()
        clock.advance(3)
        await pilot.pause(1.3)
        assert question.query_one("#countdown").seconds_left == 12
        await pilot.press("f2")
        await pilot.pause()
        await answer_right(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        result = app.screen.result
        # 8 s of play out of 20, not 68: 1000 × (1 − 0.5 × 8/20) = 800.
        assert (result.timed_out, result.elapsed, result.points) == (False, 8.0, 800)


async def test_the_command_palette_speaks_the_interface_language(clock: FakeClock) -> None:
    for language, placeholder in (("fr", "Chercher une commande…"), ("en", "Search for commands…")):
        app = make_app(clock, language)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            assert app.screen.query_one(CommandInput).placeholder == placeholder
            assert placeholder in screen_text(pilot)
            await type_text(pilot, "aide" if language == "fr" else "help")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)  # the palette still runs the commands


async def test_a_set_without_its_article_text_sends_the_student_to_the_handed_out_copy(
    clock: FakeClock,
) -> None:
    """The AFP sets cannot ship the agency's text: F2 says which article to read, and where."""
    bundled = bundled_questions_dir()
    cases = [
        (
            "fr",
            "afp-2013-japon-russie-2plus2.fr.yaml",
            "l’exemplaire que ton enseignant a distribué (AFP, 2 nov. 2013)",
        ),
        (
            "en",
            "afp-2013-japan-russia-2plus2.en.yaml",
            "the copy your teacher handed out (AFP, 2 Nov 2013)",
        ),
    ]
    for language, name, expected in cases:
        question_set = load_question_set(bundled / name)
        assert question_set.article_text is None
        app = QuizApp([question_set], language=language, seed=1, clock=clock, player="Bo")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f2")  # before playing
            await pilot.pause()
            assert isinstance(app.screen, ArticleScreen)
            notice = str(app.screen.query_one("#no-text", Static).content)
            assert expected in notice
            await pilot.press("escape", "enter")
            await pilot.pause()
            await pilot.press("f2")  # during a question
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            assert expected in str(app.screen.query_one("#no-text", Static).content)


async def test_the_results_review_wraps_under_its_text_not_under_the_margin(
    clock: FakeClock,
) -> None:
    """At 80 columns a long prompt wraps: its next lines, and the answers under it, start where
    its text starts, so the ✓ and the number stand out on the left."""
    app = make_app(clock, player="Bo")
    async with app.run_test(size=(80, 60)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(7):
            await answer_right(pilot)
            await next_screen(pilot)
        assert isinstance(app.screen, ResultsScreen)
        lines = screen_text(pilot).splitlines()
        [at] = [i for i, line in enumerate(lines) if "7. Pick the words" in line]
        column = lines[at].index("Pick the words")
        continuation, answer = lines[at + 1], lines[at + 2]
        assert "opinion, +" in continuation  # the prompt's line did wrap
        for following in (continuation, answer):
            indent = len(following) - len(following.lstrip())
            assert indent == column, (lines[at], following)
        assert answer.strip().startswith("you: According to observers")


def folder_with_a_broken_file(tmp_path: Path) -> tuple[Path, Path]:
    """Two good sets and a broken file whose name holds a terminal escape code."""
    folder = tmp_path / "sets"
    shutil.copytree(DATA / "numbers", folder)
    broken = folder / "\x1b[31mbroken.yaml"
    text = (DATA / "numbers" / "harbour.en.yaml").read_text(encoding="utf-8")
    broken.write_text(
        text.replace("id: numbers-harbour-en", "id: other")
        .replace("    explanation: The article gives the week's count.\n", "")
        .replace("answer: 2,300", "answer: 2,30"),
        encoding="utf-8",
    )
    return folder, broken


async def test_a_broken_file_is_named_on_the_home_screen_and_the_good_sets_play(
    tmp_path: Path, clock: FakeClock
) -> None:
    folder, broken = folder_with_a_broken_file(tmp_path)
    found = preload_sets([folder], fork=False).result()  # as `quiz play sets/` loads them
    assert not found.verified  # listed from the YAML at once, all three ...
    assert len(found.summaries) == 3
    app = QuizApp(
        found.entries(),
        broken=found.broken,
        unverified=True,
        language="en",
        clock=clock,
        player="Bo",
    )
    async with app.run_test(size=(80, 24)) as pilot:
        # ... then checked in full in the background: the broken one leaves the list.
        await wait_until(pilot, lambda: not app.unverified, "the sets checked in full")
        await pilot.pause()
        assert [e.summary.id for e in app.screen.shown] == ["numbers-harbour-en", "nombres-port-fr"]
        notice = app.screen.query_one("#home-broken", Static)
        assert notice.display
        text = str(notice.content)
        shown = str(broken).replace("\x1b", "")  # the escape code is removed, the rest shown
        assert text.splitlines() == [
            "⚠ 1 file could not be loaded: its set is missing from the list "
            "(quiz check shows every error).",
            f"{shown}:14:5: missing required key 'explanation' (+1 more error)",
        ]
        assert "\x1b" not in screen_text(pilot)
        on_screen = "".join(screen_text(pilot).replace("█", "").split())  # wrapped anywhere
        assert "[31mbroken.yaml:14:5:missingrequiredkey'explanation'" in on_screen
        await pilot.press("enter")  # a good set plays
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
