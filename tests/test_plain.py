"""Plain mode: line-by-line play through a pipe, colour rules, and no Textual at start-up."""

from __future__ import annotations

import dataclasses
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.bank.load import load_bank
from quiz.bank.model import Bank, Evidence, Question, Source
from quiz.play import scoring
from quiz.play.engine import Engine, Mode, Settings
from quiz.play.plain import PlainGame, colour_allowed, run_plain
from quiz.play.session import MemoryRecorder, PlaySession
from quiz.play.setup import PlayRequest
from tests.conftest import ROOT, SEED_BANK


def typed_answer(engine: Engine, q: Question) -> str:
    """What a player types for the right answer to ``q`` in plain mode."""
    opts = engine.options(q)
    if q.type == "choice":
        return str(opts.index(q.answer) + 1)
    if q.type == "multi":
        return " ".join(str(opts.index(a) + 1) for a in q.answer)
    if q.type == "order":
        return " ".join(str(opts.index(item) + 1) for item in q.items)
    if q.type == "truefalse":
        return "t" if q.answer else "f"
    return str(q.answer)


def typed_wrong(engine: Engine, q: Question) -> str:
    opts = engine.options(q)
    if q.type == "choice":
        return str(next(i for i, o in enumerate(opts, 1) if o != q.answer))
    if q.type == "multi":
        return str(next(i for i, o in enumerate(opts, 1) if o not in q.answer))
    if q.type == "order":
        return " ".join(str(i) for i in range(1, len(opts) + 1))  # never the right order
    if q.type == "truefalse":
        return "f" if q.answer else "t"
    return "999999"


def args_for(**kw) -> PlayRequest:
    return PlayRequest(**{"seed": 1, "in_order": True, "plain": True, **kw})


def run_quiz(*argv: str, stdin: str = "", env: dict[str, str] | None = None,
             wrapper: bool = False) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("NO_COLOR", None)
    full_env.update(env or {})
    if wrapper:
        # Run the CLI, then report which Textual modules got imported.
        code = (
            "import sys\nfrom quiz.cli.main import main\n"
            "try:\n    rc = main(sys.argv[1:])\nexcept SystemExit as e:\n    rc = e.code\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich') "
            "or m.startswith('quiz.tui'))\n"
            "sys.stderr.write('IMPORTED:' + ','.join(bad) + '\\n')\n"
            "sys.exit(rc or 0)\n"
        )
        cmd = [sys.executable, "-c", code, *argv]
    else:
        cmd = [sys.executable, "-m", "quiz", *argv]
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True, cwd=ROOT,
                          env=full_env, timeout=60)


@pytest.fixture(scope="module")
def seed_bank() -> Bank:
    return load_bank(SEED_BANK, use_cache=False)


# -- through a pipe, in a subprocess --------------------------------------------


def test_plain_pipe_all_right_scores_full_marks(seed_bank: Bank) -> None:
    qs = seed_bank.playable()
    engine = Engine(qs, Settings(seed=1, shuffle=False))
    # Each answer is followed by Enter to leave the feedback.
    script = "".join(f"{typed_answer(engine, q)}\n\n" for q in engine.questions)
    proc = run_quiz("play", str(SEED_BANK), "--plain", "--seed", "1", "--in-order",
                    stdin=script)
    out = proc.stdout
    assert proc.returncode == 0, proc.stderr
    total = sum(scoring.base_points(q.difficulty) for q in qs)
    assert f"Score: {total}/{total}\n" in out
    assert f"Right: {len(qs)} of {len(qs)} (100%)" in out
    assert out.count("Right!") == len(qs)
    assert f"Question 1 of {len(qs)}" in out and f"Question {len(qs)} of {len(qs)}" in out
    assert qs[0].prompt in out  # --in-order: the bank's first question comes first
    assert "Not reached" not in out and "Missed:" not in out
    assert "\x1b" not in out  # no colour into a pipe


