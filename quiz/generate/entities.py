"""Names in running text, and what kind of thing each one names, without ML.

A name is a run of capitalised words (with ``of``, ``de``, ``van`` ... inside).
Its kind (person, place, organisation, event) is voted on by cues from every
place it occurs: keywords inside it ("Ministry", "River", "War"), the words
before it ("king", "in", "with"), the words after it ("proposed", "(1830-1882)"),
and the infobox, whose typed fields act as a small gazetteer.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field

from quiz.bank.article import Article
from quiz.bank.normalize import fold
from quiz.generate import places
from quiz.generate.spans import CURRENCY_CODES
from quiz.generate.text import STOPWORDS, WORD_RE, wordset

PERSON, PLACE, ORG, EVENT, NAME, TOPIC = "person", "place", "org", "event", "name", "topic"
LANGUAGE = "language"
_TIE_ORDER = (ORG, EVENT, PLACE, PERSON, LANGUAGE)

CONNECTORS = wordset(
    "of de da do das dos del della di du des la le von van der den for y e al el bin ibn"
    " zu af"
)
ORG_WORDS = wordset(
    """Office Agency Committee Ministry Society Commission Council Assembly Army Forces Navy
    Museum University Party Government Company Institute Institution Association Union League
    Organization Organisation Department Directorate Directorate-General Bureau Court Parliament
    Congress Corporation Foundation School College Academy Library Archive Archives Service
    Church Club Federation Board Authority Police Guard Corps Centre Center Group Bank Senate
    Cabinet Tribunal Secretariat Nations Inc Ltd Press Network Orchestra Team Airlines
    Observatory Laboratory Agency Regiment Division Brigade Fleet Command"""
)
PLACE_WORDS = wordset(
    """River Valley Mountains Mountain Lake Sea Ocean Island Islands Peninsula Region Province
    County City Street Square Park Bridge Canal Castle Palace Tower House Area District Desert
    Bay Coast Gulf Strait Forest Estuary Basin Plain Plains Hills Hill States Kingdom Empire
    Republic Zone Port Harbour Harbor Airport Station Cathedral Temple Abbey Monastery Wall
    Gate Road Avenue Falls Glacier Reef Cape Village Town Municipality Parish Prefecture
    Territory Colony Garden Gardens Stadium Hall Building Peak Range Delta Channel Archipelago
    Atoll Lagoon Continent Highlands Lowlands Mosque Church"""
) - {"Church"}
EVENT_WORDS = wordset(
    """War Wars Summit Olympics Games Revolution Battle Siege Treaty Declaration Agreement Accord
    Accords Armistice Conference Convention Expedition Crisis Pandemic Cup Championship
    Championships Festival Election Uprising Rebellion Massacre Crusade Act Protocol Pact
    Exhibition Exposition Award Prize Campaign Operation Incident Affair Disaster Earthquake
    Movement Olympiad"""
)
ROLE_WORDS = wordset(
    """president vice minister king queen emperor empress prince princess duke duchess count
    countess lord lady sir dame pope saint bishop archbishop cardinal general admiral captain
    colonel lieutenant sergeant dr mr mrs ms professor chairman chairwoman chair representative
    senator governor mayor director secretary ambassador chancellor premier leader commander
    marshal sultan shah tsar czar khan negus emperor emir sheikh rabbi reverend chief deputy
    counterpart explorer naturalist architect engineer artist painter poet writer author
    composer scientist zoologist ornithologist botanist astronaut pilot journalist officer
    delegate envoy consul supreme pharaoh caliph regent viceroy"""
)
_RELATIONS = ("sister", "brother", "son", "daughter", "wife", "husband", "father", "mother",
              "widow", "grandson", "granddaughter", "nephew", "niece", "cousin", "uncle", "aunt",
              "successor", "predecessor", "heir", "friend", "pupil", "student", "teacher")
HUMAN_VERBS = wordset(
    """said says proposed died dies married wrote writes decided led studied fought travelled
    traveled visited accompanied discussed responded predicted announced argued claimed stated
    believed became collaborated illustrated sold represented met lived worked returned joined
    received published painted composed served resigned retired succeeded ruled reigned ordered
    appointed explored described admitted refused invited told asked hoped wanted felt thought
    knew learned taught raised spent moved emigrated graduated won lost defeated killed
    murdered was_born"""
)
_PLACE_PREPS = {"in": 1.0, "at": 0.8, "near": 1.0, "into": 1.0, "across": 1.0, "towards": 1.0,
                "toward": 1.0, "throughout": 1.0, "outside": 0.8, "inside": 0.8, "via": 1.0,
                "from": 0.5, "to": 0.5, "around": 0.6}
_PERSON_OBJECT_VERBS = wordset(
    "accompanied married met succeeded appointed replaced befriended employed assisted "
    "assassinated crowned deposed knighted elected"
)
_PLACE_OBJECT_VERBS = wordset("visiting visited reached crossed explored up down")
_PLACE_NOUNS = wordset(
    "river valley city town village neighborhood neighbourhood district region province "
    "island islands mountains mountain lake sea coast estuary peninsula desert"
)
_CALENDAR = wordset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
)
# Capitalised words that start sentences but are never names on their own.
FUNCTION_CAPS = wordset(
    """The A An In On At By For From With During After Before Since Until Due According Both
    Another Some Many Most Other This That These Those It He She They We His Her Its Their
    Our There Here However Thus Then Later Also While When Where Which Who What Why How As If
    Although Though Because Despite Following Under Over Between Among Upon Into Each Every
    No Not One Two Three Four Five Six Seven Eight Nine Ten First Second Third Last Several
    Afterwards Meanwhile Moreover Furthermore Instead Nevertheless Subsequently Today Its
    Such Like Unlike Below Above Around Through Throughout Within Without Toward Towards"""
)
_DEMONYM_RE = re.compile(r"(?:an|ans|ian|ese|ish|ic|ch|i)$")


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int
    kind: str = NAME


@dataclass
class EntityIndex:
    """Every name of an article with its kind, and the tokens seen capitalised."""

    title: str
    kinds: dict[str, str] = field(default_factory=dict)
    known_caps: set[str] = field(default_factory=set)
    lower_words: set[str] = field(default_factory=set)

    def kind(self, text: str) -> str:
        if text in self.kinds:
            return self.kinds[text]
        if not self._folded:
            self._folded = {fold(k): v for k, v in self.kinds.items()}
        return self._folded.get(fold(text), NAME)

    def of_kind(self, kind: str) -> list[str]:
        return [t for t, k in self.kinds.items() if k == kind]

    protected: tuple[str, ...] = ()  # known multi-word names, longest first
    _folded: dict[str, str] = field(default_factory=dict, repr=False)

    def mentions(self, text: str) -> list[Mention]:
        """The names in ``text`` (any sentence, rewritten or not) with their kinds."""
        return [Mention(text[s:e], s, e, self.kind(text[s:e]))
                for s, e, how in _chains(text, self.known_caps, self.protected)
                if not (how == "plain" and _is_adjective(text, s, e, text[s:e]))]


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or (len(tok) > 1 and tok[0].isdigit() and tok[-1].isupper())


def _chains(text: str, known_caps: set[str],
            protected: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """(start, end) of each name in ``text``: known phrases first, then runs of
    capitalised words, split at possessives and role words."""
    taken: list[tuple[int, int]] = []
    for phrase in protected:
        for m in re.finditer(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", text):
            if not any(m.start() < e and s < m.end() for s, e in taken):
                taken.append((m.start(), m.end()))
    raw: list[tuple[int, int]] = []
    toks = [t for t in _tokens(text) if not any(s <= t[0] < e for s, e in taken)]
    i = 0
    while i < len(toks):
        s, e, tok = toks[i]
        initial = _starts_clause(text, s)
        # A sentence's first word is a name only if it is known as one, or if a
        # capitalised word follows it ("George Washington Goethals later led ...").
        nxt_cap = (i + 1 < len(toks) and text[e:toks[i + 1][0]] == " "
                   and _is_cap(toks[i + 1][2]) and toks[i + 1][2] not in FUNCTION_CAPS)
        if not _is_cap(tok) or (initial and (tok in FUNCTION_CAPS or (
                tok not in known_caps and not nxt_cap))):
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and not toks[j][2].endswith(("'s", "’s")):
            gap = text[toks[j][1]:toks[j + 1][0]]
            nxt = toks[j + 1][2]
            if gap != " ":
                break
            if _is_cap(nxt) and nxt not in FUNCTION_CAPS:
                j += 1
                continue
            # "Committee for the Peaceful ...", "Francisco de Holanda": connectors
            # join only when a capitalised word follows them.
            k = j + 1
            while (k < len(toks) and toks[k][2] in CONNECTORS | {"the"}
                   and text[toks[k - 1][1]:toks[k][0]] == " "):
                k += 1
            if (k > j + 1 and k < len(toks) and _is_cap(toks[k][2])
                    and text[toks[k - 1][1]:toks[k][0]] == " "
                    and (toks[j + 1][2] != "the" or _epithet(text, toks, k))):
                j = k
                continue
            break
        end = toks[j][1]
        if text[s:end].endswith(("'s", "’s")):
            end -= 2
        raw.append((s, end))
        i = j + 1
    raw = _merge_org_lists(text, raw)
    out: list[tuple[int, int, str]] = [(s, e, "known") for s, e in taken]
    of_list, last_end = False, -1
    for s, e in raw:
        gap = text[last_end:s] if last_end >= 0 else ""
        last_end = e
        if of_list:
            n_toks = len(text[s:e].split())
            if gap == ", " and n_toks == 1:
                continue  # "Minister of Culture, Sports and ...": a list item
            if re.fullmatch(r",? and ", gap) and n_toks >= 3:
                # "... and Tourism Roh Tae-kang": the list's last item runs into the name
                s = s + len(text[s:e].split(" ", 1)[0]) + 1
        pieces, how = _split_roles(text, s, e)
        of_list = how == "of"
        out.extend((ps, pe, how) for ps, pe in pieces)
    out.sort()
    return [(s, e, how) for s, e, how in out if _worth_keeping(text[s:e])]


def _epithet(text: str, toks: list[tuple[int, int, str]], k: int) -> bool:
    """``Edward the Confessor``: one capitalised word after "the", then no more."""
    if k + 1 < len(toks) and text[toks[k][1]:toks[k + 1][0]] == " " and _is_cap(toks[k + 1][2]):
        return False
    return toks[k][2] not in FUNCTION_CAPS and toks[k][2] not in ORG_WORDS | PLACE_WORDS


def _worth_keeping(name: str) -> bool:
    toks = name.split()
    if len(toks) == 1 and (name in ORG_WORDS or name in PLACE_WORDS or name in EVENT_WORDS
                           or _is_role(name) or name in _CALENDAR or name in CURRENCY_CODES):
        return False
    return bool(toks)


def _merge_org_lists(text: str, raw: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``Inter-Korean Exchange and Cooperation Consultation Office`` is one name."""
    out: list[tuple[int, int]] = []
    for s, e in raw:
        if out:
            ps, pe = out[-1]
            last = text[s:e].split()[-1]
            if (text[pe:s] == " and " and last in ORG_WORDS
                    and text[ps:pe].split()[-1] not in ORG_WORDS | PLACE_WORDS
                    and text[ps:pe].split()[0].lower() not in ROLE_WORDS):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def _starts_clause(text: str, at: int) -> bool:
    before = text[:at].rstrip()
    return not before or before[-1] in '.:;!?"“(‘\''


