"""The review screen (`quiz review SET.yaml`): a generated draft reviewed like an editor would.

The list of questions (state, type, skill, confidence) sits beside the selected question as a
student will see it, with its key, explanation and evidence, and the article scrolled to that
evidence. `a` accepts, `d` drops, `u` undoes, `e` (or Enter) opens a form whose every change is
checked by the loader itself, its messages under the fields; `o` opens the file in $EDITOR at the
question; Ctrl+S saves. The decisions live in a `ReviewSession` (no Textual there); this screen
only shows them and forwards keys.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import OptionList, Static
from textual.worker import get_current_worker

from quiz.review.article import LinkedArticle, linked_article
from quiz.review.form import FieldProblems, FormValues, apply_values, values_of
from quiz.review.session import CheckResult, PendingCheck, ReviewSession, ReviewState
from quiz.review.set_file import ReviewError
from quiz.tui.display import literal
from quiz.tui.i18n import Strings
from quiz.tui.screens.base import QuizScreen
from quiz.tui.widgets.article_view import ArticleView
from quiz.tui.widgets.key_bar import KeyBar
from quiz.tui.widgets.question_preview import QuestionPreview
from quiz.tui.widgets.review_list import ReviewList

if TYPE_CHECKING:
    from quiz.tui.widgets.question_form import QuestionForm

CHECK_DELAY = 0.15
"""Seconds of quiet typing before the form's values are checked."""

FIRST_CHECK_DELAY = 0.2
"""The first check imports the models (pydantic: half a second of pure Python, holding the
interpreter): it starts this long after the screen was last laid out, so that the draft shows
at once and the check follows."""

FALLBACK_EDITORS = ("editor", "nano", "vi")


