"""The teacher's screen (``quiz host``) driven by keys, with real students on 127.0.0.1.

Each test builds a real :class:`ClassServer` that is not yet listening; the
app binds it (port 0) in its own loop, and students connect over real
websockets from the same loop. What the screen shows is compared with what
the students were sent and with the room itself.
"""

from __future__ import annotations

import asyncio
import functools
import io
import json
import shutil
import socket
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import segno
from textual.pilot import Pilot
from textual.widgets import ContentSwitcher, Digits, OptionList, Static
from websockets.asyncio.client import ClientConnection, connect

from quiz.bank.article import Article
from quiz.bank.load import load_bank
from quiz.bank.model import Bank, Question
from quiz.classroom.records import ClassRecords
from quiz.classroom.room import Phase, Room, RoomSettings
from quiz.classroom.server import ClassServer
from quiz.store.progress import Store
from quiz.tui.dialogs.confirm import ConfirmDialog
from quiz.tui.host.app import HostApp
from quiz.tui.host.panels import (
    EndPanel,
    Passage,
    passage_for,
)
from quiz.tui.host.pick import HostPickScreen
from quiz.tui.widgets.bars import Bars
from quiz.tui.widgets.qr import halfblock_rows, qr_matrix, qr_rows
from tests.conftest import SEED_BANK

SIZE = (100, 30)
WAIT = 5.0  # seconds any one expected thing may take before the test fails