def _split_roles(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], str]:
    """``North Korean Representative Jon Jong-su`` -> ``Jon Jong-su`` ("role");
    ``Supreme Leader of North Korea`` -> ``North Korea`` ("of": a list such as
    ``Minister of Culture, Sports and Tourism`` may go on after it)."""
    toks = _tokens(text[start:end])
    if not toks:
        return [], "plain"
    first, last = toks[0][2], toks[-1][2]
    role_first = _is_role(first) or (
        len(toks) > 1 and _is_role(toks[1][2]) and bool(_DEMONYM_RE.search(first)))
    if not role_first and (last in ORG_WORDS or last in PLACE_WORDS or last in EVENT_WORDS):
        return [(start, end)], "plain"
    cut = -1
    for i, (_, _, tok) in enumerate(toks):
        if _is_role(tok):
            cut = i
        elif tok == "of" and role_first:
            cut = i - 1  # "Chief Chronicler of the Kingdom": all before "of" is the role
            break
        elif tok in CONNECTORS and cut == i - 1:
            break
    if cut < 0:
        return [(start, end)], "plain"
    rest = toks[cut + 1:]
    how = "of" if rest and rest[0][2] == "of" else "role"
    while rest and rest[0][2] in CONNECTORS | {"the"}:
        rest = rest[1:]
    if not rest:
        return [], how
    return [(start + rest[0][0], start + rest[-1][1])], how


