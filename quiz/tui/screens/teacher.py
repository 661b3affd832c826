"""The teacher's view: the leaderboard of any set and class from the results database, and the
CSV exports (leaderboard, report, answers, skills) delivered as files — to the downloads folder in
a terminal, as a download in a browser — through `App.deliver_text`.

Only reached with `quiz play --teacher` (F3, or the command palette); `quiz serve` never enables
it, so students in browser tabs do not see everyone's results. The CSV text is built by
`quiz.store.csv_export.csv_text`, with the same rules as the command-line exports.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from platformdirs import user_downloads_path
from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable, Select, Static

from quiz.core.diagnostics import QuestionSetError
from quiz.core.models import QuestionSet
from quiz.core.text import clean_name, clean_text
from quiz.store.csv_export import csv_text
from quiz.store.db import LeaderboardRow, ResultsStore, SetVersion
from quiz.store.exports import ExportRequest, build_export
from quiz.store.sets import SetTarget
from quiz.tui.i18n import Strings
from quiz.tui.preload import BrokenSetFile, SetEntry
from quiz.tui.screens.base import QuizScreen
from quiz.tui.store_sink import StoreSink
from quiz.tui.widgets.broken_sets import BrokenSetsNotice
from quiz.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from quiz.review.session import ReviewSession

EXPORT_DELIVERY = "quiz-export"
"""The name of a teacher's export in Textual's delivery events (a screenshot has another)."""

ALL_CLASSES = "\x00all"
"""The class picker's value for every class (no class name can hold a control character)."""


@dataclass(frozen=True)
class SetWithResults:
    set_id: str
    title: str
    newest: SetVersion


@dataclass(frozen=True)
class Catalogue:
    """What the database holds: the sets with results, and the classes seen."""

    sets: list[SetWithResults]
    classes: list[str]


def _catalogue(store: ResultsStore) -> Catalogue:
    sets = []
    for set_id in store.set_ids():
        versions = store.set_versions(set_id)
        if versions:
            sets.append(SetWithResults(set_id, versions[0].set_title, versions[0]))
    return Catalogue(sets, store.class_names())


def export_file_name(kind: str, set_id: str, class_name: str | None) -> str:
    """`report-japon-russie-4B.csv`: safe on every filesystem, whatever the class is called."""
    parts = [kind, set_id] + ([class_name] if class_name else [])
    return re.sub(r"[^\w.-]+", "_", "-".join(parts)).strip("_") + ".csv"


