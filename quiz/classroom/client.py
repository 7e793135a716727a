"""A student's side of docs/protocol.md, for ``quiz join`` (no Textual here).

:class:`ClassClient` joins, hands every server message to a callback, and
when the connection drops it comes back with its resume token, so a flaky
wifi or a restarted host costs the student nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from quiz.classroom.protocol import VERSION

DEFAULT_PORT = 8470
RETRY_DELAYS = (0.5, 1.0, 2.0, 3.0, 5.0)  # then every 5 s until the student quits
SLOW_DOWN_WAIT = 60.0  # the host refuses an address that guessed wrong codes for a minute
FINAL = frozenset({"code", "name", "locked", "kicked", "ended", "version", "full"})

Message = dict[str, Any]


def parse_address(text: str) -> tuple[str, int]:
    """``HOST`` or ``HOST:PORT`` (``[::1]:8470`` for IPv6) -> (host, port); ValueError if bad."""
    text = text.strip()
    if text.startswith(("http://", "ws://")):
        text = text.split("://", 1)[1].split("/", 1)[0]
    host, port = text, DEFAULT_PORT
    if text.startswith("["):
        end = text.find("]")
        if end < 0:
            raise ValueError(f"{text!r}: an IPv6 address needs its closing ']'")
        host, rest = text[1:end], text[end + 1:]
        if rest.startswith(":"):
            port = _port(rest[1:], text)
    elif text.count(":") == 1:
        host, raw = text.split(":")
        port = _port(raw, text)
    if not host:
        raise ValueError("give the host's address as shown on the teacher's screen, "
                         "e.g. 192.168.1.20:8470")
    return host, port


def _port(raw: str, text: str) -> int:
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise ValueError(f"{text!r}: the port must be a number from 1 to 65535")
    return int(raw)


class ClassClient:
    """One student's connection. ``await run()`` until the session ends or ``stop()``."""

    def __init__(self, host: str, port: int, code: str, name: str, *,
                 on_message: Callable[[Message], None],
                 on_status: Callable[[str], None] = lambda _: None,
                 token: str | None = None) -> None:
        self.uri = f"ws://{host if ':' not in host else f'[{host}]'}:{port}/ws"
        self.code = code
        self.name = name
        self.token = token
        self.on_message = on_message
        self.on_status = on_status
        self.ws: ClientConnection | None = None
        self.finished = False  # refused for good, kicked, or the session ended
        self._stop = asyncio.Event()
        self._closing: asyncio.Future[None] | None = None
        self._retry_after: float | None = None  # the next reconnect's delay, if not the usual

    async def run(self) -> None:
        attempt = 0
        while not self._stop.is_set() and not self.finished:
            try:
                async with connect(self.uri, open_timeout=5, max_size=2**20,
                                   ping_interval=20) as ws:
                    self.ws = ws
                    attempt = 0
                    hello: Message = {"type": "hello", "v": VERSION, "code": self.code}
                    if self.token:
                        hello["token"] = self.token
                    else:
                        hello["name"] = self.name
                    await ws.send(json.dumps(hello))
                    self.on_status("connected")
                    async for raw in ws:
                        self._dispatch(raw)
                        if self.finished:
                            break
            except (OSError, ConnectionClosed, InvalidHandshake, InvalidURI, TimeoutError) as exc:
                if isinstance(exc, InvalidURI):
                    self.finished = True
                    self.on_status(f"bad address: {exc}")
                    break
            finally:
                self.ws = None
            if self.finished or self._stop.is_set():
                break
            delay = RETRY_DELAYS[min(attempt, len(RETRY_DELAYS) - 1)]
            if self._retry_after is not None:
                delay, self._retry_after = self._retry_after, None
            attempt += 1
            self.on_status(f"connection lost; trying again in {delay:g} s")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), delay)

    def _dispatch(self, raw: str | bytes) -> None:
        try:
            msg = json.loads(raw)
        except ValueError:
            return
        if not isinstance(msg, dict) or not isinstance(msg.get("type"), str):
            return
        kind = msg["type"]
        if kind == "welcome" and isinstance(msg.get("token"), str):
            self.token = msg["token"]
        elif kind == "refused":
            reason = msg.get("reason")
            if reason == "token":
                self.token = None  # the host forgot us: join afresh by name, at once
                self._retry_after = 0.0
                self._drop()
            elif reason == "slow_down":
                self._retry_after = SLOW_DOWN_WAIT
                self._drop()
            elif reason in FINAL:
                self.finished = True
        elif kind in ("kicked", "end"):
            self.finished = kind == "kicked"
        self.on_message(msg)

    async def send(self, message: Message) -> bool:
        ws = self.ws
        if ws is None:
            return False
        try:
            await ws.send(json.dumps(message))
        except ConnectionClosed:
            return False
        return True

    async def answer(self, q: int, value: Any) -> bool:
        return await self.send({"type": "answer", "q": q, "value": value})

    async def hint(self, q: int) -> bool:
        return await self.send({"type": "hint", "q": q})

    async def leave(self) -> None:
        await self.send({"type": "bye"})
        self.stop()

    def _drop(self) -> None:
        """Close this connection; ``run`` then connects again after the chosen delay."""
        if self.ws is not None:
            self._closing = asyncio.ensure_future(self.ws.close())

    def stop(self) -> None:
        self._stop.set()
        if self.ws is not None:
            self._closing = asyncio.ensure_future(self.ws.close())  # kept until it is done
