"""A real host on 127.0.0.1 and real websocket students: the protocol end to end."""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from quiz.classroom.room import Phase, RoomSettings
from quiz.classroom.server import listen_error
from tests.classroom_host import LiveHost
from tests.conftest import SEED_BANK

TIMEOUT = 5


@pytest.fixture
def host(tmp_path: Path) -> Iterator[LiveHost]:
    live = LiveHost(SEED_BANK, tmp_path / "progress.db", limit=4)
    yield live
    live.stop()


async def recv(ws: ClientConnection, kind: str | None = None,
               timeout: float = TIMEOUT) -> dict[str, Any]:
    """The next message (of ``kind``, skipping others such as lobby updates)."""
    while True:
        msg = json.loads(await asyncio.wait_for(ws.recv(), timeout))
        if kind is None or msg["type"] == kind:
            return msg


async def join(host: LiveHost, name: str, code: str = "123456") -> tuple[ClientConnection,
                                                                          dict[str, Any]]:
    ws = await connect(host.ws_url)
    await ws.send(json.dumps({"type": "hello", "v": 1, "code": code, "name": name}))
    return ws, await recv(ws)


def right_value(host: LiveHost, q: int) -> Any:
    question = host.room.questions[q]
    return str(question.answer) if question.type == "number" else question.answer


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def test_join_answer_reveal_result(host: LiveHost) -> None:
    async def scenario() -> None:
        ana, welcome = await join(host, "Ana")
        bo, _ = await join(host, "Bo")
        assert welcome["type"] == "welcome" and welcome["player"]["name"] == "Ana"
        assert welcome["bank"]["license"] == "CC BY-SA 4.0" and welcome["token"]
        lobby = await recv(ana, "lobby")
        while lobby["count"] < 2:
            lobby = await recv(ana, "lobby")
        assert lobby["names"] == ["Ana", "Bo"]

        host.call(host.server.next_question)
        question = await recv(ana, "question")
        await recv(bo, "question")
        q = host.room.questions[0]
        assert question["prompt"] == q.prompt and question["options"] == host.room.options(0)
        # The answer key stays on the host until the reveal.
        assert "answer" not in question and "explanation" not in question
        assert str(q.answer) not in json.dumps({k: v for k, v in question.items()
                                                if k not in ("options", "prompt")})

        await ana.send(json.dumps({"type": "answer", "q": 0, "value": right_value(host, 0)}))
        assert await recv(ana, "ack") == {"type": "ack", "q": 0}
        # Acknowledged means on disk.
        assert [a.player_id for a in host.records.answers(host.session_id)] == [
            welcome["player"]["id"]]

        wrong = next(o for o in question["options"] if o != q.answer)
        await bo.send(json.dumps({"type": "answer", "q": 0, "value": wrong}))
        await recv(bo, "ack")
        closed = await recv(ana, "closed")
        assert closed["why"] == "all_answered"
        reveal = await recv(ana, "reveal")
        assert reveal["correct"] == q.answer and reveal["evidence"] == [
            e.quote for e in q.evidence]
        assert reveal["explanation"] == q.explanation
        dist = dict(zip(reveal["distribution"]["labels"], reveal["distribution"]["counts"],
                        strict=True))
        assert dist[q.answer] == 1 and dist[wrong] == 1 and dist["No answer"] == 0
        assert reveal["top"][0] == {"rank": 1, "name": "Ana", "score": 100 * q.difficulty}
        result = await recv(ana, "result")
        assert (result["correct"], result["rank"], result["of"]) == (True, 1, 2)
        bo_result = await recv(bo, "result")
        assert (bo_result["correct"], bo_result["points"], bo_result["rank"]) == (False, 0, 2)

        host.call(host.server.end)
        end = await recv(bo, "end")
        assert end["podium"][0]["name"] == "Ana" and end["you"]["rank"] == 2
        await ana.close()
        await bo.close()

    run(scenario())
    assert host.room.phase is Phase.ENDED


