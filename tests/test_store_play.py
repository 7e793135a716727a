"""Plain mode with the store: profiles, the resume offer, review and cram, interruptions."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quiz.bank.load import load_bank
from quiz.bank.model import Bank, Question
from quiz.play.plain import run_plain
from quiz.play.setup import PlayRequest
from quiz.store.progress import Store
from tests.conftest import ROOT, SEED_BANK

# Every question of the seed bank a player can be asked.
N = len(load_bank(SEED_BANK / "bank.yaml").playable())


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(SEED_BANK / "bank.yaml")


class TTYInput(io.StringIO):
    def isatty(self) -> bool:
        return True


def args(**kw) -> PlayRequest:
    return PlayRequest(**{"seed": 1, "in_order": True, "plain": True, **kw})


def typed(q: Question, right: bool = True) -> str:
    """A line that answers ``q`` (right or not) whatever the option order."""
    if q.type == "truefalse":
        return "t" if bool(q.answer) == right else "f"
    if q.type in ("text", "number"):
        return str(q.answer) if right else "not it 000"
    return "s"  # choice/multi/order: a skip is enough for these tests


def play(bank: Bank, lines: list[str], stdin_cls=io.StringIO, **kw) -> str:
    out = io.StringIO()
    with Store.open() as store:
        code = run_plain(args(**kw), bank, store=store, stdin=stdin_cls("\n".join(lines) + "\n"),
                         stdout=out)
    assert code == 0
    return out.getvalue()


def first(bank: Bank, n: int) -> list[Question]:
    return bank.playable()[:n]


def test_a_piped_run_plays_as_the_default_profile_without_remembering_it(bank: Bank) -> None:
    q = first(bank, 1)[0]
    out = play(bank, [typed(q), "", "q"])
    assert "Who is playing" not in out
    with Store.open() as s:
        assert [a.profile for a in s.attempts()] == ["default"]
        assert s.default_profile() is None


def test_the_first_run_on_a_terminal_asks_a_name_once(bank: Bank) -> None:
    q = first(bank, 1)[0]
    out = play(bank, ["x" * 50, "Ada", typed(q), "", "q"], stdin_cls=TTYInput)
    assert out.count("Who is playing?") == 1
    assert "That name won't do" in out  # the 50-character one
    with Store.open() as s:
        assert s.default_profile() == "Ada"
        assert [a.profile for a in s.attempts()] == ["Ada"]
    out = play(bank, ["n", "q"], stdin_cls=TTYInput)
    assert "Who is playing?" not in out


def test_an_empty_name_on_a_terminal_plays_as_the_default_profile(bank: Bank) -> None:
    play(bank, ["", "q"], stdin_cls=TTYInput)
    with Store.open() as s:
        assert s.default_profile() is None
        assert [p.name for p in s.profiles()] == ["default"]


def test_profile_switches_and_is_remembered(bank: Bank) -> None:
    q = first(bank, 1)[0]
    play(bank, [typed(q), "", "q"], profile="grace")
    with Store.open() as s:
        assert s.default_profile() == "grace"
        assert [a.profile for a in s.attempts()] == ["grace"]


def test_quit_and_resume_at_the_right_question_with_the_right_score(bank: Bank) -> None:
    q1, q2, q3 = first(bank, 3)
    out = play(bank, [typed(q1), "", typed(q2), "", "q"])
    assert f"Question 2 of {N}" in out
    with Store.open() as s:
        (row,) = s.unfinished_sessions("default")
        points = row.points
    # Answered at a terminal (a pipe is never asked: see the --resume/--new tests).
    out = play(bank, ["y", typed(q3), "", "q"], stdin_cls=TTYInput, profile="default")
    assert "You have an unfinished practice session" in out and f"2 of {N} answered" in out
    assert f"Resuming default's session: question 3 of {N}, score so far {points}." in out
    assert f"Question 3 of {N}" in out and f"Question 1 of {N}" not in out
    with Store.open() as s:
        (row,) = s.unfinished_sessions("default")
        assert row.answered == 3  # the same session went on


def test_declining_the_offer_starts_over(bank: Bank) -> None:
    q1 = first(bank, 1)[0]
    play(bank, [typed(q1), "", "q"])
    out = play(bank, ["n", "q"], stdin_cls=TTYInput, profile="default")
    assert "Resume it?" in out and "Resuming" not in out
    with Store.open() as s:
        assert s.unfinished_sessions("default") == []
        assert [r.status for r in s.sessions("default")] == ["abandoned", "abandoned"]


def test_resume_and_new_flags_skip_the_question(bank: Bank) -> None:
    q1, q2 = first(bank, 2)
    play(bank, [typed(q1), "", "q"])
    out = play(bank, ["q"], resume=False)
    assert "Resume it?" not in out and f"Question 1 of {N}" in out
    with Store.open() as s:
        assert s.unfinished_sessions("default") == []  # set aside, not offered again
    play(bank, [typed(q1), "", "q"])
    out = play(bank, [typed(q2), "", "q"], resume=True)
    assert "Resume it?" not in out and f"question 2 of {N}" in out


def test_review_plays_what_was_missed_and_cram_plays_all_weakest_first(bank: Bank) -> None:
    out = play(bank, ["q"], mode="review")
    assert "Nothing in Inter-Korean Liaison Office is due for review today" in out
    tf = [q for q in bank.playable() if q.type == "truefalse"][:3]
    lines = []
    for q in bank.playable():  # in order: skip all but three true/false, one of them right
        lines += [typed(q, right=q is tf[1]) if q in tf else "s", ""]
    play(bank, lines)
    with Store.open() as s:
        due = {q.id for _b, q in s.due_questions("default", [bank])}
        before = s.review_rows("default")
    # Everything skipped or wrong is due; the one right answer is not.
    assert tf[1].id not in due and tf[0].id in due and len(due) == N - 1
    out = play(bank, ["q"], mode="review", resume=False)
    assert f"{N - 1} questions, review of the questions due today" in out
    out = play(bank, ["s", "", "q"], mode="cram", resume=False)
    assert f"{N} questions, cram, weakest first" in out
    assert out.index(f"Question 1 of {N}") < out.index(f"Question 2 of {N}")
    with Store.open() as s:
        assert s.review_rows("default") == before  # cram changed no schedule
        last = s.attempts()[-1]
        assert last.mode == "cram" and last.question_id != tf[1].id  # the known one comes last


def _spawn(home: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QUIZ_HOME": str(home), "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "quiz", "play", str(SEED_BANK), "--plain", "--in-order", *extra],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env, cwd=ROOT)


def test_ctrl_c_mid_session_leaves_it_resumable(quiz_home: Path, bank: Bank) -> None:
    q1 = first(bank, 1)[0]
    p = _spawn(quiz_home)
    assert p.stdin is not None
    p.stdin.write(f"{typed(q1)}\n")
    p.stdin.flush()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with Store.open(backup=False) as s:
            if s.attempts():
                break
        time.sleep(0.05)
    p.send_signal(signal.SIGINT)
    out, _err = p.communicate(timeout=20)
    assert p.returncode == 130 and "Results" in out
    with Store.open() as s:
        (row,) = s.unfinished_sessions("default")
        assert row.answered == 1


def test_a_damaged_database_is_reported_and_play_goes_on(quiz_home: Path, bank: Bank) -> None:
    db = quiz_home / "data" / "progress.db"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"\x00garbage" * 512)
    q1 = first(bank, 1)[0]
    p = _spawn(quiz_home)
    out, err = p.communicate(f"{typed(q1)}\n\nq\n", timeout=30)
    assert p.returncode == 0
    assert "could not be read" in err and "moved to" in err
    assert "Results" in out
    with Store.open() as s:
        assert len(s.attempts()) == 1
    assert list(db.parent.glob("progress.db.damaged-*"))


def test_a_question_missed_again_and_again_is_flagged(bank: Bank) -> None:
    from quiz.play.session import SessionInfo
    from tests.test_store import _attempt_for

    q1 = first(bank, 1)[0]
    with Store.open() as s:
        rec = s.recorder("default")
        rec.session_started(SessionInfo(bank.id, bank.title, "review", "default", 1, ()))
        for seq in range(1, 10):
            rec.save([_attempt_for(q1, seq, "review", correct=False)])
        rec.close()
        s.abandon(rec.session_id)
    out = play(bank, ["s", "", "s", "", "q"], mode="practice")
    flagged = out.split(f"Question 2 of {N}")
    assert "You keep missing this one: 8 times" in flagged[0]
    assert "You keep missing" not in flagged[1]  # q2 is not a leech


def test_review_across_banks_groups_due_questions_by_bank(bank: Bank) -> None:
    import dataclasses

    from quiz.play.setup import due_by_bank

    other = dataclasses.replace(bank, id="other-bank")
    play(bank, ["s", "", "s", "", "q"])
    with Store.open() as s:
        from quiz.play.session import SessionInfo
        from tests.test_store import _attempt_for

        rec = s.recorder("default")
        rec.session_started(SessionInfo(other.id, other.title, "practice", "default", 1, ()))
        rec.save([_attempt_for(first(bank, 3)[2], 1, "practice", correct=False)])
        rec.close()
        groups = due_by_bank(s, "default", [bank, other])
    assert [(b.id, [q.id for q in qs]) for b, qs in groups] == [
        (bank.id, [q.id for q in first(bank, 2)]), ("other-bank", [first(bank, 3)[2].id])]
