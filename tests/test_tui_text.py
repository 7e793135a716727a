"""Bank and article text reaches widgets literally, without control characters."""

from __future__ import annotations

import asyncio

import pytest
from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Static

from quiz.tui.text import assemble, highlighted, label, literal, truncate

HOSTILE = [
    "[/unclosed]",
    "[bold red]x",
    "[@click=app.quit]quit[/]",
    "[link=https://example.com]x[/link]",
    "$title [b]$x",
    "\x1b[31mred\x1b[0m",
    "\x1b]0;title\x07after",
    "\u202eeslaf\u202c \u2067iso\u2069",
    "a\u200bb\u200dc 👨\u200d👩\u200d👧 漢字 🎉",
    "bell\x07 back\x08 cr\r nul\x00 del\x7f c1\x9b31m",
    "[" * 50 + "]" * 50,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_literal_keeps_brackets_and_drops_controls(text: str) -> None:
    c = literal(text)
    assert isinstance(c, Content)
    assert not c.spans  # nothing was read as markup
    if "\x1b" not in text and "\x9b" not in text:  # brackets of escapes go with them
        assert c.plain.count("[") == text.count("[")
    for bad in ("\x1b", "\x07", "\x08", "\r", "\x00", "\x7f", "\x9b", "\u202e", "\u2067"):
        assert bad not in c.plain
    # What a markup parser would have eaten or choked on is still there.
    if text.startswith("[@click"):
        assert c.plain == "[@click=app.quit]quit[/]"


def test_literal_keeps_wide_and_zero_width_text() -> None:
    text = "a\u200bb\u200dc 👨\u200d👩\u200d👧 漢字 🎉"
    assert literal(text).plain == text


def test_label_substitutes_values_as_text() -> None:
    c = label("[b]Bank:[/b] $title", title="[@click=app.quit]x[/b] $other \x1b[2J")
    assert c.plain == "Bank: [@click=app.quit]x[/b] $other "
    assert len(c.spans) == 1  # only our own [b]


def test_assemble_takes_strings_literally() -> None:
    c = assemble("[b]", ("[i]x", "bold"), literal("[/]"))
    assert c.plain == "[b][i]x[/]"
    assert [(s.start, s.end) for s in c.spans] == [(3, 7)]


def test_highlight_lands_on_the_same_words_after_cleaning() -> None:
    raw = "a \x1b[31mred\x1b[0m word [b]quote[/b] end"
    start = raw.index("[b]quote")
    end = start + len("[b]quote[/b]")
    c = highlighted(raw, [(start + 100, end + 100)], "reverse", base=100)
    assert c.plain == "a red word [b]quote[/b] end"
    (span,) = c.spans
    assert c.plain[span.start:span.end] == "[b]quote[/b]"


def test_highlight_ignores_spans_outside_the_text() -> None:
    c = highlighted("abc", [(10, 20), (-5, -1)], "reverse", base=0)
    assert c.plain == "abc" and not c.spans


def test_truncate() -> None:
    assert truncate("abcdef", 4) == "abc…"
    assert truncate("abc", 4) == "abc"


class _Show(App[None]):
    def compose(self) -> ComposeResult:
        for text in HOSTILE:
            yield Static(literal(text))


def test_hostile_text_renders_in_widgets() -> None:
    async def run() -> list[str]:
        app = _Show()
        async with app.run_test(size=(80, 30)) as pilot:
            await pilot.pause()
            shown = [str(w.render()) for w in app.query(Static)]
            assert app.is_running  # [@click=app.quit] did not quit
            return shown

    shown = asyncio.run(run())
    assert "[/unclosed]" in shown
    assert "[@click=app.quit]quit[/]" in shown
    # A raw string would have been parsed as markup (and broken): text.py is needed.
    with pytest.raises(Exception):  # noqa: B017 - Textual's markup error type is private
        Content.from_markup("[/unclosed]")
