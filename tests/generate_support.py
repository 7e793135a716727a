"""Helpers shared by the generator's tests: an article's sentences as the rules see them."""

from __future__ import annotations

from quiz.bank.article import Article, parse_article
from quiz.generate import infobox, pipeline
from quiz.generate.context import ContextReader, Topic, topic_of
from quiz.generate.entities import PERSON, TOPIC, build_index
from quiz.generate.rules import SentenceInfo


def sentence_infos(text: str) -> tuple[Article, Topic, list[SentenceInfo]]:
    """Parse ``text`` and read its sentences as the pipeline does (standalone forms,
    spans, mentions): what the sentence rules are given."""
    article = parse_article(text, "a.txt")
    topic = topic_of(article)
    fields = infobox.classify(article)
    index = build_index(article, {**infobox.gazetteer(fields), **{a: TOPIC for a in topic.aliases}})
    reader = ContextReader(article, topic,
                           is_person=lambda n: index.kind(n) in (PERSON, TOPIC))
    report = pipeline.Report(article.title, 0, 0, 0)
    return article, topic, pipeline._sentence_infos(article, reader, index, report)


def plain_infos(text: str) -> tuple[Article, Topic, list[SentenceInfo]]:
    """Parse ``text`` and give every sentence its stand-alone form only (no spans or
    mentions): enough for the rules that read a sentence's shape."""
    article = parse_article(text)
    topic = topic_of(article)
    reader = ContextReader(article, topic)
    infos = []
    prev = False
    for s in article.sentences:
        st = reader.standalone(s.text, prev, True, article.text[:s.start])
        prev = reader.about_topic(s.text)
        infos.append(SentenceInfo(s, "", st.text, st.reason, s.text))
    return article, topic, infos
