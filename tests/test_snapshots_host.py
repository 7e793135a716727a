"""Snapshots of the teacher's screen at 100x30, about what a projector shows.

The parts that change from run to run are pinned: the join URL (the real one
holds a random port) is given to the app, the room code is fixed, and the
server's clock stands still, so the countdown reads the same every time.
Players are put in the room directly (no sockets): the pictures are about the
screen, the live path is covered in test_host_app.py. Update with
``pytest tests/test_snapshots_host.py --snapshot-update`` after a deliberate
change, and look at the report before committing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from quiz.bank.load import load_bank
from quiz.bank.model import Bank
from quiz.classroom.records import ClassRecords
from quiz.classroom.room import Room, RoomSettings
from quiz.classroom.server import ClassServer
from quiz.store.progress import Store
from quiz.tui.host.app import HostApp
from tests.conftest import SEED_BANK

SIZE = (100, 30)
URL = "http://192.168.1.20:8470/?code=314159"
NOW = 1_700_000_000.0
# A choice question proved by a prose paragraph, with long options.
QUESTION = "retaliation-reason"
NAMES = ["Ana", "Bo", "[b]Chi[/b]"]


@pytest.fixture(scope="module")
def seed_bank() -> Bank:
    return load_bank(SEED_BANK / "bank.yaml")


@pytest.fixture
def make_app(seed_bank: Bank, tmp_path: Path):
    stores: list[Store] = []

    def make(settings: RoomSettings | None = None) -> HostApp:
        store = Store.open(tmp_path / "progress.db", backup=False)
        stores.append(store)
        records = ClassRecords(store)
        q = seed_bank.question(QUESTION) or next(
            q for q in seed_bank.playable() if q.type == "choice")
        room = Room([q, *seed_bank.playable()[:2]],
                    settings or RoomSettings(shuffle=False, timer=30), "314159")
        session = records.create(room, seed_bank, 0)
        server = ClassServer(room, records, session, seed_bank, host="127.0.0.1", port=0,
                             clock=lambda: NOW)
        return HostApp(server, url_override=URL)

    yield make
    for store in stores:
        store.close()


def seat(app: HostApp) -> list[int]:
    """Put the students in the room as joining would."""
    server = app.server
    ids = []
    for i, name in enumerate(NAMES):
        pid = server.records.add_player(server.session_id, name, f"hash{i}", True)
        server.room.join(name, f"hash{i}", pid)
        server.room.players[pid].connected = True  # as the server marks a live socket
        ids.append(pid)
    app.host_screen.refresh_room()
    return ids


def answer(app: HostApp, pid: int, right: bool) -> None:
    room = app.server.room
    q = room.current
    assert q is not None
    value = q.answer if right else next(o for o in room.options(room.index) if o != q.answer)
    room.answer(pid, room.index, value, NOW + 4)
    app.host_screen.refresh_room()


def steps(*actions: Callable[[HostApp], object]) -> Callable[[Pilot], Awaitable[None]]:
    async def run(pilot: Pilot) -> None:
        app = pilot.app
        assert isinstance(app, HostApp)
        await pilot.pause()
        for act in actions:
            act(app)
            await pilot.pause()

    return run


def opened(app: HostApp) -> None:
    ana, bo, _ = seat(app)
    app.server.next_question()
    answer(app, ana, right=True)
    answer(app, bo, right=False)


def test_lobby(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=steps(seat))


def test_question(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=steps(opened))


def test_reveal(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE,
                        run_before=steps(opened, lambda app: app.server.reveal()))


def test_podium(snap_compare, make_app) -> None:
    def ended(app: HostApp) -> None:
        app.server.reveal()
        app.server.end()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=steps(opened, ended))
