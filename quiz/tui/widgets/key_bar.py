"""The key bar at the bottom of every screen: the keys that work here, clickable.

Textual's `Footer` rebuilds a widget per key each time the bindings change (every focus change),
which cost a fifth of a second at start-up; this bar redraws one line of text, and only when the
keys change. Clicking a key presses it, so mouse players reach every action too.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

PALETTE_KEY = "ctrl+p"
SEPARATOR = "  "


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        background: $footer-background;
        color: $footer-foreground;
        padding: 0 1;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, str]] = []  # (start, end, key) of each entry
        self._shown: tuple[tuple[str, str], ...] = ()

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def _bindings_changed(self, screen: object) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        entries = self.entries()
        if entries != self._shown:  # bindings change on every focus move; the keys rarely do
            self._shown = entries
            self.update(self._describe(entries))

    def entries(self) -> tuple[tuple[str, str], ...]:
        """(key, description) of each key shown: this screen's, then the app's, then the palette."""
        shown: list[tuple[str, str]] = []
        actions: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and enabled and binding.action not in actions:
                actions.add(binding.action)
                shown.append((binding.key.split(",")[0], binding.description))
        if self.app.ENABLE_COMMAND_PALETTE:
            shown.append((PALETTE_KEY, "palette"))
        return tuple(shown)

    def _describe(self, entries: tuple[tuple[str, str], ...]) -> Content:
        """ " f2 Article  esc Leave game … ^p palette", remembering where each key is drawn."""
        parts: list[Content] = []
        self._spans = []
        offset = 0
        for key, description in entries:
            display = self.app.get_key_display(Binding(key, ""))
            part = Content.assemble((display, "bold"), " ", Content(description))
            # In cells, as clicks are: a label's characters may be wider (or narrower) than one.
            self._spans.append((offset, offset + part.cell_length, key))
            parts.append(part)
            offset += part.cell_length + cell_len(SEPARATOR)
        return Content(SEPARATOR).join(parts)

    def on_click(self, event: events.Click) -> None:
        """A click on a key presses it."""
        x = event.x - self.styles.padding.left
        for start, end, key in self._spans:
            if start <= x < end:
                self.app.simulate_key(key)
                return
