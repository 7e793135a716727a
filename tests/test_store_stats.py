"""Progress summaries: accuracy per bank, mastery per section, streaks, bars."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from quiz.bank.load import load_bank
from quiz.bank.model import Bank
from quiz.store import stats
from quiz.store.progress import Store
from tests.conftest import SEED_BANK, Clock
from tests.test_store import _play, new_session, right, small_bank, wrong


@pytest.fixture(scope="module")
def seed_bank() -> Bank:
    return load_bank(SEED_BANK / "bank.yaml")


def test_streak_counts_days_in_a_row_up_to_today_or_yesterday() -> None:
    today = date(2026, 3, 10)
    days = {today - timedelta(days=n) for n in (0, 1, 2, 4)}
    assert stats.streak(days, today) == 3
    assert stats.streak(days - {today}, today) == 2  # not played yet today: still alive
    assert stats.streak({today - timedelta(days=2)}, today) == 0
    assert stats.streak(set(), today) == 0


def test_bars_are_proportional_and_fixed_width() -> None:
    assert stats.bar(0.0, 10) == " " * 10
    assert stats.bar(1.0, 10) == "█" * 10
    assert stats.bar(0.5, 10) == "█" * 5 + " " * 5
    assert stats.bar(0.55, 10).startswith("█████▌")
    assert stats.bar(7, 4) == "████"  # clamped
    assert all(len(stats.bar(f / 17, 12)) == 12 for f in range(18))


def _session(store: Store, bank: Bank, answers: list[bool]) -> None:
    s = new_session(store, bank, max_tries=1)
    for ok in answers:
        q = s.current
        s.answer(right(q) if ok else wrong(s, q))
        s.advance()
    if s.state.value != "finished":
        s.finish()


def test_accuracy_per_bank_and_mastery_per_section(seed_bank: Bank) -> None:
    clock = Clock()
    bank = small_bank(seed_bank, 6)
    with Store.open(now=clock) as store:
        _session(store, bank, [True, False, True, False])
        st = stats.compute(store, "ada", [bank])
        (b,) = st.banks
        assert (b.answered, b.correct, b.questions_seen, b.questions_total) == (4, 2, 4, 6)
        assert b.accuracy == 0.5 and st.accuracy == 0.5
        # Each section counts its mastered questions out of all its questions in the bank.
        expected: dict[str, list[int]] = {}
        for i, q in enumerate(bank.questions):
            e = expected.setdefault(q.section, [0, 0])
            e[1] += 1
            e[0] += i in (0, 2)
        assert {s.title: [s.mastered, s.total] for s in b.sections} == expected
        assert sum(s.seen for s in b.sections) == 4
        assert st.due_today == 2  # the two misses come back today


def test_the_latest_answer_decides_mastery(seed_bank: Bank) -> None:
    bank = small_bank(seed_bank, 1)
    with Store.open() as store:
        _session(store, bank, [False])
        _session(store, bank, [True])
        (b,) = stats.compute(store, "ada", [bank]).banks
        assert [s.mastered for s in b.sections] == [1]
        assert (b.answered, b.correct) == (2, 1)
        _session(store, bank, [False])
        (b,) = stats.compute(store, "ada", [bank]).banks
        assert [s.mastered for s in b.sections] == [0]


def test_a_changed_answer_is_not_mastered_until_answered_again(seed_bank: Bank) -> None:
    bank = small_bank(seed_bank, 1)
    with Store.open() as store:
        _session(store, bank, [True])
        q = bank.questions[0]
        changed = dataclasses.replace(bank, questions=[dataclasses.replace(
            q, accept=[*q.accept, "also right"])])
        (b,) = stats.compute(store, "ada", [changed]).banks
        assert [(s.mastered, s.seen) for s in b.sections] == [(0, 0)]
        assert b.answered == 1  # the history is still counted


def test_without_the_bank_sections_come_from_the_attempts(seed_bank: Bank) -> None:
    bank = small_bank(seed_bank, 3)
    with Store.open() as store:
        _session(store, bank, [True, True, False])
        (b,) = stats.compute(store, "ada").banks
        assert b.questions_total is None and b.title == bank.title
        assert sum(s.total for s in b.sections) == 3
        assert sum(s.mastered for s in b.sections) == 2
        assert {s.title for s in b.sections} == {q.section for q in bank.questions}


def test_days_in_a_row_and_recent_sessions(seed_bank: Bank) -> None:
    clock = Clock()
    bank = small_bank(seed_bank, 2)
    with Store.open(now=clock) as store:
        for _day in range(3):
            _session(store, bank, [True])
            clock.tick(days=1)
        st = stats.compute(store, "ada", [bank])
        assert st.streak == 3 and not st.played_today
        assert len(st.recent) == 3 and all(s.answered == 1 for s in st.recent)
        assert st.recent[0].started > st.recent[-1].started
        clock.tick(days=1)
        assert stats.compute(store, "ada").streak == 0
        data = st.to_json()
        assert data["streak_days"] == 3
        assert data["banks"][0]["sections"][0]["mastery"] >= 0
        assert len(data["recent_sessions"]) == 3


def test_an_unfinished_session_shows_its_points_so_far(seed_bank: Bank) -> None:
    bank = small_bank(seed_bank, 3)
    with Store.open() as store:
        s = new_session(store, bank)
        _play(s, 2)
        s.finish()
        (row,) = stats.compute(store, "ada").recent
        assert row.unfinished and row.answered == 2 and row.points == s.running_score()
