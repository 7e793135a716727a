"""Sentences made to stand alone: the subject named as the article names it (a person
found from the prose, "the" kept where the article writes it, a species' capitalised
adjective kept), "it" at the start of a paragraph read as the subject, and a taxobox
given as bare bullets read as the infobox."""

from __future__ import annotations

from quiz.bank.article import parse_article
from quiz.generate.context import ContextReader, infobox_fields, topic_of, written_with_the
from quiz.generate.pipeline import generate

POET = """= Xie Sample =

Xie Sample (Chinese: 谢; 266–320) courtesy name Lingjiang, was a poet of the Eastern Jin.
She was a native of Yangxia County in Chen Commandery.

Xie Sample was the niece of Prime Minister Xie An.
Her father was Xie Yi and her mother was Ruan Rong.
She is best known for a poem about snow.
"""


def test_a_person_without_an_infobox_is_found_from_the_prose() -> None:
    topic = topic_of(parse_article(POET))
    assert topic.is_person and topic.noun_phrase == "Xie Sample"
    prompts = [q.prompt for q in generate(parse_article(POET, "x.txt"), keep_all=True)
               .bank.questions]
    # "She was a native of ..." is asked with her whole name, family name first
    assert any(p.startswith("Xie Sample was a native of") for p in prompts), prompts
    assert not any(p.startswith(("She ", "Sample ")) for p in prompts)


def test_a_thing_spoken_of_as_it_is_not_a_person() -> None:
    text = ("= Red Stone =\n\nRed Stone is a large rock in the desert. It is sacred to the "
            "people who live near it. Its colour changes at sunset, and he who climbs it is "
            "fined.\n")
    assert not topic_of(parse_article(text)).is_person


def test_a_name_the_article_writes_after_the_is_named_with_it() -> None:
    council = ("= Sample Sports Council =\n\nThe Sample Sports Council is a sports body. "
               "It was founded by the members of the Sample Sports Council in 1948.\n")
    assert topic_of(parse_article(council)).noun_phrase == "the Sample Sports Council"
    stadium = ("= Stade Sample =\n\nStade Sample was a stadium in Paris. Matches were played "
               "at Stade Sample until 1960.\n")
    assert topic_of(parse_article(stadium)).noun_phrase == "Stade Sample"
    assert not written_with_the("Stade Sample", parse_article(stadium).text)


TAXOBOX = """= Ruritanian sturgeon =

- Genus: Acipenser
- Conservation status: CR

The Ruritanian sturgeon is a critically endangered member of the family Acipenseridae.
It lives in the rivers of the Ruritanian coast.

Prior to 2025, it was placed in the genus Huso. The Ruritanian sturgeon can live for a
century.
"""


def test_bare_taxobox_bullets_are_read_as_the_infobox() -> None:
    article = parse_article(TAXOBOX, "x.txt")
    assert [(f.key, f.value) for f in infobox_fields(article)] == [
        ("Genus", "Acipenser"), ("Conservation status", "CR")]
    topic = topic_of(article)
    # a species, and its capitalised adjective stays as the article writes it
    assert topic.is_species and topic.noun_phrase == "the Ruritanian sturgeon"
    asked = {q.prompt: q for q in generate(article, keep_all=True).bank.questions}
    status = asked["What is the conservation status of the Ruritanian sturgeon?"]
    # the code is asked in the words the prose uses, and the code itself is accepted
    assert status.answer == "critically endangered" and "CR" in status.accept
    assert asked["What is the genus of the Ruritanian sturgeon?"].answer == "Acipenser"


def test_a_status_code_the_prose_never_spells_out_is_not_asked() -> None:
    text = TAXOBOX.replace("is a critically endangered member", "is a member")
    asked = [q.prompt for q in generate(parse_article(text, "x.txt"), keep_all=True)
             .bank.questions]
    assert not any("conservation status" in p for p in asked)


def test_it_opening_a_paragraph_means_the_subject() -> None:
    article = parse_article(TAXOBOX, "x.txt")
    topic = topic_of(article)
    reader = ContextReader(article, topic)
    at = article.text.index("Prior to 2025")
    st = reader.standalone("Prior to 2025, it was placed in the genus Huso.", False, False,
                           article.text[:at])
    assert st.text == "Prior to 2025, the Ruritanian sturgeon was placed in the genus Huso."
    # mid-paragraph, after a sentence about something else, "it" is not guessed
    st = reader.standalone("Prior to 2025, it was placed in the genus Huso.", False, False,
                           article.text[:at] + "The river Sample is long. ")
    assert st.text is None


