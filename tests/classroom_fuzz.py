"""Random and mutated protocol frames against a real classroom host (seeded, repeatable).

Shared by the fast slice in tests/test_classroom_fuzz.py and the long run in
benchmarks/classroom_fuzz.py. A run joins a few students, opens a question,
then throws frames at the host from several connections at once: mutations
of every valid message (wrong types, missing and extra fields, lone
surrogates, control and bidi characters, huge numbers, deep nesting, cut
JSON, flipped bytes, binary and oversize frames). Closed connections are
opened again. Afterwards the room must still play: a new student joins,
answers, is acknowledged and gets a result; the host must have logged nothing.
"""

from __future__ import annotations

import asyncio
import json
import random
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

CODE = "123456"
WEIRD_STRINGS = ["", " ", "\x00", "\u202e", "\ud800", "\udfff", "\ufeff", "\u3164", "A" * 5000,
                 "[b]x[/b]", "<script>", "=1+1", "\x1b[31m", "é" * 300, "𝐀𝐧𝐚", "\n\r\t",
                 "Аna", "null", "123456", "../../etc/passwd"]
WEIRD_VALUES: list[Any] = [None, True, False, 0, -1, 2**63, 1e308, -0.0, 1.5, [], {}, [[]],
                           {"a": 1}, [1, 2], ["x"] * 60, "x", 10**30]


def base_frames(q: int, options: list[str]) -> list[dict[str, Any]]:
    """Every valid message a client can send now."""
    good: list[dict[str, Any]] = [
        {"type": "hello", "v": 1, "code": CODE, "name": "Fuzz"},
        {"type": "hello", "v": 1, "code": CODE, "token": "abc"},
        {"type": "answer", "q": q, "value": options[0] if options else "x"},
        {"type": "answer", "q": q, "value": options[:2]},
        {"type": "answer", "q": q, "value": True},
        {"type": "hint", "q": q},
        {"type": "ping"},
    ]
    return good


def _weird(rng: random.Random) -> Any:
    pick = rng.random()
    if pick < 0.45:
        return rng.choice(WEIRD_STRINGS)
    if pick < 0.8:
        return rng.choice(WEIRD_VALUES)
    depth = rng.randint(1, 200)
    return json.loads("[" * depth + "]" * depth)


def mutate(rng: random.Random, message: dict[str, Any]) -> str | bytes:
    """One hostile variant of ``message``, as the text (or bytes) sent on the wire.

    A text frame is UTF-8 on the wire, so a lone surrogate can only arrive as a
    JSON escape; a raw one is escaped here (as a real client's JSON would be).
    """
    frame = _mutate(rng, message)
    if isinstance(frame, str):
        try:
            frame.encode("utf-8")
        except UnicodeEncodeError:
            frame = frame.encode("utf-8", "backslashreplace").decode("ascii", "replace")
    return frame


def _mutate(rng: random.Random, message: dict[str, Any]) -> str | bytes:
    m = dict(message)
    how = rng.randrange(10)
    if how == 0 and len(m) > 1:
        m.pop(rng.choice([k for k in m if k != "type"] or ["type"]), None)
    elif how == 1:
        m[rng.choice(list(m))] = _weird(rng)
    elif how == 2:
        m[rng.choice(["extra", "__proto__", "type2", "\ud800", ""])] = _weird(rng)
    elif how == 3:
        m["type"] = rng.choice(["HELLO", "answer ", "", "end", "reveal", None, 1, ["ping"]])
    elif how == 4:
        text = json.dumps(m)
        return text[:rng.randrange(len(text))]
    elif how == 5:
        raw = bytearray(json.dumps(m).encode())
        for _ in range(rng.randint(1, 4)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return raw.decode("utf-8", "replace")
    elif how == 6:
        return json.dumps(m).encode()  # a binary frame
    elif how == 7:
        return json.dumps(_weird(rng))
    elif how == 8:
        # Duplicate keys, and a lone surrogate spelt as a JSON escape.
        return json.dumps(m)[:-1] + ', "type": "ping", "v": "\\ud800"}'
    else:
        m["value" if "value" in m else "name"] = rng.choice(WEIRD_STRINGS) + "\\ud83d"
    return json.dumps(m, ensure_ascii=rng.random() < 0.5)


@dataclass
class Tally:
    sent: int = 0
    reconnects: int = 0
    replies: dict[str, int] = field(default_factory=dict)


async def _worker(url: str, rng: random.Random, frames: int, q: int, options: list[str],
                  tally: Tally, index: int) -> None:
    goods = base_frames(q, options)
    left = frames
    while left > 0:
        try:
            async with connect(url, open_timeout=10, max_size=2**20) as ws:
                if rng.random() < 0.6:  # most connections have joined, to reach answer/hint
                    await ws.send(json.dumps({"type": "hello", "v": 1, "code": CODE,
                                              "name": f"f{index}x{rng.randrange(10**6)}"}))
                while left > 0:
                    frame = mutate(rng, rng.choice(goods))
                    left -= 1
                    tally.sent += 1
                    await ws.send(frame)
                    await _drain(ws, tally)
        except (ConnectionClosed, InvalidHandshake, OSError, TimeoutError):
            tally.reconnects += 1


async def _drain(ws: ClientConnection, tally: Tally) -> None:
    """Read what the host has said so far (without waiting for more)."""
    while True:
        try:
            raw = await asyncio.wait_for(ws.recv(), 0.001)
        except TimeoutError:
            return
        kind = json.loads(raw).get("type", "?") if isinstance(raw, str) else "binary"
        tally.replies[kind] = tally.replies.get(kind, 0) + 1


async def fuzz(host: Any, frames: int, seed: int, workers: int = 8) -> Tally:
    """Send ``frames`` hostile frames to ``host`` (a LiveHost with an open question)."""
    rng = random.Random(seed)
    room = host.room
    q = room.index
    options = room.options(q) if q >= 0 else []
    tally = Tally()
    share = -(-frames // workers)
    await asyncio.gather(*(_worker(host.ws_url, random.Random(rng.random()), share, q,
                                   options, tally, i) for i in range(workers)))
    return tally


async def still_plays(host: Any) -> None:
    """After the storm: a new student joins, answers the next question and sees a result."""
    async with connect(host.ws_url) as ws:
        await ws.send(json.dumps({"type": "hello", "v": 1, "code": CODE, "name": "After"}))
        assert (await _next(ws, "welcome"))["player"]["name"] == "After"
        host.call(host.server.next_question)
        question = await _next(ws, "question")
        while question["q"] != host.room.index:  # the one open when we joined came first
            question = await _next(ws, "question")
        value = _right(host, question["q"])
        await ws.send(json.dumps({"type": "answer", "q": question["q"], "value": value}))
        await _next(ws, "ack")
        host.call(lambda: host.room.phase == "open" and host.server.reveal())  # if not yet
        result = await _next(ws, "result")
        assert result["correct"] is True


def _right(host: Any, q: int) -> Any:
    question = host.room.questions[q]
    return str(question.answer) if question.type == "number" else question.answer


async def _next(ws: ClientConnection, kind: str) -> dict[str, Any]:
    while True:
        msg = json.loads(await asyncio.wait_for(ws.recv(), 10))
        if msg["type"] == kind:
            return msg
