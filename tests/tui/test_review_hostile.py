"""Hostile text in every field of a draft is shown literally by the review screen and its form:
no markup, no links, no escape codes; the question with an invalid id and skill still shows."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from quiz.review.session import ReviewSession
from quiz.tui.review_app import ReviewApp

from .conftest import DATA, screen_text

HOSTILE = DATA / "review" / "hostile-draft.yaml"


def assert_literal(text: str, *fragments: str) -> None:
    for fragment in fragments:
        assert fragment in text, f"{fragment!r} not shown in:\n{text}"
    assert "\x1b" not in text
    assert "\u202e" not in text


async def test_hostile_text_in_every_field_is_shown_literally() -> None:
    app = ReviewApp(ReviewSession.open(HOSTILE), language="en")
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(pilot)
        assert_literal(
            text,
            "Which is [/x] [@click=app.quit]safe[/]? [31m",
            "✓ A. [@click=app.quit]Quit[/]",
            "B. [/x] [2J",
            "C. $accent [b]no[/b]",
            "[@click=app.bell]Explained[/] [/x]",
            "“[@click=app.quit]quoted[/]”",
            "▶[@click=app.quit]quoted[/]◀",  # marked in the article
            "[@click=app.quit]Headline[/] [/x]",
            "○ draft [/x] ⚠",  # the invalid question, listed with its mark
        )
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert (
            form.query_one("#form-prompt", TextArea).text
            == "Which is [/x] [@click=app.quit]safe[/]? [31m"
        )
        assert form.query_one("#choice-0", Input).value == "[@click=app.quit]Quit[/]"
        await pilot.press("escape", "down")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(pilot)
        assert_literal(
            text,
            "[/x] · Short answer · [@click=app.quit]skill[/]",
            "[/x] answer · [@click=app.bell]two[/]",
            "unknown skill '[@click=app.quit]skill[/]'",
            "'[/x]' is not a valid id",
        )
        await pilot.press("e")
        await pilot.pause()
        assert (
            app.screen.query_one("#form-answers", TextArea).text
            == "[/x] answer\n[@click=app.bell]two[/]"
        )
        await pilot.press("escape", "down")
        await pilot.pause()
        assert_literal(screen_text(pilot), "[@click=app.quit]Pick[/] these [/x] words")
        # Clicking where the hostile "links" are drawn runs nothing.
        await pilot.click("#review-preview", offset=(10, 3))
        await pilot.pause()
        assert app.is_running
