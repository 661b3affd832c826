"""The key bar at the bottom of every screen: the keys that work here, clickable.

Textual's `Footer` rebuilds a widget per key each time the bindings change (every focus change),
which cost a fifth of a second at start-up; this bar redraws one line of text instead. Clicking a
key presses it, so mouse players reach every action too.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

PALETTE_KEY = "ctrl+p"


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

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def _bindings_changed(self, screen: object) -> None:
        if self.is_attached and screen is self.screen:
            self.update(self.describe_keys())

    def describe_keys(self) -> Content:
        """ " F2 Article  Esc Leave game … ^p palette", each key clickable."""
        shown: list[Binding] = []
        actions: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and enabled and binding.action not in actions:
                actions.add(binding.action)
                shown.append(binding)
        parts: list[Content] = []
        for binding in shown:
            first_key = binding.key.split(",")[0]
            parts.append(self._key(first_key, replace(binding, key=first_key), binding.description))
        if self.app.ENABLE_COMMAND_PALETTE:
            palette = Binding(PALETTE_KEY, "command_palette", "palette")
            parts.append(self._key(PALETTE_KEY, palette, "palette"))
        return Content("  ").join(parts)

    def _key(self, key: str, binding: Binding, description: str) -> Content:
        # The click action is our own fixed text (a key name), never user text.
        click = Style.from_meta({"@click": f"app.simulate_key({key!r})"})
        label = Content.assemble(
            (self.app.get_key_display(binding), "bold"), " ", Content(description)
        )
        return label.stylize(click)
