"""What the subject is known for, and what it achieved or ended.

Judges keep listing these claims as missed ("known for completing the first map of Japan",
"a symbol of pan-Africanism", "thwarted Italy's colonial expansion"), and no other rule asks
them: the cloze rule leaves long sentences, and ``why``/``events``/``lead`` ask causes,
dates and what the subject is. Each pattern asks the one short noun phrase the claim is
about, in a question naming the subject:

``Inō Tadataka is known for completing the first map of Japan using modern surveying
techniques`` -> ``What is Inō Tadataka known for completing using modern surveying
techniques?`` (the first map of Japan); ``Adwa became a pre-eminent symbol of
pan-Africanism`` -> ``Of what did the Battle of Adwa become a pre-eminent symbol?``;
``The defeat marked the end of the Tang westward expansion`` -> ``What did the Battle of
Talas mark the end of?``; ``The New Women's Association was the first Japanese
organization formed expressly for ...`` -> ``What was the first Japanese organization
formed expressly for ...?``.

The patterns are narrow on purpose: a claim only counts when its subject is plainly the
article's subject (its name, or "the victory"/"the defeat" opening a battle's article), and
the answer is a short phrase the sentence does not force.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from quiz.generate.candidate import Candidate
from quiz.generate.context import Topic
from quiz.generate.rules import SentenceInfo, _base
from quiz.generate.text import BLANK, capitalise_first

RULE = "known"
_WORD = r"[A-Z][\w'’-]*"
_NAME = rf"{_WORD}(?: (?:of |the |de |al-)*{_WORD}){{0,4}}"
_PHRASE = r"(?:the )?[\w-]+(?: [\w-]+){0,2}?"  # at most four words, "the" included
_STOP = r"(?=,| and |\.?$)"
# the verbs the claims below open with (after the subject)
_VERB = re.compile(r"(?:[a-z]+ly )?(?:is|was|became|remains|marked|signall?ed|thwarted|foiled|"
                   r"ended)\b")
_ROLE = r"inventor|father|founder|mother|pioneer|originator|creator"


def known_questions(infos: Sequence[SentenceInfo], topic: Topic) -> list[Candidate]:
    out: list[Candidate] = []
    lead = infos[0].section if infos else ""
    for si in infos:
        rest = _predicate(si, topic, si.section == lead)
        if rest is not None:
            for ask in _ASKS:
                out.extend(ask(si, topic, rest))
        out.extend(_regarded_aside(si, topic))
        out.extend(_made_famous(si, topic))
        out.extend(_only_other(si, topic))
        out.extend(_record_when_built(si, topic))
    return out


def _predicate(si: SentenceInfo, topic: Topic, in_lead: bool) -> str | None:
    """What the sentence says of the subject (from its verb on), or None when the sentence
    is not plainly about the subject."""
    raw = si.cleaned.strip()
    names = {topic.title, topic.short, capitalise_first(topic.noun_phrase), *topic.aliases}
    if topic.is_person:
        # the article's own short form ("Park was the first Westerner ..."): written there,
        # it can only mean the subject
        names.add(topic.title.split()[-1])
        names.add(topic.title.split()[0])
    else:
        # "Adwa became a symbol ...": the name without its "Battle of"
        m = re.match(r"(?:The )?(?:Battle|Siege|Treaty) of (.+)", topic.title)
        if m:
            names.add(m.group(1))
    # the article's own words first: a rewritten sentence may have lost a word
    for text in (raw, si.text):
        if not text:
            continue
        for name in sorted((n for n in names if n), key=len, reverse=True):
            if text.startswith(name + " ") or text.startswith(name + ", "):
                # an aside after the name: "San Marco 1, also known as San Marco A, was ..."
                rest = re.sub(r"^, [^,]{1,60},", "", text[len(name):]).strip()
                if _VERB.match(rest):  # a verb follows, not more of a name
                    return rest
    # a battle's outcome named by what it was: "The victory, aided by ..., decisively ..."
    if topic.title.startswith("Battle of "):
        m = re.match(r"The (?:victory|defeat|battle)(?:, [^,]{1,60},)? (?P<rest>.+)$", raw)
        if m:
            return m["rest"]
    # the opening naming the subject by its kind: "This worldwide biomedical research
    # organization based in Paris was the first to ..."
    m = re.match(r"This (?:[a-z-]+ ){0,4}(?:organi[sz]ation|institution|foundation|company)"
                 r"(?: based in [A-Z][\w-]+)? (?P<rest>(?:is|was) .+)$", raw)
    if m and in_lead and not topic.is_person:
        return m["rest"]
    return None


def _ask(si: SentenceInfo, prompt: str, answer: str, kind: str = "concept",
         accept: Sequence[str] = (), **kw) -> Candidate:
    kw.setdefault("score", 3.0)
    kw.setdefault("tags", ["significance"])
    forms = [a for a in accept if a != answer]
    if answer.startswith("the "):
        forms.append(answer[4:])
    return _base(si, RULE, "text", prompt, answer, kind, answer, accept=forms,
                 typed_only=True, **kw)


def _known_for(si: SentenceInfo, topic: Topic, rest: str) -> list[Candidate]:
    """``is known for completing the first map of Japan using ...``: what was completed."""
    m = re.match(r"(?P<be>is|was) (?P<adv>(?:best |well )?)known for (?P<ger>[a-z]+ing) "
                 r"(?P<obj>the first [a-z]+ of [A-Z][\w-]+)"
                 r"(?P<tail> (?:using|with|by|in) [a-z][^,]{3,50}?)?\.?$", rest)
    if not m:
        return []
    prompt = (f"What {m['be']} {topic.noun_phrase} {m['adv']}known for {m['ger']}"
              f"{m['tail'] or ''}?")
    obj = m["obj"]
    return [_ask(si, capitalise_first(prompt), obj, accept=[obj[4:].replace("first ", "", 1)])]


def _known_enabling(si: SentenceInfo, topic: Topic, rest: str) -> list[Candidate]:
    """``is best known for enabling Korea to domestically produce gunpowder by ...``."""
    m = re.match(rf"(?P<be>is|was) (?P<adv>(?:best |well )?)known for (?P<ger>enabling|"
                 rf"helping|allowing) (?P<who>{_NAME}) to (?P<verb>(?:[a-z]+ly )?[a-z]+) "
                 r"(?P<obj>[a-z][\w-]*)(?= by | through |,|\.?$)", rest)
    if not m or m["who"] in topic.title:
        return []
    prompt = (f"What {m['be']} {topic.noun_phrase} {m['adv']}known for {m['ger']} "
              f"{m['who']} to {m['verb']}?")
    return [_ask(si, capitalise_first(prompt), m["obj"])]


def _known_by_name(si: SentenceInfo, topic: Topic, rest: str) -> list[Candidate]:
    """``is best known for the anecdote about her literary talent, commonly referred to as
    the "Talent for Chanting about Snow"``: what the story is called."""
    if not topic.is_person:
        return []
    m = re.match(r"(?:is|was) (?:best |well )?known for the (?P<n>[a-z]+) about "
                 r"(?:her|his|their) (?P<what>[a-z ]{3,50}?), (?:commonly |often |usually )?"
                 r"(?:referred to|known) as (?P<the>the )?[\"“](?P<name>[^\"”]{3,40})[\"”]\.?$",
                 rest)
    if not m or len(m["name"].split()) > 5:
        return []
    prompt = f"What is the {m['n']} about {topic.title}'s {m['what']} commonly called?"
    accept = [f"the {m['name']}"] if m["the"] else []
    return [_ask(si, prompt, m["name"], accept=accept, kind="name")]


def _symbol(si: SentenceInfo, topic: Topic, rest: str) -> list[Candidate]:
    """``became a pre-eminent symbol of pan-Africanism``."""
    m = re.match(rf"(?P<verb>became|is|was|remains) (?P<a>an?|the) (?P<adj>(?:[a-z-]+ )?)"
                 rf"symbol of (?P<x>{_PHRASE}){_STOP}", rest)
    if not m:
        return []
    subject = topic.noun_phrase
    if m["verb"] == "became":
        prompt = f"Of what did {subject} become {m['a']} {m['adj']}symbol?"
    else:
        prompt = f"Of what {m['verb']} {subject} {m['a']} {m['adj']}symbol?"
    return [_ask(si, prompt, m["x"])]


def _regarded(si: SentenceInfo, topic: Topic, rest: str) -> list[Candidate]:
    """``is traditionally regarded as the inventor of paper``."""
    m = re.match(rf"(?P<be>is|was) (?P<adv>(?:traditionally |widely |often |generally )?)"
                 rf"(?:regarded|considered) as the (?P<role>{_ROLE}) of (?P<x>{_PHRASE}){_STOP}",
                 rest)
    if not m:
        return []
    prompt = f"What {m['be']} {topic.noun_phrase} {m['adv']}regarded as the {m['role']} of?"
    return [_ask(si, capitalise_first(prompt), m["x"])]


def _regarded_aside(si: SentenceInfo, topic: Topic) -> list[Candidate]:
    """``Although traditionally regarded as the inventor of paper, earlier forms ... so
    Cai's contributions ...``: the participle leans on the person the sentence names."""
    raw = si.cleaned.strip()
    m = re.match(rf"Although (?P<adv>(?:traditionally |widely |often |generally )?)regarded "
                 rf"as the (?P<role>{_ROLE}) of (?P<x>{_PHRASE}), (?P<after>.+)$", raw)
    if not m or not topic.is_person:
        return []
    if not any(re.search(rf"\b{re.escape(w)}(?:'s)?\b", m["after"])
               for w in topic.title.split() if len(w) > 2):
        return []
    prompt = f"What is {topic.title} {m['adv']}regarded as the {m['role']} of?"
    return [_ask(si, capitalise_first(prompt), m["x"])]


