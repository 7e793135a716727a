"""Points: pure functions, no state. The engine calls these; nothing else decides a score.

Shares are fractions of a question's base points. Every function is small so a
teacher-facing setting can switch a part off without touching the rest.
"""

from __future__ import annotations

# Harder questions are worth more, so a player who takes them on is rewarded
# even if they get fewer right.
POINTS_PER_DIFFICULTY = 100
MIN_DIFFICULTY, MAX_DIFFICULTY = 1, 3

# Each written hint takes a fixed share: four hints would take everything,
# but banks hold two or three, so a hinted answer still earns something.
HINT_SHARE = 0.25
# Seeing the passage nearly gives the answer away, so afterwards only this
# much is left. Written hints never take more than this either: taking the
# vague hints first must never leave less than jumping to the passage would.
PASSAGE_SHARE = 0.10

# Moodle's usual "penalty for each incorrect try" is a third of the mark.
RETRY_PENALTY = 1 / 3

# Opt-in bonuses. A streak adds a tenth of base per correct answer in a row
# (after the first), capped so one long run cannot dwarf the base points.
STREAK_SHARE = 0.10
STREAK_CAP = 5
# Speed bonus (Kahoot-like, but halved): up to half the points earned, falling
# linearly to nothing at the time limit, or at SPEED_REFERENCE seconds untimed.
SPEED_SHARE = 0.5
SPEED_REFERENCE = 20.0


def base_points(difficulty: int) -> int:
    """What a question is worth unhinted, at the first try."""
    d = min(max(int(difficulty), MIN_DIFFICULTY), MAX_DIFFICULTY)
    return d * POINTS_PER_DIFFICULTY


def hint_share(hints_taken: int, hint_steps: int) -> float:
    """The share of base points left after ``hints_taken`` of ``hint_steps`` steps.

    The last step (``hints_taken == hint_steps``) is the passage itself.
    """
    if hints_taken <= 0:
        return 1.0
    if hints_taken >= hint_steps:
        return min(PASSAGE_SHARE, max(0.0, 1.0 - HINT_SHARE * hints_taken))
    return max(PASSAGE_SHARE, 1.0 - HINT_SHARE * hints_taken)


def available(base: int, hints_taken: int, hint_steps: int, wrong_tries: int,
              retry_penalty: float = RETRY_PENALTY) -> int:
    """Points the question can still earn, given hints taken and wrong tries so far.

    Hints and retries multiply rather than add up, so a player who was wrong
    once and then needed the passage still earns a little for getting there.
    """
    retry_share = max(0.0, 1.0 - retry_penalty * max(0, wrong_tries))
    return max(0, round(base * hint_share(hints_taken, hint_steps) * retry_share))


def earned(available_points: int, correct: bool, partial: float) -> int:
    """Points for a settled answer: all of what is available, or the partial share.

    Partial credit (multi, order) only applies to a final wrong answer; a
    practice player who may still retry gets nothing for a half-right try.
    """
    if correct:
        return available_points
    p = min(max(float(partial), 0.0), 1.0)
    return round(available_points * p)


def streak_bonus(base: int, streak: int) -> int:
    """Bonus for the ``streak``-th correct answer in a row (the first earns none)."""
    if streak < 2:
        return 0
    return round(base * STREAK_SHARE * min(streak - 1, STREAK_CAP))


def speed_bonus(points: int, seconds: float | None, time_limit: float | None) -> int:
    """Bonus for a quick correct answer; nothing if the time was not measured."""
    if seconds is None or points <= 0:
        return 0
    limit = time_limit if time_limit and time_limit > 0 else SPEED_REFERENCE
    left = max(0.0, 1.0 - max(0.0, seconds) / limit)
    return round(points * SPEED_SHARE * left)
