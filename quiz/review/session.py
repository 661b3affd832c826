"""Reviewing a draft set: each question accepted, edited or dropped, undoable, checked live by the
loader itself, and saved as one new text of the file.

`ReviewSession` keeps the decisions apart from the file: the text to save is always made from the
text as opened plus the decisions (`render`), so undo is only forgetting a decision, and a live
check is the same rendering with the form's values in (`check`). Accepted and edited questions
lose their `draft:` block, dropped ones are removed, untouched drafts stay drafts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from quiz.core.diagnostics import Diagnostic, Severity
from quiz.review import splice
from quiz.review.form import QUESTION_KEY_ORDER, FieldProblems, field_of
from quiz.review.set_file import SetFile

if TYPE_CHECKING:
    from quiz.core.models import QuestionSet


class ReviewState(StrEnum):
    DRAFT = "draft"
    """Still marked `draft:`: not played until reviewed."""
    ACCEPTED = "accepted"
    EDITED = "edited"
    DROPPED = "dropped"
    READY = "ready"
    """Not a draft in the file: reviewed before."""


@dataclass
class ReviewItem:
    """One question of the file, its decision and its data as it will be saved."""

    index: int
    original: dict[str, Any]
    state: ReviewState
    data: dict[str, Any]

    @property
    def initial_state(self) -> ReviewState:
        return ReviewState.DRAFT if _is_draft(self.original) else ReviewState.READY

    @property
    def id(self) -> str:
        return str(self.original.get("id", f"#{self.index + 1}"))

    @property
    def kind(self) -> str:
        return str(self.data.get("type", ""))

    @property
    def skill(self) -> str:
        return str(self.data.get("skill", ""))

    @property
    def confidence(self) -> float | None:
        draft = self.original.get("draft")
        value = draft.get("confidence") if isinstance(draft, dict) else None
        return float(value) if isinstance(value, int | float) else None

    @property
    def passage(self) -> str | None:
        draft = self.original.get("draft")
        value = draft.get("passage") if isinstance(draft, dict) else None
        return str(value) if value is not None else None

    @property
    def is_draft(self) -> bool:
        return self.state is ReviewState.DRAFT


def _is_draft(question: dict[str, Any]) -> bool:
    return question.get("draft") is not None


def _without_draft(question: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in question.items() if k != "draft"}


@dataclass
class CheckResult:
    """What the loader says of the text as it would be saved."""

    diagnostics: list[Diagnostic]
    question_set: QuestionSet | None
    problems: dict[int, FieldProblems] = field(default_factory=dict)
    """The errors of each question (by its index in the file), by form field."""
    elsewhere: list[Diagnostic] = field(default_factory=list)
    """Errors that belong to no question (the set's header)."""

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]


@dataclass(frozen=True)
class _Undo:
    index: int
    state: ReviewState
    data: dict[str, Any]


@dataclass(frozen=True)
class PendingCheck:
    """The text as it would be saved, and which question of the file each saved one is."""

    text: str
    path: Path
    saved: list[int]
    """The file index of each question in `text`, in order (dropped ones are not there)."""
    kinds: dict[int, Any]

    def run(self) -> CheckResult:
        """The loader's verdict on the text, its errors sorted by question and form field: the
        messages are the loader's own, as `quiz check` prints them."""
        from quiz.core.diagnostics import QuestionSetError
        from quiz.core.loader import parse_question_set

        try:
            question_set = parse_question_set(self.text, str(self.path), self.path.parent)
        except QuestionSetError as error:
            result = CheckResult(error.diagnostics, None)
            self._sort_problems(result)
            return result
        return CheckResult([], question_set)

    def _sort_problems(self, result: CheckResult) -> None:
        """Which question, and which key of it, each error's line falls in."""
        doc = splice.Text(self.text)
        try:
            root = splice.compose(self.text)
        except yaml.YAMLError:
            root = None
        found = splice.entry(root, "questions") if isinstance(root, yaml.MappingNode) else None
        sequence = found[1] if found else None
        # (first line, question index, key) of every key of every question, in text order.
        starts: list[tuple[int, int, str | None]] = []
        end_line = -1
        if isinstance(sequence, yaml.SequenceNode) and not sequence.flow_style:
            for position, node in enumerate(sequence.value):
                if position >= len(self.saved) or not isinstance(node, yaml.MappingNode):
                    continue
                index = self.saved[position]
                starts.append((doc.line_of(doc.dash(node)), index, None))
                starts.extend((key.start_mark.line, index, str(key.value)) for key, _ in node.value)
            if sequence.value:
                end_line = doc.line_of(doc.content_end(sequence))
        starts.sort(key=lambda start: start[0])
        for diagnostic in result.errors:
            line = diagnostic.line - 1
            owner = None
            for start in starts:
                if start[0] > line:
                    break
                owner = start
            if owner is None or line > end_line:
                result.elsewhere.append(diagnostic)
                continue
            index, key = owner[1], owner[2]
            result.problems.setdefault(index, FieldProblems()).add(
                field_of(self.kinds.get(index), key), _described(diagnostic)
            )


