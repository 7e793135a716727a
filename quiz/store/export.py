"""The attempt history as CSV, for a teacher's spreadsheet."""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

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


@dataclass(frozen=True)
class ExportRequest:
    """``quiz progress export --csv``: one profile or everyone's, to a file or stdout."""

    profile: str | None = None
    output: str | None = None


def export_progress(request: ExportRequest, out: TextIO | None = None,
                    err: TextIO | None = None) -> int:
    """Write the attempts as CSV; the exit code of ``quiz progress export``."""
    from quiz.store.progress import open_with_notices
    from quiz.textsafe import clean

    out, err = out or sys.stdout, err or sys.stderr
    with open_with_notices(err) as store:
        if request.profile is not None and store.profile(request.profile) is None:
            print(f"quiz progress export: error: no profile named {clean(request.profile)!r}",
                  file=err)
            return 1
        if request.output is None:
            export_csv(store, out, request.profile)
            return 0
        try:
            with open(request.output, "w", newline="", encoding="utf-8") as fh:
                n = export_csv(store, fh, request.profile)
        except OSError as exc:
            print(f"quiz progress export: error: {clean(request.output)}: "
                  f"{exc.strerror or exc}", file=err)
            return 1
    print(f"{n} answers written to {clean(request.output)}", file=err)
    return 0
