"""A QR code drawn in the terminal with half blocks: two modules per character cell.

A terminal cell is about twice as tall as it is wide, so stacking two modules
in one cell (``▀`` top, ``▄`` bottom, ``█`` both, space neither) keeps the code
square and half as tall. Dark modules are drawn in the widget's text colour on
its background; the stylesheet makes those black on white, because phone
scanners expect dark modules on a light field, whatever the terminal's theme.
"""

from __future__ import annotations

import segno
from textual.content import Content
from textual.widget import Widget

# (top dark, bottom dark) -> the cell that shows them
_CELLS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
BORDER = 2  # light modules around the code; scanners need a quiet zone, the screen is small


def qr_matrix(data: str, border: int = BORDER) -> list[list[bool]]:
    """The modules of ``data``'s QR code (True: dark), quiet zone included."""
    code = segno.make(data, error="m")
    return [[bool(m) for m in row] for row in code.matrix_iter(border=border)]


def halfblock_rows(matrix: list[list[bool]]) -> list[str]:
    """Two module rows per text line; an odd last row is paired with a light one."""
    rows: list[str] = []
    for top in range(0, len(matrix), 2):
        upper = matrix[top]
        lower = matrix[top + 1] if top + 1 < len(matrix) else [False] * len(upper)
        rows.append("".join(_CELLS[(a, b)] for a, b in zip(upper, lower, strict=True)))
    return rows


def qr_rows(data: str, border: int = BORDER) -> list[str]:
    return halfblock_rows(qr_matrix(data, border))


class QRCode(Widget):
    """The QR code of ``data``; its size is the code's own, in cells."""

    def __init__(self, data: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.data = data
        self.rows = qr_rows(data)

    def set_data(self, data: str) -> None:
        self.data = data
        self.rows = qr_rows(data)
        self.refresh(layout=True)

    def render(self) -> Content:
        # Only block characters and spaces: nothing here can be read as markup.
        return Content("\n".join(self.rows))

    def get_content_width(self, container, viewport) -> int:
        return len(self.rows[0]) if self.rows else 0

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.rows)
