"""The notice that names the set files that did not load, each with its first located error.

Shown on the home screen and in the teacher's view: the other sets are played, and whoever can fix
the files sees which ones and why (`quiz check` on them gives every error). Paths and messages come
from the files: they are cleaned and shown literally.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from quiz.tui.i18n import Strings
from quiz.tui.preload import BrokenSetFile

MAX_LISTED = 5
"""Files named one by one; more are counted, so the notice never hides the sets."""


class BrokenSetsNotice(Static):
    """Hidden when every file loaded."""

    DEFAULT_CSS = """
    BrokenSetsNotice {
        height: auto;
        padding: 0 1;
        margin: 0 1;
        border-left: thick $error;
        color: $text-error;
    }
    """

    def __init__(
        self, strings: Strings, broken: Sequence[BrokenSetFile], *, id: str | None = None
    ) -> None:
        super().__init__(notice(strings, broken), id=id)
        self.strings = strings
        self.show(broken)

    def show(self, broken: Sequence[BrokenSetFile]) -> None:
        self.broken = list(broken)
        self.update(notice(self.strings, broken))
        self.display = bool(broken)


def notice(strings: Strings, broken: Sequence[BrokenSetFile]) -> Content:
    """ "⚠ 2 files could not be loaded…", then one line per file: where, and what is wrong."""
    lines = [Content(strings.count("broken.title", len(broken))).stylize("bold")]
    for file in broken[:MAX_LISTED]:
        line = file.describe()
        if file.errors > 1:
            line += " " + strings.count("broken.more_errors", file.errors - 1)
        lines.append(Content(line))
    if len(broken) > MAX_LISTED:
        lines.append(Content(strings.count("broken.more_files", len(broken) - MAX_LISTED)))
    return Content("\n").join(lines)
