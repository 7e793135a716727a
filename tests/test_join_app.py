"""``quiz join`` against a real classroom host on 127.0.0.1, driven by key presses.

Each test starts a host with the seed bank (a few questions), joins it with
the Textual client under Pilot, drives the teacher's controls in the host's
loop and reads both sides: the student's screen and the host's room.
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static
from websockets.sync.client import ClientConnection, connect

from quiz.classroom.room import RoomSettings
from quiz.textsafe import clean
from quiz.tui.join.app import JoinApp, save_token, saved_token, token_key
from quiz.tui.join.end import JoinEndScreen
from quiz.tui.join.leave import JoinLeaveScreen
from quiz.tui.join.lobby import JoinLobbyScreen
from quiz.tui.join.notice import JoinNoticeScreen
from quiz.tui.join.question import JoinQuestionScreen
from quiz.tui.join.reveal import JoinRevealScreen
from quiz.tui.widgets.answers import AnswerWidget
from quiz.tui.widgets.bars import Bars
from tests.classroom_host import LiveHost
from tests.conftest import SEED_BANK

SIZE = (80, 24)
CODE = "123456"
WAIT = 8.0  # seconds: the most any step may take before the test fails


def scenario(test):
    """Run an async test body (no async plugin needed), bounded in time."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(asyncio.wait_for(test(*args, **kwargs), 60))

    return run


@pytest.fixture
def host(tmp_path: Path) -> Iterator[LiveHost]:
    live = LiveHost(SEED_BANK, tmp_path / "class.db", code=CODE,
                    settings=RoomSettings(shuffle=False), limit=4)
    yield live
    live.stop()


def join_app(host: LiveHost, name: str = "Ana", code: str = CODE) -> JoinApp:
    return JoinApp("127.0.0.1", host.port, code, name)


class Bystander:
    """Another student, on a plain websocket: keeps a question open for the others."""

    def __init__(self, host: LiveHost, name: str) -> None:
        self.ws: ClientConnection = connect(host.ws_url, open_timeout=5, legacy=True)
        self.ws.send(json.dumps({"type": "hello", "v": 1, "code": CODE, "name": name}))
        self.welcome = self.receive("welcome", "refused")

    def receive(self, *kinds: str) -> dict[str, Any]:
        while True:
            msg = json.loads(self.ws.recv(timeout=WAIT))
            if msg["type"] in kinds:
                return msg

    def close(self) -> None:
        self.ws.close()


@pytest.fixture
def bystander(host: LiveHost) -> Iterator[Bystander]:
    other = Bystander(host, "Ben")
    assert other.welcome["type"] == "welcome"
    yield other
    other.close()


async def until(pilot: Pilot, check: Callable[[], Any], what: str) -> Any:
    """Let the app run until ``check()`` is truthy (at most WAIT seconds)."""
    app = pilot.app
    assert isinstance(app, JoinApp)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT
    while loop.time() < deadline:
        result = check()
        if result:
            return result
        await pilot.pause(0.02)
    raise AssertionError(f"timed out waiting for {what}; the screen says:\n"
                         f"{screen_text(app)}")


def screen_text(app: JoinApp) -> str:
    """The plain text of every Static, option and bar chart on the current screen."""
    screen = app.screen
    parts = [str(w.render()) for w in screen.query(Static)]
    for ol in screen.query(OptionList):
        parts += [str(ol.get_option_at_index(i).prompt) for i in range(ol.option_count)]
    parts += [str(bars.render()) for bars in screen.query(Bars)]
    return "\n".join(parts)


def player_id(host: LiveHost, name: str) -> int:
    return next(p.id for p in host.room.players.values() if p.name == name)


async def joined(pilot: Pilot, app: JoinApp) -> JoinLobbyScreen:
    # The screen is up before its first redraw: wait until it says who is in the room.
    return await until(pilot, lambda: isinstance(app.screen, JoinLobbyScreen)
                       and "in the room" in screen_text(app) and app.screen, "the lobby")


