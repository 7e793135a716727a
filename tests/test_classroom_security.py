"""Attacks on a real host on 127.0.0.1, over real sockets: each one a fault that was found.

Every test here failed before its fix. The names say what must hold.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from quiz.classroom.records import ClassRecords
from quiz.classroom.report import Report
from quiz.classroom.room import AnswerRecord, RoomSettings
from quiz.classroom.server import Limits
from tests.classroom_host import LiveHost
from tests.conftest import ROOT, SEED_BANK
from tests.test_classroom_server import join, recv, right_value

TIMEOUT = 10
CODE = "123456"


def run(coro: Any) -> Any:
    return asyncio.run(coro)


async def until(cond: Any, what: str, timeout: float = TIMEOUT) -> None:
    """Wait for a condition (polled), failing with ``what`` if it never holds."""
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise AssertionError(f"gave up waiting for {what}")
        await asyncio.sleep(0.01)


async def hello(ws: ClientConnection, **fields: Any) -> dict[str, Any]:
    await ws.send(json.dumps({"type": "hello", "v": 1, "code": CODE, **fields}))
    return await recv(ws)


@pytest.fixture
def host(tmp_path: Path) -> Iterator[LiveHost]:
    live = LiveHost(SEED_BANK, tmp_path / "progress.db", limit=4)
    yield live
    live.stop()
    assert live.problems() == []


# -- 1. the verdict must not leak before the reveal -------------------------------------


def test_a_reconnect_does_not_tell_whether_the_open_answer_was_right(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    first = LiveHost(SEED_BANK, db, limit=3)

    async def before() -> tuple[str, int]:
        ana, welcome = await join(first, "Ana")
        bo, _ = await join(first, "Bo")  # never answers: the question stays open
        first.call(first.server.next_question)
        await recv(ana, "question")
        await ana.send(json.dumps({"type": "answer", "q": 0, "value": right_value(first, 0)}))
        await recv(ana, "ack")
        first.call(first.server.reveal)
        revealed = (await recv(ana, "result"))["score"]
        assert revealed > 0
        first.call(first.server.next_question)
        await recv(ana, "question")
        await ana.send(json.dumps({"type": "answer", "q": 1, "value": right_value(first, 1)}))
        await recv(ana, "ack")
        assert first.room.players[welcome["player"]["id"]].score > revealed  # counted...
        await ana.close()
        again = await connect(first.ws_url)
        back = await hello(again, token=welcome["token"])
        assert back["type"] == "welcome"
        assert back["score"] == revealed  # ...but not shown before its reveal
        await again.close()
        await bo.close()
        return welcome["token"], revealed

    try:
        token, revealed = run(before())
    finally:
        first.stop()
    # After a restart of the host, the same.
    second = LiveHost(SEED_BANK, db, session_id=first.session_id)
    try:
        async def after() -> None:
            ws = await connect(second.ws_url)
            back = await hello(ws, token=token)
            assert back["score"] == revealed
            second.call(second.server.reveal)
            assert (await recv(ws, "result"))["score"] > revealed
            await ws.close()

        run(after())
    finally:
        second.stop()


def test_a_closed_question_is_not_revealed_to_a_returning_student(host: LiveHost) -> None:
    async def scenario() -> None:
        ana, welcome = await join(host, "Ana")
        await join(host, "Bo")
        host.call(host.server.next_question)
        await recv(ana, "question")
        await ana.send(json.dumps({"type": "answer", "q": 0, "value": right_value(host, 0)}))
        await recv(ana, "ack")
        host.call(host.room.close)  # closed, and the teacher has not revealed yet
        await ana.close()
        again = await connect(host.ws_url)
        back = await hello(again, token=welcome["token"])
        assert back["score"] == 0
        kinds = [(await recv(again))["type"] for _ in range(2)]
        assert kinds == ["question", "closed"]
        await again.close()

    run(scenario())


# -- 2. one client must not fill the room ------------------------------------------------


def test_players_who_left_hold_no_place(tmp_path: Path) -> None:
    live = LiveHost(SEED_BANK, tmp_path / "p.db", limit=2,
                    limits=Limits(per_address=0, joins_per_minute=0),
                    settings=RoomSettings(shuffle=False, max_players=300))

    async def join_and_leave(i: int) -> None:
        async with connect(live.ws_url) as ws:
            assert (await hello(ws, name=f"bot{i}"))["type"] == "welcome"
            await ws.send(json.dumps({"type": "bye"}))
            with pytest.raises(ConnectionClosed):
                while True:
                    await asyncio.wait_for(ws.recv(), TIMEOUT)

    async def scenario() -> None:
        for start in range(0, 300, 50):
            await asyncio.gather(*(join_and_leave(i) for i in range(start, start + 50)))
        ana, welcome = await join(live, "Ana")
        assert welcome["type"] == "welcome", welcome
        lobby = await recv(ana, "lobby")
        assert lobby["count"] == 1 and lobby["names"] == ["Ana"]
        await ana.close()

    try:
        run(scenario())
    finally:
        live.stop()
    assert live.problems() == []


def test_one_address_is_held_to_its_share_and_the_teacher_can_clear_it(tmp_path: Path) -> None:
    live = LiveHost(SEED_BANK, tmp_path / "p.db", limit=2,
                    limits=Limits(per_address=5, joins_per_minute=7))

    async def scenario() -> None:
        held = [await join(live, f"bot{i}") for i in range(5)]
        assert all(w["type"] == "welcome" for _, w in held)
        extra, refused = await join(live, "bot5")
        assert refused["type"] == "refused" and "from this address" in refused["message"]
        await extra.close()
        # The teacher clears the flood in one go; the places are free again.
        assert live.call(live.server.kick_address, "127.0.0.1") == 5
        for ws, _ in held:
            with pytest.raises(ConnectionClosed):
                while True:
                    await asyncio.wait_for(ws.recv(), TIMEOUT)
        ana, ok = await join(live, "Ana")
        assert ok["type"] == "welcome"
        # Seven new names a minute from one address (bot0-4, Ana, Bo): the eighth waits.
        bo, ok = await join(live, "Bo")
        assert ok["type"] == "welcome"
        late, slow = await join(live, "Cy")
        assert slow["type"] == "refused" and slow["reason"] == "slow_down"
        await late.close()
        # A locked lobby turns new names away; a student who left is removed by the teacher.
        live.call(live.server.lock, True)
        await bo.close()
        await until(lambda: not live.room.players[ok["player"]["id"]].connected, "Bo away")
        assert live.call(live.server.remove_away) == 1
        assert live.room.players[ok["player"]["id"]].left
        await ana.close()

    try:
        run(scenario())
    finally:
        live.stop()
    assert live.problems() == []


def test_the_room_cap_counts_connected_players(tmp_path: Path) -> None:
    live = LiveHost(SEED_BANK, tmp_path / "p.db", limit=2,
                    settings=RoomSettings(shuffle=False, max_players=2))

    async def scenario() -> None:
        ana, _ = await join(live, "Ana")
        bo, _ = await join(live, "Bo")
        cy, full = await join(live, "Cy")
        assert full["reason"] == "full" and "(2 players)" in full["message"]
        await cy.close()
        await bo.close()  # away, not gone: the place is free while Bo is away
        await until(lambda: live.room.present_players() == 1, "Bo's place freed")
        cy, ok = await join(live, "Cy")
        assert ok["type"] == "welcome"
        await ana.close()
        await cy.close()

    try:
        run(scenario())
    finally:
        live.stop()


# -- 3. one bad answer must not void the answers saved with it -----------------------------


def _typed(q: Any) -> bool:
    return q.type == "text"


class _Gate:
    """Holds the host's first commit until the test has queued the burst behind it."""

    def __init__(self, records: ClassRecords, fail_player: int | None = None) -> None:
        self.real = records.add_answers
        self.open = threading.Event()
        self.calls = 0
        self.fail_player = fail_player
        records.add_answers = self  # type: ignore[method-assign]

    def __call__(self, session_id: int, batch: list[AnswerRecord]) -> None:
        self.calls += 1
        if self.calls == 1:
            self.open.wait(TIMEOUT)
        if self.fail_player is not None and any(a.player_id == self.fail_player
                                                for a in batch):
            raise OSError("disk says no to this row")
        self.real(session_id, batch)


