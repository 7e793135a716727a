"""One answer widget per question type.

Each widget turns key presses and clicks into a candidate answer and posts
:class:`AnswerGiven` up to the question screen; it never judges the answer
(the session does). ``value()`` gives what would be submitted now, so the
screen's Submit button works for every type.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from quiz.textsafe import clean
from quiz.tui.text import assemble, literal
from quiz.tui.widgets.fields import OrderedInput

NUMBER_KEYS = "123456789"
LETTER_KEYS = "abcdefg"  # stops before h (hint); q, s and w stay free too


class AnswerGiven(Message):
    """The player submitted ``value`` (in the form ``PlaySession.answer`` takes)."""

    def __init__(self, value: Any) -> None:
        super().__init__()
        self.value = value


def option_label(index: int, text: str, key: str | None = None) -> Content:
    """ ``1  text``: a key the player can press, then the option text, literally."""
    shown = key if key is not None else (NUMBER_KEYS[index] if index < 9 else " ")
    return assemble((f"{shown} ", "bold"), " ", literal(text))


def shortcut_index(key: str, count: int, letters: bool = True) -> int | None:
    """The option a key press names (``1``-``9``, or ``a``-``g``), if any."""
    if key in NUMBER_KEYS and int(key) <= count:
        return int(key) - 1
    if letters and len(key) == 1 and key in LETTER_KEYS and LETTER_KEYS.index(key) < count:
        return LETTER_KEYS.index(key)
    return None


class AnswerWidget(Vertical):
    """Base for the six answer widgets."""

    def value(self) -> Any:
        """The answer as it stands; None if there is nothing to submit yet."""
        raise NotImplementedError

    def shortcut(self, key: str) -> bool:
        """Handle a key the screen passes down (``1``, ``a``, ``t``...); True if used."""
        return False

    def submit(self) -> None:
        value = self.value()
        if value is not None:
            self.post_message(AnswerGiven(value))

    def focus_first(self) -> None:
        self.query(".answer-input").first().focus()


class _Options(OptionList):
    """An option list whose Enter (and click) submits the highlighted option."""


class _PickOne(AnswerWidget):
    """One option, answered at once by its key, or by arrows and Enter."""

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.submit()

    @property
    def picked(self) -> int | None:
        return self.query_one(_Options).highlighted

    def key_index(self, key: str) -> int | None:
        """The option ``key`` names, if any."""
        raise NotImplementedError

    def shortcut(self, key: str) -> bool:
        index = self.key_index(key)
        if index is None:
            return False
        self.query_one(_Options).highlighted = index
        self.submit()
        return True


class ChoiceAnswer(_PickOne):
    """One of several options: ``1``-``9`` or ``a``-``g`` answer at once, arrows + Enter too."""

    def __init__(self, options: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.options = options

    def compose(self) -> ComposeResult:
        yield _Options(
            *(Option(option_label(i, text), id=f"opt-{i}") for i, text in enumerate(self.options)),
            classes="answer-input", id="choices",
        )

    def value(self) -> str | None:
        return None if self.picked is None else self.options[self.picked]

    def key_index(self, key: str) -> int | None:
        return shortcut_index(key, len(self.options))


class TrueFalseAnswer(_PickOne):
    """True or false: ``t``/``f`` (or ``1``/``2``) answer at once."""

    def compose(self) -> ComposeResult:
        yield _Options(
            Option(option_label(0, "True", "t"), id="opt-true"),
            Option(option_label(1, "False", "f"), id="opt-false"),
            classes="answer-input", id="choices",
        )

    def value(self) -> bool | None:
        return None if self.picked is None else self.picked == 0

    def key_index(self, key: str) -> int | None:
        return {"t": 0, "f": 1, "1": 0, "2": 1}.get(key)


def _submit_around(child: Widget) -> None:
    """Enter in a list whose Enter means "submit" (not toggle, not pick): submit the answer."""
    if isinstance(child.parent, AnswerWidget):
        child.parent.submit()


# Ticked and unticked differ in shape, not only in colour (NO_COLOR, monochrome terminals).
TICKED, UNTICKED = "[x]", "[ ]"
# The order item being moved carries a marker; the others a blank of the same width.
PICKED, UNPICKED = "▶ ", "  "


class _Toggles(OptionList):
    """Options with a tick box each: Space (or a click) toggles, Enter submits.

    An option list, not a ``SelectionList``: its prompts wrap, so a long option
    is shown whole, and the box is part of the prompt, drawn as text.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_pick", "Toggle", show=False),
        Binding("enter", "submit_answer", "Submit", show=False),
    ]

    def action_toggle_pick(self) -> None:
        if self.highlighted is not None and isinstance(self.parent, MultiAnswer):
            self.parent.toggle(self.highlighted)

    def action_submit_answer(self) -> None:
        _submit_around(self)