def scenario(test):
    """Run an async test body (no async plugin needed), bounded in time."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(asyncio.wait_for(test(*args, **kwargs), 60))

    return run


@pytest.fixture(scope="module")
def seed_bank() -> Bank:
    return load_bank(SEED_BANK / "bank.yaml", use_cache=False)


def in_prose(bank: Bank, q: Question) -> bool:
    """The first evidence quote sits in a paragraph (not an infobox line)."""
    start = q.evidence[0].start
    return any(p.start <= start < p.end for p in bank.article.paragraphs)


def choice_questions(bank: Bank, n: int = 2) -> list[Question]:
    picked = [q for q in bank.playable() if q.type == "choice" and in_prose(bank, q)]
    assert len(picked) >= n
    return picked[:n]


class Host:
    """A server built as the command line builds it, for the app to start."""

    def __init__(self, bank: Bank, db: Path, *, questions: list[Question] | None = None,
                 settings: RoomSettings | None = None, port: int = 0,
                 clock: Callable[[], float] | None = None) -> None:
        self.store = Store.open(db, backup=False)
        self.records = ClassRecords(self.store)
        room = Room(questions or choice_questions(bank), settings or RoomSettings(shuffle=False),
                    "123456")
        self.session_id = self.records.create(room, bank, port)
        extra = {"clock": clock} if clock else {}
        self.server = ClassServer(room, self.records, self.session_id, bank,
                                  host="127.0.0.1", port=port, **extra)

    @property
    def room(self) -> Room:
        return self.server.room

    def app(self, **kw: Any) -> HostApp:
        return HostApp(self.server, **kw)

    def close(self) -> None:
        self.store.close()


@pytest.fixture
def host(seed_bank: Bank, tmp_path: Path):
    made: list[Host] = []

    def make(**kw: Any) -> Host:
        h = Host(seed_bank, tmp_path / f"progress{len(made)}.db", **kw)
        made.append(h)
        return h

    yield make
    for h in made:
        h.close()


class Student:
    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.seen: list[dict] = []

    @classmethod
    async def join(cls, port: int, name: str, code: str = "123456") -> Student:
        ws = await connect(f"ws://127.0.0.1:{port}/ws", open_timeout=WAIT)
        student = cls(ws)
        await student.send(type="hello", v=1, code=code, name=name)
        return student

    async def send(self, **msg: Any) -> None:
        await self.ws.send(json.dumps(msg))

    async def expect(self, kind: str, **fields: Any) -> dict:
        """The next message of type ``kind`` holding ``fields`` (all are kept in ``seen``)."""
        async with asyncio.timeout(WAIT):
            while True:
                msg = json.loads(await self.ws.recv())
                self.seen.append(msg)
                if msg["type"] == kind and all(msg.get(k) == v for k, v in fields.items()):
                    return msg

    async def close(self) -> None:
        await self.ws.close()


def texts(app: HostApp) -> str:
    """The plain text of every Static on the current screen."""
    return "\n".join(str(w.render()) for w in app.screen.query(Static) if w.display)


async def until(pilot: Pilot, cond: Callable[[], bool], what: str) -> None:
    async with asyncio.timeout(WAIT):
        while not cond():
            await asyncio.sleep(0.02)
            await pilot.pause()
    await pilot.pause()


async def confirm(pilot: Pilot, app: HostApp, yes: bool) -> None:
    await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the confirm dialog")
    await pilot.press("y" if yes else "n")
    await pilot.pause()


async def pick(pilot: Pilot, app: HostApp, label: str) -> None:
    """Choose the entry showing ``label`` in the student picker."""
    await until(pilot, lambda: isinstance(app.screen, HostPickScreen), "the picker")
    options = app.screen.query_one(OptionList)
    for i in range(options.option_count):
        if label in str(options.get_option_at_index(i).prompt):
            options.highlighted = i
            break
    else:
        raise AssertionError(f"{label!r} is not in the picker")
    await pilot.press("enter")
    await pilot.pause()


# -- the lobby ----------------------------------------------------------------------


@scenario
async def test_lobby_shows_the_code_url_and_a_joining_name(host) -> None:
    h = host()
    app = h.app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.listening, "listening")
        assert h.server.port != 0
        assert app.screen.query_one("#code", Digits).value == "123456"
        shown = texts(app)
        assert f"http://127.0.0.1:{h.server.port}/?code=123456" in shown
        assert f"quiz join 127.0.0.1:{h.server.port} --code 123456" in shown
        assert "0 students connected" in shown
        ana = await Student.join(h.server.port, "Ana")
        await ana.expect("welcome")
        await until(pilot, lambda: "Ana" in texts(app), "Ana in the lobby")
        assert "1 student connected" in texts(app)
        await ana.close()
        await app.stop_server()


@scenario
async def test_hostile_names_show_literally(host) -> None:
    h = host()
    app = h.app()
    names = ["[b]x[/b]", "[@click=app.quit]y", "<script>z"]
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.listening, "listening")
        students = [await Student.join(h.server.port, n) for n in names]
        for s in students:
            await s.expect("welcome")
        await until(pilot, lambda: "3 students connected" in texts(app), "three joined")
        lobby = str(app.screen.query_one("#joined-names", Static).render())
        for name in names:
            assert name in lobby
        # Clicking where the "link" would be must not quit: it is text, not markup.
        await pilot.click("#joined-names")
        await pilot.pause()
        assert app.is_running and app.return_code is None
        for s in students:
            await s.close()
        await app.stop_server()


@scenario
async def test_anonymous_lobby_shows_a_count_and_no_names(host) -> None:
    h = host(settings=RoomSettings(shuffle=False, anonymous=True))
    app = h.app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.listening, "listening")
        ana = await Student.join(h.server.port, "Anastasia")
        await ana.expect("welcome")
        await until(pilot, lambda: "1 student connected" in texts(app), "the count")
        assert "Anastasia" not in texts(app)
        assert "anonymous on" in texts(app)
        await ana.close()
        await app.stop_server()


@scenario
async def test_lock_refuses_newcomers_and_unlock_lets_them_in(host) -> None:
    h = host()
    app = h.app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.listening, "listening")
        await pilot.press("l")
        assert h.room.state.locked
        assert "Lobby locked" in texts(app)
        late = await Student.join(h.server.port, "Late")
        assert (await late.expect("refused"))["reason"] == "locked"
        await late.close()
        await pilot.press("l")
        assert not h.room.state.locked
        again = await Student.join(h.server.port, "Late")
        await again.expect("welcome")
        await again.close()
        await app.stop_server()


@scenario
async def test_waiting_names_are_approved_and_declined(host) -> None:
    h = host(settings=RoomSettings(shuffle=False, approve_names=True))
    app = h.app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.listening, "listening")
        ana = await Student.join(h.server.port, "Ana")
        bo = await Student.join(h.server.port, "Bo")
        assert (await ana.expect("lobby"))["waiting"] is True
        await bo.expect("lobby")
        await until(pilot, lambda: "Waiting for approval" in texts(app), "the waiting list")
        assert "Bo" in texts(app)
        await pilot.press("a")
        await pick(pilot, app, "Ana")
        assert (await ana.expect("lobby", waiting=False))["count"] == 1
        await pilot.press("d")
        await pick(pilot, app, "Bo")
        assert (await bo.expect("refused"))["reason"] == "name"
        await until(pilot, lambda: "Waiting for approval" not in texts(app), "nobody waiting")
        assert [p.name for p in h.room.active_players()] == ["Ana"]
        await ana.close()
        await bo.close()
        await app.stop_server()


# -- playing a question ---------------------------------------------------------------


@scenario
async def test_a_question_from_start_to_reveal(host, seed_bank: Bank) -> None:
    h = host()
    app = h.app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.listening, "listening")
        ana = await Student.join(h.server.port, "Ana")
        bo = await Student.join(h.server.port, "Bo")
        await ana.expect("welcome")
        await bo.expect("welcome")
        await until(pilot, lambda: "2 students connected" in texts(app), "both joined")

        await pilot.press("s")
        asked = await ana.expect("question")
        assert (await bo.expect("question"))["q"] == asked["q"] == 0
        q = h.room.current
        assert q is not None and asked["prompt"] == q.prompt
        await until(pilot, lambda: "Answered 0 of 2" in texts(app), "the question")
        shown = texts(app)
        assert q.prompt in shown
        for option in asked["options"]:
            assert option in shown

        wrong = next(o for o in asked["options"] if o != q.answer)
        await ana.send(type="answer", q=0, value=q.answer)
        await ana.expect("ack")
        await until(pilot, lambda: "Answered 1 of 2" in texts(app), "one answer counted")

        await pilot.press("r")
        reveal = await ana.expect("reveal")
        assert reveal["answer"] == q.answer
        await until(pilot, lambda: app.screen.query(Bars), "the reveal")
        bars = app.screen.query_one(Bars)
        assert [row.value for row in bars.rows] == reveal["distribution"]["counts"]
        drawn = str(bars.render()).splitlines()
        right_row = next(line for line in drawn if q.answer[:10] in line)
        assert right_row.startswith("✔") and right_row.rstrip().endswith("right")
        assert not any(line.startswith("✔") for line in drawn if wrong[:10] in line)
        shown = texts(app)
        assert f"Answer: {q.answer}" in shown
        passage = app.screen.query_one(Passage)
        quote = q.evidence[0].quote
        assert " ".join(quote.split())[:40] in " ".join(str(passage.render()).split())
        # The quote is the highlighted part of the passage, not the whole paragraph.
        content = passage.render()
        marked = "".join(content.plain[s.start:s.end] for s in content.spans)
        assert marked.split() == quote.split()
        assert len(content.plain) > len(marked)
        assert q.evidence[0].section_title in shown
        assert "Ana" in str(app.screen.query_one("#r-top", Static).render())
        await ana.close()
        await bo.close()
        await app.stop_server()


@scenario
async def test_pause_stops_the_clock_and_tells_the_students(host) -> None:
    now = [1_000_000.0]
    h = host(settings=RoomSettings(shuffle=False, timer=30), clock=lambda: now[0])
    app = h.app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.listening, "listening")
        ana = await Student.join(h.server.port, "Ana")
        await ana.expect("welcome")
        await pilot.press("s")
        await ana.expect("question")
        clock = app.screen.query_one("#clock", Digits)
        await until(pilot, lambda: clock.value == "0:30", "the full timer")
        now[0] += 12
        await until(pilot, lambda: clock.value == "0:18", "the countdown")
        await pilot.press("p")
        assert (await ana.expect("paused"))["remaining_ms"] == 18000
        assert "PAUSED" in texts(app)
        now[0] += 100  # time passes while paused: the clock must not move
        await asyncio.sleep(0.6)
        await pilot.pause()
        assert clock.value == "0:18"
        await pilot.press("p")
        await ana.expect("resumed")
        assert h.room.phase is Phase.OPEN
        assert "PAUSED" not in texts(app)
        await ana.close()
        await app.stop_server()


@scenario
async def test_kick_removes_a_student(host) -> None:
    h = host()
    app = h.app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.listening, "listening")
        ana = await Student.join(h.server.port, "Ana")
        bo = await Student.join(h.server.port, "Bo")
        await ana.expect("welcome")
        await bo.expect("welcome")
        await until(pilot, lambda: "2 students connected" in texts(app), "both joined")
        await pilot.press("k")
        await pick(pilot, app, "Bo")
        assert "removed" in (await bo.expect("kicked"))["message"]
        await until(pilot, lambda: "1 student connected" in texts(app), "one left")
        assert "Bo" not in str(app.screen.query_one("#joined-names", Static).render())
        assert [p.name for p in h.room.active_players()] == ["Ana"]
        await ana.close()
        await bo.close()
        await app.stop_server()


@scenario
async def test_the_teacher_sees_who_is_away_and_removes_them(host) -> None:
    h = host()
    app = h.app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.listening, "listening")
        ana = await Student.join(h.server.port, "Ana")
        bo = await Student.join(h.server.port, "Bo")
        await ana.expect("welcome")
        await bo.expect("welcome")
        await until(pilot, lambda: "2 students connected" in texts(app), "both joined")
        await bo.close()  # a dropped wifi: Bo is away, not gone
        await until(pilot, lambda: "1 student connected, 1 away" in texts(app), "Bo away")
        assert "Bo (away)" in str(app.screen.query_one("#joined-names", Static).render())
        await pilot.press("x")
        await confirm(pilot, app, True)
        await until(pilot, lambda: "1 student connected" in texts(app)
                    and "away" not in texts(app), "Bo removed")
        bo_player = next(p for p in h.room.players.values() if p.name == "Bo")
        assert bo_player.left and not bo_player.kicked
        await ana.close()
        await app.stop_server()


@scenario
async def test_options_are_numbered_as_students_press_them(host) -> None:
    h = host()
    app = h.app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.listening, "listening")
        ana = await Student.join(h.server.port, "Ana")
        await ana.expect("welcome")
        await until(pilot, lambda: "1 student connected" in texts(app), "Ana joined")
        await pilot.press("s")
        asked = await ana.expect("question")
        await until(pilot, lambda: asked["options"][0] in texts(app), "the options")
        numbers = [str(w.render()) for w in app.screen.query(".q-letter")]
        assert numbers == [str(i + 1) for i in range(len(asked["options"]))]
        await pilot.press("r")
        await until(pilot, lambda: app.screen.query(Bars), "the reveal")
        labels = [row.label for row in app.screen.query_one(Bars).rows]
        assert labels[:-1] == [f"{i + 1}  {o}" for i, o in enumerate(asked["options"])]
        await ana.close()
        await app.stop_server()


@scenario
async def test_end_asks_first_then_shows_the_podium(host) -> None:
    h = host()
    app = h.app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.listening, "listening")
        ana = await Student.join(h.server.port, "Ana")
        bo = await Student.join(h.server.port, "Bo")
        await ana.expect("welcome")
        await bo.expect("welcome")
        await pilot.press("s")
        await ana.expect("question")
        await bo.expect("question")
        q = h.room.current
        assert q is not None
        wrong = next(o for o in h.room.options(0) if o != q.answer)
        await ana.send(type="answer", q=0, value=q.answer)
        await bo.send(type="answer", q=0, value=wrong)
        await ana.expect("reveal")  # everyone answered: the server closes and reveals

        await pilot.press("e")
        await confirm(pilot, app, yes=False)
        assert h.room.phase is Phase.REVEALED

        await pilot.press("e")
        await confirm(pilot, app, yes=True)
        end = await ana.expect("end")
        assert end["podium"][0]["name"] == "Ana"
        assert (await bo.expect("end"))["you"]["rank"] == 2
        await until(pilot, lambda: app.screen.query(EndPanel), "the podium")
        shown = texts(app)
        assert "Session over" in shown
        assert shown.index("Ana") < shown.index("Bo") or "#1" in shown
        assert "Class accuracy: 50%" in shown and "1 of 2 answers right" in shown
        await ana.close()
        await bo.close()
        await app.stop_server()


@scenario
async def test_next_after_the_last_question_offers_to_end(host, seed_bank: Bank) -> None:
    h = host(questions=choice_questions(seed_bank, 1))
    app = h.app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.listening, "listening")
        ana = await Student.join(h.server.port, "Ana")
        await ana.expect("welcome")
        await pilot.press("s")
        await ana.expect("question")
        await pilot.press("r")
        await ana.expect("reveal")
        await until(pilot, lambda: "that was the last question" in texts(app), "last one")
        await pilot.press("n")
        await confirm(pilot, app, yes=False)
        assert h.room.phase is Phase.REVEALED
        await pilot.press("n")
        await confirm(pilot, app, yes=True)
        await ana.expect("end")
        assert h.room.phase is Phase.ENDED
        await ana.close()
        await app.stop_server()


@scenario
async def test_anonymous_reveal_hides_names(host) -> None:
    h = host(settings=RoomSettings(shuffle=False, anonymous=True))
    app = h.app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.listening, "listening")
        ana = await Student.join(h.server.port, "Anastasia")
        await ana.expect("welcome")
        await pilot.press("s")
        await ana.expect("question")
        await pilot.press("r")
        await ana.expect("reveal")
        await until(pilot, lambda: app.screen.query(Bars), "the reveal")
        top = str(app.screen.query_one("#r-top", Static).render())
        assert "(name hidden)" in top and "Anastasia" not in texts(app)
        await ana.close()
        await app.stop_server()


@scenario
async def test_quit_asks_and_stops_the_server(host) -> None:
    h = host()
    app = h.app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.listening, "listening")
        port = h.server.port
        await pilot.press("q")
        await confirm(pilot, app, yes=False)
        assert app.is_running and app.listening
        await pilot.press("q")
        await confirm(pilot, app, yes=True)
        await until(pilot, lambda: not app.listening, "stopped")
    assert app.return_code == 0
    with pytest.raises(OSError):
        async with asyncio.timeout(WAIT):
            await connect(f"ws://127.0.0.1:{port}/ws", open_timeout=2)


def test_a_port_in_use_is_a_message_and_exit_code_1(host, capfd) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]

        async def on_screen() -> str:
            app = host(port=port).app()
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                assert app.return_code == 1
                assert app.screen.query_one(ContentSwitcher).current == "failure"
                return str(app.screen.query_one("#failure", Static).render())

        shown = asyncio.run(asyncio.wait_for(on_screen(), 30))
        assert "could not start" in shown and f"Port {port} is already in use" in shown

        # Run as the command line does (headless here): the app exits by itself.
        app = host(port=port).app()
        asyncio.run(asyncio.wait_for(app.run_async(headless=True, size=SIZE), 30))
        assert app.return_code == 1
        assert app.failure is not None and f"Port {port} is already in use" in app.failure
        assert f"Port {port} is already in use" in capfd.readouterr().err
        assert not app.listening


# -- the passage ------------------------------------------------------------------------


def test_a_long_paragraph_is_cut_around_the_quote(seed_bank: Bank) -> None:
    article: Article = seed_bank.article
    long = max(article.paragraphs, key=lambda p: len(p.text))
    assert len(long.text) > 480 and len(long.sentences) >= 5
    middle = long.sentences[len(long.sentences) // 2]
    ev = type(seed_bank.questions[0].evidence[0])(quote=middle.text, start=middle.start,
                                                  end=middle.end)
    cut = passage_for(article, ev)
    assert cut is not None
    assert cut.cut_before and cut.cut_after and len(cut.text) <= 480
    s, e = cut.span
    assert cut.text[s - cut.base:e - cut.base] == middle.text.replace("\n", " ")


def test_an_infobox_passage_reads_its_key_as_a_label(seed_bank: Bank) -> None:
    q = seed_bank.question("chief-north-name")
    assert q is not None
    ev = next(e for e in q.evidence if "Chief1" in e.quote)
    cut = passage_for(seed_bank.article, ev)
    assert cut is not None
    assert "Chief1" not in cut.text and cut.text.startswith("North Korea Representative: ")
    s, e = cut.span
    value = ev.quote.split(": ", 1)[1]
    assert cut.text[s - cut.base:e - cut.base] == f"North Korea Representative: {value}"


# -- the QR code --------------------------------------------------------------------------


def test_the_half_blocks_hold_segnos_own_matrix() -> None:
    url = "http://192.168.1.23:8470/?code=123456"
    out = io.StringIO()
    segno.make(url, error="m").save(out, kind="txt", border=2)
    expected = [[c == "1" for c in line] for line in out.getvalue().split()]
    assert qr_matrix(url) == expected
    rows = qr_rows(url)
    # Read the cells back into modules: top half, bottom half.
    back: list[list[bool]] = []
    for row in rows:
        back.append([c in "▀█" for c in row])
        back.append([c in "▄█" for c in row])
    assert back[:len(expected)] == expected
    assert len(rows) == (len(expected) + 1) // 2
    assert set("".join(rows)) <= set(" ▀▄█")


def test_an_odd_row_is_paired_with_a_light_one() -> None:
    assert halfblock_rows([[True, False], [False, True], [True, True]]) == ["▀▄", "▀▀"]


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg is not installed")
def test_the_drawn_code_scans_as_the_url(tmp_path: Path) -> None:
    from PIL import Image

    url = "http://10.0.0.5:8470/?code=654321"
    rows = qr_rows(url)
    scale = 8
    img = Image.new("L", (len(rows[0]) * scale, len(rows) * 2 * scale), 255)
    for y, row in enumerate(rows):
        for x, cell in enumerate(row):
            for half, dark in ((0, cell in "▀█"), (1, cell in "▄█")):
                if dark:
                    top = (2 * y + half) * scale
                    img.paste(0, (x * scale, top, (x + 1) * scale, top + scale))
    path = tmp_path / "qr.png"
    img.save(path)
    out = subprocess.run(["zbarimg", "--quiet", "--raw", str(path)], capture_output=True,
                         text=True, timeout=30)
    assert out.stdout.strip() == url
