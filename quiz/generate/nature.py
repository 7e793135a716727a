"""What teachers ask of a species or a place that the other rules do not: its nickname,
everyday or other common names, the name the local people gave it, its main threat, its
habitat and the desert it grows in, a fellow national treasure, the industry that grew up
in a place and its census population.

``The baiji is nicknamed the "Goddess of the Yangtze"`` -> ``What is the baiji nicknamed?``;
``In common use, Welwitschia is sometimes referred to as the tree tumbo`` -> ``In common
use, what is Welwitschia sometimes called?``; ``Hobart lies on country which was known by
the local Muwinina people as Nipaluna`` -> ``By what name did the local Muwinina people know
the land on which Hobart lies?``; ``The most significant threat to the Philippine eagle
is loss of habitat`` -> ``What is the most significant threat to the Philippine eagle?``;
``Whaling quickly emerged as a major industry in the area, and ... Hobart ...`` -> ``What
quickly emerged as a major industry in the Hobart area?``.

Each pattern asks only where the sentence names the subject itself (its stand-alone form),
and only a short answer that the passage writes out: a long or listed answer would need a
checker the article does not give.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quiz.bank.normalize import fold
from quiz.generate.candidate import Candidate
from quiz.generate.context import Topic
from quiz.generate.rules import SentenceInfo, _base
from quiz.generate.text import capitalise_first, content_words, short_hash, stable_order

_NAME = r"[A-Z][\w'’-]+(?: (?:of the |of |the )?[A-Z][\w'’-]+){0,3}"
_LOWER_NAME = r"[a-z][a-z-]+(?: [a-z][a-z-]+){0,2}"
_HOW = r"(?P<how>sometimes |often |usually |commonly |popularly |also )?"


def nature_questions(infos: Sequence[SentenceInfo], topic: Topic, text: str
                     ) -> list[Candidate]:
    if topic.is_person:
        return []
    subj = topic.noun_phrase
    pat = _subject_pattern(subj)
    out: list[Candidate] = []
    first = next((si.cleaned for si in infos), "")
    for si in infos:
        out.extend(_common_names(si, topic, subj, first))  # reads the sentence as written
        t = si.text or _species_lead(si, topic, subj)
        if not t:
            continue
        for rule in (_nickname, _local_name, _threat, _desert, _industry, _habitat,
                     _population, _treasure):
            out.extend(rule(si, t, topic, subj, pat, text))
    return out


def _species_lead(si: SentenceInfo, topic: Topic, subj: str) -> str | None:
    """``They are typically found in ...`` in a species article's opening: the opening is
    all about the species, so "they" are its members (a later section may speak of males,
    eggs or a rival species)."""
    if not topic.is_species or si.section != "Introduction" or \
            si.reason not in ("dangling-pronoun", "context-dependent"):
        return None
    m = re.match(r"(?:They|It) (?=(?:is|are) )", si.cleaned)
    if not m:
        return None
    return capitalise_first(subj) + " " + si.cleaned[m.end():]


def _subject_pattern(subj: str) -> str:
    """The subject as a sentence may write it: capitalised at the start or not."""
    first = re.escape(subj[:1])
    if subj[:1].isalpha():
        first = f"[{subj[0].upper()}{subj[0].lower()}]"
    return first + re.escape(subj[1:])


def _answer_is_new(answer: str, topic: Topic) -> bool:
    """A name made of the subject's own words teaches nothing ("the great Philippine eagle")."""
    own = content_words(topic.title) | content_words(topic.noun_phrase)
    words = content_words(answer)
    return bool(words) and not words <= own


