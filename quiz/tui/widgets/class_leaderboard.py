"""The class's best scores on the set just played, with the player's rank: the results screen's
leaderboard. It reads the results store once this game's answers are written, without blocking the
screen, and shows every name literally (player names are user text)."""

from __future__ import annotations

from rich.cells import cell_len
from textual import work
from textual.content import Content
from textual.widgets import Static

from quiz.core.session import GameResult
from quiz.core.text import clean_name
from quiz.tui.display import pad
from quiz.tui.i18n import Strings
from quiz.tui.store_sink import Standing, StoreSink, top_rows_with_player


class ClassLeaderboard(Static):
    DEFAULT_CSS = """
    ClassLeaderboard { height: auto; margin: 1 0 0 0; }
    """

    def __init__(self, strings: Strings, sink: StoreSink, result: GameResult) -> None:
        super().__init__(Content(strings("board.loading")), id="class-leaderboard")
        self.strings = strings
        self.sink = sink
        self.result = result
        self.standing: Standing | None = None
        self.loaded = False

    def on_mount(self) -> None:
        self._load()

    @work(group="class-leaderboard", exclusive=True)
    async def _load(self) -> None:
        self.standing = await self.sink.standing(self.result)
        self.update(self.render_standing())
        self.loaded = True  # set once the standing is on screen: tests and callers wait for it

    def render_standing(self) -> Content:
        s = self.strings
        result = self.result
        title = (
            s("board.title", class_name=result.class_name)
            if result.class_name
            else s("board.title_no_class")
        )
        heading = Content(title).stylize("bold")
        standing = self.standing
        if standing is not None and standing.answers_waiting is not None:
            # Says what the database holds: this game is not there whole, so it is not ranked.
            total = result.question_count
            saved = s("board.not_saved", saved=total - standing.answers_waiting, total=total)
            return Content.assemble(heading, "\n", Content(saved))
        if standing is None or standing.own is None:
            return Content.assemble(heading, "\n", Content(s("board.unavailable")))
        own = standing.own
        rank_key = (
            "board.rank" if own.attempt_id == self.sink.last_attempt_id else "board.rank_best"
        )
        rank_line = Content(s(rank_key, rank=own.rank, players=standing.players)).stylize("bold")
        header = (
            "",
            s("board.rank_column"),
            s("board.player_column"),
            s("board.score_column"),
            s("board.correct_column"),
            s("board.time_column"),
        )
        rows = [
            (
                "▶" if row is own else "",
                str(row.rank),
                clean_name(row.player),  # read from the database, a file: cleaned again
                str(row.score),
                f"{row.correct}/{row.questions}",
                s.number(row.total_time, 1),
                s("board.you") if row is own else "",
            )
            for row in top_rows_with_player(standing)
        ]
        widths = [max(cell_len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        right_aligned = {1, 3, 4, 5}

        def line(cells: tuple[str, ...]) -> str:
            padded = [
                pad(cell, widths[i], right=i in right_aligned)
                for i, cell in enumerate(cells[: len(header)])
            ]
            return "  ".join(padded + list(cells[len(header) :])).rstrip()

        lines = [Content(line(header)).stylize("bold")]
        for cells, row in zip(rows, top_rows_with_player(standing), strict=True):
            text = Content(line(cells))  # user text: never markup
            lines.append(text.stylize("bold") if row is own else text)
        return Content("\n").join([heading, rank_line, *lines])
