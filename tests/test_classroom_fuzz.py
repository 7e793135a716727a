"""A fast slice of the protocol fuzzer (benchmarks/classroom_fuzz.py runs 10,000+ frames)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from quiz.classroom.room import RoomSettings
from quiz.classroom.server import Limits
from tests import classroom_fuzz
from tests.classroom_host import LiveHost
from tests.conftest import SEED_BANK


def test_hostile_frames_leave_no_traceback_and_the_room_plays_on(tmp_path: Path) -> None:
    # No rate limit here: every frame must reach the parser, not the flood guard.
    live = LiveHost(SEED_BANK, tmp_path / "p.db", limit=3,
                    settings=RoomSettings(shuffle=False, max_players=2000),
                    limits=Limits(per_address=0, joins_per_minute=0, wrong_codes_per_minute=0,
                                  rate=1e6, burst=10**6))
    try:
        live.call(live.server.next_question)
        tally = asyncio.run(classroom_fuzz.fuzz(live, 400, seed=13, workers=4))
        assert tally.sent >= 400
        # The frames were read and answered, not just swallowed.
        assert tally.replies.get("error", 0) > 100
        asyncio.run(classroom_fuzz.still_plays(live))
    finally:
        live.stop()
    assert live.problems() == []
