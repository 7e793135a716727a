"""The play engine as a state machine: order, answers, hints, modes, results, snapshots."""

from __future__ import annotations

import json

import pytest

from quiz.bank.model import Evidence, Question
from quiz.play.engine import Engine, EngineError, Mode, Settings, State


def ev(quote: str, start: int, section: str) -> Evidence:
    return Evidence(quote, start=start, end=start + len(quote), section_title=section)


def make_questions() -> list[Question]:
    """Six questions, one of each type, listed out of article order on purpose."""
    return [
        Question("demolished", "text", "When was the office demolished?", "16 June 2020",
                 [ev("On 16 June 2020 at 2:50 pm", 900, "Destruction of building")],
                 hints=["The year of the pandemic.", "The month was June."], difficulty=2),
        Question("rep", "choice", "Who was North Korea's representative?", "Jon Jong-su",
                 [ev("headed by North Korean Representative Jon Jong-su", 100, "Introduction")],
                 choices=["Jon Jong-su", "Chun Hae-sung", "Kim Yo-jong", "Roh Tae-kang"],
                 hints=["He was vice chairman of a committee."], difficulty=1),
        Question("co-heads", "multi", "Which two men were co-heads?",
                 ["Chun Hae-sung", "Jon Jong-su"],
                 [ev("Both men were co-heads of the office", 600, "History")],
                 choices=["Chun Hae-sung", "Jon Jong-su", "Won Kil-u", "Roh Tae-kang"],
                 difficulty=2),
        Question("destroyed-2018", "truefalse", "The office was destroyed in 2018.", False,
                 [ev("demolished by North Korea on 16 June 2020", 300, "Introduction")],
                 difficulty=1),
        Question("area", "number", "What was the floor area in m2?", 4498.57,
                 [ev("an area of 4498.57 m2", 500, "History")], unit="m2", difficulty=3),
        Question("timeline", "order", "Put these in order.",
                 ["Declaration signed", "First meeting", "Office closed", "Demolition"],
                 [ev("on 27 April 2018", 450, "History")], difficulty=3),
    ]


def right_answer(q: Question) -> object:
    return q.answer


def wrong_answer(q: Question) -> object:
    return {
        "text": "1 January 1999", "choice": "Kim Yo-jong", "multi": ["Won Kil-u"],
        "truefalse": not q.answer, "number": "12", "order": list(reversed(q.items)),
    }[q.type]


def play_all(engine: Engine, answer=right_answer) -> None:
    while engine.state is not State.FINISHED:
        engine.answer(answer(engine.current))
        engine.advance()


def by_id(engine: Engine, qid: str) -> None:
    """Advance (skipping) until the current question is ``qid``."""
    while engine.current.id != qid:
        engine.skip()
        engine.advance()


# -- order -----------------------------------------------------------------


def test_in_order_keeps_the_bank_order() -> None:
    qs = make_questions()
    engine = Engine(qs, Settings(shuffle=False))
    assert engine.questions == qs
    assert (engine.number, engine.total, engine.position) == (1, 6, 0)


def test_shuffle_is_deterministic_for_a_seed() -> None:
    ids = [[q.id for q in Engine(make_questions(), Settings(seed=s)).questions]
           for s in (7, 7, 8, 9, 10)]
    assert ids[0] == ids[1]
    assert any(other != ids[0] for other in ids[2:])
    assert all(sorted(i) == sorted(ids[0]) for i in ids)


def test_a_missing_seed_is_chosen_and_kept() -> None:
    engine = Engine(make_questions())
    assert isinstance(engine.settings.seed, int)
    again = Engine(make_questions(), Settings(seed=engine.settings.seed))
    assert [q.id for q in again.questions] == [q.id for q in engine.questions]


def test_options_are_seeded_and_order_items_are_never_already_right() -> None:
    qs = make_questions()
    order_q = qs[5]
    for seed in range(40):
        engine = Engine(qs, Settings(seed=seed))
        opts = engine.options(order_q)
        assert sorted(opts) == sorted(order_q.items)
        assert opts != order_q.items
        assert engine.options(qs[1]) == Engine(qs, Settings(seed=seed)).options(qs[1])
    assert Engine(qs, Settings(shuffle_choices=False)).options(qs[1]) == qs[1].choices
    assert Engine(qs).options(qs[3]) == ["True", "False"]
    assert Engine(qs).options(qs[0]) == []