async def question(pilot: Pilot, app: JoinApp, q: int) -> JoinQuestionScreen:
    def shown() -> JoinQuestionScreen | None:
        screen = app.screen
        if isinstance(screen, JoinQuestionScreen) and screen.question.q == q and screen.ready:
            return screen
        return None

    return await until(pilot, shown, f"question {q + 1}")


async def answer_with(pilot: Pilot, app: JoinApp, key: str) -> None:
    """Pick an option with its key, see it picked, then send it with Enter."""
    await pilot.press(key)
    await until(pilot, lambda: "Your choice" in screen_text(app), f"key {key} to pick")
    await pilot.press("enter")


def right_key(host: LiveHost, q: int) -> str:
    """The digit that picks the right option of choice question ``q``."""
    question_ = host.room.questions[q]
    assert question_.type == "choice"
    return str(host.room.options(q).index(question_.answer) + 1)


# -- joining -------------------------------------------------------------------------------


@scenario
async def test_join_shows_the_lobby_and_who_comes_in(host: LiveHost) -> None:
    app = join_app(host)
    async with app.run_test(size=SIZE) as pilot:
        await joined(pilot, app)
        assert "Ana" in screen_text(app)
        assert "1 player in the room" in screen_text(app)
        assert [p.name for p in host.room.players.values()] == ["Ana"]
        other = Bystander(host, "Ben")
        try:
            await until(pilot, lambda: "2 players in the room" in screen_text(app),
                        "the lobby to count Ben")
            assert "Ben" in screen_text(app)
        finally:
            other.close()
        # The bank the host plays is named on the screen and in the status line.
        assert host.bank.title in screen_text(app)


@scenario
async def test_a_name_written_as_markup_shows_literally(host: LiveHost) -> None:
    app = join_app(host, name="[b]x[/b]")
    async with app.run_test(size=SIZE) as pilot:
        await joined(pilot, app)
        assert "[b]x[/b]" in screen_text(app)
        assert host.room.players[player_id(host, "[b]x[/b]")].active


@scenario
async def test_a_taken_name_is_refused_with_the_reason(host: LiveHost,
                                                       bystander: Bystander) -> None:
    app = join_app(host, name="ben")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, JoinNoticeScreen)
                    and "cannot be used" in screen_text(app), "the refusal")
        text = screen_text(app)
        assert "taken" in text.lower()  # the host's reason, shown as it said it
        assert "--name" in text  # and what to do about it
        assert len(host.room.players) == 1
        await pilot.press("q")
    assert app.return_code == 1


@scenario
async def test_a_wrong_code_is_refused(host: LiveHost) -> None:
    app = join_app(host, code="654321")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: "Wrong code" in screen_text(app), "the refusal")
        assert "--code" in screen_text(app)
        assert not host.room.players
        await pilot.press("q")
    assert app.return_code == 1


@scenario
async def test_waiting_for_approval_then_let_in(tmp_path: Path) -> None:
    live = LiveHost(SEED_BANK, tmp_path / "class.db", code=CODE,
                    settings=RoomSettings(shuffle=False, approve_names=True), limit=2)
    try:
        app = JoinApp("127.0.0.1", live.port, CODE, "Ana")
        async with app.run_test(size=SIZE) as pilot:
            await joined(pilot, app)
            await until(pilot, lambda: "approve your name" in screen_text(app), "waiting")
            live.call(live.server.approve, player_id(live, "Ana"))
            await until(pilot, lambda: "Waiting for the teacher to start" in screen_text(app),
                        "approval")
    finally:
        live.stop()


# -- answering -----------------------------------------------------------------------------


