"""Other forms of the same fact: choice, multi, true/false, and order questions.

A fact found by a rule (a sentence and the piece of it that is asked) can be
asked several ways; each form is a candidate, and the ranking picks one form
per fact so the bank gets a mix of question types.
"""

from __future__ import annotations

import re
from dataclasses import replace

from quiz.bank.grounding import grounding_problems
from quiz.bank.model import Question
from quiz.bank.normalize import fold
from quiz.generate import places
from quiz.generate.audit import stated
from quiz.generate.candidate import Candidate
from quiz.generate.distractors import Pools, pick, same_sort
from quiz.generate.filters import dated_after_preposition
from quiz.generate.spans import date_parts, date_sort_key
from quiz.generate.text import find_word, stable_order, tidy

_CHOICE_KINDS = ("date", "monthyear", "year", "erayear", "person", "place", "org", "event")
_TF_KINDS = ("date", "monthyear", "year", "money", "quantity", "count", "person", "place")


def choice_form(c: Candidate, pools: Pools) -> Candidate | None:
    """The same question with the answer and three same-kind distractors to pick from."""
    if c.type not in ("text", "number") or c.kind not in _CHOICE_KINDS or c.typed_only:
        return None
    if c.rule == "infobox-place" and places.lookup(str(c.answer)) is None:
        # every place in the article tends to be near the subject: all "right"; a place
        # the gazetteer knows gets places of its sort the article never mentions
        return None
    if re.search(r"_____(?:,? and [A-Z]|, [A-Z][\w-]+ and )|[A-Z][\w-]*,? and _____", c.prompt):
        return None  # "lived in _____ and Smyrna": lists are where other right answers hide
    context = c.prompt + " " + c.explanation
    wrong = pick(c, pools, context, n=6)
    if c.kind == "place":
        wrong = [w for w in wrong if same_sort(c, w)]  # a country among countries
    wrong = wrong[:3]
    if len(wrong) < 3:
        return None
    answer = str(c.answer) if c.type == "text" else c.answer_text
    options = [answer, *wrong]
    if c.kind in ("date", "monthyear", "year", "erayear"):
        options.sort(key=_date_order)
    else:
        options = stable_order(options, seed=c.prompt)
    return replace(c, type="choice", answer=answer, choices=options, accept=[], unit=None,
                   tolerance=0.0, score=c.score + 0.1, difficulty=max(1, c.difficulty - 1))


def _date_order(text: str) -> tuple[int, ...]:
    from quiz.generate.spans import find_spans

    spans = find_spans(text) or []
    if re.fullmatch(r"\d{3,4}", text):
        return (int(text), 0, 0)
    key = date_sort_key(spans[0]) if spans else None
    return key or (0, 0, 0)


def multi_form(c: Candidate, pools: Pools, plural_key: str, subject: str) -> Candidate | None:
    """``Signatories: A, B`` -> "Which of these were signatories of X?" with A, B right."""
    if not c.exclude:
        return None
    right = [str(c.answer), *c.exclude]
    probe = replace(c, accept=[], exclude=right)
    wrong = pick(probe, pools, c.explanation, n=2)
    if len(wrong) < 2:
        return None
    options = stable_order(right + wrong, seed=plural_key)
    prompt = f"Which of these were {plural_key} of {subject}?"
    if plural_key == "parties":
        prompt = f"Which of these were parties to {subject}?"
    return replace(c, rule=c.rule, type="multi", prompt=prompt, answer=right, choices=options,
                   accept=[], score=c.score + 0.2)


def truefalse_forms(c: Candidate, pools: Pools) -> list[Candidate]:
    """A statement from the sentence: as written (true), and with the answer swapped for
    a same-kind distractor (false). The ranking keeps at most one of them."""
    if c.kind not in _TF_KINDS or not c.statement or c.type not in ("text", "number"):
        return []
    statement = c.statement
    if len(statement.split()) > 32 or not statement.endswith("."):
        return []
    written = c.answer_text if c.type == "text" else (c.number_format or c.answer_text)
    at = find_word(statement, written)
    if at < 0 or find_word(statement, written, at + 1) >= 0:
        return []
    if _self_evident(statement):
        return []  # "Aru is part of the Vogelkop-Aru ecoregion": true by its own words
    out = [replace(c, rule="truefalse", type="truefalse", prompt=tidy(statement), answer=True,
                   accept=[], choices=[], unit=None, tolerance=0.0, score=c.score - 0.2,
                   difficulty=1)]
    # A false statement only from a date or a count swapped for another the article gives:
    # a swapped name ("courtesy name Henan") is false for no reason a student can learn.
    if c.kind not in ("date", "monthyear", "year", "count") or \
            not _swappable(statement, at, written, c, pools):
        return out
    # a false statement must stay plausible (a king for a king, a country for a country)
    # and grounded: the swapped-in value is one the article itself gives elsewhere
    for w in pick(c, pools, statement, n=6):
        false = statement[:at] + w + statement[at + len(written):]
        if same_sort(c, w) and _from_article(w, c, pools) and not (
                pools.units and stated(pools.units, false, w)):
            out.append(replace(out[0], prompt=tidy(false), answer=False))
            break
    return out


def _self_evident(statement: str) -> bool:
    """Does a name of the statement stand inside another of its names ("Aru" and the
    "Vogelkop-Aru lowland rain forests")? Then it reads as true whatever it says."""
    tokens = re.findall(r"[\w'’]+(?:-[\w'’]+)*", statement)
    alone = {t for t in tokens if "-" not in t and len(t) >= 3 and t[:1].isupper()}
    return any(part in alone for t in tokens if "-" in t for part in t.split("-"))


def _swappable(statement: str, at: int, written: str, c: Candidate, pools: Pools) -> bool:
    """Can the answer be swapped out without the statement giving itself away?"""
    after = statement[at + len(written):]
    if (re.match(r"(?:'s?)?\s+[A-Z]", after) and not dated_after_preposition(
            c.kind, statement[:at])) or re.search(r"\b(?:St|Saint|Mount|Lake)\s*$",
                                                            statement[:at]):
        return False  # part of a longer name ("St Paul's Cathedral"): the swap reads as nonsense
    if c.kind == "place":
        # another place in the sentence constrains it ("sent to X, where he studied in Paris")
        others = [p for p in pools.names.get("place", [])
                  if fold(p) != fold(written) and find_word(statement, p) >= 0]
        if others:
            return False
    return True


def _from_article(option: str, c: Candidate, pools: Pools) -> bool:
    """Is ``option`` a value the article states (not a perturbation made up for a choice)?"""
    if c.kind in ("date", "monthyear", "year", "daymonth"):
        return any(fold(option) == fold(s.text)
                   or (option == str(date_parts(s)[0]) and c.kind == "year")
                   for ss in pools.dates.values() for s in ss)
    if c.kind in ("money", "quantity", "count"):
        return any(s.number_text and _number_head(s.number_text) == option
                   for s in pools.amounts)
    return True  # names come from the article's own names


def _number_head(number_text: str) -> str:
    """The number as written, without its scale word ("8.0" of "8.0 billion")."""
    head = re.match(r"[\d.,]+|\S+", number_text)
    assert head is not None, "a span's number text starts with the number it matched"
    return head.group(0)


def grounded_accepts(q: Question) -> list[str]:
    """``q``'s accepted forms that its evidence holds (or that write its answer another
    way): a form taken from elsewhere in the article ("General Xie Yi" beside a
    passage that says "Xie Yi") would make the loader refuse the whole question."""
    bad = {p.index for p in grounding_problems(q) if p.field == "accept"}
    return [a for i, a in enumerate(q.accept) if i not in bad]
