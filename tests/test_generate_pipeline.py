"""The whole ``quiz generate`` pipeline: valid, deterministic, fast, on target."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.article import load_article, parse_article
from quiz.bank.dump import dump_bank_text
from quiz.bank.load import load_bank
from quiz.generate.audit import audit
from quiz.generate.pipeline import generate
from quiz.generate.writer import write_bank

HERE = Path(__file__).parent
SEED = HERE.parent / "questions" / "inter-korean-liaison-office" / "article.txt"
ARTICLES = [SEED, *sorted((HERE / "articles").glob("*.txt"))]
IDS = [p.stem if p != SEED else "seed" for p in ARTICLES]


@pytest.fixture(scope="module", params=ARTICLES, ids=IDS)
def generated(request, tmp_path_factory):
    path = request.param
    result = generate(load_article(path))
    out = tmp_path_factory.mktemp("bank") / result.bank.id
    dropped = write_bank(result, path, out)
    return path, result, out, dropped


def test_the_bank_loads_strictly(generated) -> None:
    path, result, out, dropped = generated
    assert dropped == []  # the generator's own filters already satisfied the loader
    bank = load_bank(out, use_cache=False)
    assert len(bank.questions) == len(result.bank.questions) >= 3
    assert (out / "article.txt").read_bytes() == path.read_bytes()
    for q in bank.questions:
        assert q.status == "draft" and q.origin.startswith("generated:")
        assert q.evidence and q.explanation and q.hints
        assert q.evidence[0].start >= 0  # resolved to one place in the article


def test_audit_is_clean(generated) -> None:
    _, result, _, _ = generated
    assert not audit(result.bank)


def test_a_few_sure_drafts_with_choices_of_one_kind(generated) -> None:
    # Precision first: the old rate target (1.5 per 100 words plus one per typed field)
    # made the generator write what reviewers rejected; a few sure drafts are asked now.
    _, result, _, _ = generated
    rep = result.report
    assert rep.questions >= 3
    assert all(q.confidence is not None and q.confidence >= 0.6
               for q in result.bank.questions)
    assert rep.choice_same_kind >= 0.9 * rep.choice_questions


def test_several_question_types(generated) -> None:
    _, result, _, _ = generated
    types = {q.type for q in result.bank.questions}
    # true/false only comes with a false statement the article can ground, and a choice
    # only with three distractors the article never states as true: a short article may
    # have neither, but never a bank of one kind
    assert len(types) >= 2, types


def test_same_article_same_bytes(tmp_path) -> None:
    texts = []
    for _ in range(2):
        result = generate(load_article(SEED))
        texts.append(dump_bank_text(result.bank))
    assert texts[0] == texts[1]
    ids = [q.id for q in generate(load_article(SEED)).bank.questions]
    assert len(ids) == len(set(ids))


def test_ranked_best_first_and_capped_per_sentence() -> None:
    result = generate(load_article(SEED))
    qs = result.bank.questions
    by_quote: dict[str, int] = {}
    for q in qs:
        if q.type != "order":
            key = q.evidence[0].quote
            by_quote[key] = by_quote.get(key, 0) + 1
    assert max(by_quote.values()) <= 2
    # infobox facts and wh-questions lead; cloze drafts come later
    first = [q.origin for q in qs[:5]]
    assert not any(o.startswith("generated:cloze") for o in first)


def test_hints_are_graded_and_never_give_the_answer() -> None:
    result = generate(load_article(SEED))
    for q in result.bank.questions:
        assert q.hints[0].startswith(("Look", "Each event"))
        if q.type in ("text", "choice"):
            for h in q.hints[1:-1]:
                assert str(q.answer).lower() not in h.lower()


def test_a_long_article_gives_the_same_drafts_every_time() -> None:
    # The seed article with the prose of two more appended: over 1,000 words. Its speed
    # is measured by benchmarks/generate_eval.py, not here (a timed test fails under load).
    text = SEED.read_text(encoding="utf-8").rstrip()
    for name in ("orazio-antinori.txt", "aguas-livres-aqueduct.txt"):
        extra = (HERE / "articles" / name).read_text(encoding="utf-8")
        body = extra[extra.index("\n\n", extra.index("\n- ")):]
        text += f"\n\n=={name}==\n" + body
    article = parse_article(text)
    assert article.prose_words() >= 1000
    first = generate(article)
    again = generate(parse_article(text))
    assert len(first.bank.questions) >= 12
    assert dump_bank_text(first.bank) == dump_bank_text(again.bank)


ODD = [
    "= Lone =\n\nJust one short line.\n",
    "= Bullets =\n\nInfobox\n- Name: Bullets\n- Born: 1900\n\n==See also==\n- A\n- B\n",
    "= Repeats =\n\nThe fort was built in 1700. The fort was built in 1700.\n\n"
    "==History==\nThe fort was built in 1700. In 1750, Anna Berg sold it.\n",
    "= [bold]Markup[/bold] =\n\nThe [red]hall[/red] opened on 1 May 1990 in Osk (\x1b[31m).\n",
    "= Long =\n\n" + "In 1901 the " + "very " * 80 + "old mill was sold to Osk Mills.\n",
    "= Ünïcödé Tówer =\n\nInfobox\n- Height: 120 m\n- Opened: 1889\n\n"
    "Ünïcödé Tówer (ユニ) is a tower in Zürich. It opened in 1889 and is 120 m tall.\n",
]


@pytest.mark.parametrize("text", ODD, ids=range(len(ODD)))
def test_odd_articles_never_break_the_bank(text, tmp_path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(text, encoding="utf-8")
    result = generate(load_article(src))
    assert write_bank(result, src, tmp_path / "out") == []
    bank = load_bank(tmp_path / "out", use_cache=False)
    assert not audit(bank)
