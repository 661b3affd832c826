"""The review screen's list of questions: each with its state in a word and a symbol (never by
colour alone), its id, type, skill and the generator's confidence; ⚠ marks one `quiz check`
refuses."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quiz.review.session import ReviewItem, ReviewState
from quiz.tui.i18n import Strings

STATE_MARKS = {
    ReviewState.DRAFT: "○",
    ReviewState.ACCEPTED: "✓",
    ReviewState.EDITED: "✎",
    ReviewState.DROPPED: "✗",
    ReviewState.READY: "●",
}


class ReviewList(OptionList):
    """Options carry the question's index in the file as their id."""

    DEFAULT_CSS = """
    ReviewList {
        height: 1fr;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        & > .option-list--option { padding: 0 0; }
    }
    """

    def __init__(self, strings: Strings, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.strings = strings
        self.shown: list[int] = []

    def entry(self, item: ReviewItem, has_errors: bool) -> Content:
        s = self.strings
        state = Content.assemble(
            (
                f"{STATE_MARKS[item.state]} {s(f'review.state.{item.state.value}')}",
                _STYLES[item.state],
            ),
            " ",
            Content(item.id).stylize("bold"),
            (" ⚠", "$text-error bold") if has_errors else "",
        )
        details = []
        if item.confidence is not None and item.state is ReviewState.DRAFT:
            details.append(s.number(item.confidence, 2))
        kind = f"type.{item.kind}"
        details.append(s(kind) if kind in s else item.kind)
        skill = f"skill.{item.skill}"
        details.append(s(skill) if skill in s else item.skill)
        return Content.assemble(state, "\n  ", Content(" · ".join(details)).stylize("$text-muted"))

    def show(
        self, items: Sequence[ReviewItem], errors: set[int], *, keep: int | None = None
    ) -> None:
        """List `items`; the highlight stays on question `keep` if listed, else on the one now at
        the same place (the next one, after a question leaves a filtered list)."""
        place = self.highlighted or 0
        self.shown = [item.index for item in items]
        self.set_options(
            [Option(self.entry(item, item.index in errors), id=str(item.index)) for item in items]
        )
        if not self.shown:
            return
        if keep is not None and keep in self.shown:
            self.highlighted = self.shown.index(keep)
        else:
            self.highlighted = min(place, len(self.shown) - 1)

    @property
    def current(self) -> int | None:
        """The index in the file of the highlighted question."""
        place = self.highlighted
        return self.shown[place] if place is not None and place < len(self.shown) else None


_STYLES = {
    ReviewState.DRAFT: "$text-warning",
    ReviewState.ACCEPTED: "$text-success",
    ReviewState.EDITED: "$text-accent",
    ReviewState.DROPPED: "$text-muted strike",
    ReviewState.READY: "$text-success",
}