def test_empty_session_is_refused() -> None:
    with pytest.raises(EngineError):
        Engine([])


# -- practice ----------------------------------------------------------------


def test_practice_right_answer_earns_base_points_and_reveals() -> None:
    engine = Engine(make_questions(), Settings(shuffle=False))
    out = engine.answer("16 June 2020")
    assert out.final and out.reveal and out.correct
    assert out.points == 200 and out.bonus == 0
    assert out.expected == "16 June 2020"
    assert engine.state is State.FEEDBACK
    assert engine.running_score() == 200


def test_practice_wrong_try_may_retry_at_a_penalty() -> None:
    engine = Engine(make_questions(), Settings(shuffle=False))
    first = engine.answer("1 January 1999")
    assert not first.final and first.may_retry
    assert first.correct is False and first.tries_left == 1
    assert first.available == 133  # 200 less a third
    assert first.expected is None  # the answer is not given away before the last try
    assert engine.state is State.ASKING
    second = engine.answer("June 16, 2020")
    assert second.final and second.correct and second.points == 133


def test_practice_wrong_twice_is_final_and_shows_the_answer() -> None:
    engine = Engine(make_questions(), Settings(shuffle=False))
    engine.answer("nope")
    out = engine.answer("still nope")
    assert out.final and out.correct is False and out.points == 0
    assert out.expected == "16 June 2020"
    assert engine.results().records[0].status == "wrong"
    assert engine.results().records[0].tries == 2


def test_max_tries_setting() -> None:
    engine = Engine(make_questions(), Settings(shuffle=False, max_tries=3))
    assert engine.answer("a").tries_left == 2
    assert engine.answer("b").tries_left == 1
    assert engine.answer("c").final


def test_truefalse_never_gets_a_retry() -> None:
    engine = Engine(make_questions(), Settings(shuffle=False))
    by_id(engine, "destroyed-2018")
    out = engine.answer(True)
    assert out.final and out.correct is False and out.expected == "False"


def test_partial_credit_on_a_final_multi_answer() -> None:
    engine = Engine(make_questions(), Settings(shuffle=False, max_tries=1))
    by_id(engine, "co-heads")
    out = engine.answer(["Jon Jong-su"])  # one of two right, none wrong
    assert out.final and out.correct is False
    assert out.partial == pytest.approx(0.5) and out.points == 100
    record = next(r for r in engine.results().records if r.question.id == "co-heads")
    assert record.status == "partial" and record.points == 100


def test_state_rules_are_enforced() -> None:
    engine = Engine(make_questions(), Settings(shuffle=False))
    with pytest.raises(EngineError):
        engine.advance()  # nothing answered yet
    engine.answer("16 June 2020")
    with pytest.raises(EngineError):
        engine.answer("again")
    with pytest.raises(EngineError):
        engine.hint()
    with pytest.raises(EngineError):
        engine.skip()


# -- hints -------------------------------------------------------------------


def test_hint_cost_is_known_before_and_applied_after() -> None:
    engine = Engine(make_questions(), Settings(shuffle=False))
    assert engine.hint_steps() == 3
    assert engine.available_points() == 200
    before = engine.next_hint_cost()
    assert before == 150
    step = engine.hint()
    assert (step.number, step.total, step.is_passage) == (1, 3, False)
    assert step.text == "The year of the pandemic."
    assert step.available == before == engine.available_points()
    assert engine.next_hint_cost() == 100
    engine.hint()
    assert engine.next_hint_cost() == 20
    passage = engine.hint()
    assert passage.is_passage and passage.number == 3
    assert passage.spans == [(900, 900 + len("On 16 June 2020 at 2:50 pm"))]
    assert passage.evidence[0].quote == "On 16 June 2020 at 2:50 pm"
    assert engine.next_hint_cost() is None and not engine.can_hint()
    with pytest.raises(EngineError):
        engine.hint()
    out = engine.answer("16 June 2020")
    assert out.points == 20
    assert engine.results().records[0].hints_used == 3


def test_hints_can_be_switched_off_in_practice() -> None:
    engine = Engine(make_questions(), Settings(hints_allowed=False))
    assert not engine.can_hint() and engine.next_hint_cost() is None
    with pytest.raises(EngineError):
        engine.hint()


# -- test mode ---------------------------------------------------------------


