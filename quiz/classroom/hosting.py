"""Setting up a classroom host from the command line, and the plain (no TUI) host.

``prepare`` turns a :class:`HostRequest` (``quiz host``) into a :class:`ClassServer` that is
built but not listening: a new room, or the room of an unfinished session
(``--resume``). The Textual host and :func:`run_plain` both start from it.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from quiz.bank.load import BankError, load_bank
from quiz.classroom.records import ClassRecords, ClassSession
from quiz.classroom.room import MAX_PLAYERS, Phase, Room, RoomError, RoomSettings, new_code
from quiz.classroom.server import DEFAULT_PORT, ClassServer, Limits, listen_error
from quiz.play.answers import AnswerContext, display_answer
from quiz.store.progress import Store
from quiz.textsafe import clean


@dataclass(frozen=True)
class HostRequest:
    """``quiz host``: what the teacher asked for."""

    bank: str | None = None  # a bank folder, its bank.yaml or a bank id; None with resume
    extra_paths: tuple[str, ...] = ()  # more folders of banks (``quiz -b``)
    bind: str = "0.0.0.0"
    port: int | None = None  # None: the default port, or the resumed session's
    timer: int | None = None  # seconds per question; None: the teacher reveals
    speed: bool = False
    streak: bool = False
    in_order: bool = False
    hints: bool = True
    anonymous: bool = False
    approve_names: bool = False
    limit: int | None = None  # play only the first N questions
    seed: int | None = None  # None: a random one
    resume: int | None = None  # a session to go on with; 0: the latest unfinished one
    plain: bool = False  # no TUI: events printed, commands read from stdin
    max_players: int | None = None  # None: the default (or the resumed session's)
    per_address: int = 20  # players at once from one address, x3 new names a minute; 0: off
    allow_hosts: tuple[str, ...] = ()  # more names the host may be reached by

    def limits(self) -> Limits:
        return Limits(per_address=self.per_address, joins_per_minute=3 * self.per_address,
                      allow_hosts=self.allow_hosts)


class HostError(Exception):
    """A mistake in what the teacher asked for; the message says what to do."""


@dataclass
class HostSetup:
    server: ClassServer
    store: Store
    resumed: bool = False
    notices: list[str] = field(default_factory=list)


def room_settings(request: HostRequest) -> RoomSettings:
    seed = request.seed if request.seed is not None else secrets.randbelow(2**31)
    try:
        return RoomSettings(timer=request.timer, speed=request.speed, streak=request.streak,
                            shuffle=not request.in_order, hints=request.hints,
                            anonymous=request.anonymous, approve_names=request.approve_names,
                            seed=seed, max_players=request.max_players or MAX_PLAYERS)
    except ValueError as exc:
        raise HostError(str(exc)) from None


def prepare(request: HostRequest, store: Store) -> HostSetup:
    records = ClassRecords(store)
    notices = list(store.notices)
    if request.resume is not None:
        return _resume(request, store, records, notices)
    from quiz.bank.catalog import open_for_command

    if request.bank is None:
        raise HostError("name the bank to host, or resume a session")
    bank = open_for_command("host", request.bank, request.extra_paths, load_bank)
    if bank is None:
        raise HostError("")  # open_for_command has printed what is wrong
    questions = bank.playable()
    if not questions:
        raise HostError(f"{bank.path}: the bank has no approved questions to play")
    if request.limit:
        questions = questions[:request.limit]
    room = Room(questions, room_settings(request), new_code(), AnswerContext.for_bank(bank))
    server = ClassServer(room, records, 0, bank, host=request.bind,
                         port=DEFAULT_PORT if request.port is None else request.port,
                         limits=request.limits())
    return HostSetup(server, store, False, notices)


def _resume(request: HostRequest, store: Store, records: ClassRecords,
            notices: list[str]) -> HostSetup:
    running = records.sessions(status="running")
    wanted = request.resume or 0  # 0: the latest unfinished session
    session: ClassSession | None
    if wanted == 0:
        if not running:
            raise HostError("there is no unfinished classroom session to resume")
        session = running[0]
    else:
        session = records.session(wanted)
        if session is None:
            raise HostError(f"there is no classroom session {wanted}; "
                            "`quiz report` lists them")
        if session.status != "running":
            raise HostError(f"session {wanted} has ended; start a new one with "
                            "`quiz host BANK`")
    try:
        bank = load_bank(request.bank or session.bank_path)
        room = records.restore(session, bank)
    except BankError as exc:
        raise HostError("\n".join(d.format() for d in exc.diagnostics)) from None
    except (LookupError, OSError) as exc:
        raise HostError(f"session {session.id} cannot be resumed: {exc}") from None
    # The students' pages reconnect to the port they knew, so keep it unless told otherwise.
    port = session.port if request.port is None else request.port
    if request.max_players:
        room.settings.max_players = request.max_players
    server = ClassServer(room, records, session.id, bank, host=request.bind, port=port,
                         limits=request.limits())
    return HostSetup(server, store, True, notices)


# -- the plain host ---------------------------------------------------------------

HELP = ("commands: start/next (n), pause (p), resume, reveal (r), end (e), lock, unlock, "
        "kick NAME, kick-from ADDRESS, prune (remove those not connected), approve NAME, "
        "decline NAME, players, status, help, quit (q)")


class PlainHost:
    """Teacher's controls as typed lines; events as printed lines (scripts can read them)."""

    def __init__(self, server: ClassServer, out: TextIO) -> None:
        self.server = server
        self.out = out
        self.done = asyncio.Event()
        self._answers_shown = -1
        self._answers_at = 0.0
        self._players_at = 0.0
        self._players_pending = False
        server.listeners.append(self._event)

    def say(self, text: str) -> None:
        # Every line may hold bank, article, player or typed text: none of it may
        # drive the terminal.
        print(clean(text), file=self.out, flush=True)

    def _event(self, event: str) -> None:
        room = self.server.room
        if event == "player":
            # A hall reconnecting after a restart is a thousand events in a second: at
            # most four lines a second (the last change is printed by the next tick).
            now = time.monotonic()
            if now - self._players_at < 0.25 and self._later(self._players_line):
                return
            self._players_at = now
            active = room.active_players()
            connected = sum(p.connected for p in active)
            waiting = ", ".join(p.name for p in room.waiting_players())
            self.say(f"players: {connected} connected of {len(active)}"
                     + (f"; waiting for approval: {waiting}" if waiting else ""))
        elif event == "question":
            q = room.current
            assert q is not None
            self.say(f"question {room.index + 1}/{room.total} open ({q.type}): {q.prompt}")
            self._answers_shown = -1
        elif event == "answer":
            # A line per answer is a thousand lines a question in a big hall: at most
            # four a second, and always the last one.
            n = room.answer_counts.get(room.index, 0)
            now = time.monotonic()
            if n != self._answers_shown and (now - self._answers_at >= 0.25
                                             or n >= len(self.server.conns)):
                self._answers_shown, self._answers_at = n, now
                self.say(f"answers: {n} of {len(room.active_players())}")
        elif event == "revealed":
            dist = room.distribution(room.index)
            right = sum(a.correct for a in room.answers_to(room.index))
            q = room.current
            assert q is not None
            self.say(f"revealed question {room.index + 1}: {right} of "
                     f"{len(room.active_players())} right; answer: {display_answer(q)} "
                     f"(fan-out {self.server.last_fanout_ms:.2f} ms)")
            for label, count, ok in zip(dist.labels, dist.counts, dist.correct, strict=True):
                self.say(f"  {'*' if ok else ' '} {count:3d}  {label}")
            for e in q.evidence:
                self.say(f"  passage ({e.section_title or 'article'}): {e.quote}")
        elif event == "notice":
            self.say(self.server.notice)
        elif event in ("paused", "resumed"):
            self.say(f"question {room.index + 1} {event}")
        elif event == "ended":
            self.say("ended; podium:")
            for s in room.standings()[:3]:
                name = "" if room.settings.anonymous else s.player.name
                self.say(f"  {s.rank}. {name} {s.player.score}")
            self.say(f"report: quiz report {self.server.session_id} --csv")

    def _later(self, fn: Callable[[], None]) -> bool:
        """Print ``fn``'s line a quarter second from now (once); False outside a loop."""
        if self._players_pending:
            return True
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return False
        self._players_pending = True
        loop.call_later(0.25, fn)
        return True

    def _players_line(self) -> None:
        self._players_pending = False
        self._players_at = 0.0
        self._event("player")

    def command(self, line: str) -> None:
        verb, _, arg = line.strip().partition(" ")
        verb = verb.lower()
        s = self.server
        try:
            if verb in ("start", "next", "n"):
                if not s.next_question():
                    self.say("that was the last question; type end")
            elif verb in ("pause", "p"):
                s.pause()
            elif verb == "resume":
                s.resume()
            elif verb in ("reveal", "r"):
                s.reveal()
            elif verb in ("end", "e"):
                s.end()
            elif verb in ("lock", "unlock"):
                s.lock(verb == "lock")
                self.say(f"lobby {verb}ed")
            elif verb == "prune":
                self.say(f"removed {s.remove_away()} students who were not connected")
            elif verb == "kick-from":
                self.say(f"removed {s.kick_address(arg.strip())} students connected from "
                         f"{arg.strip()!r}")
            elif verb in ("kick", "approve", "decline"):
                player = self._find(arg)
                getattr(s, verb)(player)
            elif verb == "players":
                for p in s.room.players.values():
                    state = ("kicked" if p.kicked else "left" if p.left else
                             "waiting" if not p.approved else
                             "connected" if p.connected else "away")
                    where = s.addresses.get(p.id, "")
                    self.say(f"  {p.name}: {p.score} points, {state}"
                             + (f" ({where})" if where else ""))
            elif verb == "status":
                self.say(f"session {s.session_id}, code {s.room.code}, {s.room.phase}, "
                         f"question {s.room.index + 1}/{s.room.total}")
            elif verb in ("quit", "q"):
                self.done.set()
            elif verb in ("help", "?"):
                self.say(HELP)
            elif verb:
                self.say(f"unknown command {verb!r}; {HELP}")
        except RoomError as exc:
            self.say(f"not now: {exc.message}")
        except LookupError as exc:
            self.say(str(exc.args[0]))

    def _find(self, name: str) -> int:
        wanted = name.strip().casefold()
        for p in self.server.room.players.values():
            if p.name.casefold() == wanted and not p.kicked and not p.left:
                return p.id
        raise LookupError(f"no player called {name.strip()!r}; type players to list them")