def _nickname(si: SentenceInfo, t: str, topic: Topic, subj: str, pat: str, text: str
        ) -> list[Candidate]:
    """``X is nicknamed the "Goddess of the Yangtze"``; ``In common use, X is sometimes
    referred to as the tree tumbo``."""
    nick = re.match(rf"{pat} (?P<be>is|was) {_HOW}nicknamed (?P<the>the )?"
                    r"[\"“](?P<n>[^\"”]{3,40})[\"”]", t)
    if nick and _answer_is_new(nick["n"], topic):
        how = nick["how"] or ""
        prompt = f"What {nick['be']} {subj} {how}nicknamed?"
        return [_ask(si, prompt, nick["n"], "nickname", the=bool(nick["the"]))]
    ref = re.match(rf"(?P<intro>In (?:common|everyday|popular) (?:use|usage|speech), )?{pat} "
                   rf"(?P<be>is|was) {_HOW}referred to as (?P<the>the )?"
                   rf"(?P<n>{_LOWER_NAME}|[\"“][^\"”]{{3,40}}[\"”])\.?$", t)
    if not ref or not (ref["how"] or ref["intro"]):
        return []  # "is referred to as" alone may be a definition, not a name
    name = ref["n"].strip("\"“”")
    if not _answer_is_new(name, topic):
        return []
    intro = (ref["intro"] or "").rstrip(", ")
    how = ref["how"] or ""
    ask = f"what {ref['be']} {subj} {how}called?"
    prompt = f"{intro}, {ask}" if intro else capitalise_first(ask)
    return [_ask(si, prompt, name, "alias", the=bool(ref["the"]))]


def _local_name(si: SentenceInfo, t: str, topic: Topic, subj: str, pat: str, text: str
                ) -> list[Candidate]:
    """``X lies on country which was known by the local Muwinina people as Nipaluna``."""
    m = re.match(rf"{pat} (?P<verb>lies|stands|is built) on (?P<what>country|land|the land|"
                 rf"the site) which (?P<be>was|is) known by the local (?P<people>{_NAME}) "
                 rf"people as (?P<n>[A-Z][\w'’-]+)(?=[,.;]|$)", t)
    if not m or not _answer_is_new(m["n"], topic):
        return []
    what = "the land"  # "the country" would read as a nation, and the filters as lost context
    know = "did" if m["be"] == "was" else "do"
    prompt = (f"By what name {know} the local {m['people']} people know {what} on which "
              f"{subj} {m['verb'].removeprefix('is ')}?")
    if m["verb"] == "is built":
        prompt = prompt.replace(f"{subj} built?", f"{subj} is built?")
    return [_ask(si, prompt, m["n"], "alias", the=False)]


_THREAT = r"(?:most significant|main|biggest|greatest|primary|chief|principal|major)"


def _threat(si: SentenceInfo, t: str, topic: Topic, subj: str, pat: str, text: str
        ) -> list[Candidate]:
    """``The most significant threat to X is loss of habitat, a result of ...``."""
    if not topic.is_species:
        return []
    m = re.match(rf"The (?P<most>{_THREAT}) threat to {pat} (?P<be>is|was) "
                 r"(?P<x>[a-z][a-z-]+(?: [a-z][a-z-]+){0,3}?)(?=[,.;]|$)", t)
    if not m or re.search(r"\b(?:and|or)\b", m["x"]):
        return []  # two threats: either could be written, and only one would be the answer
    x = m["x"]
    wrong = _wrong_threats(x, text, topic.title)
    if len(wrong) < 3:
        return []
    # a choice, not a typed answer: "habitat loss" for "loss of habitat" could not be
    # accepted, for the passage does not write it so
    prompt = f"What {m['be']} the {m['most']} threat to {subj}?"
    return [_base(si, "nature-threat", "choice", prompt, x, "threat", x,
                  choices=stable_order([x, *wrong[:3]], seed=topic.title), score=3.0,
                  tags=["nature"])]


# Threats any living thing may face, each with the stems that would make it true in the
# article's terms (an article that mentions gunshot wounds makes hunting a threat).
_THREATS = {
    "disease": r"disease|infect|virus|fung",
    "pollution": r"pollut|contamin|toxic",
    "climate change": r"climat|warming|drought",
    "invasive species": r"invasive|introduced|predat",
    "pesticide poisoning": r"pesticid|poison",
    "hunting": r"hunt|shot|gun|kill|poach",
    "the pet trade": r"trade|pet|captiv",
}


def _wrong_threats(answer: str, text: str, seed: str) -> list[str]:
    folded = fold(text)
    own = content_words(answer)
    ok = [w for w, stems in _THREATS.items()
          if not re.search(rf"\b(?:{stems})", folded) and not content_words(w) & own]
    return sorted(ok, key=lambda w: short_hash(seed, w))