class ReviewSession:
    """The decisions taken on one set file, with undo, live checks and saving."""

    def __init__(self, set_file: SetFile) -> None:
        self._start(set_file)

    def _start(self, set_file: SetFile) -> None:
        self.file = set_file
        self.items = [
            ReviewItem(
                i,
                question,
                ReviewState.DRAFT if _is_draft(question) else ReviewState.READY,
                question,
            )
            for i, question in enumerate(set_file.questions)
        ]
        self._undo: list[_Undo] = []

    @classmethod
    def open(cls, path: Path) -> ReviewSession:
        return cls(SetFile.open(path))

    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def dirty(self) -> bool:
        return any(
            item.state is not item.initial_state or item.data is not item.original
            for item in self.items
        )

    def counts(self) -> dict[ReviewState, int]:
        counted = dict.fromkeys(ReviewState, 0)
        for item in self.items:
            counted[item.state] += 1
        return counted

    # --- Decisions ------------------------------------------------------------------------------

    def _remember(self, index: int) -> None:
        item = self.items[index]
        self._undo.append(_Undo(index, item.state, item.data))

    def accept(self, index: int) -> bool:
        """Keep a question as it is, without its `draft:` block; False when nothing changes."""
        item = self.items[index]
        if item.state in (ReviewState.ACCEPTED, ReviewState.EDITED, ReviewState.READY):
            return False
        self._remember(index)
        if item.state is ReviewState.DROPPED and item.data is not item.original:
            item.state = ReviewState.EDITED
        else:
            item.state = ReviewState.ACCEPTED
            item.data = _without_draft(item.original)
        return True

    def drop(self, index: int) -> bool:
        item = self.items[index]
        if item.state is ReviewState.DROPPED:
            return False
        self._remember(index)
        item.state = ReviewState.DROPPED
        return True

    def edit(self, index: int, data: dict[str, Any]) -> bool:
        """Replace a question's data (what the form made); it is then reviewed: no `draft:`."""
        item = self.items[index]
        new = _without_draft(data)
        if new == item.data and item.state in (ReviewState.EDITED, ReviewState.ACCEPTED):
            return False
        if new == _without_draft(item.original) and item.state is not ReviewState.DROPPED:
            if item.state is ReviewState.READY:
                return False
            return self.accept(index)
        self._remember(index)
        item.data = new
        item.state = ReviewState.EDITED
        return True

    def undo(self) -> int | None:
        """Forget the last decision; the index of the question it was about, None if none."""
        if not self._undo:
            return None
        last = self._undo.pop()
        item = self.items[last.index]
        item.state, item.data = last.state, last.data
        return last.index

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    # --- The text to save -----------------------------------------------------------------------

    def render(self, candidate: tuple[int, dict[str, Any]] | None = None) -> str:
        """The file's text with every decision made (and `candidate`: a question's data being
        edited, as if saved)."""
        doc = self.file.doc
        nodes = self.file.questions_node.value
        splices: list[splice.Splice] = []
        kept = 0
        for item, node in zip(self.items, nodes, strict=True):
            state, data = item.state, item.data
            if candidate is not None and candidate[0] == item.index:
                state, data = ReviewState.EDITED, _without_draft(candidate[1])
            if state is ReviewState.DROPPED:
                continue
            kept += 1
            if data is not item.original:
                splices.extend(
                    splice.patch_mapping(doc, node, item.original, data, QUESTION_KEY_ORDER)
                )
        if kept == 0:  # every question dropped: an empty list, which the loader refuses
            splices = [
                splice.replace_value(doc, self.file.questions_key, self.file.questions_node, [])
            ]
        else:
            splices.extend(
                splice.delete_item(doc, self.file.questions_node, item.index)
                for item in self.items
                if item.state is ReviewState.DROPPED
                and not (candidate is not None and candidate[0] == item.index)
            )
        return splice.apply(self.file.text, splices)

    def check(self, candidate: tuple[int, dict[str, Any]] | None = None) -> CheckResult:
        """Run the loader on the text as it would be saved (see `PendingCheck`)."""
        return self.prepare_check(candidate).run()

    def prepare_check(self, candidate: tuple[int, dict[str, Any]] | None = None) -> PendingCheck:
        """Everything a check needs, taken now: it can then run in another thread while the
        decisions go on changing."""
        saved = [
            item.index
            for item in self.items
            if item.state is not ReviewState.DROPPED
            or (candidate is not None and candidate[0] == item.index)
        ]
        kinds = {item.index: item.data.get("type") for item in self.items}
        if candidate is not None:
            kinds[candidate[0]] = candidate[1].get("type")
        return PendingCheck(self.render(candidate), self.file.path, saved, kinds)

    # --- Saving ---------------------------------------------------------------------------------

    def save(self) -> None:
        """Write the decisions to the file (atomic, refused if it changed on disk), then go on
        from the saved text: every decision is now the file's, and undo starts afresh."""
        text = self.render()
        self.file.save(text)
        self._start(SetFile.parse(self.file.path, text, bom=self.file.bom))

    def reload(self) -> None:
        """Read the file again (after it was edited elsewhere); decisions not saved are lost."""
        self._start(SetFile.open(self.file.path))


def _described(diagnostic: Diagnostic) -> str:
    """A diagnostic as `quiz check` prints it, with the file's name instead of its whole path."""
    shown = Diagnostic(
        Path(diagnostic.path).name,
        diagnostic.line,
        diagnostic.column,
        diagnostic.severity,
        diagnostic.message,
        diagnostic.hint,
        diagnostic.code,
    )
    return str(shown)
