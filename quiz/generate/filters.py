"""Hard filters: a candidate that fails one is dropped, and the reason counted.

These run on every candidate, whatever rule made it, so a new rule cannot
slip a leaked answer or an unprovable claim into a bank.
"""

from __future__ import annotations

import re

from quiz.bank.normalize import contains_folded, fold
from quiz.bank.numbers import numbers_in
from quiz.generate.audit import has_hole
from quiz.generate.candidate import Candidate
from quiz.generate.text import content_words, is_latin_text

MIN_PROMPT_WORDS = 4
MAX_PROMPT_WORDS = 38
MAX_CLOZE_WORDS = 32  # what is left after rules.trim_around has cut what it can


def long_cloze(c: Candidate) -> bool:
    """A long sentence with a blank in it reads as a chore: taken only when the bank
    would otherwise fall short."""
    return c.rule.startswith("cloze") and len(c.prompt.split()) > MAX_CLOZE_WORDS
MAX_TEXT_ANSWER_WORDS = 6
MAX_ANSWER_CHARS = 70


def answer_in_evidence(c: Candidate, quotes: str) -> bool:
    """The rule the bank loader enforces: the evidence states the answer."""
    if c.type == "number":
        target = float(c.answer)  # type: ignore[arg-type]
        if any(abs(n - target) <= max(c.tolerance, abs(target) * 1e-9)
               for n in numbers_in(quotes)):
            return True
    elif c.type in ("text", "choice") and contains_folded(quotes, str(c.answer)):
        return True
    elif c.type == "multi":
        return all(contains_folded(quotes, a) for a in c.answer)  # type: ignore[union-attr]
    elif c.type in ("truefalse", "order"):
        return True
    return c.type in ("text", "number") and any(contains_folded(quotes, a) for a in c.accept)


def leaks(c: Candidate) -> bool:
    """Is the answer (or most of it) readable in the prompt itself?"""
    if c.type in ("truefalse", "order"):
        return False
    prompt = c.prompt
    forms = [c.answer] if not isinstance(c.answer, list) else list(c.answer)
    forms = [str(f) for f in forms] + c.accept
    if c.type == "number":
        target = float(c.answer)  # type: ignore[arg-type]
        if any(abs(n - target) < 1e-9 for n in numbers_in(prompt)):
            return True
        forms = c.accept
    for form in forms:
        if len(fold(form)) >= 2 and contains_folded(prompt, form):
            return True
    if c.type in ("text", "choice"):
        words = content_words(str(c.answer))
        if len(words) >= 2 and len(words & content_words(prompt)) * 2 > len(words):
            return True
        surname = str(c.answer).split()[-1] if c.kind in ("person", "name") else ""
        if len(surname) >= 4 and surname[0].isupper() and contains_folded(prompt, surname):
            return True  # "... and Frisch named it": the surname gives the person away
    return False


def trivial(c: Candidate, title: str) -> bool:
    """The article's own subject as the answer: true by construction in its own bank."""
    if c.type in ("truefalse", "order", "number", "multi"):
        return False
    a, t = fold(str(c.answer)), fold(title)
    if a and (a == t or f" {a} " in f" {t} " or f" {t} " in f" {a} "):
        return True
    # "Korea" in a bank titled "Inter-Korean ...": the title spells it out
    words = content_words(str(c.answer))
    title_words = content_words(title)
    return bool(words) and all(any(tw.startswith(w) and len(w) >= 4 for tw in title_words)
                               for w in words)


def bad_shape(c: Candidate) -> str | None:
    n = len(c.prompt.split())
    if n < MIN_PROMPT_WORDS or n > MAX_PROMPT_WORDS:
        return "length"
    if c.type in ("text", "choice"):
        answer = str(c.answer)
        if len(answer) > MAX_ANSWER_CHARS or not answer.strip():
            return "length"
        if c.type == "text" and len(answer.split()) > MAX_TEXT_ANSWER_WORDS and not c.accept:
            return "length"
        if c.type == "text" and _is_list(answer):
            return "list-answer"  # nobody types "A, B and C" exactly: ask for one of them
        if c.type == "text" and _long_phrase(answer) and not any(
                not _long_phrase(a) for a in c.accept):
            return "long-answer"
        if answer.count("(") != answer.count(")") or answer.count('"') % 2:
            return "bad-answer"
        if c.type == "text" and not is_latin_text(answer) and not any(
                is_latin_text(a) for a in c.accept):
            return "bad-answer"  # cannot be typed on most keyboards
    if c.kind == "name" and len(str(c.answer).split()) == 1 and not _proper_enough(c):
        return "vague-answer"  # a lone capitalised word of unknown kind ("the State")
    if c.prompt.count("(") != c.prompt.count(")") or c.prompt.count('"') % 2:
        return "bad-prompt"
    if re.search(r"\d\s*[–—-]\s*_____|_____\s*[–—-]\s*\d", c.prompt):
        return "cut-range"  # "held on 17–_____": half a range, and a choice may undercut it
    if re.search(r"\b(?:he|she|they|it|this|these|those)\s*\?$", c.prompt, re.IGNORECASE):
        return "dangling-pronoun"
    return None


