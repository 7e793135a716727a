"""Progress summaries drawn from the store: accuracy, mastery, streaks, sessions.

Shared by ``quiz stats`` and the stats screen. A question counts as
*mastered* when its latest settled answer (under its current answer) was
right; a section's mastery is the share of its questions mastered. When the
bank itself is known, its unseen questions count too (as not yet mastered)
and sections take their current titles.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, TextIO

from quiz.store.progress import (
    AttemptRow,
    SessionRow,
    Store,
    local_day,
    open_with_notices,
    profile_to_show,
)
from quiz.textsafe import clean

if TYPE_CHECKING:
    from quiz.bank.model import Bank

RECENT_SESSIONS = 8
BAR_BLOCKS = " ▏▎▍▌▋▊▉█"


@dataclass
class SectionStats:
    title: str
    mastered: int
    total: int
    seen: int

    @property
    def mastery(self) -> float:
        return self.mastered / self.total if self.total else 0.0


@dataclass
class BankStats:
    bank_id: str
    title: str
    answered: int  # settled answers, every session and mode
    correct: int
    questions_seen: int
    questions_total: int | None  # None when the bank could not be loaded
    last_played: datetime | None
    sections: list[SectionStats] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


@dataclass
class Stats:
    profile: str
    banks: list[BankStats]
    streak: int  # days in a row with at least one answer, up to today (or yesterday)
    played_today: bool
    answered: int
    correct: int
    recent: list[SessionRow]
    due_today: int | None  # None when no bank was given to count against
    leeches: list[tuple[str, str, int]]  # (bank id, question id, lapses)

    @property
    def accuracy(self) -> float:
        return self.correct / self.answered if self.answered else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "profile": self.profile,
            "answered": self.answered,
            "correct": self.correct,
            "accuracy": round(self.accuracy, 4),
            "streak_days": self.streak,
            "played_today": self.played_today,
            "due_today": self.due_today,
            "banks": [
                {
                    "id": b.bank_id, "title": b.title, "answered": b.answered,
                    "correct": b.correct, "accuracy": round(b.accuracy, 4),
                    "questions_seen": b.questions_seen, "questions_total": b.questions_total,
                    "last_played": b.last_played.isoformat() if b.last_played else None,
                    "sections": [dict(asdict(s), mastery=round(s.mastery, 4))
                                 for s in b.sections],
                }
                for b in self.banks
            ],
            "recent_sessions": [
                {
                    "id": s.id, "bank": s.bank_id, "title": s.bank_title, "mode": s.mode,
                    "status": s.status, "started": s.started.isoformat(),
                    "answered": s.answered, "total": s.total, "points": s.points,
                    "score": s.score, "max_score": s.max_score,
                }
                for s in self.recent
            ],
            "leeches": [{"bank": b, "question": q, "lapses": n} for b, q, n in self.leeches],
        }


def compute(store: Store, profile: str, banks: Sequence[Bank] = (), *,
            today: date | None = None) -> Stats:
    """The profile's progress; ``banks`` (loaded) refine sections and count what is due."""
    today = today or local_day(store.now())
    attempts = store.attempts(profile=profile, final_only=True)
    sessions = store.sessions(profile)
    by_id = {b.id: b for b in banks}
    titles: dict[str, str] = {}
    for s in reversed(sessions):  # oldest first, so the newest title wins
        titles[s.bank_id] = s.bank_title or s.bank_id

    per_bank: dict[str, list[AttemptRow]] = {}
    for a in attempts:
        per_bank.setdefault(a.bank_id, []).append(a)
    bank_stats = []
    for bank_id, rows in per_bank.items():
        bank = by_id.get(bank_id)
        bank_stats.append(BankStats(
            bank_id=bank_id,
            title=bank.title if bank else titles.get(bank_id, bank_id),
            answered=len(rows),
            correct=sum(a.correct for a in rows),
            questions_seen=len({a.question_id for a in rows}),
            questions_total=len(bank.playable()) if bank else None,
            last_played=max(a.at for a in rows),
            sections=_sections(rows, bank),
        ))
    bank_stats.sort(key=lambda b: b.last_played or datetime.min, reverse=True)

    days = {local_day(a.at) for a in attempts}
    leeches = [(r.bank_id, r.question_id, r.lapses) for r in store.leeches(profile)]
    return Stats(
        profile=profile,
        banks=bank_stats,
        streak=streak(days, today),
        played_today=today in days,
        answered=len(attempts),
        correct=sum(a.correct for a in attempts),
        recent=[s for s in sessions if s.answered or s.unfinished][:RECENT_SESSIONS],
        due_today=len(store.due_questions(profile, banks)) if banks else None,
        leeches=leeches,
    )


def _sections(rows: list[AttemptRow], bank: Bank | None) -> list[SectionStats]:
    latest: dict[str, AttemptRow] = {}
    for a in rows:  # oldest first: the last one kept is the latest
        latest[a.question_id] = a
    if bank is None:
        out: dict[str, SectionStats] = {}
        for a in latest.values():
            s = out.setdefault(a.section or "Other", SectionStats(a.section or "Other", 0, 0, 0))
            s.total += 1
            s.seen += 1
            s.mastered += a.correct
        return list(out.values())
    by_title: dict[str, SectionStats] = {}
    first: dict[str, int] = {}
    for q in bank.playable():
        title = q.section or "Other"
        s = by_title.setdefault(title, SectionStats(title, 0, 0, 0))
        start = min((e.start for e in q.evidence if e.start >= 0), default=10**12)
        first[title] = min(first.get(title, 10**12), start)
        s.total += 1
        last = latest.get(q.id)
        if last is not None and last.answer_hash == q.answer_hash:
            s.seen += 1
            s.mastered += last.correct
    # In article order, as the sections are read.
    return sorted(by_title.values(), key=lambda s: first[s.title])