def test_wrong_code_version_and_names_are_refused(host: LiveHost) -> None:
    async def scenario() -> None:
        ws, msg = await join(host, "Ana", code="000000")
        assert msg["type"] == "refused" and msg["reason"] == "code"
        await ws.send(json.dumps({"type": "hello", "v": 2, "code": "123456", "name": "Ana"}))
        msg = await recv(ws)
        assert msg["reason"] == "version" and "version 1" in msg["message"]
        await ws.send(json.dumps({"type": "hello", "v": 1, "code": "123456", "name": "a" * 30}))
        assert (await recv(ws))["reason"] == "name"
        # Three failed hellos on one connection and it is closed.
        with pytest.raises(ConnectionClosed):
            await asyncio.wait_for(ws.recv(), TIMEOUT)
        ana, _ = await join(host, "Ana")
        dup, msg = await join(host, "ANA")
        assert msg["reason"] == "name" and "already taken" in msg["message"]
        await ana.close()
        await dup.close()

    run(scenario())


def test_guessing_codes_is_slowed_down(host: LiveHost) -> None:
    async def scenario() -> None:
        reasons = []
        for _ in range(12):
            ws, msg = await join(host, "Eve", code="999999")
            reasons.append(msg["reason"])
            await ws.close()
        assert reasons[:10] == ["code"] * 10 and reasons[10:] == ["slow_down"] * 2
        ws, msg = await join(host, "Eve")  # even the right code, from that address, for now
        assert msg["reason"] == "slow_down"
        await ws.close()

    run(scenario())


def test_bad_messages_get_errors_and_the_connection_survives(host: LiveHost) -> None:
    async def scenario() -> None:
        ws = await connect(host.ws_url)
        await ws.send('{"type": "answer", "q": 0, "value": "x"}')
        assert (await recv(ws))["code"] == "not_joined"
        await ws.send("{nope")
        assert (await recv(ws))["code"] == "bad_message"
        await ws.send(json.dumps({"type": "ping"}))
        assert (await recv(ws))["type"] == "pong"
        await ws.send(json.dumps({"type": "hello", "v": 1, "code": "123456", "name": "Ana"}))
        await recv(ws, "welcome")
        await ws.send(json.dumps({"type": "answer", "q": 0, "value": "x"}))
        assert (await recv(ws, "error"))["code"] == "not_open"
        host.call(host.server.next_question)
        await recv(ws, "question")
        await ws.send(json.dumps({"type": "answer", "q": 0, "value": {"evil": 1}}))
        assert (await recv(ws, "error"))["code"] == "bad_message"
        await ws.send(json.dumps({"type": "answer", "q": 0, "value": "not an option"}))
        assert (await recv(ws, "error"))["code"] == "bad_answer"
        await ws.send(json.dumps({"type": "answer", "q": 3, "value": "x"}))
        assert (await recv(ws, "error"))["code"] == "wrong_question"
        await ws.send(json.dumps({"type": "answer", "q": 0, "value": right_value(host, 0)}))
        await recv(ws, "ack")
        await ws.close()

    run(scenario())


def test_oversize_frame_closes_the_connection(host: LiveHost) -> None:
    async def scenario() -> int | None:
        ws, _ = await join(host, "Ana")
        await ws.send(json.dumps({"type": "answer", "q": 0, "value": "x" * 10_000}))
        with pytest.raises(ConnectionClosed) as err:
            while True:
                await asyncio.wait_for(ws.recv(), TIMEOUT)
        return err.value.rcvd.code if err.value.rcvd else None

    assert run(scenario()) == 1009


def test_a_flood_is_throttled_then_cut_off(host: LiveHost) -> None:
    async def scenario() -> tuple[list[str], int | None]:
        ws, _ = await join(host, "Ana")
        for _ in range(200):
            await ws.send('{"type": "ping"}')
        kinds: list[str] = []
        with pytest.raises(ConnectionClosed) as err:
            while True:
                kinds.append((await recv(ws))["type"])
        return kinds, err.value.rcvd.code if err.value.rcvd else None

    kinds, code = run(scenario())
    assert "error" in kinds and 15 <= kinds.count("pong") <= 40
    assert code == 1008