def _is_role(tok: str) -> bool:
    return any(part.lower() in ROLE_WORDS for part in tok.split("-"))


def _cue_votes(text: str, s: int, e: int, name: str) -> dict[str, float]:
    votes: dict[str, float] = defaultdict(float)
    toks = name.split()
    last = toks[-1]
    if last in ORG_WORDS or any(t in ORG_WORDS for t in toks[:-1] if t not in ("House",)):
        votes[ORG] += 3
    if last in PLACE_WORDS or toks[0] in ("Mount", "Lake", "Cape", "Saint", "San", "Santa"):
        votes[PLACE] += 2.5
    if last in EVENT_WORDS or last == "pandemic":
        votes[EVENT] += 3
    # the cues stand right beside the name: a window keeps every search short (searching
    # the whole text before each of thousands of names took seconds on hostile input)
    before = text[max(0, s - 200):s]
    after = text[e:e + 200]
    prev = re.search(r"(\w+)(,)?\s+(?:the\s+)?$", before)
    the_before = bool(re.search(r"\bthe\s+$", before, re.IGNORECASE))
    if prev:
        word = prev.group(1).lower()
        if word in ROLE_WORDS and not the_before:
            votes[PERSON] += 2
        inside_name = bool(re.search(r"[A-Z][\w-]* " + re.escape(prev.group(1)) + r"\s+$",
                                     before))  # "Nobel Prize in Chemistry"
        if word in _PLACE_PREPS and not prev.group(2) and not inside_name:
            votes[PLACE] += _PLACE_PREPS[word] * (0.5 if the_before else 1.0)
        if word == "with" and not the_before and len(toks) >= 2:
            votes[PERSON] += 1.0
        if word == "by" and not the_before and len(toks) >= 2:
            votes[PERSON] += 0.3
        if word in _PERSON_OBJECT_VERBS and not the_before:
            votes[PERSON] += 1.0
        if word in _PLACE_OBJECT_VERBS or (word == "for" and re.search(r"\bleft for\s+$",
                                                                        before)):
            votes[PLACE] += 0.8
    if toks[0] in ("North", "South", "East", "West", "Northern", "Southern", "Eastern",
                   "Western", "Central", "Upper", "Lower") and len(toks) >= 2:
        votes[PLACE] += 1.0
    if re.match(r"\s+near\s+[A-Z]", after):
        votes[PLACE] += 1.0
    if re.search(r"\b(?:" + "|".join(_RELATIONS) + r") of\s+$", before):
        votes[PERSON] += 2
    if re.search(r"\b(?:married|engaged|betrothed|wed) to\s+$", before):
        votes[PERSON] += 2  # "married to Wei Zhongdao": "to" is no place preposition here
    if re.match(r"\s*\((?:born\b|c\.\s*)?\d{3,4}\s*[–—-]\s*\d{3,4}\)", after) or re.match(
            r"\s*\(born\b", after):
        votes[PERSON] += 2
    if re.match(r",? (?:the |a |an )?(?:" + "|".join(_RELATIONS) + r")\b", after):
        votes[PERSON] += 2
    m = re.match(r"(?:,[^,]{1,60},)?\s+(?:had |has |also |then |later |was born\b)?(\w+)", after)
    if m and (m.group(1) in HUMAN_VERBS or "was born" in m.group(0)):
        votes[PERSON] += 1.5
    if len(toks) == 1 and re.fullmatch(r"[A-Z]{3,6}", last) and not re.fullmatch(r"[IVX]+", last):
        votes[ORG] += 0.6  # "NASA", "CERN": acronyms mostly name bodies
    if re.fullmatch(r"(?:[IVX]+|Jr\.?|Sr\.?)", last) and len(toks) >= 2:
        votes[PERSON] += 1.5  # "John V", "Philip II"
    if re.search(r"\b(?:city|town|village|parish|municipality|province|region|county|island|"
                 r"kingdom|republic|state|district|port|capital) of\s+$", before, re.I):
        votes[PLACE] += 1.5
    nxt = re.match(r"\s+([a-z]+)", after)
    if nxt and nxt.group(1) in _PLACE_NOUNS:
        votes[PLACE] += 1.0  # "the Carenque river valley", "the Alfama neighborhood"
    if nxt and nxt.group(1) in ("pandemic", "epidemic", "war", "crisis", "revolution"):
        votes[EVENT] += 1.0
    m = re.match(r",\s+([A-Z]\w+)\b", after)
    if m and len(toks) == 1 and votes.get(PLACE, 0) > 0:
        votes[PLACE] += 0.5  # "Lisbon, Portugal"
    if len(toks) == 1 and re.search(r"\b(?:in|at|near) [A-Z]\w+, $", before):
        votes[PLACE] += 1.0  # "at Klerksdorp, Transvaal"
    if _LANGUAGE_BEFORE.search(before) or _LANGUAGE_AFTER.match(after):
        votes[LANGUAGE] += 3  # "fluent in Quechua and Aymara, the languages of": no place
    if len(toks) >= 2 and any(re.fullmatch(r"[A-Z]\w*-[a-z]+", t) for t in toks[1:]):
        votes[PERSON] += 0.8  # "Kim Jong-un", "Moon Jae-in"
    return votes


