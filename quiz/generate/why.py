""""Why" questions from sentences that state a cause or a purpose outright.

"It had been vacant since January due to the COVID-19 pandemic" -> "Why had the
Inter-Korean Liaison Office been vacant since January?" (answer: the cause). Only
explicit markers count ("because", "due to", "in response to", "so that", ...);
the cause must be short, whole, and lean on nothing the question does not show.
Where the article states other causes of the same form, they become the wrong
choices and the false version of a true/false statement of the causal link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from quiz.bank.normalize import fold
from quiz.generate.accepts import fair_form
from quiz.generate.audit import has_hole, stated
from quiz.generate.candidate import Candidate
from quiz.generate.context import Topic
from quiz.generate.rules import SentenceInfo
from quiz.generate.text import (
    capitalise_first,
    content_words,
    lower_first,
    stable_order,
    tidy,
    wordset,
)

MAX_CAUSE_WORDS = 12
MAX_MAIN_WORDS = 20
# marker -> what follows it: a noun phrase, a clause, or a purpose
_NP_MARKERS = ("because of", "due to", "owing to", "as a result of", "in response to",
               "in retaliation for", "as a retaliation for", "in protest over",
               "in protest against", "in protest at")
_CLAUSE_MARKERS = ("because", "so that")
_PURPOSE_MARKERS = ("in order to",)
_MARKERS = sorted(_NP_MARKERS + _CLAUSE_MARKERS + _PURPOSE_MARKERS, key=len, reverse=True)
_MARKER_RE = "|".join(re.escape(m) for m in _MARKERS)
_AUX = wordset("was were is are has have had could would can will")
_ADVERBS = wordset("only also later then partially eventually never not soon largely partly "
                   "mainly finally first")
_LEANING = wordset("they them their theirs this that these those it its there such "
                   "former latter same")
_IRREGULAR = {
    "became": "become", "chose": "choose", "led": "lead", "made": "make", "took": "take",
    "gave": "give", "went": "go", "came": "come", "wrote": "write", "fought": "fight",
    "held": "hold", "met": "meet", "left": "leave", "built": "build", "sent": "send",
    "saw": "see", "rose": "rise", "fell": "fall", "grew": "grow", "ran": "run",
    "bought": "buy", "sold": "sell", "spent": "spend", "taught": "teach", "told": "tell",
    "found": "find", "drew": "draw", "broke": "break", "kept": "keep", "knew": "know",
    "paid": "pay", "said": "say", "stood": "stand", "struck": "strike", "threw": "throw",
    "withdrew": "withdraw", "won": "win", "lost": "lose", "began": "begin", "fled": "flee",
}


@dataclass
class Causal:
    si: SentenceInfo
    main: str  # the effect, as a clause ("It had been vacant since January")
    cause: str  # "the COVID-19 pandemic in Korea"
    form: str  # np | clause | purpose
    marker: str


def base_form(verb: str) -> str | None:
    """``appointed`` -> ``appoint``; None when the spelling leaves it unsure."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if not verb.endswith("ed") or len(verb) < 5:
        return None
    stem = verb[:-2]
    if verb.endswith("eed"):
        return verb[:-1]  # agreed -> agree
    if stem.endswith("i"):
        return stem[:-1] + "y"  # levied -> levy
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
        return stem[:-1]  # stopped -> stop
    needs_e = r"(?:[cgvzu]|[^s]s|at|ut|ot|ir|ur|ar|in|am|im|um|ak|ok|ik|ib)$"
    if re.search(needs_e, stem) and not re.search(r"[aeiou]{2}[a-z]$", stem):
        return stem + "e"  # closed -> close, created -> create, combined -> combine
    if re.search(r"(?:[aeiou]{2}[a-z]|[^aeiou][^aeiou]|er|en|on|el|ow|ew|ay|ey|oy)$", stem):
        return stem  # appointed, maintained, considered, opened
    return None


def _split(body: str) -> Causal | None:
    """Find the marker and the two sides of it."""
    lead = re.match(rf"(?P<m>{_MARKER_RE}) (?P<cause>[^,]+), (?P<main>.+)$", body,
                    re.IGNORECASE)
    if lead:
        marker, cause, main = lead["m"].lower(), lead["cause"], lead["main"]
    else:
        m = re.search(rf",? (?P<m>{_MARKER_RE}) (?P<cause>.+)$", body)
        if not m:
            return None
        marker, cause, main = m["m"], m["cause"], body[:m.start()]
    # the cause ends where a new clause starts; any other comma may cut a list short
    cause = re.split(r",? (?:which|who|while|whereas|where)\b|, (?=[a-z]+ing\b)", cause)[0]
    cause = cause.strip()
    if "," in cause:
        return None
    form = "np" if marker in _NP_MARKERS else ("purpose" if marker in _PURPOSE_MARKERS
                                               else "clause")
    return Causal(None, capitalise_first(main.strip(" ,")), cause, form,  # type: ignore[arg-type]
                  marker)