def _burst(live: LiveHost, bad_frame: str | None, fail_name: str | None) -> dict[str, str]:
    async def scenario() -> dict[str, str]:
        players = [await join(live, name) for name in
                   ("first", "g1", "g2", "g3", "g4", "g5", "evil")]
        ids = {w["player"]["name"]: w["player"]["id"] for _, w in players}
        gate = _Gate(live.records, ids.get(fail_name) if fail_name else None)
        live.call(live.server.next_question)
        for ws, _ in players:
            await recv(ws, "question")
        value = right_value(live, 0)
        first = players[0][0]
        await first.send(json.dumps({"type": "answer", "q": 0, "value": value}))
        await until(lambda: gate.calls == 1, "the first commit")
        for ws, w in players[1:]:
            evil = w["player"]["name"] == "evil"
            frame = bad_frame if evil and bad_frame else json.dumps(
                {"type": "answer", "q": 0, "value": value})
            await ws.send(frame)
        want = 5 if bad_frame else 6
        await until(lambda: len(live.server._pending) >= want, "the burst in one batch")
        gate.open.set()
        outcome = {}
        for ws, w in players[1:]:
            msg = await recv(ws)
            while msg["type"] not in ("ack", "error"):  # "closed" may come first
                msg = await recv(ws)
            outcome[w["player"]["name"]] = msg.get("code") or msg["type"]
        return outcome

    return run(scenario())


