"""The edit form of ``quiz curate``: one question's text, checked as it is typed.

Each change is checked (after a short pause in typing) with the loader's own
rules against the article, and every problem is shown under the field it
belongs to. Save stays disabled until the question passes; the form then
dismisses with the question as the loader read it back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from quiz.bank.curation import (
    GENERAL,
    Check,
    Errors,
    field_label,
    form_fields,
    form_values,
    multiline,
    question_from_form,
)
from quiz.bank.model import Question
from quiz.textsafe import clean
from quiz.tui.dialogs.confirm import ConfirmDialog
from quiz.tui.text import assemble, join, label, literal
from quiz.tui.widgets.fields import OrderedInput, OrderedTextArea

CHECK_DELAY = 0.25  # seconds of quiet typing before a check (each takes a few ms)


class EditScreen(ModalScreen["Question | None"]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, question: Question, check: Callable[[Question], Check]) -> None:
        super().__init__()
        self.question = question
        self._check = check
        self.start_values = form_values(question)
        # Inputs draw their text as it is, escape sequences included: they are given
        # cleaned text, and a field left as shown reads back as the original.
        self.shown_values = {k: clean(v) for k, v in self.start_values.items()}
        self.fields = form_fields(question.type)
        self.result: Question | None = None  # the checked question, while the form is valid
        self.errors: Errors = {}
        self._timer: Timer | None = None
        self._checked: dict[str, str] | None = None  # the values the last check saw

    # -- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        q = self.question
        with Vertical(classes="edit-box"):
            yield Static(label("Edit [b]$id[/b] · $type", id=q.id, type=q.type),
                         classes="edit-title")
            with VerticalScroll(id="edit-fields"):
                quotes = [assemble("“", literal(e.quote), "”") for e in q.evidence]
                yield Label("Evidence (the answer must be readable here)", classes="field-label")
                yield Static(join(quotes), id="edit-evidence")
                for name in self.fields:
                    yield Label(field_label(q.type, name), classes="field-label")
                    yield self._editor(name)
                    yield Static("", id=f"error-{name}", classes="field-error")
                yield Static("", id=f"error-{GENERAL or 'general'}", classes="field-error")
            with Horizontal(classes="edit-buttons"):
                yield Button("Save  ^S", id="save", variant="primary", disabled=True)
                yield Button("Cancel  Esc", id="cancel")

    def _editor(self, name: str):
        value = self.shown_values[name]
        wid = f"field-{name}"
        if name == "answer" and self.question.type == "truefalse":
            return Select([("true", "true"), ("false", "false")], value=value,
                          allow_blank=False, id=wid)
        if multiline(self.question.type, name):
            return OrderedTextArea(value, id=wid, soft_wrap=True, tab_behavior="focus")
        # Not select-on-focus: a curator mostly fixes a word, and one key would wipe the field.
        return OrderedInput(value, id=wid, select_on_focus=False)

    def on_mount(self) -> None:
        for area in self.query(TextArea):
            area.move_cursor(area.document.end)  # like an input: ready to add at the end
        self.query_one(f"#field-{self.fields[0]}").focus()
        self.validate()

    # -- reading and checking ----------------------------------------------------

    def values(self) -> dict[str, str]:
        out = {}
        for name in self.fields:
            widget = self.query_one(f"#field-{name}")
            if isinstance(widget, TextArea):
                text = widget.text
            elif isinstance(widget, Select):
                text = str(widget.value)
            else:
                text = self.query_one(f"#field-{name}", Input).value
            out[name] = self.start_values[name] if text == self.shown_values[name] else text
        return out

    @property
    def changed(self) -> bool:
        return any(self.start_values[k] != v for k, v in self.values().items())

    def on_input_changed(self, event: Input.Changed) -> None:
        self._schedule()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._schedule()

    def on_select_changed(self, event: Select.Changed) -> None:
        self._schedule()

    def _schedule(self) -> None:
        if self.values() == self._checked:
            return  # (widgets also report their first value as a change)
        # Until the check has run, the form may be invalid: Save waits for it.
        self.query_one("#save", Button).disabled = True
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(CHECK_DELAY, self.validate)

    def validate(self) -> bool:
        """Check the form now; show the errors; True if it can be saved."""
        self._timer = None
        self._checked = self.values()
        edited, errors = question_from_form(self.question, self._checked)
        check = self._check(edited)
        for name, messages in check.errors.items():
            errors.setdefault(name if name in self.fields else GENERAL, []).extend(messages)
        self.errors = errors
        self.result = check.question if not errors else None
        for name in (*self.fields, GENERAL):
            box = self.query_one(f"#error-{name or 'general'}", Static)
            messages = errors.get(name, [])
            box.update(join(literal(f"✗ {m}") for m in messages))
            box.display = bool(messages)
            if name:
                self.query_one(f"#field-{name}").set_class(bool(messages), "-invalid")
        self.query_one("#save", Button).disabled = self.result is None
        return self.result is not None

    # -- leaving ------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()  # Enter moves on, like a paper form; Ctrl+S saves

    def action_save(self) -> None:
        if self.validate() and self.result is not None:
            self.dismiss(self.result)
        else:
            self.notify("Fix the marked fields first.", severity="warning", markup=False)

    def action_cancel(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog("Discard your edits to this question?",
                                           yes="Discard", no="Keep editing"), answered)
