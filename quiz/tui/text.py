"""The one way bank and article text reaches a widget.

Bank and article text is data, never markup: ``Static("[/x]")`` would raise,
and ``[@click=app.quit]`` would become a live link. Everything here builds
``Content`` directly (no markup parsing) from text that
:func:`quiz.textsafe.clean` has already stripped of escape sequences, control
characters and bidi overrides. Widgets receive only what these functions return.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from rich.cells import cell_len
from textual.content import Content, Span
from textual.style import Style

from quiz.textsafe import clean

StyleLike = Style | str


def literal(text: object, style: StyleLike = "") -> Content:
    """``text`` shown exactly as written, optionally in one style."""
    content = Content(clean(str(text)))
    return content.stylize(style) if style else content


def label(markup: str, **values: object) -> Content:
    """Our own markup with bank text substituted as literal values.

    ``markup`` is written by us (never bank text); ``values`` may hold anything:
    Textual inserts template variables as plain text, not as markup.
    """
    safe = {k: literal(v) if isinstance(v, str) else v for k, v in values.items()}
    return Content.from_markup(markup, **safe)


def assemble(*parts: Content | str | tuple[str, StyleLike]) -> Content:
    """Join pieces; bare strings and (text, style) pairs are taken as literal text."""
    out: list[Content] = []
    for part in parts:
        if isinstance(part, Content):
            out.append(part)
        elif isinstance(part, tuple):
            out.append(literal(part[0], part[1]))
        else:
            out.append(literal(part))
    return Content.assemble(*out, strip_control_codes=False)


def join(lines: Iterable[Content], sep: str = "\n") -> Content:
    return Content(sep).join(list(lines))


def highlighted(
    text: str, spans: Iterable[tuple[int, int]], style: StyleLike, base: int = 0
) -> Content:
    """``text`` with the spans ``[start, end)`` (offsets into the raw text, minus ``base``)
    in ``style``.

    Cleaning can shorten the text, so the text is cut at the span edges first and
    each piece is cleaned on its own: the highlight lands on the same words.
    """
    cuts = sorted(
        {0, len(text)}
        | {min(max(p - base, 0), len(text)) for s, e in spans for p in (s, e)}
    )
    marked = [(max(s - base, 0), min(e - base, len(text))) for s, e in spans]
    pieces: list[str] = []
    out_spans: list[Span] = []
    pos = 0
    for a, b in pairwise(cuts):
        piece = clean(text[a:b])
        if piece and any(s <= a and b <= e for s, e in marked):
            out_spans.append(Span(pos, pos + len(piece), style))
        pieces.append(piece)
        pos += len(piece)
    return Content("".join(pieces), out_spans, strip_control_codes=False)


def truncate(text: str, limit: int) -> str:
    """Shorten raw text for a one-line list entry (the full text shows elsewhere)."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


def fit(text: str, width: int) -> str:
    """``text`` cut (with an ellipsis) or padded to exactly ``width`` cells.

    Cells, not characters: a Korean or CJK character takes two, so columns of
    bars and scores still line up.
    """
    if cell_len(text) > width:
        out, used = [], 0
        for ch in text:
            if used + cell_len(ch) > width - 1:
                break
            out.append(ch)
            used += cell_len(ch)
        text = "".join(out) + "…"
    return text + " " * max(0, width - cell_len(text))
