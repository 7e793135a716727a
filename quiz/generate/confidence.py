"""How sure the generator is that a draft can be used as written, from 0 to 1.

The rule that made it sets the base (an infobox date read through a known key is
surer than a blank cut from a long sentence); what is known to go wrong in review
lowers it: long prompts, long typed answers, quoted speech, names of unsure kind, and
the shapes strict reviewers failed most (a bare abbreviation typed in, one name of a
long list, a question turned inside out).
Drafts below ``THRESHOLD`` are not written unless asked for.
"""

from __future__ import annotations

import re

from quiz.generate.candidate import Candidate

THRESHOLD = 0.6

_BASE = {
    "infobox-date": 0.86, "infobox-person": 0.8, "infobox-place": 0.74, "infobox-org": 0.66,
    "infobox-number": 0.72, "infobox-attribute": 0.7, "wh-when": 0.8, "wh-who": 0.74,
    "appositive": 0.74, "cause": 0.7, "how-many": 0.78, "order-events": 0.66, "cloze-date": 0.76,
    "measure": 0.78,
    "cloze-year": 0.76, "cloze-number": 0.7, "cloze-person": 0.72, "cloze-place": 0.68,
    "cloze-org": 0.68, "cloze-event": 0.68, "truefalse": 0.64, "kinship": 0.74, "taxonomy": 0.76,
    "named-after": 0.8, "other-name": 0.72, "founded-by": 0.78, "record": 0.72, "heritage": 0.82,
    # what the subject is, from its defining sentences
    "lead-role": 0.78, "lead-located": 0.76, "lead-setting": 0.78, "lead-headquarters": 0.78,
    "lead-endemic": 0.8, "lead-related": 0.76, "lead-ended": 0.8, "lead-record": 0.74,
    "lead-profession": 0.74,
    "agent": 0.78, "known": 0.76,
    # a species' or a place's names, threat, desert and industry, read from fixed shapes
    "nature-nickname": 0.78, "nature-alias": 0.74, "nature-threat": 0.76,
    "nature-desert": 0.78, "nature-industry": 0.74, "nature-habitat": 0.76,
    "nature-names": 0.74, "nature-population": 0.76,
    "nature-treasure": 0.74,
}


def confidence(c: Candidate) -> float:
    score = _BASE.get(c.rule, 0.6)
    words = len(c.prompt.split())
    if words > 22:
        score -= 0.05
    if words > 30 and not named_blank(c):
        score -= 0.1
    if c.type == "choice":
        score += 0.04  # three distractors of its kind, none stated true in the article
    if c.type == "text" and len(str(c.answer).split()) > 3:
        score -= 0.06  # long typed answers are hard to type exactly
    if c.type == "text" and len(str(c.answer).split()) > 4 and not any(
            len(a.split()) <= 3 for a in c.accept):
        score -= 0.08  # "Member of the House of Councillors": no student types it so
    if c.type == "text" and re.fullmatch(r"[A-Z]{2,6}", str(c.answer)):
        score -= 0.12  # a bare abbreviation: its long name, which a student may give, is unknown
    if c.prompt.startswith("Name one") and len(c.accept) >= 6:
        score -= 0.25  # one of a long list: weak, and its names come in many forms
    if re.match(r"(?:Of|With|From|By|For|To|In) how many\b", c.prompt):
        score -= 0.2  # "Of how many participants did ... consisting?": a question turned inside out
    if re.search(r"[\"“”]", c.prompt):
        score -= 0.04  # quoted speech cut into a question reads oddly
    if ";" in c.prompt:
        score -= 0.05  # two clauses: the question is a chore to read
        if c.rule.startswith("cloze"):
            score -= 0.05  # and a blank in one often leans on a clause with no verb
    if c.type == "truefalse" and c.answer is True:
        score -= 0.02
    if c.kind == "place" and c.rule.startswith("cloze") and c.choices == [] and \
            len(str(c.answer).split()) == 1:
        score -= 0.04  # a one-word place typed in: often a forced or vague blank
    if c.type == "text" and re.search(r"\bWorld War\b", str(c.answer)):
        score -= 0.15  # "WWII", "the Second World War": more forms than a draft knows
    return round(max(0.0, min(1.0, score)), 2)


_NAME_LINKS = {"of", "the", "and", "for", "de", "da", "do", "du", "von", "van", "al", "bin"}


def named_blank(c: Candidate) -> bool:
    """A blank that is a full name of a person or body ("Yugoslav president _____" for
    "Josip Broz Tito", "at the _____" for "University of Pennsylvania"), or one to pick
    among four of a kind: one right answer, which the rest of a long sentence does not
    force, and nothing long to type, so the sentence's length costs little."""
    if c.type == "choice" and c.rule.startswith("cloze"):
        return True
    if c.rule not in ("cloze-person", "cloze-org", "cloze-event"):
        return False
    words = str(c.answer).split()
    return len(words) >= 2 and words[-1][:1].isupper() and all(
        w[:1].isupper() or w in _NAME_LINKS for w in words)
