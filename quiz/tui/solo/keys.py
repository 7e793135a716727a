"""The solo game's keys, as its help dialog lists them."""

from quiz.tui.dialogs.help import KeyGroup

KEYS = (
    KeyGroup("Anywhere", (
        ("?  F1", "this help"),
        ("q  Ctrl+Q", "quit (asks first in the middle of a game)"),
        ("mouse", "click options and buttons; the wheel scrolls"),
    )),
    KeyGroup("Picking a bank", (
        ("↑ ↓  Enter", "choose a bank, then a mode: 1 practice, 2 test, 3 review, 4 cram"),
        ("r", "look for banks again"),
    )),
    KeyGroup("Answering", (
        ("1-9  a-g", "pick that option (choice); toggle it (multi)"),
        ("t  f", "true or false"),
        ("Space", "toggle the highlighted option (multi)"),
        ("u  d", "move the highlighted item up or down (order); also Shift+↑ ↓"),
        ("Enter", "submit"),
        ("h", "next hint step; the button says what the question is worth after it"),
        ("p", "after the last hint: the passage in the article"),
        ("s", "skip the question"),
        ("Esc", "in a text box: leave it, so h, s and q work"),
    )),
    KeyGroup("After an answer", (
        ("Enter  n", "next question"),
        ("w", "why? the article, scrolled to the passage that proves the answer"),
    )),
    KeyGroup("Article and results", (
        ("Esc  b", "back"),
        ("g", "scroll back to the highlighted passage"),
        ("Enter", "on a missed question: show its passage"),
        ("d", "done with the results"),
    )),
)