@scenario
async def test_a_number_picks_a_choice_and_enter_sends_it(host: LiveHost,
                                                         bystander: Bystander) -> None:
    app = join_app(host)
    async with app.run_test(size=SIZE) as pilot:
        await joined(pilot, app)
        host.call(host.server.next_question)
        screen = await question(pilot, app, 0)
        assert host.room.questions[0].prompt in screen_text(app)
        options = host.room.options(0)
        # A digit picks, and may be changed: one try, so a slip must be undoable.
        await pilot.press("2")
        await until(pilot, lambda: f"Your choice: {options[1]}" in screen_text(app), "pick 2")
        await pilot.press("1")
        await until(pilot, lambda: f"Your choice: {options[0]}" in screen_text(app), "pick 1")
        assert (player_id(host, "Ana"), 0) not in host.room.answers  # nothing sent yet
        await pilot.press("enter")
        await until(pilot, lambda: "Answer sent" in screen_text(app), "the ack")
        record = host.room.answers[(player_id(host, "Ana"), 0)]
        assert record.given == options[0]
        # One answer is final: the widget is off and another key sends nothing.
        assert screen.query_one(AnswerWidget).disabled
        await pilot.press("2")
        await pilot.pause(0.1)
        assert host.room.answers[(player_id(host, "Ana"), 0)].given == record.given


@scenario
async def test_answer_a_typed_question(host: LiveHost, bystander: Bystander) -> None:
    app = join_app(host)
    async with app.run_test(size=SIZE) as pilot:
        await joined(pilot, app)
        n = next(i for i, q in enumerate(host.room.questions) if q.type == "text")
        typed = str(host.room.questions[n].answer)
        for _ in range(n + 1):  # on to the bank's first typed question
            host.call(host.server.next_question)
        await question(pilot, app, n)
        await until(pilot, lambda: isinstance(app.focused, Input), "the answer box's focus")
        # Letters go into the box, h and q included, not to the commands.
        await pilot.press("h", "q")
        await pilot.pause()
        box = app.screen.query_one(Input)
        assert box.value == "hq"
        assert not host.room.hints_taken
        assert app.is_running and not isinstance(app.screen, JoinLeaveScreen)
        await pilot.press("backspace", "backspace")
        await pilot.press(*typed)
        await pilot.press("enter")
        await until(pilot, lambda: "Answer sent" in screen_text(app), "the ack")
        record = host.room.answers[(player_id(host, "Ana"), n)]
        assert record.given == typed
        assert record.correct


@scenario
async def test_a_hint_shows_its_text_and_what_is_left(host: LiveHost,
                                                      bystander: Bystander) -> None:
    app = join_app(host)
    async with app.run_test(size=SIZE) as pilot:
        await joined(pilot, app)
        host.call(host.server.next_question)
        await question(pilot, app, 0)
        full = host.room.points(0)
        await pilot.press("h")
        hint = host.room.questions[0].hints[0]
        await until(pilot, lambda: hint in screen_text(app), "the hint")
        pid = player_id(host, "Ana")
        assert host.room.hints_taken[(pid, 0)] == 1
        left = host.room._available(0, 1)
        assert left < full
        assert f"now worth {left} points" in screen_text(app)
        # F2 asks too (it works while a text box has the keys).
        await pilot.press("f2")
        await until(pilot, lambda: host.room.questions[0].hints[1] in screen_text(app),
                    "the second hint")
        assert host.room.hints_taken[(pid, 0)] == 2


@scenario
async def test_pause_stops_answers_and_resume_lets_them_in(host: LiveHost,
                                                          bystander: Bystander) -> None:
    app = join_app(host)
    async with app.run_test(size=SIZE) as pilot:
        await joined(pilot, app)
        host.call(host.server.next_question)
        screen = await question(pilot, app, 0)
        host.call(host.server.pause)
        await until(pilot, lambda: "Paused by the teacher" in screen_text(app), "the pause")
        await pilot.press("1")
        await pilot.pause(0.1)
        assert (player_id(host, "Ana"), 0) not in host.room.answers
        host.call(host.server.resume)
        await until(pilot, lambda: not screen.paused, "the resume")
        assert "Paused" not in screen_text(app)
        await answer_with(pilot, app, "1")
        await until(pilot, lambda: (player_id(host, "Ana"), 0) in host.room.answers,
                    "the answer")