def test_plain_pipe_hint_skip_wrong_why_then_end_of_input(seed_bank: Bank) -> None:
    engine = Engine(seed_bank.playable(), Settings(seed=1, shuffle=False))
    q1, q2, q3 = engine.questions[:3]
    tries3 = 1 if q3.type == "truefalse" else 2
    script = (
        f"h\n{typed_answer(engine, q1)}\n\n"  # one hint, then right
        "s\nw\n\n"  # skip, look at the passage, go on
        + f"{typed_wrong(engine, q3)}\n" * tries3  # wrong to the end
        # then input ends in the middle of question 4
    )
    proc = run_quiz("play", str(SEED_BANK), "--plain", "--seed", "1", "--in-order",
                    stdin=script)
    out = proc.stdout
    assert proc.returncode == 0, proc.stderr
    base1 = scoring.base_points(q1.difficulty)
    after_hint = scoring.available(base1, 1, len(q1.hints) + 1, 0)
    # The cost was shown before the hint was taken.
    assert f"the question would then be worth {after_hint} points" in out
    assert f"Hint 1 of {len(q1.hints) + 1}" in out and q1.hints[0] in out
    assert f"+{after_hint} points" in out
    assert "Skipped. 0 points." in out
    assert f">>> {' '.join(q2.evidence[0].quote.split())}" in " ".join(out.split())
    max_score = sum(scoring.base_points(q.difficulty) for q in (q1, q2, q3))
    assert f"Score: {after_hint}/{max_score}\n" in out
    assert "Right: 1 of 3 (33%)" in out
    assert f"Not reached: {len(engine.questions) - 3} of {len(engine.questions)}" in out
    missed = out.split("Missed:")[1]
    assert q2.prompt in missed and q3.prompt in missed and q1.prompt not in missed


def test_quiz_play_reports_a_bad_bank_like_a_compiler(tmp_path: Path) -> None:
    bad = tmp_path / "broken"
    bad.mkdir()
    (bad / "bank.yaml").write_text("format: 1\nid: broken\ntitle: x\nquestions: []\n"
                                   "oops: 1\n", encoding="utf-8")
    proc = run_quiz("play", str(bad), "--plain")
    assert proc.returncode == 1
    assert f"{bad / 'bank.yaml'}:5:1: error:" in proc.stderr
    unknown = run_quiz("play", "no-such-bank", "--plain")
    assert unknown.returncode == 1
    assert "inter-korean-liaison-office" in unknown.stderr  # the known ids are listed


@pytest.mark.parametrize("argv", [
    ("--help",),
    ("validate", "questions/"),
    ("play", "inter-korean-liaison-office", "--plain", "--seed", "3"),
])
def test_start_up_paths_never_import_textual(argv: tuple[str, ...]) -> None:
    proc = run_quiz(*argv, stdin="h\ns\n\nq\n", wrapper=True)
    assert proc.returncode == 0, proc.stderr
    imported = proc.stderr.rsplit("IMPORTED:", 1)[1].strip()
    assert imported == ""
    if argv[0] == "play":
        assert "Results" in proc.stdout and "Right: 0 of 1" in proc.stdout


