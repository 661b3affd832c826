"""`QuizApp`: the game's Textual application, and the one place that drives a `GameSession`.

Screens only render and forward what the player did; the app turns that into session calls (with
the time from `clock`), tells the results sink, and moves between screens:

    Home ─open─▶ Player ─start─▶ Question ⇄ Feedback ─last─▶ Results ─again─▶ Question
      ▲                                                         │
      └──────────────── leave (asks first) / other sets ────────┘
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widget import Widget

from quiz.tui.i18n import Strings
from quiz.tui.preload import BrokenSetFile, FoundSets, SetEntry, verify_sets
from quiz.tui.screens.home import HomeScreen
from quiz.tui.sink import RecordsGames, ResultsSink, results_sink

if TYPE_CHECKING:
    from quiz.core.answers import Answer
    from quiz.core.models import QuestionSet, ScoringRule
    from quiz.core.session import (
        GameResult,
        GameSession,
        GameSettings,
        PresentedQuestion,
        QuestionResult,
    )

# Start-up time matters (a class waits for thirty terminals to open): only the home screen is
# imported with the app; the game's screens and the engine load when the first game starts.


def _game_screens() -> tuple[type[Screen], ...]:  # type: ignore[type-arg]
    from quiz.tui.screens.feedback import FeedbackScreen
    from quiz.tui.screens.question import QuestionScreen
    from quiz.tui.screens.results import ResultsScreen

    return (QuestionScreen, FeedbackScreen, ResultsScreen)


class QuizApp(App[None]):
    """The quiz on `question_sets`, with its interface in `language` ("fr" or "en").

    `player`/`class_name` skip the player screen; `seed` fixes every shuffle (tests, replays);
    `rule` overrides the sets' scoring rule; `sink` receives every game (see `quiz.tui.sink`);
    `clock` gives the time in seconds (monotonic; tests pass a fake one). `teacher` opens the
    teacher's view (F3: every result, and the exports) when the sink saves results.
    `broken` names the set files that did not load: the home screen and the teacher's view say
    which and why, while the other sets are played. `unverified` says the sets were only
    summarised (`quiz.tui.preload.quick_summaries`): they are checked in full in the background
    once the home screen shows, and a broken one leaves the list for the notice. Questions still
    marked `draft:` are left out of every game unless `include_drafts`.
    """

    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "key.help", id="app.help"),
        Binding("question_mark", "help", "key.help", show=False, id="app.help_alt"),
        Binding("ctrl+q", "request_quit", "key.quit", priority=True, id="app.quit"),
        Binding("f3", "teacher", "key.teacher", id="app.teacher"),
    ]

    def __init__(
        self,
        question_sets: Sequence[QuestionSet | SetEntry],
        *,
        language: str = "en",
        player: str | None = None,
        class_name: str | None = None,
        seed: int | None = None,
        rule: ScoringRule | None = None,
        sink: RecordsGames | None = None,
        clock: Callable[[], float] = time.monotonic,
        teacher: bool = False,
        broken: Sequence[BrokenSetFile] = (),
        unverified: bool = False,
        include_drafts: bool = False,
    ) -> None:
        super().__init__()
        self.strings = Strings(language)
        self.strings.translate_bindings(self)
        self.entries = [q if isinstance(q, SetEntry) else SetEntry.of(q) for q in question_sets]
        self.broken = list(broken)
        self.unverified = unverified
        self.player = player
        self.class_name = class_name
        self.seed = seed
        self.rule = rule
        self.sink: ResultsSink = results_sink(sink)
        self.clock = clock
        self.teacher = teacher
        self.include_drafts = include_drafts
        self.session: GameSession | None = None
        self.title = self.strings("app.title")

    def get_default_screen(self) -> Screen:  # type: ignore[type-arg]
        """The home screen is the bottom of the stack: every game is pushed on top of it."""
        return HomeScreen(
            self.strings, self.entries, self.broken, include_drafts=self.include_drafts
        )

    def on_mount(self) -> None:
        if self.unverified:  # once the list is drawn: the check must not delay the first screen
            self.call_after_refresh(self._verify_sets)

    @work(thread=True, group="verify-sets")
    def _verify_sets(self) -> None:
        """Check in full the sets listed from their YAML alone, off the interface's thread."""
        summaries = [entry.summary for entry in self.entries]
        found = verify_sets(FoundSets(summaries, self.broken, verified=False))
        self.call_from_thread(self._sets_verified, found)

    def _sets_verified(self, found: FoundSets) -> None:
        known = {entry.summary.path: entry for entry in self.entries}
        self.entries = [known.get(s.path) or SetEntry(s) for s in found.summaries]
        self.broken = found.broken
        self.unverified = False
        home = self.screen_stack[0] if self.screen_stack else None
        if isinstance(home, HomeScreen):
            home.show_sets(self.entries, self.broken)

    # --- Actions of every screen ------------------------------------------------------------------

    def action_help(self) -> None:
        """F1 or ?: the keys. Over a question its clock stops, and the question is hidden, until
        the help closes: reading the keys costs no time, and the pause gives none to think."""
        from quiz.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        question = None
        if self.game_in_progress:
            from quiz.tui.screens.question import QuestionScreen

            if isinstance(self.screen, QuestionScreen):
                question = self.screen
                question.pause_for_help()

        def closed(_: object) -> None:
            if question is not None:
                question.resume_after_help()

        self.push_screen(HelpScreen(self.strings, clock_stopped=question is not None), closed)

    def action_request_quit(self) -> None:
        """Ctrl+Q: quit at once, unless a game is under way or a review is not saved (then ask
        first)."""
        from quiz.tui.screens.confirm_quit import ConfirmScreen

        if getattr(self.screen, "unsaved_changes", False):  # a review with decisions not saved
            s = self.strings
            self.push_screen(
                ConfirmScreen(
                    s,
                    s("review.confirm_leave"),
                    yes=s("review.confirm_leave.yes"),
                    no=s("review.confirm.no"),
                ),
                lambda leave: self.exit() if leave else None,
            )
            return
        if self.game_in_progress:
            if not isinstance(self.screen, ConfirmScreen):
                self.push_screen(
                    ConfirmScreen(self.strings, self.strings("confirm.quit")),
                    lambda leave: self.exit() if leave else None,
                )
        else:
            self.exit()

    def action_leave_game(self) -> None:
        """Escape on a question or its feedback: back to the sets, after asking."""
        from quiz.tui.screens.confirm_quit import ConfirmScreen

        if not self.game_in_progress:
            self.show_home()
            return
        if not isinstance(self.screen, ConfirmScreen):
            self.push_screen(
                ConfirmScreen(self.strings, self.strings("confirm.leave")),
                lambda leave: self.show_home() if leave else None,
            )

    def read_article(self, chosen: QuestionSet | SetEntry | None = None) -> None:
        """Show the article of a set outside a game (the home and player screens)."""
        from quiz.tui.screens.article import ArticleScreen

        question_set = self._load(chosen) if isinstance(chosen, SetEntry) else chosen
        if question_set is not None:
            self.push_screen(ArticleScreen(self.strings, question_set))

    def _load(self, entry: SetEntry) -> QuestionSet | None:
        """The whole set of a home-screen entry; None (and the errors shown) if it broke since."""
        from quiz.core.diagnostics import QuestionSetError

        try:
            return entry.load()
        except QuestionSetError as error:
            if isinstance(self.screen, HomeScreen):
                self.screen.say(str(error))
            return None

    @property
    def game_in_progress(self) -> bool:
        from quiz.core.session import Phase

        return self.session is not None and self.session.phase is not Phase.FINISHED

    def action_command_palette(self) -> None:
        """Ctrl+P: Textual's command palette, with its search field's placeholder in the interface
        language (Textual's own is English)."""
        from textual.command import CommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            placeholder = self.strings("command.placeholder")
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:  # type: ignore[type-arg]
        """The command palette: the main actions, in the interface language."""
        s = self.strings
        yield SystemCommand(s("command.help"), s("command.help.detail"), self.action_help)
        toggle = getattr(screen, "action_toggle_article", None)
        if callable(toggle):
            yield SystemCommand(s("command.article"), s("command.article.detail"), toggle)
        game_screens = _game_screens()
        if isinstance(screen, game_screens):
            yield SystemCommand(s("command.home"), s("command.home.detail"), self.action_leave_game)
        if isinstance(screen, game_screens[-1]):
            yield SystemCommand(
                s("command.play_again"), s("command.play_again.detail"), self.play_again
            )
        if self.check_action("teacher", ()):
            yield SystemCommand(
                s("command.teacher"), s("command.teacher.detail"), self.action_teacher
            )
        yield SystemCommand(s("command.quit"), s("command.quit.detail"), self.action_request_quit)

    # --- The classroom: results store, teacher's view ---------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The teacher's view exists only with `teacher` and a results store, outside games."""
        if action == "teacher":
            here = getattr(self.screen, "TEACHER_VIEW", False)
            return self.teacher and self.sink.saves_results and not (self.game_in_progress or here)
        return True

    def action_teacher(self) -> None:
        from quiz.tui.screens.teacher import TeacherScreen

        if isinstance(self.screen, TeacherScreen) or not self.check_action("teacher", ()):
            return
        view = self.sink.teacher_view(self.strings, self.entries, self.broken)
        if view is not None:
            self.push_screen(view)

    @on(events.DeliveryComplete)
    def _export_saved(self, event: events.DeliveryComplete) -> None:
        """A teacher's export is written: say where, so that it can be found."""
        from quiz.core.text import clean_text
        from quiz.tui.screens.teacher import EXPORT_DELIVERY

        if event.name == EXPORT_DELIVERY and event.path is not None:
            path = clean_text(str(event.path))
            self.notify(self.strings("teacher.saved", path=path), markup=False)

    @on(events.DeliveryFailed)
    def _export_failed(self, event: events.DeliveryFailed) -> None:
        """A teacher's export could not be written (a full disk, no permission): say why."""
        from quiz.core.text import clean_text
        from quiz.tui.screens.teacher import EXPORT_DELIVERY

        if event.name == EXPORT_DELIVERY:
            why = clean_text(str(event.exception))
            message = self.strings("teacher.export_failed", why=why)
            self.notify(message, severity="error", markup=False)

    # --- The game ---------------------------------------------------------------------------------

    def open_set(self, chosen: QuestionSet | SetEntry) -> None:
        """The player chose a set: ask who plays, unless the command line said so."""
        question_set = self._load(chosen) if isinstance(chosen, SetEntry) else chosen
        if question_set is None:
            return
        if not self.include_drafts:
            playable = question_set.without_drafts()
            if playable is None:
                if isinstance(self.screen, HomeScreen):
                    path = question_set.source_path or question_set.id
                    self.screen.say(self.strings("home.only_drafts_why", path=path))
                return
            question_set = playable
        if self.player:
            self.start_game(question_set, self._settings(self.player, self.class_name))
            return

        def named(names: tuple[str, str | None] | None) -> None:
            if names is not None:
                self.start_game(question_set, self._settings(*names))

        from quiz.tui.screens.player import PlayerScreen

        self.push_screen(PlayerScreen(self.strings, question_set, self.rule), named)

    def _settings(self, player: str, class_name: str | None) -> GameSettings:
        from quiz.core.session import GameSettings

        return GameSettings(player, class_name, seed=self.seed, rule=self.rule)

    def start_game(self, question_set: QuestionSet, settings: GameSettings) -> None:
        from quiz.core.session import GameSession

        if self.sink.saves_results:  # an unfinished game may resume
            self._start_or_resume(question_set, settings)
            return
        self.play(GameSession(question_set, settings))

    @work(group="game-start", exclusive=True)
    async def _start_or_resume(self, question_set: QuestionSet, settings: GameSettings) -> None:
        from quiz.tui.classroom import start_or_resume

        await start_or_resume(self, self.sink, question_set, settings)

    def play(self, session: GameSession, *, resumed: bool = False) -> None:
        """Play `session`: a new game, or a `resumed` one (its attempt goes on, no new start)."""
        from quiz.core.session import Phase

        self.session = session
        if not resumed:
            self.sink.start(session)
        if session.phase is Phase.ANSWERED:  # resumed after an answer: its next question
            self.continue_game()
        else:
            self.next_question()

    def next_question(self) -> None:
        from quiz.tui.screens.question import QuestionScreen

        session = self._session()
        presented = session.start_question(self.clock())
        self._show_game_screen(QuestionScreen(self.strings, session, presented, self.clock))

    def submit_answer(self, answer: Answer) -> None:
        """The player answered the current question (the session checks it is still asking)."""
        from quiz.core.session import Phase

        session = self._session()
        if session.phase is not Phase.ASKING:
            return
        self._after_answer(session.answer(answer, self.clock()))

    def time_out(self) -> None:
        from quiz.core.session import Phase

        session = self._session()
        if session.phase is Phase.ASKING:
            self._after_answer(session.time_out(self.clock()))

    def _after_answer(self, result: QuestionResult) -> None:
        session = self._session()
        presented = session.current
        assert presented is not None  # an answered question is the current one
        from quiz.tui.screens.feedback import FeedbackScreen

        self.sink.record(presented, result)
        self._show_game_screen(FeedbackScreen(self.strings, session, presented, result))

    def continue_game(self) -> None:
        """After a feedback: the next question, or the results after the last one."""
        from quiz.core.session import Phase
        from quiz.tui.screens.results import ResultsScreen

        session = self._session()
        if session.phase is not Phase.ANSWERED:
            return
        if session.has_next:
            self.next_question()
            return
        result = session.finish()
        self.sink.finish(result)
        self._show_game_screen(
            ResultsScreen(
                self.strings, session.question_set, result, extra=self._class_leaderboard(result)
            )
        )

    def _class_leaderboard(self, result: GameResult) -> Widget | None:
        """The class's best scores for the results screen, when results are saved."""
        return self.sink.class_leaderboard(self.strings, result)

    def play_again(self) -> None:
        session = self._session()
        settings = session.settings
        self.start_game(session.question_set, settings)

    def show_home(self) -> None:
        """Back to the list of sets; an unfinished game is dropped."""
        self.session = None
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def _session(self) -> GameSession:
        if self.session is None:
            raise RuntimeError("no game is being played")
        return self.session

    def _show_game_screen(self, screen: Screen) -> None:  # type: ignore[type-arg]
        """Replace the game screen (closing any help or dialog over it), or open one."""
        game_screens = _game_screens()
        while len(self.screen_stack) > 1 and not isinstance(self.screen, game_screens):
            self.pop_screen()
        if isinstance(self.screen, game_screens):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    @property
    def current_question(self) -> PresentedQuestion | None:
        return self.session.current if self.session else None
