"""`quiz rebase` on a revised seed article: moved, reworded, changed and deleted passages."""

from __future__ import annotations

import io
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.bank.anchorcmd import RebaseRequest, run_rebase
from quiz.bank.load import check_bank, load_bank
from quiz.cli.main import main
from tests.conftest import SEED_BANK

REVISED = Path(__file__).parent / "rebase" / "inter-korean-liaison-office-revised.txt"
MOVED = {"vacant-before-demolition"}  # its paragraph moved from the lead to "Destruction"
REWORDED = {"first-meeting-date", "first-meeting-topic", "demolition-date", "demolition-time",
            "timeline-2020", "timeline-building"}
CHANGED = {"renovation-cost", "renovation-vs-construction"}  # 9.7 billion became 9.9
GONE = {"water-plant", "timeline-2018"}  # the water treatment plant sentence was deleted


def copy_seed(tmp_path: Path) -> Path:
    dest = tmp_path / "bank"
    shutil.copytree(SEED_BANK, dest)
    return dest


def blocks(text: str) -> dict[str, str]:
    """Each question's lines in the bank file, by id."""
    out: dict[str, str] = {}
    for chunk in text.split("\n  - id: ")[1:]:
        qid = chunk.split("\n", 1)[0].strip()
        out[qid] = chunk.split("\n\n  #")[0]
    return out


def rebase(bank: Path, article: Path, *, write: bool) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_rebase(RebaseRequest(bank, article, write), out, err)
    return code, out.getvalue(), err.getvalue()


def test_the_dry_run_prints_the_plan_and_writes_nothing(tmp_path: Path) -> None:
    bank = copy_seed(tmp_path)
    before = (bank / "bank.yaml").read_bytes(), (bank / "article.txt").read_bytes()
    code, out, _ = rebase(bank, REVISED, write=False)
    assert code == 0
    assert "1 moved, 6 reworded, 2 changed, 2 gone" in out
    assert "Dry run" in out
    assert ((bank / "bank.yaml").read_bytes(), (bank / "article.txt").read_bytes()) == before


def test_rebase_keeps_the_unaffected_and_flags_the_changed_and_the_gone(tmp_path: Path) -> None:
    bank = copy_seed(tmp_path)
    old_text = (bank / "bank.yaml").read_text(encoding="utf-8")
    old = load_bank(bank, use_cache=False)
    code, out, err = rebase(bank, REVISED, write=True)
    assert code == 0, err
    assert (bank / "article.txt").read_bytes() == REVISED.read_bytes()
    new = load_bank(bank, use_cache=False)  # validates
    new_text = (bank / "bank.yaml").read_text(encoding="utf-8")
    old_blocks, new_blocks = blocks(old_text), blocks(new_text)
    touched = MOVED | REWORDED | CHANGED | GONE
    for q in old.questions:
        if q.id not in touched:
            assert new_blocks[q.id] == old_blocks[q.id], q.id  # byte for byte
        else:
            assert new_blocks[q.id] != old_blocks[q.id], q.id
    for q in new.questions:
        was = old.question(q.id)
        assert was is not None and q.answer == was.answer and q.answer_hash == was.answer_hash
        if q.id in CHANGED | GONE:
            assert q.status == "draft", q.id
        else:
            assert q.status == was.status, q.id
    # The note says what changed, after the status.
    assert "status: draft  # quiz rebase: the passage changed (9.7, 8.6 -> 9.9, 8.8)" in new_text
    assert "gone" in new_blocks["water-plant"] and not new.question("water-plant").evidence
    # The number question lost the quote that no longer holds its answer; the true/false kept
    # the new wording for the curator to judge.
    assert not new.question("renovation-cost").evidence
    tf = new.question("renovation-vs-construction")
    assert any("9.9 billion" in e.quote for e in tf.evidence)
    moved = new.question("vacant-before-demolition")
    assert moved.evidence[0].section == "Destruction of building"
    assert "passage gone: water-plant, timeline-2018" in out


