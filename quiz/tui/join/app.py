"""``quiz join``: a student's terminal client for a class session (docs/protocol.md).

The app owns the connection (:class:`~quiz.classroom.client.ClassClient`, run
in the app's own loop) and swaps in one screen per phase of the session:
lobby, question, reveal, end. Everything the host sends is data: it reaches
the screen through :mod:`quiz.tui.text`, never as markup.

The resume token is kept on disk per host, code and name, so a student who
quits (or whose terminal dies) gets their place back by running the same
command again.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import ModalScreen

from quiz.classroom.client import ClassClient, Message
from quiz.paths import data_dir, write_atomic
from quiz.textsafe import clean
from quiz.tui.join.base import JoinScreen
from quiz.tui.join.end import Ending, JoinEndScreen
from quiz.tui.join.leave import Choice, JoinLeaveScreen
from quiz.tui.join.lobby import JoinLobbyScreen, LobbyView
from quiz.tui.join.notice import JoinNoticeScreen
from quiz.tui.join.question import (
    AskHint,
    JoinQuestionScreen,
    OpenQuestion,
    SendAnswer,
)
from quiz.tui.join.reveal import JoinRevealScreen, Result, Reveal
from quiz.tui.styles import sheets
from quiz.tui.text import literal

ClientFactory = Callable[..., ClassClient]

TOKENS_FILE = "join-tokens.json"
MAX_TOKENS = 50  # one per session joined; older ones are of no use
SLOW_DOWN_WAIT = 60.0  # seconds: the host refuses this address for a minute

# refused.reason -> (title, what the student can do)
REFUSALS = {
    "code": ("Wrong code", "Check the six-digit code on the teacher's screen, then run "
             "quiz join again with --code."),
    "name": ("That name cannot be used", "Run quiz join again with another --name."),
    "locked": ("The room is locked", "Ask the teacher to unlock it, then run quiz join again."),
    "kicked": ("You were removed from this session",
               "Ask the teacher if you think this is a mistake."),
    "ended": ("This session has ended", "There is nothing left to join."),
    "version": ("Different versions of quiz", "Update quiz on this device or on the "
                "teacher's so both speak the same protocol version."),
    "full": ("The room is full", "Tell the teacher; nobody else can join now."),
    "slow_down": ("Too many wrong codes from this device",
                  "quiz tries again by itself in a minute."),
}
ANSWER_ERRORS = frozenset({"not_open", "wrong_question", "already_answered", "bad_answer",
                           "not_saved", "not_joined"})


# -- the resume token, kept between runs ----------------------------------------------


def _tokens_path() -> Path:
    return data_dir() / TOKENS_FILE


def _read_tokens() -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(_tokens_path().read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}


def _write_tokens(tokens: dict[str, dict[str, Any]]) -> None:
    keep = dict(sorted(tokens.items(), key=lambda kv: kv[1].get("at", 0))[-MAX_TOKENS:])
    # The token is the student's place in the room: readable by them only.
    with contextlib.suppress(OSError):
        write_atomic(_tokens_path(), json.dumps(keep), private=True)


def token_key(host: str, port: int, code: str, name: str) -> str:
    return f"{host.lower()}:{port}|{code}|{name.strip().casefold()}"


def saved_token(key: str) -> str | None:
    token = _read_tokens().get(key, {}).get("token")
    return token if isinstance(token, str) else None


def save_token(key: str, token: str) -> None:
    tokens = _read_tokens()
    if tokens.get(key, {}).get("token") != token:
        tokens[key] = {"token": token, "at": time.time()}
        _write_tokens(tokens)


def forget_token(key: str) -> None:
    tokens = _read_tokens()
    if tokens.pop(key, None) is not None:
        _write_tokens(tokens)


# -- the app ----------------------------------------------------------------------------


class JoinApp(App[int]):
    CSS_PATH = sheets("quiz.tcss", "join.tcss")
    TITLE = "quiz join"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit_join", "Quit"),
        Binding("ctrl+q", "quit_join", "Quit", show=False, priority=True),
    ]

    def __init__(self, host: str, port: int, code: str, name: str, *,
                 client_factory: ClientFactory = ClassClient,
                 remember_token: bool = True) -> None:
        super().__init__()
        self.address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        self.me = name.strip()
        self.remember_token = remember_token
        self.key = token_key(host, port, code, name)
        token = saved_token(self.key) if remember_token else None
        self.client = client_factory(host, port, code, name, on_message=self.on_server,
                                     on_status=self.on_client_status, token=token)
        self.exit_code = 0
        self.score: int | None = None
        self.bank_title = ""
        self.bank: dict[str, Any] = {}
        self.settings: dict[str, Any] = {}
        self.connection = "connecting"
        self.welcomed = 0  # how many welcomes: the second and later are reconnects
        self.question: OpenQuestion | None = None
        self.started = False  # a question has been seen: the lobby is behind us
        self.ended = False
        self.current: JoinScreen | None = None
        self._client_task: asyncio.Task[None] | None = None
        self._closing = False

    # -- life -------------------------------------------------------------------------

    def on_mount(self) -> None:
        first = JoinNoticeScreen(f"Connecting to {self.address}…",
                                 f"Joining as {self.me}.")
        first.show_status(self.status_line())
        self.current = first
        self.push_screen(first)
        # A plain task, not a worker: workers are cancelled before unmount, and the
        # connection should close with a handshake, not be dropped mid-stream.
        self._client_task = asyncio.create_task(self._run_client())

    async def _run_client(self) -> None:
        try:
            await self.client.run()
        except Exception as exc:  # a bug must not leave a screen that looks alive
            if not self._closing:
                self.exit_code = 1
                self._show(JoinNoticeScreen("The connection stopped", clean(repr(exc)),
                                            "Run quiz join again to come back.",
                                            kind="error"))

    async def on_unmount(self) -> None:
        await self.disconnect()

    async def disconnect(self) -> None:
        """Close the connection cleanly (the token stays: the student can come back)."""
        self._closing = True
        self.client.stop()
        task = self._client_task
        if task is not None and not task.done():
            try:
                await asyncio.wait_for(asyncio.shield(task), 3)
            except TimeoutError:
                task.cancel()

    def _show(self, screen: JoinScreen) -> None:
        """Put ``screen`` in place of the current phase's screen (closing any dialog)."""
        while isinstance(self.screen, ModalScreen):
            self.pop_screen()
        screen.show_status(self.status_line())
        self.current = screen
        self.switch_screen(screen)

    @property
    def finished(self) -> bool:
        return self.client.finished or self.ended

    def status_line(self) -> Content:
        parts: list[Content] = [literal(self.me, "bold")]
        if self.score is not None:
            parts.append(literal(f"Score {self.score}"))
        if self.bank_title:
            parts.append(literal(self.bank_title))
        ok = self.connection == "connected"
        parts.append(literal(("● " if ok else "⚠ ") + self.connection,
                             "" if ok else "bold reverse"))
        return Content("  ·  ").join(parts)

    def _refresh_status(self) -> None:
        if self.current is not None:
            self.current.show_status(self.status_line())

    # -- the connection -----------------------------------------------------------------

    def on_client_status(self, text: str) -> None:
        if self._closing:
            return
        self.connection = text
        self._refresh_status()
        screen = self.current
        if text.startswith("bad address"):
            self._show(JoinNoticeScreen("Cannot use that address", text,
                                        "Give the address shown on the teacher's screen, "
                                        "e.g. 192.168.1.20:8470.", kind="error"))
            self.exit_code = 1
        elif (self.welcomed == 0 and isinstance(screen, JoinNoticeScreen)
              and text != "connected"):
            screen.update(message=f"Cannot reach {self.address} yet; {text}.",
                          advice="Check the address on the teacher's screen and that this "
                          "device is on the same network.")

    def on_server(self, msg: Message) -> None:
        if self._closing:
            return
        handler = getattr(self, f"_on_{msg.get('type')}", None)
        if handler is None:
            return  # a newer host's message: ignored, as the protocol says
        try:
            handler(msg)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            self.log.error(f"unreadable {msg.get('type')!r} message: {exc!r}")
            self.notify("The host sent a message this version of quiz cannot read.",
                        severity="warning", markup=False)

    def _on_welcome(self, msg: Message) -> None:
        self.welcomed += 1
        player = msg.get("player") or {}
        self.me = clean(str(player.get("name") or self.me))
        self.score = int(msg.get("score") or 0)
        self.bank = msg.get("bank") or {}
        self.bank_title = str(self.bank.get("title") or "")
        self.settings = msg.get("settings") or {}
        token = msg.get("token")
        if self.remember_token and isinstance(token, str):
            save_token(self.key, token)
        if self.welcomed > 1:
            self.notify("Connected again: your name and score are kept.", markup=False)
        self._refresh_status()

    def _on_refused(self, msg: Message) -> None:
        reason = str(msg.get("reason", ""))
        message = str(msg.get("message", ""))
        if reason == "token":
            # The host no longer knows this device: join again by name.
            if self.remember_token:
                forget_token(self.key)
            self.notify(f"{message}. Joining again as {self.me}.", markup=False)
            self._reconnect()
            return
        title, advice = REFUSALS.get(reason, ("The host refused to let you in", ""))
        if self.client.finished:
            self.exit_code = 1
            if self.remember_token and reason in ("kicked", "ended"):
                forget_token(self.key)
        elif reason == "slow_down":
            self.set_timer(SLOW_DOWN_WAIT, self._reconnect)
        self._show(JoinNoticeScreen(title, message, advice, kind="error"))

    def _reconnect(self) -> None:
        ws = self.client.ws
        if ws is not None:
            self.run_worker(ws.close(), exit_on_error=False)

    def _on_lobby(self, msg: Message) -> None:
        if self.started and not msg.get("waiting"):
            return  # a lobby update sent just before the start, arriving just after it
        view = LobbyView(me=self.me, count=int(msg.get("count", 0)),
                         names=[str(n) for n in msg.get("names") or []],
                         waiting=bool(msg.get("waiting")), bank_title=self.bank_title,
                         source=str(self.bank.get("source") or ""),
                         license=str(self.bank.get("license") or ""))
        if isinstance(self.current, JoinLobbyScreen):
            self.current.show(view)
        else:
            self._show(JoinLobbyScreen(view))

    def _question_screen(self, msg: Message) -> JoinQuestionScreen | None:
        screen = self.current
        if isinstance(screen, JoinQuestionScreen) and screen.question.q == msg.get("q"):
            return screen
        return None

    def _on_question(self, msg: Message) -> None:
        question = OpenQuestion.from_message(msg)
        self.question = question
        self.started = True
        screen = self._question_screen(msg)
        if screen is not None:
            screen.again(question)
        else:
            self._show(JoinQuestionScreen(question))

    def _on_ack(self, msg: Message) -> None:
        if screen := self._question_screen(msg):
            screen.acked()

    def _on_hint(self, msg: Message) -> None:
        if screen := self._question_screen(msg):
            left = msg.get("points_left")
            screen.hint_given(int(msg["step"]), str(msg.get("text", "")),
                              None if left is None else int(left))

    def _on_paused(self, msg: Message) -> None:
        if screen := self._question_screen(msg):
            screen.pause(msg.get("remaining_ms"))

    def _on_resumed(self, msg: Message) -> None:
        if screen := self._question_screen(msg):
            screen.resume(msg.get("remaining_ms"))

    def _on_closed(self, msg: Message) -> None:
        if screen := self._question_screen(msg):
            screen.close(str(msg.get("why", "")))

    def _on_reveal(self, msg: Message) -> None:
        reveal = Reveal.from_message(msg)
        self.started = True
        q = self.question if self.question and self.question.q == reveal.q else None
        self._show(JoinRevealScreen(reveal, number=reveal.q + 1, total=q.total if q else 0,
                                    qtype=q.qtype if q else "", me=self.me))

    def _on_result(self, msg: Message) -> None:
        result = Result.from_message(msg)
        self.score = result.score
        self._refresh_status()
        screen = self.current
        if isinstance(screen, JoinRevealScreen) and screen.reveal.q == msg.get("q"):
            screen.show_result(result)

    def _on_end(self, msg: Message) -> None:
        ending = Ending.from_message(msg)
        self.started = True
        self.ended = True
        self.score = ending.score
        if self.remember_token:
            forget_token(self.key)
        self._show(JoinEndScreen(ending, self.me))

    def _on_kicked(self, msg: Message) -> None:
        self.exit_code = 1
        if self.remember_token:
            forget_token(self.key)
        self._show(JoinNoticeScreen(REFUSALS["kicked"][0], str(msg.get("message", "")),
                                    REFUSALS["kicked"][1], kind="error"))

    def _on_error(self, msg: Message) -> None:
        code = str(msg.get("code", ""))
        if code in ANSWER_ERRORS and (screen := self.current) is not None and isinstance(
                screen, JoinQuestionScreen):
            screen.refused(code)
        self.notify(clean(str(msg.get("message") or code)), title="The host says",
                    severity="warning", markup=False)

    # -- the student's requests ------------------------------------------------------------

    async def on_send_answer(self, message: SendAnswer) -> None:
        if not await self.client.answer(message.q, message.value):
            if isinstance(self.current, JoinQuestionScreen):
                self.current.unsent()
            self.notify("Not connected: your answer was not sent. Send it again when the "
                        "connection is back.", severity="error", markup=False)

    async def on_ask_hint(self, message: AskHint) -> None:
        if not await self.client.hint(message.q):
            self.notify("Not connected: ask for the hint again when the connection is back.",
                        severity="error", markup=False)

    def action_quit_join(self) -> None:
        if isinstance(self.screen, JoinLeaveScreen):
            self.screen.dismiss("disconnect")  # asked to quit twice: the safe choice
            return
        if self.finished or self.welcomed == 0:
            self.client.stop()
            self.exit(self.exit_code, return_code=self.exit_code)
            return
        self.push_screen(JoinLeaveScreen(), self._quit_chosen)

    async def _quit_chosen(self, choice: Choice) -> None:
        if choice == "leave":
            await self.client.leave()
            if self.remember_token:
                forget_token(self.key)
            self.exit(0, return_code=0)
        elif choice == "disconnect":
            self.client.stop()
            self.exit(self.exit_code, return_code=self.exit_code)


def run_join(host: str, port: int, code: str, name: str) -> int:
    """Run the student's client until they quit; 1 if the host refused them for good."""
    app = JoinApp(host, port, code, name)
    result = app.run()
    return result if isinstance(result, int) else app.exit_code


__all__ = ["JoinApp", "run_join"]