def test_reconnect_with_the_token_keeps_the_score(host: LiveHost) -> None:
    async def scenario() -> None:
        ana, welcome = await join(host, "Ana")
        bo, _ = await join(host, "Bo")  # has not answered yet, so the question stays open
        host.call(host.server.next_question)
        await recv(ana, "question")
        value = right_value(host, 0)
        await ana.send(json.dumps({"type": "answer", "q": 0, "value": value}))
        await recv(ana, "ack")
        await ana.close()

        again = await connect(host.ws_url)
        await again.send(json.dumps({"type": "hello", "v": 1, "code": "123456",
                                     "token": welcome["token"]}))
        back = await recv(again, "welcome")
        # The open question's points wait for its reveal, on a reconnect too.
        assert back["player"] == welcome["player"] and back["score"] == 0
        # The question is still open: it comes back with the answer already given.
        question = await recv(again, "question")
        assert question["answered"] == value
        host.call(host.server.reveal)
        assert (await recv(again, "result"))["score"] > 0  # the score kept, shown now
        bad = await connect(host.ws_url)
        await bad.send(json.dumps({"type": "hello", "v": 1, "code": "123456",
                                   "token": "forged"}))
        assert (await recv(bad))["reason"] == "token"
        await again.close()
        await bad.close()
        await bo.close()

    run(scenario())
    assert [p.name for p in host.room.players.values()] == ["Ana", "Bo"]


def test_a_second_connection_replaces_the_first(host: LiveHost) -> None:
    async def scenario() -> None:
        first, welcome = await join(host, "Ana")
        second = await connect(host.ws_url)
        await second.send(json.dumps({"type": "hello", "v": 1, "code": "123456",
                                      "token": welcome["token"]}))
        await recv(second, "welcome")
        with pytest.raises(ConnectionClosed):
            while True:
                await asyncio.wait_for(first.recv(), TIMEOUT)
        await second.close()

    run(scenario())


def test_kick(host: LiveHost) -> None:
    async def scenario() -> None:
        bo, welcome = await join(host, "Bo")
        host.call(host.server.kick, welcome["player"]["id"])
        kicked = await recv(bo, "kicked")
        assert "removed" in kicked["message"]
        with pytest.raises(ConnectionClosed):
            while True:
                await asyncio.wait_for(bo.recv(), TIMEOUT)
        back = await connect(host.ws_url)
        await back.send(json.dumps({"type": "hello", "v": 1, "code": "123456",
                                    "token": welcome["token"]}))
        assert (await recv(back))["reason"] == "kicked"
        await back.close()

    run(scenario())


def test_hints_and_pause(host: LiveHost) -> None:
    async def scenario() -> None:
        ana, _ = await join(host, "Ana")
        host.call(host.server.next_question)
        question = await recv(ana, "question")
        assert question["hints"] == len(host.room.questions[0].hints) > 0
        await ana.send(json.dumps({"type": "hint", "q": 0}))
        hint = await recv(ana, "hint")
        assert hint["text"] == host.room.questions[0].hints[0]
        assert hint["points_left"] < question["points"]
        host.call(host.server.pause)
        assert (await recv(ana, "paused"))["q"] == 0
        await ana.send(json.dumps({"type": "answer", "q": 0, "value": right_value(host, 0)}))
        assert (await recv(ana, "error"))["code"] == "not_open"
        host.call(host.server.resume)
        await recv(ana, "resumed")
        await ana.send(json.dumps({"type": "answer", "q": 0, "value": right_value(host, 0)}))
        await recv(ana, "ack")
        result = await recv(ana, "result")
        assert result["points"] == hint["points_left"]
        await ana.close()

    run(scenario())


