"""Article -> draft bank: overgenerate, filter, rank, write.

Everything here is deterministic: the same article always gives the same
questions, in the same order, with the same ids.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from pathlib import Path

from quiz.bank import lint
from quiz.bank.article import Article, Sentence, normalise_ws
from quiz.bank.model import Bank, Question, Source
from quiz.bank.normalize import contains_folded, fold
from quiz.generate import (
    agents,
    clauses,
    events,
    facts,
    forms,
    howmany,
    infobox,
    known,
    lives,
    measures,
    nature,
    ordering,
    outcomes,
    relations,
    rules,
    why,
)
from quiz.generate.accepts import (
    drop_forms_shown,
    either_order,
    extra_accepts,
    fair_form,
    form_quotes,
    other_names,
)
from quiz.generate.audit import (
    article_units,
    asks_conflicted,
    audit_question,
    conflicts,
    gives_away,
    has_hole,
    stated_distractors,
)
from quiz.generate.candidate import Candidate
from quiz.generate.confidence import THRESHOLD, confidence, named_blank
from quiz.generate.context import (
    ContextReader,
    Standalone,
    fronted_end,
    starts_phrase,
    topic_of,
)
from quiz.generate.distractors import Pools, build_pools, learn_article
from quiz.generate.entities import FUNCTION_CAPS, PERSON, PLACE, TOPIC, build_index
from quiz.generate.evidence import Quoter
from quiz.generate.filters import (
    defined_abbreviations,
    long_cloze,
    name_referents,
    near_duplicate,
    reject_reason,
    repeats_year,
    reveals,
    subject_aliases,
)
from quiz.generate.hints import (
    NEARBY,
    hints,
    quotes_passage,
    ruled_out_hint,
)
from quiz.generate.lead import lead_questions
from quiz.generate.spans import find_spans
from quiz.generate.text import content_words, short_hash, slugify, strip_foreign_parens, tidy

PER_SENTENCE = 2  # questions drawn from any one sentence (or infobox line)
# a long sentence may hold three facts none of which shows another's answer (a stadium's
# capacity, its opening year and its closing year): the third is let in beside the others
LONG_SENTENCE_WORDS = 16
PER_ANSWER = 1  # questions sharing one answer (a second would be a near-duplicate)
# The mix of question types the ranking steers towards.
TYPE_SHARE = {"choice": 0.34, "text": 0.30, "number": 0.14, "truefalse": 0.16, "multi": 0.03,
              "order": 0.03}
SKIP_SECTIONS = {"see also", "references", "external links", "notes", "further reading",
                 "bibliography", "sources", "citations", "footnotes", "gallery"}
MIN_SENTENCE_WORDS = 5
# No question is drawn from a longer "sentence" (a list run together, or hostile text):
# the rules' patterns would take seconds over it and ask nothing a reader could use.
MAX_SENTENCE_CHARS = 1200


@dataclass
class Report:
    """Figures about one run, for the command line and the evaluation script."""

    title: str
    words: int
    prose_words: int
    typed_fields: int
    fields_covered: int = 0
    per_rule: Counter[str] = field(default_factory=Counter)
    per_type: Counter[str] = field(default_factory=Counter)
    rejections: Counter[str] = field(default_factory=Counter)
    choice_questions: int = 0
    choice_same_kind: int = 0  # choice questions with 3 distractors of the answer's kind
    seconds: float = 0.0
    held_back: int = 0  # drafts below the confidence threshold, not written

    @property
    def questions(self) -> int:
        return sum(self.per_type.values())

    @property
    def target(self) -> float:
        """The rate asked of the generator: 1.5 per 100 words plus one per typed field."""
        return 1.5 * self.prose_words / 100 + self.typed_fields


@dataclass
class Result:
    bank: Bank
    report: Report


def generate(article: Article, *, bank_id: str | None = None, path: Path | None = None,
             url: str | None = None, license: str | None = None,
             keep_all: bool = False, threshold: float = THRESHOLD) -> Result:
    """Draft a bank from ``article``. Drafts whose confidence is below ``threshold`` are
    left out (and counted in the report) unless ``keep_all``."""
    started = time.perf_counter()
    topic = topic_of(article)
    fields = infobox.classify(article)
    gaz = infobox.gazetteer(fields)
    index = build_index(article, {**gaz, **{a: TOPIC for a in topic.aliases}})
    reader = ContextReader(article, topic,
                           is_person=lambda name: index.kind(name) in (PERSON, TOPIC))
    report = Report(article.title, len(article.text.split()), article.prose_words(),
                    sum(1 for f in fields if f.typed))

    infos = _sentence_infos(article, reader, index, report)
    infos += clauses.dated_clauses(infos, reader, article.text, index.mentions)
    all_spans = [s for si in infos for s in find_spans(si.cleaned)]
    # The infobox's own dates stay out of the pools: "established ... on ____" with the
    # founding date among the options would have two right answers.
    pools = build_pools(all_spans, index, gaz)
    _relate_places(pools, infos, fields, reader, topic, article)
    learn_article(pools, article)

    base: list[Candidate] = infobox.candidates(article, fields, topic)
    for c in base:
        support = infobox.prose_support(article, c.answer_text, topic)
        if support:
            c.quotes.append(support)
            c.explanation = tidy(article.text[support[0]:support[1]])
    for si in infos:
        for rule in (rules.appositive, rules.wh_when, rules.wh_who, rules.first_holder,
                     rules.cloze, howmany.how_many, rules.wh_when_active):
            base.extend(rule(si))
        base.extend(relations.kinship(si, topic) + relations.taxonomy(si, topic))
    base.extend(why.why_questions(infos, topic, article_units(article)))
    base.extend(why.effect_questions(infos, topic))
    persons = [n for n, k in index.kinds.items() if k == PERSON]  # named in the prose
    base.extend(measures.measure_questions(infos, topic, article))
    base.extend(nature.nature_questions(infos, topic, article.text))
    base.extend(facts.fact_questions(infos, topic, article.text, persons))
    base.extend(lives.life_questions(infos, topic, article.text, persons))
    base.extend(outcomes.outcome_questions(infos, topic, article))
    base.extend(known.known_questions(infos, topic))
    lead_end = article.sections[1].start if len(article.sections) > 1 else len(article.text)
    base.extend(lead_questions(infos, topic, article.text, lead_end))
    base.extend(agents.agent_questions(infos, topic, article.text, persons,
                                       [fi.f.value for fi in fields]))
    dated = events.extract(article, infos, fields, topic)
    base.extend(events.what_happened(dated, topic))
    base.extend(ordering.order_questions(dated))

    neighbours = _neighbours(article)
    for c in base:
        c.nearby = " ".join(s.text for s in neighbours.get(c.group, [])[:2])
    candidates = _with_forms(base, pools, fields, topic.noun_phrase)
    # The opening sentence defines the subject: as a true statement it is true by
    # construction (it is how the article says what the subject is).
    lead = _lead_sentence(article)
    candidates = [c for c in candidates
                  if not (c.type == "truefalse" and c.answer is True and c.group == lead)]
    quoter = Quoter(article)
    valid: list[Candidate] = []
    defined = defined_abbreviations(article.text, topic.title)
    aliases = subject_aliases(next((s.text for s in article.sentences if s.start == lead), ""))
    for c in candidates:
        c.prompt = name_referents(c, topic.noun_phrase, topic.heads, topic.is_species, defined,
                                  topic.title if topic.is_person else "")
        quotes = " … ".join(normalise_ws(article.text[s:e]) for s, e in c.quotes)
        reason = reject_reason(c, quotes, topic.title, defined, aliases, topic.is_person)
        if reason:
            report.rejections[reason] += 1
        else:
            valid.append(c)
    # an unsure form must not take the place of a sure one of the same sentence (true/false
    # statements stay, for their selection keeps true and false in turn, unless another
    # form of the same fact is sure: it would be picked, then held back, and the fact lost)
    sure_facts = {c.fact_key for c in valid
                  if c.type != "truefalse" and confidence(c) >= threshold}
    sure_forms = [c for c in valid if keep_all or confidence(c) >= threshold
                  or (c.type == "truefalse" and c.fact_key not in sure_facts)]
    report.held_back = len({c.fact_key for c in valid} - {c.fact_key for c in sure_forms})

    infobox_groups = {fi.f.line_start for fi in fields}
    people = persons + [n for n, k in gaz.items() if k == PERSON]
    if topic.is_person:
        people.append(topic.title)  # "Brunel" alone may be the subject, not his father
    writer = _Writer(article, quoter, neighbours, infobox_groups, people, keep_all, threshold)
    # A draft the self-check drops must not keep the place of its fact's other forms (or
    # of the facts it crowded out): select again without it, a few times at most.
    dropped: set[int] = set()
    long_groups = {s.start for s in article.sentences
                   if len(s.text.split()) >= LONG_SENTENCE_WORDS}
    counted = Counter(report.rejections)
    for _ in range(_RESELECT_ROUNDS):
        report.rejections = Counter(counted)
        chosen = _select([c for c in sure_forms if id(c) not in dropped], report, report.target,
                         long_groups)
        written = writer.write(chosen)
        questions = _self_checked([q for _, q in written], article, report)
        kept_ids = {id(q) for q in questions}
        failed = {id(c) for c, q in written if id(q) not in kept_ids}
        if not failed:
            break
        dropped |= failed
    report.held_back += writer.held_back
    ids = [(c.group, q.id) for c, q in written]
    for q in questions:
        report.per_rule[q.origin.split(":", 1)[1]] += 1
        report.per_type[q.type] += 1
        if q.type == "choice":
            report.choice_questions += 1
            report.choice_same_kind += len(q.choices) >= 4
    typed_groups = {fi.f.line_start for fi in fields if fi.typed}
    kept = {q.id for q in questions}
    covered = {g for g, q_id in ids if g in typed_groups and q_id in kept}
    report.fields_covered = len(covered)

    bid = bank_id or slugify(article.title)
    bank = Bank(
        id=bid, title=article.title,
        source=Source(file="article.txt", title=article.title, url=url, license=license),
        questions=questions, path=(path or Path(bid)) / "bank.yaml",
        description="Draft questions generated from the article; review them before use.",
        _article=article,
    )
    report.seconds = time.perf_counter() - started
    return Result(bank, report)


_RESELECT_ROUNDS = 3


class _Writer:
    """Chosen candidates -> questions: ids, evidence, hints, accepted forms."""

    def __init__(self, article: Article, quoter: Quoter,
                 neighbours: dict[int, list[Sentence]], infobox_groups: set[int],
                 people: list[str], keep_all: bool, threshold: float) -> None:
        self.article, self.quoter, self.neighbours = article, quoter, neighbours
        self.infobox_groups, self.people = infobox_groups, people
        self.keep_all, self.threshold = keep_all, threshold
        self.held_back = 0

    def write(self, chosen: list[Candidate]) -> list[tuple[Candidate, Question]]:
        article = self.article
        self.held_back = 0
        out: list[tuple[Candidate, Question]] = []
        seen_ids: set[str] = set()
        for c in chosen:
            sure = confidence(c)
            if sure < self.threshold and not self.keep_all:
                self.held_back += 1
                continue
            extra = [a for a in extra_accepts(c, article.text, self.people) if fair_form(c, a)]
            quoted = " … ".join(article.text[s:e] for s, e in c.quotes)
            # where the article writes them (once: a candidate may be written again)
            quotes = c.quotes + [q for q in form_quotes(extra, quoted, article)
                                 if q not in c.quotes]
            evidence = [self.quoter.evidence(s, e) for s, e in quotes]
            qid = f"{c.rule}-{short_hash(c.rule, c.prompt, c.answer, evidence[0].quote)}"
            while qid in seen_ids:
                qid += "x"
            seen_ids.add(qid)
            q = Question(
                id=qid, type=c.type, prompt=c.prompt, answer=c.answer, evidence=evidence,
                # the hints blank out the forms added here too ("the Nile" beside "Nile River")
                hints=hints(replace(c, accept=[*c.accept, *extra]), article, self.neighbours,
                            self.infobox_groups),
                explanation=c.explanation, difficulty=c.difficulty,
                tags=list(dict.fromkeys(c.tags)),
                origin=f"generated:{c.rule}", status="draft",
                accept=[a for a in dict.fromkeys([*c.accept, *extra])
                        if fold(a) != fold(str(c.answer)) and fair_form(c, a)],
                choices=list(c.choices), tolerance=c.tolerance, unit=c.unit, confidence=sure,
                person=either_order(c),  # "Yo-jong Kim" is the same name
            )
            q.accept = forms.grounded_accepts(q)
            out.append((c, q))
        return out


def _self_checked(questions: list[Question], article: Article, report: Report
                  ) -> list[Question]:
    """The audit the tests hold the bank to, run on the finished drafts: a draft that
    fails it (an accepted form added late that another prompt shows, say) is dropped."""
    units = article_units(article)
    found = conflicts(article)  # two values for one thing: asking for "the" one is unfair
    kept: list[Question] = []
    for q in questions:
        if audit_question(q) or stated_distractors(q, units) or asks_conflicted(q, found):
            report.rejections["self-check"] += 1
            continue
        kept.append(q)
    # one prompt giving away another's answer: drop the later (less sure) of the two
    out: list[Question] = []
    for q in kept:
        for o in out:
            drop_forms_shown(q, o.prompt)
            drop_forms_shown(o, q.prompt)
        if any(gives_away(q, o.prompt) or gives_away(o, q.prompt)
               or _short_name_shown(q, o.prompt, article.text)
               or _short_name_shown(o, q.prompt, article.text) or _same_answer(q, o)
               for o in out):
            report.rejections["self-check"] += 1
            continue
        out.append(q)
    _hints_keep_other_answers(out)
    return out


def _same_answer(q: Question, earlier: Question) -> bool:
    """Is ``q`` asking again what ``earlier`` asked: the same answer, or that answer
    without its last common word ("Eastern Jin" after "Eastern Jin dynasty")? Whoever
    answered the one has the other for free."""
    if {q.type, earlier.type} - {"text", "choice"} or not isinstance(q.answer, str) \
            or not isinstance(earlier.answer, str):
        return False
    mine, theirs = fold(q.answer), fold(earlier.answer)
    rest = theirs.removeprefix(mine + " ") if theirs.startswith(mine + " ") else None
    return mine == theirs or bool(rest and re.fullmatch(r"[a-z]+", rest)
                                  and rest == earlier.answer.split()[-1])


def _short_name_shown(q: Question, text: str, article_text: str) -> bool:
    """Does ``text`` (another draft's prompt) show ``q``'s answer by a shorter name the
    article uses ("left them in control of the Yangtze" for "Yangtze River")?"""
    if q.type not in ("text", "choice") or not isinstance(q.answer, str):
        return False
    return any(len(f) >= 3 and contains_folded(text, f)
               for f in other_names(q.answer, article_text))


def _hints_keep_other_answers(questions: list[Question]) -> None:
    """A hint quoting a nearby sentence may hold another draft's answer (``quiz lint``
    L101): the hint is dropped. A hint quoting
    the passage of another draft's statement or number tells that answer however it is
    written ("when he was seven", the true sentence itself): it is dropped too."""
    for q in questions:
        others = [o for o in questions if o is not q]
        for i, hint in enumerate(q.hints):
            if any(o.type in ("truefalse", "number") and
                   any(quotes_passage(hint, e.quote) for e in o.evidence) for o in others):
                q.hints[i] = ""
                continue
            if not any(lint.gives_away(o, hint) for o in others):
                continue
            if not hint.startswith(NEARBY):
                # "It is not “_____”" rules nothing out: name another wrong option, or none
                q.hints[i] = _other_ruled_out(q, others)
                continue
            # a quoted sentence holding another draft's answer is dropped, not holed: reviewers
            # read any blank in a quotation as broken text
            q.hints[i] = ""
        q.hints = [h for h in q.hints if h]


def _other_ruled_out(q: Question, others: list[Question]) -> str:
    """A choice's "It is not X" clue with an X that tells no other draft's answer ("" if
    every wrong option would)."""
    if q.type != "choice":
        return ""
    for wrong in sorted((x for x in q.choices if x != q.answer),
                        key=lambda x: short_hash(q.prompt, x)):
        hint = ruled_out_hint(wrong)
        if not any(lint.gives_away(o, hint) for o in others):
            return hint
    return ""


def _sentence_infos(article: Article, reader: ContextReader, index, report: Report
                    ) -> list[rules.SentenceInfo]:
    out = []
    for n, section in enumerate(article.sections):
        if section.title.strip().lower() in SKIP_SECTIONS:
            continue
        prev = False
        for p in section.paragraphs:
            if p.bullet:
                continue
            for s in p.sentences:
                if len(s.text.split()) < MIN_SENTENCE_WORDS or len(s.text) > MAX_SENTENCE_CHARS:
                    continue
                st = reader.standalone(s.text, prev, n == 0, article.text[:s.start])
                prev = reader.about_topic(s.text)
                risky = _risky_rewrite(s.text, st.text, reader.topic.title,
                                       reader.topic.is_person)
                if st.text is not None and (risky or has_hole(tidy(s.text)) or has_hole(st.text)):
                    st = Standalone(None, risky or "hole-in-sentence")
                if st.text is None:
                    report.rejections[st.reason] += 1
                cleaned = strip_foreign_parens(s.text)
                si = rules.SentenceInfo(s, section.title, st.text, st.reason, cleaned,
                                        raw_mentions=index.mentions(cleaned))
                if st.text:
                    si.spans = find_spans(st.text)
                    si.mentions = index.mentions(st.text)
                out.append(si)
    return out


def _lead_sentence(article: Article) -> int:
    """Where the article's first prose sentence starts (-1 if it has none)."""
    for p in article.paragraphs:
        if not p.bullet and p.sentences:
            return p.sentences[0].start
    return -1


