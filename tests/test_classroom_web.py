"""The students' browser page, driven in a real headless Chromium against a real host.

Each test starts a host on 127.0.0.1 (tests/classroom_host.py), opens the page
the host serves, and checks both sides: what the student sees, and what the
host recorded. One browser serves the whole module; each test gets a fresh
context (its own sessionStorage) at a phone's viewport. Screenshots are
compared with the PNGs in tests/web_snapshots/ (QUIZ_UPDATE_WEB_SNAPSHOTS=1
rewrites them).
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect, sync_playwright

from quiz.classroom.room import RoomSettings
from quiz.play import scoring
from tests.classroom_host import LiveHost
from tests.conftest import ROOT, SEED_BANK
from tests.web_support import (
    LAUNCH_ARGS,
    SocketStudent,
    changed_fraction,
    check_snapshot,
    require_chromium,
)

ALL_TYPES = ROOT / "tests" / "good_banks" / "all-types.yaml"
WEB_SNAPSHOTS = ROOT / "tests" / "good_banks" / "web-snapshots.yaml"
WEB = ROOT / "quiz" / "classroom" / "web"
PHONE = {"width": 390, "height": 844}
CODE = "123456"

expect.set_options(timeout=5000)


# -- fixtures -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = require_chromium()
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(executable), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


class Hosts:
    """Starts hosts for a test and stops them, whatever happens."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.started: list[LiveHost] = []

    def __call__(self, bank: Path = SEED_BANK, limit: int = 3, **settings: Any) -> LiveHost:
        options = RoomSettings(**{"shuffle": False, **settings})
        host = LiveHost(bank, self.folder / f"class{len(self.started)}.sqlite",
                        code=CODE, settings=options, limit=limit)
        self.started.append(host)
        return host

    def stop(self, host: LiveHost) -> None:
        self.started.remove(host)
        host.stop()


@pytest.fixture
def hosts(tmp_path: Path) -> Iterator[Hosts]:
    made = Hosts(tmp_path)
    yield made
    for host in made.started:
        host.stop()


@pytest.fixture
def students() -> Iterator[Callable[[LiveHost, str], SocketStudent]]:
    """Websocket students who sit beside the browser (they keep questions open)."""
    opened: list[SocketStudent] = []

    def make(host: LiveHost, name: str) -> SocketStudent:
        student = SocketStudent(host.ws_url)
        opened.append(student)
        student.join(name)
        return student

    yield make
    for student in opened:
        student.close()


class Tab:
    """One browser tab, and everything it complained about."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))
        page.on("console", lambda m: self.errors.append(f"console: {m.text}")
                if m.type == "error" else None)

        def dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)


@pytest.fixture
def tab(browser: Any, hosts: Hosts) -> Iterator[Tab]:
    # Needs ``hosts`` so the tab closes before the hosts stop: a page whose host went
    # first logs a refused reconnect, which is the test's teardown, not the page's fault.
    context = browser.new_context(viewport=PHONE, device_scale_factor=1,
                                  color_scheme="light", locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(5000)
    opened = Tab(page)
    yield opened
    context.close()
    # A script error or a CSP refusal shows up here: the page must run clean.
    assert opened.errors == []


# -- helpers ----------------------------------------------------------------------------


def wait_for(page: Any, check: Callable[[], Any], what: str, timeout: float = 5.0) -> Any:
    """Poll the host's state while letting the page's events run."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = check()
        if value:
            return value
        page.wait_for_timeout(25)
    raise AssertionError(f"timed out waiting for {what}")


def player_id(host: LiveHost, name: str) -> int:
    return next(p.id for p in list(host.room.players.values()) if p.name == name)


def open_page(tab: Tab, host: LiveHost, code: str = CODE) -> Any:
    tab.page.goto(f"{host.url}?code={code}")
    return tab.page


def join(tab: Tab, host: LiveHost, name: str) -> Any:
    page = open_page(tab, host)
    page.fill("#join-name", name)
    page.click("#join-button")
    expect(page.locator("#view-lobby")).to_be_visible()
    return page


