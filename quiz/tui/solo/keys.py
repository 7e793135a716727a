"""The solo game's keys, as its help dialog lists them."""

from quiz.tui.dialogs.help import KeyGroup

KEYS = (
    KeyGroup("Anywhere", (
        ("?  F1", "this help (F1 in a text box)"),
        ("q  Ctrl+Q", "quit (asks first in the middle of a game; Ctrl+Q in a text box)"),
        ("F6", "high-contrast theme on or off"),
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
        ("h  F2", "next hint step (F2 in a text box); the button says what it leaves"),
        ("p", "after the last hint: the passage in the article"),
        ("s  F3", "skip the question (F3 in a text box)"),
        ("Esc", "in a text box: leave it, so the letter keys work"),
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