def test_a_sentence_opening_with_a_reaction_is_not_asked() -> None:
    article = parse_article(POET)
    reader = ContextReader(article, topic_of(article))
    st = reader.standalone("Impressed, Xie An continued, pointing toward the snowy hills.",
                           True, False, article.text)
    assert st.text is None and st.reason == "context-dependent"
    # a longer opening phrase says what it needs itself
    st = reader.standalone("Founded in 1948, the Sample Council is a sports body.", True,
                           False, article.text)
    assert st.text is not None


def test_the_date_a_statistic_was_counted_is_not_blanked() -> None:
    from quiz.generate.candidate import Candidate
    from quiz.generate.filters import low_value

    def cloze(prompt: str, answer: int) -> Candidate:
        return Candidate("cloze-year", "number", prompt, answer, "year", [(0, 1)], 0)

    assert low_value(cloze("At the 2020 Census Aru had 102,237 people; the official "
                           "estimate as at mid _____ was 112,531.", 2024)) == "statistic-date"
    assert low_value(cloze("At the _____ Census Aru had a population of 84,138.",
                           2011)) == "statistic-date"
    # the figure itself, and a year that dates an event, are still asked
    assert low_value(cloze("Aru was settled in _____ by the Dutch.", 1623)) is None


LONG = ("In 1961, drawing on the principles agreed at the Sample Conference of 1955, the "
        "Sample Movement was formally established in Belgrade, Yugoslavia, through an "
        "initiative led by the presidents of Yugoslavia, Egypt, India, Ghana and Indonesia "
        "after long talks.")


def test_a_long_sentence_is_cut_to_the_clause_that_holds_the_blank() -> None:
    from quiz.generate.rules import trim_around

    at = LONG.index("1961")
    text, start, end = trim_around(LONG, at, at + 4)
    assert text[start:end] == "1961"
    assert text == ("In 1961, drawing on the principles agreed at the Sample Conference of "
                    "1955, the Sample Movement was formally established in Belgrade, "
                    "Yugoslavia.")
    # an aside between commas goes when the sentence is still too long without it
    long2 = LONG.replace(" after long talks.", " and a dozen other leaders of newly "
                         "independent states in Africa and Asia.")
    at = long2.index("presidents")
    text, start, end = trim_around(long2, at, at + len("presidents"))
    assert text[start:end] == "presidents" and "drawing on" not in text


def test_a_name_after_the_is_not_blanked_as_a_person() -> None:
    from quiz.generate.entities import PERSON, Mention
    from quiz.generate.rules import SentenceInfo, cloze

    text = "The victory left Liu Bei in control of the Yangtze for many years."
    article = parse_article(f"= T =\n\n{text}\n")
    s = article.sentences[0]
    mentions = [Mention(n, text.index(n), text.index(n) + len(n), PERSON)
                for n in ("Liu Bei", "Yangtze")]
    si = SentenceInfo(s, "", text, "", text, mentions=mentions)
    assert [c.answer for c in cloze(si)] == ["Liu Bei"]


def test_a_century_is_blanked_and_its_ordinal_accepted() -> None:
    text = ("= Sample bridge =\n\nA sample bridge is a kind of bridge with one tower. "
            "Sample bridges found wide use in the late 19th century.\n")
    qs = [q for q in generate(parse_article(text, "x.txt"), keep_all=True).bank.questions
          if q.answer == "19th century"]
    assert qs and qs[0].prompt == "Sample bridges found wide use in the late _____."
    assert "19th" in qs[0].accept


def _standalone(text: str) -> dict[str, str | None]:
    """Each prose sentence of ``text`` -> its stand-alone form (None: refused)."""
    article = parse_article(text)
    reader = ContextReader(article, topic_of(article))
    out: dict[str, str | None] = {}
    for n, section in enumerate(article.sections):
        for p in section.paragraphs:
            for s in p.sentences:
                out[s.text] = reader.standalone(s.text, False, n == 0,
                                                article.text[:s.start]).text
    return out


