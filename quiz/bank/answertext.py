"""A player's answer as text, for a person to read or for a spreadsheet cell."""

from __future__ import annotations

from typing import Any


def given_text(given: Any, qtype: str = "", *, readable: bool = False) -> str:
    """What a player gave (as the engine or the store holds it) as one line.

    By default it is data for a CSV cell: nothing given is empty, booleans are
    ``true``/``false`` and picks are joined with `` | ``, which no one mistakes
    for a comma inside an option. ``readable`` words it for a person instead:
    ``(no answer)``, ``True``/``False``, picks joined with commas and an order
    numbered (``qtype`` says which lists are orders).
    """
    if not readable:
        if given is None:
            return ""
        if isinstance(given, bool):
            return "true" if given else "false"
        if isinstance(given, list):
            return " | ".join(str(g) for g in given)
        return str(given)
    if given is None:
        return "(no answer)"
    if isinstance(given, bool):
        return "True" if given else "False"
    if isinstance(given, list) and qtype == "order":
        return "  ".join(f"{i}. {g}" for i, g in enumerate(given, 1))
    if isinstance(given, list):
        return ", ".join(str(g) for g in given) or "(nothing picked)"
    return str(given)