class MultiAnswer(AnswerWidget):
    """Several options: ``1``-``9``/``a``-``g`` or Space toggle, Enter submits."""

    def __init__(self, options: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.options = options
        self.selected: set[int] = set()

    def _prompt(self, i: int) -> Content:
        box = TICKED if i in self.selected else UNTICKED
        return assemble((box, "bold"), " ", option_label(i, self.options[i]))

    def compose(self) -> ComposeResult:
        yield _Toggles(*(Option(self._prompt(i), id=f"opt-{i}") for i in range(len(self.options))),
                       classes="answer-input", id="toggles")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # A click (Enter is bound to submit): toggle the option clicked.
        event.stop()
        self.toggle(event.option_index)

    def toggle(self, index: int) -> None:
        self.selected ^= {index}
        self.query_one(_Toggles).replace_option_prompt_at_index(index, self._prompt(index))

    def value(self) -> list[str] | None:
        return [self.options[i] for i in sorted(self.selected)]

    def shortcut(self, key: str) -> bool:
        index = shortcut_index(key, len(self.options))
        if index is None:
            return False
        self.query_one(_Toggles).highlighted = index
        self.toggle(index)
        return True


class TypedAnswer(AnswerWidget):
    """A typed answer (text or number); Enter submits."""

    def __init__(self, placeholder: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        # The placeholder may hold bank text (a unit, cleaned): Input shows it as plain text.
        # Ordered: a fast typist's backspaces must not land after the letters typed next.
        yield OrderedInput(placeholder=self.placeholder, classes="answer-input", id="typed",
                           max_length=500)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def value(self) -> str | None:
        text = self.query_one(Input).value
        return text if text.strip() else None

    def clear(self) -> None:
        self.query_one(Input).value = ""


class _OrderList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("shift+up,ctrl+up,u", "move(-1)", "Move up", show=False),
        Binding("shift+down,ctrl+down,d", "move(1)", "Move down", show=False),
        Binding("enter", "submit_answer", "Submit", show=False),
    ]

    def action_move(self, step: int) -> None:
        parent = self.parent
        if isinstance(parent, OrderAnswer):
            parent.move(step)

    def action_submit_answer(self) -> None:
        _submit_around(self)


class OrderAnswer(AnswerWidget):
    """Items to put in order: arrows pick one, ``u``/``d`` (or Shift+arrows) move it."""

    def __init__(self, items: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.items = list(items)

    def compose(self) -> ComposeResult:
        yield _OrderList(*self._options(0), classes="answer-input", id="order")

    def _prompt(self, i: int, picked: bool) -> Content:
        mark = PICKED if picked else UNPICKED
        key = str(i + 1) if i < 9 else " "
        return assemble((mark, "bold"), option_label(i, self.items[i], key))

    def _options(self, picked: int | None = None) -> list[Option]:
        return [Option(self._prompt(i, i == picked)) for i in range(len(self.items))]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # The marker follows the highlight, so the item that u/d moves shows without colour.
        event.stop()
        ol = self.query_one(_OrderList)
        for i in range(len(self.items)):
            ol.replace_option_prompt_at_index(i, self._prompt(i, i == event.option_index))

    def move(self, step: int) -> None:
        """Move the highlighted item ``step`` places, keeping it highlighted."""
        ol = self.query_one(_OrderList)
        i = ol.highlighted
        if i is None:
            return
        j = i + step
        if not 0 <= j < len(self.items):
            return
        self.items[i], self.items[j] = self.items[j], self.items[i]
        ol.set_options(self._options(j))
        ol.highlighted = j

    def value(self) -> list[str]:
        return list(self.items)

    def shortcut(self, key: str) -> bool:
        index = shortcut_index(key, len(self.items), letters=False)
        if index is None:
            return False
        self.query_one(_OrderList).highlighted = index
        return True


def answer_widget(qtype: str, options: list[str], unit: str | None) -> AnswerWidget:
    """The widget for a question of ``qtype`` (options as the session orders them)."""
    if qtype == "choice":
        return ChoiceAnswer(options, id="answer")
    if qtype == "truefalse":
        return TrueFalseAnswer(id="answer")
    if qtype == "multi":
        return MultiAnswer(options, id="answer")
    if qtype == "order":
        return OrderAnswer(options, id="answer")
    if qtype == "number":
        hint = f"a number, in {clean(unit)}" if unit else "a number"
        return TypedAnswer(f"Type {hint}, then Enter", id="answer")
    return TypedAnswer("Type your answer, then Enter", id="answer")