@scenario
async def test_countdown_follows_the_host_timer(tmp_path: Path) -> None:
    live = LiveHost(SEED_BANK, tmp_path / "class.db", code=CODE,
                    settings=RoomSettings(shuffle=False, timer=30), limit=2)
    try:
        app = JoinApp("127.0.0.1", live.port, CODE, "Ana")
        async with app.run_test(size=SIZE) as pilot:
            await joined(pilot, app)
            live.call(live.server.next_question)
            screen = await question(pilot, app, 0)
            await until(pilot, lambda: "s left" in screen_text(app), "the countdown")
            # Paused, the screen shows exactly the time the host kept (no clock races).
            live.call(live.server.pause)
            kept = live.room.state.remaining
            assert kept is not None and 0 < kept <= 30
            await until(pilot, lambda: f"({kept:.0f} s left)" in screen_text(app),
                        f"the paused countdown to say {kept:.0f} s")
            # Resumed, it counts down from what the host sent, never above it.
            live.call(live.server.resume)
            await until(pilot, lambda: not screen.paused and "⏱" in screen_text(app),
                        "the running countdown")
            line = next(x for x in screen_text(app).splitlines() if "⏱" in x)
            assert 0 <= int(line.split("⏱")[1].split("s left")[0]) <= round(kept)
    finally:
        live.stop()


# -- reveal, result, end --------------------------------------------------------------------


@scenario
async def test_reveal_shows_the_answer_the_evidence_and_my_result(
        host: LiveHost, bystander: Bystander) -> None:
    app = join_app(host)
    async with app.run_test(size=SIZE) as pilot:
        await joined(pilot, app)
        host.call(host.server.next_question)
        await question(pilot, app, 0)
        await answer_with(pilot, app, right_key(host, 0))
        await until(pilot, lambda: "Answer sent" in screen_text(app), "the ack")
        host.call(host.server.reveal)
        screen = await until(pilot, lambda: isinstance(app.screen, JoinRevealScreen)
                             and app.screen.result is not None and app.screen, "the result")
        record = host.room.answers[(player_id(host, "Ana"), 0)]
        await until(pilot, lambda: f"+{record.total} points" in screen_text(app), "points")
        text = screen_text(app)
        q = host.room.questions[0]
        assert q.answer in text
        assert q.evidence[0].quote in text
        assert "rank 1 of 2" in text
        assert f"Score {record.total}" in text
        # The class's answers as bars: Ana's pick counted once, Ben's silence once.
        rows = {row.label: row for row in screen.query_one(Bars).rows}
        assert rows[q.answer].value == 1
        assert rows["No answer"].value == 1
        assert rows[q.answer].right


@scenario
async def test_a_wrong_answer_says_what_i_said(host: LiveHost, bystander: Bystander) -> None:
    app = join_app(host)
    async with app.run_test(size=SIZE) as pilot:
        await joined(pilot, app)
        host.call(host.server.next_question)
        await question(pilot, app, 0)
        wrong = next(i for i, o in enumerate(host.room.options(0))
                     if o != host.room.questions[0].answer)
        await answer_with(pilot, app, str(wrong + 1))
        await until(pilot, lambda: "Answer sent" in screen_text(app), "the ack")
        host.call(host.server.reveal)
        await until(pilot, lambda: "Not this time" in screen_text(app), "the result")
        assert host.room.options(0)[wrong] in screen_text(app)
        assert "rank 2 of 2" in screen_text(app) or "rank 1 of 2" in screen_text(app)