async def run_plain(setup: HostSetup, stdin: TextIO = sys.stdin,
                    out: TextIO = sys.stdout) -> int:
    server = setup.server
    host = PlainHost(server, out)
    for notice in setup.notices:
        print(f"quiz: {clean(notice)}", file=sys.stderr)
    try:
        await server.listen()
    except OSError as exc:
        print(f"quiz host: error: {listen_error(exc, server)}", file=sys.stderr)
        return 1
    room = server.room
    verb = "resumed" if setup.resumed else "started"
    host.say(f"session {server.session_id} {verb}: {server.bank.title} "
             f"({room.total} questions), code {room.code}")
    host.say(f"students open {server.url()}")
    host.say(f"or run: quiz join {server.url().split('//')[1].split('/')[0]} "
             f"--code {room.code} --name NAME")
    if out.isatty():
        _print_qr(server.url(), out)
    host.say(HELP)
    if setup.resumed and room.phase is not Phase.LOBBY:
        host.say(f"picked up at question {room.index + 1}/{room.total} ({room.phase})")
    loop = asyncio.get_running_loop()
    _read_lines(stdin, lambda line: loop.call_soon_threadsafe(host.command, line))
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, host.done.set)
    await host.done.wait()
    await server.stop()
    if room.phase is not Phase.ENDED:
        host.say(f"stopped; go on later with: quiz host --resume {server.session_id}")
    return 0


def _read_lines(stdin: TextIO, on_line: Callable[[str], object]) -> None:
    """Feed stdin's lines to the loop from a thread (works for a terminal and a pipe)."""

    def read() -> None:
        for line in stdin:
            on_line(line)

    threading.Thread(target=read, daemon=True, name="quiz-host-stdin").start()


def _print_qr(url: str, out: TextIO) -> None:
    import segno

    segno.make(url, error="m").terminal(out=out, compact=True)
