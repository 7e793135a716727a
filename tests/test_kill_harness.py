"""The kill harness, short: SIGKILL plain mode ~20 times; nothing acknowledged may be lost."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from tests.conftest import ROOT

HARNESS = ROOT / "benchmarks" / "kill_harness.py"


def _harness():
    spec = importlib.util.spec_from_file_location("kill_harness", HARNESS)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["kill_harness"] = module
    spec.loader.exec_module(module)
    return module


def test_twenty_kills_lose_no_acknowledged_answer(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(HARNESS), "--kills", "20", "--seed", "7", "--json",
         "--home", str(tmp_path)],
        capture_output=True, text=True, timeout=600, cwd=ROOT)
    report = json.loads(out.stdout)
    assert out.returncode == 0, report["problems"]
    assert report["ok"] is True
    assert report["kills"] == 20
    assert report["lost"] == 0 and report["corrupt"] == 0
    assert report["resume_mismatches"] == 0
    assert report["acknowledged"] > 20  # it really played between the kills
    assert report["answers_in_db"] >= report["acknowledged"]
    assert report["resumes"] > 0  # and really resumed killed sessions


def test_the_checker_notices_a_lost_answer_and_a_wrong_resume(tmp_path: Path) -> None:
    kh = _harness()
    from quiz.play.session import SessionInfo
    from quiz.store.progress import Store
    from tests.test_store import _attempt

    db = tmp_path / "progress.db"
    with Store.open(db, backup=False) as s:
        rec = s.recorder("x")
        rec.session_started(SessionInfo("b", "B", "practice", "x", 1, ()))
        rec.save([_attempt(1, "q1", correct=True)])
        rec.close()
    report = kh.Report()
    kh._verify(db, Counter({("q1", True): 1}), report)
    assert report.lost == 0 and report.corrupt == 0
    kh._verify(db, Counter({("q1", True): 1, ("q2", False): 1}), report)
    assert report.lost == 1 and not report.ok

    report = kh.Report()
    kh._check_resume(["Resuming x's session: question 3 of 9, score so far 100."],
                     (2, 100, "paused"), report)
    assert report.resume_mismatches == 0 and report.resumes == 1
    kh._check_resume(["Resuming x's session: question 3 of 9, score so far 90."],
                     (2, 100, "paused"), report)
    assert report.resume_mismatches == 1 and not report.ok
