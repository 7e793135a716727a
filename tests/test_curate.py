"""Curation without a screen: status changes, edits checked like the loader, safe saves."""

from __future__ import annotations

import difflib
import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quiz import paths
from quiz.bank import curation as cur
from quiz.bank.curation import (
    GENERAL,
    Curation,
    SaveConflict,
    SaveError,
    form_fields,
    form_values,
    question_from_form,
)
from quiz.bank.dump import question_to_dict
from quiz.bank.load import load_bank
from quiz.cli.main import main
from tests.conftest import ROOT, SEED_BANK

ARTICLE = SEED_BANK / "article.txt"
GOOD_BANKS = ROOT / "tests" / "good_banks"

# A small generated-looking bank: drafts, one approved, one rejected, comments
# the author wrote, and a question that leaves `status` to its default.
DRAFT_BANK = """\
# Drafts from the generator, to be curated.
format: 1
id: liaison-drafts
title: Liaison office drafts
source:
  file: article.txt
  title: Inter-Korean Liaison Office
  license: CC BY-SA 4.0
questions:
  - id: demolition-date
    type: text
    prompt: On what date was the liaison office building demolished?
    answer: 16 June 2020
    evidence:
      - quote: "On 16 June 2020 at 2:50 pm, the four-story building was demolished by North Korea."
    origin: generated:dates
    status: draft

  - id: north-representative
    type: choice
    prompt: Who headed the office for North Korea?
    choices: [Jon Jong-su, Chun Hae-sung, Kim Yo-jong, Roh Tae-kang]
    answer: Jon Jong-su
    evidence:
      - quote: It was headed by North Korean Representative Jon Jong-su
    origin: generated:people
    status: draft   # the generator's guess

  # Checked by hand already.
  - id: destroyed-in-2018
    type: truefalse
    prompt: The office building was destroyed in 2018.
    answer: false
    evidence:
      - quote: The four-story office building was demolished by North Korea on 16 June 2020.

  - id: storeys
    type: number
    prompt: How many storeys did the office building have?
    answer: 4
    accept: [four]
    evidence:
      - quote: The four-story office building
    origin: generated:numbers
    status: draft

  - id: closure-date
    type: text
    prompt: When was the office closed because of COVID-19?
    answer: 30 January 2020
    evidence:
      - quote: the office was closed on 30 January 2020
    origin: generated:dates
    status: rejected

  - id: co-heads
    type: multi
    prompt: Which two men were co-heads of the office?
    choices: [Chun Hae-sung, Jon Jong-su, Won Kil-u, Roh Tae-kang]
    answer: [Chun Hae-sung, Jon Jong-su]
    evidence:
      - quote: between South Korean Vice Unification Minister Chun Hae-sung
      - quote: Both men were co-heads of the office
    hints:
      - One of them was South Korean.
    origin: generated:people
    status: draft
"""
IDS = ["demolition-date", "north-representative", "destroyed-in-2018", "storeys",
       "closure-date", "co-heads"]