def _risky_rewrite(original: str, rewritten: str | None, title: str, person: bool
                   ) -> str | None:
    """A pronoun replaced by the subject's name anywhere but at the start may well have
    meant someone else ("To assist Lady Dou in securing her son ..."); a name run into
    a title ("Emperor He" read as "he") certainly did."""
    if not rewritten or title in original or title not in rewritten:
        return None
    at = rewritten.find(title)
    before = re.search(r"([A-Z][\w-]*)\s+$", rewritten[:at])
    if (before and before.group(1) not in FUNCTION_CAPS) or re.match(
            r"\s+[A-Z]", rewritten[at + len(title):]):
        return "name-run-into-title"
    if not person:
        return None
    if at > fronted_end(rewritten) and not starts_phrase(rewritten, at):
        return "rewritten-mid-sentence"
    return None


def _relate_places(pools: Pools, infos: list[rules.SentenceInfo],
                   fields: list[infobox.FieldInfo], reader: ContextReader, topic,
                   article: Article) -> None:
    pools.topic_names = tuple(n for n in {topic.title, topic.short} if n)
    pools.units = article_units(article)
    for si in infos:
        for m in si.raw_mentions:
            if re.search(r"\bthe\s+$", si.cleaned[:m.start], re.IGNORECASE):
                pools.with_the.add(fold(m.text))
        places = [m for m in si.raw_mentions if m.kind == PLACE]
        pools.relate([m.text for m in places])
        if reader.about_topic(si.sentence.text) and not topic.is_person:
            for m in places:
                if re.search(r"\b(?:in|at|near|of)\s+(?:the\s+)?$", si.cleaned[:m.start]):
                    pools.topic_places.add(fold(m.text))
    for fi in fields:
        if fi.kind in ("place", "life"):
            pools.relate(fi.parts)
            if fi.kind == "place" and not topic.is_person:
                pools.topic_places.update(fold(p) for p in fi.parts)