@scenario
async def test_the_end_shows_the_podium_and_me(host: LiveHost, bystander: Bystander) -> None:
    app = join_app(host)
    async with app.run_test(size=SIZE) as pilot:
        await joined(pilot, app)
        host.call(host.server.next_question)
        await question(pilot, app, 0)
        await answer_with(pilot, app, right_key(host, 0))
        await until(pilot, lambda: "Answer sent" in screen_text(app), "the ack")
        host.call(host.server.end)
        await until(pilot, lambda: isinstance(app.screen, JoinEndScreen), "the end")
        text = screen_text(app)
        score = host.room.players[player_id(host, "Ana")].score
        assert score > 0
        assert f"1.  Ana  {score} pts" in text
        assert "1 right of 1 answered" in text
        await pilot.press("q")  # the session is over: no question asked
    assert app.return_code == 0


# -- kicked, reconnecting, leaving ----------------------------------------------------------


@scenario
async def test_kicked_shows_the_teachers_message(host: LiveHost) -> None:
    app = join_app(host)
    async with app.run_test(size=SIZE) as pilot:
        await joined(pilot, app)
        host.call(host.server.kick, player_id(host, "Ana"))
        await until(pilot, lambda: "removed" in screen_text(app), "the kick")
        assert isinstance(app.screen, JoinNoticeScreen)
        assert app.client.finished
        await pilot.press("q")
    assert app.return_code == 1


@scenario
async def test_reconnect_keeps_score_token_and_the_sent_answer(
        host: LiveHost, bystander: Bystander) -> None:
    app = join_app(host)
    async with app.run_test(size=SIZE) as pilot:
        await joined(pilot, app)
        host.call(host.server.next_question)
        await question(pilot, app, 0)
        await answer_with(pilot, app, right_key(host, 0))
        await until(pilot, lambda: "Answer sent" in screen_text(app), "the ack")
        host.call(host.server.next_question)  # reveals the first, opens the second
        await question(pilot, app, 1)
        await answer_with(pilot, app, "1")
        await until(pilot, lambda: "Answer sent" in screen_text(app), "the ack")
        pid = player_id(host, "Ana")
        # What the student may see: the open question's points wait for its reveal.
        score = host.room.shown_score(host.room.players[pid])
        assert score > 0
        token = app.client.token
        # The host drops the student's connection, as a flaky wifi would.
        host.call(lambda: host.server.conns[pid].transport.abort())
        await until(pilot, lambda: app.welcomed == 2, "the reconnect")
        screen = await question(pilot, app, 1)
        await until(pilot, lambda: "already sent" in screen_text(app), "the answer kept")
        assert app.client.token == token
        assert len(host.room.players) == 2  # the same player, not a new one
        assert host.room.players[pid].connected
        assert app.score == score
        assert f"Score {score}" in str(screen.query_one("#status", Static).render())


@scenario
async def test_disconnect_then_run_again_comes_back_as_the_same_player(
        host: LiveHost, bystander: Bystander) -> None:
    app = join_app(host)
    async with app.run_test(size=SIZE) as pilot:
        await joined(pilot, app)
        host.call(host.server.next_question)
        await question(pilot, app, 0)
        await answer_with(pilot, app, right_key(host, 0))
        await until(pilot, lambda: "Answer sent" in screen_text(app), "the ack")
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, JoinLeaveScreen), "the question")
        await pilot.press("d")
    assert app.return_code == 0
    pid = player_id(host, "Ana")
    score = host.room.players[pid].score
    key = token_key("127.0.0.1", host.port, CODE, "Ana")
    assert saved_token(key) is not None
    assert host.room.players[pid].active  # disconnecting is not leaving
    await asyncio.wait_for(_eventually(lambda: not host.room.players[pid].connected), WAIT)

    # The same command again: the saved token brings back the same player.
    again = join_app(host)
    async with again.run_test(size=SIZE) as pilot:
        screen = await question(pilot, again, 0)
        await until(pilot, lambda: "already sent" in screen_text(again), "the answer kept")
        assert screen.query_one(AnswerWidget).disabled
        assert len(host.room.players) == 2  # no second "Ana"
        assert host.room.players[pid].connected
        # The open question's points wait for its reveal, even for a returning student.
        assert again.score == 0 < score
        host.call(host.server.reveal)
        await until(pilot, lambda: again.score == score, "the score at the reveal")