def _thwarted(si: SentenceInfo, topic: Topic, rest: str) -> list[Candidate]:
    """``decisively thwarted the Kingdom of Italy's attempt to expand its colonial empire``."""
    m = re.match(rf"(?P<adv>(?:[a-z]+ly )?)(?P<verb>thwarted|foiled|ended) (?P<the>the )?"
                 rf"(?P<who>{_NAME})['’]s (?P<what>attempts?|ambitions?|plans?) to "
                 r"(?P<aim>[a-z][^,;]{5,70}?)\.?$", rest)
    if not m or m["who"] in topic.title:
        return []
    verb = {"thwarted": "thwart", "foiled": "foil", "ended": "end"}[m["verb"]]
    prompt = f"Whose {m['what']} to {m['aim']} did {topic.noun_phrase} {m['adv']}{verb}?"
    who = f"the {m['who']}" if m["the"] else m["who"]
    return [_ask(si, prompt, who, kind="org", tags=["significance", "events"])]


def _end_of(si: SentenceInfo, topic: Topic, rest: str) -> list[Candidate]:
    """``marked the end of the Tang westward expansion``."""
    m = re.match(rf"(?P<verb>marked|signall?ed|signaled) the end of (?P<x>{_PHRASE}){_STOP}",
                 rest)
    if not m or len(re.sub(r"^the ", "", m["x"]).split()) < 2 or re.match(r"an? ", m["x"]):
        return []  # "the end of an era", "the end of the war": too vague to ask
    verb = {"marked": "mark"}.get(m["verb"], "signal")
    prompt = f"What did {topic.noun_phrase} {verb} the end of?"
    return [_ask(si, prompt, m["x"], tags=["significance", "events"])]


