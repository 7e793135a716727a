"""Text fields that keep keys in order: Textual's Input and TextArea, for bursts of keys.

Textual inserts a typed character in the field's own key handler, but runs the
field's bound keys (Backspace, Delete, arrows, Home, Ctrl+K...) only once the
key has bubbled up to the app, behind every key queued meanwhile. Typed slowly
that makes no difference; in a burst (a fast typist, ``tmux send-keys``, a
macro) the characters land first and the deletions after them, so text is
lost and reordered. These fields run their own bindings as the key arrives.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea


async def _own_binding(widget: Widget, event: events.Key) -> None:
    """Run ``widget``'s own binding for ``event`` now, if the widget did not take the key.

    Bindings of the screen and the app (Ctrl+S, Esc, F-keys) still bubble as usual.
    """
    if event._stop_propagation:  # typed into the field already
        return
    for binding in widget._bindings.key_to_bindings.get(event.key, ()):
        if binding.priority:
            continue  # the app ran those before the field saw the key
        if await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()
            return


class OrderedInput(Input):
    """An Input whose editing keys take effect in the order they were pressed."""

    async def _on_key(self, event: events.Key) -> None:
        await super()._on_key(event)
        await _own_binding(self, event)


class OrderedTextArea(TextArea):
    """A TextArea whose editing keys take effect in the order they were pressed."""

    async def _on_key(self, event: events.Key) -> None:
        await super()._on_key(event)
        await _own_binding(self, event)