def _question(main: str, topic: Topic) -> str | None:
    """The effect as a why-question: "X was closed" -> "Why was X closed?"."""
    words = main.split()
    for i in range(1, min(len(words), 14)):
        w = words[i]
        subj = " ".join(words[:i])
        if w in _AUX:
            rest = words[i + 1:]
            if not rest:
                return None
            return f"Why {w} {_lower_subject(subj)} {' '.join(rest)}?"
        adverbs = []
        j = i
        while j < len(words) and words[j] in _ADVERBS:
            adverbs.append(words[j])
            j += 1
        if j < len(words) and words[j][:1].islower() and (
                words[j] in _IRREGULAR or words[j].endswith("ed")):
            base = base_form(words[j])
            if base is None or "," in subj:
                return None
            tail = " ".join([*adverbs, base, *words[j + 1:]])
            return f"Why did {_lower_subject(subj)} {tail}?"
        if j == i and re.fullmatch(r"[a-z]+(?:ies|[^s]s)", w) and _proper(subj) and (
                subj in (topic.title, topic.short) or len(subj.split()) >= 2):
            base = w[:-3] + "y" if w.endswith("ies") else w[:-1]
            return f"Why does {subj} {' '.join([base, *words[i + 1:]])}?"
        if w[:1].isupper() or w in ("of", "the", "de", "and", "in", "that", "on", "at") or (
                words[0] in ("The", "A", "An") and w[:1].islower()) or i == 1:
            continue
        return None
    return None


def _proper(subj: str) -> bool:
    """A name ("Cai Lun"), so a verb after it ending in -s is a present tense."""
    return all(w[:1].isupper() for w in subj.split())


def _lower_subject(subj: str) -> str:
    """Sentence case off: "The office" -> "the office", "Later generations" too."""
    ws = subj.split()
    common = len(ws) > 1 and ws[1][:1].islower()
    if common and not re.match(r"(?:The|A|An) ", subj):
        return subj[:1].lower() + subj[1:]
    return lower_first(subj)


def _leans(text: str, topic: Topic, allow_it: bool) -> bool:
    ws = {w.strip(".,;:'’\"").lower() for w in text.split()}
    bad = set(_LEANING)
    if allow_it:
        bad -= {"it", "its"}
    if not topic.is_person:
        bad |= {"he", "she", "his", "her", "him"}
    return bool(ws & bad)


def causals(infos: list[SentenceInfo], topic: Topic) -> list[Causal]:
    out = []
    for si in infos:
        t = si.text
        if not t or has_hole(t) or re.search(r"[\"“”()]", t):
            continue
        body = t.rstrip(".")
        if ";" in body:
            continue  # two statements: which one the cause belongs to is not always clear
        c = _split(body)
        if c is None or not c.cause or not c.main:
            continue
        c.si = si
        n = len(c.cause.split())
        if not 2 <= n <= MAX_CAUSE_WORDS or len(c.main.split()) > MAX_MAIN_WORDS:
            continue
        out.append(c)
    return out