def test_test_mode_withholds_feedback_until_the_end() -> None:
    engine = Engine(make_questions(), Settings(mode=Mode.TEST, shuffle=False,
                                               max_tries=5, hints_allowed=True))
    assert engine.settings.tries == 1 and not engine.settings.hints
    assert not engine.can_hint() and engine.next_hint_cost() is None
    with pytest.raises(EngineError):
        engine.hint()
    out = engine.answer("wrong date")
    assert out.final and not out.reveal
    for name in ("correct", "partial", "close", "message", "points", "bonus", "expected"):
        assert getattr(out, name) is None, name
    assert engine.running_score() is None
    with pytest.raises(EngineError):
        engine.results()  # not before the end
    engine.advance()
    out = engine.answer("Jon Jong-su")
    assert out.correct is None and out.points is None
    engine.advance()
    results = engine.finish()
    assert results.mode == "test"
    assert results.correct == 1 and results.settled == 2 and results.score == 100
    assert results.finished_early and results.unanswered == 4


# -- time limit, skip, finish --------------------------------------------------


def test_answer_over_the_time_limit_is_a_timeout() -> None:
    engine = Engine(make_questions(), Settings(shuffle=False, time_limit=10))
    out = engine.answer("16 June 2020", seconds=10.5)
    assert out.final and out.timed_out and out.correct is False and out.points == 0
    engine.advance()
    assert engine.answer("Jon Jong-su", seconds=9.9).correct
    engine.advance()
    out = engine.time_out()
    assert out.timed_out and out.final
    statuses = [r.status for r in engine.results().records]
    assert statuses[:3] == ["timeout", "correct", "timeout"]


def test_no_time_limit_means_no_timeout() -> None:
    engine = Engine(make_questions(), Settings(shuffle=False))
    assert engine.answer("16 June 2020", seconds=10_000).correct


def test_skip_is_final_zero_and_missed() -> None:
    engine = Engine(make_questions(), Settings(shuffle=False))
    engine.hint()
    out = engine.skip()
    assert out.final and out.skipped and out.points == 0
    assert out.expected == "16 June 2020"
    engine.advance()
    assert engine.current.id == "rep"
    results = engine.results()
    assert results.records[0].status == "skipped"
    assert results.missed == [make_questions()[0]]


def test_finish_mid_question_leaves_the_rest_unanswered() -> None:
    engine = Engine(make_questions(), Settings(shuffle=False))
    engine.answer("16 June 2020")
    engine.advance()
    engine.hint()
    results = engine.finish()
    assert engine.state is State.FINISHED and engine.current is None
    assert results.settled == 1 and results.total == 6 and results.unanswered == 5
    assert results.score == 200 and results.max_score == 200
    assert results.finished_early
    with pytest.raises(EngineError):
        engine.answer("x")
    assert engine.finish() == results  # finishing twice changes nothing


def test_advancing_past_the_last_question_finishes() -> None:
    engine = Engine(make_questions(), Settings(shuffle=False))
    play_all(engine)
    results = engine.results()
    assert engine.state is State.FINISHED and not results.finished_early
    assert results.correct == 6 and results.accuracy == 1.0
    assert results.score == results.max_score == 100 + 100 + 200 + 200 + 300 + 300


# -- results -----------------------------------------------------------------


def test_results_per_section_in_article_order_and_missed() -> None:
    engine = Engine(make_questions(), Settings(seed=3))

    def mixed(q: Question) -> object:
        return wrong_answer(q) if q.id in ("rep", "area") else right_answer(q)

    while engine.state is not State.FINISHED:
        q = engine.current
        out = engine.answer(mixed(q))
        if not out.final:
            engine.answer(mixed(q))
        engine.advance()
    results = engine.results()
    # Sections come in article order (by evidence offset), not play order.
    assert [(s.title, s.right, s.total) for s in results.sections] == [
        ("Introduction", 1, 2), ("History", 2, 3), ("Destruction of building", 1, 1),
    ]
    assert sorted(q.id for q in results.missed) == ["area", "rep"]
    assert results.correct == 4 and results.accuracy == pytest.approx(4 / 6)
    assert [r.question.id for r in results.records] == [q.id for q in engine.questions]


