"""textsafe.clean: terminal control sequences go, everything printable stays."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.textsafe import clean


@pytest.mark.parametrize(("raw", "expected"), [
    ("plain text", "plain text"),
    ("a\x1b[31mred\x1b[0m b", "ared b"),  # SGR colour
    ("\x1b[2J\x1b[Hcleared", "cleared"),  # clear screen, cursor home
    ("x\x1b]0;window title\x07y", "xy"),  # OSC title, BEL-terminated
    ("x\x1b]8;;http://e.org\x1b\\link\x1b]8;;\x1b\\z", "xlinkz"),  # OSC 8 hyperlink
    ("a\x1bPq#0;2;0;0;0\x1b\\b", "ab"),  # DCS (sixel) string
    ("a\x9b31mb", "ab"),  # 8-bit CSI
    ("a\x9d0;t\x9cb", "ab"),  # 8-bit OSC ... ST
    ("a\x1bcb", "ab"),  # RIS: full terminal reset
    ("a\x1b(Bb", "ab"),  # charset designation
    ("cut off\x1b[", "cut off"),
    ("lone\x1b", "lone"),
    ("over\rwrite", "overwrite"),
    ("windows\r\nline", "windows\nline"),
    ("tab\tand\nnewline", "tab\tand\nnewline"),
    ("nul\x00 bell\x07 del\x7f nel\x85", "nul bell del nel"),
    ("e\u202eslaf", "eslaf"),  # right-to-left override
    ("\u2066isolate\u2069 \u202aembed\u202c", "isolate embed"),
    ("[bold red]x[/] [@click=app.quit]", "[bold red]x[/] [@click=app.quit]"),  # not markup here
    ("남북공동연락사무소 🎉 👩\u200d💻", "남북공동연락사무소 🎉 👩\u200d💻"),
    ("", ""),
])
def test_clean(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@given(st.text())
def test_clean_never_leaves_controls_and_is_idempotent(text: str) -> None:
    out = clean(text)
    assert clean(out) == out
    for ch in out:
        code = ord(ch)
        assert ch in "\n\t" or not (code < 0x20 or 0x7F <= code <= 0x9F), repr(ch)
        assert not (0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069), repr(ch)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf"))))
def test_printable_text_is_untouched(text: str) -> None:
    assert clean(text) == text