def test_rebasing_onto_the_same_article_changes_nothing(tmp_path: Path) -> None:
    bank = copy_seed(tmp_path)
    before = (bank / "bank.yaml").read_bytes()
    code, out, _ = rebase(bank, bank / "article.txt", write=True)
    assert code == 0 and "52 unchanged, 0 moved" in out
    assert (bank / "bank.yaml").read_bytes() == before


def test_progress_survives_a_rebase(tmp_path: Path, store) -> None:
    from quiz.play.plain import run_plain
    from quiz.play.setup import PlayRequest

    bank_dir = copy_seed(tmp_path)
    bank = load_bank(bank_dir, use_cache=False)
    playable = bank.playable()
    lines = [str(q.answer) if q.type in ("text", "number") else "s" for q in playable[:60]]
    code = run_plain(PlayRequest(seed=1, in_order=True, plain=True), bank, store=store,
                     stdin=io.StringIO("\n".join([*lines, "q"]) + "\n"), stdout=io.StringIO())
    assert code == 0
    before = {qid: row for (_, qid), row in store.review_rows("default").items()}
    assert len(before) > 20
    due_before = {q.id for _, q in store.due_questions("default", [bank])}
    assert rebase(bank_dir, REVISED, write=True)[0] == 0
    after_bank = load_bank(bank_dir, use_cache=False)
    due_after = {q.id for _, q in store.due_questions("default", [after_bank])}
    # Every question with progress is still known by its id and answer: nothing restarts.
    for qid, row in before.items():
        q = after_bank.question(qid)
        assert q is not None and q.answer_hash == row.answer_hash
    playable_after = {q.id for q in after_bank.playable()}
    assert due_after == due_before & playable_after


def test_a_broken_article_is_a_message_not_a_traceback(tmp_path: Path, capsys) -> None:
    bank = copy_seed(tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"no title here\n\xff")
    assert main(["rebase", str(bank), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.txt" in err and "Traceback" not in err


def _edit(text: str, rng: random.Random) -> str:
    """A random revision: paragraphs swapped, sentences dropped, words and numbers changed."""
    head, _, body = text.partition("\n\n")
    paras = body.split("\n\n")
    for _ in range(rng.randint(0, 3)):
        i, j = rng.randrange(len(paras)), rng.randrange(len(paras))
        paras[i], paras[j] = paras[j], paras[i]
    out = []
    for p in paras:
        sentences = p.split(". ")
        if len(sentences) > 1 and rng.random() < 0.3:
            del sentences[rng.randrange(len(sentences))]
        words = ". ".join(sentences).split(" ")
        for _ in range(rng.randint(0, 3)):
            k = rng.randrange(len(words))
            words[k] = rng.choice(["", "not", "2021", "Seoul", "[/x]", "\x1b[2J", words[k].upper(),
                                   words[k] + ",", "étage", "—"])
        out.append(" ".join(words))
    return head + "\n\n" + "\n\n".join(out)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**9))
def test_random_revisions_never_break_the_bank(tmp_path_factory, seed: int) -> None:
    tmp = tmp_path_factory.mktemp("fuzz")
    bank = copy_seed(tmp)
    revised = tmp / "revised.txt"
    revised.write_text(_edit((SEED_BANK / "article.txt").read_text(encoding="utf-8"),
                             random.Random(seed)), encoding="utf-8")
    before = (bank / "bank.yaml").read_bytes()
    code, out, err = rebase(bank, revised, write=True)
    assert "Traceback" not in out + err
    if code == 0:
        loaded, diags = check_bank(bank, use_cache=False)
        assert loaded is not None, diags
        assert {q.id for q in loaded.questions} == {q.id for q in load_bank(SEED_BANK).questions}
    else:
        assert (bank / "bank.yaml").read_bytes() == before


@pytest.mark.parametrize("flag", [[], ["--write"]])
def test_the_command_line(tmp_path: Path, flag: list[str], capsys) -> None:
    bank = copy_seed(tmp_path)
    assert main(["rebase", str(bank), str(REVISED), *flag]) == 0
    out = capsys.readouterr().out
    assert ("Wrote" in out) == bool(flag)