def test_an_answer_with_a_lone_surrogate_is_refused_alone(tmp_path: Path) -> None:
    live = LiveHost(SEED_BANK, tmp_path / "p.db", limit=1, only=_typed)
    try:
        bad = '{"type": "answer", "q": 0, "value": "x\\ud800"}'
        outcome = _burst(live, bad, None)
        assert outcome == {"g1": "ack", "g2": "ack", "g3": "ack", "g4": "ack", "g5": "ack",
                           "evil": "bad_message"}
        saved = {a.player_id for a in live.records.answers(live.session_id)}
        assert len(saved) == 6
    finally:
        live.stop()
    assert live.problems() == []


def test_a_row_the_disk_refuses_does_not_take_the_batch_down(tmp_path: Path) -> None:
    live = LiveHost(SEED_BANK, tmp_path / "p.db", limit=1, only=_typed)
    try:
        outcome = _burst(live, None, "evil")
        assert outcome == {"g1": "ack", "g2": "ack", "g3": "ack", "g4": "ack", "g5": "ack",
                           "evil": "not_saved"}
        assert len(live.records.answers(live.session_id)) == 6
    finally:
        live.stop()


# -- 4. idle sockets must not use up the host's files ------------------------------------


def test_a_socket_that_never_says_hello_is_closed(tmp_path: Path) -> None:
    live = LiveHost(SEED_BANK, tmp_path / "p.db", limit=2,
                    limits=Limits(hello_timeout=0.5, max_connections=20))
    notices: list[str] = []
    live.server.listeners.append(lambda event: notices.append(event) if event == "notice"
                                 else None)

    async def scenario() -> None:
        silent = await connect(live.ws_url)
        with pytest.raises(ConnectionClosed) as err:
            await asyncio.wait_for(silent.recv(), TIMEOUT)
        assert err.value.rcvd is not None and err.value.rcvd.code == 1008
        # Raw sockets that never finish the HTTP request: 20 are held, the rest dropped.
        raw = [socket.create_connection(("127.0.0.1", live.port)) for _ in range(40)]
        await until(lambda: live.server.at_capacity, "the connection cap")
        assert live.server.open_connections <= 20
        # The silent ones time out, and a student gets in.
        await until(lambda: live.server.open_connections == 0, "idle sockets closed")
        ana, ok = await join(live, "Ana")
        assert ok["type"] == "welcome"
        await ana.close()
        for s in raw:
            s.close()

    try:
        run(scenario())
    finally:
        live.stop()
    assert notices == ["notice"] and "connection limit" in live.server.notice
    assert live.problems() == []