@scenario
async def test_a_token_the_host_forgot_joins_again_by_name(host: LiveHost) -> None:
    key = token_key("127.0.0.1", host.port, CODE, "Ana")
    save_token(key, "a-token-from-another-day")
    app = join_app(host)
    async with app.run_test(size=SIZE) as pilot:
        await joined(pilot, app)
        assert [p.name for p in host.room.players.values()] == ["Ana"]
        assert saved_token(key) == app.client.token != "a-token-from-another-day"


@scenario
async def test_leaving_for_good_frees_the_name(host: LiveHost) -> None:
    app = join_app(host)
    async with app.run_test(size=SIZE) as pilot:
        await joined(pilot, app)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, JoinLeaveScreen), "the question")
        await pilot.press("l")
    pid = player_id(host, "Ana")
    await asyncio.wait_for(_eventually(lambda: host.room.players[pid].left), WAIT)
    assert saved_token(token_key("127.0.0.1", host.port, CODE, "Ana")) is None
    assert app.return_code == 0



@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_saved_token_is_readable_by_the_student_only(quiz_home: Path) -> None:
    old = os.umask(0o022)
    try:
        save_token("host:1|123456|ana", "the-secret")
    finally:
        os.umask(old)
    path = quiz_home / "data" / "join-tokens.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert saved_token("host:1|123456|ana") == "the-secret"
    assert [p.name for p in path.parent.iterdir()] == ["join-tokens.json"]

@scenario
async def test_staying_keeps_the_session(host: LiveHost) -> None:
    app = join_app(host)
    async with app.run_test(size=SIZE) as pilot:
        await joined(pilot, app)
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, JoinLeaveScreen), "the question")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, JoinLobbyScreen), "the lobby again")
        host.call(host.server.next_question)
        await question(pilot, app, 0)  # still connected, still playing


@scenario
async def test_no_host_says_it_is_trying_again(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = JoinApp("127.0.0.1", port, CODE, "Ana")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: "trying again" in screen_text(app), "the retry note")
        assert "Cannot reach" in screen_text(app)
        await pilot.press("q")  # never joined: quits without asking
    assert app.return_code == 0


async def _eventually(check: Callable[[], bool]) -> None:
    while not check():
        await asyncio.sleep(0.02)


@scenario
async def test_hostile_bank_text_shows_literally_through_the_wire(tmp_path: Path) -> None:
    hostile = Path(__file__).parent / "banks" / "hostile"
    live = LiveHost(hostile, tmp_path / "class.db", code=CODE,
                    settings=RoomSettings(shuffle=False), limit=1)
    try:
        q = live.room.questions[0]
        assert "[/unclosed]" in q.prompt
        app = JoinApp("127.0.0.1", live.port, CODE, "Ana")
        async with app.run_test(size=SIZE) as pilot:
            await joined(pilot, app)
            live.call(live.server.next_question)
            await question(pilot, app, 0)
            assert q.prompt in screen_text(app)  # markup and a click action, as text
            for option in live.room.options(0):  # escape sequences taken out, the rest kept
                assert clean(option) in screen_text(app)
            await answer_with(pilot, app, str(live.room.options(0).index(q.answer) + 1))
            # The only player answered: the host closes and reveals by itself.
            await until(pilot, lambda: isinstance(app.screen, JoinRevealScreen)
                        and app.screen.result is not None, "the reveal")
            text = screen_text(app)
            assert clean(str(q.answer)) in text
            assert clean(q.evidence[0].quote) in text
            assert app.is_running
    finally:
        live.stop()