def test_bonuses_are_off_unless_switched_on() -> None:
    plain = Engine(make_questions(), Settings(shuffle=False))
    play_all(plain, right_answer)
    assert plain.results().bonus == 0

    streak = Engine(make_questions(), Settings(shuffle=False, streak_bonus=True))
    bonuses = []
    while streak.state is not State.FINISHED:
        bonuses.append(streak.answer(right_answer(streak.current)).bonus)
        streak.advance()
    # No bonus for the first right answer; then a tenth of base per answer in the run.
    assert bonuses[0] == 0 and bonuses[1] == 10 and bonuses[2] == 40
    assert streak.results().score == streak.results().max_score + sum(bonuses)

    fast = Engine(make_questions(), Settings(shuffle=False, speed_bonus=True, time_limit=10))
    assert fast.answer("16 June 2020", seconds=0).bonus == 100
    fast.advance()
    assert fast.answer("Jon Jong-su", seconds=5).bonus == 25


def test_a_wrong_answer_breaks_the_streak() -> None:
    engine = Engine(make_questions(), Settings(shuffle=False, streak_bonus=True,
                                               max_tries=1))
    engine.answer("16 June 2020")
    engine.advance()
    engine.answer("Kim Yo-jong")
    engine.advance()
    assert engine.answer(["Chun Hae-sung", "Jon Jong-su"]).bonus == 0


# -- attempts for the recorder -------------------------------------------------


def test_every_try_is_queued_as_an_attempt() -> None:
    engine = Engine(make_questions(), Settings(shuffle=False))
    engine.hint()
    engine.answer("wrong")
    engine.answer("16 June 2020", seconds=4.5)
    engine.advance()
    engine.skip()
    kinds = [(a.seq, a.question_id, a.kind, a.try_number, a.final, a.correct)
             for a in engine.pending]
    assert kinds == [
        (1, "demolished", "answer", 1, False, False),
        (2, "demolished", "answer", 2, True, True),
        (3, "rep", "skip", 1, True, False),
    ]
    second = engine.pending[1]
    assert second.hints_used == 1 and second.points == 100 and second.seconds == 4.5
    assert second.content_hash == make_questions()[0].content_hash
    json.dumps([vars(a) for a in engine.pending])  # plain values only


# -- snapshot / restore --------------------------------------------------------


def test_snapshot_restore_round_trip_mid_question() -> None:
    qs = make_questions()
    engine = Engine(qs, Settings(seed=11, streak_bonus=True))
    engine.answer(right_answer(engine.current))
    engine.advance()
    engine.hint()
    if engine.current.type != "truefalse":
        engine.answer(wrong_answer(engine.current))
    snap = json.loads(json.dumps(engine.snapshot()))  # must survive JSON

    restored = Engine.restore(make_questions(), snap)
    assert [q.id for q in restored.questions] == [q.id for q in engine.questions]
    assert restored.state is engine.state
    assert restored.current.id == engine.current.id
    assert restored.hints_used == engine.hints_used == 1
    assert restored.tries_left == engine.tries_left
    assert restored.available_points() == engine.available_points()
    assert restored.options() == engine.options()
    assert restored.settings == engine.settings
    assert [a.seq for a in restored.pending] == [a.seq for a in engine.pending]

    # Both continue identically to the end.
    for eng in (engine, restored):
        if eng.state is State.FEEDBACK:
            eng.advance()
        else:
            eng.answer(right_answer(eng.current))
            eng.advance()
        play_all(eng)
    a, b = engine.results(), restored.results()
    assert (a.score, a.correct, a.bonus) == (b.score, b.correct, b.bonus)
    assert [(r.question.id, r.status, r.points) for r in a.records] == \
           [(r.question.id, r.status, r.points) for r in b.records]


def test_restore_in_feedback_and_finished_states() -> None:
    engine = Engine(make_questions(), Settings(shuffle=False))
    engine.answer("16 June 2020")
    restored = Engine.restore(make_questions(), engine.snapshot())
    assert restored.state is State.FEEDBACK
    assert restored.advance() is State.ASKING and restored.current.id == "rep"
    engine.finish()
    done = Engine.restore(make_questions(), engine.snapshot())
    assert done.state is State.FINISHED and done.results().score == 200


