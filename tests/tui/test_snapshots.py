"""Snapshots of every screen and every question type, in both interface languages, at 80×24.

The SVGs under `__snapshots__/` are committed: a change to what a student sees shows up as a diff
to review (`pytest --snapshot-update` accepts it). Shuffles are seeded and the clock is fake, so
the countdown always shows the full time.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from quiz.tui.app import QuizApp

from .conftest import FakeClock, load, steady_cursors
from .playing import answer_right, next_screen, type_text

Steps = Callable[[Pilot], Awaitable[None]]  # type: ignore[type-arg]
LANGUAGES = ["en", "fr"]
QUESTION_TYPES = ["single", "multiple", "true_false", "numeric", "text", "order", "highlight"]


def make_app(language: str, clock: FakeClock | None = None, **options: object) -> QuizApp:
    sets = [load("every_type.yaml"), load("hostile.yaml")]
    return QuizApp(sets, language=language, seed=4, clock=clock or FakeClock(), **options)  # type: ignore[arg-type]


def settle(steps: Steps | None = None) -> Steps:
    """Run `steps`, then let the screen settle with its text cursors steady."""

    async def run(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await pilot.pause()
        if steps is not None:
            await steps(pilot)
        await pilot.pause()
        steady_cursors(pilot)

    return run


async def open_first_set(pilot: Pilot) -> None:  # type: ignore[type-arg]
    await pilot.press("enter")
    await pilot.pause()


async def play_to_question(pilot: Pilot, number: int) -> None:  # type: ignore[type-arg]
    """From the home screen (player given), answer right up to question `number`."""
    await open_first_set(pilot)
    for _ in range(number - 1):
        await answer_right(pilot)
        await next_screen(pilot)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home(snap_compare, language: str) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(language), terminal_size=(80, 24), run_before=settle())


def test_home_filtered_wide(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def steps(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await type_text(pilot, "every")

    assert snap_compare(make_app("en"), terminal_size=(100, 30), run_before=settle(steps))


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_before_playing(snap_compare, language: str) -> None:  # type: ignore[no-untyped-def]
    async def steps(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await pilot.press("f2")

    assert snap_compare(make_app(language), terminal_size=(80, 24), run_before=settle(steps))


@pytest.mark.parametrize("language", LANGUAGES)
def test_player(snap_compare, language: str) -> None:  # type: ignore[no-untyped-def]
    async def steps(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await open_first_set(pilot)
        await type_text(pilot, "Zoé")

    assert snap_compare(make_app(language), terminal_size=(80, 24), run_before=settle(steps))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("number", range(1, 8), ids=QUESTION_TYPES)
def test_question(snap_compare, language: str, number: int) -> None:  # type: ignore[no-untyped-def]
    async def steps(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await play_to_question(pilot, number)

    app = make_app(language, player="Zoé")
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle(steps))


@pytest.mark.parametrize("language", LANGUAGES)
def test_question_in_progress(snap_compare, language: str) -> None:  # type: ignore[no-untyped-def]
    """Half-answered multiple choice, order and highlight questions show their state."""

    async def steps(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await play_to_question(pilot, 7)
        await pilot.press("right", "right", "space", "right")

    app = make_app(language, player="Zoé")
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle(steps))


@pytest.mark.parametrize("language", LANGUAGES)
def test_feedback_right(snap_compare, language: str) -> None:  # type: ignore[no-untyped-def]
    async def steps(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await play_to_question(pilot, 2)
        await answer_right(pilot)

    app = make_app(language, player="Zoé")
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle(steps))


@pytest.mark.parametrize("language", LANGUAGES)
def test_feedback_wrong(snap_compare, language: str) -> None:  # type: ignore[no-untyped-def]
    async def steps(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await play_to_question(pilot, 5)
        await type_text(pilot, "Reuters")
        await pilot.press("enter")

    app = make_app(language, player="Zoé")
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle(steps))


@pytest.mark.parametrize("language", LANGUAGES)
def test_feedback_timed_out(snap_compare, language: str) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()

    async def steps(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await open_first_set(pilot)
        clock.advance(25)
        await pilot.pause(1.3)  # the 1-second timer sees the time is up

    app = make_app(language, clock, player="Zoé")
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle(steps))


@pytest.mark.parametrize("language", LANGUAGES)
def test_feedback_evidence_in_article(snap_compare, language: str) -> None:  # type: ignore[no-untyped-def]
    async def steps(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await play_to_question(pilot, 4)
        await answer_right(pilot)
        await pilot.press("f2")

    app = make_app(language, player="Zoé")
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle(steps))


@pytest.mark.parametrize("language", LANGUAGES)
def test_results(snap_compare, language: str) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()

    async def steps(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await open_first_set(pilot)
        for number in range(1, 8):
            clock.advance(3)
            if number == 5:
                await type_text(pilot, "Reuters")
                await pilot.press("enter")
            else:
                await answer_right(pilot)
            await next_screen(pilot)

    app = make_app(language, clock, player="Zoé", class_name="4B")
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle(steps))


def test_results_wide(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def steps(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await play_to_question(pilot, 8)

    app = make_app("fr", player="Zoé")
    assert snap_compare(app, terminal_size=(100, 30), run_before=settle(steps))


@pytest.mark.parametrize("language", LANGUAGES)
def test_help(snap_compare, language: str) -> None:  # type: ignore[no-untyped-def]
    async def steps(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await play_to_question(pilot, 1)
        await pilot.press("f1")

    app = make_app(language, player="Zoé")
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle(steps))


@pytest.mark.parametrize("language", LANGUAGES)
def test_confirm_leaving(snap_compare, language: str) -> None:  # type: ignore[no-untyped-def]
    async def steps(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await play_to_question(pilot, 1)
        await pilot.press("escape")

    app = make_app(language, player="Zoé")
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle(steps))


def make_sorting_app(language: str) -> QuizApp:
    """A set of one categorize question (four statements, four categories)."""
    return QuizApp(
        [load("categorize/trier.yaml")], language=language, seed=4, clock=FakeClock(), player="Zoé"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_categorize_in_progress(snap_compare, language: str) -> None:  # type: ignore[no-untyped-def]
    """Two statements sorted (one by its number, one by ←), the cursor on the third."""

    async def steps(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await open_first_set(pilot)
        await pilot.press("2", "left")

    assert snap_compare(
        make_sorting_app(language), terminal_size=(80, 24), run_before=settle(steps)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_categorize_feedback_partly_right(snap_compare, language: str) -> None:  # type: ignore[no-untyped-def]
    """Every statement in the first category: the feedback marks each ✓ or ✗ with the right one."""

    async def steps(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await open_first_set(pilot)
        await pilot.press("1", "1", "1", "1", "enter")

    assert snap_compare(
        make_sorting_app(language), terminal_size=(80, 24), run_before=settle(steps)
    )
