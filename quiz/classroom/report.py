"""``quiz report``: what a class answered, from the host's progress database.

Rows cover every student and every question that was asked, answered or
not, so a spreadsheet's totals match the game's. Text a student typed is
made safe for spreadsheets (no formulas), and all bank and player text for
terminals (no control sequences).
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from typing import TextIO

from quiz.bank.answertext import given_text
from quiz.classroom.records import ClassRecords, ClassSession
from quiz.classroom.room import AnswerRecord, Phase, Player
from quiz.store.export import csv_cell
from quiz.store.progress import Store
from quiz.textsafe import clean

CSV_COLUMNS = ["session", "student", "number", "question", "section", "answer", "correct",
               "seconds", "hints", "points"]


@dataclass(frozen=True, slots=True)
class Row:
    student: str
    number: int  # 1-based, in play order
    question_id: str
    section: str
    answer: AnswerRecord | None


@dataclass(frozen=True, slots=True)
class SectionMastery:
    section: str
    questions: int
    answers: int
    correct: int
    expected: int  # students x questions asked in the section

    @property
    def mastery(self) -> float:
        return self.correct / self.expected if self.expected else 0.0


class Report:
    def __init__(self, records: ClassRecords, session: ClassSession) -> None:
        self.session = session
        self.answers = {(a.player_id, a.q): a for a in records.answers(session.id)}
        # Everyone who played: still in the room, or gone after answering something.
        answered = {pid for pid, _ in self.answers}
        self.players: list[Player] = [p for p in records.players(session.id)
                                      if p.approved and (p.active or p.id in answered)]
        self.sections = self._sections(session)

    @staticmethod
    def _sections(session: ClassSession) -> dict[str, str]:
        """Question id -> article section, from the bank if it can still be read."""
        from quiz.bank.load import BankError, load_bank

        try:
            bank = load_bank(session.bank_path)
        except (BankError, OSError):
            return {}
        return {q.id: q.section for q in bank.questions}

    @property
    def asked(self) -> int:
        """Questions that were opened (all of them once the session ended)."""
        s = self.session
        last = s.state.index
        if s.state.phase is Phase.LOBBY:
            return 0
        return min(last + 1, len(s.question_ids))

    def rows(self) -> list[Row]:
        out = []
        for p in sorted(self.players, key=lambda p: p.name.casefold()):
            for i in range(self.asked):
                qid = self.session.question_ids[i]
                out.append(Row(p.name, i + 1, qid, self.sections.get(qid, ""),
                               self.answers.get((p.id, i))))
        return out

    def mastery(self) -> list[SectionMastery]:
        per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for i in range(self.asked):
            qid = self.session.question_ids[i]
            acc = per[self.sections.get(qid, "") or "(unknown)"]
            acc[0] += 1
            acc[3] += len(self.players)
            for p in self.players:
                a = self.answers.get((p.id, i))
                if a is not None:
                    acc[1] += 1
                    acc[2] += int(a.correct)
        return [SectionMastery(name, *acc) for name, acc in per.items()]

    def write_csv(self, out: TextIO) -> int:
        w = csv.writer(out)
        w.writerow(CSV_COLUMNS)
        rows = self.rows()
        for r in rows:
            a = r.answer
            w.writerow([self.session.id, _cell(r.student), r.number, _cell(r.question_id),
                        _cell(r.section), _cell(given_text(a.given)) if a else "",
                        "" if a is None else int(a.correct),
                        "" if a is None else round(a.seconds, 3),
                        "" if a is None else a.hints, 0 if a is None else a.total])
        return len(rows)

    def write_sections(self, out: TextIO) -> None:
        w = csv.writer(out)
        w.writerow(["section", "questions", "answers", "correct", "mastery"])
        for m in self.mastery():
            w.writerow([_cell(m.section), m.questions, m.answers, m.correct,
                        f"{m.mastery:.3f}"])

    def write_summary(self, out: TextIO) -> None:
        s = self.session
        print(f"Session {s.id}: {clean(s.bank_title)} ({s.status}), started {s.started[:16]} UTC",
              file=out)
        print(f"{len(self.players)} students, {self.asked} of {len(s.question_ids)} questions "
              "asked", file=out)
        scores: defaultdict[int, int] = defaultdict(int)  # by player id
        right: defaultdict[int, int] = defaultdict(int)
        for (pid, _), a in self.answers.items():
            scores[pid] += a.total
            right[pid] += int(a.correct)
        print("\nStudents", file=out)
        for p in sorted(self.players, key=lambda p: (-scores[p.id], p.name.casefold())):
            name = clean(p.name)
            print(f"  {name:<20} {scores[p.id]:>6} points  {right[p.id]}/{self.asked} right",
                  file=out)
        print("\nMastery by section (right answers of all possible)", file=out)
        for m in sorted(self.mastery(), key=lambda m: m.mastery):
            print(f"  {m.mastery:>4.0%}  {clean(m.section)} ({m.questions} questions)", file=out)


# What clean() leaves for terminals but a spreadsheet cell should not hold either:
# line and tab breaks, and the invisible direction marks (LRM, RLM, ALM).
_CELL_EXTRA_RE = re.compile("[\t\n\r\u061c\u200e\u200f]+")


def _cell(text: str) -> str:
    return csv_cell(_CELL_EXTRA_RE.sub(" ", clean(text)))


@dataclass(frozen=True)
class ReportRequest:
    """``quiz report [SESSION]``: the list of sessions, or one session in one format."""

    session: int | None = None  # None: list the sessions
    csv: bool = False  # per student x question
    sections: bool = False  # the class's mastery per article section, as CSV


def run(request: ReportRequest) -> int:
    with Store.open(backup=False) as store:
        records = ClassRecords(store)
        if request.session is None:
            sessions = records.sessions()
            if not sessions:
                print("No classroom sessions yet; run `quiz host BANK` to start one.")
                return 0
            for s in sessions:
                players = len(records.players(s.id))
                print(f"{s.id:>4}  {s.started[:16]}  {s.status:<8} {players:>3} students  "
                      f"{clean(s.bank_title)}")
            return 0
        session = records.session(request.session)
        if session is None:
            print(f"quiz report: error: there is no classroom session {request.session}; run "
                  "`quiz report` to list them", file=sys.stderr)
            return 1
        report = Report(records, session)
        if request.csv:
            report.write_csv(sys.stdout)
        elif request.sections:
            report.write_sections(sys.stdout)
        else:
            report.write_summary(sys.stdout)
    return 0
