"""The one bar chart: sections (share right) and class answers (counts), drawn literally."""

from __future__ import annotations

import asyncio

from rich.cells import cell_len
from textual.app import App, ComposeResult

from quiz.tui.widgets.bars import Bar, Bars

WIDTH = 60


class Show(App[None]):
    def __init__(self, bars: Bars) -> None:
        super().__init__()
        self.bars = bars

    def compose(self) -> ComposeResult:
        yield self.bars


def drawn(bars: Bars) -> list[str]:
    """The lines ``bars`` draws in a terminal ``WIDTH`` cells wide."""

    async def run() -> list[str]:
        app = Show(bars)
        async with app.run_test(size=(WIDTH, 20)) as pilot:
            await pilot.pause()
            return bars.render().plain.split("\n")

    return asyncio.run(run())


def test_class_answers_mark_the_right_ones_with_letters_and_the_word() -> None:
    rows = [Bar("Seoul", 3), Bar("Pyongyang", 6, right=True), Bar("No answer", 1, muted=True)]
    lines = drawn(Bars(rows, marks=True, letters=True, right_word=True))
    assert [line[:14] for line in lines] == ["  A  Seoul    ", "✔ B  Pyongyang", "  No answer   "]
    assert lines[1].rstrip().endswith("6  right")
    assert not any(line.rstrip().endswith("right") for line in (lines[0], lines[2]))
    # Counts are scaled to the largest; one answer still shows as a sliver.
    full = [line.count("█") for line in lines]
    assert full[1] > full[0] > full[2] >= 1
    assert full[1] == 2 * full[0]
    assert len({line.index("█") for line in lines}) == 1  # the bars start in one column
    assert cell_len(lines[1]) == WIDTH


def test_sections_are_drawn_out_of_their_total_with_a_track() -> None:
    rows = [Bar("History", 3, 4), Bar("Name", 0, 2), Bar("Sites", 2, 2)]
    lines = drawn(Bars(rows, track="░"))
    assert [line.split()[-1] for line in lines] == ["3/4", "0/2", "2/2"]
    assert "█" not in lines[1] and "░" not in lines[2]
    widths = {line.count("█") + line.count("░") for line in lines}
    assert len(widths) == 1  # every bar is as long; the share right is the filled part
    assert not lines[0].startswith("✔") and lines[0].startswith("History")


def test_labels_are_literal_and_cut_by_cells() -> None:
    rows = [Bar("[b]x[/b] \x1b[31mred", 1), Bar("漢字" * 40, 2, right=True)]
    lines = drawn(Bars(rows, marks=True))
    assert lines[0].startswith("  [b]x[/b] red ") and "\x1b" not in lines[0]
    assert "…" in lines[1]
    # Wide text is cut by cells, so the bars still start in one column.
    assert len({cell_len(line[:line.index("█")]) for line in lines}) == 1
    assert all(cell_len(line) == WIDTH for line in lines)


def test_nothing_to_draw_says_so() -> None:
    assert drawn(Bars([], empty="No answers.")) == ["No answers."]
