"""The automatic checks over every corpus article (tune and test sides of the split alike):
no answer missing from its passage, none given away (by its prompt, a choice, a hint or
another question's prompt), no distractor the article states as true, every draft
validates, and a rerun writes the same bytes. Question text is never printed here: the
test side is judged blind."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.article import load_article, parse_article
from quiz.bank.dump import dump_bank_text
from quiz.bank.lint import lint_questions
from quiz.bank.load import check_bank
from quiz.bank.model import Bank, Evidence, Question, Source
from quiz.generate.audit import article_units, audit, false_value, has_hole, stated
from quiz.generate.pipeline import generate
from quiz.generate.writer import write_bank

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
SPLIT = HERE.parent / "benchmarks" / "corpus_split.txt"
ARTICLES = sorted(CORPUS.glob("*.txt"))


def _split() -> dict[str, str]:
    return {line.split()[1]: line.split()[0] for line in SPLIT.read_text().splitlines()
            if line.strip() and not line.startswith("#")}


def test_the_split_covers_the_corpus_and_holds_out_enough() -> None:
    split = _split()
    assert set(split) == {p.stem for p in ARTICLES} and len(ARTICLES) == 74
    assert set(split.values()) == {"tune", "spent", "test"}
    for side in ("test", "spent"):
        held = {n for n, s in split.items() if s == side}
        assert len(held) >= 10
        # a family-name-first person and a species are among each held-out set
        assert held & {"ichikawa-fusae", "huang-daopo", "choe-muson", "ino-tadataka", "zheng-he"}
        assert held & {"chinese-sturgeon", "philippine-eagle", "adansonia-digitata", "okapi",
                        "wollemia"}
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in sources and all(p.name in sources for p in ARTICLES)


@pytest.fixture(scope="module", params=ARTICLES, ids=[p.stem for p in ARTICLES])
def drafted(request, tmp_path_factory):
    path = request.param
    article = load_article(path)
    result = generate(article)
    return path, article, result, tmp_path_factory.mktemp("bank")


def test_automatic_checks_are_zero(drafted) -> None:
    _, article, result, _ = drafted
    problems = audit(result.bank, article)
    # only the names of the failed checks: never the test side's question text
    assert not problems, sorted(problems)


def test_no_hint_shows_another_drafts_answer_or_what_the_article_lacks(drafted) -> None:
    # what `quiz lint` would warn an author of in the hints: a nearby sentence quoting
    # another draft's answer (L101), a hint naming what the article does not hold (L104)
    _, article, result, _ = drafted
    bank = result.bank
    assert bank.article is article
    found = lint_questions(bank, bank.questions)
    assert sorted(w.code for w in found if w.field == "hints") == []


def test_every_draft_validates_and_reruns_are_identical(drafted) -> None:
    path, _, result, tmp = drafted
    dropped = write_bank(result, path, tmp / "bank")
    assert dropped == []
    loaded, diags = check_bank(tmp / "bank" / "bank.yaml", use_cache=False)
    assert loaded is not None and not diags
    again = generate(load_article(path))
    assert dump_bank_text(again.bank) == dump_bank_text(result.bank)
    assert all(q.confidence is not None and 0 <= q.confidence <= 1
               for q in result.bank.questions)


def test_the_whole_corpus_gets_drafts() -> None:
    # fewer, surer drafts are right; but a generator that writes nothing passes every check
    counts = [len(generate(load_article(p)).bank.questions) for p in ARTICLES]
    assert min(counts) >= 1 and sum(counts) >= 3 * len(ARTICLES)


# --- the checks themselves catch what they are meant to catch --------------------------

ARTICLE = parse_article("""= Cai Test =

Infobox
- Born: 170 or 178
- Occupation: Poet