def test_the_timer_closes_the_question(tmp_path: Path) -> None:
    live = LiveHost(SEED_BANK, tmp_path / "p.db", limit=2, settings=RoomSettings(
        shuffle=False, timer=5))
    try:
        async def scenario() -> None:
            ana, _ = await join(live, "Ana")
            await join(live, "Bo")
            live.call(live.server.next_question)
            question = await recv(ana, "question")
            assert 4000 <= question["remaining_ms"] <= 5000
            closed = await recv(ana, "closed", timeout=15)
            assert closed["why"] == "time"
            await recv(ana, "reveal")

        run(scenario())
    finally:
        live.stop()


def test_approval(tmp_path: Path) -> None:
    live = LiveHost(SEED_BANK, tmp_path / "p.db", limit=2,
                    settings=RoomSettings(shuffle=False, approve_names=True))
    try:
        async def scenario() -> None:
            ana, welcome = await join(live, "Ana")
            assert (await recv(ana, "lobby"))["waiting"] is True
            live.call(live.server.approve, welcome["player"]["id"])
            lobby = await recv(ana, "lobby")
            while lobby["waiting"]:
                lobby = await recv(ana, "lobby")
            bo, bo_welcome = await join(live, "Bo")
            live.call(live.server.decline, bo_welcome["player"]["id"])
            refused = await recv(bo, "refused")
            assert refused["reason"] == "name"

        run(scenario())
    finally:
        live.stop()


def test_the_page_is_served_with_a_strict_policy(host: LiveHost) -> None:
    with urllib.request.urlopen(host.url, timeout=TIMEOUT) as resp:
        assert resp.status == 200
        assert "default-src 'none'" in resp.headers["Content-Security-Policy"]
        assert resp.headers["Content-Type"].startswith("text/html")
    for path in ("app.js", "style.css"):
        with urllib.request.urlopen(host.url + path, timeout=TIMEOUT) as resp:
            assert resp.status == 200
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(host.url + "../etc/passwd", timeout=TIMEOUT)
    assert err.value.code == 404


def test_a_foreign_origin_may_not_connect(host: LiveHost) -> None:
    async def scenario() -> None:
        with pytest.raises(InvalidStatus) as err:
            await connect(host.ws_url, origin="http://evil.example")  # type: ignore[arg-type]
        assert err.value.response.status_code == 403
        ok = await connect(host.ws_url, origin=f"http://127.0.0.1:{host.port}")  # type: ignore[arg-type]
        await ok.close()

    run(scenario())


def test_a_restarted_host_picks_up_where_it_was(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    first = LiveHost(SEED_BANK, db, limit=3)

    async def before() -> str:
        ana, welcome = await join(first, "Ana")
        await join(first, "Bo")
        first.call(first.server.next_question)
        await recv(ana, "question")
        await ana.send(json.dumps({"type": "answer", "q": 0, "value": right_value(first, 0)}))
        await recv(ana, "ack")
        await ana.close()
        return welcome["token"]

    token = run(before())
    score = first.room.players[1].score
    session_id = first.session_id
    first.stop()

    second = LiveHost(SEED_BANK, db, session_id=session_id)
    try:
        assert second.room.phase is Phase.OPEN and second.room.index == 0
        assert second.room.players[1].score == score > 0

        async def after() -> None:
            ws = await connect(second.ws_url)
            await ws.send(json.dumps({"type": "hello", "v": 1, "code": "123456",
                                      "token": token}))
            back = await recv(ws, "welcome")
            assert back["score"] == 0  # the open question's points wait for the reveal
            question = await recv(ws, "question")
            assert question["answered"] is not None
            await ws.close()

        run(after())
    finally:
        second.stop()


def test_a_failure_to_listen_says_what_to_change() -> None:
    server: Any = SimpleNamespace(host="10.0.0.9", port=8470)
    taken = listen_error(OSError(98, "Address already in use"), server)
    assert taken.startswith("port 8470 is already in use on 10.0.0.9") and "--port" in taken
    other = listen_error(OSError(99, "Cannot assign requested address"), server)
    assert other == ("cannot listen on 10.0.0.9:8470: Cannot assign requested address; "
                     "check --bind and --port")
