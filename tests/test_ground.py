"""`quiz ground`: the seed bank with its evidence stripped is grounded again, never wrongly."""

from __future__ import annotations

import io
import random
import re
import shutil
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank.anchor import Anchors
from quiz.bank.anchorcmd import GroundRequest, run_ground
from quiz.bank.ground import ground_question
from quiz.bank.load import check_bank, load_bank
from quiz.bank.model import Question
from tests.conftest import SEED_BANK

# Passages that are not a question's original evidence but prove its answer too, checked
# by hand against the article (question id -> the start of the passage):
# - the lead's "It was headed by North Korean Representative Jon Jong-su ... and South
#   Korean Representative Chun Hae-sung ..." names both chiefs, each as his side's
#   representative (the two chief questions, and co-heads: headed by both, one per side);
# - the lead's "The four-story office building was demolished by North Korea on 16 June
#   2020." dates the demolition as the Destruction section does.
ALSO_PROVES = {
    "chief-north-name": "It was headed by North Korean Representative Jon Jong-su",
    "chief-south-name": "It was headed by North Korean Representative Jon Jong-su",
    "co-heads": "It was headed by North Korean Representative Jon Jong-su",
    "demolition-date": "The four-story office building was demolished by North Korea on 16 June",
    "timeline-2020": "The four-story office building was demolished by North Korea on 16 June",
    "timeline-building": "The four-story office building was demolished by North Korea on 16",
}


def strip_evidence(text: str) -> str:
    """The seed bank file without any evidence, every question a draft."""
    text = re.sub(r"\n    evidence:\n(?:      .*\n)+", "\n", text)
    return re.sub(r"status: (approved|rejected)", "status: draft", text)


def test_the_seed_bank_is_grounded_again_without_a_wrong_passage() -> None:
    bank = load_bank(SEED_BANK)
    anchors = Anchors(bank.article)
    grounded, wrong = 0, []
    for q in bank.questions:
        g = ground_question(replace(q, evidence=[], status="draft"), anchors)
        if not g.grounded:
            continue
        grounded += 1
        for ev in g.question.evidence:
            [start] = [s for s in anchors.occurrences(ev.quote)
                       if ev.prefix is None or anchors.text[:s].rstrip().endswith(ev.prefix)]
            end = start + len(ev.quote)
            original = any(start < e.end and e.start < end for e in q.evidence)
            if not original and not ev.quote.startswith(ALSO_PROVES.get(q.id, "\0")):
                wrong.append((q.id, ev.quote))
    assert wrong == []
    assert grounded / len(bank.questions) >= 0.9, grounded


def test_quiz_ground_copies_the_article_into_a_bank_that_has_none(tmp_path: Path) -> None:
    folder = tmp_path / "imported"
    folder.mkdir()
    (folder / "bank.yaml").write_text(
        strip_evidence((SEED_BANK / "bank.yaml").read_text(encoding="utf-8")), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = run_ground(GroundRequest(folder, SEED_BANK / "article.txt"), out, err)
    assert code == 0, err.getvalue()
    assert (folder / "article.txt").read_bytes() == (SEED_BANK / "article.txt").read_bytes()
    bank, diags = check_bank(folder, use_cache=False)
    assert bank is not None, diags
    with_evidence = [q for q in bank.questions if q.evidence]
    assert len(with_evidence) >= 47
    assert all(q.status == "draft" for q in bank.questions)
    text = (folder / "bank.yaml").read_text(encoding="utf-8")
    assert text.count("status: draft  # quiz ground:") == len(with_evidence)
    assert "not grounded" in out.getvalue() or len(with_evidence) == len(bank.questions)


def test_questions_with_evidence_are_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "bank"
    shutil.copytree(SEED_BANK, folder)
    before = (folder / "bank.yaml").read_bytes()
    out = io.StringIO()
    assert run_ground(GroundRequest(folder), out, io.StringIO()) == 0
    assert (folder / "bank.yaml").read_bytes() == before
    assert "0 of 52 questions have no evidence" in out.getvalue()


def test_a_bank_quoting_another_article_is_sent_to_rebase(tmp_path: Path) -> None:
    folder = tmp_path / "bank"
    shutil.copytree(SEED_BANK, folder)
    other = tmp_path / "other.txt"
    other.write_text("= Other =\n\nSomething else entirely.\n", encoding="utf-8")
    err = io.StringIO()
    assert run_ground(GroundRequest(folder, other), io.StringIO(), err) == 1
    assert "quiz rebase" in err.getvalue()


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10**9))
def test_grounding_odd_questions_never_raises(seed: int) -> None:
    bank = load_bank(SEED_BANK)
    anchors = Anchors(bank.article)
    rng = random.Random(seed)
    words = bank.article.text.split()
    junk = ["", " ", "[/x]", "\x1b[2J", "0", "-1", "é", "the", "Korea"]
    for qtype in ("text", "number", "choice", "multi", "truefalse", "order", ""):
        prompt = " ".join(rng.choice(words + junk) for _ in range(rng.randint(0, 12)))
        answer: object = " ".join(rng.choice(words + junk) for _ in range(rng.randint(0, 3)))
        if qtype == "number":
            answer = rng.choice([0, 4, 2005, 9.7, -3])
        elif qtype in ("multi", "order"):
            answer = [rng.choice(words + junk) for _ in range(rng.randint(0, 4))]
        elif qtype == "truefalse":
            answer = rng.random() < 0.5
        q = Question(id="x", type=qtype, prompt=prompt, answer=answer,  # type: ignore[arg-type]
                     evidence=[], status="draft")
        g = ground_question(q, anchors)
        for ev in g.question.evidence:
            assert anchors.occurrences(ev.quote)