def _with_forms(base: list[Candidate], pools: Pools, fields: list[infobox.FieldInfo],
                subject: str) -> list[Candidate]:
    keys = {fi.f.line_start: " ".join(infobox.key_words(fi.f.key)) for fi in fields}
    out: list[Candidate] = []
    for c in base:
        out.append(c)
        alt = forms.choice_form(c, pools)
        if alt is not None:
            out.append(alt)
        out.extend(forms.truefalse_forms(c, pools))
        if c.exclude and c.group in keys and c.prompt.startswith("Name one of"):
            alt = forms.multi_form(c, pools, keys[c.group], subject)
            if alt is not None:
                out.append(alt)
    return out


def _select(valid: list[Candidate], report: Report, target: float,
            long_groups: Collection[int] = ()) -> list[Candidate]:
    """Best facts first; one form per fact, steering the mix of types; caps per sentence
    and per answer; no near-duplicates. If the strict pass falls short of the rate the
    bank should reach, a second pass lets one more question come from a sentence."""
    facts: dict[tuple[int, str], list[Candidate]] = {}
    for c in valid:
        facts.setdefault(c.fact_key, []).append(c)
    order = sorted(facts.values(), key=lambda fs: (-max(f.score for f in fs), fs[0].group))
    state = _Selection(long_groups)
    skipped = [fs for fs in order if not state.offer(fs, PER_SENTENCE)]
    # a long sentence whose blank is a full name is fair, but a chore to read: it only
    # fills a place no shorter question has taken
    state.named_ok = True
    skipped = [fs for fs in skipped if not state.offer(fs, PER_SENTENCE)]
    if len(state.chosen) < target * 1.2:
        skipped = [fs for fs in skipped if not state.offer(fs, PER_SENTENCE + 1)]
    if len(state.chosen) < target:
        state.tf_slack = 1  # a short article may end one true statement ahead
        state.long_ok = True
        skipped = [fs for fs in skipped if not state.offer(fs, PER_SENTENCE + 1)]
    for fs in skipped:
        report.rejections[state.why.get(id(fs), "near-duplicate")] += 1
    return state.chosen


