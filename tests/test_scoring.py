"""Scoring rules: base points, hint and retry costs, partial credit, opt-in bonuses."""

from __future__ import annotations

import pytest

from quiz.play import scoring


@pytest.mark.parametrize(("difficulty", "points"), [(1, 100), (2, 200), (3, 300),
                                                    (0, 100), (9, 300)])
def test_base_points_grow_with_difficulty_and_clamp(difficulty: int, points: int) -> None:
    assert scoring.base_points(difficulty) == points


def test_each_written_hint_takes_a_quarter() -> None:
    # Two written hints + the passage = 3 steps.
    assert scoring.available(200, 0, 3, 0) == 200
    assert scoring.available(200, 1, 3, 0) == 150
    assert scoring.available(200, 2, 3, 0) == 100


def test_passage_step_leaves_only_a_small_share() -> None:
    assert scoring.available(200, 3, 3, 0) == 20
    # A question without written hints goes straight to the passage.
    assert scoring.available(300, 1, 1, 0) == 30


def test_many_written_hints_never_go_below_the_passage_share() -> None:
    steps = 7  # six written hints: 6 x 25% would be below zero
    shares = [scoring.hint_share(k, steps) for k in range(steps + 1)]
    assert shares == sorted(shares, reverse=True)  # every step costs, none refunds
    assert min(shares[:-1]) == scoring.PASSAGE_SHARE
    assert shares[-1] <= scoring.PASSAGE_SHARE
    assert all(s >= 0 for s in shares)


def test_retry_penalty_is_a_third_per_wrong_try() -> None:
    assert scoring.available(300, 0, 3, 1) == 200
    assert scoring.available(300, 0, 3, 2) == 100
    assert scoring.available(300, 0, 3, 3) == 0
    assert scoring.available(300, 0, 3, 9) == 0  # never negative


def test_hints_and_retries_combine_multiplicatively() -> None:
    # One hint (75%) and one wrong try (2/3): half the base.
    assert scoring.available(200, 1, 3, 1) == 100
    # The passage after a wrong try still earns something.
    assert scoring.available(300, 3, 3, 1) == 20


def test_custom_retry_penalty() -> None:
    assert scoring.available(100, 0, 2, 1, retry_penalty=0.5) == 50
    assert scoring.available(100, 0, 2, 1, retry_penalty=0.0) == 100


def test_partial_credit_only_for_a_wrong_answer_with_partial() -> None:
    assert scoring.earned(200, True, 0.0) == 200
    assert scoring.earned(200, False, 0.5) == 100
    assert scoring.earned(200, False, 0.0) == 0
    assert scoring.earned(200, False, 7.0) == 200  # clamped
    assert scoring.earned(200, False, -1.0) == 0


def test_streak_bonus_grows_then_caps() -> None:
    assert scoring.streak_bonus(200, 0) == 0
    assert scoring.streak_bonus(200, 1) == 0
    assert scoring.streak_bonus(200, 2) == 20
    assert scoring.streak_bonus(200, 4) == 60
    assert scoring.streak_bonus(200, 6) == scoring.streak_bonus(200, 60) == 100


def test_speed_bonus_falls_to_nothing_at_the_limit() -> None:
    assert scoring.speed_bonus(200, 0.0, 10.0) == 100
    assert scoring.speed_bonus(200, 5.0, 10.0) == 50
    assert scoring.speed_bonus(200, 10.0, 10.0) == 0
    assert scoring.speed_bonus(200, 30.0, 10.0) == 0
    assert scoring.speed_bonus(200, None, 10.0) == 0  # not measured: no bonus
    assert scoring.speed_bonus(0, 1.0, 10.0) == 0  # nothing earned: nothing to add
    # Untimed: measured against the reference time.
    assert scoring.speed_bonus(200, scoring.SPEED_REFERENCE / 2, None) == 50
