"""Random input for the importers: pieces of every format's syntax, glued at random."""

from __future__ import annotations

import random

PIECES = ["{", "}", "=", "~", "#", "####", "::", "\\", "\\{", "%50%", "%-100%", "->", "..",
          ":", "T", "FALSE", "\n", "\n\n", "//", "$CATEGORY:", "[html]", "<b>", "&amp;",
          "a", "word ", "1.5", "-3", "é", "\x00", "\x1b[31m", "\r", "ANSWER: A", "A. ",
          "B) ", ",", ";", '"', "\t", "|", "#separator:tab\n", "<quiz>", "</quiz>",
          '<question type="multichoice">', "</question>", "<questiontext><text>",
          "</text></questiontext>", '<answer fraction="100"><text>', "</text></answer>",
          "<![CDATA[", "]]>", "<!DOCTYPE x>", "prompt,answer,choices,type\n"]


def noise(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
