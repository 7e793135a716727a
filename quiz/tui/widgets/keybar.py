"""The footer of key bindings, rebuilt only when what it shows changes."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's footer, without the rebuilds that change nothing.

    The stock footer removes and remounts every key each time the screen says its
    bindings may have changed (a focus move, a mount, a screen switch): at start-up
    that is several rebuilds of the same keys, most of the picker's first-screen
    cost. Here the keys are rebuilt only when their text or state differs.
    """

    _shown: tuple[tuple[str, str, str, bool, str], ...] | None = None

    def bindings_changed(self, screen: Screen) -> None:
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            super().bindings_changed(screen)
            return
        shown = tuple((binding.key, self.app.get_key_display(binding), binding.description,
                       enabled, tooltip)
                      for _node, binding, enabled, tooltip in screen.active_bindings.values()
                      if binding.show)
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)
