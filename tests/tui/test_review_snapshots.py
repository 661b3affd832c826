"""Snapshots of the review screen, at 80×24 and 120×36, in both interface languages: the list,
the question as a student sees it with its key, and the article at its evidence; then the form
with a message of the live check under its field. Nothing here is random; the live check has
answered before each picture."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from quiz.review.session import ReviewSession
from quiz.tui.review_app import ReviewApp

from .conftest import DATA
from .playing import type_text

DRAFT = DATA / "review" / "fr_peche_nordique-quiz.yaml"
LANGUAGES = ["en", "fr"]
SIZES = [(80, 24), (120, 36)]


async def settled(pilot: Pilot) -> None:  # type: ignore[type-arg]
    """The live check done and shown, text cursors steady (waited for, not timed: a busy machine
    fires the check's timer late)."""
    await pilot.pause(0.3)
    for _ in range(200):
        if not getattr(pilot.app.screen, "check_pending", False):
            break
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for field in pilot.app.screen.query("Input, TextArea"):
        assert isinstance(field, Input | TextArea)
        field.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_review(snap_compare, language: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def steps(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await settled(pilot)
        await pilot.press("a", "d")  # one accepted, one dropped: the list shows both states
        await settled(pilot)

    app = ReviewApp(ReviewSession.open(DRAFT), language=language)
    assert snap_compare(app, terminal_size=size, run_before=steps)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_review_form_with_an_error(snap_compare, language: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def steps(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await settled(pilot)
        await pilot.press("down", "down", "down", "e", "tab", "backspace")
        await type_text(pilot, "trois")
        await settled(pilot)

    app = ReviewApp(ReviewSession.open(DRAFT), language=language)
    assert snap_compare(app, terminal_size=size, run_before=steps)
