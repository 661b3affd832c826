"""Drafts never reach students by accident: the home screen counts them, a set of drafts only
says why it cannot be played, and only `include_drafts` plays them."""

from __future__ import annotations

from pathlib import Path

from quiz.tui.app import QuizApp
from quiz.tui.preload import load_summaries
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.question import QuestionScreen

from .conftest import DATA, FakeClock, screen_text

DRAFTS_ONLY = DATA / "review" / "fr_peche_nordique-quiz.yaml"


def partly_drafts(folder: Path) -> Path:
    """every_type.yaml with its first two questions still drafts."""
    text = (DATA / "every_type.yaml").read_text(encoding="utf-8")
    for question in ("city", "cooperation"):
        text = text.replace(
            f"  - id: {question}\n", f"  - id: {question}\n    draft: {{confidence: 0.5}}\n"
        )
    (folder / "articles").mkdir()
    (folder / "articles" / "every_type.txt").write_bytes(
        (DATA / "articles" / "every_type.txt").read_bytes()
    )
    path = folder / "partly.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def app_on(paths: list[Path], **options: object) -> QuizApp:
    entries = load_summaries(paths).entries()
    return QuizApp(entries, language="en", player="Zoé", clock=FakeClock(), **options)


async def test_a_set_of_drafts_only_says_why_it_cannot_be_played() -> None:
    app = app_on([DRAFTS_ONLY])
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        assert "drafts only: not playable yet" in screen_text(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Every question of this set is still a draft" in screen_text(pilot)
        assert "quiz review" in screen_text(pilot)


async def test_drafts_are_left_out_of_the_game(tmp_path: Path) -> None:
    app = app_on([partly_drafts(tmp_path)])
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        assert "2 drafts left out" in screen_text(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "Question 1/5" in screen_text(pilot)
        assert app.screen.presented.question.id not in ("city", "cooperation")


async def test_include_drafts_plays_them(tmp_path: Path) -> None:
    app = app_on([partly_drafts(tmp_path), DRAFTS_ONLY], include_drafts=True)
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        assert "2 drafts included" in screen_text(pilot)
        assert "20 drafts included" in screen_text(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "Question 1/7" in screen_text(pilot)