# "fluent in Quechua and Aymara", "spoke Basque", "Quechua and Aymara, the languages of"
_LANGUAGE_BEFORE = re.compile(
    r"\b(?:fluent in|spoke|speaks|speak|speaking|written in|translated (?:into|from)|"
    r"(?:the )?languages?,?(?: such as| like)?)\s+(?:both\s+)?(?:[A-Z][\w-]*,?\s+)*"
    r"(?:(?:and|or)\s+)?$")
_LANGUAGE_AFTER = re.compile(
    r"(?:,?\s+(?:and|or)\s+[A-Z][\w-]*)*,?\s+(?:(?:the|a|an)\s+)?(?:\w+\s+)?languages?\b")


def build_index(article: Article, gazetteer: dict[str, str] | None = None) -> EntityIndex:
    """Find and classify every name in the article's prose."""
    index = EntityIndex(article.title)
    sentences = [s.text for p in article.paragraphs if not p.bullet for s in p.sentences]
    for text in [*sentences, article.title, *(f.value for f in article.infobox)]:
        toks = _tokens(text)
        for n, (s, _, tok) in enumerate(toks):
            if _is_cap(tok) and (n > 0 and not _starts_clause(text, s)):
                index.known_caps.add(tok)
            elif tok.islower():
                index.lower_words.add(tok)
    for text in (article.title, *(f.value for f in article.infobox)):
        for tok in text.split():
            if tok[:1].isupper():
                index.known_caps.add(tok.strip(",.;:()"))
    known = {article.title, *(gazetteer or {})}
    index.protected = tuple(sorted((k for k in known if " " in k), key=len, reverse=True))
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    mentions: list[tuple[str, int, int, str]] = []
    for text in sentences:
        for s, e, how in _chains(text, index.known_caps, index.protected):
            name = text[s:e]
            if how == "plain" and _is_adjective(text, s, e, name):
                continue
            mentions.append((text, s, e, name))
            v = votes[name]
            for kind, weight in _cue_votes(text, s, e, name).items():
                v[kind] += weight
            if how == "role":
                v[PERSON] += 2  # a role word stood in front of it
    for name, kind in (gazetteer or {}).items():
        votes[name][kind] += 3
        if kind == TOPIC:
            index.kinds[name] = TOPIC
    # A country, city, province, river or sea the gazetteer knows is a place; but not the
    # article's own country: as a blank it is forced by every sentence around it.
    home = places.main_country(article.text)
    for name, v in votes.items():
        entry = places.lookup(name)
        if entry is not None and not (entry.sort == places.COUNTRY and entry.country == home):
            v[PLACE] += 2.5
    _vote_by_shared_tokens(votes)
    _vote_by_coordination(mentions, votes)
    title_f = fold(article.title)
    for name, v in votes.items():
        f = fold(name)
        if index.kinds.get(name) == TOPIC or (f and (f == title_f or f" {f} " in f" {title_f} ")):
            index.kinds[name] = TOPIC
            continue
        # Ties go to the kinds whose cues are more reliable.
        best = max(_TIE_ORDER, key=lambda k: (v.get(k, 0.0), -_TIE_ORDER.index(k)))
        score = v.get(best, 0.0)
        index.kinds[name] = best if score >= 0.5 else NAME
    return index


