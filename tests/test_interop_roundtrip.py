"""Export then import gives back the same questions, for every field each format holds."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.bank.model import Evidence, Question
from quiz.interop.aiken import read_aiken, write_aiken
from quiz.interop.anki import read_apkg, write_apkg
from quiz.interop.gift import read_gift, write_gift
from quiz.interop.model import Imported
from quiz.interop.moodlexml import read_moodle_xml, write_moodle_xml
from quiz.interop.table import read_csv, write_csv

# Letters of several scripts, and every character the formats give a meaning to.
ALPHABET = "abcxyzABZ019éß한國 .,?!'\"():;#={}~\\&<*/|+-@_$"
word = st.text(alphabet=ALPHABET.replace(" ", ""), min_size=1, max_size=7)
text = st.lists(word, min_size=1, max_size=5).map(" ".join)
slug = st.from_regex(r"[a-z][a-z0-9-]{0,10}[a-z0-9]", fullmatch=True)
number = st.one_of(st.integers(-10**6, 10**6),
                   st.floats(-1e6, 1e6, allow_nan=False).map(lambda f: round(f, 3)))


@st.composite
def questions(draw: st.DrawFn, qid: str) -> Question:
    kind = draw(st.sampled_from(["choice", "multi", "truefalse", "text", "number", "order"]))
    q = Question(id=qid, type=kind, prompt=draw(text), answer="",
                 evidence=[Evidence(quote=t) for t in draw(st.lists(text, max_size=2))],
                 hints=draw(st.lists(text, max_size=2)), explanation=draw(st.one_of(
                     st.just(""), text)), difficulty=draw(st.integers(1, 3)),
                 tags=draw(st.lists(slug, max_size=2, unique=True)))
    if kind in ("choice", "multi"):
        q.choices = draw(st.lists(text, min_size=2, max_size=5, unique=True))
        if kind == "choice":
            q.answer = draw(st.sampled_from(q.choices))
        else:
            q.answer = [c for c in q.choices if draw(st.booleans())] or q.choices[:1]
    elif kind == "truefalse":
        q.answer = draw(st.booleans())
    elif kind == "text":
        forms = draw(st.lists(text, min_size=1, max_size=3, unique=True))
        q.answer, q.accept = forms[0], forms[1:]
    elif kind == "number":
        q.answer = draw(number)
        q.tolerance = draw(st.sampled_from([0, 0.5, 2, 10.25]))
        q.unit = draw(st.one_of(st.none(), st.sampled_from(["m", "km²", "years"])))
    else:
        q.answer = draw(st.lists(text, min_size=2, max_size=4, unique=True))
    return q


@st.composite
def banks(draw: st.DrawFn) -> list[Question]:
    n = draw(st.integers(1, 6))
    return [draw(questions(f"q{i}-{draw(slug)}")) for i in range(n)]


def held(q: Question | Imported, fields: tuple[str, ...]) -> dict[str, object]:
    out: dict[str, object] = {}
    for f in fields:
        if f == "id":
            out[f] = q.id if isinstance(q, Question) else q.name
        elif f == "evidence":
            out[f] = [e.quote if isinstance(e, Evidence) else e for e in q.evidence]
        elif f == "answer" and isinstance(q.answer, float) and q.answer.is_integer():
            out[f] = int(q.answer)
        else:
            out[f] = getattr(q, f)
    return out


BASE = ("id", "type", "prompt", "answer", "explanation", "evidence")
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(banks())
def test_gift(bank: list[Question]) -> None:
    exported = write_gift(bank)
    back = read_gift(exported.data.decode("utf-8")).questions
    kept = [q for q in bank if q.type != "order"]
    assert not read_gift(exported.data.decode("utf-8")).skipped
    fields = (*BASE, "choices", "tolerance")
    assert [held(q, fields) for q in back] == [held(q, fields) for q in kept]
    for q, b in zip(kept, back, strict=True):
        assert b.accept == (q.accept if q.type == "text" else [])
    assert {loss.question for loss in exported.losses if "order" in loss.what} == {
        q.id for q in bank if q.type == "order"}


@SLOW
@given(banks())
def test_moodle_xml(bank: list[Question]) -> None:
    exported = write_moodle_xml(bank)
    result = read_moodle_xml(exported.data)
    assert not result.skipped
    fields = (*BASE, "choices", "tolerance", "unit", "hints", "tags")
    assert [held(q, fields) for q in result.questions] == [held(q, fields) for q in bank]
    for q, b in zip(bank, result.questions, strict=True):
        assert b.accept == (q.accept if q.type == "text" else [])


@SLOW
@given(banks())
def test_aiken(bank: list[Question]) -> None:
    exported = write_aiken(bank)
    result = read_aiken(exported.data.decode("utf-8"))
    assert not result.skipped
    kept = [q for q in bank if q.type in ("choice", "truefalse")]
    assert len(result.questions) == len(kept) == exported.written
    for q, b in zip(kept, result.questions, strict=True):
        assert b.prompt == q.prompt
        if q.type == "choice":
            assert (b.choices, b.answer) == (q.choices, q.answer)
        else:
            assert (b.choices, b.answer) == (["True", "False"], "True" if q.answer else "False")
    lost = {loss.question for loss in exported.losses if "not written" in loss.what}
    assert lost == {q.id for q in bank if q not in kept}


@SLOW
@given(banks())
def test_csv(bank: list[Question]) -> None:
    exported = write_csv(bank)
    from quiz.interop.text import decode

    result = read_csv(decode(exported.data, "x.csv"))
    assert not result.skipped
    fields = (*BASE, "choices", "accept", "tolerance", "unit", "hints", "tags", "difficulty")
    assert [held(q, fields) for q in result.questions] == [held(q, fields) for q in bank]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(bank=banks())
def test_anki(bank: list[Question], tmp_path: Path) -> None:
    exported = write_apkg(bank, "Deck", "deck", now=1_700_000_000)
    path = tmp_path / "deck.apkg"
    path.write_bytes(exported.data)
    result = read_apkg(path)
    assert len(result.questions) == len(bank)
    for q, b in zip(bank, result.questions, strict=True):
        assert (b.name, b.explanation, b.evidence, b.tags) == (
            q.id, q.explanation, [e.quote for e in q.evidence], q.tags)
        if q.type == "text":  # a front/back card holds a text question whole
            assert (b.type, b.prompt, b.answer) == ("text", q.prompt, q.answer)
    assert {loss.question for loss in exported.losses if "front/back" in loss.what} == {
        q.id for q in bank if q.type != "text"}


def test_multi_line_text_survives_gift_and_xml() -> None:
    q = Question(id="lines", type="text", prompt="First line.\nSecond line.", answer="a",
                 evidence=[], explanation="One.\nTwo.")
    assert read_gift(write_gift([q]).data.decode()).questions[0].prompt == q.prompt
    back = read_moodle_xml(write_moodle_xml([q]).data).questions[0]
    assert (back.prompt, back.explanation) == (q.prompt, q.explanation)


def test_a_whole_bank_goes_out_and_comes_back(tmp_path: Path) -> None:
    """The seed bank through every format and `quiz import`: the bank the import writes
    loads, and its questions are drafts with the ids and prompts they left with."""
    from quiz.bank.load import load_bank
    from quiz.cli.main import main
    from tests.conftest import SEED_BANK

    seed = load_bank(SEED_BANK)
    approved = {q.id: q for q in seed.questions if q.status == "approved"}
    for fmt in ("gift", "moodle-xml", "csv", "anki"):
        out = tmp_path / f"out.{fmt}"
        assert main(["export", str(SEED_BANK), "--format", fmt, "-o", str(out)]) == 0
        folder = tmp_path / f"bank-{fmt}"
        assert main(["import", str(out), "--format", fmt, "--article",
                     str(SEED_BANK / "article.txt"), "-o", str(folder)]) == 0
        bank = load_bank(folder, use_cache=False)
        assert bank.questions and all(q.status == "draft" for q in bank.questions)
        assert all(q.origin == f"imported:{fmt}" for q in bank.questions)
        for q in bank.questions:
            assert q.id in approved
            if fmt != "anki" or approved[q.id].type == "text":
                assert q.prompt == approved[q.id].prompt
        if fmt in ("moodle-xml", "csv"):
            assert {q.id for q in bank.questions} == set(approved)
            # The passages travelled in the feedback and still prove the answers.
            assert all(q.evidence for q in bank.questions)