def token_of(page: Any) -> str | None:
    return page.evaluate("sessionStorage.getItem('quiz.token')")


def next_question(host: LiveHost, page: Any, number: int) -> None:
    host.call(host.server.next_question)
    expect(page.locator("#q-number")).to_have_text(re.compile(rf"Question {number} of "))


def answer_of(host: LiveHost, page: Any, name: str, q: int) -> Any:
    pid = player_id(host, name)
    return wait_for(page, lambda: host.room.answers.get((pid, q)), f"{name}'s answer to {q}")


# -- joining ----------------------------------------------------------------------------


def test_join_by_code_and_name_shows_the_lobby_and_the_source(tab: Tab, hosts: Hosts) -> None:
    host = hosts()
    page = open_page(tab, host)
    expect(page.locator("#join-code")).to_have_value(CODE)  # from ?code= in the link
    page.fill("#join-name", "Ana")
    page.click("#join-button")
    expect(page.locator("#lobby-names li")).to_have_text(["Ana"])
    expect(page.locator("#lobby-count")).to_have_text("1 player in the room")
    expect(page.locator("#lobby-title")).to_have_text("You're in, Ana!")
    expect(page.locator("#who")).to_have_text("Ana")
    foot = page.locator("#foot")
    expect(foot).to_contain_text("Inter-Korean Liaison Office")
    expect(foot).to_contain_text("CC BY-SA 4.0")
    expect(foot.locator("a")).to_have_attribute("href", host.bank.source.url or "")
    players = list(host.room.players.values())
    assert [p.name for p in players] == ["Ana"]
    assert wait_for(page, lambda: players[0].connected, "Ana connected")
    assert token_of(page)


def test_the_lobby_follows_other_players_and_waiting_for_approval(
        tab: Tab, hosts: Hosts, students: Callable[..., SocketStudent]) -> None:
    host = hosts(approve_names=True)
    page = open_page(tab, host)
    page.fill("#join-name", "Ana")
    page.click("#join-button")
    expect(page.locator("#lobby-waiting")).to_be_visible()
    expect(page.locator("#lobby-waiting")).to_contain_text("approve your name")
    host.call(host.server.approve, player_id(host, "Ana"))
    expect(page.locator("#lobby-waiting")).to_be_hidden()
    students(host, "Bo")
    host.call(host.server.approve, player_id(host, "Bo"))
    expect(page.locator("#lobby-names li")).to_have_text(["Ana", "Bo"])
    expect(page.locator("#lobby-count")).to_have_text("2 players in the room")