def write_draft_bank(folder: Path, text: str = DRAFT_BANK) -> Path:
    """A draft bank beside a copy of the seed article; returns its bank.yaml."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ARTICLE, folder / "article.txt")
    path = folder / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def bank_path(tmp_path: Path) -> Path:
    return write_draft_bank(tmp_path / "drafts")


def edited(c: Curation, qid: str, **fields: str):
    """Question ``qid`` with form fields changed, as the form would build it."""
    q = c.question(qid)
    new, errors = question_from_form(q, {**form_values(q), **fields})
    return new, errors


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    a, b = before.splitlines(), after.splitlines()
    assert len(a) == len(b), "line count changed"
    return [(x, y) for x, y in zip(a, b, strict=True) if x != y]


# --------------------------------------------------------------------------- statuses


def test_status_changes_and_counts(bank_path: Path) -> None:
    c = Curation.open(bank_path)
    assert c.counts() == {"approved": 1, "draft": 4, "rejected": 1}
    assert c.approve("demolition-date")
    assert not c.approve("demolition-date")  # already approved: no change, no undo step
    assert c.reject("storeys")
    assert c.to_draft("destroyed-in-2018")
    assert c.counts() == {"approved": 1, "draft": 3, "rejected": 2}
    assert c.changed_ids() == ["demolition-date", "destroyed-in-2018", "storeys"]
    assert [q.id for q in c.bank.questions] == IDS  # nothing moves
    with pytest.raises(ValueError):
        c.set_status("storeys", "maybe")
    with pytest.raises(KeyError):
        c.approve("no-such-question")


def test_undo_takes_back_changes_in_reverse(bank_path: Path) -> None:
    c = Curation.open(bank_path)
    c.approve("demolition-date")
    new, _ = edited(c, "storeys", prompt="How many floors did it have above ground?")
    assert c.update(new)
    assert c.undo() == "storeys"
    assert c.question("storeys").prompt == "How many storeys did the office building have?"
    assert c.undo() == "demolition-date"
    assert c.question("demolition-date").status == "draft"
    assert c.undo() is None
    assert not c.dirty


# --------------------------------------------------------------------------- the form


@pytest.mark.parametrize("qid", ["demolition-date", "north-representative", "co-heads",
                                 "destroyed-in-2018", "floor-area", "storeys", "timeline"])
def test_untouched_form_gives_back_the_same_question(qid: str) -> None:
    bank = load_bank(GOOD_BANKS / "all-types.yaml")
    q = bank.question(qid)
    assert q is not None
    new, errors = question_from_form(q, form_values(q))
    assert errors == {}
    assert question_to_dict(new) == question_to_dict(q)


def test_fields_left_alone_keep_their_exact_text(tmp_path: Path) -> None:
    odd = DRAFT_BANK.replace(
        "prompt: Who headed the office for North Korea?",
        'prompt: "Who  headed the office for North Korea? "\n    hints: [" two  spaces "]')
    c = Curation.open(write_draft_bank(tmp_path / "odd", odd))
    q = c.question("north-representative")
    new, errors = edited(c, "north-representative", answer="Jon Jong-su")  # unchanged
    assert errors == {} and question_to_dict(new) == question_to_dict(q)
    assert not c.update(new)
    new, _ = edited(c, "north-representative", explanation=" Said so in the lead. ")
    assert new.explanation == "Said so in the lead."
    assert new.prompt == q.prompt and new.hints == [" two  spaces "]


def test_form_fields_follow_the_type() -> None:
    assert form_fields("choice") == ("prompt", "choices", "answer", "hints", "explanation")
    assert form_fields("text") == ("prompt", "answer", "accept", "hints", "explanation")
    assert "choices" not in form_fields("order")


def test_form_reads_lists_numbers_and_booleans(bank_path: Path) -> None:
    c = Curation.open(bank_path)
    new, errors = edited(c, "co-heads", answer="Jon Jong-su\n\n  Chun Hae-sung \n",
                         hints="first\n\nsecond\n")
    assert errors == {}
    assert new.answer == ["Jon Jong-su", "Chun Hae-sung"]
    assert new.hints == ["first", "second"]
    new, errors = edited(c, "storeys", answer="four")
    assert new.answer == 4 and isinstance(new.answer, int)
    new, errors = edited(c, "storeys", answer="lots")
    assert "answer" in errors
    new, errors = edited(c, "destroyed-in-2018", answer="True")
    assert new.answer is True and errors == {}
    new, errors = edited(c, "destroyed-in-2018", answer="no")  # only true/false, like the loader
    assert "answer" in errors


# --------------------------------------------------------------------------- checking


def test_check_accepts_a_good_edit_and_resolves_its_evidence(bank_path: Path) -> None:
    c = Curation.open(bank_path)
    new, _ = edited(c, "demolition-date", prompt="When was the building blown up?",
                    accept="June 16 2020")
    check = c.check(new)
    assert check.ok, check.errors
    assert check.question is not None
    assert check.question.prompt == "When was the building blown up?"
    ev = check.question.evidence[0]
    assert ev.start >= 0 and ev.section_title == "Destruction of building"
    assert check.question.line == c.question("demolition-date").line


def test_check_catches_an_answer_the_evidence_does_not_hold(bank_path: Path) -> None:
    c = Curation.open(bank_path)
    new, _ = edited(c, "demolition-date", answer="17 June 2020")
    check = c.check(new)
    assert not check.ok
    assert list(check.errors) == ["answer"]
    assert "cannot be read in the evidence" in check.errors["answer"][0]


def test_check_puts_each_error_under_its_field(bank_path: Path) -> None:
    c = Curation.open(bank_path)
    new, _ = edited(c, "north-representative", prompt="  ", answer="Kim Jong-un",
                    choices="Jon Jong-su\njon jong-su!")
    errors = c.check(new).errors
    assert "empty" in errors["prompt"][0]
    assert any("not one of the `choices`" in m for m in errors["answer"])
    assert any("listed twice" in m for m in errors["choices"])
    assert GENERAL not in errors


def test_check_writes_nothing_into_the_bank_folder(bank_path: Path) -> None:
    before = sorted(os.listdir(bank_path.parent))
    c = Curation.open(bank_path)
    new, _ = edited(c, "storeys", answer="5", accept="")
    assert "answer" in c.check(new).errors
    assert sorted(os.listdir(bank_path.parent)) == before
    workdir = c._checker._dir  # the private folder the checks use
    assert workdir is not None and workdir.exists()
    c.close()
    assert not workdir.exists()


# --------------------------------------------------------------------------- saving


def test_approving_changes_one_line_and_keeps_comments(bank_path: Path) -> None:
    before = bank_path.read_text(encoding="utf-8")
    c = Curation.open(bank_path)
    c.approve("demolition-date")
    c.reject("north-representative")
    assert c.save()
    after = bank_path.read_text(encoding="utf-8")
    assert changed_lines(before, after) == [
        ("    status: draft", "    status: approved"),
        ("    status: draft   # the generator's guess",
         "    status: rejected   # the generator's guess"),
    ]
    assert c.last_save == "spliced"
    assert not c.dirty
    assert not c.save()  # nothing left to write


def test_status_is_added_where_the_file_left_it_out(bank_path: Path) -> None:
    before = bank_path.read_text(encoding="utf-8")
    c = Curation.open(bank_path)
    c.to_draft("destroyed-in-2018")  # the file relies on the default (approved)
    c.save()
    after = bank_path.read_text(encoding="utf-8")
    diff = [d for d in difflib.ndiff(before.splitlines(), after.splitlines()) if d[0] in "+-"]
    assert diff == ["+     status: draft"]
    reloaded = load_bank(bank_path, use_cache=False)
    assert reloaded.question("destroyed-in-2018").status == "draft"


def test_edit_round_trip_keeps_order_ids_and_other_questions_byte_for_byte(
        bank_path: Path) -> None:
    before = bank_path.read_text(encoding="utf-8")
    c = Curation.open(bank_path)
    new, _ = edited(c, "storeys", prompt="How many floors did the building have?",
                    hints="Count the floors above ground.\nIt is less than five.",
                    accept="four\nfour floors")
    check = c.check(new)
    assert check.ok, check.errors
    c.update(check.question)
    c.save()
    after = bank_path.read_text(encoding="utf-8")
    reloaded = load_bank(bank_path, use_cache=False)
    assert [q.id for q in reloaded.questions] == IDS
    q = reloaded.question("storeys")
    assert q.prompt == "How many floors did the building have?"
    assert q.hints == ["Count the floors above ground.", "It is less than five."]
    assert q.accept == ["four", "four floors"]
    original = load_bank(write_draft_bank(bank_path.parent.parent / "orig"), use_cache=False)
    for a, b in zip(original.questions, reloaded.questions, strict=True):
        if a.id != "storeys":
            assert question_to_dict(a) == question_to_dict(b)
    # Every line outside the edited question is the same text, in the same place.
    start = before.index("  - id: storeys")
    end = before.index("  - id: closure-date")
    assert after.startswith(before[:start])
    assert after.endswith(before[end:])
    assert "accept: [four, four floors]" in after  # a one-line list stays one line


def test_save_round_trips_every_question_type(tmp_path: Path) -> None:
    folder = tmp_path / "all"
    folder.mkdir()
    shutil.copyfile(GOOD_BANKS / "article.txt", folder / "article.txt")
    shutil.copyfile(GOOD_BANKS / "all-types.yaml", folder / "bank.yaml")
    c = Curation.open(folder)
    for q in list(c.bank.questions):
        new, errors = question_from_form(q, {**form_values(q), "hints": "A new hint.",
                                             "explanation": f"Edited: {q.id}."})
        check = c.check(new)
        assert check.ok and not errors, (q.id, check.errors, errors)
        c.update(check.question)
    c.save()
    assert c.last_save == "spliced"
    reloaded = load_bank(folder, use_cache=False)
    assert [question_to_dict(q) for q in reloaded.questions] == [
        question_to_dict(q) for q in c.bank.questions]
    assert all(q.hints == ["A new hint."] for q in reloaded.questions)
    text = (folder / "bank.yaml").read_text(encoding="utf-8")
    assert text.startswith("# A small bank that uses every question type")


def test_a_file_the_splicer_cannot_follow_is_rewritten_whole(tmp_path: Path) -> None:
    flow = DRAFT_BANK.split("questions:\n")[0] + (
        "questions: [{id: storeys, type: number, prompt: How many storeys?, answer: 4, "
        "evidence: [{quote: The four-story office building}], accept: [four], "
        "status: draft}]\n")
    path = write_draft_bank(tmp_path / "flow", flow)
    c = Curation.open(path)
    c.approve("storeys")
    c.save()
    assert c.last_save == "rewritten"
    assert load_bank(path, use_cache=False).question("storeys").status == "approved"


def test_crlf_line_ends_and_permissions_are_kept(tmp_path: Path) -> None:
    path = write_draft_bank(tmp_path / "crlf")
    path.write_bytes(DRAFT_BANK.replace("\n", "\r\n").encode())
    os.chmod(path, 0o644)
    c = Curation.open(path)
    c.approve("co-heads")
    new, _ = edited(c, "storeys", hints="One.\nTwo.")
    c.update(c.check(new).question)
    c.save()
    raw = path.read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert b"    status: approved\r\n" in raw
    assert b"      - Two.\r\n" in raw
    assert os.stat(path).st_mode & 0o777 == 0o644


def test_a_file_changed_on_disk_is_not_overwritten_unasked(bank_path: Path) -> None:
    c = Curation.open(bank_path)
    c.approve("demolition-date")
    theirs = bank_path.read_text(encoding="utf-8").replace("Liaison office drafts",
                                                           "Renamed elsewhere")
    bank_path.write_text(theirs, encoding="utf-8")
    with pytest.raises(SaveConflict):
        c.save()
    assert bank_path.read_text(encoding="utf-8") == theirs
    assert c.dirty
    c.save(force=True)
    assert load_bank(bank_path, use_cache=False).question("demolition-date").status == \
        "approved"


def test_a_failed_save_changes_nothing_and_keeps_the_edits(
        bank_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = bank_path.read_bytes()
    c = Curation.open(bank_path)
    c.approve("demolition-date")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(paths, "_create_temp", refuse)  # the folder refuses new files
    with pytest.raises(SaveError, match="Permission denied"):
        c.save()
    assert bank_path.read_bytes() == before
    assert c.dirty and c.question("demolition-date").status == "approved"
    monkeypatch.undo()
    assert c.save()  # once the folder is writable again, the edit is still there
    assert load_bank(bank_path, use_cache=False).question("demolition-date").status == \
        "approved"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root ignores folder permissions")
def test_read_only_folder(bank_path: Path) -> None:
    before = bank_path.read_bytes()
    c = Curation.open(bank_path)
    c.approve("demolition-date")
    os.chmod(bank_path.parent, 0o555)
    try:
        with pytest.raises(SaveError):
            c.save()
    finally:
        os.chmod(bank_path.parent, 0o755)
    assert bank_path.read_bytes() == before
    assert c.dirty


def test_a_save_that_would_not_read_back_is_refused(
        bank_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = bank_path.read_bytes()
    c = Curation.open(bank_path)
    c.approve("demolition-date")
    monkeypatch.setattr(cur, "check_bank", lambda path, use_cache=False: (None, []))
    with pytest.raises(SaveError, match="would not read back"):
        c.save()
    assert bank_path.read_bytes() == before
    assert sorted(p.name for p in bank_path.parent.iterdir()) == ["article.txt", "bank.yaml"]


# --------------------------------------------------------------------------- command line


def test_curate_reports_a_broken_bank_like_validate(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture) -> None:
    path = write_draft_bank(tmp_path / "bad", DRAFT_BANK.replace("answer: 16 June 2020",
                                                                 "answer: 17 June 2020"))
    assert main(["curate", str(path.parent)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:" in err and "demolition-date" in err and "cannot be read" in err


def test_curate_names_a_missing_bank(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["curate", str(tmp_path / "nowhere")]) == 1
    assert "quiz curate: error:" in capsys.readouterr().err


def test_curate_needs_a_terminal(bank_path: Path, capsys: pytest.CaptureFixture) -> None:
    # Under pytest stdin is not a terminal: a clear message, not a garbled screen.
    assert main(["curate", str(bank_path)]) == 1
    assert "interactive terminal" in capsys.readouterr().err


def test_curate_help_and_no_textual_at_start() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from quiz.cli.main import build_parser\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):\n"
        "    build_parser().parse_args(['curate', '--help'])\n"
        "assert '--include-rejected' in out.getvalue(), out.getvalue()\n"
        "assert not [m for m in sys.modules if m.startswith(('textual', 'quiz.bank.curation'))]\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr


def test_curation_core_does_not_import_textual() -> None:
    code = "import sys, quiz.bank.curation; assert 'textual' not in sys.modules"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