def _is_list(answer: str) -> bool:
    return answer.count(", ") >= 2 or (", " in answer and " and " in answer)


def _long_phrase(answer: str) -> bool:
    """More than four words that are not a name: a phrase no one types word for word."""
    ws = [w for w in answer.split() if w.lower() not in ("of", "the", "and", "de", "da", "in")]
    capitalised = sum(w[:1].isupper() or w[:1].isdigit() for w in ws)
    return len(answer.split()) > 4 and capitalised * 2 < len(ws)


def _proper_enough(c: Candidate) -> bool:
    """"NASA", "of Venice" are names; "the State", "the Great" may be common words."""
    answer = str(c.answer)
    if answer.isupper() and 2 <= len(answer) <= 6:
        return True
    return bool(re.search(r"\b(?:of|in|to|from|at|near|by) _____", c.prompt))


def reject_reason(c: Candidate, quotes: str, title: str) -> str | None:
    """Why ``c`` must not be written, or None."""
    if not answer_in_evidence(c, quotes):
        return "answer-not-in-evidence"
    if leaks(c):
        return "answer-in-prompt"
    if trivial(c, title):
        return "trivial"
    if has_hole(c.prompt) or has_hole(c.explanation):
        return "broken-text"
    if c.type in ("choice", "multi"):
        if len(c.choices) < 3 or len({fold(x) for x in c.choices}) < len(c.choices):
            return "bad-distractors"
        answers = c.answer if isinstance(c.answer, list) else [c.answer]
        wrong = [x for x in c.choices if x not in answers]
        forms = [fold(str(a)) for a in answers] + [fold(a) for a in c.accept]
        if any(fold(w) in forms for w in wrong):
            return "bad-distractors"
    return bad_shape(c) or low_value(c, title)


# A blank after these asks for a transliteration or an alias, not a fact worth learning.
_ALIAS_BEFORE_RE = re.compile(
    r"\b(?:courtesy name|art name|pen name|posthumous name|romanized as|romanised as|"
    r"also known as|also called|known as|formerly|spelled|spelt|transliterated|native name|"
    r"literally|meaning|abbreviated|abbreviation|short for)\W*(?:as\s+)?_____")
_ERA_RE = re.compile(r"(?:BCE?|CE|AD|A\.D\.|B\.C\.)")
_TITLE_BEFORE_RE = re.compile(r"\b(?:Emperor|Empress|King|Queen|Prince|Princess|Lady|Lord|"
                              r"Duke|Consort|Pope|Saint|St\.?|Mount|Lake|River|Dowager)\s+_____")

_NAME_BEFORE_RE = re.compile(
    r"(?<!^)(?<![.!?] )(?!(?:On|In|By|At|From|Since|Until|During|After|Before)\b)"
    r"\b[A-Z][\w-]*(?:['’]s?)?\s+_____")


# Nouns whose referent was named in a sentence that is not shown.
_CONTEXT_NOUNS_RE = re.compile(
    r"\b(?:the|The) (?:area|city|town|region|park|country|countries|couple|pair|latter|"
    r"former|same|above|following|previous|next|two|three|both|then-[a-z]+|new [a-z]+|"
    r"emperor|empress|king|queen|court|government|capital|island|islands|river|group|"
    r"organisation|organization|movement|conference|war|battle|treaty|agreement|declaration|"
    r"office|building|project|plan|event|games|team|species|bird|animal|dolphin|bridge|"
    r"structure|archive|aqueduct|stadium|revolution|regime|dynasty|state|party|army)\b"
    r"|\b(?:both|neither) (?:countries|sides|parties|leaders|men|women)\b|\bthen\b")
# The blank is the date a statistic was counted: "the estimate as at mid _____ was ...",
# "At the _____ Census the population was ...".
_COUNTED_WHEN_RE = re.compile(
    r"\b(?:as (?:at|of)|estimated? (?:as )?(?:at|of|in|for))\s+(?:the\s+)?(?:mid[- ]?|end[- ]|"
    r"early |late )?_____|_____\s+(?:census|estimate|count|survey)\b", re.IGNORECASE)
_NO_ANSWERS = {"unknown", "none", "n/a", "na", "various", "other", "yes", "no", "-"}


def lost_context(c: Candidate, title: str) -> bool:
    """Does the prompt lean on a noun ("the area", "both countries") it does not name?"""
    for m in _CONTEXT_NOUNS_RE.finditer(c.prompt):
        noun = m.group(0).split()[-1].lower()
        if noun in fold(title).split():
            continue  # "the office" in a bank about the Liaison Office is its subject
        after = c.prompt[m.end():]
        if re.match(r"\s+(?:of|in)\s+(?:[a-z-]+\s+){0,3}[A-Z]|\s+[A-Z]", after):
            continue  # "the city of Lisbon", "the river Tagus": named after all
        return True
    return _bare_possessive(c.prompt, title)


