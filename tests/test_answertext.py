"""One way to write a player's answer as text: as data for a cell, or for a person."""

from __future__ import annotations

import pytest

from quiz.bank.answertext import given_text


@pytest.mark.parametrize("given, qtype, cell, readable", [
    (None, "text", "", "(no answer)"),
    (True, "truefalse", "true", "True"),
    (False, "truefalse", "false", "False"),
    (["Seoul", "Kaesong, North"], "multi", "Seoul | Kaesong, North", "Seoul, Kaesong, North"),
    ([], "multi", "", "(nothing picked)"),
    (["b", "a"], "order", "b | a", "1. b  2. a"),
    (4498.5, "number", "4498.5", "4498.5"),
    ("16 June", "text", "16 June", "16 June"),
])
def test_each_kind_of_answer(given: object, qtype: str, cell: str, readable: str) -> None:
    assert given_text(given, qtype) == cell
    assert given_text(given, qtype, readable=True) == readable
