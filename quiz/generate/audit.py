"""Checks on a finished bank that must always come out zero for generated drafts.

Independent of the generator's own filters (it reads only the written
questions and the article), so the evaluation script and the tests can hold
it to account. Each problem is a short name; ``audit`` counts them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from quiz.bank.article import Article
from quiz.bank.model import Bank, Question
from quiz.bank.normalize import contains_folded, fold
from quiz.bank.numbers import numbers_in
from quiz.generate import places
from quiz.generate.context import infobox_fields
from quiz.generate.lifespan import END, END_WORDS, START, START_WORDS, lifespan, years_in
from quiz.generate.spans import find_spans
from quiz.generate.text import content_words, wordset

# Words that frame a question rather than say what it is about.
_FRAME = wordset(
    """year date month day name one many much number place city country person people true
    false what which who whom when where why how first blank following""")
# A number stripped from the source leaves "between ." or "around , as": a hole.
_HOLE_RE = re.compile(
    r"(?<![\w-])(?:between|around|about|approximately|nearly|than|of|to|from|at|by|with|in|"
    r"on|for|into|during|since|until|roughly|almost)\s*[.,;:)]|"
    r"(?<![\w-])(?:some|over|and|or|is|was|were|weighs|reaches|measures|estimated|only|just|up|the|"
    r"a|an|as)\s+[.,;:)]|\(\s*[,;]?\s*\)|"
    r"\s[.,;]\s*[.,;]|,,|\.\.(?!\.)")


def has_hole(text: str) -> bool:
    """Does ``text`` show the mark of a stripped number ("it weighs between .")?"""
    return bool(_HOLE_RE.search(text))


def _answer_forms(q: Question) -> list[str]:
    if q.type in ("text", "choice"):
        return [str(q.answer), *q.accept]
    if q.type == "multi" and isinstance(q.answer, list):
        return [str(a) for a in q.answer]
    return []


def _mentions_number(text: str, target: float) -> bool:
    return any(abs(n - target) < 1e-9 for n in numbers_in(text))


def gives_away(q: Question, text: str) -> bool:
    """Would reading ``text`` tell a student the answer of ``q``?"""
    if q.type == "number":
        return _mentions_number(text, float(q.answer))  # type: ignore[arg-type]
    if q.type in ("text", "choice") and (derived_from(str(q.answer), text)
                                          or shares_a_stem(str(q.answer), text)):
        return True
    return any((len(fold(f)) >= 2 and contains_folded(text, f)) or spelled_apart(f, text)
               for f in _answer_forms(q))


# Endings that make a name from a name: taxa ("Okapia", "Welwitschiaceae", "-ales"),
# people and places ("Welwitschia" after Welwitsch, "Tasmanian").
_NAME_ENDINGS = ("a", "ia", "ae", "ii", "idae", "aceae", "ceae", "ales", "les", "inae", "oidea",
                 "iformes", "formes", "ian", "ians", "ese", "ic", "us", "um")


def shares_a_stem(answer: str, text: str) -> bool:
    """Is the name ``answer`` (its last word, if several) a word of ``text`` with a name
    ending added or taken away ("Welwitsch" and "Welwitschia", "Okapia" after "okapi",
    "Welwitschiaceae")? Capitalised answers of five letters or more only."""
    words = re.findall(r"[^\W\d_]+", answer)
    head = fold(words[-1]) if words and words[-1][:1].isupper() else ""
    if len(head) < 5:
        return False
    for t in re.findall(r"[^\W\d_]+", fold(text)):
        short, long = sorted((head, t), key=len)
        if len(short) >= 5 and short != long and any(
                long[len(stem):] in _NAME_ENDINGS and long.startswith(stem)
                for stem in (short, short[:-1])):
            return True
    return False


def spelled_apart(answer: str, text: str) -> bool:
    """Does ``text`` spell the one-word ``answer`` as two or three words ("Zhe Jiang" for
    Zhejiang, "Bei Jing" for Beijing)? Read together they are the answer."""
    target = re.sub(r"[\W_]", "", fold(answer))
    if len(target) < 5 or " " in fold(answer).strip():
        return False
    words = re.findall(r"[^\W_]+", fold(text))
    return any("".join(words[i:i + n]) == target
               for n in (2, 3) for i in range(len(words) - n + 1))


_DEMONYM_END_RE = re.compile(r"(?:an|ian|ese|ish|i|ic)s?$")


def derived_from(answer: str, text: str) -> bool:
    """Does ``text`` hold a word made from the one-word place ``answer`` ("Venetian
    sailors" for Venice, "French" for France)?"""
    if len(answer) < 4 or " " in answer or not answer[:1].isupper():
        return False
    country = places.country_named(answer)
    adjective = country.demonym if country else places.IRREGULAR_ADJECTIVES.get(answer)
    if adjective and re.search(rf"\b{re.escape(adjective)}\b", text):
        return True
    for m in re.finditer(r"\b[A-Z][a-z]+\b", text):
        word = m.group(0)
        if len(word) > len(answer) and word[:4] == answer[:4] and _DEMONYM_END_RE.search(word):
            return True
        if answer.endswith("s") and word == answer[:-1]:
            return True  # "the Philippine eagle ... the Philippines"
    return False


def audit_question(q: Question) -> list[str]:
    problems = []
    quotes = " … ".join(e.quote for e in q.evidence)
    answers = q.answer if isinstance(q.answer, list) else [q.answer]
    if q.type in ("text", "choice"):
        # the answer itself, not only an accepted form, must be readable in the passage
        if not contains_folded(quotes, str(q.answer)):
            problems.append("answer-not-in-evidence")
    elif q.type == "number":
        target = float(q.answer)  # type: ignore[arg-type]
        if not any(abs(n - target) <= max(q.tolerance, 1e-9) for n in numbers_in(quotes)):
            problems.append("answer-not-in-evidence")
    elif q.type == "multi" and not all(contains_folded(quotes, str(a)) for a in answers):
        problems.append("answer-not-in-evidence")
    if q.type in ("text", "choice", "number", "multi") and gives_away(q, q.prompt):
        problems.append("answer-in-prompt")
    if q.type in ("text", "choice", "number", "multi") and any(gives_away(q, h) for h in q.hints):
        problems.append("answer-in-hint")
    if q.type in ("choice", "multi"):
        right = {fold(str(a)) for a in answers} | {fold(a) for a in q.accept}
        wrong = [c for c in q.choices if c not in answers]
        if any(fold(c) in right for c in wrong):
            problems.append("distractor-equals-answer")
        if q.type == "choice" and any(
                f" {fold(str(q.answer))} " in f" {fold(c)} " or f" {fold(c)} " in
                f" {fold(str(q.answer))} " for c in wrong):
            problems.append("choice-gives-away")  # "Henan" beside "Qi County, Henan"
    if any(has_hole(t) for t in [q.prompt, *q.hints, q.explanation]):
        problems.append("broken-text")
    if q.status != "draft" or not q.origin.startswith("generated:"):
        problems.append("not-a-draft")
    if not q.evidence or not q.explanation:
        problems.append("no-evidence-or-explanation")
    return problems + gradeable(q)


def article_units(article: Article) -> list[str]:
    """The article's statements: infobox lines and prose sentences."""
    out = [f"{f.key}: {f.value}" for f in article.infobox]
    out += [s.text for s in article.sentences]
    return out


def stated(article_units: list[str], claim: str, value: str) -> bool:
    """Does the article state ``value`` in a statement about what ``claim`` asks?

    ``claim`` is a prompt (or a false statement with ``value`` in it): the article
    states the value when one of its statements holds the value and most of the
    claim's distinctive words.
    """
    words = content_words(claim.replace(value, " ")) - _FRAME - content_words(value)
    if not words:
        return False
    need = max(1, -(-len(words) * 3 // 5))
    for unit in article_units:
        if not _holds_value(unit, value):
            continue
        have = _unit_words(unit)
        hits = sum(1 for w in words if w in have or any(h[:5] == w[:5] for h in have
                                                        if len(w) >= 5 and len(h) >= 5))
        if hits >= need:
            return True
    return False


@lru_cache(maxsize=4096)
def _unit_words(unit: str) -> frozenset[str]:
    return frozenset(content_words(unit))


@lru_cache(maxsize=16384)  # every distractor is checked against every sentence
def _holds_value(unit: str, value: str) -> bool:
    if re.fullmatch(r"-?[\d,]+(?:\.\d+)?", value.strip()):
        target = float(value.replace(",", ""))
        return _mentions_number(unit, target)
    return contains_folded(unit, value)


def false_value(q: Question) -> str | None:
    """For a false true/false statement: what it says in place of its passage's words
    (the prompt minus the words it shares with the passage at both ends)."""
    if not q.evidence:
        return None
    a, b = q.prompt.split(), q.evidence[0].quote.split()
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    j = 0
    while j < min(len(a), len(b)) - i and a[-1 - j] == b[-1 - j]:
        j += 1
    middle = " ".join(a[i:len(a) - j]).strip(".,;:")
    return middle or None


def stated_distractors(q: Question, units: list[str]) -> list[str]:
    """The wrong options of ``q`` (and the swapped value of a false statement) that the
    article states as true."""
    if q.type in ("choice", "multi"):
        answers = q.answer if isinstance(q.answer, list) else [q.answer]
        claim = q.prompt
        return [c for c in q.choices if c not in answers and stated(units, claim, c)]
    if q.type == "truefalse" and q.answer is False:
        value = false_value(q)
        if value and stated(units, q.prompt, value):
            return [value]
    return []


@dataclass
class Conflict:
    """One thing the article gives two values for: the words a question about it would
    use, and the values."""

    words: re.Pattern[str]
    values: set[float]
    names: frozenset[str] = frozenset()  # folded, for a place or an institution


def conflicts(article: Article) -> list[Conflict]:
    """Facts the article states twice with different values: the subject's birth (or
    founding) and death (or end) years, from the infobox, the lead's brackets and the
    prose; and an infobox figure the prose gives otherwise in the same unit."""
    out: list[Conflict] = []
    life = lifespan(article)
    for which, words in ((START, START_WORDS), (END, END_WORDS)):
        if life.conflict(which):
            out.append(Conflict(words, {float(y) for y in
                                        (life.start if which == START else life.end)}))
    out += _date_conflicts(article)
    out += _either_or(article)
    out += _name_conflicts(article)
    out += _count_conflicts(article)
    for f in infobox_fields(article):
        key = [w for w in re.findall(r"[a-z]+", f.key.lower()) if len(w) > 3]
        figures = [s for s in find_spans(f.value) if s.kind in ("quantity", "count")
                   and isinstance(s.value, float)]
        bare = re.fullmatch(r"\d[\d,]*", f.value.strip())
        if key and bare and not figures:
            out += _bare_count_conflict(article, key[0], float(bare.group().replace(",", "")))
        if not key or not figures:
            continue
        head = figures[0]
        # "Network Length" is said of the network: its first word tells it from others
        pattern = re.compile(rf"\b{re.escape(key[0])}", re.IGNORECASE)
        values = {float(head.value)}  # type: ignore[arg-type]
        for s in article.sentences:
            hits = [m.start() for m in pattern.finditer(s.text)]
            if not hits:
                continue
            same = [x for x in find_spans(s.text) if x.unit == head.unit
                    and x.kind == head.kind and isinstance(x.value, float)]
            for h in hits:
                near = _same_clause_figure(s.text, h, same)
                if near is not None:
                    values.add(near)
        if len(values) > 1:
            out.append(Conflict(pattern, values))
    return out


def _bare_count_conflict(article: Article, key: str, value: float) -> list[Conflict]:
    """"Membership: 16,500" beside "has 16,000 members": the key names what is counted."""
    stem = re.sub(r"(?:ship|s)$", "", key)
    values = {value}
    for s in article.sentences:
        values |= {float(x.value) for x in find_spans(s.text) if x.kind == "count" and x.unit
                   and x.unit.lower().startswith(stem) and isinstance(x.value, float)}
    return [Conflict(re.compile(rf"\b{re.escape(stem)}", re.IGNORECASE), values)] \
        if len(values) > 1 else []


_GENERIC_KEYS = frozenset({"date", "dates", "year", "years", "period", "time", "term", "next",
                           "previous", "image", "authority", "synonyms"})


def _date_conflicts(article: Article) -> list[Conflict]:
    """An infobox date ("Opening: 2019-10-18") the prose gives in another year ("the games
    opened on 18 October 2018"): the stem of the key's first word finds the prose's clause."""
    out: list[Conflict] = []
    for f in infobox_fields(article):  # also the "- Key: Value" bullets that open an article
        words = re.findall(r"[a-z]+", f.key.lower())
        years = years_in(f.value)
        if not words or words[0] in _GENERIC_KEYS or len(words[0]) < 4 or len(years) != 1:
            continue
        stem = re.sub(r"(?:ing|ed|ion|ment|e)$", "", words[0])
        if len(stem) < 4:
            continue
        pattern = re.compile(rf"\b{re.escape(stem)}", re.IGNORECASE)
        values = {float(years[0])}
        for s in article.sentences:
            hits = [m.start() for m in pattern.finditer(s.text)]
            if not hits:
                continue
            dated = [x for x in find_spans(s.text) if x.kind in ("date", "monthyear", "year")]
            for h in hits:
                near = _same_clause_figure(s.text, h, dated, year=True)
                if near is None:
                    near = _fronted_year(s.text, h, article.title)
                if near is not None:
                    values.add(near)
        if len(values) > 1:
            out.append(Conflict(pattern, values))
    return out


_FRONTED_RE = re.compile(r"(?:In|On|By|Around|About|Circa|c\.)\s+([^,]{3,30}),\s+")


def _fronted_year(text: str, at: int, title: str) -> float | None:
    """"In 1698, Vila Rica (later Ouro Preto) was established": the year of a date that
    opens the sentence, when what follows up to the word at ``at`` names the subject."""
    m = _FRONTED_RE.match(text)
    if not m or at < m.end():
        return None
    years = years_in(m.group(1))
    clause = text[m.end():at]
    own = [w for w in title.split() if len(w) >= 3 and w[:1].isupper()]
    if len(years) != 1 or (re.search(r"[,;:]", clause) and "(" not in clause) or not any(
            w in clause for w in own):
        return None
    return float(years[0])


# (figures of at most 24 characters: an unbounded run made a long string of digits slow)
_OR_VALUES_RE = re.compile(r"((?:[^\s,;()]+\s+){0,6}?)(?:around|about|circa|c\.|in|on)?\s*"
                           r"((?:\d{1,2} )?(?:[A-Z][a-z]+ )?\d[\d,.]{0,24})\s+or\s+"
                           r"((?:\d{1,2} )?(?:[A-Z][a-z]+ )?\d[\d,.]{0,24})(?![\d-])")


def _either_or(article: Article) -> list[Conflict]:
    """"Huang was likely born around 1240 or 1245": two values the article allows for one
    thing. A question about it (the words before the pair) may not ask for either alone."""
    out: list[Conflict] = []
    for unit in article_units(article):
        if " or " not in unit:
            continue
        for m in _OR_VALUES_RE.finditer(unit):
            values = set()
            for v in (m.group(2), m.group(3)):
                years = years_in(v)
                nums = numbers_in(v)
                if years and len(v.strip()) > 4:
                    values.add(float(years[0]))  # a full date: its year
                elif nums:
                    values.add(nums[0])
            words = [w for w in re.findall(r"[a-z]{4,}", m.group(1).lower())
                     if w not in _FRAME and w not in ("likely", "probably", "perhaps", "either")]
            if len(values) == 2 and words:
                stems = "|".join(re.escape(w[:5]) for w in words[-2:])
                out.append(Conflict(re.compile(rf"\b(?:{stems})", re.IGNORECASE), values))
    return out


# Infobox keys of a place or an institution; what the prose says of it; the words a
# question about it uses.
_NAME_FACTS = (
    (re.compile(r"birth ?place|place of birth|^born$", re.IGNORECASE),
     re.compile(r"\b[Bb]orn (?:on [^,.]{3,30}, )?(?:in|at) "), re.compile(r"\bborn\b|birthplace")),
    (re.compile(r"death ?place|place of death|^died$", re.IGNORECASE),
     re.compile(r"\b[Dd]ied (?:on [^,.]{3,30}, )?(?:in|at) "), re.compile(r"\bdie[ds]?\b|death")),
    (re.compile(r"alma ?mater|^education$", re.IGNORECASE),
     re.compile(r"\b(?:attended|graduated from|educated at|enrolled (?:at|in)|studied "
                r"(?:[a-z]+ )?at) (?:the )?"),
     re.compile(r"\beducated\b|alma mater|\bstudied\b|\battended\b")),
    (re.compile(r"^mouth$", re.IGNORECASE),
     re.compile(r"\b(?:flow(?:s|ing)?|empt(?:ies|ying)|drain(?:s|ing)?|discharg(?:es|ing)) "
                r"into (?:the )?"), re.compile(r"\bflows?\b|\bmouth\b|\bempt")),
)
_NAME_RUN_RE = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w'’-]*)*")


def _name_conflicts(article: Article) -> list[Conflict]:
    """A birthplace, deathplace or school the infobox gives one way and the prose
    another ("Birth Place: Nakashima" but "Born in Bisai"): neither is sure."""
    out: list[Conflict] = []
    for key_re, prose_re, words in _NAME_FACTS:
        boxed = [f.value for f in infobox_fields(article) if key_re.search(f.key.strip())
                 and not years_in(f.value)]
        if not boxed:
            continue
        parts = {fold(x) for v in boxed for x in v.split(",") if x.strip()}
        said = set()
        for s in article.sentences:
            for m in prose_re.finditer(s.text):
                name = _NAME_RUN_RE.match(s.text, m.end())
                if name:
                    said.add(fold(name.group(0)))
        other = {n for n in said if not any(n in p or p in n for p in parts)}
        if other:
            out.append(Conflict(words, set(), frozenset(parts | other)))
    return out


_APPROX = r"(?:about|some|around|approximately|roughly|nearly|over|altogether|in all|total of)"
_COUNT_RE = re.compile(rf"(?:\b({_APPROX})\s+)?(?<![\d.,])(\d{{1,3}}(?:,\d{{3}})+|\d+)\s+"
                       r"(?:[a-z][\w-]*\s+){0,2}?([a-z]{3,}s)\b")


_TIME_UNITS = wordset("seconds minutes hours days weeks months years decades centuries")


def _count_conflicts(article: Article) -> list[Conflict]:
    """One thing counted twice, roughly, with two figures ("about 95 low-lying islands"
    in the lead, "some 676 islands" later): which is "the" number is not sure."""
    seen: dict[str, dict[float, bool]] = {}
    for s in article.sentences:
        for m in _COUNT_RE.finditer(s.text):
            value = float(m.group(2).replace(",", ""))
            if 1000 <= value <= 2100 and "," not in m.group(2):
                continue  # a year ("1919 athletes" is not said)
            noun = m.group(3)
            if noun in _TIME_UNITS:
                continue  # "over 20 years" and "50 years" are usually two spans of time
            approx = seen.setdefault(noun, {})
            approx[value] = approx.get(value, False) or bool(m.group(1))
    out: list[Conflict] = []
    for noun, values in seen.items():
        if len(values) > 1 and any(values.values()):
            out.append(Conflict(re.compile(rf"\b{re.escape(noun)}\b", re.IGNORECASE),
                                set(values)))
    return out


def _same_clause_figure(text: str, at: int, figures: list, year: bool = False
                        ) -> float | None:
    """The figure said of the word at ``at``: the first after it in its clause, else the
    last before it ("the main course covers 18 km, but the whole network ... 58 km").
    ``year``: the figures are dates; give the year."""
    def value(x) -> float:
        return float(x.value[0]) if year else float(x.value)

    inside = [x for x in figures if x.start <= at < x.end]  # "329 events"
    if inside:
        return value(inside[0])
    after = [x for x in figures if x.start > at and not re.search(r"[,;:]", text[at:x.start])]
    if after:
        return value(after[0])
    before = [x for x in figures if x.end <= at and not re.search(r"[,;:]", text[x.end:at])]
    return value(before[-1]) if before else None


def asks_conflicted(q: Question, found: list[Conflict]) -> bool:
    """Does ``q`` ask for (or state) one of two values the article gives for one thing?
    Asking for "the" value would mark the other, also in the article, wrong."""
    if q.type == "order":
        # an ordering's explanation asserts each event's date
        return any(c.words.search(q.explanation) and any(
            float(y) in c.values for y in years_in(q.explanation)) for c in found
            if not c.names)
    for c in found:
        if not c.words.search(q.prompt):
            continue
        if q.type == "number":
            values = [float(q.answer)]  # type: ignore[arg-type]
        elif q.type == "truefalse":
            values = [float(y) for y in years_in(q.prompt)] + numbers_in(q.prompt)
        else:
            values = [float(y) for y in years_in(str(q.answer))] + numbers_in(str(q.answer))
        if q.type == "truefalse" and q.answer is True and c.values <= set(values):
            continue  # "born around 1240 or 1245" stated whole: it says both
        if any(v in c.values for v in values):
            return True
        if c.names and q.type in ("text", "choice") and any(
                fold(str(q.answer)) in n or n in fold(str(q.answer)) for n in c.names):
            return True
    return False


def audit(bank: Bank, article: Article | None = None) -> Counter[str]:
    """Problems of every question, the article-wide distractor check, and answers one
    question's prompt gives away to another."""
    out: Counter[str] = Counter()
    for q in bank.questions:
        out.update(audit_question(q))
    if article is None and bank._article is not None:
        article = bank._article
    if article is not None:
        units = article_units(article)
        found = conflicts(article)
        for q in bank.questions:
            if stated_distractors(q, units):
                out["distractor-stated-in-article"] += 1
            if asks_conflicted(q, found):
                out["conflicting-values"] += 1
    for q in bank.questions:
        if q.type not in ("text", "choice", "number", "multi"):
            continue
        if any(o is not q and gives_away(q, o.prompt) for o in bank.questions):
            out["answer-in-other-prompt"] += 1
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