class ReviewScreen(QuizScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "accept", "key.accept", id="review.accept"),
        Binding("d", "drop", "key.drop", id="review.drop"),
        Binding("e", "edit", "key.edit", id="review.edit"),
        Binding("u,ctrl+z", "undo", "key.undo", id="review.undo"),
        Binding("f", "toggle_filter", "key.drafts_only", id="review.filter"),
        Binding("ctrl+s", "save", "key.save", priority=True, id="review.save"),
        Binding("o", "open_editor", "key.editor", id="review.editor"),
        Binding("escape", "done", "key.done", id="review.done"),
        Binding("escape", "leave", "key.leave_review", id="review.leave"),
    ]

    def __init__(self, strings: Strings, session: ReviewSession) -> None:
        super().__init__(strings)
        self.session = session
        self.article: LinkedArticle = linked_article(session.file)
        self.drafts_only = False
        self.editing: int | None = None
        self.problems: dict[int, FieldProblems] = {}
        """What the last check said of each question, by form field."""
        self._check_timer: Timer | None = None
        self._generation = 0
        self._shown_generation = 0
        self._notice = ""
        """What the last action said (saved, nothing to undo…): kept in front of the verdict of
        the check that follows it."""

    @property
    def unsaved_changes(self) -> bool:
        return self.session.dirty

    # --- Layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        s = self.strings
        name = self.session.path.name
        yield Static(
            literal(s("review.title", name=name)), id="review-title", classes="screen-title"
        )
        with Horizontal(id="review-panes"):
            with Vertical(id="review-side"):
                yield Static(Content(self._filter_line()), id="review-filter", classes="hint")
                yield Static(Content(self._summary()), id="review-summary", classes="hint")
                yield ReviewList(s, id="review-list")
            with Vertical(id="review-main"):
                yield QuestionPreview(s, self._language(), id="review-preview")
                yield ArticleView(self.article, s, id="review-article")
        yield Static(Content(s("review.checking")), id="review-status", classes="status")
        yield KeyBar()

    def _language(self) -> str:
        return str(self.session.file.data.get("language") or "en")

    def on_mount(self) -> None:
        super().on_mount()
        self._refresh_list()
        self.query_one(ReviewList).focus()
        self._show_current()
        self.screen_layout_refresh_signal.subscribe(self, self._laid_out)

    def _laid_out(self, screen: object) -> None:
        """The first check waits until the first screen is drawn and settled (see
        FIRST_CHECK_DELAY); after that, checks follow the decisions."""
        if self._generation == 0:
            self._schedule_check(FIRST_CHECK_DELAY)
        else:
            self.screen_layout_refresh_signal.unsubscribe(self)

    # --- What is shown --------------------------------------------------------------------------

    def _filter_line(self) -> str:
        return self.strings("review.filter.drafts" if self.drafts_only else "review.filter.all")

    def _summary(self) -> str:
        counts = self.session.counts()
        return self.strings(
            "review.summary",
            drafts=counts[ReviewState.DRAFT],
            accepted=counts[ReviewState.ACCEPTED],
            edited=counts[ReviewState.EDITED],
            dropped=counts[ReviewState.DROPPED],
        )

    def _refresh_list(self, keep: int | None = None) -> None:
        items = [
            item
            for item in self.session.items
            if not self.drafts_only or item.state is ReviewState.DRAFT or item.index == self.editing
        ]
        listing = self.query_one(ReviewList)
        listing.show(items, set(self.problems), keep=keep)
        self.query_one("#review-filter", Static).update(Content(self._filter_line()))
        self.query_one("#review-summary", Static).update(Content(self._summary()))
        if not items and self.drafts_only:
            self._notify_done(self.strings("review.no_drafts"))

    def _current(self) -> int | None:
        return self.query_one(ReviewList).current

    def _show_current(self) -> None:
        index = self._current()
        preview = self.query_one(QuestionPreview)
        if index is None:
            preview.show(None, [], False)
            return
        item = self.session.items[index]
        messages = [
            m for ms in self.problems.get(index, FieldProblems()).by_field.values() for m in ms
        ]
        preview.show(item, messages, self.article.article_text is not None)
        self.query_one(ArticleView).highlight(str(item.data.get("evidence") or ""))

    @on(OptionList.OptionHighlighted, "#review-list")
    def _highlighted(self) -> None:
        if self.editing is None:
            self._show_current()

    @on(OptionList.OptionSelected, "#review-list")
    def _selected(self) -> None:
        self.action_edit()

    def _say(self, text: str) -> None:
        self.query_one("#review-status", Static).update(literal(text))

    def _notify_done(self, text: str) -> None:
        """Say what was just done; the next check's verdict is added after it."""
        self._notice = text
        self._say(text)

    # --- Decisions ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The list's keys sleep while the form is open (they are letters typed into it)."""
        if action == "done":
            return self.editing is not None
        if action in ("accept", "drop", "edit", "undo", "toggle_filter", "open_editor", "leave"):
            return self.editing is None
        return True

    def _decided(self, index: int, changed: bool, *, advance: bool) -> None:
        if not changed:
            return
        self._notice = ""
        listing = self.query_one(ReviewList)
        if advance and not self.drafts_only and listing.highlighted is not None:
            self._refresh_list(keep=index)
            listing.highlighted = min(listing.highlighted + 1, len(listing.shown) - 1)
        else:
            self._refresh_list(keep=None if advance else index)
        self._show_current()
        self._schedule_check()

    def action_accept(self) -> None:
        index = self._current()
        if index is not None:
            self._decided(index, self.session.accept(index), advance=True)

    def action_drop(self) -> None:
        index = self._current()
        if index is not None:
            self._decided(index, self.session.drop(index), advance=True)

    def action_undo(self) -> None:
        index = self.session.undo()
        if index is None:
            self._notify_done(self.strings("review.nothing_to_undo"))
            return
        self._refresh_list(keep=index)
        listing = self.query_one(ReviewList)
        if index in listing.shown:
            listing.highlighted = listing.shown.index(index)
        self._show_current()
        self._schedule_check()

    def action_toggle_filter(self) -> None:
        self.drafts_only = not self.drafts_only
        self._refresh_list(keep=self._current())
        self._show_current()

    # --- The form -------------------------------------------------------------------------------

    def action_edit(self) -> None:
        index = self._current()
        if index is None or self.editing is not None:
            return
        from quiz.tui.widgets.question_form import QuestionForm

        item = self.session.items[index]
        self.editing = index
        form = QuestionForm(
            self.strings, item.id, item.kind, values_of(item.data), id="review-form"
        )
        self.query_one(QuestionPreview).display = False
        main = self.query_one("#review-main", Vertical)
        main.add_class("-editing")  # the form gets the room; the article stays in sight
        main.mount(form, before=0)
        self.call_after_refresh(form.show_problems, self.problems.get(index))
        self.refresh_bindings()

    def _form(self) -> QuestionForm:
        from quiz.tui.widgets.question_form import QuestionForm

        return self.query_one("#review-form", QuestionForm)

    def _form_data(self, values: FormValues) -> dict[str, object]:
        assert self.editing is not None
        return apply_values(self.session.items[self.editing].data, values)

    def on_question_form_changed(self, event: QuestionForm.Changed) -> None:
        if self.editing is None:
            return
        evidence = event.values.evidence
        self.query_one(ArticleView).highlight(evidence)
        self._schedule_check()

    def action_done(self) -> None:
        """Close the form: its values become the question's (one step for undo)."""
        if self.editing is None:
            return
        index = self.editing
        form = self._form()
        changed = self.session.edit(index, self._form_data(form.values))
        self.editing = None
        form.remove()
        self.query_one("#review-main", Vertical).remove_class("-editing")
        self.query_one(QuestionPreview).display = True
        listing = self.query_one(ReviewList)
        listing.focus()
        self.refresh_bindings()
        self._refresh_list(keep=index)
        self._show_current()
        if changed:
            self._schedule_check()

    # --- Checking -------------------------------------------------------------------------------

    def _schedule_check(self, delay: float = CHECK_DELAY) -> None:
        """Check the set as it would be saved (with the form's values), once typing pauses."""
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.set_timer(delay, self._start_check)

    @property
    def check_pending(self) -> bool:
        """Whether a live check is scheduled or running, its result not yet on screen."""
        return self._check_timer is not None or self._shown_generation != self._generation

    def _start_check(self) -> None:
        self._check_timer = None
        candidate = None
        if self.editing is not None:
            candidate = (self.editing, self._form_data(self._form().values))
        self._generation += 1
        self._run_check(self.session.prepare_check(candidate), self._generation)

    @work(thread=True, exclusive=True, group="review-check")
    def _run_check(self, pending: PendingCheck, generation: int) -> None:
        result = pending.run()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._checked, result, generation)

    def _checked(self, result: CheckResult, generation: int) -> None:
        if generation != self._generation or not self.is_attached:
            return  # a newer check is on its way
        self._shown_generation = generation
        self.problems = result.problems
        s = self.strings
        if self.editing is not None:
            form = self._form()
            form.show_problems(result.problems.get(self.editing))
            others = len(result.errors) - sum(
                len(ms)
                for ms in result.problems.get(self.editing, FieldProblems()).by_field.values()
            )
            self._say(s.count("review.other_errors", others) if others else "")
        else:
            self._refresh_list(keep=self._current())
            self._show_current()
            errors = len(result.errors)
            verdict = s.count("review.check_errors", errors) if errors else s("review.check_ok")
            self._say(f"{self._notice} {verdict}" if self._notice else verdict)

    # --- Saving and leaving ---------------------------------------------------------------------

    def action_save(self) -> None:
        if self.editing is not None:
            self.action_done()
        if not self.session.dirty:
            self._notify_done(self.strings("review.nothing_to_save"))
            return
        errors = len(self.session.check().errors)
        if not errors:
            self._save()
            return
        from quiz.tui.screens.confirm_quit import ConfirmScreen

        s = self.strings
        question = s("review.confirm_save", count=errors)
        dialog = ConfirmScreen(
            s, question, yes=s("review.confirm_save.yes"), no=s("review.confirm.no")
        )
        self.app.push_screen(dialog, lambda save: self._save() if save else None)

    def _save(self) -> None:
        current = self._current()
        keep_id = self.session.items[current].id if current is not None else None
        try:
            self.session.save()
        except ReviewError as error:
            self._notify_done(self.strings("review.not_saved", why=error.messages[0]))
            return
        self._after_new_file(keep_id)
        counts = self.session.counts()
        self._notify_done(
            self.strings(
                "review.saved",
                name=self.session.path.name,
                questions=len(self.session.items),
                drafts=counts[ReviewState.DRAFT],
            )
        )

    def _after_new_file(self, keep_id: str | None) -> None:
        """The session now starts from a new text: list it again, on the same question."""
        self.problems = {}
        keep = next((item.index for item in self.session.items if item.id == keep_id), None)
        self._refresh_list(keep=keep)
        self._show_current()
        self._start_check()

    def action_leave(self) -> None:
        """Leave the review, asking first when decisions are not saved."""
        if not self.session.dirty:
            self._close()
            return
        from quiz.tui.screens.confirm_quit import ConfirmScreen

        s = self.strings
        dialog = ConfirmScreen(
            s,
            s("review.confirm_leave"),
            yes=s("review.confirm_leave.yes"),
            no=s("review.confirm.no"),
        )
        self.app.push_screen(dialog, lambda leave: self._close() if leave else None)

    def _close(self) -> None:
        if self.app.screen_stack and self.app.screen_stack[0] is self:
            self.app.exit()
        else:
            self.dismiss()

    # --- $EDITOR --------------------------------------------------------------------------------

    def action_open_editor(self) -> None:
        """Open the file in $EDITOR at this question (for what the form does not cover), then
        read it again."""
        s = self.strings
        index = self._current()
        if index is None:
            return
        if self.session.dirty:
            self._notify_done(s("review.editor.save_first"))
            return
        command = editor_command()
        if command is None:
            self._notify_done(s("review.editor.none"))
            return
        keep_id = self.session.items[index].id
        line = self.session.file.question_line(index)
        try:
            with self.app.suspend():
                subprocess.run([*command, f"+{line}", str(self.session.path)], check=False)
        except SuspendNotSupported:
            self._notify_done(s("review.editor.unsupported"))
            return
        except OSError:
            self._notify_done(s("review.editor.none"))
            return
        try:
            self.session.reload()
        except ReviewError as error:
            self._notify_done(s("review.editor.broken", why=error.messages[0]))
            return
        self._after_new_file(keep_id)
        self._notify_done(s("review.editor.reloaded", name=self.session.path.name))


def editor_command() -> list[str] | None:
    """$VISUAL or $EDITOR (split as a shell would), else the first common editor found."""
    for variable in ("VISUAL", "EDITOR"):
        value = os.environ.get(variable, "").strip()
        if value:
            return shlex.split(value)
    found = next((shutil.which(name) for name in FALLBACK_EDITORS if shutil.which(name)), None)
    return [found] if found else None
