"""The room as a state machine: no sockets, the time passed in."""

from __future__ import annotations

import dataclasses
import json

import pytest

from quiz.bank.load import load_bank
from quiz.bank.model import Question
from quiz.classroom import messages
from quiz.classroom.room import Phase, Room, RoomError, RoomSettings
from quiz.play import scoring
from quiz.play.answers import AnswerContext
from tests.conftest import SEED_BANK


@pytest.fixture(scope="module")
def questions() -> list[Question]:
    return load_bank(SEED_BANK, use_cache=False).playable()


def of_type(questions: list[Question], kind: str) -> Question:
    return next(q for q in questions if q.type == kind)


def room_with(qs: list[Question], **settings: object) -> Room:
    room = Room(qs, RoomSettings(shuffle=False, **settings), "123456")  # type: ignore[arg-type]
    for i, name in enumerate(["Ana", "Bo", "Cy"], 1):
        room.join(name, f"token-{i}", i)
    return room


def test_one_answer_each_scored_by_the_solo_rules(questions: list[Question]) -> None:
    q = of_type(questions, "choice")
    room = room_with([q])
    assert room.open_next(100.0) == 0
    wrong = next(o for o in room.options(0) if o != q.answer)
    right = room.answer(1, 0, q.answer, 104.0)
    assert right.correct and right.points == 100 * q.difficulty and right.seconds == 4.0
    miss = room.answer(2, 0, wrong, 105.0)
    assert not miss.correct and miss.points == 0
    with pytest.raises(RoomError) as err:
        room.answer(1, 0, wrong, 106.0)
    assert err.value.code == "already_answered"
    assert room.players[1].score == right.points and room.players[2].score == 0


def test_hints_cost_what_the_solo_game_charges(questions: list[Question]) -> None:
    q = next(q for q in questions if q.type == "choice" and len(q.hints) >= 2)
    room = room_with([q])
    room.open_next(0.0)
    step, text, left = room.hint(1, 0)
    assert (step, text) == (1, q.hints[0]) and left == round(100 * q.difficulty * 0.75)
    record = room.answer(1, 0, q.answer, 1.0)
    assert record.hints == 1 and record.points == left
    with pytest.raises(RoomError, match="already answered"):
        room.hint(1, 0)


def test_hints_off_means_none(questions: list[Question]) -> None:
    room = room_with([of_type(questions, "choice")], hints=False)
    room.open_next(0.0)
    assert room.hint_count(0) == 0
    with pytest.raises(RoomError) as err:
        room.hint(1, 0)
    assert err.value.code == "no_hints"


@pytest.mark.parametrize("kind, bad", [
    ("choice", "not an option"), ("choice", ["a"]), ("truefalse", "true"),
    ("multi", "x"), ("multi", ["not an option"]), ("order", ["only one"]), ("text", "   "),
    ("number", True),
])
def test_answers_that_no_widget_could_send_are_refused(questions: list[Question], kind: str,
                                                       bad: object) -> None:
    room = room_with([of_type(questions, kind)])
    room.open_next(0.0)
    with pytest.raises(RoomError) as err:
        room.answer(1, 0, bad, 1.0)
    assert err.value.code == "bad_answer"
    assert not room.answers


def test_every_type_accepts_its_right_answer(questions: list[Question]) -> None:
    kinds = ["choice", "multi", "truefalse", "text", "number", "order"]
    room = room_with([of_type(questions, k) for k in kinds])
    for i, q in enumerate(room.questions):
        room.open_next(float(i))
        value = q.answer if q.type != "number" else str(q.answer)
        assert room.answer(1, i, value, i + 0.5).correct, q.id
        room.reveal()
    assert room.players[1].correct == len(kinds)


