"""The picker's read-only look at the progress database: it tells "nothing can be due"
without opening the store, and leaves every check and recovery to the real opening."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from quiz.bank.load import load_bank
from quiz.bank.model import Bank
from quiz.play.engine import State
from quiz.store import db
from quiz.store.progress import Store
from quiz.tui.solo.app import create_app, open_store
from quiz.tui.solo.picker import PickerScreen
from tests.conftest import SEED_BANK
from tests.test_store import new_session, small_bank, wrong


@pytest.fixture(scope="module")
def seed_bank() -> Bank:
    return load_bank(SEED_BANK / "bank.yaml")


def play_one_wrong(store: Store, bank: Bank) -> None:
    """One settled miss: the question is scheduled (and due again today)."""
    s = new_session(store, small_bank(bank, 1))
    q = s.current
    assert q is not None
    while s.state is State.ASKING:  # wrong at every try: settled as a miss
        s.answer(wrong(s, q), seconds=1.0)


def test_no_database_yet_means_nothing_scheduled(tmp_path: Path) -> None:
    path = tmp_path / "data" / db.DB_NAME
    assert db.holds_schedule(path) is False
    assert not path.parent.exists()  # the look creates nothing


def test_a_new_database_holds_no_schedule_and_a_played_one_does(store: Store,
                                                                seed_bank: Bank) -> None:
    assert store.path is not None
    assert db.holds_schedule(store.path) is False
    play_one_wrong(store, seed_bank)
    assert db.holds_schedule(store.path) is True


def test_a_damaged_file_is_left_to_the_real_opening(tmp_path: Path) -> None:
    for n, content in enumerate((b"not a database at all" * 200, b"",
                                 b"SQLite format 3\x00" + bytes(range(256)) * 20)):
        path = tmp_path / f"progress-{n}.db"
        path.write_bytes(content)
        assert db.holds_schedule(path) is None
        assert path.read_bytes() == content  # looked at, never changed or moved


def test_a_newer_schema_is_left_to_the_real_opening(tmp_path: Path) -> None:
    path = tmp_path / db.DB_NAME
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {db.LATEST + 1}")
    conn.close()
    assert db.holds_schedule(path) is None


async def _picker_labels(app) -> list[str]:
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        return [str(app.screen.query_one("#banks").get_option_at_index(i).prompt)
                for i in range(app.screen.query_one("#banks").option_count)]


def test_a_new_player_s_picker_does_not_open_the_store() -> None:
    app = create_app(open_store=open_store)
    labels = asyncio.run(_picker_labels(app))
    assert labels and not any(" due" in label for label in labels)
    # Opened (created, checked, backed up) only when a bank is picked.
    assert app._store is None
    assert not db.default_path().exists()


def test_a_scheduled_player_s_picker_opens_it_and_shows_what_is_due(seed_bank: Bank) -> None:
    with Store.open() as store:
        store.set_default_profile("ada")
        play_one_wrong(store, seed_bank)
    app = create_app(open_store=open_store)
    try:
        labels = asyncio.run(_picker_labels(app))
    finally:
        app.close_store()
    assert any("1 due" in label for label in labels), labels


def test_a_damaged_database_is_still_recovered_and_reported_at_start() -> None:
    path = db.default_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is no database" * 100)
    app = create_app(open_store=open_store)

    async def run() -> list[str]:
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            return [n.message for n in app._notifications]

    try:
        notices = asyncio.run(run())
    finally:
        app.close_store()
    assert any("could not be read" in n for n in notices), notices
    assert list(path.parent.glob(f"{db.DB_NAME}.damaged-*"))
