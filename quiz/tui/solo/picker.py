"""The home screen: pick a bank (bundled, ./questions, and folders given with -b)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quiz.textsafe import clean
from quiz.tui.text import assemble, join, literal, truncate
from quiz.tui.widgets.keybar import KeyFooter

if TYPE_CHECKING:
    from quiz.bank.catalog import BankEntry
    from quiz.bank.model import Bank
    from quiz.store.progress import Store

ORIGIN_WORDS = {"bundled": "bundled", "local": "./questions", "extra": "added"}

# Due counts for listed banks, asked from a worker thread; None when nothing can be due.
DueCounter = Callable[[Sequence["BankEntry"]], "list[int] | None"]


def entry_label(e: BankEntry, due: int = 0):
    """Two lines: the title, then how many questions (and due for review), and from where."""
    where = ORIGIN_WORDS.get(e.origin, e.origin)
    if not e.ok:
        return assemble(literal("✘ ", "bold"), literal(truncate(e.title, 60)), "\n",
                        literal(f"  does not load · {where}", "dim"))
    n = f"{e.questions} question{'s' if e.questions != 1 else ''}"
    return assemble(literal(truncate(e.title, 60), "bold"), "\n",
                    literal(f"{n} · ", "dim"), literal(f"{due} due · ", "bold") if due else "",
                    literal(where, "dim"))


def due_counts(store: Store, profile: str, entries: Sequence[BankEntry], *,
               include_drafts: bool = False) -> list[int]:
    """How many questions of each listed bank are due for review today."""
    from quiz.bank.load import BankError, load_bank

    # Only banks the profile has met can have anything due: load just those.
    met = {bank_id for bank_id, _qid in store.review_rows(profile)}
    banks: dict[int, Bank] = {}
    for i, e in enumerate(entries):
        if e.ok and e.id in met:
            try:
                banks[i] = load_bank(e.path)
            except (BankError, OSError):
                continue
    due = store.due_questions(profile, list(banks.values()), include_drafts=include_drafts)
    # Counted by bank object: two folders may hold the same bank id.
    per_bank = Counter(id(b) for b, _q in due)
    return [per_bank.get(id(banks[i]), 0) if i in banks else 0 for i in range(len(entries))]


def entry_details(e: BankEntry, due: int = 0):
    lines = [literal(e.title, "bold"), literal(f"id: {e.id}", "dim"),
             literal(f"{ORIGIN_WORDS.get(e.origin, e.origin)}: {e.path}", "dim")]
    if e.ok:
        count = f"{e.questions} questions"
        if e.drafts:
            count += f" (+{e.drafts} drafts)"
        lines.append(literal(count))
        if due:
            lines.append(literal(f"{due} due for review today: pick Review to go over them",
                                 "bold"))
        if e.description:
            lines += [literal(""), literal(e.description)]
    else:
        lines += [literal(""), literal("This bank does not load:", "bold")]
        lines += [literal(d) for d in e.diagnostics[:20]]
    return join(lines)


class PickerScreen(Screen[None]):
    # Styled by picker.tcss alone: the app reads its other sheets when another screen shows.
    START_CSS_ONLY = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "reload", "Reload"),
        Binding("s", "stats", "Stats"),
    ]

    class BankChosen(Message):
        """The player picked ``bank`` (loaded, with questions to play): the app plays it."""

        def __init__(self, bank: Bank) -> None:
            super().__init__()
            self.bank = bank

    class StatsWanted(Message):
        """The player asked for their progress."""

    def __init__(self, extra_paths: Sequence[Path] = (), *, include_drafts: bool = False,
                 count_due: DueCounter | None = None, stats: bool = False) -> None:
        super().__init__()
        self.extra_paths = list(extra_paths)
        self.include_drafts = include_drafts
        self.count_due = count_due
        self.stats = stats  # progress is kept, so there are stats to show
        self.entries: list[BankEntry] = []
        self.due: list[int] = []  # per entry: questions due for review today

    def compose(self) -> ComposeResult:
        yield Static(literal("quiz  ·  pick a bank, then Enter", "bold"), id="picker-status",
                     classes="topbar")
        with Horizontal(id="picker-body"):
            yield OptionList(id="banks")
            yield Static("", id="bank-details")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#banks", OptionList).focus()
        # Banks met before are listed from their summaries at once (a few stat calls),
        # so the first frame is already a list to pick from.
        from quiz.bank.catalog import listed_from_summaries

        entries = listed_from_summaries(self.extra_paths)
        if entries:
            self._list(entries)
            return
        # Else once the first frame is up (a thread importing now would hold it back).
        self.call_after_refresh(self.action_reload)

    def action_reload(self) -> None:
        self.query_one("#bank-details", Static).update(literal("Looking for banks…"))
        self._find_banks()

    @work(thread=True, exclusive=True, group="find-banks")
    def _find_banks(self) -> None:
        # In a thread: loading the bank code and reading every bank must not hold up
        # the first frame, nor freeze the screen when a folder holds many banks.
        from quiz.bank.catalog import find_banks

        entries = find_banks(self.extra_paths)
        self.app.call_from_thread(self._list, entries)

    def _count_due(self, entries: list[BankEntry]) -> None:
        """Due counts for ``entries`` (in the worker thread), once the list is showing."""
        if self.count_due is None or not entries:
            return
        try:
            due = self.count_due(entries)
        except Exception as exc:
            # Imported only here: with nothing due, the store code is not loaded at all.
            from quiz.tui.solo.failures import STORE_ERRORS

            if isinstance(exc, STORE_ERRORS):
                return  # the counts are a courtesy; the game reports store trouble itself
            raise
        if due is not None:
            self.app.call_from_thread(self._show_due, entries, due)

    @work(thread=True, exclusive=True, group="count-due")
    def _recount_due(self) -> None:
        self._count_due(self.entries)

    def on_screen_resume(self) -> None:
        # Back from a game (or the stats): what is due may have changed.
        if self.entries:
            self._recount_due()

    def _show_due(self, entries: list[BankEntry], due: list[int]) -> None:
        if entries is not self.entries or due == self.due:
            return  # listed again meanwhile, or nothing changed
        self.due = due
        self._fill()
        self._show(self.query_one("#banks", OptionList).highlighted)

    def _list(self, entries: list[BankEntry]) -> None:
        self.entries = entries
        self.due = []
        self._fill()
        if self.entries:
            self.query_one("#banks", OptionList).highlighted = 0
            self._show(0)
            # The due counts open the store (sqlite, the loader): only once the list is
            # drawn, so the player sees the banks without waiting for them.
            self.call_after_refresh(self._recount_due)
        else:
            self.query_one("#bank-details", Static).update(literal(
                "No banks found. Give a folder of banks with -b PATH, or run quiz "
                "where a ./questions folder is."))

    def _fill(self) -> None:
        banks = self.query_one("#banks", OptionList)
        keep = banks.highlighted
        banks.set_options(Option(entry_label(e, self.due[i] if self.due else 0), id=f"bank-{i}")
                          for i, e in enumerate(self.entries))
        if keep is not None and keep < len(self.entries):
            banks.highlighted = keep

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "stats":
            return self.stats
        return True

    def action_stats(self) -> None:
        self.post_message(self.StatsWanted())

    def _show(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self.entries):
            due = self.due[index] if self.due else 0
            self.query_one("#bank-details", Static).update(entry_details(self.entries[index], due))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self.entries[event.option_index]
        if not entry.ok:
            self.notify("This bank does not load; see the errors on the right.",
                        severity="error")
            return
        from quiz.bank.load import BankError, load_bank

        try:
            bank = load_bank(entry.path)
        except BankError as exc:
            first = exc.diagnostics[0].format() if exc.diagnostics else str(exc)
            self.notify(clean(first), severity="error", markup=False)
            return
        if not bank.playable(self.include_drafts):
            self.notify("This bank has no approved questions yet.", severity="warning")
            return
        self.post_message(self.BankChosen(bank))