def summary_line(st: Stats) -> str:
    """One line: answered, right, days in a row and what is due (the CLI and the TUI)."""
    days = f"{st.streak} day{'s' if st.streak != 1 else ''} in a row"
    if st.streak and not st.played_today:
        days += " (play today to keep it)"
    line = f"Answered {st.answered} · right {st.correct} ({round(100 * st.accuracy)}%) · {days}"
    if st.due_today is not None:
        line += f" · {st.due_today} due for review today"
    return line


def streak(days: set[date], today: date) -> int:
    """Days in a row with play, ending today, or yesterday if today has none yet."""
    day = today if today in days else today - timedelta(days=1)
    n = 0
    while day in days:
        n += 1
        day -= timedelta(days=1)
    return n


def bar(fraction: float, width: int = 20) -> str:
    """A horizontal bar in eighth-blocks, padded to ``width`` cells."""
    fraction = min(1.0, max(0.0, fraction))
    eighths = round(fraction * width * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full + (BAR_BLOCKS[part] if part else "")
    return text.ljust(width)

@dataclass(frozen=True)
class StatsRequest:
    """``quiz stats``: whose progress (None: the one to show without asking), and how."""

    profile: str | None = None
    json: bool = False


def show_stats(request: StatsRequest, out: TextIO | None = None,
               err: TextIO | None = None) -> int:
    """Print a profile's progress as text or JSON; the exit code of ``quiz stats``."""
    from quiz.bank.catalog import load_played

    out, err = out or sys.stdout, err or sys.stderr
    with open_with_notices(err) as store:
        profile = profile_to_show(store, request.profile)
        if profile is not None and store.profile(profile) is None:
            known = ", ".join(p.name for p in store.profiles()) or "none yet"
            print(f"quiz stats: error: no profile named {clean(profile)!r} "
                  f"(profiles: {clean(known)})", file=err)
            return 1
        if profile is None:
            if request.json:
                print(json.dumps({"profile": None, "banks": []}), file=out)
            elif store.profiles():
                names = ", ".join(p.name for p in store.profiles())
                print(f"Several profiles ({clean(names)}); pick one with --profile NAME.",
                      file=out)
            else:
                print("No progress yet: play a bank first (quiz play BANK).", file=out)
            return 0
        result = compute(store, profile, load_played(store.sessions(profile)))
    if request.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2), file=out)
    else:
        print("\n".join(format_stats(result)), file=out)
    return 0


def format_stats(st: Stats, width: int = 20) -> list[str]:
    """The stats as plain text lines (bank text cleaned of terminal controls)."""
    out = [f"Progress of {clean(st.profile)}"]
    if not st.answered:
        out.append("No answers yet.")
    else:
        out.append(summary_line(st))
    for b in st.banks:
        out.append("")
        out.append(f"{clean(b.title)} ({clean(b.bank_id)})")
        seen = f"{b.questions_seen} of {b.questions_total}" if b.questions_total is not None \
            else f"{b.questions_seen}"
        last = b.last_played.astimezone().strftime("%Y-%m-%d") if b.last_played else "never"
        out.append(f"  {round(100 * b.accuracy)}% right over {b.answered} answers · {seen} "
                   f"questions seen · last played {last}")
        if b.sections:
            out.append("  Mastery by section:")
            name_w = min(32, max(len(clean(s.title)) for s in b.sections))
            for s in b.sections:
                title = clean(s.title)
                if len(title) > name_w:
                    title = title[:name_w - 1] + "…"
                out.append(f"    {title:<{name_w}}  {bar(s.mastery, width)} "
                           f"{round(100 * s.mastery):>3}%  ({s.mastered}/{s.total})")
    if st.leeches:
        out.append("")
        out.append("Missed again and again (read their passages, or ask about them):")
        for bank_id, qid, lapses in st.leeches:
            out.append(f"  {clean(bank_id)} / {clean(qid)}: missed {lapses} times after "
                       "first seen")
    if st.recent:
        out.append("")
        out.append("Recent sessions:")
        for row in st.recent:
            out.append("  " + session_line(row, clean(row.bank_id)))
    return out


def session_line(row: SessionRow, bank: str, width: int = 76) -> str:
    """One recent session in at most ``width`` cells (an 80-column terminal, indented).

    The bank name gives way (cut with an ellipsis); date, mode, answers, points
    and state always show.
    """
    when = row.started.astimezone().strftime("%d %b %H:%M")  # "02 Dec 14:05": recent, short
    tail = (f"{row.mode}  {row.answered}/{row.total} answered  {row.points} pts  "
            f"{_status(row.status)}")
    room = max(8, width - len(when) - len(tail) - 4)
    if len(bank) > room:
        bank = bank[:room - 1] + "…"
    return f"{when}  {bank}  {tail}"


def _status(status: str) -> str:
    return "unfinished" if status in ("active", "paused") else status
