"""How the class answered a live question: a bar per choice (the right one marked `✓ right`), or
per outcome for the other types. Counts are written out and the right answer is marked in words,
so nothing depends on colour; choice texts are shown literally."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from quiz.core.live_protocol import Bar
from quiz.core.text import clean_name
from quiz.tui.i18n import Strings
from quiz.tui.widgets.answer_list import LETTERS

BAR_WIDTH = 30


class Distribution(Static):
    DEFAULT_CSS = """
    Distribution { height: auto; }
    """

    def __init__(self, strings: Strings, *, id: str | None = None) -> None:
        super().__init__(Content(""), id=id)
        self.strings = strings

    def show(self, bars: Sequence[Bar]) -> None:
        self.update(self.describe(bars))

    def describe(self, bars: Sequence[Bar]) -> Content:
        s = self.strings
        most = max((bar.count for bar in bars), default=0) or 1
        labels = [  # a choice's text may come from the network: cleaned, shown literally
            s(f"bars.outcome.{bar.outcome}")
            if bar.outcome
            else f"{LETTERS[p]}. {clean_name(bar.label, max_length=200)}"
            for p, bar in enumerate(bars)
        ]
        width = min(max((len(label) for label in labels), default=0), 40)
        lines = []
        for bar, label in zip(bars, labels, strict=True):
            filled = round(BAR_WIDTH * bar.count / most)
            shown = label if len(label) <= width else label[: width - 1] + "…"
            line = Content.assemble(
                Content(shown.ljust(width)),
                " ",
                ("█" * filled + "░" * (BAR_WIDTH - filled), "bold" if bar.right else ""),
                f" {bar.count}",
            )
            if bar.right and not bar.outcome:
                line = Content.assemble(line, "  ", (s("bars.right"), "bold"))
            lines.append(line.stylize("bold") if bar.right else line)
        return Content("\n").join(lines)
