"""Per-section results drawn as bars: ``History  ██████░░░░  3/4``."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.content import Content
from textual.widget import Widget

from quiz.play.engine import SectionResult
from quiz.textsafe import clean
from quiz.tui.text import assemble, fit, join, literal


class SectionBars(Widget):
    """One bar per article section; the bar's length is the share answered right."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"section-bars--right", "section-bars--rest"}

    def __init__(self, sections: list[SectionResult], **kwargs) -> None:
        super().__init__(**kwargs)
        self.sections = sections

    def render(self) -> Content:
        if not self.sections:
            return literal("No questions were answered.")
        width = self.content_region.width or 60
        names = [clean(s.title) for s in self.sections]
        name_w = min(max(cell_len(n) for n in names), max(10, width // 3))
        counts = [f"{s.right}/{s.total}" for s in self.sections]
        count_w = max(len(c) for c in counts)
        bar_w = max(5, width - name_w - count_w - 4)
        right = self.get_visual_style("section-bars--right", partial=True)
        rest = self.get_visual_style("section-bars--rest", partial=True)
        lines = []
        for name, count, s in zip(names, counts, self.sections, strict=True):
            full = round(bar_w * s.right / s.total) if s.total else 0
            lines.append(assemble(
                fit(name, name_w), "  ",
                Content("█" * full).stylize(right),
                Content("░" * (bar_w - full)).stylize(rest),
                "  ", count.rjust(count_w),
            ))
        return join(lines)

    def get_content_height(self, container, viewport, width: int) -> int:
        return max(1, len(self.sections))
