"""The home screen: every question set with its title, language, source, size and skills.

Typing filters the list (by title, source, language or skill); Enter opens the highlighted set;
F2 reads its article first. Set files that did not load are named above the list, each with its
first error.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from quiz.core.text import clean_text
from quiz.tui.display import source_line
from quiz.tui.i18n import Strings
from quiz.tui.preload import BrokenSetFile, SetEntry, SetSummary
from quiz.tui.screens.base import QuizScreen
from quiz.tui.widgets.broken_sets import BrokenSetsNotice
from quiz.tui.widgets.key_bar import KeyBar

LANGUAGE_NAMES = {
    "en": {"fr": "French", "en": "English", "es": "Spanish", "de": "German", "it": "Italian"},
    "fr": {"fr": "français", "en": "anglais", "es": "espagnol", "de": "allemand", "it": "italien"},
}


MAX_LISTED = 100
"""Sets listed at once: each entry is wrapped to the screen's width, so a library of hundreds
would cost the home screen about a millisecond per set; the filter finds the rest."""


class SetList(OptionList):
    """The sets as three-line entries; a printable key starts filtering."""

    class TypedWhileListed(Message):
        def __init__(self, character: str) -> None:
            super().__init__()
            self.character = character

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isprintable() and event.character not in " ?":
            event.stop()
            event.prevent_default()
            self.post_message(self.TypedWhileListed(event.character))


class HomeScreen(QuizScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "read_article", "key.article", id="home.article"),
        Binding("ctrl+f", "focus_filter", "key.filter", id="home.filter"),
        Binding("escape", "clear_filter", show=False, id="home.clear_filter"),
    ]

    def __init__(
        self,
        strings: Strings,
        entries: Sequence[SetEntry],
        broken: Sequence[BrokenSetFile] = (),
        *,
        include_drafts: bool = False,
    ) -> None:
        super().__init__(strings)
        self.entries = list(entries)
        self.include_drafts = include_drafts
        self.shown: list[SetEntry] = list(entries)
        self.broken = list(broken)

    def compose(self) -> ComposeResult:
        s = self.strings
        yield Static(Content(s("home.title")), id="home-title", classes="screen-title")
        yield BrokenSetsNotice(s, self.broken, id="home-broken")
        # No select-all on focus: the first letter typed on the list is already in the field when
        # it gets the focus, and selecting it would make the next letter replace it.
        yield Input(placeholder=s("home.filter"), id="filter", compact=True, select_on_focus=False)
        yield SetList(id="sets")
        yield Static(Content(""), id="home-status", classes="status")
        yield Static(Content(s("home.hint")), classes="hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#sets", SetList).focus()

    def show_sets(self, entries: Sequence[SetEntry], broken: Sequence[BrokenSetFile]) -> None:
        """The sets once checked in full: broken files leave the list and join the notice."""
        self.entries, self.broken = list(entries), list(broken)
        self.query_one("#home-broken", BrokenSetsNotice).show(broken)
        self._fill(self.query_one("#filter", Input).value)

    def _describe(self, question_set: SetSummary) -> Content:
        s = self.strings
        language = LANGUAGE_NAMES[s.language].get(question_set.language, question_set.language)
        details = " · ".join(
            [
                s("home.language", language=language),
                source_line(question_set, s),
                s.count("home.questions", question_set.question_count),
            ]
            + ([s("home.article")] if question_set.has_article_text else [])
            + self._drafts(question_set)
        )
        skills = ", ".join(s.skill(skill) for skill in question_set.skills)
        return Content.assemble(
            Content(question_set.title).stylize("bold"),
            "\n",
            Content(details).stylize("$text-muted"),
            "\n",
            Content(skills).stylize("italic"),
        )

    def _drafts(self, question_set: SetSummary) -> list[str]:
        """How many questions are drafts: left out of the game unless drafts are included."""
        s, drafts = self.strings, question_set.draft_count
        if not drafts:
            return []
        if self.include_drafts:
            return [s.count("home.drafts_included", drafts)]
        if drafts == question_set.question_count:
            return [s("home.only_drafts")]
        return [s.count("home.drafts_left_out", drafts)]

    def _searchable(self, question_set: SetSummary) -> str:
        s = self.strings
        words = [
            question_set.title,
            question_set.language,
            LANGUAGE_NAMES[s.language].get(question_set.language, ""),
            question_set.description or "",
            source_line(question_set, s),
            question_set.headline,
            *(s.skill(skill) for skill in question_set.skills),
        ]
        return " ".join(words).casefold()

    def _fill(self, query: str) -> None:
        wanted = query.casefold().split()
        self.shown = [
            e for e in self.entries if all(w in self._searchable(e.summary) for w in wanted)
        ]
        matches = len(self.shown)
        self.shown = self.shown[:MAX_LISTED]
        sets = self.query_one("#sets", SetList)
        options: list[Option | None] = []
        for entry in self.shown:
            options += [Option(self._describe(entry.summary)), None]  # None: a dividing rule
        sets.set_options(options[:-1])
        if self.shown:
            sets.highlighted = 0
        if matches > MAX_LISTED:
            self.say(self.strings("home.more", shown=MAX_LISTED, total=matches))
            return
        status = "" if self.shown else "home.none" if self.entries else "home.empty"
        self.say(self.strings(status) if status else "")

    def say(self, text: str) -> None:
        """A line under the list: no match, or why a set could not be opened (shown literally)."""
        self.query_one("#home-status", Static).update(Content(clean_text(text)))

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        if self.shown:
            self.quiz.open_set(self.shown[self.query_one("#sets", SetList).highlighted or 0])

    @on(SetList.TypedWhileListed)
    def _typed(self, event: SetList.TypedWhileListed) -> None:
        search = self.query_one("#filter", Input)
        search.focus()
        search.insert_text_at_cursor(event.character)

    def on_key(self, event: events.Key) -> None:
        """↑↓ in the filter move through the list, so typing and choosing need no Tab."""
        search = self.query_one("#filter", Input)
        if search.has_focus and event.key in ("up", "down"):
            sets = self.query_one("#sets", SetList)
            sets.focus()
            if event.key == "down":
                sets.action_cursor_down()
            event.stop()

    @on(OptionList.OptionSelected, "#sets")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.quiz.open_set(self.shown[event.option_index])

    def _highlighted_set(self) -> SetEntry | None:
        index = self.query_one("#sets", SetList).highlighted
        return self.shown[index] if index is not None and index < len(self.shown) else None

    def action_read_article(self) -> None:
        self.quiz.read_article(self._highlighted_set())

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        search = self.query_one("#filter", Input)
        if search.value:
            search.value = ""
        self.query_one("#sets", SetList).focus()
