"""Whole games driven by Pilot from the keyboard, with the score checked at every step.

The expected points are worked out by hand from the CLASSIC rule (the README's "Scoring" section): points ×
fraction × (1 − 0.5 × elapsed / limit), plus 5% of the points per right answer in a row before this
one (at most 25%). The fake clock makes every elapsed time exact.
"""

from __future__ import annotations

from quiz.core.loader import load_question_set
from quiz.core.models import ScoringRule, TrueFalseQuestion
from quiz.core.session import Phase
from quiz.paths import bundled_questions_dir
from quiz.tui.app import QuizApp
from quiz.tui.screens.confirm_quit import ConfirmScreen
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.player import PlayerScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.results import ResultsScreen

from .conftest import FakeClock, load, screen_text
from .playing import answer_right, next_screen, pick_words, type_text


async def start(pilot, name: str = "Alice") -> None:  # type: ignore[no-untyped-def]
    """From the home screen: open the highlighted set and type the player's name."""
    await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PlayerScreen)
    await type_text(pilot, name)
    await pilot.press("enter", "enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, QuestionScreen)


async def test_every_type_played_right_instantly_scores_points_and_streak_bonuses(
    clock: FakeClock,
) -> None:
    app = QuizApp([load("every_type.yaml")], language="en", seed=7, clock=clock)
    # Instant answers earn all the points; the streak adds 5% per right answer before (max 25%).
    expected = [1000, 1000 + 50, 1000 + 100, 500 + 75, 1000 + 200, 1000 + 250, 1000 + 250]
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        for number, points in enumerate(expected, start=1):
            assert isinstance(app.screen, QuestionScreen)
            assert app.screen.presented.number == number
            await answer_right(pilot)
            assert isinstance(app.screen, FeedbackScreen), f"question {number}"
            assert app.screen.result.points == points, f"question {number}"
            text = screen_text(pilot)
            assert "✓ Right!" in text
            assert f"+{points} points" in text
            await next_screen(pilot)
        assert isinstance(app.screen, ResultsScreen)
        result = app.screen.result
        assert result.total_score == 7425
        assert result.max_possible == 6 * 1250 + 625
        text = screen_text(pilot)
        assert "7425 / 8125 points" in text
        assert "7 / 7 (100 %)" in text
        assert "Alice" in text


async def test_slow_partial_wrong_and_timed_out_answers(clock: FakeClock) -> None:
    app = QuizApp([load("every_type.yaml")], language="en", seed=7, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        # 1. single, right after 10 s of 20: 1000 × (1 − 0.5 × 10/20) = 750.
        clock.advance(10)
        await answer_right(pilot)
        assert app.screen.result.points == 750
        assert "“met in Tokyo on Saturday”" in screen_text(pilot)  # English quotation marks
        await next_screen(pilot)
        # 2. multiple, only one of the two right choices ticked, instantly: half of 1000.
        presented = app.screen.presented
        question = presented.question
        first_right = next(
            p for p, i in enumerate(presented.choice_order) if i in question.correct_choices
        )
        await pilot.press("abcd"[first_right], "enter")
        await pilot.pause()
        result = app.screen.result
        assert (result.points, result.streak, result.grade.fraction) == (500, 0, 0.5)
        assert "◐ Partly right" in screen_text(pilot)
        await next_screen(pilot)
        # 3. true/false: the clock runs out; the 1-second timer notices and times out.
        assert "◷ 20 s" in screen_text(pilot)
        clock.advance(20)
        await pilot.pause(1.3)
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.result.timed_out
        text = screen_text(pilot)
        assert "Time's up" in text
        assert "✗" in text
        assert "Right answer" in text
        assert "False" in text
        await next_screen(pilot)
        # 4. numeric, wrong number: zero, and the right answer is shown with its unit.
        await type_text(pilot, "5")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.result.points == 0
        text = screen_text(pilot)
        assert "✗ Wrong" in text
        assert "4 islands" in text
        await next_screen(pilot)
        # 5. text, not a number check: "a f p" is not "AFP".
        await answer_right(pilot)
        assert app.screen.result.points == 1000  # streak restarts at 1: no bonus
        await next_screen(pilot)
        # 6. order, right after 30 s of 60: 1000 × 0.75 + 5% streak bonus = 800.
        clock.advance(30)
        await answer_right(pilot)
        assert app.screen.result.points == 750 + 50
        text = screen_text(pilot)  # the order given, one numbered item per line
        assert "1. The Soviets annex the islands" in text
        assert '2. The first "2+2" meeting in Tokyo' in text
        await next_screen(pilot)
        # 7. highlight, only "could" of the four target words: (1 − 0) / 4 of 1000.
        await pick_words(pilot, [7])
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.result.points == 250
        await next_screen(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.result.total_score == 750 + 500 + 0 + 0 + 1000 + 800 + 250
        text = screen_text(pilot)
        assert "3300 / 8125 points" in text
        assert "3 / 7 (43 %)" in text


async def test_true_or_false_also_answers_with_the_words_initials(clock: FakeClock) -> None:
    # An English set in a French interface: the words are the set's, and so are the keys.
    app = QuizApp([load("every_type.yaml")], language="fr", seed=7, clock=clock, player="Léa")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(2):
            await answer_right(pilot)
            await next_screen(pilot)
        assert isinstance(app.screen.presented.question, TrueFalseQuestion)
        assert "Tape T ou F (ou A, B, 1, 2 ; ou ↑↓ puis Entrée)." in screen_text(pilot)
        await pilot.press("f")  # False, the right answer
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.result.correct


async def test_invalid_typed_answers_are_refused_with_a_message(clock: FakeClock) -> None:
    app = QuizApp([load("every_type.yaml")], language="fr", seed=7, clock=clock, player="Léa")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(3):
            await answer_right(pilot)
            await next_screen(pilot)
        await pilot.press("enter")  # nothing typed yet
        await pilot.pause()
        assert "Donne d’abord une réponse." in screen_text(pilot)
        await type_text(pilot, "quatre")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "Ce n’est pas un nombre" in screen_text(pilot)
        assert app.session is not None
        assert app.session.phase is Phase.ASKING


async def test_play_again_and_back_to_the_sets(clock: FakeClock) -> None:
    app = QuizApp([load("every_type.yaml")], language="en", seed=3, clock=clock, player="Bo")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(7):
            await answer_right(pilot)
            await next_screen(pilot)
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.presented.number == 1
        assert app.session is not None
        assert app.session.score == 0
        for _ in range(7):
            await answer_right(pilot)
            await next_screen(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen_stack) == 1


async def test_leaving_mid_game_asks_first(clock: FakeClock) -> None:
    app = QuizApp([load("every_type.yaml")], language="en", seed=3, clock=clock, player="Bo")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Leave this game?" in screen_text(pilot)
        await pilot.press("escape")  # keep playing
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # the focused button is "Keep playing"
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("escape", "right", "enter")  # → "Leave"
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.session is None
        assert app.is_running


async def test_the_player_screen_needs_a_name_and_cleans_it(clock: FakeClock) -> None:
    app = QuizApp([load("every_type.yaml")], language="en", seed=3, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("space", "space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        assert "Type your name to start." in screen_text(pilot)
        assert app.focused is app.screen.query_one("#name")  # not moved on to the class
        await pilot.press("tab", "enter")  # from the class field: still no name
        await pilot.pause()
        assert app.focused is app.screen.query_one("#name")
        await type_text(pilot, "  Ana   María ")
        await pilot.press("tab")
        await type_text(pilot, "4B")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.session is not None
        assert (app.session.settings.player, app.session.settings.class_name) == ("Ana María", "4B")


async def test_mouse_plays_choices_order_and_words(clock: FakeClock) -> None:
    app = QuizApp([load("every_type.yaml")], language="en", seed=7, clock=clock, player="Mo")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        # 1. single: click the right choice's row.
        presented = app.screen.presented
        right = next(
            p
            for p, i in enumerate(presented.choice_order)
            if i in presented.question.correct_choices
        )
        await pilot.click("#answer", offset=(4, 1 + right))
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.result.correct
        await pilot.click("#continue")
        await pilot.pause()
        # 2. multiple: click both right choices, then the Submit button.
        presented = app.screen.presented
        for position, index in enumerate(presented.choice_order):
            if index in presented.question.correct_choices:
                await pilot.click("#answer", offset=(4, 1 + position))
        await pilot.click("#submit")
        await pilot.pause()
        assert app.screen.result.correct
        await pilot.click("#continue")
        await pilot.pause()
        for _ in range(3):  # true/false, numeric, text by keys
            await answer_right(pilot)
            await pilot.click("#continue")
            await pilot.pause()
        # 6. order: click an item, then the ▲/▼ buttons, until sorted; then Submit.
        order_list = app.screen.query_one("#answer")
        for target in range(3):
            position = order_list.order.index(target)
            await pilot.click("#answer", offset=(6, 1 + position))
            for _ in range(position - target):
                await pilot.pause(0.3)  # a button ignores clicks while it shows its last press
                await pilot.click("#move-up")
            await pilot.pause(0.3)
        assert order_list.order == [0, 1, 2]
        await pilot.click("#submit")
        await pilot.pause()
        assert app.screen.result.correct
        await pilot.click("#continue")
        await pilot.pause()
        # 7. highlight: click the words themselves. The passage starts at column 2 of the widget.
        text = app.screen.presented.question.text
        for word in ("According", "to", "observers", "could"):
            column = text.index(word + " " if word == "to" else word)
            await pilot.click("#answer", offset=(2 + column + 1, 1))
        await pilot.click("#submit")
        await pilot.pause()
        assert app.screen.result.correct, app.screen.result.answer_text


async def test_the_bundled_french_set_played_through_in_french(clock: FakeClock) -> None:
    """The whole bundled French set, right answers typed with keys, every score as CLASSIC says."""
    question_set = load_question_set(
        bundled_questions_dir() / "afp-2013-japon-russie-2plus2.fr.yaml"
    )
    app = QuizApp([question_set], language="fr", seed=11, clock=clock, player="Léa")
    total = 0
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for number in range(1, len(question_set.questions) + 1):
            assert isinstance(app.screen, QuestionScreen)
            points = app.screen.presented.points
            clock.advance(2)  # two seconds to answer, whatever the limit
            limit = app.screen.presented.time_limit
            await answer_right(pilot)
            assert isinstance(app.screen, FeedbackScreen), f"question {number}"
            speed = 1 - 0.5 * 2 / limit
            bonus = round(min(number - 1, 5) * points * 0.05 + 1e-9)
            expected = int(points * speed + 0.5 + 1e-9) + bonus
            assert app.screen.result.points == expected, f"question {number}"
            assert "✓ Bonne réponse !" in screen_text(pilot)
            total += expected
            await next_screen(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.result.total_score == total
        text = screen_text(pilot)
        assert f"{total} / " in text
        assert "25 / 25 (100 %)" in text


class RecordingSink:
    """A results sink that keeps what it is told, as the SQLite store will."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def start(self, session) -> None:  # type: ignore[no-untyped-def]
        self.calls.append(("start", session.settings.player))

    def record(self, question, result) -> None:  # type: ignore[no-untyped-def]
        self.calls.append(("record", (question.number, result.points)))

    def finish(self, result) -> None:  # type: ignore[no-untyped-def]
        self.calls.append(("finish", result.total_score))


async def test_the_results_sink_hears_every_answer_and_the_end(clock: FakeClock) -> None:
    sink = RecordingSink()
    app = QuizApp([load("every_type.yaml")], seed=7, clock=clock, player="Ana", sink=sink)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(7):
            await answer_right(pilot)
            await next_screen(pilot)
    points = [1000, 1050, 1100, 575, 1200, 1250, 1250]
    assert sink.calls == [
        ("start", "Ana"),
        *(("record", (n, p)) for n, p in enumerate(points, start=1)),
        ("finish", sum(points)),
    ]


async def test_practice_has_no_timer_and_no_points(clock: FakeClock) -> None:
    app = QuizApp(
        [load("every_type.yaml")], seed=7, clock=clock, player="Ana", rule=ScoringRule.PRACTICE
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(pilot)
        assert "◷ no time limit" in text
        assert "pts" not in text
        clock.advance(3600)
        await pilot.pause(1.2)
        assert isinstance(app.screen, QuestionScreen)  # nothing runs out
        await answer_right(pilot)
        assert "Practice: no points" in screen_text(pilot)


async def test_a_typed_number_is_read_as_the_sets_language_writes_it(clock: FakeClock) -> None:
    """`2,300` is two thousand three hundred in an English set; `3,5` is refused there with the
    forms it takes, and in a French set it is three and a half."""
    english = load("numbers/harbour.en.yaml")
    app = QuizApp([english], language="fr", seed=1, clock=clock, player="Léa")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "2,300")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.result.correct, app.screen.result.answer_text
        await next_screen(pilot)
        await type_text(pilot, "3,5")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)  # refused, not graded
        status = app.screen.query_one("#question-status").content
        assert str(status) == "Ce n’est pas un nombre : écris des chiffres, par ex. 2,300 ou 3.5."
        app.screen.query_one("#answer").value = ""
        await type_text(pilot, "3.5")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.result.correct

    french = load("numbers/port.fr.yaml")
    app = QuizApp([french], language="en", seed=1, clock=clock, player="Léa")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "2 300")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.result.correct
        await next_screen(pilot)
        await type_text(pilot, "3,5")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.result.correct


async def test_enter_on_a_fresh_question_answers_nothing_until_the_student_chooses(
    clock: FakeClock,
) -> None:
    """A reflex Enter must not answer A: nothing is highlighted until ↑↓ or a key picks a choice."""
    app = QuizApp([load("every_type.yaml")], language="en", seed=7, clock=clock, player="Bo")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        # 1. single choice: Enter does nothing but say how to choose.
        answers = app.screen.query_one("#answer")
        assert answers.highlighted is None
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.session is not None
        assert app.session.phase is Phase.ASKING
        assert str(app.screen.query_one("#question-status").content) == (
            "Choose first: press a letter, or ↑↓ then Enter."
        )
        await pilot.press("down", "down", "up")  # moving highlights: then Enter answers
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        first_shown = app.screen.presented.choice_order[0]
        assert app.screen.result.answer.selected == frozenset({first_shown})
        await next_screen(pilot)
        # 2. several answers: Enter with nothing ticked submits nothing either.
        assert app.screen.query_one("#answer").highlighted is None
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "Give an answer first." in screen_text(pilot)
        await answer_right(pilot)  # letters tick at once, as before
        await next_screen(pilot)
        # 3. true/false: the same; its letters and initials still answer at once.
        assert isinstance(app.screen.presented.question, TrueFalseQuestion)
        assert app.screen.query_one("#answer").highlighted is None
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.session.phase is Phase.ASKING
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.result.correct
