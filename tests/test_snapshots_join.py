"""Snapshots of ``quiz join`` at 80x24 (pytest-textual-snapshot), against a real host.

Nothing variable is in the pictures: the host runs without a question timer
(no countdown), the port shows only while connecting, and two fixed players
(Ana in the app, Ben on a plain socket) make the lobby, the bars and the top
five the same every run. Update with ``--snapshot-update`` after a deliberate
change, and look at the report before committing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from quiz.classroom.room import RoomSettings
from quiz.tui.join.app import JoinApp
from quiz.tui.join.question import JoinQuestionScreen
from quiz.tui.join.reveal import JoinRevealScreen
from tests.classroom_host import LiveHost
from tests.conftest import SEED_BANK
from tests.test_join_app import (
    CODE,
    Bystander,
    answer_with,
    joined,
    question,
    right_key,
    screen_text,
    until,
)

SIZE = (80, 24)


@pytest.fixture
def host(tmp_path: Path) -> Iterator[LiveHost]:
    live = LiveHost(SEED_BANK, tmp_path / "class.db", code=CODE,
                    settings=RoomSettings(shuffle=False), limit=4)
    other = Bystander(live, "Ben")
    yield live
    other.close()
    live.stop()


def app_for(host: LiveHost) -> JoinApp:
    # No token from an earlier run: every picture starts from a fresh join.
    return JoinApp("127.0.0.1", host.port, CODE, "Ana", remember_token=False)


def test_lobby(snap_compare, host: LiveHost) -> None:
    app = app_for(host)

    async def run_before(pilot: Pilot) -> None:
        await joined(pilot, app)
        await until(pilot, lambda: app.screen.view.count == 2, "both players")

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_question(snap_compare, host: LiveHost) -> None:
    app = app_for(host)

    async def run_before(pilot: Pilot) -> None:
        await joined(pilot, app)
        host.call(host.server.next_question)
        await question(pilot, app, 0)

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_question_picked_not_sent(snap_compare, host: LiveHost) -> None:
    app = app_for(host)

    async def run_before(pilot: Pilot) -> None:
        await joined(pilot, app)
        host.call(host.server.next_question)
        await question(pilot, app, 0)
        await pilot.press("2")
        await until(pilot, lambda: "Your choice" in screen_text(app), "the pick")

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_question_answered(snap_compare, host: LiveHost) -> None:
    app = app_for(host)

    async def run_before(pilot: Pilot) -> None:
        await joined(pilot, app)
        host.call(host.server.next_question)
        screen: JoinQuestionScreen = await question(pilot, app, 0)
        await answer_with(pilot, app, right_key(host, 0))
        await until(pilot, lambda: screen.sent is not None, "the ack")

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_reveal(snap_compare, host: LiveHost) -> None:
    app = app_for(host)

    async def run_before(pilot: Pilot) -> None:
        await joined(pilot, app)
        host.call(host.server.next_question)
        screen = await question(pilot, app, 0)
        await answer_with(pilot, app, right_key(host, 0))
        await until(pilot, lambda: screen.sent is not None, "the ack")
        host.call(host.server.reveal)
        await until(pilot, lambda: isinstance(app.screen, JoinRevealScreen)
                    and app.screen.result is not None, "the result")

    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)
