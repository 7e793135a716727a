"""The classroom host: a WebSocket server (and the browser page) around a :class:`Room`.

It runs in whatever asyncio loop starts it: the teacher's Textual app, or
the plain host. The teacher's controls are plain methods (``next_question``,
``pause``, ``reveal``...); students speak docs/protocol.md. The server owns
the timer and the answer key. An answer is acknowledged only once it is on
disk; answers that arrive together share one commit, so a burst from thirty
students costs one fsync, not thirty.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import secrets
import socket
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from websockets.asyncio.server import Server, ServerConnection, broadcast, serve
from websockets.datastructures import Headers, MultipleValuesError
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from quiz.bank.article import Article
from quiz.bank.model import Bank
from quiz.classroom import messages, protocol
from quiz.classroom.fanout import send_frames, text_frame
from quiz.classroom.protocol import ClientMessage, ProtocolError, encode
from quiz.classroom.records import ClassRecords, token_hash
from quiz.classroom.room import AnswerRecord, Phase, Player, Room, RoomError

DEFAULT_PORT = 8470
RATE = 10.0  # messages a second per client...
BURST = 20  # ...with bursts of this many
MAX_DROPPED = 50  # then the connection is closed
MAX_HELLO_FAILS = 3
WRONG_CODES_PER_MINUTE = 10
LOBBY_DEBOUNCE = 0.1  # seconds: thirty joins in a second make a few lobby updates, not 900
BACKLOG = 32  # connections accepted in one go (each takes a file before it can be refused)
FD_RESERVE = 64 + BACKLOG  # files kept for the database, logs, threads and one accept batch


@dataclass(frozen=True, slots=True)
class Limits:
    """What one client, or one address, may take of the host."""

    hello_timeout: float = 5.0  # seconds a new connection has to send hello
    per_address: int = 20  # players connected at once from one address (0: no limit)
    joins_per_minute: int = 60  # new names from one address in a minute (0: no limit)
    max_connections: int | None = None  # None: what the process's file limit allows
    allow_hosts: tuple[str, ...] = ()  # more names the page may be reached by (Host header)
    wrong_codes_per_minute: int = WRONG_CODES_PER_MINUTE  # then the address waits (0: never)
    rate: float = RATE  # messages a second per connection...
    burst: int = BURST  # ...with bursts of this many


def raise_fd_limit() -> int:
    """Raise the soft limit on open files to the hard one; returns the limit now in force."""
    try:
        import resource
    except ImportError:  # Windows: no such limit to raise
        return 8192
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else 65536
    if soft != resource.RLIM_INFINITY and soft < wanted:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
    return 65536 if soft == resource.RLIM_INFINITY else int(soft)

WEB_FILES = {"/": ("index.html", "text/html; charset=utf-8"),
             "/app.js": ("app.js", "text/javascript; charset=utf-8"),
             "/style.css": ("style.css", "text/css; charset=utf-8")}
_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")

Listener = Callable[[str], None]


@dataclass(slots=True)
class _Bucket:
    """A token bucket: ``rate`` messages a second, ``burst`` at once."""

    rate: float = RATE
    burst: int = BURST
    tokens: float = BURST
    at: float = field(default_factory=time.monotonic)

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent to find it)."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect(("10.255.255.255", 1))
        addr = s.getsockname()[0]
        if not ipaddress.ip_address(addr).is_unspecified:
            return addr
    return "127.0.0.1"


class _CountedConnection(ServerConnection):
    """A connection that counts itself, and is dropped at once past the host's cap.

    Counting at accept time (before any HTTP is read) is what keeps idle sockets
    from using up the process's files: the host never runs out, so it never
    fails an accept, and it goes on serving the connections it has.
    """

    owner: ClassServer
    counted = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        if self.owner.open_connections >= self.owner.max_connections:
            self.owner.connection_refused()
            self.transport.abort()
            return
        self.counted = True
        self.owner.open_connections += 1

    def connection_lost(self, exc: Exception | None) -> None:
        if self.counted:
            self.counted = False
            self.owner.open_connections -= 1
        super().connection_lost(exc)


def _web_assets() -> dict[str, tuple[bytes, str]]:
    base = resources.files("quiz.classroom") / "web"
    return {path: ((base / name).read_bytes(), ctype) for path, (name, ctype) in WEB_FILES.items()}


class ClassServer:
    """One room served on one port. Create, ``await listen()``, drive, ``await stop()``."""

    def __init__(self, room: Room, records: ClassRecords, session_id: int, bank: Bank, *,
                 host: str = "0.0.0.0", port: int = DEFAULT_PORT,
                 clock: Callable[[], float] = time.time, limits: Limits | None = None) -> None:
        self.room = room
        self.records = records
        self.session_id = session_id
        self.bank = bank
        self.host = host
        self.port = port
        self.clock = clock
        self.limits = limits or Limits()
        self.listeners: list[Listener] = []
        self.conns: dict[int, ServerConnection] = {}
        self.addresses: dict[int, str] = {}  # player id -> the address they joined from
        self.open_connections = 0  # sockets open now, joined or not
        self.max_connections = self.limits.max_connections or 1024
        self.at_capacity = False  # the cap was hit and not yet left behind (logged once)
        self.notice = ""  # the last thing worth telling the teacher (event "notice")
        self._allowed_hosts: frozenset[str] = frozenset()
        self._joins: dict[str, deque[float]] = {}
        self.last_fanout_ms = 0.0  # how long the last reveal took to hand to every socket
        self._server: Server | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._lobby_pending = False
        self._pending: list[tuple[AnswerRecord, asyncio.Future[None]]] = []
        self._writer: asyncio.Task[None] | None = None
        self._wrong_codes: dict[str, deque[float]] = {}
        self._assets = _web_assets()
        self._tasks: set[asyncio.Future[Any]] = set()

    def article(self) -> Article | None:
        """The bank's article, or None if it went missing: the quotes alone still prove."""
        try:
            return self.bank.article
        except (OSError, ValueError):
            return None

    # -- life -------------------------------------------------------------------

    async def listen(self) -> None:
        """Bind and listen; raises OSError (port taken, bad address) for the caller to word."""
        files = raise_fd_limit()
        cap = max(16, files - FD_RESERVE)
        self.max_connections = min(cap, self.limits.max_connections or cap)
        owner = self

        class Counted(_CountedConnection):
            pass

        Counted.owner = owner
        self._server = await serve(self._handle, self.host, self.port,
                                   process_request=self._http, max_size=protocol.MAX_FRAME,
                                   ping_interval=20, ping_timeout=20, close_timeout=3,
                                   open_timeout=self.limits.hello_timeout,
                                   compression=None, create_connection=Counted,
                                   backlog=BACKLOG)
        self._quiet_accept_errors()
        sock = next(iter(self._server.sockets), None)
        if sock is not None:
            self.port = sock.getsockname()[1]
        self._allowed_hosts = self._own_names()
        if not self.session_id:
            # Recorded only once the port is ours: a failed start leaves no session behind.
            self.session_id = self.records.create(self.room, self.bank, self.port)
        self._restart_timer()

    async def stop(self) -> None:
        if self._timer:
            self._timer.cancel()
        if self._writer:
            with contextlib.suppress(Exception):
                await self._writer
        if self._server is not None:
            self._server.close()
            try:
                await asyncio.wait_for(self._server.wait_closed(), 2)
            except TimeoutError:
                # A student whose device vanished never answers the closing handshake.
                for ws in list(self._server.all_connections):
                    ws.transport.abort()
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(self._server.wait_closed(), 2)

    def url(self, address: str | None = None) -> str:
        shown = address or (lan_address() if self.host in ("0.0.0.0", "") else self.host)
        return f"http://{shown}:{self.port}/?code={self.room.code}"

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)  # keep a reference until it is done
        task.add_done_callback(self._tasks.discard)

    def _emit(self, event: str) -> None:
        for listener in list(self.listeners):
            listener(event)

    # -- HTTP: the page, and the Origin check for the socket --------------------------

    def _own_names(self) -> frozenset[str]:
        """The names and addresses this host may be reached by: the ones it prints, and
        the teacher's ``--allow-host`` names. Any other ``Host`` is a page that got here
        through somebody else's DNS name (DNS rebinding) and is refused."""
        names = {"localhost", "127.0.0.1", "::1", lan_address(), self.host.lower()}
        with contextlib.suppress(OSError):
            hostname = socket.gethostname().lower()
            names.update({hostname, f"{hostname}.local"})
            for info in socket.getaddrinfo(hostname, None):
                names.add(str(info[4][0]).lower())
        names.update(h.lower() for h in self.limits.allow_hosts)
        names.discard("0.0.0.0")
        names.discard("")
        return frozenset(names)

    def _host_ok(self, host: str) -> bool:
        parts = urlsplit(f"//{host}")
        try:
            port = parts.port
        except ValueError:
            return False
        name = (parts.hostname or "").lower()
        return name in self._allowed_hosts and port in (None, self.port)

    def _http(self, connection: ServerConnection, request: Request) -> Response | None:
        if request.method not in ("GET", "HEAD"):
            response = connection.respond(405, "Only GET and HEAD are served here.\n")
            response.headers["Allow"] = "GET, HEAD"
            return response
        try:
            host = request.headers.get("Host")
            origin = request.headers.get("Origin")
        except MultipleValuesError:
            return connection.respond(400, "A request may hold one Host and one Origin.\n")
        if not host:
            return connection.respond(400, "The request has no Host header.\n")
        if not self._host_ok(host):
            return connection.respond(421, (
                "This quiz host is not known by that name; open the address on the "
                "teacher's screen (the teacher can allow a name with --allow-host).\n"))
        path = urlsplit(request.path).path
        if path == "/ws":
            if request.method != "GET":
                return connection.respond(400, "Open the WebSocket with GET.\n")
            if origin is not None and not _same_origin(origin, host):
                return connection.respond(403, "This page may not connect to the quiz host.\n")
            return None
        asset = self._assets.get(path)
        if asset is None:
            return connection.respond(404, "Not found. Open / to join the quiz.\n")
        body, ctype = asset
        headers = Headers([("Content-Type", ctype), ("Content-Length", str(len(body))),
                           ("Cache-Control", "no-store"), ("Content-Security-Policy", _CSP),
                           ("X-Content-Type-Options", "nosniff"),
                           ("Referrer-Policy", "no-referrer")])
        # HEAD: the same headers (Content-Length included), and no body.
        return Response(200, "OK", headers, b"" if request.method == "HEAD" else body)

    def _quiet_accept_errors(self) -> None:
        """Out of files at accept (another program's doing, or a limit lowered under us):
        one line while it lasts, not a traceback per attempt; anything else as before."""
        loop = asyncio.get_running_loop()
        previous = loop.get_exception_handler()

        def handle(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
            if str(context.get("message", "")).startswith("socket.accept() out of system"):
                self.connection_refused()
                return
            if previous is not None:
                previous(loop, context)
            else:
                loop.default_exception_handler(context)

        loop.set_exception_handler(handle)

    def connection_refused(self) -> None:
        """A socket over the cap was dropped; tell the teacher once, not per socket."""
        if self.at_capacity:
            return
        self.at_capacity = True
        self.notice = (f"connection limit reached ({self.max_connections} open); new "
                       "connections are turned away until some close")
        self._emit("notice")

    # -- a student's connection ---------------------------------------------------

    async def _frames(self, ws: ServerConnection, joined: asyncio.Event) -> Any:
        """The connection's frames; until it has joined, only for ``hello_timeout`` seconds."""
        deadline = asyncio.get_running_loop().time() + self.limits.hello_timeout
        while True:
            if joined.is_set():
                yield await ws.recv()
                continue
            try:
                async with asyncio.timeout_at(deadline):
                    frame = await ws.recv()
            except TimeoutError:
                # Idle sockets would use up the host's files: no hello, no place.
                await ws.close(1008, "send hello first")
                return
            yield frame

    async def _handle(self, ws: ServerConnection) -> None:
        player: Player | None = None
        bucket = _Bucket(self.limits.rate, self.limits.burst, self.limits.burst)
        dropped = fails = 0
        joined = asyncio.Event()
        try:
            async for frame in self._frames(ws, joined):
                if not bucket.take():
                    dropped += 1
                    if dropped == MAX_DROPPED + 1:
                        # Close in the background and keep reading: the client's close
                        # frame is queued behind the flood, and must be read to finish.
                        self._spawn(ws.close(1008, "too many messages"))
                    if dropped > MAX_DROPPED:
                        continue
                    if dropped == 1 or dropped % 10 == 0:
                        await self._send(ws, encode("error", code="too_fast", message=(
                            "slow down: at most 10 messages a second")))
                    continue
                try:
                    msg = protocol.parse(frame)
                except ProtocolError as exc:
                    await self._send(ws, encode("error", code=exc.code, message=exc.message))
                    continue
                if msg.type == "ping":
                    await self._send(ws, encode("pong"))
                elif player is None:
                    if msg.type != "hello":
                        await self._send(ws, encode("error", code="not_joined",
                                                    message="send hello first"))
                        continue
                    player = await self._hello(ws, msg)
                    if player is not None:
                        joined.set()
                    else:
                        fails += 1
                        if fails >= MAX_HELLO_FAILS:
                            await ws.close(1008, "too many failed joins")
                            break
                elif msg.type == "hello":
                    await self._send(ws, encode("error", code="bad_message",
                                                message="you have already joined"))
                else:
                    await self._request(ws, player, msg)
                    if msg.type == "bye":
                        break
        except ConnectionClosed:
            pass
        finally:
            if player is not None and self.conns.get(player.id) is ws:
                del self.conns[player.id]
                player.connected = False
                self._lobby_changed()
                self._emit("player")
            if self.at_capacity and self.open_connections < self.max_connections * 0.9:
                self.at_capacity = False

    async def _send(self, ws: ServerConnection, text: str) -> None:
        with contextlib.suppress(ConnectionClosed):
            await ws.send(text)

    def _address(self, ws: ServerConnection) -> str:
        remote = ws.remote_address
        return str(remote[0]) if isinstance(remote, tuple) and remote else "?"

    def _code_blocked(self, address: str) -> bool:
        now = time.monotonic()
        seen = self._wrong_codes.get(address)
        while seen and now - seen[0] > 60:
            seen.popleft()
        cap = self.limits.wrong_codes_per_minute
        return bool(cap) and seen is not None and len(seen) >= cap

    async def _refuse(self, ws: ServerConnection, reason: str, message: str) -> None:
        await self._send(ws, encode("refused", reason=reason, message=message))

    async def _hello(self, ws: ServerConnection, msg: ClientMessage) -> Player | None:
        address = self._address(ws)
        if msg.v != protocol.VERSION:
            await self._refuse(ws, "version", f"this host speaks protocol version "
                               f"{protocol.VERSION}; update quiz on this device")
            return None
        if self._code_blocked(address):
            await self._refuse(ws, "slow_down", "too many wrong codes; wait a minute")
            return None
        if not secrets.compare_digest(msg.code.encode(), self.room.code.encode()):
            self._wrong_codes.setdefault(address, deque()).append(time.monotonic())
            await self._refuse(ws, "code", "that is not this room's code; check the "
                               "teacher's screen")
            return None
        token = None
        try:
            if msg.token is not None:
                player = self.room.by_token(token_hash(msg.token))
                self._check_address(address, player.id)
                token = msg.token
            else:
                self._check_address(address, None)
                self._check_join_rate(address)
                name = self.room.check_join(msg.name or "")
                token = secrets.token_urlsafe(24)
                pid = self.records.add_player(self.session_id, name, token_hash(token),
                                              not self.room.settings.approve_names)
                player = self.room.join(name, token_hash(token), pid)
        except RoomError as exc:
            await self._refuse(ws, exc.code, exc.message)
            return None
        old = self.conns.get(player.id)
        self.conns[player.id] = ws
        self.addresses[player.id] = address
        player.connected = True
        if old is not None and old is not ws:
            # The same student on a new connection (a reload, a new wifi): keep the newest.
            self._spawn(old.close(4000, "replaced by a newer connection"))
        await self._send(ws, messages.welcome(self.room, self.bank, player, token))
        await self._send_state(ws, player)
        self._lobby_changed()
        self._emit("player")
        return player

    def _check_address(self, address: str, returning: int | None) -> None:
        """One device (or one attacker) may not take the room's places."""
        cap = self.limits.per_address
        if not cap:
            return
        here = sum(1 for pid in self.conns if pid != returning
                   and self.addresses.get(pid) == address)
        if here >= cap:
            raise RoomError("full", f"{cap} players are already connected from this "
                            "address; ask the teacher")

    def _check_join_rate(self, address: str) -> None:
        per_minute = self.limits.joins_per_minute
        if not per_minute:
            return
        now = time.monotonic()
        seen = self._joins.setdefault(address, deque())
        while seen and now - seen[0] > 60:
            seen.popleft()
        if len(seen) >= per_minute:
            raise RoomError("slow_down", "too many new names from this address; wait a minute")
        seen.append(now)

    async def _send_state(self, ws: ServerConnection, player: Player) -> None:
        """What a (re)joining player must see now."""
        room = self.room
        if room.phase is Phase.LOBBY or not player.approved:
            await self._send(ws, messages.lobby(room, player))
        elif room.phase in (Phase.OPEN, Phase.PAUSED):
            left = room.remaining(self.clock())
            await self._send(ws, messages.question(room, left, player))
            if room.phase is Phase.PAUSED:
                await self._send(ws, messages.paused(room, left))
        elif room.phase is Phase.CLOSED:
            # Closed but not revealed: the answer and the scores wait for the teacher.
            await self._send(ws, messages.question(room, None, player))
            await self._send(ws, encode("closed", q=room.index, why="teacher"))
        elif room.phase is Phase.REVEALED:
            await self._send(ws, messages.reveal(room, self.article()))
            await self._send(ws, messages.result(room, player))
        elif room.phase is Phase.ENDED:
            await self._send(ws, messages.end(room, player))

    async def _request(self, ws: ServerConnection, player: Player, msg: ClientMessage) -> None:
        if not player.active and msg.type != "bye":
            code = "not_joined" if player.approved else "not_open"
            await self._send(ws, encode("error", code=code,
                                        message="wait for the teacher to let you in"))
            return
        try:
            if msg.type == "answer":
                await self._answer(ws, player, msg)
            elif msg.type == "hint":
                step, text, left = self.room.hint(player.id, msg.q)
                self.records.set_hints(self.session_id, player.id, msg.q, step)
                await self._send(ws, encode("hint", q=msg.q, step=step, text=text,
                                            points_left=left))
            elif msg.type == "bye":
                self.room.remove(player.id, kicked=False)
                self.records.update_player(player)
                await ws.close(1000, "bye")
        except RoomError as exc:
            await self._send(ws, encode("error", code=exc.code, message=exc.message))

    async def _answer(self, ws: ServerConnection, player: Player, msg: ClientMessage) -> None:
        record = self.room.answer(player.id, msg.q, msg.value, self.clock())
        try:
            await self._persist(record)
        except Exception:  # the disk said no: the student must not think it counted
            self.room.forget(record)
            await self._send(ws, encode("error", code="not_saved", message=(
                "the host could not save your answer; try again")))
            return
        await self._send(ws, encode("ack", q=msg.q))
        self._emit("answer")
        if self.room.phase is Phase.OPEN and self.room.all_answered():
            self._close_and_reveal("all_answered")

    async def _persist(self, record: AnswerRecord) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._pending.append((record, future))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.ensure_future(self._write_pending())
        await future

    async def _write_pending(self) -> None:
        # Everything that arrived while the previous commit was on disk goes in the next one.
        while self._pending:
            batch, self._pending = self._pending, []
            try:
                await asyncio.to_thread(self.records.add_answers, self.session_id,
                                        [r for r, _ in batch])
            except Exception:
                if len(batch) == 1:
                    _settle(batch, failed=True)
                    continue
                # One row the disk refuses must not void the others: one commit each.
                for item in batch:
                    try:
                        await asyncio.to_thread(self.records.add_answers, self.session_id,
                                                [item[0]])
                    except Exception:
                        _settle([item], failed=True)
                    else:
                        _settle([item], failed=False)
            else:
                _settle(batch, failed=False)

    def _students(self) -> list[ServerConnection]:
        return [ws for pid, ws in self.conns.items() if self.room.players[pid].active]

    def _lobby_changed(self) -> None:
        if self.room.phase is not Phase.LOBBY or self._lobby_pending:
            return
        self._lobby_pending = True

        def send() -> None:
            self._lobby_pending = False
            if self.room.phase is not Phase.LOBBY:
                return  # the teacher started meanwhile; a lobby now would confuse clients
            approved, waiting = messages.lobby_frames(self.room)  # encoded once for all
            players = self.room.players
            broadcast([ws for pid, ws in self.conns.items() if players[pid].approved], approved)
            broadcast([ws for pid, ws in self.conns.items() if not players[pid].approved],
                      waiting)

        # A big hall joining at once: fewer, not bigger, updates.
        delay = LOBBY_DEBOUNCE * max(1.0, len(self.conns) / 100)
        asyncio.get_running_loop().call_later(delay, send)

    # -- the teacher's controls ----------------------------------------------------------

    def _save(self) -> None:
        self.records.save_state(self.session_id, self.room)

    def next_question(self) -> bool:
        """Open the next question (the first, from the lobby); False when the bank is done."""
        if self.room.phase in (Phase.OPEN, Phase.PAUSED):
            self._close_and_reveal("teacher")
        index = self.room.open_next(self.clock())
        if index is None:
            return False
        self._save()
        broadcast(self._students(), messages.question(
            self.room, self.room.remaining(self.clock())))
        self._restart_timer()
        self._emit("question")
        return True

    def pause(self) -> None:
        left = self.room.pause(self.clock())
        self._save()
        self._cancel_timer()
        broadcast(self._students(), messages.paused(self.room, left))
        self._emit("paused")

    def resume(self) -> None:
        left = self.room.resume(self.clock())
        self._save()
        broadcast(self._students(), messages.resumed(self.room, left))
        self._restart_timer()
        self._emit("resumed")

    def reveal(self) -> None:
        self._close_and_reveal("teacher")

    def _close_and_reveal(self, why: str) -> None:
        room = self.room
        self._cancel_timer()
        shared = b""
        if room.phase in (Phase.OPEN, Phase.PAUSED):
            room.close()
            shared = text_frame(encode("closed", q=room.index, why=why))
        room.reveal()
        self._save()
        started = time.perf_counter()
        # Encoded and framed once for the class; each student's own result rides along
        # in the same write.
        shared += text_frame(messages.reveal(room, self.article()))
        # One ranking for everybody: ranking per student would be quadratic in the class.
        ranks = {s.player.id: s.rank for s in room.standings()}
        players = room.players
        for pid, ws in list(self.conns.items()):
            player = players[pid]
            if player.active:
                send_frames(ws, shared + text_frame(messages.result(room, player, ranks)))
        self.last_fanout_ms = (time.perf_counter() - started) * 1000
        self._emit("revealed")

    def end(self) -> None:
        if self.room.phase in (Phase.OPEN, Phase.PAUSED):
            self._close_and_reveal("teacher")
        self.room.end()
        self._save()
        ranks = {s.player.id: s.rank for s in self.room.standings()}
        for pid, ws in list(self.conns.items()):
            player = self.room.players[pid]
            if player.active:
                broadcast([ws], messages.end(self.room, player, ranks))
        self._emit("ended")

    def lock(self, locked: bool) -> None:
        self.room.set_locked(locked)
        self._save()
        self._emit("lobby")

    def kick(self, player_id: int) -> None:
        self._send_off(player_id, True, encode(
            "kicked", message="the teacher removed you from this session"))

    def remove_away(self) -> int:
        """Take every player who is not connected out of the room; returns how many."""
        gone = [p.id for p in self.room.players.values()
                if not p.connected and not p.kicked and not p.left]
        for pid in gone:
            player = self.room.remove(pid, kicked=False)
            self.records.update_player(player)
        if gone:
            self._lobby_changed()
            self._emit("player")
        return len(gone)

    def kick_address(self, address: str) -> int:
        """Kick every player connected from ``address`` (a flood from one device)."""
        pids = [pid for pid in list(self.conns) if self.addresses.get(pid) == address]
        for pid in pids:
            self.kick(pid)
        return len(pids)

    def approve(self, player_id: int) -> None:
        player = self.room.approve(player_id)
        self.records.update_player(player)
        ws = self.conns.get(player_id)
        if ws is not None:
            self._spawn(self._send_state(ws, player))
        self._lobby_changed()
        self._emit("player")

    def decline(self, player_id: int) -> None:
        self._send_off(player_id, False, encode("refused", reason="name", message=(
            "the teacher did not approve that name; join again with another")))

    def _send_off(self, player_id: int, kicked: bool, farewell: str) -> None:
        """Take a player out of the room, tell them why, and close their connection."""
        player = self.room.remove(player_id, kicked=kicked)
        self.records.update_player(player)
        ws = self.conns.pop(player_id, None)
        if ws is not None:
            broadcast([ws], farewell)
            self._spawn(ws.close(1000, "kicked" if kicked else "declined"))
        self._lobby_changed()
        self._emit("player")

    # -- the timer -----------------------------------------------------------------------

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _restart_timer(self) -> None:
        self._cancel_timer()
        if self.room.phase is not Phase.OPEN:
            return
        left = self.room.remaining(self.clock())
        if left is None:
            return
        loop = asyncio.get_running_loop()
        self._timer = loop.call_later(left, self._time_up)

    def _time_up(self) -> None:
        self._timer = None
        if self.room.phase is Phase.OPEN:
            self._close_and_reveal("time")


def listen_error(exc: OSError, server: ClassServer) -> str:
    """An OSError from :meth:`ClassServer.listen`, in words a teacher can act on."""
    if exc.errno in (48, 98, 10048):  # EADDRINUSE on macOS, Linux, Windows
        return (f"port {server.port} is already in use on {server.host}: another quiz host "
                "(or another program) is using it; close it, or choose another port with --port")
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"cannot listen on {server.host}:{server.port}: {reason}; check --bind and --port"


def _settle(items: list[tuple[AnswerRecord, asyncio.Future[None]]], *, failed: bool) -> None:
    for _, fut in items:
        if not fut.done():
            if failed:
                fut.set_exception(OSError("the answer could not be saved"))
            else:
                fut.set_result(None)


def _same_origin(origin: str, host: str | None) -> bool:
    if not host:
        return False
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host.lower()