class _Selection:
    def __init__(self, long_groups: Collection[int] = ()) -> None:
        self.long_groups = long_groups
        self.chosen: list[Candidate] = []
        self.per_group: Counter[int] = Counter()
        self.per_answer: Counter[str] = Counter()
        self.per_type: Counter[str] = Counter()
        self.tf_groups: Counter[int] = Counter()  # one true/false statement per sentence
        # false and true statements in turn, false first: "always true" must not pay
        self.truths: Counter[bool] = Counter()
        self.tf_slack = 0
        self.long_ok = False
        self.named_ok = False  # long blanks of full names (see _select)
        self.why: dict[int, str] = {}

    def offer(self, fs: list[Candidate], per_sentence: int) -> bool:
        """Take the best form of this fact if the caps allow; say whether it was taken."""
        head = fs[0]
        answer_key = head.fact_key[1]
        if head.type == "number":
            answer_key = str(float(head.answer))  # type: ignore[arg-type]
        # a sentence naming four relatives holds four facts, none hiding another's answer
        cap = per_sentence + (2 if head.rule == "kinship" else 0)
        if head.group in self.long_groups:
            cap = max(cap, PER_SENTENCE + 1)  # the checks below keep it apart from the others
        if head.group >= 0 and self.per_group[head.group] >= cap:
            self.why[id(fs)] = "sentence-cap"
            return False
        if self.per_answer[answer_key] >= PER_ANSWER and head.type != "order":
            self.why[id(fs)] = "duplicate"
            return False
        options = [f for f in fs if (self.long_ok or not long_cloze(f)
                                     or (self.named_ok and named_blank(f)))
                   and not any(near_duplicate(f, c) or reveals(f, c) or reveals(c, f)
                               or _same_sentence_overlap(f, c) or repeats_year(f, c)
                               for c in self.chosen)
                   and not (f.type == "truefalse" and self.tf_groups[f.group])
                   and not (f.type == "truefalse" and not self._tf_turn(bool(f.answer)))]
        if not options:
            self.why[id(fs)] = "near-duplicate"
            return False
        total = max(1, len(self.chosen))

        def need(c: Candidate) -> tuple[float, float, float]:
            share = self.per_type[c.type] / total
            hard_to_type = c.type == "choice" and _hard_to_type(str(c.answer))
            # true and false statements in turn
            balance = 0.0
            if c.type == "truefalse":
                balance = 1.0 if (self.truths[True] > self.truths[False]) != bool(c.answer) \
                    else 0.0
            return (TYPE_SHARE.get(c.type, 0.1) - share + (0.3 if hard_to_type else 0.0),
                    balance, c.score)

        pick = max(options, key=need)
        self.chosen.append(pick)
        self.per_group[head.group] += 1
        self.per_answer[answer_key] += 1
        self.per_type[pick.type] += 1
        if pick.type == "truefalse":
            self.tf_groups[pick.group] += 1
            self.truths[bool(pick.answer)] += 1
        return True

    def _tf_turn(self, answer: bool) -> bool:
        trues, falses = self.truths[True], self.truths[False]
        return trues < falses + self.tf_slack if answer else falses <= trues


def _same_sentence_overlap(a: Candidate, b: Candidate) -> bool:
    """Two questions from one sentence where one prompt holds words of the other's answer
    ("Why was it vacant?" beside "vacant due to the _____ pandemic")."""
    if a.group != b.group or a.group < 0 or a.rule == b.rule == "kinship":
        return False  # two relatives of one family share a name, not an answer
    for x, y in ((a, b), (b, a)):
        words = content_words(x.answer_text or str(x.answer))
        if words & content_words(y.prompt.replace("_____", " ")):
            return True
    return False


def _hard_to_type(answer: str) -> bool:
    return len(answer.split()) > 3 or not answer.isascii()


def _neighbours(article: Article) -> dict[int, list[Sentence]]:
    """For each sentence start: the sentences around it, nearest first."""
    out: dict[int, list[Sentence]] = {}
    for p in article.paragraphs:
        if p.bullet:
            continue
        ss = p.sentences
        for i, s in enumerate(ss):
            around = [ss[j] for j in (i - 1, i + 1, i - 2, i + 2) if 0 <= j < len(ss)]
            out[s.start] = around
    return out
