"""Make a sentence stand on its own, or say why it cannot.

A question is read without the article around it, so "It was headed by ...",
"The king instituted a tax" (which king?) or "A year later, ..." make no
sense as prompts. Here such sentences are either rewritten (the pronoun that
means the article's subject becomes its name, "the office" becomes "the
Inter-Korean Liaison Office") or refused with a reason the report counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from quiz.bank.article import Article, InfoboxField
from quiz.generate.text import capitalise_first, strip_parens, tidy, wordset

_CONNECTIVE_RE = re.compile(
    r"^(?:However|Thus|Therefore|Afterwards|Afterward|Subsequently|Then|Later|Meanwhile|"
    r"Moreover|Furthermore|In addition|Additionally|Consequently|Nevertheless|Instead|Also|"
    r"Hence|Accordingly|Finally|Eventually|Still|Similarly|Likewise|Indeed|In fact|"
    r"As a result|In the end|Later on),\s+"
)
_MID_CONNECTIVE_RE = re.compile(r",\s+(?:however|therefore|though|thus|in turn),", re.I)
_RELATIVE_TIME_RE = re.compile(
    r"^(?:(?:A|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Several|Some|A few|Many|"
    r"\d+) (?:years?|months?|decades?|days?|weeks?|centuries|century|time)|Shortly|Soon)"
    r" (?:later|earlier|afterwards|after|before|thereafter)?,?\s*",
)
# Phrases that point back into the text around the sentence.
_DEPENDENT_RE = re.compile(
    r"\b(?:this time|that time|the same time|at the time|the time|the latter|the former|"
    r"the same year|the following year|the next year|the previous year|that year|"
    r"the above|the aforementioned|the two men|both men|the pair|the other(?! side)(?=\s+\w)|"
    r"the rest|"
    r"mentioned above|as well as this|these|those|such|while there|from there|there he|"
    r"there she|there they)\b",
    re.IGNORECASE,
)
_DEPENDENT_START_RE = re.compile(
    r"^(?:Both|Another|Each|Neither|Either|Other|The two|The other|The latter|The former|"
    r"These|Those|Such|Here|There|Similarly|Likewise|In contrast|By contrast|Unlike|"
    r"(?:Two|Three|Four|Five|Several|Many|Some|All) other)\b"
)
_INTRO = r"(?:In|On|By|During|After|Before|From|Since|Until|Prior to) [^,]{1,40}, "
# "Impressed, Xie An continued ...": a lone participle reacting to what came before
_REACTION_RE = re.compile(r"[A-Z][a-z]+(?:ed|en),\s")
_PERSONAL = {"he": "subj", "she": "subj", "him": "obj", "his": "poss", "her": "her",
             "hers": "poss", "himself": "obj", "herself": "obj"}
_NEUTER = {"it": "subj", "its": "poss", "itself": "obj"}
_PLURAL = wordset("they them their theirs themselves")
_PRONOUN_RE = re.compile(
    r"\b(?:he|she|him|his|her|hers|himself|herself|it|its|itself|they|them|their|theirs|"
    r"themselves)\b", re.IGNORECASE,
)
# Words that end a noun phrase after "The ...": verbs, auxiliaries, prepositions.
_NP_STOP = wordset(
    """was were is are had has have did does do will would can could may might should shall
    must of at in on for from to with by between and or which that who whose where when as a an
    over under during after before since until near into onto within without about against
    among through across along because while if than but not also"""
)
# what "The form ..." means in an article about a kind of thing
_KIND_NOUNS = wordset("form design type system structure method technique")
_ORDINALS = wordset(
    """first second third fourth fifth last final only sole main principal oldest newest
    largest smallest biggest earliest latest highest lowest longest shortest original
    current present same next previous"""
)


# What an article about an event also calls it.
_EVENT_SYNONYMS = {
    "games": ("event", "tournament", "competition"),
    "olympics": ("event", "games", "tournament"),
    "championships": ("event", "tournament", "competition"),
    "championship": ("event", "tournament", "competition"),
    "tournament": ("event", "competition"),
    "conference": ("event", "summit", "meeting"),
    "summit": ("event", "conference", "meeting"),
}


_COUNTING = wordset("first second third fourth fifth sixth seventh eighth ninth tenth last "
                    "final earliest latest previous next")


@dataclass
class Topic:
    """What the article is about, and how to name it inside a sentence."""

    title: str
    noun_phrase: str  # "the Inter-Korean Liaison Office", "Orazio Antinori"
    short: str  # "Antinori" for a person; the noun phrase otherwise
    is_person: bool
    heads: set[str] = field(default_factory=set)  # "office", "declaration"
    aliases: list[str] = field(default_factory=list)  # longer names that include the title
    is_species: bool = False  # a living thing described by its taxon


_BULLET_FIELD_RE = re.compile(r"- (?P<key>[A-Z][\w ()-]{0,40}?): (?P<value>\S(?:.*\S)?)")


def infobox_fields(article: Article) -> list[InfoboxField]:
    """The article's infobox; when it has none, the "- Key: Value" bullets that open the
    article with no label line above them (a taxobox often comes so: "- Genus: Lipotes")."""
    if article.infobox:
        return article.infobox
    out: list[InfoboxField] = []
    for p in article.sections[0].paragraphs if article.sections else []:
        if not p.bullet:
            break
        # the paragraph is the bullet's text; its line starts at the dash before it
        line_start = article.text.rfind("\n", 0, p.start) + 1
        line = article.text[line_start:p.end]
        m = _BULLET_FIELD_RE.fullmatch(line)
        if m is None:
            return []
        vstart = line_start + m.start("value")
        out.append(InfoboxField(m["key"], m["value"], vstart, vstart + len(m["value"]),
                                line_start, p.end))
    return out


def _first_prose(article: Article) -> str:
    for p in article.paragraphs:
        if not p.bullet and p.sentences:
            return p.sentences[0].text
    return ""


def topic_of(article: Article) -> Topic:
    title = re.sub(r"\s*\([^)]*\)\s*$", "", article.title).strip()
    fields = infobox_fields(article)
    keys = {f.key.lower() for f in fields}
    first = _first_prose(article)
    is_person = bool(
        keys & {"born", "died", "birth date", "death date", "date of birth", "date of death",
                "birth_date", "death_date", "spouse", "occupation", "nationality"}
        # "Yaa Asantewaa I (1840 – 1921) was ...": a regnal number after the name
        or re.match(re.escape(title) + r"(?: [IVX]+)?\s*\([^)]*\d{3,4}[^)]*\)\s+(?:was|is)\b",
                    first)
        or (not keys and _prose_person(title, first, article.text))
    )
    lower_text = article.text.lower()
    heads: set[str] = set()
    # the head noun: the last word, or the word before "of" ("Harbour Bridge of Tallow")
    # ("Afro-Asian Peoples' Solidarity Conference, 1957": the year is no head)
    words = re.sub(r", \d{3,4}$", "", title).split()
    head = words[words.index("of") - 1] if "of" in words[1:] else (words[-1] if words else "")
    own_head = bool(not is_person and head and re.search(
        r"\b" + re.escape(head.lower()) + r"\b", _lowercase_words(article.text)))
    if own_head:
        heads.add(head.lower())
    for f in fields:
        # "Type: Peace treaty" names the kind of thing; "Mission Type: A, B, C" does not
        if f.key.lower().endswith("type") and f.value and len(f.value.split()) <= 3 \
                and "," not in f.value:
            head = f.value.split()[-1].lower()
            if head in lower_text and not is_person:
                heads.add(head)
    for syn in _EVENT_SYNONYMS.get(head.lower(), ()) if not is_person else ():
        # "The tournament was held on ..." in an article about games means the games,
        # unless the article speaks of another one ("a qualifying tournament")
        if re.search(rf"\b{syn}\b", lower_text) and not re.search(
                rf"\b(?:a|an|another|each|every|one)\s+(?:[\w-]+\s+){{0,3}}{syn}\b", lower_text):
            heads.add(syn)
    aliases = sorted({f.value for f in fields
                      if f.key.lower().endswith("name") and f.value.startswith(title)
                      and len(f.value) > len(title)}, key=len, reverse=True)
    if is_person:
        # Always the whole name: the last word is a given name in family-name-first
        # cultures ("Cai Yan" is not "Yan"), and a full name is never wrong.
        short = title
        return Topic(title, title, short, True, heads, aliases)
    common_head = own_head or title[:1].islower() or any(
        w[:1].islower() for w in title.split()[1:] if w not in ("of", "the", "de", "and"))
    is_species = bool(keys & {"genus", "species", "binomial name", "binomial", "family",
                              "kingdom", "conservation status"})
    lowered = title[:1].lower() + title[1:]
    mid = r"[a-z,]\s+{}\b"
    written_lower = title[:1].isupper() and bool(
        re.search(mid.format(re.escape(lowered)), article.text)) and not re.search(
        mid.format(re.escape(title)), article.text)
    if written_lower or (is_species and title[:1].isupper()
                         and any(w[:1].islower() for w in title.split()[1:])
                         and not re.search(mid.format(re.escape(title)), article.text)):
        # "Lesser bird-of-paradise", "Cable-stayed bridge", "Baiji": a common name the
        # article itself writes in lower case mid-sentence
        title_np = lowered
        common_head = True
    else:
        title_np = title
    np = title_np if title.startswith("The ") or not common_head else f"the {title_np}"
    if np == title and written_with_the(title, article.text):
        np = f"the {title}"  # "the International Military Sports Council", as it is written
    dated = re.fullmatch(r"(?P<name>[^,]+), (?P<year>\d{3,4})", title)
    if dated and not title.startswith("The "):
        # "Afro-Asian Peoples' Solidarity Conference, 1957" is a list title, not a phrase
        np = f"the {dated['year']} {dated['name']}"
    # "The baiji is a possibly extinct species of river dolphin": a species without a
    # taxobox (its name's case was settled above, so "Chinese" stays capitalised)
    is_species = is_species or bool(re.search(
        r"\b(?:is|was) an? (?:[\w-]+ ){0,4}(?:species|subspecies|member of the (?:family|genus))"
        r"\b", first))
    return Topic(title, np, np, False, heads, aliases, is_species)


def _prose_person(title: str, first: str, text: str) -> bool:
    """An article without an infobox about a person: it opens with a name of two to four
    capitalised words and speaks of "she"/"he", hardly ever of "it"."""
    words = title.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) \
            or not first.startswith(title):
        return False
    lower = text.lower()
    personal = len(re.findall(r"\b(?:he|she|his|her|him)\b", lower))
    neuter = len(re.findall(r"\b(?:it|its)\b", lower))
    return personal >= 3 and personal > 2 * neuter


def written_with_the(title: str, text: str) -> bool:
    """Does the article write the name after "the" ("The International Military Sports
    Council is ...") more often than without it mid-sentence ("at Stade Pershing")?"""
    with_the = bare = 0
    for m in re.finditer(rf"(?<![\w-]){re.escape(title)}(?![\w-])", text):
        before = text[max(0, m.start() - 40):m.start()]
        if re.search(r"\b[Tt]he\s+$", before):
            with_the += 1
        elif not re.search(r"(?:^|[.!?:=\n]\s*|\(\s*|[A-Z][\w-]*\s+)$", before) and \
                not text[m.end():m.end() + 2].startswith("'s"):
            bare += 1
    return with_the > bare


_DETERMINERS = wordset("a an the its his her their this that these those some")
_SENTENCE_STARTERS = wordset("The A An In On At After Before During From Since By With For")
_IRREGULAR_PAST = wordset(
    """became began took made held built sold told found kept left led met paid set spent
    gave went came saw knew won lost fell rose stood ran wrote drew grew brought bought fought
    thought caught taught sent lay"""
)


def _verb_like(word: str) -> bool:
    """A rough test for "the office [covers|was|closed]" versus "the office [building]"."""
    return (word in _NP_STOP or word in _IRREGULAR_PAST or (word.endswith(("ed", "s"))
            and not word.endswith("ss")))


def outside_quotes(text: str, at: int) -> bool:
    """Is position ``at`` outside quoted speech (which is never rewritten or blanked)?"""
    before = text[:at]
    return before.count('"') % 2 == 0 and before.count("“") <= before.count("”")


def _lowercase_words(text: str) -> str:
    return " ".join(w for w in re.findall(r"[\w-]+", text) if w.islower())


# A fronted phrase whose subject can only be the sentence's own subject: "In 1920 ",
# "On 9 April 1902, ", "Returning to Aichi in 1917, " (a participle names no one else
# when it holds no two-word capitalised name: "To assist Lady Dou ..." may).
_FRONTED_RE = re.compile(
    r"(?:(?:In|On|By|During|After|Before|From) [^,]{1,40}, "
    r"|(?:In|By|From) (?:about |around |early |late )?\d{3,4}s? "
    r"|[A-Z][a-z]+ing (?![^,]*\b[A-Z][\w-]+ [A-Z])(?![^,]*'s\b)[^,]{1,50}, )"
)


def fronted_end(text: str) -> int:
    """Where a fronted time phrase or participle clause ends (0 if there is none)."""
    m = _FRONTED_RE.match(text)
    return m.end() if m else 0


def starts_phrase(text: str, at: int) -> bool:
    """Is ``at`` the first word after a sentence-opening preposition ("On his return to
    Italy he ...", "During her captivity, ...")? Nothing before it can be meant."""
    m = re.match(r"(?:On|In|During|After|Before|Upon|Following|At) ", text)
    return m is not None and m.end() == at


@dataclass
class Standalone:
    text: str | None  # the rewritten sentence, or None when it cannot stand alone
    reason: str = ""  # why not


def _names_alone(name: str, text: str) -> bool:
    """Does ``text`` name ``name`` as a name of its own ("the bird", not "the Yaa
    Asantewaa War", which does not name her)?"""
    core = re.sub(r"^the ", "", name, flags=re.I)
    return any(not re.match(r" [A-Z]", text[m.end():])
               for m in re.finditer(rf"(?<![\w-]){re.escape(core)}(?![\w-])", text, re.I))


class ContextReader:
    """Rewrites sentences in reading order (a sentence may lean on the one before)."""

    def __init__(self, article: Article, topic: Topic,
                 is_person: Callable[[str], bool] | None = None) -> None:
        self.article = article
        self.topic = topic
        self.is_person = is_person or (lambda name: True)
        self.text_lower = article.text.lower()
        self._ambiguous: dict[str, bool] = {}
        # "A cable-stayed bridge is a type of bridge ...": the article defines a kind of thing
        kind = topic.noun_phrase.removeprefix("the ")
        self._kind_article = not (topic.is_person or topic.is_species) and \
            topic.noun_phrase.startswith("the ") and kind[:1].islower() and bool(
                re.match(rf"An? {re.escape(kind)} (?:is|was) an? ", _first_prose(article)))

    def standalone(self, text: str, prev_topic: bool, in_lead: bool,
                   earlier: str = "") -> Standalone:
        """``text`` rewritten to stand alone. ``prev_topic``: the sentence before was
        about the article's subject; ``earlier``: the article text before this one."""
        t = strip_parens(text)
        for alias in self.topic.aliases:
            # "The Panmunjom Declaration for Peace, Prosperity and ..." -> its short name
            t = t.replace(alias, self.topic.title)
        t = _CONNECTIVE_RE.sub("", t)
        t = _MID_CONNECTIVE_RE.sub("", t)
        t = re.sub(r"\s+(?:again|in turn)\b", "", t)
        m = _RELATIVE_TIME_RE.match(t)
        if m:
            rest = t[m.end():]
            if re.match(r"(?:in|on) (?:\d|[A-Z][a-z]+ \d)", rest):
                t = rest  # "A year later, in 1729, ..." -> "in 1729, ..."
            else:
                return Standalone(None, "context-dependent")
        if in_lead and re.match(r"\s*(?:was|is) an? ", t):
            # "(Japanese name) was a Japanese feminist": the name went with the parentheses
            t = self.topic.noun_phrase + " " + t.lstrip()
        t = capitalise_first(t.strip())
        if _DEPENDENT_START_RE.match(t) or _DEPENDENT_RE.search(t) or _REACTION_RE.match(t):
            return Standalone(None, "context-dependent")
        t = self._species_nouns(t)
        t, ok = self._demonstrative(t, prev_topic)
        if not ok:
            return Standalone(None, "dangling-reference")
        # "It" opening the lead, or opening a paragraph (nothing earlier in it to mean),
        # is the article's subject: "Prior to 2025, it was placed in the genus ..."
        para_start = not earlier.strip() or earlier.rstrip(" \t").endswith("\n")
        lead_it = (bool(re.match(r"(?:It|Its)\b", t)) and (in_lead or para_start)) or (
            para_start and bool(re.match(_INTRO + r"(?:it|its)\b", t)))
        t, ok, _ = self._pronouns(t, prev_topic or lead_it)
        if not ok:
            return Standalone(None, "dangling-pronoun")
        t, ok = self._short_name(t, earlier)
        if not ok:
            return Standalone(None, "ambiguous-reference")
        t, ok = self._definite_subject(t, earlier)
        if not ok:
            return Standalone(None, "ambiguous-reference")
        if not self._bare_definites_ok(t):
            return Standalone(None, "ambiguous-reference")
        named = self._name_the_topic(t, earlier)
        if named is None:
            return Standalone(None, "ambiguous-reference")
        t = named
        return Standalone(tidy(t))

    def about_topic(self, raw: str) -> bool:
        """Is the sentence's subject the article's subject (so "It" next means it)?"""
        t = _CONNECTIVE_RE.sub("", raw.strip())
        t = re.sub(r"^(?:(?:In|On|By|During|After|Before|From|Since|Until|At|Established|"
                   r"Founded|Built) [^,]{1,60},\s+)", "", t)
        if re.match(r"(?:It|This \w+)\b", t, re.IGNORECASE) and not self.topic.is_person:
            return True
        if self.topic.is_person and re.match(r"(?:He|She)\b", t, re.IGNORECASE):
            return True
        if self.topic.is_species and re.match(r"The (?:male|female|adult|juvenile)s?\b", t):
            return True
        return self._starts_with_topic(capitalise_first(t))

    # -- the pieces

    def _starts_with_topic(self, t: str) -> bool:
        tp = self.topic
        return t.startswith((tp.title, tp.short, capitalise_first(tp.noun_phrase))) or any(
            re.match(rf"The (?:[\w-]+ ){{0,3}}{re.escape(h)}\b", t) for h in tp.heads)

    def _species_nouns(self, t: str) -> str:
        """In an article about a species, "The male ..." is the species' male."""
        if not self.topic.is_species:
            return t
        np = self.topic.noun_phrase.removeprefix("the ")
        m = re.match(r"The (male|female|adult|juvenile|young|chick|nestling)(s?)\b", t)
        if m and m.group(2):
            return f"The {m.group(1)}s of {self.topic.noun_phrase}" + t[m.end():]
        if m:
            return f"The {m.group(1)} {np}" + t[m.end():]
        return t

    def _demonstrative(self, t: str, prev_topic: bool) -> tuple[str, bool]:
        m = re.match(r"(This|That) ([a-z][\w-]*)\b", t)
        if not m:
            return t, True
        if m.group(2) in self.topic.heads or (prev_topic and not self.topic.is_person
                                              and m.group(2) not in _NP_STOP):
            return capitalise_first(self.topic.noun_phrase) + t[m.end():], True
        return t, False

    def _pronouns(self, t: str, prev_topic: bool) -> tuple[str, bool, bool]:
        """Replace the first pronoun that has no antecedent in the sentence."""
        m = _PRONOUN_RE.search(t)
        if not m:
            return t, True, False
        word = m.group(0).lower()
        before = t[:m.start()]
        # "Built in-house by the Commission, it was ...": the names in a fronted phrase
        # are not what "it" means
        intro_only = bool(re.fullmatch(r"[A-Z][^,;.]*, ", before))
        if not intro_only and self._has_antecedent(before, word):
            return t, True, False
        tp = self.topic
        if word in _PLURAL:
            return t, False, False
        # (as a name of its own: "the Yaa Asantewaa War" does not name her)
        if _names_alone(tp.short if tp.is_person else tp.noun_phrase, t[m.end():]):
            return t, True, False  # "throughout its range, the bird is ...": named just after
        if word in _PERSONAL and tp.is_person:
            name = tp.short
        elif word in _NEUTER and not tp.is_person and prev_topic:
            name = tp.noun_phrase
        else:
            return t, False, False
        role = _PERSONAL.get(word) or _NEUTER.get(word)
        if role == "her":
            nxt = re.match(r"\s+([a-z][\w-]*)", t[m.end():])
            role = "poss" if nxt and nxt.group(1) not in _NP_STOP else "obj"
        if role == "poss":
            name = name + ("'" if name.endswith("s") else "'s")
        elif role == "obj" and word.endswith("self"):
            return t, False, False
        if m.start() == 0 or re.search(r"[.:;!?]\s*$", before):
            name = capitalise_first(name)
        return t[:m.start()] + name + t[m.end():], True, True

    def _has_antecedent(self, before: str, word: str) -> bool:
        if not before.strip():
            return False
        if word in _PLURAL:
            # "they" needs a plural before it: "Xs", or "A and B"
            plural = [w for w in re.findall(r"\b[a-z][a-z-]+s\b", before)
                      if w not in _NP_STOP and not w.endswith(("ss", "us", "is"))
                      and w not in ("its", "this", "was", "has")]
            collective = re.search(r"\b(?:delegation|group|team|government|army|people|family|"
                                   r"crew|council|committee|party|leadership|couple|pair)\b",
                                   before)
            return bool(plural or collective
                        or re.search(r"\b[A-Z][\w-]*(?: [A-Z][\w-]*)* and [A-Z]", before))
        if word in _PERSONAL:
            # a person named before it (not just the first word of the sentence)
            names = re.findall(r"(?<![\w-])[A-Z][\w'-]*(?: (?:de |da |van |von )?[A-Z][\w'-]*)*",
                               before.strip())
            people = [n for n in names if n not in _SENTENCE_STARTERS
                      and self.is_person(n.removesuffix("'s"))]
            if _PERSONAL[word] == "obj" and not word.endswith("self") and len(people) == 1 \
                    and before.strip().startswith(people[0]):
                return False  # "Harold defeated him": not Harold
            return bool(people)
        if re.fullmatch(r"(?:The|A|An) [^,;]*?\b(?:[a-z]+ed|built|made|set|held|founded)"
                        r"(?: [a-z]+)? ", before) and not re.search(
                            r"\b(?:is|are|was|were|has|have|had)\b", before):
            return False  # "A mill built on its shore ...": "its" is not the mill's
        return bool(re.search(r"\b(?:the|a|an)\s+[\w-]+", before, re.IGNORECASE)
                    or re.search(r"(?<!^)\b[A-Z][a-z]+", before.strip()))

    def _short_name(self, t: str, earlier: str) -> tuple[str, bool]:
        """"The Congress is led by ..." after "the World Meteorological Congress": the
        body named in full before; refused when two bodies end so."""
        m = re.match(r"The ([A-Z][a-z]+)(?= [a-z])", t)
        if not m or m.group(1).lower() in self.topic.heads:
            return t, True
        short = m.group(1)
        names = set(re.findall(rf"(?<![\w'’-])((?:[A-Z][\w'’-]* (?:of (?:the )?)?){{1,4}}{short})"
                               rf"(?![\w'’-])", earlier))
        names = {n for n in names if not n.startswith(("The ", "In ", "On ", "At "))}
        if len(names) > 1:
            return t, False
        if names:
            return f"The {names.pop()}" + t[m.end():], True
        return t, True

    def _definite_subject(self, t: str, earlier: str) -> tuple[str, bool]:
        """``The joint liaison office was ...`` -> ``The Inter-Korean Liaison Office was ...``;
        ``The king instituted ...`` (several kings in the article) is refused."""
        intro = re.match(r"(?:(?:In|On|By|During|After|Before|From|Since|Until|At) "
                         r"[^,]{1,60},\s+)?", t)
        start = intro.end() if intro else 0
        m = re.match(r"[Tt]he ((?:[a-z][\w-]* ?)+)", t[start:])
        if not m:
            return t, True
        np_words: list[str] = []
        ws = m.group(1).split()
        for i, w in enumerate(ws):
            nxt = ws[i + 1] if i + 1 < len(ws) else ""
            if w in _NP_STOP or w in _IRREGULAR_PAST or (np_words and (
                    w.endswith("ed") or (w.endswith("s") and nxt in _DETERMINERS))):
                break
            np_words.append(w)
        if not np_words:
            return t, True
        head = np_words[-1]
        np_end = start + len("The ") + len(" ".join(np_words))
        if np_words == [head] and head in _KIND_NOUNS and self._kind_article:
            # "The form was applied ..." in an article defining a kind of bridge
            kind = self.topic.noun_phrase.removeprefix("the ")
            return t[:start] + ("The" if start == 0 else "the") + f" {kind} {head}" + \
                t[np_end:], True
        if head in self.topic.heads and not self.topic.is_person:
            if set(np_words) & _COUNTING:
                return t, False  # "The first conference": one of a series, not the topic
            new = self.topic.noun_phrase
            if start == 0:
                new = capitalise_first(new)
            rest = t[np_end:]
            if re.search(r"\b(?:Games|Olympics|Championships|Islands)$", new):
                # "The tournament was held" -> "The 1922 Women's World Games were held"
                rest = re.sub(r"^ (was|is|has)\b",
                              lambda v: " " + {"was": "were", "is": "are", "has": "have"}[
                                  v.group(1)], rest)
            return t[:start] + new + rest, True
        if set(np_words) & self.topic.heads:
            return t, True  # "the four-story office building": the topic's own building
        after = t[np_end:]
        # "The first meeting at the Liaison Office", "The idea of using water": pinned
        # down by what follows; "The only area with ..." is not (only where?)
        qualified = after.startswith(" of ") or bool(
            re.match(r" (?:at|in|on|from|for) (?:the )?[A-Z0-9]", after))
        if qualified:
            return t, True
        if self.ambiguous(head):
            return t, False
        bare = all(w in _ORDINALS for w in np_words[:-1])  # "The funds", "The only area"
        if bare and not re.search(rf"\b{re.escape(head)}\b", earlier.lower()):
            # "The funds were diverted": a first mention with "the" leans on
            # something said before in other words.
            return t, False
        return t, True

    def _bare_definites_ok(self, t: str) -> bool:
        """"the building" when the article also has "a neighboring high-rise
        building" is ambiguous; "the four-story office building" is not."""
        for m in re.finditer(r"\b[Tt]he ([a-z][\w-]*)\b(?!\s+of\b)", t):
            head = m.group(1)
            if head in _NP_STOP or head in self.topic.heads or head in _ORDINALS or \
                    t[m.end():].startswith(("'s ", "’s ")):
                continue  # "the women's suffrage movement": a longer noun phrase
            nxt = re.match(r"\s+([a-z][\w-]*)", t[m.end():])
            if nxt and nxt.group(1) not in _NP_STOP and not nxt.group(1).endswith("ed"):
                continue  # a longer noun phrase: "the water supply"
            if self.several(head):
                return False
        return True

    def _name_the_topic(self, t: str, earlier: str = "") -> str | None:
        """The first "the declaration" in a sentence that does not name the topic; None
        when the paragraph has just named another one ("The first was the Wuhan Yangtze
        River Bridge ... the crowding on the bridge" is not the article's bridge)."""
        tp = self.topic
        if tp.is_person or not tp.heads or tp.title in t:
            return t
        paragraph = earlier[earlier.rfind("\n") + 1:]
        for head in tp.heads:
            # (capitalised too: "In 2009, the Conference was banned")
            big = capitalise_first(head)
            rx = (rf"(?<!^)\bthe (?:[a-z][\w-]* ){{0,2}}(?:{re.escape(head)}|"
                  rf"{re.escape(big)}(?! of\b))\b(?![\w-])(?! [A-Z])")
            for m in re.finditer(rx, t):
                nxt = re.match(r"\s+([a-z][\w-]*)", t[m.end():])
                compound = nxt and not _verb_like(nxt.group(1))
                if not outside_quotes(t, m.start()) or compound:
                    continue
                if set(m.group(0).split()) & _ORDINALS:
                    return t  # "the fourth bridge" describes, it does not refer back
                if self._other_named_last(paragraph, head):
                    return None
                return t[:m.start()] + tp.noun_phrase + t[m.end():]
        return t

    def _other_named_last(self, paragraph: str, head: str) -> bool:
        """Is the last "<Name> Bridge" or "The bridge ..." before this sentence in its
        paragraph another one than the topic?"""
        h = f"[{head[0].upper()}{head[0]}]{re.escape(head[1:])}"
        last = None
        for m in re.finditer(rf"((?:[A-Z][\w-]* )+){h}\b|(?:^|[.!?]\s+)The {h}\b", paragraph):
            last = m.group(1)
        if last is None:
            return False
        words = set(self.topic.title.split()) | {"The", "A", "An"}
        return not set(last.split()) <= words

    def several(self, head: str) -> bool:
        """Another one of ``head`` is mentioned with "a"/"another": several exist."""
        h = re.escape(head)
        return bool(re.search(rf"\b(?:a|an|another|other)\s+(?:[\w-]+\s+){{0,3}}{h}\b",
                              self.text_lower))

    def ambiguous(self, head: str) -> bool:
        """Does the article speak of more than one ``head``?"""
        if head in self._ambiguous:
            return self._ambiguous[head]
        h = re.escape(head)
        text = self.text_lower
        plural = head + ("es" if head.endswith(("s", "x", "ch", "sh")) else "s")
        several = bool(
            re.search(rf"\b(?:a|an|another|other|one)\s+(?:[\w-]+\s+){{0,3}}{h}\b", text)
            or re.search(rf"\b{re.escape(plural)}\b", text)
            or len(set(re.findall(rf"\b{h} ([A-Z][\w-]+)", self.article.text))) >= 2
        )
        self._ambiguous[head] = several
        return several