def test_answers_only_while_open(questions: list[Question]) -> None:
    q = of_type(questions, "truefalse")
    room = room_with([q, q])
    with pytest.raises(RoomError) as err:
        room.answer(1, 0, True, 0.0)
    assert err.value.code == "not_open"
    room.open_next(0.0)
    with pytest.raises(RoomError) as err:
        room.answer(1, 1, True, 0.0)
    assert err.value.code == "wrong_question"
    room.pause(1.0)
    with pytest.raises(RoomError, match="paused"):
        room.answer(1, 0, True, 2.0)
    room.resume(3.0)
    room.reveal()
    with pytest.raises(RoomError) as err:
        room.answer(2, 0, True, 4.0)
    assert err.value.code == "not_open"


def test_pause_keeps_the_time_left_and_seconds_leave_it_out(questions: list[Question]) -> None:
    room = room_with([of_type(questions, "choice")], timer=30)
    room.open_next(100.0)
    assert room.remaining(110.0) == 20.0
    assert room.pause(110.0) == 20.0
    assert room.remaining(500.0) == 20.0  # frozen while paused
    room.resume(200.0)
    assert room.remaining(205.0) == 15.0
    record = room.answer(1, 0, room.questions[0].answer, 205.0)
    assert record.seconds == 15.0  # 10 before the pause + 5 after


def test_timer_range() -> None:
    for bad in (4, 241):
        with pytest.raises(ValueError, match="5 to 240"):
            RoomSettings(timer=bad)


def test_standings_share_ranks_on_ties(questions: list[Question]) -> None:
    q = of_type(questions, "choice")
    room = room_with([q])
    room.open_next(0.0)
    room.answer(3, 0, q.answer, 1.0)
    room.answer(1, 0, q.answer, 1.0)
    ranks = [(s.rank, s.player.name) for s in room.standings()]
    assert ranks == [(1, "Ana"), (1, "Cy"), (3, "Bo")]
    assert room.rank_of(2) == (3, 3)


def test_distribution_counts_options_and_silence(questions: list[Question]) -> None:
    q = of_type(questions, "choice")
    room = room_with([q])
    room.open_next(0.0)
    wrong = next(o for o in room.options(0) if o != q.answer)
    room.answer(1, 0, q.answer, 1.0)
    room.answer(2, 0, wrong, 1.0)
    d = room.distribution(0)
    assert d.labels[-1] == "No answer" and d.counts[-1] == 1
    assert d.counts[d.labels.index(q.answer)] == 1 and d.correct[d.labels.index(q.answer)]
    assert d.counts[d.labels.index(wrong)] == 1 and not d.correct[d.labels.index(wrong)]


def test_typed_distribution_is_right_and_wrong(questions: list[Question]) -> None:
    room = room_with([of_type(questions, "text")])
    room.open_next(0.0)
    room.answer(1, 0, str(room.questions[0].answer), 1.0)
    room.answer(2, 0, "something else entirely", 1.0)
    d = room.distribution(0)
    assert (d.labels, d.counts) == (["Right", "Wrong", "No answer"], [1, 1, 1])


def test_lobby_rules(questions: list[Question]) -> None:
    room = room_with([of_type(questions, "choice")])
    with pytest.raises(RoomError) as err:
        room.join("ana", "t", 9)
    assert err.value.code == "name"
    room.remove(1, kicked=True)
    assert room.join("Ana", "t2", 10).name == "Ana"  # a kicked name is free again
    with pytest.raises(RoomError) as err:
        room.by_token("token-1")
    assert err.value.code == "kicked"
    room.set_locked(True)
    with pytest.raises(RoomError) as err:
        room.join("Dee", "t3", 11)
    assert err.value.code == "locked"


def test_approval_keeps_a_name_out_until_approved(questions: list[Question]) -> None:
    room = Room([of_type(questions, "choice")], RoomSettings(approve_names=True), "123456")
    p = room.join("Ana", "t", 1)
    assert not p.active and room.waiting_players() == [p]
    room.open_next(0.0)
    with pytest.raises(RoomError):
        room.answer(1, 0, room.questions[0].answer, 1.0)
    room.approve(1)
    assert room.answer(1, 0, room.questions[0].answer, 1.0).correct


