"""How a game starts when results are saved: resume the player's unfinished game, or a new one.

When the player (same name and class) opens a set whose very version they left unfinished under
the same scoring rule, a dialog offers to resume it: the session is rebuilt from the stored seed
and answers (`GameSession.resume`) and the next answers go to the same attempt. Starting again
leaves the old attempt as it is, listed as unfinished (`quiz attempts`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from quiz.core.session import GameSession, SessionError
from quiz.tui.screens.resume import ResumeScreen

if TYPE_CHECKING:
    from quiz.core.models import QuestionSet
    from quiz.core.session import GameSettings
    from quiz.tui.app import QuizApp
    from quiz.tui.sink import ResultsSink


async def start_or_resume(
    app: QuizApp, sink: ResultsSink, question_set: QuestionSet, settings: GameSettings
) -> None:
    """Offer to resume an unfinished game if there is one, then play (the app's worker)."""
    unfinished = await sink.unfinished(question_set, settings)
    if unfinished is None or unfinished.seed is None:
        app.play(GameSession(question_set, settings))
        return
    choice = await app.push_screen_wait(ResumeScreen(app.strings, unfinished))
    if choice is None:
        return
    if not choice:
        app.play(GameSession(question_set, settings))
        return
    saved = await sink.saved_answers(unfinished.id)
    try:
        if saved is None:
            raise SessionError(sink.problem or "its answers could not be read")
        session = GameSession.resume(question_set, replace(settings, seed=unfinished.seed), saved)
    except SessionError as error:
        app.notify(app.strings("resume.failed", why=str(error)), severity="warning", markup=False)
        app.play(GameSession(question_set, settings))
        return
    sink.continue_attempt(unfinished.id)
    app.play(session, resumed=True)
