"""Checks on a finished bank that must always come out zero for generated drafts.

Independent of the generator's own filters (it reads only the written
questions), so the evaluation script and the tests can hold it to account.
"""

from __future__ import annotations

from collections import Counter

from quiz.bank.model import Bank, Question
from quiz.bank.normalize import contains_folded, fold
from quiz.bank.numbers import numbers_in


def audit_question(q: Question) -> list[str]:
    problems = []
    quotes = " … ".join(e.quote for e in q.evidence)
    answers = q.answer if isinstance(q.answer, list) else [q.answer]
    if q.type in ("text", "choice"):
        forms = [str(q.answer), *q.accept]
        if not any(contains_folded(quotes, f) for f in forms):
            problems.append("answer-not-in-evidence")
        if any(len(fold(f)) >= 2 and contains_folded(q.prompt, f) for f in forms):
            problems.append("answer-in-prompt")
    elif q.type == "number":
        target = float(q.answer)  # type: ignore[arg-type]
        if not any(abs(n - target) <= max(q.tolerance, 1e-9) for n in numbers_in(quotes)):
            problems.append("answer-not-in-evidence")
        if any(abs(n - target) < 1e-9 for n in numbers_in(q.prompt)):
            problems.append("answer-in-prompt")
    elif q.type == "multi" and not all(contains_folded(quotes, str(a)) for a in answers):
        problems.append("answer-not-in-evidence")
    if q.type in ("choice", "multi"):
        right = {fold(str(a)) for a in answers} | {fold(a) for a in q.accept}
        wrong = [c for c in q.choices if c not in answers]
        if any(fold(c) in right for c in wrong):
            problems.append("distractor-equals-answer")
    if q.status != "draft" or not q.origin.startswith("generated:"):
        problems.append("not-a-draft")
    if not q.evidence or not q.explanation:
        problems.append("no-evidence-or-explanation")
    return problems + gradeable(q)


def audit(bank: Bank) -> Counter[str]:
    out: Counter[str] = Counter()
    for q in bank.questions:
        out.update(audit_question(q))
    return out


def gradeable(q: Question) -> list[str]:
    """Run the answer checker the game uses: the answer and every accepted form must be
    marked right, every wrong choice wrong."""
    from quiz.play.answers import check

    problems = []
    if q.type in ("text", "choice", "number"):
        forms = [q.answer, *q.accept] if q.type != "choice" else [q.answer]
        if not all(check(q, f).correct for f in forms):
            problems.append("answer-not-accepted")
    if q.type in ("choice", "multi"):
        right = q.answer if isinstance(q.answer, list) else [q.answer]
        for wrong in (c for c in q.choices if c not in right):
            if check(q, [wrong] if q.type == "multi" else wrong).correct:
                problems.append("distractor-accepted")
                break
    if q.type == "truefalse" and (not check(q, q.answer).correct or check(q, not q.answer).correct):
        problems.append("answer-not-accepted")
    return problems
