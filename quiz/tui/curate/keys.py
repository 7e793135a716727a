"""The curator's keys and what curating means, as the help dialog shows them."""

from quiz.tui.dialogs.help import KeyGroup

INTRO = (
    "Generated questions arrive as drafts. Only approved questions are played "
    "(quiz play --include-drafts tries the drafts too). Each question shows the "
    "passage that proves its answer: approve it if the passage does, edit it if "
    "it almost does, reject it otherwise. An edited question keeps its id, and "
    "every edit is checked against the article before it can be saved."
)
KEYS = (
    KeyGroup("The question list", (
        ("↑ ↓ PgUp PgDn", "move through the questions (or click one)"),
        ("a", "approve: the question will be played"),
        ("r", "reject: kept in the file, never played"),
        ("d", "back to draft"),
        ("e  Enter", "edit prompt, answer, choices, hints, explanation"),
        ("u", "undo the last change"),
        ("f", "filter: all, drafts, approved, rejected"),
        ("v", "read the evidence in the whole article"),
        ("s", "save now (every change is saved as you make it)"),
        ("q", "quit"),
    )),
    KeyGroup("In the edit form", (
        ("Tab  Shift+Tab", "next / previous field"),
        ("Ctrl+S", "save the question (only when it passes the checks)"),
        ("Esc", "cancel the edit"),
    )),
)