def _desert(si: SentenceInfo, t: str, topic: Topic, subj: str, pat: str, text: str
        ) -> list[Candidate]:
    """``X is native to A and B, where it grows in the extreme conditions of the Namib
    desert`` -> ``In which desert does X grow?``"""
    if not topic.is_species or not re.match(pat, t):
        return []
    m = re.search(r"\b(?:it|which) (?P<verb>grows|lives) in (?:[a-z ,]{0,40} of )?the "
                  r"(?P<d>[A-Z][a-z]+) (?P<w>[Dd]esert)\b", t)
    if not m:
        return []
    rest = t[:m.start()]
    if re.search(r"\b(?:they|he|she)\b", rest):
        return []
    written = f"{m['d']} {m['w']}"
    prompt = f"In which desert does {subj} {m['verb'][:-1]}?"
    return [_base(si, "nature-desert", "text", prompt, written, "place", written,
                  accept=[m["d"], f"the {written}"], score=3.0, tags=["nature"])]


def _industry(si: SentenceInfo, t: str, topic: Topic, subj: str, pat: str, text: str
        ) -> list[Candidate]:
    """``Whaling quickly emerged as a major industry in the area, and for a time Hobart
    served as ...`` -> ``What quickly emerged as a major industry in the Hobart area?``"""
    if topic.is_species:
        return []
    m = re.match(r"(?P<x>[A-Z][a-z]+ing) (?P<adv>quickly |soon |rapidly )?(?P<verb>emerged|"
                 r"became|developed) as (?P<a>a|the) (?P<maj>major|main|leading|principal) "
                 r"industry in the (?P<where>area|region|town|city)\b", t)
    if not m or not re.search(rf"\b{pat}\b", t[m.end():]):
        return []  # "the area" is the subject's only when the sentence names it
    adv = m["adv"] or ""
    where = "area" if m["where"] in ("area", "region") else m["where"]
    prompt = (f"What {adv}{m['verb']} as {m['a']} {m['maj']} industry in the {subj} "
              f"{where}?")
    x = m["x"].lower()
    return [_base(si, "nature-industry", "text", prompt, x, "industry", m["x"],
                  score=3.0, tags=["nature"])]


def _ask(si: SentenceInfo, prompt: str, name: str, kind: str, *, the: bool) -> Candidate:
    accept = [f"the {name}"] if the and not name.startswith("the ") else []
    return _base(si, f"nature-{kind}", "text", prompt, name, "alias", name, accept=accept,
                 score=2.9, tags=["names"])


# Habitats a living thing may be found in, each with the stems that would make it true in
# the article's terms.
_HABITATS = {
    "tropical rainforests": r"rain ?forest|tropical forest",
    "coastal mangrove swamps": r"mangrove|swamp|coast",
    "high mountain grasslands": r"mountain|grassland|alpine",
    "freshwater marshes": r"marsh|wetland|freshwater",
    "temperate woodlands": r"woodland|temperate",
    "dry, hot savannas": r"savann",
    "sandy deserts": r"desert|sand",
}
_HABITAT_HEADS = (r"savannas?|savannahs?|forests?|rainforests?|deserts?|grasslands?|"
                  r"wetlands?|swamps?|woodlands?|scrublands?|marshes|steppes?")


def _habitat(si: SentenceInfo, t: str, topic: Topic, subj: str, pat: str, text: str
             ) -> list[Candidate]:
    """``X is typically found in dry, hot savannas of sub-Saharan Africa`` -> ``In what kind
    of habitat is X typically found?`` among habitats the article never names."""
    if not topic.is_species:
        return []
    m = re.match(rf"{pat} (?P<be>is|are) (?P<how>typically |usually |mostly |mainly |"
                 rf"generally )?found in (?P<h>(?:[a-z]+,? ){{1,3}}(?:{_HABITAT_HEADS}))\b", t)
    if not m:
        return []
    h = m["h"]
    folded = fold(text)
    wrong = [w for w, stems in _HABITATS.items()
             if not re.search(rf"\b(?:{stems})", folded)]
    wrong = sorted(wrong, key=lambda w: short_hash(topic.title, w))[:3]
    if len(wrong) < 3:
        return []
    be = "is" if m["be"] == "is" or not subj.endswith("s") else "are"
    prompt = f"In what kind of habitat {be} {subj} {m['how'] or ''}found?"
    return [_base(si, "nature-habitat", "choice", prompt, h, "habitat", h,
                  choices=stable_order([h, *wrong], seed=topic.title), score=3.0,
                  tags=["nature"])]


