"""Dated events of an article: "who did what, when", read from prose and infobox.

An event is one sentence (or infobox line) that gives exactly one date and one
clear subject with a past-tense predicate: "The office was closed on 30 January
2020" -> subject "the office", predicate "was closed", date (2020, 1, 30).
Ordering and "what happened" questions are built from them, so an event is only
kept when its phrase stands alone, holds no other date and has no hole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.bank.article import Article
from quiz.generate.audit import has_hole
from quiz.generate.candidate import Candidate
from quiz.generate.context import Topic
from quiz.generate.infobox import FieldInfo
from quiz.generate.rules import TRAIL_STARTERS, SentenceInfo
from quiz.generate.spans import Span, date_sort_key, find_spans
from quiz.generate.text import capitalise_first, lower_first, stable_order, tidy, wordset

DATE_KINDS = ("date", "year", "monthyear", "erayear")
MAX_PREDICATE_WORDS = 11
_IRREGULAR_PAST = wordset(
    """became began won lost made took gave went came wrote led fought held met left built
    sent saw rose fell grew ran bought sold spent taught told found became drew broke chose
    flew froze hid kept knew lay meant paid put read rode rang said sang sat shot shut slept
    spoke stood stole struck swore swam threw understood woke wore withdrew overthrew
    overcame undertook forbade"""
)
_PARTICIPLES = wordset(
    """made held built sold told found kept left led met paid set shut spent struck taught
    thrown won begun done given known seen shown taken written born chosen drawn driven
    fought brought bought caught sent put cut hit laid read run sung sworn torn worn
    overthrown withdrawn undertaken forbidden"""
)
_NOT_VERBS = wordset("red bed shed need seed feed weed hundred naked wicked sacred kindred "
                     "beloved aged")
# words that make a predicate lean on something outside it
_LEANING = wordset("this that these those there then later earlier latter same "
                   "such both another other also again too")
_PRONOUNS = wordset("he she it they him them his her its their")
# infobox keys that date one event of the subject, and how to say it
INFOBOX_EVENTS = {
    "founded": "was founded", "formed": "was formed", "established": "was established",
    "opened": "was opened", "signed": "was signed", "date signed": "was signed",
    "dissolved": "was dissolved", "completed": "was completed", "launched": "was launched",
    "inaugurated": "was inaugurated", "built": "was built", "demolished": "was demolished",
    "closed": "was closed", "born": "was born", "died": "died", "birth date": "was born",
    "death date": "died", "construction start": "construction began",
}
BOOKENDS = ("was born", "died", "was founded", "was formed", "was established",
            "was dissolved", "was demolished", "was closed")


@dataclass
class Event:
    key: tuple[int, int, int]  # (year, month, day); 0 where the article does not say
    date_text: str  # as written: "30 January 2020", "1918"
    subject: str  # as it stands in the sentence ("The office", "Ichikawa")
    predicate: str  # "was closed", "moved to Tokyo"
    quote: tuple[int, int]  # article offsets of the sentence or infobox line
    group: int
    about_topic: bool
    passive: bool
    infobox: bool = False
    source: str = ""  # the sentence or infobox line, tidied (the explanation)

    @property
    def phrase(self) -> str:
        """The event as a short stand-alone clause, without its date."""
        return capitalise_first(f"{self.subject} {self.predicate}")


def overlaps(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    """Could the two dates be the same day? ``(2018, 0, 0)`` overlaps ``(2018, 10, 22)``."""
    for x, y in zip(a, b, strict=True):
        if x == 0 or y == 0:
            return True
        if x != y:
            return False
    return True


def date_phrase(date_text: str, key: tuple[int, int, int]) -> str:
    return f"on {date_text}" if key[2] else f"in {date_text}"


def is_past_verb(word: str) -> bool:
    w = word.lower()
    if w in _NOT_VERBS or not word[:1].islower():
        return False
    return (len(w) > 3 and w.endswith("ed")) or w in _IRREGULAR_PAST


def _is_participle(word: str) -> bool:
    regular = word.endswith("ed") and len(word) > 3 and word.lower() not in _NOT_VERBS
    return word[:1].islower() and (regular or word in _PARTICIPLES)


_SUBJECT_JOINERS = wordset("of de da do dos das del della di von van al bin for the and on in "
                            "at le la du y")
_ADVERBS = wordset("also later then officially first formally eventually finally subsequently "
                   "soon briefly")


def _split_clause(body: str) -> tuple[str, str, bool] | None:
    """``The office was closed`` -> ("The office", "was closed", passive)."""
    words = body.split(" ")
    if not words or not words[0][:1].isupper():
        return None
    for i in range(1, min(len(words), 11)):
        w = words[i]
        subj = " ".join(words[:i])
        if w in ("was", "were") and i + 1 < len(words):
            j = i + 1
            if words[j] in _ADVERBS and j + 1 < len(words):
                j += 1
            if not _is_participle(words[j]):
                return None  # "was a", "was the": a description, not an event
            passive = True
        elif is_past_verb(w) or (w in _ADVERBS and i + 1 < len(words)
                                 and is_past_verb(words[i + 1])):
            passive = False
        elif w[:1].isupper() or w.lower() in _SUBJECT_JOINERS or (
                words[0] in ("The", "A", "An") and w[:1].islower() and "," not in w):
            continue
        else:
            return None
        if "," in subj or subj.endswith((" of", " the", " and")):
            return None
        return subj, " ".join(words[i:]).strip(), passive
    return None


def _cut_predicate(pred: str) -> str | None:
    """Drop a trailing clause (", which ...", ", during ...") and check what is left."""
    m = re.search(r", (\w+)", pred)
    if m:
        nxt = m.group(1)
        if not nxt[:1].islower() or (nxt.lower() not in TRAIL_STARTERS and re.match(
                r"[^,]* and ", pred[m.end():])):
            return None  # an aside or a list: cutting it could change what is said
        pred = pred[:m.start()]
    m = re.search(r" and (?:was |were )?[a-z]+ed\b", pred)
    if m:
        pred = pred[:m.start()]  # "... on 22 October 2018 and concerned ...": a second event
    pred = pred.strip(" ,;")
    words = pred.split()
    if not 1 <= len(words) <= MAX_PREDICATE_WORDS or words == ["was"]:
        return None
    if any(_is_participle(w) or is_past_verb(w) for w in words[2:]):
        return None  # "established as part of X signed by Y on D": whose date is it?
    # "both Koreas" names them; "both countries" does not
    lowered = {w.strip(".,;:'’\"").lower() for w, nxt in zip(words, [*words[1:], ""], strict=True)
               if not (w == "both" and nxt[:1].isupper())}
    if lowered & _LEANING or re.search(r"[\"“”();:]|\d", pred):
        return None
    return pred


_LEAD_CLAUSE = (r"(?:After|Before|During|Following|When|While|As|Since|Although|Despite|"
                r"In|On|At|By|With|Due|Because|Upon|Under|Through)\b")


def from_sentence(si: SentenceInfo, topic: Topic) -> Event | None:
    """The one dated event a stand-alone sentence states, if it states exactly one."""
    t = si.text
    if not t or has_hole(t):
        return None
    dated = [s for s in si.spans if s.kind in DATE_KINDS]
    if len(dated) != 1 or any(s.kind in ("daymonth", "time") for s in si.spans):
        return None
    d = dated[0]
    key = date_sort_key(d)
    if key is None or key[0] <= 0:
        return None
    body = t.rstrip(".")
    intro = re.match(rf"(?:On|In) {re.escape(d.text)}, ", body)
    if intro:
        body = body[intro.end():]
    else:
        m = re.search(rf",? (?:on|in) {re.escape(d.text)}(?=,|$| and\b)", body)
        if not m:
            return None
        rest = body[m.end():]
        if rest.startswith(", ") and re.match(r", (?:in|at|near) [A-Z]", rest):
            rest = rest[1:]  # "born on 9 September 1823, in Philadelphia"
        body = body[:m.start()] + rest
    body = capitalise_first(body)
    lead = re.match(_LEAD_CLAUSE + r"[^,]{0,100}, (?=(?:the|a|an|[A-Z])\S* )", body)
    if lead:
        body = capitalise_first(body[lead.end():])  # the date was in the main clause
    elif re.match(_LEAD_CLAUSE, body):
        return None
    split = _split_clause(body)
    if split is None:
        return None
    subj, whole, passive = split
    pred = _cut_predicate(whole)
    if pred is None or subj.lower().split()[0] in _PRONOUNS:
        return None
    about = _names_topic(subj, topic)
    if about and topic.is_person:
        subj = topic.title  # one name throughout: "Orazio Antinori", not "Antinori" too
    if not about and re.match(r"(?:The|A|An) ", subj) and not any(
            w[:1].isupper() or w.lower() in topic.heads for w in subj.split()[1:]):
        return None  # "The line opened": which line needs the sentence before
    return Event(key, d.text, subj, pred, (si.sentence.start, si.sentence.end),
                 si.sentence.start, about, passive, source=tidy(si.sentence.text))


def _names_topic(subj: str, topic: Topic) -> bool:
    s = lower_first(subj) if subj.startswith("The ") else subj
    forms = {topic.title, topic.short, topic.noun_phrase, lower_first(topic.noun_phrase)}
    if topic.is_person and subj in topic.title.split() and len(subj) > 2:
        return True  # "Antinori" for Orazio Antinori, "Kim" alone is not enough below
    return s in forms or subj in forms


def from_infobox(article: Article, fields: list[FieldInfo], topic: Topic) -> list[Event]:
    out: list[Event] = []
    for fi in fields:
        verb = INFOBOX_EVENTS.get(fi.f.key.strip().lower())
        if verb is None:
            continue
        spans = [s for s in find_spans(fi.f.value) if s.kind in DATE_KINDS]
        if not spans or has_hole(fi.f.value):
            continue
        d: Span = spans[0]
        key = date_sort_key(d)
        if key is None or any(date_sort_key(s) != key for s in spans[1:]):
            continue  # two dates on one line: which is meant is not clear
        out.append(Event(key, d.text, capitalise_first(topic.noun_phrase), verb,
                         (fi.f.line_start, fi.f.line_end), fi.f.line_start, True,
                         verb.startswith("was"), infobox=True,
                         source=f"{fi.f.key}: {fi.f.value}"))
    return out


def extract(article: Article, infos: list[SentenceInfo], fields: list[FieldInfo],
            topic: Topic) -> list[Event]:
    """Every dated event, prose first; the same predicate given two dates is dropped."""
    events = [e for si in infos if (e := from_sentence(si, topic)) is not None]
    events += from_infobox(article, fields, topic)
    by_pred: dict[tuple[bool, str], list[Event]] = {}
    for e in events:
        by_pred.setdefault((e.about_topic, e.predicate.lower()), []).append(e)
    out: list[Event] = []
    for same in by_pred.values():
        if len({e.key for e in same}) > 1 and not all(overlaps(same[0].key, e.key) for e in same):
            continue  # the article dates one event twice, differently: not asked
        out.append(max(same, key=lambda e: (sum(1 for x in e.key if x), -e.group)))
    return sorted(out, key=lambda e: e.group)


# -- "what happened" questions

MAX_PER_ARTICLE = 2  # more would show the same options again and again


def what_happened(events: list[Event], topic: Topic) -> list[Candidate]:
    """``In 1854, Antinori accompanied Belgiojoso to Syria.`` -> "What did Orazio
    Antinori do in 1854?", the choices being what the article says the subject did at
    other times (each true then, so false for the date asked)."""
    own = [e for e in events if e.about_topic and len(e.predicate.split()) >= 2]
    out: list[Candidate] = []
    for e in own:
        if e.infobox:
            continue  # "was founded" is asked better by the infobox rule
        wrong = [o for o in own if o is not e and not overlaps(o.key, e.key)
                 and o.predicate.lower() != e.predicate.lower()]
        c = _happened_question(e, wrong, topic)
        if c is not None:
            out.append(c)
    out.sort(key=lambda c: (-len(c.choices), c.group))
    return out[:MAX_PER_ARTICLE]


def _happened_question(e: Event, wrong: list[Event], topic: Topic) -> Candidate | None:
    # the nearest other events are the most plausible wrong answers
    wrong = sorted(wrong, key=lambda o: (abs(o.key[0] - e.key[0]), o.key))
    answer = e.predicate
    options: list[Event] = []
    for o in wrong:
        a, b = o.predicate.lower(), answer.lower()
        if a in b or b in a or any(a == x.predicate.lower() for x in options):
            continue
        options.append(o)
    options = options[:3]
    if len(options) < 3:
        return None  # three wrong choices, like every choice question of the bank
    when = date_phrase(e.date_text, e.key)
    name = topic.noun_phrase
    if not e.passive and not any(o.passive for o in options):
        prompt = f"What did {name} do {when}?"
    else:
        prompt = f"{capitalise_first(when)}, {name} …"
    choices = stable_order([answer, *(o.predicate for o in options)], seed=prompt)
    return Candidate(
        rule="what-happened", type="choice", prompt=prompt, answer=answer, kind="event",
        quotes=[e.quote], group=e.group, answer_text=answer, choices=choices,
        explanation=e.source, score=2.7, difficulty=2, tags=["events", "dates"],
    )