def _first_to(si: SentenceInfo, topic: Topic, rest: str) -> list[Candidate]:
    """``was the first to isolate HIV, the virus that causes AIDS, in 1983`` and ``was the
    first Westerner to have recorded travels in the central portion of the Niger, ...``."""
    out: list[Candidate] = []
    m = re.match(r"(?P<be>is|was) the first to (?P<verb>[a-z]+) (?P<obj>[A-Z][\w-]*)"
                 r"(?:, [a-z][^,]{3,50},)?(?P<when> in \d{3,4})?\.?$", rest)
    if m:
        prompt = f"What {m['be']} {topic.noun_phrase} the first to {m['verb']}{m['when'] or ''}?"
        out.append(_ask(si, capitalise_first(prompt), m["obj"]))
    m = re.match(r"(?P<be>is|was) the first (?P<who>[A-Z]?[a-z]+) to (?P<pred>[a-z][^,]{5,80}? "
                 r"of the) (?P<x>[A-Z][\w-]+)(?=,|\.?$)", rest)
    if m:
        prompt = f"{topic.noun_phrase} {m['be']} the first {m['who']} to {m['pred']} {BLANK}."
        out.append(_ask(si, capitalise_first(prompt), m["x"], kind="place",
                        accept=[f"the {m['x']}"]))
    return out


