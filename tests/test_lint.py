"""``quiz lint`` and the grounding rule: every check finds what it is for, and only that."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from quiz.bank import lint
from quiz.bank.datetext import dates_in, single_date
from quiz.bank.grounding import grounding_problems
from quiz.bank.load import check_bank, load_bank
from quiz.bank.model import Evidence, Question
from quiz.play.answers.dates import parse_date
from tests.conftest import ROOT

SEED = ROOT / "questions" / "inter-korean-liaison-office"
LEAKS = ROOT / "tests" / "lint_banks" / "seed-leaks"

# Each leak the copy of the seed bank holds: (code, question reported, field, item).
LEAKS_EXPECTED = {
    ("L101", "dissolved-not-closure", "prompt", None),  # the closure date in full
    ("L101", "chief-north-post", "prompt", None),  # the North's envoy named
    ("L101", "chiefs-swapped", "prompt", None),
    ("L101", "co-heads", "prompt", None),  # both envoys named
    ("L101", "chief-south-post", "prompt", None),
    ("L101", "chief-north-name", "choices", 1),  # a typed answer offered as a choice
    ("L101", "chief-north-post", "choices", 3),
    ("L101", "demolition-time", "prompt", None),  # the demolition date
    ("L101", "kim-yo-jong-relation", "prompt", None),  # Kim Yo-jong named four times
    ("L101", "warning-days", "prompt", None),
    ("L101", "retaliation-reason", "prompt", None),
    ("L101", "timeline-2020", "items", 1),
    ("L101", "kim-yo-jong-warning", "prompt", None),  # "three days before"
    ("L101", "kim-yo-jong-warning", "hints", 1),  # "the sister"
    ("L101", "first-summit-leaders", "prompt", None),  # "20th anniversary"
    ("L101", "renovation-vs-construction", "prompt", None),  # "in 2005"
    ("L101", "renovation-vs-construction", "hints", 1),  # "8.0 billion KRW"
    ("L101", "timeline-building", "hints", 1),
    ("L101", "timeline-2018", "items", 2),  # "water treatment plant"
    ("L101", "declaration-date", "prompt", None),
    ("L102", "leaflet-balloons", "hints", 1),
    ("L103", "chief-north-post", "hints", 0),
    ("L104", "kcna-statement", "hints", 1),  # "Its initials are KCNA"
    ("L104", "summit-anniversary", "hints", 1),  # the year 2000
    ("L104", "olympics-2032", "hints", 1),  # "Summer Games"
    ("L104", "construction-cost", "hints", 0),  # "US dollars"
    ("L105", "timeline-2018", "items", 4),  # "By 25 October 2018": a deadline only
    ("L105", "timeline-2020", "items", 3),  # Moon's response has no date
    ("L106", "building-stories", "unit", None),  # "stories" asked, "floors" given
    ("L107", "floor-area", "tolerance", None),  # ±2 on 4498.57
    ("L108", "head-of-office", "choices", 1),  # Chun Hae-sung headed it too
}


def found(path: Path) -> list[lint.LintWarning]:
    return lint.lint_bank(load_bank(path, use_cache=False))


def test_the_seed_bank_is_clean() -> None:
    assert found(SEED) == []


def test_each_leak_of_the_seed_bank_is_found_where_it_is() -> None:
    warnings = found(LEAKS)
    got = {(w.code, w.question_id, w.field, w.index) for w in warnings}
    assert got >= LEAKS_EXPECTED, sorted(LEAKS_EXPECTED - got)
    lines = (LEAKS / "bank.yaml").read_text(encoding="utf-8").splitlines()
    for w in warnings:  # file:line:col points at the field (or item) named
        assert w.path.endswith("bank.yaml") and w.line > 0 and w.col > 0
        row = lines[w.line - 1]
        if w.index is None and w.field != "evidence":
            assert row[w.col - 1:].strip() and f"{w.field}:" in row, (w, row)
    kcna = next(w for w in warnings if w.code == "L104" and w.question_id == "kcna-statement"
                and w.index == 1)
    assert "Its initials are KCNA" in lines[kcna.line - 1] and "`KCNA`" in kcna.message


def q(**kw) -> Question:
    base = dict(id="q", type="text", prompt="Which agency?", answer="Korean Central News Agency",
                evidence=[Evidence("the Korean Central News Agency released a statement")])
    return Question(**{**base, **kw})


def codes(ws: list[lint.LintWarning]) -> list[str]:
    return [w.code for w in ws]


def test_a_hint_that_states_the_answer_or_an_accepted_form() -> None:
    assert codes(lint.hint_gives_answer(q(hints=["It is the Korean Central News Agency."]))) == [
        "L102"]
    assert codes(lint.hint_gives_answer(q(accept=["the Korean Central News Agency"],
                                          hints=["Its name calls it central."]))) == []
    date = q(answer="16 June 2020", hints=["It was June 16, 2020."],
             evidence=[Evidence("On 16 June 2020 at 2:50 pm")])
    assert codes(lint.hint_gives_answer(date)) == ["L102"]
    number = q(type="number", answer=3, unit="days", prompt="How many days before?",
               hints=["It was three days.", "It was 3 weeks after 3 May."])
    assert [w.index for w in lint.hint_gives_answer(number)] == [0]


def test_hints_vague_to_specific() -> None:
    assert codes(lint.hint_order(q(hints=["Its name says central agency.", "It is in Asia."]))) \
        == ["L103"]
    assert lint.hint_order(q(hints=["It is in Asia.", "Its name says central agency."])) == []


def test_a_hint_may_only_name_what_the_article_holds(bank_article) -> None:
    ok = q(hints=["It was between 4,000 and 5,000 square metres, in North Korea.",
                  "Its two chiefs met on 2 November 2018."])
    assert lint.hint_not_in_article(ok, bank_article) == []
    # what a hint says of the answer's shape, or an option it rules out, is no article fact
    ok = q(hints=["One word of 7 letters, starting with “K”.", "It was in the 1990s.",
                  "It is not “1946”.", "It is not “Pyongyang Central Office”.",
                  "The whole part of the number has 4 digits."])
    assert lint.hint_not_in_article(ok, bank_article) == []
    bad = q(hints=["Its initials are KCNA.", "It was founded in 1946.", "It met on 3 May 2019."])
    ws = lint.hint_not_in_article(bad, bank_article)
    assert [w.index for w in ws] == [0, 1, 2]
    assert "`KCNA`" in ws[0].message and "`1946`" in ws[1].message and "3 May 2019" in ws[2].message


def test_an_order_must_be_proven_by_dated_passages(bank_article) -> None:
    bank = load_bank(SEED, use_cache=False)
    good = bank.question("timeline-building")
    assert good is not None and lint.order_not_proven(good, bank_article) == []
    swapped = replace(good, answer=list(reversed(good.items)),
                      evidence=list(reversed(good.evidence)))
    assert lint.order_not_proven(swapped, bank_article)
    fewer = replace(good, evidence=good.evidence[:2])
    assert [w.field for w in lint.order_not_proven(fewer, bank_article)] == ["evidence"]


def test_unit_and_tolerance() -> None:
    stories = q(type="number", answer=4, unit="floors", prompt="How many stories did it have?",
                evidence=[Evidence("a four-story and a basement building")])
    assert codes(lint.unit_mismatch(stories)) == ["L106"]
    assert lint.unit_mismatch(replace(stories, unit="stories")) == []
    area = q(type="number", answer=4498.57, unit="m2", tolerance=2,
             prompt="What area, in square metres?", evidence=[Evidence("an area of 4498.57 m2")])
    assert lint.unit_mismatch(area) == []
    assert codes(lint.tolerance_too_wide(area)) == ["L107"]
    assert lint.tolerance_too_wide(replace(area, tolerance=0.01)) == []
    cost = q(type="number", answer=8e9, tolerance=1e8, prompt="Cost in KRW?",
             evidence=[Evidence("8.0 billion KRW")])
    assert lint.tolerance_too_wide(cost) == []  # "8.0 billion" is stated to 0.1 billion
    assert codes(lint.tolerance_too_wide(replace(cost, tolerance=5e8))) == ["L107"]


def test_a_distractor_the_article_states_in_the_answers_place(bank_article) -> None:
    head = q(type="choice", prompt="Who headed the office?", answer="Jon Jong-su",
             choices=["Jon Jong-su", "Chun Hae-sung", "Won Kil-u"],
             evidence=[Evidence("It was headed by North Korean Representative Jon Jong-su")])
    ws = lint.distractor_true(head, bank_article)
    assert [(w.code, w.index) for w in ws] == [("L108", 1)]
    # Named in the passage, but not in the answer's place: a fair distractor.
    sister = q(type="choice", prompt="Who predicted it?", answer="Kim Yo-jong",
               choices=["Kim Yo-jong", "Kim Jong-un"],
               evidence=[Evidence("Kim Yo-jong, the sister of Kim Jong-un, had predicted")])
    assert lint.distractor_true(sister, bank_article) == []


@pytest.fixture
def bank_article():
    return load_bank(SEED, use_cache=False).article


# --------------------------------------------------------------------------- the command


def run_quiz(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quiz", *args], capture_output=True, text=True,
                          cwd=ROOT, check=False)


def test_quiz_lint_reports_file_line_col_and_fails_only_when_strict() -> None:
    clean = run_quiz("lint", "--strict", "questions/")
    assert clean.returncode == 0, clean.stderr
    assert "0 warnings" in clean.stdout
    leaky = run_quiz("lint", str(LEAKS))
    assert leaky.returncode == 0
    first = leaky.stdout.splitlines()[0]
    assert first.startswith(f"{LEAKS / 'bank.yaml'}:") and ": warning: question '" in first
    assert "[L1" in first
    strict = run_quiz("lint", "--strict", str(LEAKS))
    assert strict.returncode == 1 and "--strict" in strict.stderr


def test_quiz_lint_json_and_a_bank_that_does_not_load(tmp_path: Path) -> None:
    out = run_quiz("lint", "--json", str(LEAKS))
    report = json.loads(out.stdout)
    warnings = report["banks"][0]["warnings"]
    assert report["summary"]["warnings"] == len(warnings) > 0
    assert {"file", "line", "column", "code", "name", "question", "message"} <= set(warnings[0])
    shutil.copytree(LEAKS, tmp_path / "b")
    bank = tmp_path / "b" / "bank.yaml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("answer: balloons",
                                                             "answer: kites"), encoding="utf-8")
    broken = run_quiz("lint", str(tmp_path / "b"))
    assert broken.returncode == 1
    assert "cannot be read in the evidence" in broken.stderr and "bank.yaml:" in broken.stderr
    missing = run_quiz("lint", str(tmp_path / "nothing"))
    assert missing.returncode == 1 and "no such file or folder" in missing.stderr


# --------------------------------------------------------------------------- grounding


def test_the_curate_scenario_is_refused_at_load(tmp_path: Path) -> None:
    """The answer changed to a place the article never names, with the true one in `accept`."""
    shutil.copytree(SEED, tmp_path / "b")
    bank = tmp_path / "b" / "bank.yaml"
    text = bank.read_text(encoding="utf-8")
    old = "    answer: water treatment plant\n    accept: [\"a water treatment plant\"]\n"
    assert old in text
    bank.write_text(text.replace(old, "    answer: Union Buildings\n    accept: "
                                 "[\"water treatment plant\"]\n"), encoding="utf-8")
    _, diags = check_bank(bank, use_cache=False)
    assert len(diags) == 1
    d = diags[0]
    assert d.question_id == "water-plant" and "Union Buildings" in d.message
    assert "“On 11 October 2018, it was reported that a water treatment plant" in d.message
    assert d.format().startswith(f"{bank}:{d.line}:{d.col}: error: question 'water-plant': ")


@pytest.mark.parametrize(("form", "ok"), [
    ("the sister", True), ("his sister", True), ("sister", True), ("SISTER!", True),
    ("brother", False), ("sister-in-law", False), ("the wife", False), ("Kim Jong-un", True),
])
def test_accepted_forms(form: str, ok: bool) -> None:
    question = q(answer="sister", accept=[form],
                 evidence=[Evidence("Kim Yo-jong, the sister of Kim Jong-un")])
    assert (grounding_problems(question) == []) is ok


def test_grounding_never_accepts_a_form_it_cannot_read_fuzzed() -> None:
    rng = random.Random(14)
    quote = "On 16 June 2020 at 2:50 pm, the four-story building was demolished by North Korea."
    words = quote.replace(",", "").replace(".", "").split()
    other = ["Union", "Buildings", "Melrose", "House", "17", "July", "2021", "south", "3:50"]
    for _ in range(3000):
        form = " ".join(rng.choice(words + other) for _ in range(rng.randint(1, 4)))
        question = q(answer="16 June 2020", accept=[form], evidence=[Evidence(quote)])
        problems = grounding_problems(question)
        if not problems:  # then it is the passage's own words, or the answer's date
            from quiz.bank.normalize import contains_folded
            assert contains_folded(quote, form) or any(
                contains_folded(quote, " ".join(form.split()[i:])) for i in range(4)) or (
                single_date(form) == (2020, 6, 16)), form


def test_the_bank_date_finder_agrees_with_the_answer_checker() -> None:
    rng = random.Random(7)
    months = ["January", "Feb", "march", "June", "Sept", "December", "Juen"]
    for _ in range(3000):
        d, m, y = rng.randint(0, 32), rng.choice(months), rng.choice([1999, 2020, 2024])
        n = rng.randint(1, 13)
        text = rng.choice([f"{d} {m} {y}", f"{m} {d}, {y}", f"{d}/{n}/{y}", f"{y}-{n:02d}-{d:02d}",
                           f"{m} {y}", f"{d} {m}"])
        mine, theirs = single_date(text), parse_date(text)
        if mine is not None and theirs is not None and not theirs.close:
            assert mine == (theirs.year, theirs.month, theirs.day), text
        if theirs is not None and not theirs.close and "/" not in text:
            assert mine is not None, text
    assert [d.upper_bound for d in dates_in("On 1 May 2020, and by 3 May 2020")] == [False, True]