# -- in process --------------------------------------------------------------


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_for_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert colour_allowed(FakeTTY())
    assert not colour_allowed(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not colour_allowed(FakeTTY())
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert not colour_allowed(FakeTTY())


def play_in_process(bank: Bank, script: str, *, mode: str | None = None,
                    tty: bool = False, recorder=None) -> str:
    out = FakeTTY() if tty else io.StringIO()
    run_plain(args_for(mode=mode), bank, recorder=recorder, stdin=io.StringIO(script),
              stdout=out)
    return out.getvalue()


def test_colour_marks_the_passage_in_bold(seed_bank: Bank,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    out = play_in_process(seed_bank, "s\nw\n", tty=True)
    assert "\x1b[1m" in out and ">>>" not in out
    monkeypatch.setenv("NO_COLOR", "1")
    out = play_in_process(seed_bank, "s\nw\n", tty=True)
    assert "\x1b" not in out and ">>>" in out


def test_test_mode_keeps_verdicts_for_the_results(seed_bank: Bank) -> None:
    engine = Engine(seed_bank.playable(), Settings(mode=Mode.TEST, seed=1, shuffle=False))
    first, second = engine.questions[:2]
    script = f"{typed_answer(engine, first)}\nh\n{typed_wrong(engine, second)}\nq\n"
    rec = MemoryRecorder()
    out = play_in_process(seed_bank, script, mode="test", recorder=rec)
    body, results = out.split("\nResults so far\n")  # quit at question 3
    assert body.count("Answer recorded.") == 2
    assert "Right!" not in body and "Wrong" not in body and "The answer:" not in body
    assert "No hints in this mode." in body
    assert f"Question 2 of {len(engine.questions)}" in body and second.prompt in body
    assert f"Question 3 of {len(engine.questions)}" in body  # reached, then q
    assert "Right: 1 of 2 (50%)" in results
    assert [a.correct for a in rec.attempts] == [True, False]
    assert len(rec.finished) == 1


def test_practice_retry_message_and_input_errors(seed_bank: Bank) -> None:
    engine = Engine(seed_bank.playable(), Settings(seed=1, shuffle=False))
    q = next(q for q in engine.questions if q.type == "choice")
    before = "s\n\n" * engine.questions.index(q)
    n = len(engine.options(q))
    script = before + f"{n + 1}\n1 2\n?\n{typed_wrong(engine, q)}\n{typed_answer(engine, q)}\n"
    out = play_in_process(seed_bank, script)
    assert out.count(f"Pick one number from 1 to {n}.") == 2
    assert "Commands: h hint" in out  # the help
    retry = scoring.available(scoring.base_points(q.difficulty), 0, 1, 1)
    assert f"Not quite. 1 more try; a right answer now earns {retry} points." in out
    assert f"Right! +{retry} points." in out


def test_order_and_multi_take_numbers() -> None:
    qs = [
        Question("o", "order", "Order these.", ["a", "b", "c"], [Evidence("x")]),
        Question("m", "multi", "Pick two.", ["p", "r"], [Evidence("x")],
                 choices=["p", "q", "r"]),
    ]
    bank = Bank("t", "T", Source("article.txt", "T"), qs, Path("bank.yaml"))
    engine = Engine(qs, Settings(seed=1, shuffle=False))
    script = (f"1 1 2\n1\n{typed_answer(engine, qs[0])}\n\n"
              f"9\n{typed_answer(engine, qs[1]).replace(' ', ',')}\n\n")
    out = play_in_process(bank, script)
    assert "Type numbers from 1 to 3, each once, e.g. 3 1 2." in out
    assert "Put all 3 items in order, e.g. 3 2 1." in out
    assert "Type numbers from 1 to 3, each once, e.g. 1 3." in out
    assert "Right: 2 of 2 (100%)" in out


def test_hostile_bank_text_is_printed_without_control_sequences() -> None:
    evil = "Which \x1b[2J\x1b]0;pwned\x07one\u202e? [bold]x[/]\r"
    qs = [Question("h", "choice", evil, "B\x1b[31m", [Evidence("x")],
                   choices=["A\x9b2J", "B\x1b[31m"], explanation="\x1b[5mblink")]
    bank = Bank("t", "Bank \x1b[1m", Source("article.txt", "T"), qs, Path("bank.yaml"))
    out = play_in_process(bank, "1\n\n")
    assert "\x1b" not in out and "\x9b" not in out and "\u202e" not in out
    assert "\r" not in out
    assert "Which one? [bold]x[/]" in out  # brackets are text, shown as they are


def test_session_goes_through_the_recorder(seed_bank: Bank) -> None:
    rec = MemoryRecorder()
    engine = Engine(seed_bank.playable(), Settings(seed=1, shuffle=False))
    q = engine.questions[0]
    play_in_process(seed_bank, f"{typed_answer(engine, q)}\n\nq\n", recorder=rec)
    assert [(a.question_id, a.correct, a.final) for a in rec.attempts] == [(q.id, True, True)]
    assert rec.finished[0].score == scoring.base_points(q.difficulty)


def test_time_limit_in_plain_mode(seed_bank: Bank) -> None:
    ticks = iter([0.0, 12.0])
    qs = seed_bank.playable()
    session = PlaySession.from_bank(seed_bank, Settings(seed=1, shuffle=False, time_limit=10))
    out = io.StringIO()
    engine = session.engine
    game = PlainGame(session, seed_bank, io.StringIO(typed_answer(engine, qs[0]) + "\n"),
                     out, clock=lambda: next(ticks))
    results = game.play()
    assert "Time limit: 10 seconds per question." in out.getvalue()
    assert "Out of time. 0 points." in out.getvalue()
    assert results.records[0].status == "timeout"


class InterruptAfter(io.StringIO):
    """Input that is interrupted (Ctrl-C) once its lines run out."""

    def readline(self, *args: object) -> str:
        line = super().readline()
        if not line:
            raise KeyboardInterrupt
        return line


def test_ctrl_c_prints_results_and_exits_130(seed_bank: Bank) -> None:
    engine = Engine(seed_bank.playable(), Settings(seed=1, shuffle=False))
    q = engine.questions[0]
    rec = MemoryRecorder()
    out = io.StringIO()
    rc = run_plain(args_for(), seed_bank, recorder=rec,
                   stdin=InterruptAfter(f"{typed_answer(engine, q)}\n"), stdout=out)
    assert rc == 130
    assert "Right: 1 of 1 (100%)" in out.getvalue()
    assert len(rec.attempts) == 1 and len(rec.finished) == 1


def test_truefalse_takes_the_listed_numbers() -> None:
    qs = [Question(f"tf{i}", "truefalse", f"Statement {i}.", ans, [Evidence("x")])
          for i, ans in enumerate((True, False, True))]
    bank = Bank("t", "T", Source("article.txt", "T"), qs, Path("bank.yaml"))
    out = play_in_process(bank, "1\n\n2\n\n3\nt\n\n")
    assert "  1. True\n  2. False" in out
    assert "Type t (true) or f (false), or 1 or 2." in out  # 3 is not an option
    assert "Right: 3 of 3 (100%)" in out


# -- resume, quitting, infobox passages and multi answers (issue: playing, polished) -----


class _Pipe(io.StringIO):
    """Piped input: not a terminal."""

    def isatty(self) -> bool:
        return False


def _half_answered(store, bank: Bank) -> str:
    """Leave an unfinished session whose first question has a hint and a wrong try."""
    recorder = store.recorder("ann", bank_path=str(bank.path))
    s = PlaySession.from_bank(bank, Settings(seed=1, shuffle=False), recorder, profile="ann")
    q = s.current
    assert q is not None
    s.hint()
    s.answer(typed_wrong(s.engine, q) if q.type in ("text", "number") else
             _wrong_value(s, q))
    assert s.state.name == "ASKING" and s.hints_used == 1
    recorder.close()  # the game was left (its process gone): the session can be resumed
    return q.hints[0]


def _wrong_value(s: PlaySession, q: Question):
    opts = s.options(q)
    if q.type == "choice":
        return next(o for o in opts if o != q.answer)
    if q.type == "multi":
        return [next(o for o in opts if o not in q.answer)]
    if q.type == "order":
        return list(opts) if list(opts) != list(q.items) else list(reversed(opts))
    return "zzz"


def test_piped_input_is_never_read_as_the_resume_answer(seed_bank: Bank, store) -> None:
    _half_answered(store, seed_bank)
    before = [r.id for r in store.unfinished_sessions("ann", seed_bank.id)]
    out, err = io.StringIO(), io.StringIO()
    old_err, sys.stderr = sys.stderr, err
    try:
        rc = run_plain(args_for(profile="ann"), seed_bank, stdin=_Pipe("1\n2\n"),
                       stdout=out, store=store)
    finally:
        sys.stderr = old_err
    assert rc != 0
    assert "--resume" in err.getvalue() and "--new" in err.getvalue()
    assert "Resume it?" not in out.getvalue()
    # Nothing was set aside, and no question was asked.
    assert [r.id for r in store.unfinished_sessions("ann", seed_bank.id)] == before
    assert "Question" not in out.getvalue()


def test_resume_in_plain_mode_shows_the_hints_taken_and_the_tries_used(
        seed_bank: Bank, store) -> None:
    hint = _half_answered(store, seed_bank)
    out = io.StringIO()
    rc = run_plain(args_for(profile="ann", resume=True), seed_bank, stdin=_Pipe("q\n"),
                   stdout=out, store=store)
    assert rc == 0
    text = out.getvalue()
    assert hint in text and "taken before" in text
    assert "Tried before: 1 wrong" in text
    # The header gives what the question is still worth, not its full points.
    q = seed_bank.playable()[0]
    full = scoring.base_points(q.difficulty)
    header = next(line for line in text.splitlines() if line.startswith("Question 1 of"))
    assert f"· {full} points" not in header


def test_quitting_before_any_answer_says_so_instead_of_a_zero_score(seed_bank: Bank) -> None:
    out = io.StringIO()
    session = PlaySession.from_bank(seed_bank, Settings(seed=1))
    PlainGame(session, seed_bank, _Pipe("q\n"), out, colour=False).play()
    text = out.getvalue()
    assert "Score: 0/0" not in text
    assert "Results so far" in text and "No question answered yet" in text


def test_infobox_passages_read_keys_as_labels(seed_bank: Bank) -> None:
    q = seed_bank.question("chief-north-name")
    assert q is not None and any("Chief1" in e.quote for e in q.evidence)
    game = PlainGame(PlaySession.from_bank(seed_bank, Settings(seed=1)), seed_bank,
                     _Pipe(""), io.StringIO(), colour=False)
    text = "\n".join(game._passages(list(q.evidence)))
    assert "Chief1" not in text
    assert "North Korea Representative" in text and "Jon Jong-su" in text


def test_missed_multi_answers_are_listed_one_per_line(seed_bank: Bank) -> None:
    q = next(q for q in seed_bank.playable() if q.type == "multi"
             and any(any(c in o for c in ",.") for o in q.answer))
    bank = dataclasses.replace(seed_bank, questions=[q])
    session = PlaySession.from_bank(bank, Settings(mode=Mode.TEST, seed=1))
    wrong = [o for o in session.options(q) if o not in q.answer][:1] + list(q.answer[:1])
    session.answer(wrong)
    out = io.StringIO()
    game = PlainGame(session, bank, _Pipe(""), out, colour=False)
    game.print_results(session.finish())
    lines = out.getvalue().splitlines()
    for option in q.answer:
        assert f"      * {option}" in lines
    assert ", ".join(q.answer) not in out.getvalue()
@pytest.mark.parametrize("mode", [Mode.PRACTICE, Mode.TEST])
def test_plain_says_no_number_was_read_and_keeps_the_try(seed_bank: Bank, mode: Mode) -> None:
    number = next(q for q in seed_bank.playable() if q.type == "number")
    session = PlaySession.from_bank(seed_bank, Settings(mode=mode, seed=1, shuffle=False),
                                    questions=[number])
    out = io.StringIO()
    engine = session.engine
    game = PlainGame(session, seed_bank,
                     io.StringIO(f"lots\n{typed_answer(engine, number)}\n\n"), out)
    results = game.play()
    text = out.getvalue()
    assert "I read that as no number" in text and "Not quite." not in text
    # The try was kept: the number typed next is a first try and earns full marks.
    assert results.records[0].tries == 1
    assert results.score == scoring.base_points(number.difficulty)