def test_a_year_or_participle_in_front_lets_the_person_be_named() -> None:
    text = ("= Mori Sample =\n\nMori Sample was a Japanese writer.\n\n== Life ==\n"
            "Returning to Aichi in 1917, she became the first woman reporter of the Nagoya "
            "Daily. In 1920 she co-founded the Sample Association with Hiratsuka Raicho. "
            "To assist Lady Dou in securing her son as heir, she wrote a letter.\n")
    article = parse_article(text, "x.txt")
    prompts = [q.prompt for q in generate(article, keep_all=True).bank.questions]
    assert any("1920 Mori Sample co-founded" in p or "Mori Sample co-founded" in p
               for p in prompts), prompts
    assert any("Aichi in" in p and "Mori Sample became" in p for p in prompts), prompts
    # a two-word name in the fronted clause may be whom "her" means: not rewritten
    assert not any("Lady Dou in securing Mori" in p for p in prompts), prompts


def test_a_lead_that_lost_its_name_to_the_parentheses_gets_it_back() -> None:
    text = ("= Mori Sample =\n\nMori Sample\n- Born: 1893\n- Died: 1981\n\n"
            " was a Japanese feminist and a leader of the women's suffrage movement.\n")
    forms = _standalone(text)
    assert "Mori Sample was a Japanese feminist and a leader of the women's suffrage " \
           "movement." in forms.values(), forms


def test_the_bridge_after_another_named_bridge_is_not_the_topic() -> None:
    text = ("= Sample River Bridge =\n\nThe Sample River Bridge is a bridge in Wuhan. "
            "Construction on the bridge began in 2003.\n\nThe Sample River Bridge was the "
            "fourth bridge over the river. The first was the Old Town Bridge, built in 1957. "
            "To relieve the crowding on the bridge, the city built more crossings.\n")
    forms = _standalone(text)
    assert forms["Construction on the bridge began in 2003."] == \
        "Construction on the Sample River Bridge began in 2003."
    # "the fourth bridge" describes the topic; it is not replaced by its name
    assert forms["The Sample River Bridge was the fourth bridge over the river."] == \
        "The Sample River Bridge was the fourth bridge over the river."
    assert forms["To relieve the crowding on the bridge, the city built more crossings."] \
        is None


def test_an_event_is_also_the_tournament_and_agrees_in_number() -> None:
    text = ("= 1922 Sample Games =\n\nThe 1922 Sample Games were the first games for women. "
            "The tournament was held on a single day on August 20, 1922. Around 2,000 "
            "volunteers were recruited for the tournament.\n")
    forms = _standalone(text)
    assert forms["The tournament was held on a single day on August 20, 1922."] == \
        "The 1922 Sample Games were held on a single day on August 20, 1922."
    assert forms["Around 2,000 volunteers were recruited for the tournament."] == \
        "Around 2,000 volunteers were recruited for the 1922 Sample Games."
    # a series: "the first conference" is one of them, not the article's subject
    conf = ("= Sample Conference =\n\nThe Sample Conference is a yearly meeting. The first "
            "conference was held on 17 December 2002 in Cairo.\n")
    assert _standalone(conf)["The first conference was held on 17 December 2002 in Cairo."] \
        is None


KIND = """= Sample-stayed bridge =

A sample-stayed bridge is a type of bridge in which the cables run from the towers to the \
deck. The design is well-suited to deep valleys and wide rivers. The form was applied to \
several Rhine River crossings in Germany in the 1930s. Engineers chose a sample-stayed \
bridge for its stiffness.
"""


def test_the_form_of_a_kind_of_thing_is_named() -> None:
    article = parse_article(KIND)
    reader = ContextReader(article, topic_of(article))
    s = article.sentences
    assert reader.standalone(s[1].text, True, True, article.text[:s[1].start]).text == \
        "The sample-stayed bridge design is well-suited to deep valleys and wide rivers."
    assert reader.standalone(s[2].text, True, True, article.text[:s[2].start]).text == (
        "The sample-stayed bridge form was applied to several Rhine River crossings in "
        "Germany in the 1930s.")
    # an article about one named thing: "The design" is not rewritten as its name
    named = parse_article(KIND.replace("= Sample-stayed bridge =", "= Sample Bridge =")
                          .replace("A sample-stayed bridge is a type of bridge",
                                   "The Sample Bridge is a bridge"))
    reader = ContextReader(named, topic_of(named))
    s = named.sentences
    got = reader.standalone(s[1].text, True, True, named.text[:s[1].start]).text
    assert got is None or "Sample Bridge design" not in got