def _is_adjective(text: str, s: int, e: int, name: str) -> bool:
    """``North Korean leader``, ``Roman system``: a demonym used as an adjective."""
    toks = name.split()
    nxt = re.match(r"\s+([a-z][\w-]*)", text[e:])
    return bool(len(toks) <= 2 and _DEMONYM_RE.search(toks[-1]) and nxt
                and nxt.group(1) not in STOPWORDS and toks[-1] not in ORG_WORDS | PLACE_WORDS)


def _vote_by_shared_tokens(votes: dict[str, dict[str, float]]) -> None:
    """``Chun`` is the ``Chun Hae-sung`` met before; ``Kim Yo-jong`` shares a family name."""
    people = [n for n, v in votes.items() if v.get(PERSON, 0) >= 1.5
              and v.get(PERSON, 0) >= max(v.values())]
    for name, v in votes.items():
        toks = name.split()
        if len(toks) > 3 or any(t in ORG_WORDS | PLACE_WORDS | EVENT_WORDS for t in toks):
            continue
        for person in people:
            if person == name:
                continue
            ptoks = person.split()
            shared = [t for t in toks if t in ptoks and t not in CONNECTORS and len(t) > 1]
            if shared:
                v[PERSON] += 1.0 if len(toks) == 1 else 0.8
                break


def _vote_by_coordination(mentions: list[tuple[str, int, int, str]],
                          votes: dict[str, dict[str, float]]) -> None:
    """``Athens and Smyrna``, ``Gustavo Chiarini and Antonio Cecchi``: same kind."""
    by_text: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for text, s, e, name in mentions:
        by_text[text].append((s, e, name))
    for text, spans in by_text.items():
        for (_s1, e1, n1), (s2, _e2, n2) in itertools.pairwise(spans):
            if re.fullmatch(r",?\s+and\s+", text[e1:s2]):
                k1 = max(votes[n1].items(), key=lambda kv: kv[1], default=(NAME, 0.0))
                k2 = max(votes[n2].items(), key=lambda kv: kv[1], default=(NAME, 0.0))
                if k1[1] >= 1 and k2[1] < 0.5:
                    votes[n2][k1[0]] += 0.6
                elif k2[1] >= 1 and k1[1] < 0.5:
                    votes[n1][k2[0]] += 0.6