def test_restore_drops_questions_no_longer_in_the_bank() -> None:
    engine = Engine(make_questions(), Settings(shuffle=False))
    engine.answer("16 June 2020")
    engine.advance()
    engine.hint()  # on "rep", which the author then deletes
    remaining = [q for q in make_questions() if q.id != "rep"]
    restored = Engine.restore(remaining, engine.snapshot())
    assert restored.total == 5
    assert restored.state is State.ASKING and restored.current.id == "co-heads"
    assert restored.hints_used == 0  # the hints belonged to the deleted question
    assert restored.results().score == 200


def test_restore_rejects_an_unknown_snapshot_version() -> None:
    snap = Engine(make_questions()).snapshot()
    snap["version"] = 99
    with pytest.raises(EngineError):
        Engine.restore(make_questions(), snap)


# --- answers that read as no number, and the checker's context ----------------------------

def _at_area(engine: Engine) -> None:
    while engine.current is not None and engine.current.id != "area":
        engine.skip()
        engine.advance()


@pytest.mark.parametrize("mode", [Mode.PRACTICE, Mode.TEST, Mode.REVIEW])
def test_an_answer_read_as_no_number_costs_no_try(mode: Mode) -> None:
    engine = Engine(make_questions(), Settings(mode=mode, shuffle=False))
    _at_area(engine)
    engine.pending.clear()
    tries, points = engine.tries_left, engine.available_points()
    outcome = engine.answer("a few thousand square metres")
    # Said in every mode (it tells nothing about right or wrong), and nothing is spent.
    assert outcome.unread and not outcome.final and outcome.reveal
    assert outcome.message is not None and "no number" in outcome.message
    assert outcome.tries_left == tries and outcome.available == points
    assert engine.state is State.ASKING and engine.tries_left == tries
    assert engine.pending == []
    # A number after it is judged as a first try.
    final = engine.answer("two thousand") if mode is not Mode.PRACTICE else None
    if final is not None:
        assert final.final and engine.pending[-1].try_number == 1
    else:
        retry = engine.answer("two thousand")
        assert not retry.unread and not retry.final and retry.tries_left == tries - 1
        assert engine.pending[-1].try_number == 1


def test_number_words_are_a_number_not_a_wasted_try() -> None:
    engine = Engine([Question("built", "number", "In what year was it built?", 2005,
                              [ev("constructed in 2005", 0, "History")])],
                    Settings(shuffle=False))
    outcome = engine.answer("two thousand and five")
    assert outcome.final and outcome.correct and not outcome.unread


def test_the_context_keeps_a_typo_off_another_word_of_the_article() -> None:
    from quiz.play.answers import AnswerContext

    ministry = Question("ministry", "text", "Chun Hae-sung was vice minister of which ministry?",
                        "Ministry of Unification", [ev("Ministry of Unification", 0, "Intro")])
    article = "vice chairman of the Committee for the Peaceful Reunification of the Fatherland"
    with_article = Engine([ministry], Settings(), AnswerContext(lambda: [], lambda: article))
    without = Engine([ministry], Settings())
    assert without.answer("Ministry of Reunification").correct  # no article: only a typo
    assert with_article.answer("Ministry of Reunification").correct is False
    resumed = Engine.restore([ministry], with_article.snapshot(),
                             AnswerContext(lambda: [], lambda: article))
    assert resumed.answer("Ministry of Reunification").correct is False


def test_a_session_checks_against_its_bank_and_article() -> None:
    from quiz.bank.load import load_bank
    from quiz.play.session import PlaySession
    from tests.conftest import SEED_BANK

    bank = load_bank(SEED_BANK / "bank.yaml")
    session = PlaySession.from_bank(bank)
    # A word only the article holds ("perspective"), and one of the bank's questions.
    assert "perspective" in session.engine.context.words
    assert "reunification" in session.engine.context.words
    resumed = PlaySession.resume(bank, session.snapshot())
    assert "perspective" in resumed.engine.context.words


def test_a_resumed_stored_session_checks_against_its_article(store) -> None:
    from quiz.bank.load import load_bank
    from quiz.play.resume import resume_session
    from quiz.play.session import PlaySession
    from tests.conftest import SEED_BANK

    bank = load_bank(SEED_BANK / "bank.yaml")
    session = PlaySession.from_bank(bank, Settings(shuffle=False), store.recorder("ada"),
                                    profile="ada")
    session.answer(session.current.answer)
    session.advance()
    session.finish()
    (row,) = store.unfinished_sessions("ada")
    resumed = resume_session(store, bank, row.id, "ada")
    assert "perspective" in resumed.engine.context.words
