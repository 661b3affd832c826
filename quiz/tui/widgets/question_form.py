"""The review screen's form: one question's fields, for its type, with the loader's messages
under the fields they are about. It edits values only; the screen applies them and runs the
check (`QuestionForm.Changed` on every change, `show_problems` with what the loader said).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from quiz.core.skills import Skill
from quiz.review.form import ChoiceRow, FieldProblems, FormValues
from quiz.tui.display import literal
from quiz.tui.i18n import Strings

MAX_CHOICES = 12
"""As many choices as the format allows (`choices` holds at most 12)."""

DIFFICULTIES = ("", "easy", "medium", "hard")


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.split("\n") if line.strip())


class RightChoice(Checkbox):
    """A choice's "right answer" box: ✓ when ticked, empty when not — not told by colour alone."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "✓" if self.value else " "


class QuestionForm(VerticalScroll):
    DEFAULT_CSS = """
    QuestionForm {
        height: 1fr;
        padding: 0 1;
        & > Static { height: auto; }
        & > .form--title { text-style: bold; background: $primary 20%; }
        & > .form--label { text-style: bold; margin-top: 1; }
        & > .form--error { color: $text-error; padding-left: 2; }
        & > .form--error.-empty { display: none; }
        & TextArea { height: auto; max-height: 8; }
        & Input { width: 1fr; }
        & Select { width: 1fr; }
        & > .form--choice { height: auto; }
        & > .form--choice > RightChoice { width: 4; }
    }
    """

    class Changed(Message):
        """A field changed: `values` holds every field as it is now."""

        def __init__(self, values: FormValues) -> None:
            super().__init__()
            self.values = values

    def __init__(
        self,
        strings: Strings,
        question_id: str,
        kind: str,
        values: FormValues,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.strings = strings
        self.question_id = question_id
        self.kind = kind
        self.initial = values
        self._choice_rows = len(values.choices)

    # --- Layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        s = self.strings
        v = self.initial
        yield Static(literal(s("form.title", id=self.question_id)), classes="form--title")
        yield self._error("general")
        yield from self._text_field("prompt", "form.prompt", v.prompt)
        if self.kind in ("single", "multiple"):
            yield Static(Content(s(f"form.choices.{self.kind}")), classes="form--label")
            for index, row in enumerate(v.choices):
                yield self._choice(index, row)
            if len(v.choices) < MAX_CHOICES:
                yield self._choice(len(v.choices), ChoiceRow("", False))
            yield self._error("choices")
        elif self.kind == "true_false":
            yield Static(Content(s("form.truth")), classes="form--label")
            options = [(Content(s("form.true")), True), (Content(s("form.false")), False)]
            yield Select[bool](
                options,
                value=v.truth if v.truth is not None else Select.NULL,
                allow_blank=v.truth is None,
                id="form-truth",
                compact=True,
            )
            yield self._error("truth")
        elif self.kind == "numeric":
            for name, label in (
                ("number", "form.number"),
                ("tolerance", "form.tolerance"),
                ("unit", "form.unit"),
            ):
                yield Static(Content(s(label)), classes="form--label")
                yield Input(
                    getattr(v, name), id=f"form-{name}", compact=True, select_on_focus=False
                )
                yield self._error(name)
        elif self.kind == "text":
            yield from self._text_field("answers", "form.answers", "\n".join(v.answers))
        elif self.kind == "order":
            yield from self._text_field("items", "form.items", "\n".join(v.items))
        elif self.kind == "highlight":
            yield from self._text_field("passage", "form.passage", v.passage)
            yield from self._text_field("answers", "form.words", "\n".join(v.answers))
        yield Static(Content(s("form.skill")), classes="form--label")
        skills = [(Content(s.skill(skill)), skill.value) for skill in Skill]
        known = v.skill in {skill.value for skill in Skill}
        yield Select[str](
            skills,
            value=v.skill if known else Select.NULL,
            allow_blank=not known,
            id="form-skill",
            compact=True,
        )
        yield self._error("skill")
        yield Static(Content(s("form.difficulty")), classes="form--label")
        levels = [(Content(s(f"form.difficulty.{d or 'none'}")), d) for d in DIFFICULTIES]
        known = v.difficulty in DIFFICULTIES
        yield Select[str](
            levels,
            value=v.difficulty if known else Select.NULL,
            allow_blank=not known,
            id="form-difficulty",
            compact=True,
        )
        yield self._error("difficulty")
        yield from self._text_field("explanation", "form.explanation", v.explanation)
        yield from self._text_field("evidence", "form.evidence", v.evidence)

    def _error(self, name: str) -> Static:
        return Static(Content(""), id=f"error-{name}", classes="form--error -empty")

    def _text_field(self, name: str, label: str, text: str) -> ComposeResult:
        yield Static(Content(self.strings(label)), classes="form--label")
        yield TextArea(text, id=f"form-{name}", soft_wrap=True, tab_behavior="focus", compact=True)
        yield self._error(name)

    def _choice(self, index: int, row: ChoiceRow) -> Horizontal:
        placeholder = self.strings("form.new_choice") if not row.text else ""
        return Horizontal(
            RightChoice(Content(""), row.right, id=f"right-{index}", compact=True),
            Input(
                row.text,
                placeholder=placeholder,
                id=f"choice-{index}",
                compact=True,
                select_on_focus=False,
            ),
            classes="form--choice",
        )

    def on_mount(self) -> None:
        self.query_one("#form-prompt", TextArea).focus()

    # --- Values ---------------------------------------------------------------------------------

    @property
    def values(self) -> FormValues:
        v = self.initial

        def text(name: str) -> str:
            return self.query_one(f"#form-{name}", TextArea).text

        changes: dict[str, Any] = {
            "prompt": text("prompt"),
            "explanation": text("explanation"),
            "evidence": text("evidence"),
        }
        skill = self.query_one("#form-skill", Select).value
        changes["skill"] = skill if isinstance(skill, str) else v.skill
        difficulty = self.query_one("#form-difficulty", Select).value
        changes["difficulty"] = difficulty if isinstance(difficulty, str) else v.difficulty
        if self.kind in ("single", "multiple"):
            changes["choices"] = tuple(
                ChoiceRow(
                    self.query_one(f"#choice-{i}", Input).value,
                    self.query_one(f"#right-{i}", Checkbox).value,
                )
                for i in range(self._rows())
            )
            # The blank row offered for a new choice is not a change.
            rows = list(changes["choices"])
            while len(rows) > len(v.choices) and not rows[-1].text.strip():
                rows.pop()
            changes["choices"] = tuple(rows)
        elif self.kind == "true_false":
            truth = self.query_one("#form-truth", Select).value
            changes["truth"] = truth if isinstance(truth, bool) else v.truth
        elif self.kind == "numeric":
            for name in ("number", "tolerance", "unit"):
                changes[name] = self.query_one(f"#form-{name}", Input).value
        elif self.kind == "text":
            changes["answers"] = _lines(text("answers"))
        elif self.kind == "order":
            changes["items"] = _lines(text("items"))
        elif self.kind == "highlight":
            changes["passage"] = text("passage")
            changes["answers"] = _lines(text("answers"))
        return replace(v, **changes)

    def _rows(self) -> int:
        return len(self.query(".form--choice"))

    @on(TextArea.Changed)
    @on(Input.Changed)
    @on(Select.Changed)
    def _field_changed(self, event: Message) -> None:
        event.stop()
        self._grow_choices()
        self.post_message(self.Changed(self.values))

    @on(Checkbox.Changed)
    def _right_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        if self.kind == "single" and event.value:  # one right choice: ticking one unticks the rest
            for box in self.query(Checkbox):
                if box is not event.checkbox and box.value:
                    with box.prevent(Checkbox.Changed):
                        box.value = False
        self.post_message(self.Changed(self.values))

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()

    def _grow_choices(self) -> None:
        """Typing in the blank last row adds a choice: offer another blank row."""
        if self.kind not in ("single", "multiple"):
            return
        rows = self._rows()
        if rows >= MAX_CHOICES or not self.query_one(f"#choice-{rows - 1}", Input).value.strip():
            return
        self.mount(
            self._choice(rows, ChoiceRow("", False)), after=self.query(".form--choice").last()
        )

    # --- Messages -------------------------------------------------------------------------------

    def show_problems(self, problems: FieldProblems | None) -> None:
        """The loader's messages under their fields (those about no field at the top)."""
        by_field = problems.by_field if problems else {}
        for error in self.query(".form--error").results(Static):
            name = (error.id or "").removeprefix("error-")
            messages = by_field.get(name, [])
            if name == "general":  # and those for a field this type of form does not have
                shown_fields = {
                    (e.id or "").removeprefix("error-") for e in self.query(".form--error")
                }
                messages = messages + [
                    m for f, ms in by_field.items() if f not in shown_fields for m in ms
                ]
            error.update(literal("\n".join(messages)))
            error.set_class(not messages, "-empty")
        self.call_after_refresh(self._show_focused_error)

    def _show_focused_error(self) -> None:
        """Keep the message about the field being typed in in sight (a small terminal shows a few
        lines of the form)."""
        focused = self.screen.focused
        if focused is None or focused.id is None:
            return
        name = focused.id.removeprefix("form-")
        if focused.id.startswith(("choice-", "right-")):
            name = "choices"
        errors = self.query(f"#error-{name}")
        if errors and not errors.first().has_class("-empty"):
            self.scroll_to_widget(errors.first(), animate=False)
