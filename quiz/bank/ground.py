"""Finding the passage that proves a question's answer (``quiz ground``).

For each question without evidence, the article's passages (sentences, bullets
and infobox lines) are searched:

- text, number, choice: only passages in which the answer itself can be read;
- multi: passages holding the answers, picked until every answer is covered;
- truefalse: the passage closest to the statement;
- order: for each item, the passage closest to it.

Among the candidates the one sharing the most rare words with the prompt wins
(words weighed by how few passages hold them; a prompt that says "infobox"
looks there first). A question whose best passage shares too little with its
prompt is not grounded but listed, since a wrong passage is worse than none.
Grounded questions stay drafts, with a note for the curator to check the quote.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from quiz.bank.anchor import Anchors, Passage, Span, bigrams, content_words
from quiz.bank.model import Evidence, Question
from quiz.bank.normalize import contains_folded
from quiz.bank.numbers import numbers_in

NOTE = "quiz ground: evidence found by matching; check that the quote proves the answer, " \
       "then approve"
MIN_SCORE = 0.2  # share of the prompt's weighed words the passage must hold
MIN_STATEMENT_SCORE = 0.35  # truefalse and order have no answer to narrow the search


@dataclass
class Grounding:
    question: Question  # with the evidence found (unchanged if none)
    grounded: bool
    reason: str = ""  # why not, for the report


def _readable(p: Passage, q: Question) -> bool:
    if q.type == "number":
        if not isinstance(q.answer, int | float) or isinstance(q.answer, bool):
            return False
        target = float(q.answer)
        slack = max(float(q.tolerance or 0), abs(target) * 1e-9)
        return any(abs(n - target) <= slack for n in numbers_in(p.text))
    return contains_folded(p.text, str(q.answer))


def _relevance(anchors: Anchors, p: Passage, query: set[str], prompt: str) -> float:
    if not query:
        return 0.0
    words = anchors.words(p)
    total = sum(anchors.weight(w) for w in query)
    score = sum(anchors.weight(w) for w in query & words) / total
    # Words that stand together in both count again, at half weight.
    shared = {(a, b) for a, b in bigrams(prompt) & anchors.pairs(p) if a in query or b in query}
    score += sum(anchors.weight(a) + anchors.weight(b) for a, b in shared) / (4 * total)
    return score


def _best(anchors: Anchors, candidates: list[Passage], query: set[str],
          prompt: str, *, dated_bonus: float = 0.0) -> tuple[Passage, float] | None:
    bonus = 0.0
    fields = [p for p in candidates if p.kind == "field"]
    if fields and "infobox" in prompt.casefold():  # "According to the infobox, ..."
        candidates, bonus = fields, 0.5
    scored = [(p, bonus + _relevance(anchors, p, query, prompt)
               + (dated_bonus if dated_bonus and numbers_in(p.text) else 0.0))
              for p in candidates]
    if not scored:
        return None
    return max(scored, key=lambda ps: ps[1])


def _evidence(anchors: Anchors, p: Passage) -> Evidence | None:
    return anchors.evidence_at(Span(p.start, p.end, "exact", 100.0))


def _answer_words(q: Question) -> set[str]:
    values = q.answer if isinstance(q.answer, list) else [q.answer]
    out: set[str] = set()
    for v in values:
        out |= content_words(str(v))
    return out


def ground_question(q: Question, anchors: Anchors) -> Grounding:
    """The evidence for one question, or why none was found."""
    passages = anchors.passages
    # The article's subject is named everywhere, so its words point nowhere.
    subject = content_words(anchors.article.title)
    prompt_words = content_words(q.prompt) - _answer_words(q) - subject
    picked: list[Passage] = []
    if q.type in ("text", "number", "choice"):
        holding = [p for p in passages if _readable(p, q)]
        if not holding:
            return Grounding(q, False, f"the answer `{q.answer}` is not in the article; if "
                             "the article words it differently, use its wording as the answer")
        best = _best(anchors, holding, prompt_words, q.prompt)
        if best is None or (best[1] < MIN_SCORE and len(holding) > 1):
            return Grounding(q, False, "the answer appears in several passages and none of "
                             "them matches the prompt well")
        picked = [best[0]]
    elif q.type == "multi":
        answers = [str(a) for a in q.answer] if isinstance(q.answer, list) else []
        left = list(answers)
        while left:
            # Answers written out count before answers whose words are merely there.
            options = []
            for p in passages:
                if p in picked:
                    continue
                named = [a for a in left if contains_folded(p.text, a)]
                near = [a for a in left if a not in named and _covered(anchors, p, a)]
                if named or near:
                    options.append((p, named, near))
            if not options:
                return Grounding(q, False, "no passage names "
                                 + ", ".join(f"`{a}`" for a in left))
            p, named, near = max(options, key=lambda o: (len(o[1]), len(o[2]), _relevance(
                anchors, o[0], prompt_words, q.prompt)))
            picked.append(p)
            left = [a for a in left if a not in named and a not in near]
    elif q.type == "truefalse":
        best = _best(anchors, passages, prompt_words, q.prompt)
        if best is None or best[1] < MIN_STATEMENT_SCORE:
            return Grounding(q, False, "no passage is close enough to the statement")
        picked = [best[0]]
    elif q.type == "order":
        # An order is proved by dates or amounts: a passage with a number weighs more.
        for item in (q.answer if isinstance(q.answer, list) else []):
            words = content_words(str(item)) - subject
            best = _best(anchors, passages, words, str(item), dated_bonus=0.15)
            if best is None or best[1] < MIN_STATEMENT_SCORE:
                return Grounding(q, False, f"no passage is close enough to the item `{item}`")
            if best[0] not in picked:
                picked.append(best[0])
    else:
        return Grounding(q, False, f"a {q.type or 'typeless'} question cannot be grounded")
    evidence = []
    for p in picked:
        ev = _evidence(anchors, p)
        if ev is None:
            return Grounding(q, False, "the passage that proves it is repeated word for word "
                             "and cannot be told apart")
        evidence.append(ev)
    return Grounding(replace(q, evidence=evidence, status="draft"), True)


def _covered(anchors: Anchors, p: Passage, answer: str) -> bool:
    """Most of the answer's weight is in the passage (``PRK (North Korea)`` in ``PRK, ROK``)."""
    words = content_words(answer)
    if not words:
        return False
    total = sum(anchors.weight(w) for w in words)
    held = sum(anchors.weight(w) for w in words & anchors.words(p))
    return held / total >= 0.6