def _common_names(si: SentenceInfo, topic: Topic, subj: str, first: str) -> list[Candidate]:
    """``Other common names for the baobab include A, B, and C`` -> ``Besides the African
    baobab, what is another common name for Adansonia digitata?`` where the opening
    sentence gave "the African baobab" as the subject's name."""
    if not topic.is_species:
        return []
    m = re.match(r"Other (?:common |local |vernacular )?names for (?:the )?(?P<w>[a-z]+) "
                 r"include (?P<list>[^.;:]+)\.?$", si.cleaned)
    if not m:
        return []
    given = re.match(rf"{re.escape(topic.title)}, "
                     rf"(?P<n>(?:the )?(?:[A-Za-z][\w-]+ ){{0,2}}{m['w']}),", first)
    if not given:
        return []  # "the baobab" is the subject only when the opening names it so
    names = [n.strip() for n in re.split(r",? and |, ", m["list"]) if n.strip()]
    if not 2 <= len(names) <= 5 or any(
            not re.fullmatch(r"[a-z][a-z-]+(?: [a-z][a-z-]+){0,3}", n) for n in names):
        return []
    prompt = f"Besides {given['n']}, what is another common name for {subj}?"
    return [_base(si, "nature-names", "text", prompt, names[0], "alias", names[0],
                  accept=names[1:], score=2.9, tags=["names"])]


def _population(si: SentenceInfo, t: str, topic: Topic, subj: str, pat: str, text: str
                ) -> list[Candidate]:
    """``As of the 2020 census, X had a total population of 4,393,699 inhabitants`` ->
    ``About how many people lived in X at the 2020 census?`` (within 5%)."""
    if topic.is_species:
        return []
    m = re.match(rf"(?:As of|At|In) the (?P<y>\d{{4}}) [Cc]ensus,? {pat} had a (?:total )?"
                 r"population of (?P<n>\d{1,3}(?:,\d{3})+)(?: inhabitants| people)?(?=[ ,.;])", t)
    if not m or re.search(r"\b(?:census|estimate)", t[m.end():], re.IGNORECASE):
        return []  # a later count follows: the older one is not the figure to learn
    n = int(m["n"].replace(",", ""))
    if n < 1000:
        return []
    prompt = f"About how many people lived in {subj} at the {m['y']} census?"
    return [_base(si, "nature-population", "number", prompt, n, "count", m["n"],
                  unit="people", tolerance=round(n * 0.05), number_format=m["n"], score=3.0,
                  tags=["numbers"])]


def _treasure(si: SentenceInfo, t: str, topic: Topic, subj: str, pat: str, text: str
              ) -> list[Candidate]:
    """``X is strictly protected by the Chinese government, named a "national treasure"
    much like its mammalian counterpart, the giant panda`` -> ``Which mammal, like X, is
    named a national treasure in China?``"""
    if not topic.is_species:
        return []
    m = re.match(rf"{pat} is (?:strictly )?protected by the (?P<nation>[A-Z][a-z]+) "
                 r"government, named a [\"“]national treasure[\"”] much like its "
                 r"(?P<kind>mammalian|avian|reptilian) counterpart, the "
                 r"(?P<x>[a-z-]+(?: [a-z-]+)?)\.?$", t)
    if not m:
        return []
    kind = {"mammalian": "mammal", "avian": "bird", "reptilian": "reptile"}[m["kind"]]
    country = {"Chinese": "China"}.get(m["nation"])
    if not country:
        return []
    prompt = f"Which {kind}, like {subj}, is named a national treasure in {country}?"
    return [_base(si, "nature-treasure", "text", prompt, m["x"], "animal", m["x"],
                  accept=[f"the {m['x']}"], score=3.0, tags=["nature"])]