def why_questions(infos: list[SentenceInfo], topic: Topic, units: list[str]
                  ) -> list[Candidate]:
    """Why-questions, with a choice form when the article gives other causes of the
    same form, and a true/false statement whose false version swaps the cause."""
    found = causals(infos, topic)
    out: list[Candidate] = []
    for c in found:
        prompt = _question(c.main, topic)
        if prompt is None or _leans(prompt, topic, allow_it=False):
            continue
        if _leans(c.cause, topic, allow_it=bool(re.match(re.escape(topic.noun_phrase),
                                                         c.main, re.IGNORECASE))):
            continue
        answer = c.cause
        if c.form == "purpose":
            answer = "to " + answer
        base = Candidate(
            rule="cause", type="text", prompt=tidy(prompt), answer=answer, kind="cause",
            quotes=[(c.si.sentence.start, c.si.sentence.end)], group=c.si.sentence.start,
            answer_text=answer, accept=_cause_forms(answer) if c.form == "np" else [],
            explanation=tidy(c.si.sentence.text), score=2.8, difficulty=3,
            tags=["causes"], statement=c.si.text or "",
        )
        if _typeable(answer, [f for f in base.accept if fair_form(base, f)]):
            out.append(base)
        # a related cause ("measures against the pandemic" beside "the pandemic") is
        # not wrong enough to be a distractor
        others = [o for o in found if o is not c and o.form == c.form
                  and fold(o.cause) != fold(c.cause)
                  and not content_words(o.cause) & content_words(c.cause + " " + c.main)]
        wrong = [("to " + o.cause) if o.form == "purpose" else o.cause for o in others]
        wrong = [w for w in dict.fromkeys(wrong) if not stated(units, prompt, w)]
        if len(wrong) >= 3:
            choices = stable_order([answer, *wrong[:3]], seed=prompt)
            out.append(replace(base, type="choice", choices=choices, accept=[],
                               score=base.score + 0.1, difficulty=2))
        if wrong and c.form == "np":
            false = f"{capitalise_first(c.main)} {c.marker} {wrong[0]}."
            if not stated(units, false, wrong[0]):
                out.append(replace(base, rule="truefalse", type="truefalse", prompt=tidy(false),
                                   answer=False, accept=[], choices=[], difficulty=1,
                                   score=base.score - 0.3))
    return out


_EFFECT_RE = re.compile(
    r"(?:,? and|,[^,]{3,80},)? (?P<verb>led to|resulted in) (?P<effect>[^,;]+)$")


def effect_questions(infos: list[SentenceInfo], topic: Topic) -> list[Candidate]:
    """``The revolution ... and led to the establishment of the Republic`` -> "What did
    the 1911 Revolution lead to?": only where the article's subject is what led to it."""
    out: list[Candidate] = []
    names = tuple(n for n in {topic.title, capitalise_first(topic.noun_phrase)} if n)
    for si in infos:
        t = si.text
        if not t or has_hole(t) or not t.startswith(names) or re.search(r"[\"“”();]", t):
            continue
        m = _EFFECT_RE.search(t.rstrip("."))
        if not m:
            continue
        effect = m["effect"].strip()
        # the subject of "led to" must be the article's subject, not a clause in between
        between = t[:m.start()]
        if re.search(r"\b(?:which|that|who|when|where)\b", between):
            continue
        if not 2 <= len(effect.split()) <= MAX_CAUSE_WORDS or _leans(effect, topic, False):
            continue
        verb = "lead to" if m["verb"] == "led to" else "result in"
        prompt = f"What did {topic.noun_phrase} {verb}?"
        forms = _cause_forms(effect)
        if not _typeable(effect, forms):
            continue
        out.append(Candidate(
            rule="cause", type="text", prompt=prompt, answer=effect, kind="cause",
            quotes=[(si.sentence.start, si.sentence.end)], group=si.sentence.start,
            answer_text=effect, accept=forms,
            explanation=tidy(si.sentence.text), score=2.8, difficulty=3, tags=["causes"],
            statement=t,
        ))
    return out


# A written cause longer than this, with no shorter accepted form, is more than a
# student types word for word ("his addition of pulp via tree bark and hemp ends").
MAX_TYPED_WORDS = 8

# "the establishment of the Republic of China": the name it ends in is what was made
_NAMED_OBJECT_RE = re.compile(
    r"\bof (?P<name>(?:the )?[A-Z][\w'’-]*(?:(?: of(?: the)?| and)? [A-Z][\w'’-]*)*)$")


def _typeable(answer: str, forms: list[str]) -> bool:
    return any(len(f.split()) <= MAX_TYPED_WORDS for f in [answer, *forms])


def _cause_forms(why: str) -> list[str]:
    """Shorter ways to say the cause that are still right: "the COVID-19 pandemic"; the
    name an act of making ends in ("the Republic of China" for its establishment)."""
    forms = []
    bare = re.sub(r"^(?:the|a|an) ", "", why)
    if bare != why:
        forms.append(bare)
    named = _NAMED_OBJECT_RE.search(bare)
    if named and re.match(r"(?:establishment|creation|founding|formation|foundation) of",
                          bare):
        name = named["name"]
        forms += [name, re.sub(r"^the ", "", name)]
    m = re.search(r"(?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*)*(?: [a-z]+)?", why)
    if m and m.group(0) != why and len(m.group(0).split()) >= 2:
        forms.append(m.group(0))
    cut = re.split(r" (?:in|of|at|on|from) ", bare, maxsplit=1)[0]
    if cut not in (bare, why) and len(cut.split()) >= 2:
        forms.append(cut)
    return list(dict.fromkeys(forms))