def _famous_for(si: SentenceInfo, topic: Topic, rest: str) -> list[Candidate]:
    """``became famous for commanding the Ashanti Kings in the War of the Golden Stool``."""
    m = re.match(rf"became (?:famous|known) for (?P<ger>commanding|leading) (?P<the>the )?"
                 rf"(?P<obj>{_NAME}) in (?P<ev>the {_NAME})(?=,|\.?$)", rest)
    if not m or not topic.is_person:
        return []
    prompt = f"Whom did {topic.title} become famous for {m['ger']} in {m['ev']}?"
    obj = f"the {m['obj']}" if m["the"] else m["obj"]
    return [_ask(si, prompt, obj, kind="group", tags=["significance", "people"])]


_BUSINESS = {"group", "company", "corporation", "firm", "conglomerate"}


def _made_famous(si: SentenceInfo, topic: Topic) -> list[Candidate]:
    """``Copper refining made the company famous``: what made a business famous."""
    m = re.match(r"(?P<x>[A-Z][a-z]+(?: [a-z]+){0,2}) made (?:the (?P<head>[a-z]+)) famous\.?$",
                 si.cleaned.strip())
    if not m or topic.is_person or m["head"] not in _BUSINESS or not topic.heads & _BUSINESS:
        return []  # "made her hometown famous": someone else's fame
    x = m["x"][0].lower() + m["x"][1:]
    return [_ask(si, f"What made {topic.noun_phrase} famous?", x)]


def _only_other(si: SentenceInfo, topic: Topic) -> list[Candidate]:
    """``The okapi and the giraffe are the only living members of the family Giraffidae``:
    the other one (the family's name stays out: an infobox question may ask it)."""
    names = "|".join(re.escape(n) for n in {topic.title, capitalise_first(topic.noun_phrase)})
    m = re.match(rf"(?:{names}) and (?P<the>the )?(?P<x>[a-z][a-z -]{{2,30}}?) are the only "
                 r"(?P<adj>living |extant |surviving )?members of the (?P<rank>family|genus|order) "
                 r"[A-Z][a-z]+\.?$", si.cleaned.strip())
    if not m:
        return []
    subject = topic.noun_phrase
    prompt = (f"Besides {subject}, what is the only other {m['adj'] or ''}member of "
              f"{subject}'s {m['rank']}?")
    x = f"the {m['x']}" if m["the"] else m["x"]
    return [_ask(si, capitalise_first(prompt), x, kind="species")]


def _record_when_built(si: SentenceInfo, topic: Topic) -> list[Candidate]:
    """``...; on completion, it was the largest masonry dam in the world``: the kind of
    record, when the "it" is a thing of the subject's own kind (a dam in a dam's article)."""
    m = re.search(r"(?:^|; )(?P<when>[Oo]n completion|[Ww]hen completed|[Aa]t the time), it "
                  r"was the (?P<sup>largest|longest|tallest|highest|biggest) (?P<adj>[a-z]+) "
                  r"(?P<n>[a-z]+) in the world\.?$", si.cleaned.strip())
    if not m or topic.is_person or m["n"] != topic.title.split()[-1].lower():
        return []
    prompt = (f"{capitalise_first(m['when'])}, {topic.noun_phrase} was the {m['sup']} {BLANK} "
              f"{m['n']} in the world.")
    return [_ask(si, prompt, m["adj"], tags=["significance", "records"])]


_ASKS: tuple[Callable[[SentenceInfo, Topic, str], list[Candidate]], ...] = (
    _known_for, _known_enabling, _known_by_name, _symbol, _regarded, _thwarted, _end_of,
    _first_to, _famous_for,
)
