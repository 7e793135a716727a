"""Horizontal bars, one per row: ``✔ label  ██████░░░░  3/4``.

The one bar chart of the TUI: per section, the share answered right (results,
stats); per answer, how a class answered (the student's reveal, the
teacher's). Labels come from the bank or the protocol: always literal.
Colours come from the component classes, styled in each app's ``.tcss``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from textual.content import Content
from textual.widget import Widget

from quiz.textsafe import clean
from quiz.tui.text import assemble, fit, join, literal

MARK = "✔ "
GAP = "  "
RIGHT_WORD = "  right"
MIN_BAR = 12  # cells a bar keeps when labels are long


def letter(i: int) -> str:
    """A, B, C... for the options (numbers past Z), as students see them read out."""
    return chr(ord("A") + i) if i < 26 else str(i + 1)


@dataclass(frozen=True, slots=True)
class Bar:
    """One row: ``value`` drawn against ``total``, or against the largest value if None."""

    label: str
    value: int
    total: int | None = None
    right: bool = False  # a right answer: marked, not just coloured
    muted: bool = False  # a row that is not an answer ("No answer")


class Bars(Widget):
    """One bar per row; the figure after it is ``value`` (or ``value/total``).

    ``marks`` keeps a column for the ✔ of right rows; ``letters`` puts A, B, C...
    before the labels of the rows that are not muted; ``right_word`` writes "right"
    after a right row's figure; ``track`` fills the rest of each bar.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "bars--bar", "bars--right", "bars--muted", "bars--track", "bars--label-right",
    }

    def __init__(self, rows: Sequence[Bar], *, marks: bool = False, letters: bool = False,
                 right_word: bool = False, track: str = " ", empty: str = "Nothing to show.",
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows = list(rows)
        self.marks = marks
        self.letters = letters
        self.right_word = right_word
        self.track = track
        self.empty = empty

    def _label(self, i: int, row: Bar) -> str:
        text = clean(row.label)
        return f"{letter(i)}  {text}" if self.letters and not row.muted else text

    @staticmethod
    def _figure(row: Bar) -> str:
        return str(row.value) if row.total is None else f"{row.value}/{row.total}"

    def render(self) -> Content:
        if not self.rows:
            return literal(self.empty)
        width = self.content_region.width or 60
        labels = [self._label(i, r) for i, r in enumerate(self.rows)]
        figures = [self._figure(r) for r in self.rows]
        mark_w = len(MARK) if self.marks else 0
        figure_w = max(len(f) for f in figures)
        word_w = len(RIGHT_WORD) if self.right_word and any(r.right for r in self.rows) else 0
        fixed = mark_w + len(GAP) * 2 + figure_w + word_w
        # Labels are what people read: they get the room, short of a bar that still compares.
        label_w = min(max(cell_len(lb) for lb in labels), max(8, width - fixed - MIN_BAR))
        bar_w = max(4, width - fixed - label_w)
        largest = max(max(r.value for r in self.rows), 1)
        style = {name: self.get_visual_style(f"bars--{name}", partial=True)
                 for name in ("bar", "right", "muted", "track", "label-right")}
        lines = []
        for row, label, figure in zip(self.rows, labels, figures, strict=True):
            scale = largest if row.total is None else row.total
            full = min(bar_w, round(bar_w * max(row.value, 0) / scale)) if scale > 0 else 0
            if row.value > 0 and not full:
                full = 1  # one answer still shows as a sliver, not as nothing
            emphasis = style["label-right"] if row.right else ""
            bar = style["right"] if row.right else style["muted"] if row.muted else style["bar"]
            lines.append(assemble(
                literal(MARK if row.right else " " * mark_w, emphasis) if mark_w else "",
                literal(fit(label, label_w), emphasis),
                GAP,
                Content("█" * full).stylize(bar),
                Content(self.track * (bar_w - full)).stylize(style["track"]),
                GAP, figure.rjust(figure_w),
                literal(RIGHT_WORD, emphasis) if word_w and row.right else "",
            ))
        return join(lines)

    def get_content_height(self, container, viewport, width: int) -> int:
        return max(1, len(self.rows))
