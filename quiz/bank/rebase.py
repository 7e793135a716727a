"""Re-anchoring a bank's quotes in a revised article (``quiz rebase``).

Each quote is found again (see :mod:`quiz.bank.anchor`) and each question gets
one outcome:

- ``unchanged``: every quote resolves as written; the question is not touched.
- ``moved``: the same words, now elsewhere (another section, or needing a
  ``prefix`` to be told apart); the evidence is updated, the status kept.
- ``reworded``: the words changed but not the facts (numbers, names, dates,
  negations); the quote becomes the article's new words, the status is kept.
- ``changed``: a quote's facts changed; the quote is updated and the question
  goes back to ``draft`` with a note saying what changed.
- ``gone``: a quote is not in the article any more; it is removed and the
  question goes back to ``draft`` with a note.

A question whose answer can no longer be read in its evidence loses the
evidence that does not hold it (a draft may wait for its passage; ``quiz
ground`` finds one once the answer is fixed). Ids, answers and accepted forms
never change, so the progress kept for a question is kept too.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from quiz.bank import rewrite
from quiz.bank.anchor import FUZZY_MARGIN, Anchors, Span, facts_of
from quiz.bank.article import Article, normalise_ws, parse_article
from quiz.bank.dump import question_to_dict
from quiz.bank.model import Bank, Evidence, Question
from quiz.bank.normalize import contains_folded
from quiz.bank.numbers import numbers_in

OUTCOMES = ("unchanged", "moved", "reworded", "changed", "gone")
_RANK = {name: i for i, name in enumerate(OUTCOMES)}


@dataclass
class QuoteFate:
    """What became of one evidence quote."""

    old: Evidence
    new: Evidence | None
    how: str  # one of OUTCOMES
    lost: list[str] = field(default_factory=list)  # facts the old quote had and the new lacks
    gained: list[str] = field(default_factory=list)


@dataclass
class QuestionPlan:
    question: Question  # as it will be written
    outcome: str
    fates: list[QuoteFate]
    note: str | None = None
    evidence_dropped: bool = False

    @property
    def id(self) -> str:
        return self.question.id


@dataclass
class RebasePlan:
    bank: Bank
    article_text: str
    plans: list[QuestionPlan]
    draft: rewrite.Draft | None = None

    def count(self, outcome: str) -> int:
        return sum(p.outcome == outcome for p in self.plans)

    @property
    def changed_ids(self) -> set[str]:
        return {p.id for p in self.plans if p.outcome != "unchanged"}


def _short(text: str, n: int = 60) -> str:
    text = normalise_ws(text)
    return text if len(text) <= n else text[: n - 1] + "…"


def _resolves(anchors: Anchors, ev: Evidence) -> list[int]:
    """Where the loader would put ``ev`` in the article (as :mod:`quiz.bank.load` does)."""
    hits = anchors.occurrences(ev.quote)
    if ev.section is not None:
        hits = [h for h in hits if anchors.section_at(h) == ev.section]
    norm = anchors.index.norm
    needle = normalise_ws(ev.quote)
    if ev.prefix is not None:
        pre = normalise_ws(ev.prefix)
        hits = [h for h in hits if norm[:anchors.index.norm_at(h)].rstrip().endswith(pre)]
    if ev.suffix is not None:
        suf = normalise_ws(ev.suffix)
        hits = [h for h in hits
                if norm[anchors.index.norm_at(h) + len(needle):].lstrip().startswith(suf)]
    return hits


def _pick(anchors: Anchors, spans: list[Span], before: str, after: str) -> Span | None:
    """The one span the old context points to; None if it cannot tell them apart."""
    if len(spans) == 1:
        return spans[0]
    ranked = sorted(spans, key=lambda s: (-s.score, -anchors.context_score(s, before, after)))
    best, second = ranked[0], ranked[1]
    if best.score - second.score >= FUZZY_MARGIN:
        return best
    c1 = anchors.context_score(best, before, after)
    c2 = anchors.context_score(second, before, after)
    return best if c1 - c2 >= 10 else None


def _fate(old_article: Article, new: Anchors, ev: Evidence) -> QuoteFate:
    before = old_article.text[max(0, ev.start - 80):ev.start] if ev.start >= 0 else ""
    after = old_article.text[ev.end:ev.end + 80] if ev.end >= 0 else ""
    keep_section = ev.section is not None
    exact = new.exact(ev.quote)
    if exact:
        span = _pick(new, exact, before, after)
        if span is None:
            return QuoteFate(ev, None, "gone", [f"now in {len(exact)} places"])
        if _resolves(new, ev) == [span.start]:
            return QuoteFate(ev, ev, "unchanged")
        moved = new.evidence_at(span, keep_section=keep_section)
        if moved is None:
            return QuoteFate(ev, None, "gone", ["cannot be told apart from its repeats"])
        moved.quote = ev.quote if normalise_ws(ev.quote) == moved.quote else moved.quote
        return QuoteFate(ev, moved, "moved")
    spans = new.folded_hits(ev.quote) or new.fuzzy(ev.quote)
    span = _pick(new, spans, before, after) if spans else None
    if span is None:
        return QuoteFate(ev, None, "gone")
    found = new.evidence_at(span, keep_section=keep_section)
    if found is None:
        return QuoteFate(ev, None, "gone")
    lost, gained = facts_of(ev.quote).differences(facts_of(found.quote))
    how = "changed" if lost or gained else "reworded"
    return QuoteFate(ev, found, how, lost, gained)


def answer_readable(q: Question) -> bool:
    """For text, number and choice: the answer itself can be read in the quotes."""
    if q.type not in ("text", "number", "choice"):
        return True
    quotes = " … ".join(e.quote for e in q.evidence)
    if q.type == "number" and isinstance(q.answer, int | float) and not isinstance(q.answer, bool):
        slack = max(float(q.tolerance or 0), abs(float(q.answer)) * 1e-9)
        return any(abs(n - float(q.answer)) <= slack for n in numbers_in(quotes))
    return contains_folded(quotes, str(q.answer))


def _note(outcome: str, fates: list[QuoteFate], dropped: bool) -> str:
    parts = []
    for f in fates:
        if f.how == "changed":
            was = ", ".join(f.lost) or "nothing"
            now = ", ".join(f.gained) or "nothing"
            quote = _short(f.new.quote if f.new else "")
            parts.append(f"the passage changed ({was} -> {now}): \"{quote}\"")
        elif f.how == "gone":
            why = f" ({'; '.join(f.lost)})" if f.lost else ""
            parts.append(f"the passage \"{_short(f.old.quote, 50)}\" is gone{why}")
    text = "quiz rebase: " + "; ".join(parts)
    if dropped:
        text += "; the answer is not in the passage any more, so that evidence was removed: " \
                "fix the answer, then run quiz ground"
    else:
        text += "; check the question, then approve it"
    return text


def plan_question(q: Question, old_article: Article, new: Anchors) -> QuestionPlan:
    fates = [_fate(old_article, new, ev) for ev in q.evidence]
    outcome = max((f.how for f in fates), key=_RANK.__getitem__, default="unchanged")
    if outcome == "unchanged":
        return QuestionPlan(q, outcome, fates)
    kept = [f.new for f in fates if f.new is not None]
    updated = replace(q, evidence=kept)
    dropped = False
    if kept and not answer_readable(updated):
        # Keep only the quotes whose words did not change, if they still prove it.
        steady = [f.new for f in fates if f.new is not None and f.how in ("unchanged", "moved")]
        updated = replace(q, evidence=steady)
        if not steady or not answer_readable(updated):
            updated = replace(q, evidence=[])
        dropped = True
        outcome = max(outcome, "changed", key=_RANK.__getitem__)
    demote = outcome in ("changed", "gone") or not updated.evidence
    note = None
    if demote:
        note = _note(outcome, fates, dropped)
        if q.status == "approved" or not updated.evidence:
            updated = replace(updated, status="draft")
    return QuestionPlan(updated, outcome, fates, note, dropped)


def plan_rebase(bank: Bank, disk_text: str, article_text: str,
                new_path: str = "<new article>") -> RebasePlan:
    """What a rebase onto ``article_text`` would do; checked by loading the result."""
    new_article = parse_article(article_text, new_path)
    anchors = Anchors(new_article)
    old_article = bank.article
    plans = [plan_question(q, old_article, anchors) for q in bank.questions]
    plan = RebasePlan(bank, article_text, plans)
    _settle(plan, disk_text)
    return plan


def _settle(plan: RebasePlan, disk_text: str) -> None:
    """Render and load the planned bank; a question the loader refuses loses its evidence."""
    saved = {q.id: question_to_dict(q) for q in plan.bank.questions}
    for _ in range(3):
        planned = replace(plan.bank, questions=[p.question for p in plan.plans])
        notes = {p.id: p.note for p in plan.plans if p.note}
        text, spliced = rewrite.render(planned, disk_text, saved, plan.changed_ids, notes)
        draft = rewrite.check_draft(planned, text, plan.article_text, spliced)
        plan.draft = draft
        if draft.ok:
            plan.bank = planned
            return
        refused = {d.question_id for d in draft.problems if d.question_id}
        if not refused or any(d.question_id is None for d in draft.problems):
            return
        for p in plan.plans:
            if p.id in refused:
                p.question = replace(p.question, evidence=[], status="draft")
                p.outcome = "gone"
                p.evidence_dropped = True
                p.note = ("quiz rebase: the revised article no longer proves this question as "
                          "written, so its evidence was removed; fix it, then run quiz ground")


def read_article_text(path: Path) -> str:
    """The new article's text exactly as it is on disk (line ends kept)."""
    return path.read_bytes().decode("utf-8")