class TeacherScreen(QuizScreen):
    TEACHER_VIEW = True
    """Tells the app that F3 has nothing more to open here."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="teacher.back"),
        Binding("l", "export('leaderboard')", "key.export_leaderboard", id="teacher.leaderboard"),
        Binding("r", "export('report')", "key.export_report", id="teacher.report"),
        Binding("a", "export('answers')", "key.export_answers", id="teacher.answers"),
        Binding("s", "export('skills')", "key.export_skills", id="teacher.skills"),
        Binding("b", "toggle_attempts", "key.attempts_mode", id="teacher.attempts"),
        Binding("g", "review_article", "key.review_article", id="teacher.review_article"),
    ]

    DEFAULT_CSS = """
    TeacherScreen #teacher-pickers { height: auto; }
    TeacherScreen #teacher-pickers Select { width: 1fr; }
    TeacherScreen #teacher-status { height: auto; padding: 0 1; }
    TeacherScreen #teacher-table { height: 1fr; }
    """

    def __init__(
        self,
        strings: Strings,
        sink: StoreSink,
        entries: Sequence[SetEntry],
        broken: Sequence[BrokenSetFile] = (),
    ) -> None:
        """`broken`: the set files that did not load, named here too for the teacher to fix."""
        super().__init__(strings)
        self.sink = sink
        self.entries = list(entries)
        self.broken = list(broken)
        self.catalogue: Catalogue | None = None
        self.rows: list[LeaderboardRow] = []
        self.exports_sent: list[str] = []

    def compose(self) -> ComposeResult:
        s = self.strings
        yield Static(Content(s("teacher.title")), classes="screen-title")
        yield BrokenSetsNotice(s, self.broken, id="teacher-broken")
        with Horizontal(id="teacher-pickers"):
            yield Select[str]([], prompt=s("teacher.set"), allow_blank=True, id="teacher-set")
            yield Select[str](
                [(Content(s("teacher.all_classes")), ALL_CLASSES)],
                prompt=s("teacher.class"),
                allow_blank=False,
                value=ALL_CLASSES,
                id="teacher-class",
            )
            yield Select[bool](
                [(Content(s("teacher.best")), False), (Content(s("teacher.every")), True)],
                allow_blank=False,
                value=False,
                id="teacher-attempts",
            )
        yield Static(Content(""), id="teacher-status")
        yield DataTable(id="teacher-table", cursor_type="row", zebra_stripes=True)
        yield Static(Content(s("teacher.hint")), classes="hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self._fill_table()
        self.query_one("#teacher-table", DataTable).focus()
        self._load_catalogue()

    @work(group="teacher-load", exclusive=True)
    async def _load_catalogue(self) -> None:
        try:
            catalogue = await self.sink.call(_catalogue)
        except Exception as error:  # shown to the teacher, who can fix the database
            self._say(str(error))
            return
        self.catalogue = catalogue
        if not catalogue.sets:
            self._say(self.strings("teacher.no_results", path=str(self.sink.db_path or "")))
            return
        set_picker = self.query_one("#teacher-set", Select)
        # Titles and names come from the database, a file that may have been edited by hand:
        # shown cleaned, while the values keep what the database holds (they select its rows).
        set_picker.set_options(
            (Content(clean_text(f"{s.title} ({s.set_id})")), s.set_id) for s in catalogue.sets
        )
        class_picker = self.query_one("#teacher-class", Select)
        class_picker.set_options(
            [(Content(self.strings("teacher.all_classes")), ALL_CLASSES)]
            + [(Content(clean_name(name)), name) for name in catalogue.classes]
        )
        class_picker.value = ALL_CLASSES
        set_picker.value = catalogue.sets[0].set_id  # fires Changed: the table fills

    # --- The choice and the table -----------------------------------------------------------------

    @property
    def set_id(self) -> str | None:
        value = self.query_one("#teacher-set", Select).value
        return value if isinstance(value, str) else None

    @property
    def class_name(self) -> str | None:
        value = self.query_one("#teacher-class", Select).value
        return value if isinstance(value, str) and value != ALL_CLASSES else None

    @property
    def all_attempts(self) -> bool:
        return self.query_one("#teacher-attempts", Select).value is True

    @on(Select.Changed)
    def _choice_changed(self) -> None:
        self._load_table()

    @work(group="teacher-table", exclusive=True)
    async def _load_table(self) -> None:
        set_id, class_name, every = self.set_id, self.class_name, self.all_attempts
        if set_id is None:
            return
        try:
            self.rows = await self.sink.call(
                lambda store: store.leaderboard(set_id, class_name, every)
            )
        except Exception as error:  # shown to the teacher
            self.rows = []
            self._say(str(error))
            return
        self._fill_table()
        if self.rows:
            rows = self.strings.count("teacher.rows", len(self.rows))  # "1 row", not "1 rows"
            status = self.strings("teacher.version", version=self.rows[0].set_version, rows=rows)
        else:
            status = self.strings("teacher.empty")
        self._say(status)

    def _fill_table(self) -> None:
        """The leaderboard rows, each column as wide as its widest cell."""
        s = self.strings
        header = [
            s("board.rank_column"),
            s("board.player_column"),
            s("board.class_column"),
            s("board.score_column"),
            s("board.correct_column"),
            s("board.time_column"),
            s("board.finished_column"),
            "%",
        ]
        cells = [
            [
                str(row.rank),
                clean_name(row.player),  # read from the database: cleaned, as when written
                clean_name(row.class_name or "") or s("teacher.no_class"),
                str(row.score),
                f"{row.correct}/{row.questions}",
                s.number(row.total_time, 1),
                row.finished_at,
                s.number(row.accuracy, 1),
            ]
            for row in self.rows
        ]
        numbers = {0, 3, 4, 5, 7}
        table = self.query_one("#teacher-table", DataTable)
        table.clear(columns=True)
        for index, label in enumerate(header):
            width = max(cell_len(line[index]) for line in [header, *cells])
            table.add_column(label, width=width)
        for line in cells:
            # Names and classes are user text: `Text` cells are never read as markup.
            table.add_row(
                *(
                    Text(cell, justify="right" if i in numbers else "left")
                    for i, cell in enumerate(line)
                )
            )

    def action_toggle_attempts(self) -> None:
        picker = self.query_one("#teacher-attempts", Select)
        picker.value = not self.all_attempts

    # --- Exports ----------------------------------------------------------------------------------

    def action_export(self, kind: str) -> None:
        if self.set_id is not None:
            self._export(kind, self.set_id)

    @work(group="teacher-export")
    async def _export(self, kind: str, set_id: str) -> None:
        class_name, every = self.class_name, self.all_attempts
        entry = next((e for e in self.entries if e.summary.id == set_id), None)

        def build(store: ResultsStore) -> str:
            # On the worker thread: the set file loads, and the answers stream from their cursor.
            target = SetTarget(set_id, _question_set(entry), from_file=False)
            request = ExportRequest(kind, target, class_name=class_name, all_attempts=every)
            export = build_export(store, request)
            return csv_text(export.header, export.rows, prepared=export.prepared)

        try:
            text = await self.sink.call(build)
        except Exception as error:  # shown to the teacher, the view stays usable
            self.notify(
                self.strings("teacher.export_failed", why=str(error)),
                severity="error",
                markup=False,
            )
            return
        name = export_file_name(kind, set_id, class_name)
        if self.app.is_web:  # the browser shows the download itself
            self.app.deliver_text(io.StringIO(text), save_filename=name, mime_type="text/csv")
            self.exports_sent.append(name)
            self.notify(self.strings("teacher.exported", name=name), markup=False)
            return
        if os.linesep != "\n":
            # A terminal's delivery writes in text mode, which turns "\n" into the system's line
            # end: give it "\n" so that the file gets exactly one CRLF per record.
            text = text.replace("\r\n", "\n")
        # Textual writes into the downloads folder on a thread and reports the outcome to the
        # app (`QuizApp` says where the file is, or why it is not): a folder that does not exist
        # yet (a fresh account, a server) is created, as a browser would.
        folder = user_downloads_path()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            why = clean_text(str(error))
            self.notify(
                self.strings("teacher.export_failed", why=why), severity="error", markup=False
            )
            return
        self.app.deliver_text(
            io.StringIO(text),
            save_directory=folder,
            save_filename=name,
            mime_type="text/csv",
            name=EXPORT_DELIVERY,
        )
        self.exports_sent.append(name)

    # --- Helpers ----------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.query_one("#teacher-status", Static).update(Content(text))

    def action_back(self) -> None:
        self.dismiss()

    # --- From an article to a reviewed set ------------------------------------------------------

    def action_review_article(self) -> None:
        """Ask for an article, make its draft (or take the one beside it), and review it."""
        from quiz.tui.screens.article_prompt import ArticlePromptScreen

        def chosen(path: str | None) -> None:
            if path:
                self._say(self.strings("teacher.generating", name=Path(path).name))
                self._make_draft(Path(path).expanduser())

        self.app.push_screen(ArticlePromptScreen(self.strings), chosen)

    @work(thread=True, group="teacher-draft", exclusive=True)
    def _make_draft(self, article: Path) -> None:
        from quiz.review.session import ReviewSession
        from quiz.review.set_file import ReviewError
        from quiz.tui.drafting import DraftNotMade, draft_for

        try:
            session = ReviewSession.open(draft_for(article))
        except (DraftNotMade, ReviewError) as error:
            why = str(error).split("\n")[0]
            self.app.call_from_thread(self._say, self.strings("teacher.draft_failed", why=why))
            return
        self.app.call_from_thread(self._review, session)

    def _review(self, session: ReviewSession) -> None:
        from quiz.tui.screens.review import ReviewScreen

        self._say("")
        self.app.push_screen(ReviewScreen(self.strings, session))


def _question_set(entry: SetEntry | None) -> QuestionSet | None:
    """The set file's questions for the report's prompts and choices; None if it is not here."""
    if entry is None:
        return None
    try:
        return entry.load()
    except (QuestionSetError, OSError, ValueError):
        return None
