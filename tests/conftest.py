"""Shared test setup: every test gets its own QUIZ_HOME, so nothing touches a real profile."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from quiz.store.progress import Store

ROOT = Path(__file__).resolve().parent.parent
SEED_BANK = ROOT / "questions" / "inter-korean-liaison-office"


@pytest.fixture(autouse=True)
def quiz_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("quiz-home")
    monkeypatch.setenv("QUIZ_HOME", str(home))
    return home


class Clock:
    """A settable clock for the store (aware UTC datetimes)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.t = start or datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.t

    def tick(self, **kw: float) -> None:
        self.t += timedelta(**kw)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(clock: Clock) -> Iterator[Store]:
    """A fresh progress store under this test's QUIZ_HOME, on the settable clock."""
    from quiz.store.progress import Store

    s = Store.open(now=clock)
    yield s
    s.close()