def test_the_plain_host_outlives_a_socket_flood_under_a_small_file_limit(
        tmp_path: Path) -> None:
    import resource

    def small_limit() -> None:  # the hard limit too: the host cannot raise it
        resource.setrlimit(resource.RLIMIT_NOFILE, (160, 160))

    env = {**os.environ, "QUIZ_HOME": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "quiz", "host", "--plain", "--bind", "127.0.0.1", "--port",
         str(port), str(SEED_BANK), "--limit", "2", "--in-order", "--seed", "1"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env=env, cwd=ROOT, preexec_fn=small_limit)
    lines: list[str] = []
    assert proc.stdout is not None
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout or []), daemon=True)
    reader.start()
    raw: list[socket.socket] = []
    try:
        async def scenario() -> None:
            await until(lambda: any(line.startswith("students open") for line in lines),
                        "the host to start", 30)
            code = next(m.group(1) for line in lines
                        if (m := re.search(r"code (\d{6})", line)))
            for _ in range(300):  # twice what the host may hold
                with contextlib.suppress(OSError):
                    raw.append(socket.create_connection(("127.0.0.1", port), timeout=5))
            # The host goes on serving: once the silent sockets time out, a student joins.
            end = time.monotonic() + 30
            while True:
                try:
                    async with connect(f"ws://127.0.0.1:{port}/ws", open_timeout=5) as ws:
                        await ws.send(json.dumps({"type": "hello", "v": 1, "code": code,
                                                  "name": "Ana"}))
                        msg = json.loads(await asyncio.wait_for(ws.recv(), 5))
                        assert msg["type"] == "welcome", msg
                        return
                except (OSError, ConnectionClosed, InvalidHandshake, TimeoutError):
                    if time.monotonic() > end:
                        raise
                    await asyncio.sleep(0.2)

        run(scenario())
    finally:
        for s in raw:
            s.close()
        if proc.stdin:
            proc.stdin.write("quit\n")
            proc.stdin.flush()
        proc.wait(20)
        reader.join(10)
    text = "".join(lines)
    assert "Traceback" not in text and "Too many open files" not in text, text[-2000:]
    assert text.count("connection limit reached") == 1, text[-2000:]


# -- the smaller faults --------------------------------------------------------------------


def _raw_http(port: int, request: str) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as s:
        s.sendall(request.encode("latin-1"))
        chunks = []
        while True:
            try:
                data = s.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not data:
                break
            chunks.append(data)
    return b"".join(chunks)


def _status(reply: bytes) -> int:
    return int(reply.split(b" ", 2)[1]) if reply.startswith(b"HTTP/") else 0


