"""How a class answered one question, as bars: ``✔ Kim Yong-chol  ████████  12``.

Used after a reveal, on a student's screen and on the teacher's. Labels come
from the bank (option texts) or the protocol ("No answer"): always literal.
Colours come from the component classes, styled in the app's ``.tcss``.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.content import Content
from textual.widget import Widget

from quiz.textsafe import clean
from quiz.tui.text import assemble, fit, join, literal

RIGHT_MARK = "✔ "
OTHER_MARK = "  "


class DistributionBars(Widget):
    """One bar per answer; the right answers are marked and coloured."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "distribution--right", "distribution--other", "distribution--label-right",
    }

    def __init__(self, labels: list[str], counts: list[int], correct: list[bool],
                 **kwargs) -> None:
        super().__init__(**kwargs)
        # A malformed message must not break the screen: pad or cut to one length.
        n = len(labels)
        self.labels = [clean(str(label)) for label in labels]
        self.counts = [max(0, int(c)) for c in (list(counts) + [0] * n)[:n]]
        self.correct = [bool(c) for c in (list(correct) + [False] * n)[:n]]

    def render(self) -> Content:
        if not self.labels:
            return literal("No answers.")
        width = self.content_region.width or 60
        count_w = max(len(str(c)) for c in self.counts)
        label_w = min(max(cell_len(lb) for lb in self.labels), max(8, width // 2))
        bar_w = max(4, width - len(RIGHT_MARK) - label_w - count_w - 5)
        top = max(self.counts) or 1
        right = self.get_visual_style("distribution--right", partial=True)
        other = self.get_visual_style("distribution--other", partial=True)
        label_right = self.get_visual_style("distribution--label-right", partial=True)
        lines = []
        for label, count, ok in zip(self.labels, self.counts, self.correct, strict=True):
            full = round(bar_w * count / top)
            if count and not full:
                full = 1  # one answer still shows as a sliver, not as nothing
            lines.append(assemble(
                Content(RIGHT_MARK if ok else OTHER_MARK).stylize(label_right if ok else ""),
                Content(fit(label, label_w)).stylize(label_right if ok else ""),
                "  ",
                Content("█" * full).stylize(right if ok else other),
                " " * (bar_w - full),
                "  ", str(count).rjust(count_w),
            ))
        return join(lines)

    def get_content_height(self, container, viewport, width: int) -> int:
        return max(1, len(self.labels))
