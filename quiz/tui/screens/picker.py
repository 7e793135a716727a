"""The home screen: pick a bank (bundled, ./questions, and folders given with -b)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from quiz.textsafe import clean
from quiz.tui.text import assemble, join, literal, truncate

if TYPE_CHECKING:
    from quiz.catalog import BankEntry

ORIGIN_WORDS = {"bundled": "bundled", "local": "./questions", "extra": "added"}


def entry_label(e: BankEntry):
    """Two lines: the title, then how many questions and where the bank comes from."""
    where = ORIGIN_WORDS.get(e.origin, e.origin)
    if not e.ok:
        return assemble(literal("✘ ", "bold"), literal(truncate(e.title, 60)), "\n",
                        literal(f"  does not load · {where}", "dim"))
    n = f"{e.questions} question{'s' if e.questions != 1 else ''}"
    return assemble(literal(truncate(e.title, 60), "bold"), "\n",
                    literal(f"{n} · {where}", "dim"))


def entry_details(e: BankEntry):
    lines = [literal(e.title, "bold"), literal(f"id: {e.id}", "dim"),
             literal(f"{ORIGIN_WORDS.get(e.origin, e.origin)}: {e.path}", "dim")]
    if e.ok:
        count = f"{e.questions} questions"
        if e.drafts:
            count += f" (+{e.drafts} drafts)"
        lines.append(literal(count))
        if e.description:
            lines += [literal(""), literal(e.description)]
    else:
        lines += [literal(""), literal("This bank does not load:", "bold")]
        lines += [literal(d) for d in e.diagnostics[:20]]
    return join(lines)


class PickerScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "reload", "Reload"),
    ]

    def __init__(self, extra_paths: Sequence[Path] = ()) -> None:
        super().__init__()
        self.extra_paths = list(extra_paths)
        self.entries: list[BankEntry] = []

    def compose(self) -> ComposeResult:
        yield Static(literal("quiz  ·  pick a bank, then Enter", "bold"), id="picker-status",
                     classes="topbar")
        with Horizontal(id="picker-body"):
            yield OptionList(id="banks")
            yield Static("", id="bank-details")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#banks", OptionList).focus()
        # Once the first frame is up (a thread importing now would hold it back).
        self.call_after_refresh(self.action_reload)

    def action_reload(self) -> None:
        self.query_one("#bank-details", Static).update(literal("Looking for banks…"))
        self._find_banks()

    @work(thread=True, exclusive=True, group="find-banks")
    def _find_banks(self) -> None:
        # In a thread: loading the bank code and reading every bank must not hold up
        # the first frame, nor freeze the screen when a folder holds many banks.
        from quiz.catalog import find_banks

        entries = find_banks(self.extra_paths)
        self.app.call_from_thread(self._list, entries)

    def _list(self, entries: list[BankEntry]) -> None:
        self.entries = entries
        banks = self.query_one("#banks", OptionList)
        banks.set_options(Option(entry_label(e), id=f"bank-{i}")
                          for i, e in enumerate(self.entries))
        if self.entries:
            banks.highlighted = 0
            self._show(0)
        else:
            self.query_one("#bank-details", Static).update(literal(
                "No banks found. Give a folder of banks with -b PATH, or run quiz "
                "where a ./questions folder is."))

    def _show(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self.entries):
            self.query_one("#bank-details", Static).update(entry_details(self.entries[index]))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self.entries[event.option_index]
        if not entry.ok:
            self.notify("This bank does not load; see the errors on the right.",
                        severity="error")
            return
        from quiz.bank import BankError, load_bank

        try:
            bank = load_bank(entry.path)
        except BankError as exc:
            first = exc.diagnostics[0].format() if exc.diagnostics else str(exc)
            self.notify(clean(first), severity="error", markup=False)
            return
        if not bank.playable(self.app.include_drafts):  # type: ignore[attr-defined]
            self.notify("This bank has no approved questions yet.", severity="warning")
            return
        self.app.choose_bank(bank)  # type: ignore[attr-defined]