def test_odd_http_gets_a_status_not_a_traceback(host: LiveHost) -> None:
    p = host.port
    here = f"127.0.0.1:{p}"
    two_hosts = f"GET / HTTP/1.1\r\nHost: {here}\r\nHost: {here}\r\n\r\n"
    assert _status(_raw_http(p, two_hosts)) == 400
    two_origins = (f"GET /ws HTTP/1.1\r\nHost: {here}\r\nOrigin: http://{here}\r\n"
                   f"Origin: http://{here}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                   "Sec-WebSocket-Version: 13\r\n\r\n")
    assert _status(_raw_http(p, two_origins)) == 400
    # DNS rebinding: a page on somebody else's name, resolved to this host.
    rebound = (f"GET /ws HTTP/1.1\r\nHost: evil.example:{p}\r\nOrigin: http://evil.example:{p}"
               "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
    assert _status(_raw_http(p, rebound)) == 421
    assert _status(_raw_http(p, f"GET / HTTP/1.1\r\nHost: evil.example:{p}\r\n\r\n")) == 421
    for method in ("POST", "OPTIONS", "PUT", "DELETE"):
        reply = _raw_http(p, f"{method} / HTTP/1.1\r\nHost: {here}\r\nContent-Length: 0\r\n\r\n")
        assert _status(reply) == 405 and b"Allow: GET, HEAD" in reply
    head = _raw_http(p, f"HEAD / HTTP/1.1\r\nHost: {here}\r\nConnection: close\r\n\r\n")
    headers, _, body = head.partition(b"\r\n\r\n")
    assert _status(head) == 200 and body == b""
    assert int(re.search(rb"Content-Length: (\d+)", headers).group(1)) > 1000  # type: ignore[union-attr]


def test_the_teacher_may_allow_another_host_name(tmp_path: Path) -> None:
    live = LiveHost(SEED_BANK, tmp_path / "p.db", limit=1,
                    limits=Limits(allow_hosts=("quiz.school.example",)))
    try:
        reply = _raw_http(live.port, f"GET / HTTP/1.1\r\nHost: quiz.school.example:{live.port}"
                          "\r\nConnection: close\r\n\r\n")
        assert _status(reply) == 200
    finally:
        live.stop()


def test_look_alike_invisible_and_broken_names_are_refused(host: LiveHost) -> None:
    async def scenario() -> None:
        ana, _ = await join(host, "Ana")
        for name, why in (("\u0410na", "already taken"), ("f\u0443ck", "not allowed"),
                          ("\u3164", "invisible"), ("\uff21\uff4e\uff41", "already taken")):
            ws, msg = await join(host, name)
            assert msg["type"] == "refused" and why in msg["message"], (name, msg)
            await ws.close()
        # A lone surrogate in the name: an error, and the connection stays up.
        ws = await connect(host.ws_url)
        await ws.send('{"type": "hello", "v": 1, "code": "123456", "name": "\\ud800"}')
        assert (await recv(ws))["code"] == "bad_message"
        await ws.send('{"type": "ping"}')
        assert (await recv(ws))["type"] == "pong"
        await ws.close()
        await ana.close()

    run(scenario())


def test_answers_are_checked_for_their_type_and_their_characters(tmp_path: Path) -> None:
    live = LiveHost(SEED_BANK, tmp_path / "p.db", limit=1, only=lambda q: q.type == "multi")

    async def scenario() -> None:
        ana, _ = await join(live, "Ana")
        await join(live, "Bo")
        live.call(live.server.next_question)
        question = await recv(ana, "question")
        await ana.send(json.dumps({"type": "answer", "q": 0, "value": []}))
        assert (await recv(ana, "error"))["code"] == "bad_answer"
        for hostile in ("a\x00b", "a\u202eb"):
            await ana.send(json.dumps({"type": "answer", "q": 0, "value": [hostile]}))
            assert (await recv(ana, "error"))["code"] == "bad_message"
        await ana.send(json.dumps({"type": "answer", "q": 0,
                                   "value": question["options"][:1]}))
        assert (await recv(ana, "ack"))["q"] == 0

    try:
        run(scenario())
    finally:
        live.stop()
    assert live.problems() == []


def test_the_csv_holds_no_control_or_direction_characters(tmp_path: Path) -> None:
    live = LiveHost(SEED_BANK, tmp_path / "p.db", limit=1, only=_typed)
    try:
        async def scenario() -> None:
            ana, _ = await join(live, "Ana")
            live.call(live.server.next_question)
            await recv(ana, "question")

        run(scenario())
        # Written by an older host, before answers were checked: the report cleans them.
        q = live.room.questions[0]
        live.records.add_answers(live.session_id, [AnswerRecord(
            1, 0, q.id, "=1+1\x00\u202e\u200f\u2067x\ny", False, 0.0, 1.0, 0, 0)])
        session = live.records.session(live.session_id)
        assert session is not None
        out = io.StringIO()
        Report(live.records, session).write_csv(out)
        cell = out.getvalue().splitlines()[1].split(",")[5]
        assert cell == "'=1+1 x y"
    finally:
        live.stop()


def test_the_end_counts_the_questions_played(host: LiveHost) -> None:
    async def scenario() -> None:
        ana, _ = await join(host, "Ana")
        host.call(host.server.next_question)
        await recv(ana, "question")
        host.call(host.server.end)
        end = await recv(ana, "end")
        assert end["total"] == 1 and end["bank_total"] == host.room.total == 4
        await ana.close()

    run(scenario())