def test_a_wrong_code_is_refused_with_the_reason(tab: Tab, hosts: Hosts) -> None:
    host = hosts()
    page = open_page(tab, host, code="654321")
    page.fill("#join-name", "Ana")
    page.click("#join-button")
    problem = page.locator("#join-error")
    expect(problem).to_be_visible()
    expect(problem).to_contain_text("not this room's code")
    expect(page.locator("#join-code")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#view-join")).to_be_visible()
    assert host.room.players == {}
    # A code that is not six digits never leaves the page.
    page.fill("#join-code", "12")
    page.click("#join-button")
    expect(problem).to_contain_text("six digits")


def test_a_taken_name_is_refused_and_another_one_joins(
        tab: Tab, hosts: Hosts, students: Callable[..., SocketStudent]) -> None:
    host = hosts()
    students(host, "Ana")
    page = open_page(tab, host)
    page.fill("#join-name", "ana")
    page.click("#join-button")
    expect(page.locator("#join-error")).to_contain_text("already taken")
    expect(page.locator("#join-name")).to_have_attribute("aria-invalid", "true")
    assert [p.name for p in host.room.players.values()] == ["Ana"]
    page.fill("#join-name", "Ana B")
    page.click("#join-button")
    expect(page.locator("#lobby-names li")).to_have_text(["Ana", "Ana B"])
    assert sorted(p.name for p in host.room.players.values()) == ["Ana", "Ana B"]


# -- answering --------------------------------------------------------------------------


def test_every_question_type_is_answered_by_clicking(
        tab: Tab, hosts: Hosts, students: Callable[..., SocketStudent]) -> None:
    host = hosts(ALL_TYPES, limit=7)
    assert [q.type for q in host.room.questions] == [
        "text", "choice", "multi", "truefalse", "number", "number", "order"]
    page = join(tab, host, "Ana")
    students(host, "Bo")  # Bo never answers, so each question stays open until the next
    sent = page.locator("#q-sent")

    next_question(host, page, 1)  # text
    expect(page.locator("#q-prompt")).to_have_text(host.room.questions[0].prompt)
    send = page.locator("#q-answer button.send")
    expect(send).to_be_disabled()  # nothing typed yet
    page.fill("#typed-answer", "16 June 2020")
    send.click()
    expect(sent).to_have_text("✓ Answer sent")
    expect(page.locator("#typed-answer")).to_be_disabled()
    assert answer_of(host, page, "Ana", 0).given == "16 June 2020"

    next_question(host, page, 2)  # choice
    page.get_by_role("button", name="Jon Jong-su").click()
    expect(sent).to_have_text("✓ Answer sent")
    expect(page.get_by_role("button", name="Jon Jong-su")).to_have_attribute("aria-pressed",
                                                                            "true")
    expect(page.get_by_role("button", name="Kim Yo-jong")).to_be_disabled()
    assert answer_of(host, page, "Ana", 1).given == "Jon Jong-su"

    next_question(host, page, 3)  # multi
    page.get_by_label("Chun Hae-sung").check()
    page.get_by_label("Jon Jong-su").check()
    page.click("#q-answer button.send")
    expect(sent).to_have_text("✓ Answer sent")
    assert answer_of(host, page, "Ana", 2).given == ["Chun Hae-sung", "Jon Jong-su"]

    next_question(host, page, 4)  # truefalse
    page.get_by_role("button", name="False", exact=True).click()
    expect(sent).to_have_text("✓ Answer sent")
    assert answer_of(host, page, "Ana", 3).given is False

    next_question(host, page, 5)  # number, with its unit beside the box
    expect(page.locator("#q-answer .unit")).to_have_text("m2")
    page.fill("#typed-answer", "4498.57")
    page.keyboard.press("Enter")
    expect(sent).to_have_text("✓ Answer sent")
    assert answer_of(host, page, "Ana", 4).given == "4498.57"

    next_question(host, page, 6)  # number, no unit
    expect(page.locator("#q-answer .unit")).to_have_count(0)
    page.fill("#typed-answer", "4")
    page.click("#q-answer button.send")
    expect(sent).to_have_text("✓ Answer sent")
    assert answer_of(host, page, "Ana", 5).given == "4"

    next_question(host, page, 7)  # order: move "the first meeting" up twice
    items = page.locator("#q-answer .order-item")
    texts = items.locator(".order-text")
    expect(texts).to_have_text(host.room.options(6))
    expect(items.first.locator("button.move").first).to_be_disabled()  # nothing above the top
    up = page.get_by_role("button", name="Move “The first meeting at the office” up")
    up.click()
    up.click()
    right = host.room.questions[6].answer
    expect(texts).to_have_text(right)
    page.click("#q-answer button.send")
    expect(sent).to_have_text("✓ Answer sent")
    assert answer_of(host, page, "Ana", 6).given == right

    ana = host.room.players[player_id(host, "Ana")]
    records = [host.room.answers[(ana.id, q)] for q in range(7)]
    assert all(r.correct for r in records)
    host.call(host.server.reveal)
    expect(page.locator("#r-answer ol li")).to_have_text(right)  # an order, as a list
    expect(page.locator("#r-standing")).to_contain_text(f"Score {ana.score}")
    expect(page.locator("#score")).to_have_text(f"{ana.score} points")


def test_answer_sent_shows_only_after_the_ack(tab: Tab, hosts: Hosts,
                                             students: Callable[..., SocketStudent]) -> None:
    host = hosts(limit=1)
    page = tab.page
    held: list[str] = []
    routes: list[Any] = []

    def relay(route: Any) -> None:
        server = route.connect_to_server()
        routes.append(route)

        def from_host(message: str | bytes) -> None:
            if isinstance(message, str) and '"type":"ack"' in message:
                held.append(message)  # kept back until the test lets it through
            else:
                route.send(message)

        server.on_message(from_host)
        route.on_message(lambda message: server.send(message))

    page.route_web_socket(re.compile(r"/ws$"), relay)
    join(tab, host, "Ana")
    students(host, "Bo")
    next_question(host, page, 1)
    right = str(host.room.questions[0].answer)
    page.get_by_role("button", name=right).click()
    answer_of(host, page, "Ana", 0)  # the host has it on disk...
    wait_for(page, lambda: held, "the host's ack")
    page.wait_for_timeout(300)
    expect(page.locator("#q-sent")).to_have_text("Sending…")  # ...but without an ack, no claim
    expect(page.get_by_role("button", name=right)).to_be_disabled()
    routes[-1].send(held[0])
    expect(page.locator("#q-sent")).to_have_text("✓ Answer sent")

    # A refused request is told briefly; a message type this page does not know is ignored.
    routes[-1].send('{"type":"from_a_newer_host","x":1}')
    routes[-1].send('{"type":"error","code":"too_fast","message":"slow down: at most 10"}')
    toast = page.locator("#toast")
    expect(toast).to_have_text("Slow down: at most 10.")
    expect(toast).to_be_hidden(timeout=6000)
    expect(page.locator("#q-sent")).to_have_text("✓ Answer sent")


# -- after a question --------------------------------------------------------------------


def test_the_reveal_shows_answer_evidence_distribution_and_the_result(
        tab: Tab, hosts: Hosts, students: Callable[..., SocketStudent]) -> None:
    host = hosts(limit=2)
    page = join(tab, host, "Ana")
    bo = students(host, "Bo")
    students(host, "Cy")  # Cy does not answer
    expect(page.locator("#lobby-names li")).to_have_count(3)
    next_question(host, page, 1)
    question = host.room.questions[0]
    options = host.room.options(0)
    wrong = next(o for o in options if o != question.answer)
    page.get_by_role("button", name=str(question.answer)).click()
    bo.send("answer", q=0, value=wrong)
    bo.expect("ack")
    expect(page.locator("#q-sent")).to_have_text("✓ Answer sent")
    host.call(host.server.reveal)

    expect(page.locator("#view-reveal")).to_be_visible()
    expect(page.locator("#r-answer")).to_have_text(str(question.answer))
    expect(page.locator("#r-evidence blockquote")).to_have_text([e.quote for e in
                                                                question.evidence])
    if question.explanation:
        expect(page.locator("#r-explanation")).to_have_text(question.explanation)
    bars = page.locator("#r-bars li")
    expect(bars.locator(".bar-count")).to_have_text(
        ["1" if o in (question.answer, wrong) else "0" for o in options] + ["1"])
    expect(bars.last).to_contain_text("No answer")
    right_bar = bars.nth(options.index(str(question.answer)))
    expect(right_bar).to_have_class(re.compile(r"\bright\b"))
    expect(right_bar).to_contain_text("✓")  # not told by colour alone
    expect(page.locator("#r-bars li.right")).to_have_count(1)
    # The bars are drawn to scale: one answer of the most is a full bar.
    full = right_bar.locator(".bar-fill").evaluate("e => e.style.width")
    assert full == "100%"

    ana = host.room.players[player_id(host, "Ana")]
    points = host.room.answers[(ana.id, 0)].total
    assert points > 0
    expect(page.locator("#r-verdict")).to_have_text(f"✓ Right! +{points} points")
    expect(page.locator("#r-given")).to_have_text(f"You answered: {question.answer}")
    expect(page.locator("#r-standing")).to_have_text(f"Score {ana.score} · rank 1 of 3")
    expect(page.locator("#r-top li").first).to_contain_text("Ana (you)")
    expect(page.locator("#r-top li")).to_have_count(3)


def test_hints_pause_resume_countdown_and_the_end(
        tab: Tab, hosts: Hosts, students: Callable[..., SocketStudent]) -> None:
    host = hosts(limit=2, timer=60)
    page = join(tab, host, "Ana")
    bo = students(host, "Bo")
    expect(page.locator("#lobby-names li")).to_have_count(2)
    next_question(host, page, 1)
    question = host.room.questions[0]
    timer = page.locator("#q-timer")
    expect(timer).to_have_text(re.compile(r"^(1:00|0:5\d) left$"))

    hint = page.locator("#q-hint-button")
    expect(hint).to_have_text(f"Show a hint (1 of {len(question.hints)})")
    hint.click()
    expect(page.locator("#q-hint-list li")).to_have_text([question.hints[0]])
    pid = player_id(host, "Ana")
    assert host.room.hints_taken[(pid, 0)] == 1
    left = scoring.available(host.room.points(0), 1, len(question.hints) + 1, 0)
    expect(page.locator("#q-points")).to_have_text(f"now {left} points")

    host.call(host.server.pause)
    expect(page.locator("#q-paused")).to_have_text("Paused by the teacher.")
    options = page.locator("#q-answer button.option")
    expect(options.first).to_be_disabled()
    frozen = timer.text_content()
    page.wait_for_timeout(1200)
    assert timer.text_content() == frozen  # the countdown stops with the host's timer
    host.call(host.server.resume)
    expect(page.locator("#q-paused")).to_be_hidden()
    expect(options.first).to_be_enabled()

    host.call(host.server.reveal)  # Ana never answered
    expect(page.locator("#r-verdict")).to_have_text("– No answer this time")
    expect(page.locator("#r-given")).to_have_text("You answered: no answer")

    next_question(host, page, 2)
    expect(page.locator("#q-hint-list li")).to_have_count(0)
    bo.send("answer", q=1, value=str(host.room.questions[1].answer))
    bo.expect("ack")
    host.call(host.server.end)
    expect(page.locator("#view-end")).to_be_visible()
    expect(page.locator("#end-podium li .name")).to_have_text(["Bo", "Ana"])
    you = page.locator("#end-you")
    expect(you).to_contain_text("You scored 0 points.")
    expect(you).to_contain_text("Rank 2 of 2.")


def test_after_the_end_the_page_counts_what_was_played_and_stops_calling(
        tab: Tab, hosts: Hosts) -> None:
    host = hosts(limit=3)
    sockets: list[Any] = []
    tab.page.on("websocket", lambda ws: sockets.append(ws))
    page = join(tab, host, "Ana")
    next_question(host, page, 1)
    # Options carry the numbers the host's screen shows (not read out as part of the name).
    expect(page.locator("#q-answer button.option .key")).to_have_text(
        [str(i + 1) for i in range(len(host.room.options(0)))])
    page.get_by_role("button", name=str(host.room.questions[0].answer), exact=True).click()
    expect(page.locator("#r-result")).to_be_visible()
    host.call(host.server.end)
    expect(page.locator("#end-you")).to_contain_text("1 right out of 1 question (1 answered)")
    assert token_of(page) is None  # a reload starts afresh: nothing to resume
    opened = len(sockets)
    hosts.stop(host)
    # The socket closes with the host; an ended session does not knock again.
    wait_for(page, lambda: sockets[-1].is_closed(), "the page's socket to close")
    expect(page.locator("#conn")).to_be_hidden()  # no "Connection lost. Trying again"
    expect(page.locator("#view-end")).to_be_visible()
    assert len(sockets) == opened


# -- coming back -----------------------------------------------------------------------------


def test_a_reload_comes_back_with_the_token_and_keeps_the_score(tab: Tab, hosts: Hosts) -> None:
    host = hosts(limit=2)
    page = join(tab, host, "Ana")
    token = token_of(page)
    next_question(host, page, 1)
    page.get_by_role("button", name=str(host.room.questions[0].answer)).click()
    # Ana is the only player: her answer closes and reveals the question.
    expect(page.locator("#r-standing")).to_contain_text("rank 1 of 1")
    score = host.room.players[player_id(host, "Ana")].score
    assert score > 0
    expect(page.locator("#score")).to_have_text(f"{score} points")

    page.reload()
    expect(page.locator("#view-reveal")).to_be_visible()
    expect(page.locator("#r-standing")).to_have_text(f"Score {score} · rank 1 of 1")
    expect(page.locator("#score")).to_have_text(f"{score} points")
    assert token_of(page) == token
    assert [p.name for p in host.room.players.values()] == ["Ana"]
    ana = host.room.players[player_id(host, "Ana")]
    assert wait_for(page, lambda: ana.connected, "Ana back")
    next_question(host, page, 2)  # and she plays on
    expect(page.locator("#q-answer button.option").first).to_be_enabled()


def test_a_dropped_connection_comes_back_by_itself(tab: Tab, hosts: Hosts) -> None:
    host = hosts()
    page = join(tab, host, "Ana")
    pid = player_id(host, "Ana")
    first = wait_for(page, lambda: host.server.conns.get(pid), "Ana's connection")

    # As a flaky wifi would: the socket goes, the player stays.
    asyncio.run_coroutine_threadsafe(first.close(1011, "gone"), host.loop).result(5)
    wait_for(page, lambda: host.server.conns.get(pid) not in (None, first), "a new connection")
    expect(page.locator("#conn")).to_be_hidden()
    expect(page.locator("#view-lobby")).to_be_visible()
    assert len(host.room.players) == 1
    next_question(host, page, 1)


def test_a_restarted_host_is_found_again_with_backoff(tab: Tab, hosts: Hosts) -> None:
    host = hosts(limit=2)
    page = join(tab, host, "Ana")
    next_question(host, page, 1)
    page.get_by_role("button", name=str(host.room.questions[0].answer)).click()
    expect(page.locator("#r-result")).to_be_visible()
    score = host.room.players[player_id(host, "Ana")].score
    port, db, session = host.port, host.store.path, host.session_id
    # Every text the status line shows is recorded as it is set: on a busy machine a
    # half-second message can come and go between two looks at the screen.
    page.evaluate("""() => {
        const node = document.getElementById('conn');
        window.connSeen = [];
        new MutationObserver(() => {
            if (window.connSeen.at(-1) !== node.textContent) window.connSeen.push(node.textContent);
        }).observe(node, {childList: true, characterData: true, subtree: true});
    }""")
    hosts.stop(host)
    conn = page.locator("#conn")
    page.wait_for_function("() => window.connSeen.some(t => t.includes(' in 2 s'))",
                           timeout=15000)
    # The waits grow while nobody answers: 0.5 s, then 1 s, then 2 s.
    waits = [t for t in page.evaluate("window.connSeen") if t.startswith("Connection lost")]
    assert waits[:3] == [f"Connection lost. Trying again in {s} s…" for s in ("0.5", "1", "2")]
    expect(page.locator("#view-reveal")).to_be_visible()  # what she saw stays on screen
    again = LiveHost(SEED_BANK, db, code=CODE, session_id=session, port=port)
    hosts.started.append(again)
    expect(conn).to_be_hidden(timeout=8000)
    expect(page.locator("#r-standing")).to_have_text(f"Score {score} · rank 1 of 1")
    assert [p.name for p in again.room.players.values()] == ["Ana"]
    # The browser logs each refused connection while the host was down.
    tab.errors[:] = [e for e in tab.errors if "WebSocket connection" not in e]


def test_the_same_student_in_a_second_tab_takes_over(tab: Tab, hosts: Hosts) -> None:
    host = hosts()
    page = join(tab, host, "Ana")
    token = token_of(page)
    other = page.context.browser.new_context(viewport=PHONE)
    try:
        second = other.new_page()
        second.goto(host.url)
        second.evaluate(f"sessionStorage.setItem('quiz.token', '{token}'); "
                        f"sessionStorage.setItem('quiz.code', '{CODE}')")
        second.reload()
        expect(second.locator("#lobby-title")).to_have_text("You're in, Ana!")
        expect(page.locator("#gone-text")).to_contain_text("open somewhere else")
        page.wait_for_timeout(700)  # and it does not fight back by itself
        expect(second.locator("#view-lobby")).to_be_visible()
        page.click("#gone-again")  # "Continue here"
        expect(page.locator("#view-lobby")).to_be_visible()
        expect(second.locator("#view-gone")).to_be_visible()
        assert len(host.room.players) == 1
    finally:
        other.close()


def test_an_unknown_token_is_forgotten_and_the_form_comes_back(tab: Tab, hosts: Hosts) -> None:
    host = hosts()
    page = open_page(tab, host)
    page.evaluate("sessionStorage.setItem('quiz.token', 'not-a-token'); "
                  f"sessionStorage.setItem('quiz.code', '{CODE}')")
    page.reload()
    expect(page.locator("#view-join")).to_be_visible()
    expect(page.locator("#join-error")).to_contain_text("could not be found")
    assert token_of(page) is None
    assert host.room.players == {}


def test_a_kicked_student_sees_why_and_stays_out(tab: Tab, hosts: Hosts) -> None:
    host = hosts()
    page = join(tab, host, "Ana")
    pid = player_id(host, "Ana")
    wait_for(page, lambda: host.server.conns.get(pid), "Ana's connection")
    host.call(host.server.kick, pid)
    expect(page.locator("#view-gone")).to_be_visible()
    expect(page.locator("#gone-text")).to_contain_text("removed you")
    page.wait_for_timeout(1200)  # longer than the first reconnect delay
    assert token_of(page) is None
    player = host.room.players[pid]
    assert player.kicked and not player.connected
    assert pid not in host.server.conns and len(host.room.players) == 1
    page.click("#gone-again")
    expect(page.locator("#view-join")).to_be_visible()


# -- untrusted text ---------------------------------------------------------------------------


def test_hostile_names_show_literally_and_nothing_runs(
        tab: Tab, hosts: Hosts, students: Callable[..., SocketStudent]) -> None:
    host = hosts(limit=1)
    page = open_page(tab, host)
    page.fill("#join-name", "<img src=x onerror=alert(1)>")
    page.click("#join-button")
    expect(page.locator("#join-error")).to_contain_text("at most 20")  # too long a name
    evil = "<svg onload=alert()>"
    page.fill("#join-name", evil)
    page.click("#join-button")
    expect(page.locator("#view-lobby")).to_be_visible()
    bo = students(host, "<b>Bo</b>")
    names = page.locator("#lobby-names li")
    expect(names).to_have_text(["<b>Bo</b>", evil])
    expect(page.locator("#who")).to_have_text(evil)
    next_question(host, page, 1)
    page.get_by_role("button", name=str(host.room.questions[0].answer)).click()
    bo.send("answer", q=0, value=str(host.room.questions[0].answer))
    # Equal scores share rank 1 and sort by name.
    expect(page.locator("#r-top li .name")).to_have_text(["<b>Bo</b>", f"{evil} (you)"])
    page.wait_for_timeout(200)
    assert page.locator("svg, b, img").count() == 0
    assert tab.dialogs == []


def test_the_script_never_writes_html_and_the_page_has_no_inline_code() -> None:
    script = (WEB / "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function"):
        assert sink not in script, sink
    page = (WEB / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"<script\b[^>]*>", page) == ['<script src="/app.js" defer>']
    assert not re.search(r"\son[a-z]+\s*=", page)  # no inline handlers
    assert not re.search(r"<style|\sstyle\s*=", page)
    assert not re.search(r"https?://", page + script + (WEB / "style.css").read_text())


# -- on a phone ---------------------------------------------------------------------------------


def assert_fits_a_phone(page: Any, where: str) -> None:
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{where}: scrolls sideways ({width[0]} > {width[1]})"
    small = page.evaluate("""() => [...document.querySelectorAll('button, input, .check')]
        .filter(e => e.offsetParent !== null && e.type !== 'checkbox')
        .map(e => [e.textContent || e.id, e.getBoundingClientRect().height])
        .filter(([, h]) => h < 44)""")
    assert small == [], f"{where}: touch targets under 44px: {small}"


def test_the_page_fits_a_phone(tab: Tab, hosts: Hosts,
                               students: Callable[..., SocketStudent]) -> None:
    host = hosts(ALL_TYPES, limit=7)
    page = open_page(tab, host)
    assert page.viewport_size == PHONE
    assert page.evaluate("document.querySelector('meta[name=viewport]').content") == (
        "width=device-width, initial-scale=1")
    assert_fits_a_phone(page, "join")
    page.fill("#join-name", "Ana")
    page.click("#join-button")
    expect(page.locator("#view-lobby")).to_be_visible()
    students(host, "Bo")
    assert_fits_a_phone(page, "lobby")
    for number, kind in enumerate([q.type for q in host.room.questions], start=1):
        next_question(host, page, number)
        assert_fits_a_phone(page, kind)
    host.call(host.server.reveal)
    expect(page.locator("#view-reveal")).to_be_visible()
    assert_fits_a_phone(page, "reveal")


# -- screenshots -----------------------------------------------------------------------------------


def snap(page: Any, name: str) -> None:
    page.mouse.move(0, 0)  # no hover highlight
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.wait_for_timeout(100)
    check_snapshot(page.screenshot(full_page=True, animations="disabled", caret="hide"), name)


def test_screenshots_match_the_snapshots(tab: Tab, hosts: Hosts,
                                         students: Callable[..., SocketStudent]) -> None:
    # A bank kept for the screenshots (the seed bank is edited over time); no timer:
    # nothing on screen changes from run to run.
    host = hosts(WEB_SNAPSHOTS, limit=2)
    page = open_page(tab, host)
    snap(page, "join")
    page.fill("#join-name", "Ana")
    page.click("#join-button")
    bo = students(host, "Bo")
    expect(page.locator("#lobby-names li")).to_have_count(2)
    snap(page, "lobby")
    next_question(host, page, 1)
    snap(page, "question-choice")
    question = host.room.questions[0]
    page.get_by_role("button", name=str(question.answer)).click()
    bo.send("answer", q=0, value=next(o for o in host.room.options(0) if o != question.answer))
    expect(page.locator("#r-result")).to_be_visible()
    snap(page, "reveal")


def test_the_snapshot_check_fails_on_a_visible_change(tmp_path: Path) -> None:
    from io import BytesIO

    from PIL import Image, ImageDraw

    def png(box: tuple[int, int, int, int] | None) -> bytes:
        image = Image.new("RGB", (100, 100), "white")
        if box:
            ImageDraw.Draw(image).rectangle(box, fill="black")
        out = BytesIO()
        image.save(out, "PNG")
        return out.getvalue()

    (tmp_path / "blank.png").write_bytes(png(None))
    check_snapshot(png(None), "blank", tmp_path)
    check_snapshot(png((0, 0, 4, 1)), "blank", tmp_path)  # 10 pixels of 10,000: fine
    with pytest.raises(AssertionError, match="changed"):
        check_snapshot(png((0, 0, 19, 19)), "blank", tmp_path)  # 4%
    assert (tmp_path / "blank.actual.png").exists()
    a = Image.open(BytesIO(png(None)))
    assert changed_fraction(a, Image.open(BytesIO(png((0, 0, 9, 9))))) == pytest.approx(0.01)


def test_a_missing_chromium_skips_here_and_fails_in_ci(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "chromium"
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="missing"):
        require_chromium(missing)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        require_chromium(missing)
