"""Starting a game with progress: whose it is, what to resume, which questions.

Front-end neutral: plain mode and the TUI each ask the player their own way
(a prompt, a screen) and pass the answer in. No Textual here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from quiz.store.progress import SessionRow, Store, StoreError

if TYPE_CHECKING:
    from quiz.bank.model import Bank, Question

# Whose progress it is when nobody can be asked (stdin is a pipe).
FALLBACK_PROFILE = "default"


def pick_profile(store: Store, requested: str | None,
                 ask: Callable[[str | None], str | None] | None = None) -> str:
    """The profile to play as.

    ``--profile NAME`` wins and is remembered for next time; else the
    remembered one; else ``ask(problem)`` (first run on a terminal; ``problem``
    says what was wrong with the last name typed) and remember the answer;
    else the fallback profile, not remembered, so that a later run
    on a terminal still asks.
    """
    if requested:
        return store.set_default_profile(requested).name
    remembered = store.default_profile()
    if remembered:
        return remembered
    if ask is not None:
        problem = None
        while (name := ask(problem)) is not None:
            if not name.strip():
                break
            try:
                return store.set_default_profile(name).name
            except StoreError as exc:
                problem = str(exc)
    return store.get_or_create_profile(FALLBACK_PROFILE).name


def resumable(store: Store, profile: str, bank: Bank,
              mode: str | None = None) -> SessionRow | None:
    """The most recent unfinished session of ``profile`` on ``bank`` (in ``mode``, if given)."""
    rows = [r for r in store.unfinished_sessions(profile, bank.id)
            if mode is None or r.mode == mode]
    return rows[0] if rows else None


def questions_for(store: Store, profile: str, bank: Bank, mode: str, *,
                  include_drafts: bool = False) -> list[Question]:
    """What a new session plays: due ones for review, weakest first for cram, else all."""
    if mode == "review":
        return [q for _b, q in store.due_questions(profile, [bank],
                                                   include_drafts=include_drafts)]
    if mode == "cram":
        return store.weakest_first(profile, bank, include_drafts=include_drafts)
    return bank.playable(include_drafts)


def due_by_bank(store: Store, profile: str,
                banks: list[Bank]) -> list[tuple[Bank, list[Question]]]:
    """Review across banks: each bank with questions due today, and those questions.

    Question ids are unique only within a bank, so a cross-bank review is
    played as one session per bank, one after the other.
    """
    grouped: dict[str, tuple[Bank, list[Question]]] = {}
    for bank, q in store.due_questions(profile, banks):
        grouped.setdefault(bank.id, (bank, []))[1].append(q)
    return list(grouped.values())


def describe(row: SessionRow) -> str:
    """One line about an unfinished session, for the resume offer."""
    when = row.updated.astimezone().strftime("%Y-%m-%d %H:%M")
    return (f"{row.mode} session from {when}: {row.answered} of {row.total} answered, "
            f"{row.points} points so far")