def test_streak_and_speed_are_opt_in(questions: list[Question]) -> None:
    qs = [q for q in questions if q.type == "truefalse"][:3]
    plain, bonus = room_with(qs), room_with(qs, streak=True, speed=True, timer=20)
    for room in (plain, bonus):
        for i, q in enumerate(room.questions):
            room.open_next(0.0)
            room.answer(1, i, q.answer, 2.0)
            room.reveal()
    assert plain.players[1].score == sum(100 * q.difficulty for q in qs)
    assert bonus.players[1].score > plain.players[1].score
    assert all(a.bonus == 0 for a in plain.answers.values())



@pytest.mark.parametrize("second_right", [True, False])
def test_an_answer_taken_back_leaves_the_streak_as_it_was(questions: list[Question],
                                                          second_right: bool) -> None:
    """A save that failed is forgotten, and the player's streak is what it was before."""
    qs = [q for q in questions if q.type == "truefalse"][:3]
    room = room_with(qs, streak=True)
    player = room.players[1]
    for i in range(2):  # two right answers in a row
        room.open_next(0.0)
        room.answer(1, i, qs[i].answer, 1.0)
        room.reveal()
    assert player.streak == 2
    before = (player.score, player.answered, player.correct, player.streak)
    room.open_next(0.0)
    lost = room.answer(1, 2, qs[2].answer if second_right else not qs[2].answer, 1.0)
    room.forget(lost)
    assert (player.score, player.answered, player.correct, player.streak) == before
    again = room.answer(1, 2, qs[2].answer, 1.0)  # the retry earns the third-in-a-row bonus
    assert again.bonus == scoring.streak_bonus(room.points(2), 3) > 0
    assert player.streak == 3


def test_end_and_phases(questions: list[Question]) -> None:
    room = room_with([of_type(questions, "choice")])
    assert room.phase is Phase.LOBBY
    room.open_next(0.0)
    room.reveal()
    assert room.phase is Phase.REVEALED
    assert room.open_next(1.0) is None  # no more questions
    room.end()
    with pytest.raises(RoomError) as err:
        room.join("Dee", "t", 7)
    assert err.value.code == "ended"


def test_a_number_answer_read_as_no_number_is_refused_not_marked_wrong(
        questions: list[Question]) -> None:
    q = of_type(questions, "number")
    room = room_with([q])
    room.open_next(0.0)
    with pytest.raises(RoomError) as err:
        room.answer(1, 0, "lots", 1.0)
    assert err.value.code == "bad_answer" and "no number" in err.value.message
    assert not room.answers  # nothing counted: the student may answer again
    assert room.answer(1, 0, str(q.answer), 2.0).correct


def test_the_room_judges_with_the_bank_and_its_article() -> None:
    bank = load_bank(SEED_BANK, use_cache=False)
    text_q = next(q for q in bank.playable() if q.type == "text")
    q = dataclasses.replace(text_q, answer="Ministry of Unification", accept=[])
    wrong_word = "Ministry of Reunification"

    plain = Room([q], RoomSettings(shuffle=False), "123456")
    grounded = Room([q], RoomSettings(shuffle=False), "123456", AnswerContext.for_bank(bank))
    for room in (plain, grounded):
        room.join("Ana", "token-1", 1)
        room.open_next(0.0)
    # "Reunification" is another word of the article, so it is no typo of "Unification";
    # a room that knew only its questions would let it pass.
    assert "Reunification" in bank.article.text
    assert not grounded.answer(1, 0, wrong_word, 1.0).correct
    assert plain.answer(1, 0, wrong_word, 1.0).correct


def test_the_reveal_reads_infobox_keys_as_labels() -> None:
    bank = load_bank(SEED_BANK, use_cache=False)
    q = bank.question("chief-north-name")
    assert q is not None
    room = Room([q], RoomSettings(shuffle=False), "123456")
    room.open_next(0.0)
    room.close()
    room.reveal()
    sent = json.loads(messages.reveal(room, bank.article))
    assert "North Korea Representative: Jon Jong-su" in sent["evidence"]
    assert not any("Chief1" in e for e in sent["evidence"])
    # Without the article (it went missing) the quotes go as written.
    assert "Chief1 Name: Jon Jong-su" in json.loads(messages.reveal(room))["evidence"]
