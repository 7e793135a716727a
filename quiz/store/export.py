"""The attempt history as CSV, for a teacher's spreadsheet."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, Any

from quiz.bank.answertext import given_text

if TYPE_CHECKING:
    from quiz.store.progress import Store

HEADER = ["profile", "session", "bank", "question", "section", "content_hash", "mode", "try",
          "kind", "given", "correct", "partial", "points", "bonus", "hints", "seconds", "final",
          "time"]


def export_csv(store: Store, out: Any, profile: str | None = None) -> int:
    """Every attempt (of ``profile``, or everyone's) as CSV rows; returns the row count."""
    writer = csv.writer(out)
    writer.writerow(HEADER)
    n = 0
    for a in store.attempts(profile=profile):
        writer.writerow([
            csv_cell(a.profile), a.session_id, csv_cell(a.bank_id), csv_cell(a.question_id),
            csv_cell(a.section), a.content_hash, a.mode, a.try_number, a.kind,
            csv_cell(given_text(a.given)), int(a.correct), round(a.partial, 3), a.points,
            a.bonus, a.hints_used, "" if a.seconds is None else round(a.seconds, 3),
            int(a.final), a.at.astimezone().isoformat(timespec="seconds"),
        ])
        n += 1
    return n


def csv_cell(text: str) -> str:
    """Spreadsheets run a cell starting with = + - @ as a formula; a student could type one."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