def _bare_possessive(prompt: str, title: str) -> bool:
    """"Under Liu's rule, ...": a lone name in the possessive that is not the subject
    was introduced in full in a sentence that is not shown."""
    own = set(fold(title).split())
    for m in re.finditer(r"\b([A-Z][a-z]+)['’]s\b(?! [A-Z])", prompt):
        before = prompt[:m.start()].rstrip()
        if re.search(r"[A-Z][\w-]*$", before) and not re.search(r"(?:^|[.!?]\s)[A-Z][\w-]*$",
                                                                 before):
            continue  # part of a longer name ("North Korea's")
        if m.group(1).lower() not in own and fold(m.group(1)) not in own:
            return True
    return False


def low_value(c: Candidate, title: str = "") -> str | None:
    """A blank a teacher would not ask: an alias, an era mark, a word the rest of the
    sentence forces, the half of a name whose other half is shown; a prompt that leans
    on context it does not show; a non-answer such as "Unknown"."""
    answer = str(c.answer)
    if fold(answer) in _NO_ANSWERS:
        return "no-answer"
    if c.type != "order" and lost_context(c, title):
        return "lost-context"
    if re.search(r"\bwho [^,?]*,", c.prompt) and c.rule == "wh-who":
        return "broken-prompt"
    if not c.rule.startswith("cloze") and c.rule != "truefalse":
        return None
    if re.search(r", _____\.$", c.prompt) and c.kind in ("place", "org"):
        return "forced-blank"  # "... in Hubei province, _____." (the country)
    if c.rule.startswith("cloze"):
        if c.kind == "name":
            return "unknown-kind"  # a capitalised word of unknown kind: often not a fact
        if _ERA_RE.fullmatch(answer.strip()):
            return "era-mark"
        if c.kind in ("year", "date", "monthyear") and _COUNTED_WHEN_RE.search(c.prompt):
            return "statistic-date"  # when a figure was counted, not the figure
        if _ALIAS_BEFORE_RE.search(c.prompt):
            return "alias-blank"
        if _TITLE_BEFORE_RE.search(c.prompt) or re.search(r"_____['’]?s?\s+[A-Z]", c.prompt) \
                or _NAME_BEFORE_RE.search(c.prompt):
            return "part-of-a-name"
        if re.search(r"\b(?:North|South|East|West)(?:ern)?\s+[A-Z][\w-]*\b", c.prompt) and \
                re.search(r"\b(?:between|and)\s+_____|_____\s+and\b", c.prompt):
            return "forced-blank"  # "between _____ and South Korea"
        for w in content_words(answer):
            if len(w) >= 4 and w in content_words(c.prompt.replace("_____", " ")):
                return "forced-blank"  # the answer's own word stands beside the blank
    return None


def near_duplicate(a: Candidate, b: Candidate) -> bool:
    """Two prompts that ask the same thing in nearly the same words."""
    wa, wb = _question_words(a.prompt), _question_words(b.prompt)
    if not wa or not wb:
        return False
    overlap = len(wa & wb) / len(wa | wb)
    same_answer = fold(str(a.answer)) == fold(str(b.answer))
    if a.group == b.group and a.group >= 0 and (_gives_away(a, b) or _gives_away(b, a)):
        return True  # two blanks in one sentence: each prompt holds the other's answer
    return overlap >= 0.8 or (same_answer and overlap >= 0.4)


def _question_words(prompt: str) -> set[str]:
    """Content words plus the question word: "When ... signed?" is not "Where ... signed?"."""
    wh = {w for w in fold(prompt).split() if w in ("who", "when", "where", "why", "what", "how",
                                                  "which")}
    return content_words(prompt) | wh


def _gives_away(a: Candidate, b: Candidate) -> bool:
    """Does ``b``'s prompt hold ``a``'s answer?"""
    if isinstance(a.answer, (bool, list)):
        return False
    if a.type == "number":
        return any(abs(n - float(a.answer)) < 1e-9 for n in numbers_in(b.prompt))
    return contains_folded(b.prompt, str(a.answer))


def reveals(a: Candidate, b: Candidate) -> bool:
    """Does ``b``'s prompt give away ``a``'s answer (or a form it accepts)?"""
    if a.type in ("truefalse", "order"):
        return False
    if a.type == "number":
        return any(abs(n - float(a.answer)) < 1e-9  # type: ignore[arg-type]
                   for n in numbers_in(b.prompt))
    answers = a.answer if isinstance(a.answer, list) else [a.answer]
    forms = [str(x) for x in answers] + list(a.accept)
    return any(len(fold(f)) >= 2 and contains_folded(b.prompt, f) for f in forms)
