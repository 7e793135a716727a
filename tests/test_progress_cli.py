"""``quiz stats`` and ``quiz progress export``."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.bank.load import load_bank
from quiz.cli.main import main
from quiz.play.engine import Settings
from quiz.play.session import PlaySession
from quiz.store.progress import Store
from tests.conftest import ROOT, SEED_BANK


def _played(profile: str = "ada", answers=(True, False, True), typed: str | None = None) -> None:
    """A finished-early practice session on the seed bank, kept in the store."""
    bank = load_bank(SEED_BANK / "bank.yaml")
    with Store.open() as store:
        store.set_default_profile(profile)
        s = PlaySession.from_bank(bank, Settings(shuffle=False, max_tries=1),
                                  store.recorder(profile, bank_path=bank.path), profile=profile)
        for ok in answers:
            q = s.current
            if ok:
                s.answer(q.items if q.type == "order" else q.answer)
            elif typed is not None and q.type == "text":
                s.answer(typed)
            else:
                s.skip()
            s.advance()
        s.finish()


def test_stats_without_progress_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats"]) == 0
    assert "No progress yet" in capsys.readouterr().out


def test_stats_text_shows_accuracy_bars_and_sessions(capsys: pytest.CaptureFixture[str]) -> None:
    _played()
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert "Progress of ada" in out
    assert "Answered 3 · right 2 (67%) · 1 day in a row" in out
    assert "Inter-Korean Liaison Office (inter-korean-liaison-office)" in out
    assert "67% right over 3 answers · 3 of 51 questions seen" in out
    assert "Mastery by section:" in out and "█" in out
    assert "1 due for review today" in out  # the skipped one
    assert "practice  3/51 answered" in out and "unfinished" in out


def test_stats_json(capsys: pytest.CaptureFixture[str]) -> None:
    _played()
    assert main(["stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["profile"] == "ada" and data["answered"] == 3 and data["correct"] == 2
    (bank,) = data["banks"]
    assert bank["id"] == "inter-korean-liaison-office" and bank["questions_total"] == 51
    assert sum(s["total"] for s in bank["sections"]) == 51
    assert sum(s["mastered"] for s in bank["sections"]) == 2
    assert data["streak_days"] == 1 and data["due_today"] == 1
    assert data["recent_sessions"][0]["answered"] == 3


def test_stats_for_another_profile_and_an_unknown_one(capsys: pytest.CaptureFixture[str]) -> None:
    _played("ada")
    _played("grace", answers=(True,))
    assert main(["stats", "--json", "--profile", "ada"]) == 0
    assert json.loads(capsys.readouterr().out)["answered"] == 3
    assert main(["stats", "--json"]) == 0  # the remembered profile: the last one used
    assert json.loads(capsys.readouterr().out)["profile"] == "grace"
    assert main(["stats", "--profile", "nobody"]) == 1
    err = capsys.readouterr().err
    assert "no profile named 'nobody'" in err and "ada, grace" in err


def test_export_csv_to_stdout_and_to_a_file(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    _played("ada", answers=(True, False), typed="=HYPERLINK(\"http://x\")")
    _played("grace", answers=(True,))
    assert main(["progress", "export", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["profile"] for r in rows] == ["ada", "ada", "grace"]
    assert rows[0]["bank"] == "inter-korean-liaison-office" and rows[0]["correct"] == "1"
    assert rows[1]["correct"] == "0"

    out = tmp_path / "class.csv"
    assert main(["progress", "export", "--csv", "--profile", "grace", "-o", str(out)]) == 0
    assert "1 answers written" in capsys.readouterr().err
    with out.open(newline="", encoding="utf-8") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["profile"] == "grace" and row["mode"] == "practice"


def test_export_defuses_spreadsheet_formulas(capsys: pytest.CaptureFixture[str]) -> None:
    bank = load_bank(SEED_BANK / "bank.yaml")
    q = next(q for q in bank.playable() if q.type == "text")
    with Store.open() as store:
        s = PlaySession.from_bank(bank, Settings(max_tries=1), store.recorder("=cmd|x"),
                                  profile="=cmd|x", questions=[q])
        s.answer('=HYPERLINK("http://evil")')
        s.finish()
    assert main(["progress", "export", "--csv"]) == 0
    (row,) = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["profile"] == "'=cmd|x"
    assert row["given"] == "'=HYPERLINK(\"http://evil\")"


def test_export_needs_a_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["progress", "export"])
    assert exc.value.code == 2
    assert "--csv" in capsys.readouterr().err


def test_stats_prints_store_notices_to_stderr(quiz_home: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    db = quiz_home / "data" / "progress.db"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"garbage" * 1000)
    assert main(["stats"]) == 0
    captured = capsys.readouterr()
    assert "could not be read" in captured.err and "No progress yet" in captured.out


def test_the_command_module_imports_only_the_standard_library() -> None:
    code = ("import sys; import quiz.cli.progress; "
            "print(sorted(m for m in sys.modules if m.startswith('quiz')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.strip() == "['quiz', 'quiz.cli', 'quiz.cli.progress']"
