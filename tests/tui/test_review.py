"""The review screen end to end under Pilot: a generated draft accepted, edited (a key, and an
error the live check shows, then fixed), dropped, undone and saved; the saved file is compared
byte for byte with the expected one (comments kept) and passes `quiz check`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from quiz.core.loader import load_question_set
from quiz.review.session import ReviewSession, ReviewState
from quiz.tui.review_app import ReviewApp
from quiz.tui.screens.confirm_quit import ConfirmScreen
from quiz.tui.screens.review import ReviewScreen
from quiz.tui.widgets.review_list import ReviewList

from .conftest import DATA, screen_text
from .playing import type_text

DRAFT = DATA / "review" / "fr_peche_nordique-quiz.yaml"
ARTICLE = DATA / "review" / "fr_peche_nordique-quiz.txt"
EXPECTED = DATA / "review" / "fr_peche_nordique-quiz.reviewed.yaml.expected"


def copy_draft(folder: Path) -> Path:
    shutil.copyfile(ARTICLE, folder / ARTICLE.name)
    return Path(shutil.copyfile(DRAFT, folder / DRAFT.name))


def review_screen(pilot: Pilot) -> ReviewScreen:  # type: ignore[type-arg]
    screen = pilot.app.screen_stack[0]
    assert isinstance(screen, ReviewScreen)
    return screen


def highlighted_id(pilot: Pilot) -> str:  # type: ignore[type-arg]
    screen = review_screen(pilot)
    index = screen.query_one(ReviewList).current
    assert index is not None
    return screen.session.items[index].id


async def checked(pilot: Pilot) -> None:  # type: ignore[type-arg]
    """Wait until the live check (a worker, after a short pause in typing) has answered and its
    result is on screen: waited for, not timed (a busy machine fires the check's timer late)."""
    await pilot.pause(0.3)
    for _ in range(200):
        if not review_screen(pilot).check_pending:
            break
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def field_error(pilot: Pilot, name: str) -> str:  # type: ignore[type-arg]
    return str(pilot.app.screen.query_one(f"#error-{name}", Static).content)


async def test_a_teacher_reviews_a_generated_draft(tmp_path: Path) -> None:
    path = copy_draft(tmp_path)
    app = ReviewApp(ReviewSession.open(path), language="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await checked(pilot)
        assert "The set passes quiz check." in screen_text(pilot)
        assert highlighted_id(pilot) == "q01-role"
        # Accept the first question: the highlight moves on to the next one.
        await pilot.press("a")
        assert highlighted_id(pilot) == "q02-role"
        # Change the key: tick the first choice (ticking one unticks the other, a single choice).
        await pilot.press("e", "tab", "space", "escape")
        assert "✓ A. ministre islandais de la Pêche" in screen_text(pilot)
        await pilot.press("down", "a")
        assert highlighted_id(pilot) == "q04-number"
        # The evidence gets longer, with a typo the live check shows under the field…
        await pilot.press("down", "e")
        app.screen.query_one("#form-evidence", TextArea).focus()  # below the fold: no click
        await pilot.press("end")
        await type_text(pilot, " cette anée")
        await checked(pilot)
        assert "this evidence quote is not in the article text" in field_error(pilot, "evidence")
        assert "fr_peche_nordique-quiz.yaml:" in field_error(pilot, "evidence")
        # …and is gone once the typo is fixed.
        await pilot.press("backspace", "backspace")
        await type_text(pilot, "née")
        await checked(pilot)
        assert field_error(pilot, "evidence") == ""
        await pilot.press("escape", "down", "a")
        assert highlighted_id(pilot) == "q07-photographer"
        await pilot.press("d")
        assert highlighted_id(pilot) == "q08-agency"
        await pilot.press("d", "u")  # dropped by mistake: undone
        session = review_screen(pilot).session
        states = [item.state for item in session.items]
        assert states[:8] == [
            ReviewState.ACCEPTED,
            ReviewState.EDITED,
            ReviewState.ACCEPTED,
            ReviewState.DRAFT,
            ReviewState.EDITED,
            ReviewState.ACCEPTED,
            ReviewState.DROPPED,
            ReviewState.DRAFT,
        ]
        await pilot.press("ctrl+s")
        await checked(pilot)
        assert "Saved fr_peche_nordique-quiz.yaml: 19 questions, 14 still drafts." in screen_text(
            pilot
        )
        assert not session.dirty
    assert path.read_bytes() == EXPECTED.read_bytes()
    check = subprocess.run(
        [sys.executable, "-m", "quiz", "check", str(path)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout
    assert "note: 14 of 19 questions are drafts" in check.stdout


async def test_leaving_with_unsaved_decisions_asks_first(tmp_path: Path) -> None:
    path = copy_draft(tmp_path)
    before = path.read_bytes()
    app = ReviewApp(ReviewSession.open(path), language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # keep reviewing
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("right", "enter")  # leave without saving
        await pilot.pause()
    assert app.return_code == 0
    assert path.read_bytes() == before


async def test_a_file_changed_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    path = copy_draft(tmp_path)
    app = ReviewApp(ReviewSession.open(path), language="fr")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        changed = path.read_text(encoding="utf-8").replace("q20-check-claim", "q20-renamed")
        path.write_text(changed, encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Non enregistré" in screen_text(pilot)
        assert "changed on disk" in screen_text(pilot)
        assert review_screen(pilot).session.dirty
    assert path.read_text(encoding="utf-8") == changed


async def test_saving_a_set_with_errors_asks_first(tmp_path: Path) -> None:
    path = copy_draft(tmp_path)
    before = path.read_bytes()
    app = ReviewApp(ReviewSession.open(path), language="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("e")
        prompt = app.screen.query_one("#form-prompt", TextArea)
        prompt.clear()
        await checked(pilot)
        assert "this text is empty" in field_error(pilot, "prompt")
        await pilot.press("escape")
        await checked(pilot)
        assert "1 error in the set" in screen_text(pilot)
        assert "⚠" in screen_text(pilot)  # the list marks the question quiz check refuses
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        assert path.read_bytes() == before
        await pilot.press("u")  # the edit undone: the question is a draft again
        assert not review_screen(pilot).session.dirty


async def test_the_editor_needs_a_terminal_and_saved_decisions(tmp_path: Path) -> None:
    """Under Pilot there is no terminal to hand over: the screen says so instead of failing."""
    path = copy_draft(tmp_path)
    app = ReviewApp(ReviewSession.open(path), language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "o")
        assert "Save first (Ctrl+S)" in screen_text(pilot)
        await pilot.press("u", "o")
        assert "No terminal to hand to an editor here." in screen_text(pilot)


async def test_the_drafts_only_filter_moves_on_to_the_next_draft(tmp_path: Path) -> None:
    path = copy_draft(tmp_path)
    app = ReviewApp(ReviewSession.open(path), language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f", "a", "a")
        listing = app.screen.query_one(ReviewList)
        assert len(listing.shown) == 18
        assert highlighted_id(pilot) == "q03-side"
        await pilot.press("f")
        assert len(listing.shown) == 20


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_every_string_the_screen_needs_exists(tmp_path: Path, language: str) -> None:
    path = copy_draft(tmp_path)
    app = ReviewApp(ReviewSession.open(path), language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(20):  # every question type's preview and form
            await pilot.press("e", "escape", "down")
        await pilot.press("f1")
        await pilot.pause()
        assert "help" in type(app.screen).__name__.lower()


# The yardstick: a 20-question draft, all accepted but two — one key fixed, one dropped —
# then saved and left. Each string is one keystroke.
TWENTY_QUESTIONS = [
    *["a"] * 5,  # q01 to q05 accepted; the highlight moves on by itself
    "e", "tab", "space", "escape",  # q06: its key becomes the first choice (Tab reaches it)
    "down",
    "d",  # q07 dropped
    *["a"] * 13,  # q08 to q20 accepted
    "ctrl+s",
    "escape",  # nothing left unsaved: leaves at once
]  # fmt: skip


async def test_a_twenty_question_draft_is_reviewed_in_26_keystrokes(tmp_path: Path) -> None:
    path = copy_draft(tmp_path)
    app = ReviewApp(ReviewSession.open(path), language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*TWENTY_QUESTIONS)
        await pilot.pause()
    assert len(TWENTY_QUESTIONS) == 26
    assert app.return_code == 0
    saved = load_question_set(path)
    assert len(saved.questions) == 19
    assert saved.draft_count == 0
    assert "q07-photographer" not in [q.id for q in saved.questions]
    date_question = next(q for q in saved.questions if q.id == "q06-date")
    assert date_question.answer == "lundi 21 mars 2022"  # type: ignore[attr-defined]
