"""Imported questions become bank questions: drafts with stable, unique ids."""

from __future__ import annotations

from quiz.bank.model import Evidence, Question
from quiz.bank.normalize import fold
from quiz.interop.model import Imported
from quiz.interop.text import slugify


def make_id(q: Imported, taken: set[str]) -> str:
    """A slug of the source's own title or id, else of the prompt; ``-2``, ``-3`` if taken.

    The same file always gives the same ids, so a re-import lines up with the last one.
    """
    base = slugify(q.name) or slugify(q.prompt, 40) or "question"
    qid, n = base, 2
    while qid in taken:
        qid, n = f"{base}-{n}", n + 1
    taken.add(qid)
    return qid


def to_questions(imported: list[Imported], fmt: str) -> list[Question]:
    taken: set[str] = set()
    out = []
    for q in imported:
        out.append(Question(
            id=make_id(q, taken), type=q.type, prompt=q.prompt, answer=q.answer,
            evidence=[Evidence(quote=e) for e in q.evidence], hints=list(q.hints),
            explanation=q.explanation, difficulty=q.difficulty or 2,
            tags=list(dict.fromkeys(q.tags)), origin=f"imported:{fmt}", status="draft",
            accept=list(q.accept), choices=list(q.choices), tolerance=q.tolerance,
            unit=q.unit, line=q.line))
    return out


def refusal(q: Question) -> str | None:
    """What the bank loader would refuse in ``q`` and can be told without the article.

    Checked before the bank is written: writing a large bank is slow, and every
    refusal found afterwards costs another write.
    """
    for what, values in (("choice", q.choices), ("item", q.items if q.type == "order" else [])):
        folded = [fold(v) for v in values]
        for i, f in enumerate(folded):
            if f in folded[:i]:
                return (f"{what} `{values[i][:40]}` is listed twice (ignoring case and "
                        "punctuation)")
    return None
