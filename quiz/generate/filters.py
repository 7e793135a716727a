"""Hard filters: a candidate that fails one is dropped, and the reason counted.

These run on every candidate, whatever rule made it, so a new rule cannot
slip a leaked answer or an unprovable claim into a bank.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from quiz.bank.normalize import contains_folded, fold
from quiz.bank.numbers import numbers_in
from quiz.generate import places
from quiz.generate.audit import has_hole, spelled_apart
from quiz.generate.candidate import Candidate
from quiz.generate.spans import date_sort_key, find_spans
from quiz.generate.text import content_words, is_latin_text, wordset

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
        if spelled_apart(form, prompt):
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
    if len(t.split()) >= 2 and set(t.split()) <= set(a.split()):
        return True  # "Joseph Mellick Leidy" in a bank about Joseph Leidy
    # "Korea" in a bank titled "Inter-Korean ...": the title spells it out
    words = content_words(str(c.answer))
    title_words = content_words(title)
    return bool(words) and all(any(tw.startswith(w) and len(w) >= 4 for tw in title_words)
                               for w in words)


_NAME = r"[A-Z0-9][\w'’-]*(?:\s+(?:(?:of|the|de|and)\s+)?[A-Z0-9][\w'’-]*)*"
_ALIAS_RE = re.compile(rf"\b(?:known|called|referred to) as (?:simply )?(?:the )?[\"“]?({_NAME})")
_OR_ALIAS_RE = re.compile(rf"[\"”]?\s*or (?:the )?[\"“]?({_NAME})")


def subject_aliases(lead: str) -> list[str]:
    """The subject's other names its opening sentence gives ("also known as the "Cairo
    Conference"", "commonly known as Wuhan 2019"): blanking one asks for the subject."""
    out: list[str] = []
    for m in _ALIAS_RE.finditer(lead):
        out.append(m.group(1))
        more = _OR_ALIAS_RE.match(lead, m.end())
        if more:
            out.append(more.group(1))
    return [a for a in out if len(a) >= 3]


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
    if c.kind not in ("year", "date", "monthyear", "erayear") and re.search(
            r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten))\s+to\s+_____|"
            r"\bbetween\s+\S+\s+and\s+_____|_____\s+to\s+\d", c.prompt):
        return "cut-range"  # "measures 86 to _____ cm": one end of a size, not the size
    if re.search(r"\b(?:he|she|they|it|this|these|those)\s*\?$", c.prompt, re.IGNORECASE):
        return "dangling-pronoun"
    if _STRAY_ERA_RE.search(c.prompt):
        return "template-seam"  # the dates the era mark belonged to were cut out
    return None


# An era mark after a word, not a number: "a poet of the Eastern Jin dynasty CE".
_STRAY_ERA_RE = re.compile(r"\b(?!(?:century|centuries|millennium|c)\b)[A-Za-z]+\s+"
                           r"(?:BCE|CE|BC|AD)\b")


def _swapped_since(prompt: str, quotes: str) -> bool:
    """Is the value a false statement swapped in the year a running count starts from?"""
    return any(m.group(1) not in quotes for m in _SINCE_YEAR_RE.finditer(prompt))


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


def reject_reason(c: Candidate, quotes: str, title: str,
                  defined: Mapping[str, str] | None = None,
                  aliases: Sequence[str] = (), person: bool = False) -> str | None:
    """Why ``c`` must not be written, or None. ``defined``: the abbreviations the article
    spells out for something other than its subject (see ``defined_abbreviations``);
    ``aliases``: the subject's other names (see ``subject_aliases``); ``person``: the
    subject is a person."""
    if not answer_in_evidence(c, quotes):
        return "answer-not-in-evidence"
    if leaks(c):
        return "answer-in-prompt"
    if trivial(c, title) or (c.type in ("text", "choice") and c.rule != "other-name" and
                             fold(str(c.answer)) in {fold(a) for a in aliases}):
        return "trivial"  # the subject, or its other name ("the Cairo Conference")
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
    if c.type == "truefalse" and c.answer is False and _swapped_since(c.prompt, quotes):
        return "statistic-date"  # "Since 1888, ten ... have won": the count's start swapped
    return bad_shape(c) or low_value(c, title, defined) or unnamed(c, title, aliases, person)


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
    r"\b(?:the|The) (?:area|city|town|region|park|country|countries|couple|pair|"
    r"(?:latter|former)(?!\s+(?![a-z]+ed\b)(?:first|[a-z]+(?:al|ic|an|ary|ial)|capital|"
    r"home|seat|site|name|colony|colonial))|"
    r"same|above|following|previous|next|two|three|both|then-[a-z]+|new [a-z]+|"
    r"emperor|empress|king|queen|court|government|capital|island|islands|river|group|"
    r"organisation|organization|movement|conference|war|battle|treaty|agreement|declaration|"
    r"office|building|project|plan|event|games|team|species|bird|animal|dolphin|bridge|"
    r"structure|archive|aqueduct|stadium|revolution|regime|dynasty|state|party|army|company|"
    r"firm|business|portfolio|family|institute|museum|mosque|church|temple|palace|village|"
    r"municipality|colony|dam|population|site|tree|trees|eagles|birds|animals)\b"
    r"|\b(?:both|neither) (?:countries|sides|parties|leaders|men|women)\b|(?<!\band )\bthen\b")
# The blank is the date a statistic was counted: "the estimate as at mid _____ was ...",
# "At the _____ Census the population was ...".
_COUNTED_WHEN_RE = re.compile(
    r"\b(?:as (?:at|of)|estimated? (?:as )?(?:at|of|in|for))\s+(?:the\s+)?(?:mid[- ]?|end[- ]|"
    r"early |late )?_____|_____\s+(?:census|estimate|count|survey)\b", re.IGNORECASE)
# "Since _____, more than 20 eagles have been rescued": the year a running count starts.
_COUNT_WORDS = (r"(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"dozens|hundreds|thousands|millions)")
_COUNTED_SINCE_RE = re.compile(rf"\b[Ss]ince\s+(?:the\s+)?_____[^.;]*?\b{_COUNT_WORDS}\b")
_SINCE_YEAR_RE = re.compile(rf"\b[Ss]ince\s+(\d{{3,4}})\b(?=[^.;]*?\b{_COUNT_WORDS}\b)")
# A blank beside "or" and a value of its kind: one of two values the article allows.
_EITHER_OR_RE = re.compile(r"_____\s+or\s+(?:\d|[A-Z])|(?:\d|[A-Z][\w'’-]*)\s+or\s+_____")
_YEAR_THEN_RE = re.compile(r"\b\d{3,4}\b[^.;_]*?\b(?:the following year|the next year|"
                           r"the same year)\b")
_NO_ANSWERS = {"unknown", "none", "n/a", "na", "various", "other", "yes", "no", "-"}


# "this species", "these words": the demonstrative points at a sentence not shown.
_DEMONSTRATIVE_RE = re.compile(
    r"\b(?:[Tt]his|[Tt]hese|[Tt]hose)\s+(?!(?:is|was|are|were|has|had|have|will|would|can|"
    r"could|may|might|and|or|of|in|to)\b)([a-z][a-z-]+)\b(?!\s+[A-Z])")
# A sentence opening on a bare definite noun phrase ("The form was applied ...", "The
# village was opened ..."): its referent was named before.
_OPENING_THE_RE = re.compile(r"^The ((?:[a-z][\w-]*)(?: [a-z][\w-]*)?)\b(?!['’])")
# "Leidy also had a brother": "also" adds to a sentence that is not shown.
_DANGLING_ALSO_RE = re.compile(r"(?<!\bbut )\balso\b(?!\s+(?:known|called|named|spelled|"
                               r"spelt|referred|written|styled|romani[sz]ed)\b)", re.IGNORECASE)
_VERBISH = wordset("""is was are were has had have will would can could may might must
    shall should did does do remained became began lies lay""")


def lost_context(c: Candidate, title: str, defined: Mapping[str, str] | None = None) -> bool:
    """Does the prompt lean on a noun ("the area", "both countries", "this species") or
    an abbreviation the article defines ("the CRS") that it does not name?"""
    if _DEMONSTRATIVE_RE.search(c.prompt) or _opens_on_bare_noun(c.prompt, title) or \
            _DANGLING_ALSO_RE.search(c.prompt):
        return True
    if any(re.search(rf"\b{re.escape(a)}\b", c.prompt) and not (long and long in c.prompt)
           for a, long in (defined or {}).items()):
        return True
    # "on 23 March 1950, and the following year ...": the year it follows is shown
    prompt = _YEAR_THEN_RE.sub("", c.prompt)
    for m in _CONTEXT_NOUNS_RE.finditer(prompt):
        noun = m.group(0).split()[-1].lower()
        if noun in fold(title).split():
            continue  # "the office" in a bank about the Liaison Office is its subject
        after = prompt[m.end():]
        if re.match(r"\s+(?:and\s+)?(?:[a-z-]+\s+){0,3}(?:(?:of|in|between)\s+"
                    r"(?:[a-z-]+\s+){0,3}(?:of\s+)?[A-Z]|of\s+(?:[a-z-]+\s+){0,3}(?:of\s+)?"
                    r"(?:the\s+)?_____)|\s+[A-Z]", after):
            continue  # "the city of Lisbon", "the capital and most populous city of the
            # island state of _____", "the area between the Argun River": named after all
        if re.match(rf"\s+of\s+(?:the\s+)?{re.escape(title)}\b", after, re.IGNORECASE):
            continue  # "the family of the okapi": the subject's own
        if re.search(rf"\b[A-Z][\w-]* {re.escape(noun.capitalize())}\b", prompt[:m.start()]):
            continue  # "hosted the Inter-Allied Games ... after the games": named before
        return True
    return _bare_possessive(c.prompt, title)


def _opens_on_bare_noun(prompt: str, title: str) -> bool:
    m = _OPENING_THE_RE.match(prompt)
    if not m:
        return False
    words = [w for w in m.group(1).split() if w not in _VERBISH]
    if len(words) < len(m.group(1).split()):
        words = words[:1]  # "The form was ...": the verb ends the noun phrase
    if not words or words[-1].endswith("ed"):
        return False
    after = prompt[m.end():]
    named = re.match(r"\s+(?:(?:of|in|at|on|for)\s+(?:the\s+)?)?(\w)", after)
    if named and (named.group(1).isupper() or named.group(1).isdigit()):
        return False  # "The motto of CISM", "The river Tagus": named after all
    own = fold(title).split()
    return not any(w[:5] == t[:5] for w in words for t in own if len(w) >= 4 and len(t) >= 4)


def defined_abbreviations(text: str, title: str) -> dict[str, str]:
    """Abbreviations the article spells out in brackets ("Italian Space Research
    Commission (..., CRS)"), with the long name before the bracket when it has one,
    leaving out the subject's own ("Council (IMSC; ..., CISM)"): a prompt that uses one
    without the long name leans on a sentence it does not show."""
    out: dict[str, str] = {}
    own = fold(title).split()
    heads = [" ".join(own[:k]) for k in range(min(2, len(own)), len(own) + 1)]
    for m in re.finditer(r"\(([^()]*)\)", text):
        # "(CRS)", "(Commissione ..., CRS)", "(IMSC; ...)": a definition, not an aside
        abbrevs = [a for a in re.findall(r"(?:^|[,;]\s*)([A-Z][A-Z&]{1,6})\s*(?=$|;)",
                                         m.group(1).strip())
                   if a not in _KNOWN_ABBREVIATIONS and places.lookup(a) is None]
        if not abbrevs:
            continue
        before = text[max(0, m.start() - 80):m.start()]
        if any(fold(before).endswith(h) for h in heads):
            continue  # the subject's own short name
        long = _LONG_NAME_RE.search(before)
        for a in abbrevs:
            out.setdefault(a, long.group(1) if long else "")
    return out


_LONG_NAME_RE = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|on|the)\s+)*){1,7}"
                           r"[A-Z][\w'’-]*)\s*$")


def name_referents(c: Candidate, subject: str, heads: set[str], species: bool,
                   defined: Mapping[str, str], person: str = "") -> str:
    """The prompt with what it leans on named: "this species" becomes the subject ("the
    Chinese sturgeon"), "the CRS" its long name, and a person subject's lone family or
    given name (``person``: the subject's full name) the full name ("Ch'oe" beside a
    general Ch'oe Yŏng). A false statement is left as it is (its swapped words are read
    off against the passage)."""
    prompt = c.prompt
    if c.type == "truefalse" and c.answer is False:
        return prompt
    if person:
        prompt = full_name(prompt, person, c.answer)
    kinds = set(heads) | (_SPECIES_WORDS if species else set())
    if kinds and subject:
        pattern = r"\b([Tt])his (" + "|".join(map(re.escape, sorted(kinds))) + r")\b"
        prompt = re.sub(pattern, lambda m: _capitalised(subject, m.group(1) == "T"), prompt,
                        count=1)
    for abbr, long in defined.items():
        if long and long not in prompt:
            prompt = re.sub(rf"\bthe {re.escape(abbr)}\b", f"the {long}", prompt, count=1)
    return prompt


# Capitalised only because they open a clause: not the first half of a name.
_STARTERS = wordset("""when after before in on at later then while although though because
    since until by who what where how why whom which whose and but did does do has had was
    is were are as from during with for once soon young early late meanwhile however""")


def full_name(prompt: str, name: str, answer: object = "") -> str:
    """``prompt`` with its first lone part of the person ``name`` ("Leidy", "Ch'oe") written
    as the whole name: a lone part may be a relative's, and in family-name-first names it
    is not the name a reader knows."""
    if name in prompt:
        return prompt
    parts = [w for w in name.split() if len(w) >= 3 and w[:1].isupper()]
    said = fold(str(answer)) if isinstance(answer, str) else ""
    for m in re.finditer(r"(?<![\w'’-])[A-Z][\w'’-]*?(?=(?:['’]s)?(?![\w'’-]))", prompt):
        word = m.group(0)
        if word not in parts or (said and fold(word) in said.split()):
            continue
        before = prompt[:m.start()]
        prev = re.search(r"([A-Z][\w'’.-]*)\s+$", before)
        if prev and fold(prev.group(1)) not in _STARTERS:
            continue  # "Masatomo Sumitomo", "Don Matías Azurduy": another person's name
        if re.match(r"\s+[A-Z]", prompt[m.end():]):
            continue  # "Ch'oe Yŏng": a longer name
        return prompt[:m.start()] + name + prompt[m.end():]
    return prompt


_SPECIES_WORDS = wordset("species fish bird animal plant mammal dolphin whale reptile insect tree")


def _capitalised(phrase: str, upper: bool) -> str:
    return phrase[:1].upper() + phrase[1:] if upper else phrase


# Known to a student without the article (a country's, "DPRK", the gazetteer knows).
_KNOWN_ABBREVIATIONS = wordset("""UN EU NATO USSR UK US USA NASA UNESCO UNICEF WHO IOC FIFA
    AD BC BCE CE IUCN OPEC ASEAN""")


_COMMON_POSSESSORS = wordset("women men children people peoples workers writers")


def _bare_possessive(prompt: str, title: str) -> bool:
    """"Under Liu's rule, ...": a lone name in the possessive that is not the subject
    was introduced in full in a sentence that is not shown."""
    own = set(fold(title).split())
    for m in re.finditer(r"\b([A-Z][a-z]+)['’]s\b(?! [A-Z_])", prompt):
        if m.group(1).lower() in _COMMON_POSSESSORS:
            continue  # "the Women's World Games": part of a name, no person
        before = prompt[:m.start()].rstrip()
        if re.search(r"[A-Z][\w-]*$", before) and not re.search(r"(?:^|[.!?]\s)[A-Z][\w-]*$",
                                                                 before):
            continue  # part of a longer name ("North Korea's")
        if places.lookup(m.group(1)) is not None:
            continue  # "Lisbon's water": a place needs no introduction
        if m.group(1).lower() not in own and fold(m.group(1)) not in own:
            return True
    return False


def low_value(c: Candidate, title: str = "", defined: Mapping[str, str] | None = None
              ) -> str | None:
    """A blank a teacher would not ask: an alias, an era mark, a word the rest of the
    sentence forces, the half of a name whose other half is shown; a prompt that leans
    on context it does not show; a non-answer such as "Unknown"."""
    answer = str(c.answer)
    if fold(answer) in _NO_ANSWERS:
        return "no-answer"
    if c.type != "order" and lost_context(c, title, defined):
        return "lost-context"
    if c.type == "truefalse" and c.answer is True and _named_after_subject(c.prompt, title):
        return "true-by-construction"  # "Aru is part of the Vogelkop-Aru ecoregion"
    if c.type == "number" and _counted_list(c):
        return "forced-blank"  # "based on the _____ pillars: sport, education and solidarity"
    if c.type == "number" and _two_by_both(c):
        return "forced-blank"  # "links the _____ countries ... both ends"
    if c.rule.startswith("cloze") and re.search(
            r"\bsuch as (?:[^.;:,_]*, )*(?:[^.;:,_]* (?:and|or) )?_____", c.prompt):
        return "many-right"  # "features such as Kunanyi and _____": any other one is right
    if c.type == "text" and c.rule.startswith("cloze") and _container_blank(c):
        return "many-right"  # "a river in _____": the province and the country are right too
    if c.type == "choice" and c.rule.startswith("cloze") and _described_blank(c.prompt):
        return "described-blank"  # "the American space agency _____" among European ones
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
        if c.kind in ("year", "date", "monthyear") and (
                _COUNTED_WHEN_RE.search(c.prompt) or _COUNTED_SINCE_RE.search(c.prompt)):
            return "statistic-date"  # when a figure was counted, not the figure
        if _EITHER_OR_RE.search(c.prompt):
            return "either-or"  # "born around _____ or 1245": the article gives two values
        if _ALIAS_BEFORE_RE.search(c.prompt):
            return "alias-blank"
        blank = c.prompt.find("_____")
        if re.search(r"\S\s*/\s*_____|_____\s*/\s*\S", c.prompt):
            return "part-of-a-name"  # "kunanyi / _____": half of a dual name
        if _TITLE_BEFORE_RE.search(c.prompt) or _NAME_BEFORE_RE.search(c.prompt) or (
                re.search(r"_____['’]?s?\s+[A-Z]", c.prompt)
                and not dated_after_preposition(c.kind, c.prompt[:blank])):
            return "part-of-a-name"
        if re.search(r"\b(?:North|South|East|West)(?:ern)?\s+[A-Z][\w-]*\b", c.prompt) and \
                re.search(r"\b(?:between|and)\s+_____|_____\s+and\b", c.prompt):
            return "forced-blank"  # "between _____ and South Korea"
        for w in content_words(answer):
            if len(w) >= 4 and w in content_words(c.prompt.replace("_____", " ")):
                return "forced-blank"  # the answer's own word stands beside the blank
    return None


_PERSONAL_RE = re.compile(r"\b(?:he|she|him|her|his|hers|himself|herself)\b", re.IGNORECASE)
_NOT_NAMES = wordset("""western eastern northern southern central january february march april
    may june july august september october november december""")


def names_subject(prompt: str, title: str, aliases: Sequence[str] = ()) -> bool:
    """Does ``prompt`` name the article's subject (a word of its title, or another name)?"""
    words = set(fold(prompt).split())
    # "eagles" is not the Philippine eagle: a lower-case word of a longer title is its kind
    proper = [w for w in title.split() if w[:1].isupper()] if len(title.split()) > 1 else []
    own = [w for w in fold(" ".join(proper) or title).split()
           if len(w) >= 3 and w not in _GENERIC_TITLE_WORDS]
    return any(w in words or any(x.startswith(w) for x in words) for w in own) or any(
        contains_folded(prompt, a) for a in aliases)


def names_something(prompt: str) -> bool:
    """Does ``prompt`` hold a proper name past its first word ("Western" and month names
    are not one), or open on one?"""
    for m in re.finditer(r"(?<![\w'’-])[A-Z][\w'’-]*", prompt):
        word = m.group(0)
        if fold(word) in _NOT_NAMES or places.by_demonym(word):
            continue
        if m.start() > 0 and not re.search(r"[.:;!?]\s*$", prompt[:m.start()]):
            return True
        if fold(word) not in _STARTERS and not word.endswith("s") and content_words(word):
            return True  # "Leidy studied ...": a name may open the sentence
    return False


def unnamed(c: Candidate, title: str, aliases: Sequence[str] = (), person: bool = False
            ) -> str | None:
    """A prompt that does not say whom or what it is about: "Don Matías taught her ..."
    (her?), "Trunks may reach ..." (of what?), "Who learned Western methods of copper
    refining?" (anyone, anywhere)."""
    if c.type == "order" or names_subject(c.prompt, title, aliases):
        return None
    if person and _PERSONAL_RE.search(c.prompt.replace("_____", " ")):
        return "unnamed-subject"
    if not names_something(c.prompt.replace("_____", " ")):
        return "unnamed-subject"
    if person and (c.rule.startswith("cloze") or c.rule == "truefalse"):
        return "side-figure"  # a sentence of a life story that is not about its subject
    return None


def _named_after_subject(prompt: str, title: str) -> bool:
    """A name made from the subject's own name ("Vogelkop-Aru" in a bank about the Aru
    Islands): a statement that the subject belongs to it is true by its wording."""
    for w in title.split():
        if len(w) < 3 or not w[:1].isupper() or fold(w) in _GENERIC_TITLE_WORDS:
            continue
        if re.search(rf"\b[A-Z][\w]*-{re.escape(w)}\b|\b{re.escape(w)}-[A-Z]", prompt):
            return True
    return False


_GENERIC_TITLE_WORDS = wordset("""islands island river lake mount mountain bridge battle
    treaty war city county regency province state the of and group company institute dam
    great grand""")


def _two_by_both(c: Candidate) -> bool:
    """A blank for two where the sentence says "both" or "either", or compares ("the better
    known of the _____"): the count is given."""
    try:
        two = float(c.answer) == 2  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return two and bool(re.search(r"\b(?:both|either|neither|each other)\b|\bthe (?:\w+er|"
                                  r"(?:better|less|more) \w+) of the _____", c.prompt,
                                  re.IGNORECASE))


def _counted_list(c: Candidate) -> bool:
    """Is the blank a count of the list that follows it ("the _____ pillars: sport,
    education and solidarity")? Counting the list gives the answer."""
    m = re.search(r"_____\s+(?:[\w-]+\s+){0,2}?[\w-]+\s*(?::|—|–|-|,? namely|\(|,? including)"
                  r"\s*([^.;)]+)", c.prompt)
    if not m:
        return False
    items = [x for x in re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+", m.group(1))
             if x.strip()]
    try:
        target = float(c.answer)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return len(items) >= 2 and abs(len(items) - target) < 1e-9


_DIRECTION_RE = re.compile(r"^(?:(?:North|South|East|West|Central)(?:ern)?|"
                           r"(?:North|South)-?(?:east|west)(?:ern)?)\s+", re.IGNORECASE)
_CONTINENTS = frozenset({"asia", "europe", "africa", "oceania", "australasia", "america",
                         "north america", "south america", "latin america", "antarctica",
                         "the middle east", "middle east", "east asia", "southeast asia"})


def _container_blank(c: Candidate) -> bool:
    """A country or a broad region typed into "... in _____": the province, the
    country and the region around the place would all be right."""
    if c.kind not in ("place", "name", "org"):
        return False
    if not re.search(r"\bin\s+(?:the\s+)?_____(?:\s*[.,]|\s+(?:that|which|where|and)\b|$)",
                     c.prompt):
        return False
    answer = str(c.answer).strip()
    bare = _DIRECTION_RE.sub("", answer)
    return places.country_named(bare) is not None or fold(answer) in _CONTINENTS or \
        fold(bare) in _CONTINENTS


_DESCRIBED_RE = re.compile(r"\b((?:[A-Z][a-z]+ )?[A-Z][a-z]+) (?:[a-z][\w-]* ){1,3}_____")


def _described_blank(prompt: str) -> bool:
    """A blank right after a nationality and what it is ("the American space agency
    _____", "South Korean president _____"): options of other nations are ruled out by
    the description, so only a typed answer is fair."""
    for m in _DESCRIBED_RE.finditer(prompt):
        words = m.group(1)
        if places.by_demonym(words) or places.by_demonym(words.split()[-1]):
            return True
    return False


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


@functools.lru_cache(maxsize=4096)  # the selection compares every pair of drafts, often
def _question_words(prompt: str) -> frozenset[str]:
    """Content words plus the question word: "When ... signed?" is not "Where ... signed?"."""
    wh = {w for w in fold(prompt).split() if w in ("who", "when", "where", "why", "what", "how",
                                                  "which")}
    return frozenset(content_words(prompt) | wh)


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


def repeats_year(a: Candidate, b: Candidate) -> bool:
    """A year asked beside a full date of that same year ("In what year was it opened?"
    and "On what date did it open to traffic?"): the date's answer, or its choices
    ordered by time, tells the year, and the year half the date."""
    ya, yb = _asked_year(a), _asked_year(b)
    return ya is not None and yb is not None and ya[0] == yb[0] and ya[1] != yb[1]


def _asked_year(c: Candidate) -> tuple[int, bool] | None:
    """The year ``c`` asks for, and whether it asks for the bare year."""
    if c.type in ("truefalse", "order", "multi"):
        return None
    written = c.answer_text or str(c.answer)
    if c.kind == "year":
        return (int(written), True) if re.fullmatch(r"\d{3,4}", written.strip()) else None
    if c.kind not in ("date", "monthyear"):
        return None
    for span in find_spans(written):
        key = date_sort_key(span)
        if key is not None:
            return key[0], False
    return None


_PREPOSITION_END_RE = re.compile(
    r"(?:^|[\s,;(])(?:[Ii]n|[Oo]n|[Bb]y|[Ff]rom|[Ss]ince|[Uu]ntil|[Dd]uring|[Aa]fter|[Bb]efore)\s+$")


def dated_after_preposition(kind: str, before: str) -> bool:
    """A year or date after "In", "on", "by" ... ("In 1996 Lake Baikal was declared"):
    the capital after it starts the sentence's subject, not a name the date is part of
    (as in "the 2010 Asian Games")."""
    return kind in ("year", "date", "monthyear", "erayear") and bool(
        _PREPOSITION_END_RE.search(before))
