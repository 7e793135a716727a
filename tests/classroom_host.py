"""A real classroom host on 127.0.0.1, in a thread of its own, for the tests.

The tests talk to it as students do (real websockets, a real browser) and
drive the teacher's controls through :meth:`LiveHost.call`, which runs them
in the host's loop as the host's screen would.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quiz.bank.load import load_bank
from quiz.bank.model import Question
from quiz.classroom.records import ClassRecords
from quiz.classroom.room import Room, RoomSettings
from quiz.classroom.server import ClassServer, Limits
from quiz.store.progress import Store


class _Errors(logging.Handler):
    """Every error (and every traceback) logged while the host runs: the host's log."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class LiveHost:
    def __init__(self, bank_path: Path, db: Path, *, code: str = "123456",
                 settings: RoomSettings | None = None, limit: int | None = None,
                 session_id: int | None = None, port: int = 0, limits: Limits | None = None,
                 only: Callable[[Question], bool] | None = None) -> None:
        self.bank = load_bank(bank_path, use_cache=False)
        self.store = Store.open(db, backup=False)
        self.records = ClassRecords(self.store)
        self.log = _Errors()
        logging.getLogger().addHandler(self.log)
        self.loop_errors: list[dict[str, Any]] = []
        questions = [q for q in self.bank.playable() if only is None or only(q)]
        if session_id is None:
            settings = settings or RoomSettings(shuffle=False)
            room = Room(questions[:limit] if limit else questions, settings, code)
        else:
            session = self.records.session(session_id)
            assert session is not None
            room = self.records.restore(session, self.bank)
        self.server = ClassServer(room, self.records, session_id or 0, self.bank,
                                  host="127.0.0.1", port=port, limits=limits)
        self.loop = asyncio.new_event_loop()
        self.loop.set_exception_handler(lambda _loop, ctx: self.loop_errors.append(ctx))
        started = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(self.loop)
            self.loop.run_until_complete(self.server.listen())
            started.set()
            self.loop.run_forever()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        assert started.wait(10), "the classroom host did not start"
        self.session_id = self.server.session_id

    def problems(self) -> list[str]:
        """Tracebacks and errors the host logged (or its loop caught); [] when clean."""
        found = [f"{r.name}: {r.getMessage()}" for r in self.log.records
                 if r.levelno >= logging.ERROR or r.exc_info]
        return found + [str(ctx.get("message")) for ctx in self.loop_errors]

    @property
    def room(self) -> Room:
        return self.server.room

    @property
    def port(self) -> int:
        return self.server.port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run a teacher control in the host's loop and return its result."""

        async def run() -> Any:
            return fn(*args)

        return asyncio.run_coroutine_threadsafe(run(), self.loop).result(10)

    def stop(self) -> None:
        async def shutdown() -> None:
            await self.server.stop()
            # Connection handlers still winding down are cancelled, so the loop ends clean.
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(shutdown(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()
        self.store.close()
        logging.getLogger().removeHandler(self.log)