Cai Test was born in 170 in Qi County. Some sources say Cai Test was born in 178.
The river is about long and weighs between .
Cai Test married Wei Zhongdao in 192.
""")


def _bank(*questions: Question) -> Bank:
    return Bank(id="b", title="Cai Test", source=Source("article.txt", "Cai Test"),
                questions=list(questions), path=Path("b") / "bank.yaml")


def _q(**kw) -> Question:
    base = dict(id="q", type="choice", prompt="In what year was Cai Test born?",
                answer="170", choices=["170", "178", "180", "165"],
                evidence=[Evidence("Cai Test was born in 170 in Qi County.")],
                explanation="x", status="draft", origin="generated:test")
    base.update(kw)
    return Question(**base)  # type: ignore[arg-type]


def test_a_distractor_the_article_states_elsewhere_is_caught() -> None:
    units = article_units(ARTICLE)
    assert stated(units, "In what year was Cai Test born?", "178")
    assert not stated(units, "In what year was Cai Test born?", "165")
    bank = _bank(_q())
    assert audit(bank, ARTICLE)["distractor-stated-in-article"] == 1
    bank.questions = [_q(choices=["170", "165", "180", "160"])]
    assert not audit(bank, ARTICLE)["distractor-stated-in-article"]


def test_a_false_statement_true_elsewhere_is_caught() -> None:
    q = _q(type="truefalse", prompt="Cai Test was born in 178 in Qi County.", answer=False,
           choices=[])
    assert false_value(q) == "178"
    bank = _bank(q)
    assert audit(bank, ARTICLE)["distractor-stated-in-article"] == 1


def test_answers_given_away_anywhere_are_caught() -> None:
    leak_hint = _q(type="text", choices=[], answer="Qi County", prompt="Where was Cai Test "
                   "born?", hints=["It was Qi County."])
    other = _q(id="o", type="truefalse", choices=[], answer=True,
               prompt="Cai Test was born in Qi County.")
    bank = _bank(leak_hint, other)
    problems = audit(bank, ARTICLE)
    assert problems["answer-in-hint"] == 1 and problems["answer-in-other-prompt"] == 1
    inside = _q(answer="Qi County", choices=["Qi County", "Qi County, Henan", "Wei", "Han"],
                prompt="Where was Cai Test born?")
    assert audit(_bank(inside), ARTICLE)["choice-gives-away"] == 1


def test_only_the_answer_itself_counts_as_in_the_passage() -> None:
    q = _q(type="text", choices=[], answer="Qi County, Henan", accept=["Qi County"],
           prompt="Where was Cai Test born?")
    bank = _bank(q)
    assert audit(bank, ARTICLE)["answer-not-in-evidence"] == 1


def test_holes_left_by_stripped_numbers_are_seen() -> None:
    assert has_hole("The river is about long and weighs between .")
    assert has_hole("Born in, Cai arrived at the court.")
    assert not has_hole("It was signed by Moon Jae-in, the President of South Korea.")
    assert not has_hole("It weighs between 3 and 4 tonnes.")


def test_confidence_is_read_back_and_checked(tmp_path) -> None:
    (tmp_path / "article.txt").write_text("= T =\n\nThe office closed in 2020.\n",
                                          encoding="utf-8")
    bank = """format: 1
id: t
title: T
source: {file: article.txt, title: T}
questions:
  - id: q
    type: number
    prompt: In what year did the office close?
    answer: 2020
    evidence: [{quote: The office closed in 2020.}]
    confidence: CONF
    origin: generated:test
    status: draft
"""
    (tmp_path / "bank.yaml").write_text(bank.replace("CONF", "0.83"), encoding="utf-8")
    loaded, diags = check_bank(tmp_path / "bank.yaml", use_cache=False)
    assert loaded is not None and loaded.questions[0].confidence == 0.83, diags
    assert "confidence: 0.83" in dump_bank_text(loaded)
    (tmp_path / "bank.yaml").write_text(bank.replace("CONF", "1.5"), encoding="utf-8")
    loaded, diags = check_bank(tmp_path / "bank.yaml", use_cache=False)
    assert loaded is None and any("confidence" in d.format() and ":11:" in d.format()
                                  for d in diags)
