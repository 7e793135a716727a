"""The plain host and ``quiz report`` print bank, player and typed text without its
terminal control sequences (ESC/CSI/OSC, C1 controls, bidi overrides)."""

from __future__ import annotations

import argparse
import asyncio
import io
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from quiz.bank.load import load_bank
from quiz.bank.model import Bank
from quiz.classroom.hosting import HostSetup, PlainHost, run_plain
from quiz.classroom.records import ClassRecords
from quiz.classroom.report import Report, run
from quiz.classroom.room import Player, Room, RoomSettings
from quiz.store.progress import Store

HOSTILE = Path(__file__).parent / "banks" / "hostile"
CONTROLS = ("\x1b", "\x07", "\x9b", "\x9d", "\u202e", "\u202c", "\u2067", "\u2069")
# An OSC window title, a bidi override and a clear-screen: what a student might type.
EVIL = "\x1b]0;pwned\x07\u202eEvil\x1b[2J\x9b31m"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(HOSTILE, use_cache=False)


def no_controls(text: str) -> None:
    for ch in CONTROLS:
        assert ch not in text, repr(ch)


def a_value(room: Room, i: int) -> Any:
    """An answer the room accepts: typed questions get the hostile text."""
    q = room.questions[i]
    return EVIL if q.type in ("text", "number") else q.answer


def play(room: Room, on: Any = lambda event: None) -> list[Any]:
    """Bo answers every question (Ana none); returns the answers for the records."""
    on("player")
    answers = []
    for i in range(room.total):
        room.open_next(float(i))
        on("question")
        answers.append(room.answer(2, i, a_value(room, i), i + 1.0))
        on("answer")
        room.reveal()
        on("revealed")
    room.end()
    on("ended")
    return answers


def test_the_plain_host_prints_no_control_sequences(bank: Bank) -> None:
    room = Room(bank.playable(), RoomSettings(shuffle=False), "123456")
    # Names are checked on joining; this one comes back from an older record.
    room.add_player(Player(1, EVIL + "Ana", "t1"))
    room.join("Bo", "t2", 2)
    server: Any = SimpleNamespace(room=room, listeners=[], last_fanout_ms=0.0, session_id=7,
                                  bank=bank, conns={}, addresses={})
    out = io.StringIO()
    host = PlainHost(server, out)
    play(room, host._event)
    host.command("players")
    host.command("kick \x1b[2J")
    text = out.getvalue()
    no_controls(text)
    # The text around the controls is all there.
    assert "Evil" in text  # the name, in the players list and on the podium
    assert "open (choice): [/unclosed] Which tag is shown literally?" in text
    assert "Bidi text such as eslaf is shown in logical order" in text
    assert any(line.endswith("  red") for line in text.splitlines())  # an option's label


def test_the_plain_hosts_banner_prints_no_control_sequences(
        bank: Bank, capsys: pytest.CaptureFixture[str]) -> None:
    room = Room(bank.playable(), RoomSettings(shuffle=False), "123456")

    class Server(SimpleNamespace):
        async def listen(self) -> None:
            pass

        async def stop(self) -> None:
            pass

        def url(self) -> str:
            return "http://127.0.0.1:8470/?code=123456"

    server: Any = Server(room=room, listeners=[], last_fanout_ms=0.0, session_id=7, bank=bank)
    setup = HostSetup(server, store=None, notices=[EVIL])  # type: ignore[arg-type]
    out = io.StringIO()
    assert asyncio.run(run_plain(setup, io.StringIO("quit\n"), out)) == 0
    text = out.getvalue() + capsys.readouterr().err
    no_controls(text)
    assert "session 7 started: Hostile [bold red]bank" in text and "quiz: Evil" in text


def test_the_report_prints_no_control_sequences(bank: Bank,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(backup=False) as store:
        records = ClassRecords(store)
        room = Room(bank.playable(), RoomSettings(shuffle=False), "123456")
        sid = records.create(room, bank, 8470)
        for name in (EVIL + "Ana", "Bo"):
            pid = records.add_player(sid, name, f"hash-{name}", True)
            room.add_player(Player(pid, name, f"hash-{name}"))
        records.add_answers(sid, play(room))
        records.save_state(sid, room)
        session = records.session(sid)
        assert session is not None
        report = Report(records, session)
        out = io.StringIO()
        report.write_summary(out)
        report.write_csv(out)
        report.write_sections(out)
        text = out.getvalue()
        assert run(argparse.Namespace(session=None, csv=False, sections=False)) == 0
    listing = capsys.readouterr().out
    no_controls(text)
    no_controls(listing)
    assert "Ana" in text and "Evil" in text  # the name, and the typed answer in the CSV
    assert "Hostile [bold red]bank" in text and "Hostile [bold red]bank" in listing
