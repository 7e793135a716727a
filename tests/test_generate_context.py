"""Sentences that lean on the subject without naming it ("The island is isolated", "The
city lies on ...") are asked with its name when the opening sentence says what kind of
thing it is and the sentence before speaks of no other; "also", "such as", "the rest of
his life", "the former capital" and "the following year" after a year lean on nothing.
What leans on a sentence not shown stays refused."""

from __future__ import annotations

from quiz.bank.article import parse_article
from quiz.generate.candidate import Candidate
from quiz.generate.context import ContextReader, lead_kinds, topic_of
from quiz.generate.filters import lost_context, low_value
from quiz.generate.pipeline import generate

ISLAND = """= Marova =

Marova is an island of Ruritania in the Northern Sea. It lies 300 km north of the coast.

The island is geographically a part of Europe. The island measures 90 km in length.
Marova is the largest of the five islands of the Kell archipelago. \
The island has a lighthouse built in 1850.
"""


def _standalone(text: str, sentence: str, prev_topic: bool = False) -> str | None:
    article = parse_article(text)
    reader = ContextReader(article, topic_of(article))
    at = article.text.index(sentence)
    return reader.standalone(sentence, prev_topic, False, article.text[:at]).text


def test_the_kind_the_opening_sentence_gives_is_the_subject() -> None:
    assert lead_kinds("Marova is an island of Ruritania in the Northern Sea.") == {"island"}
    assert lead_kinds("Hobson is the capital and most populous city of the state.") == {"city"}
    assert lead_kinds("Sampleton is a municipality in the state of X.") == {
        "municipality", "city", "town"}
    # a kind too loose to stand for the subject
    assert lead_kinds("The Aru Islands are a group of about 95 islands.") == set()
    assert _standalone(ISLAND, "The island is geographically a part of Europe.") == \
        "Marova is geographically a part of Europe."
    prompts = [q.prompt for q in generate(parse_article(ISLAND, "x.txt"), keep_all=True)
               .bank.questions]
    assert "Of which continent is Marova geographically a part?" in prompts, prompts


def test_the_kind_after_another_of_its_kind_is_refused() -> None:
    # the sentence before spoke of five islands: which one is "the island"?
    assert _standalone(ISLAND, "The island has a lighthouse built in 1850.") is None
    # "The island of X" names its own island: left as it is
    text = ISLAND.replace("The island measures", "The island of Kell measures")
    assert _standalone(text, "The island of Kell measures 90 km in length.") == \
        "The island of Kell measures 90 km in length."


def test_a_plant_and_a_species_are_named() -> None:
    text = """= Sampleweed =

- Kingdom: Plantae
- Genus: Sampleweed

Sampleweed is a genus of gnetophytes containing only the species Sampleweed minor.

The plant only has two leaves that grow from a woody stem.
"""
    assert _standalone(text, "The plant only has two leaves that grow from a woody stem.") \
        == "Sampleweed only has two leaves that grow from a woody stem."


def test_a_binomial_keeps_its_genus_capitalised() -> None:
    text = """= Adansonia sample =

- Genus: Adansonia
- Species: sample

Adansonia sample is the most widespread tree species of the genus Adansonia.
"""
    assert topic_of(parse_article(text)).noun_phrase == "Adansonia sample"


PERSON = """= Nana Sample =

Nana Sample I (1840 – 17 October 1921) was the Queen Mother of Ejo in the Sample Empire.

Nana Sample was born in 1840 in Besa. \
She was convicted of treason and spent the rest of her life under house arrest in Kumo.
Her brother was the chief of Edo, and the latter was a farmer.
"""


def test_a_regnal_number_after_the_name_is_still_a_person() -> None:
    assert topic_of(parse_article(PERSON)).is_person
    assert _standalone(PERSON, "She was convicted of treason and spent the rest of her "
                       "life under house arrest in Kumo.", True) == \
        "Nana Sample was convicted of treason and spent the rest of her life under house " \
        "arrest in Kumo."


def test_pointers_back_stay_refused() -> None:
    assert _standalone(PERSON, "Her brother was the chief of Edo, and the latter was a "
                       "farmer.", True) is None
    text = ("= Sample Convention =\n\nThe Sample Convention is a treaty on weather. "
            "The treaty entered into force in 1950, and the following year the body began "
            "work. The body met again the following year.\n")
    assert _standalone(text, "The treaty entered into force in 1950, and the following "
                       "year the body began work.") is not None
    assert _standalone(text, "The body met again the following year.") is None


def test_also_and_the_former_as_an_adjective_lean_on_nothing() -> None:
    text = ("= Sample Dam =\n\nThe Sample Dam is a dam on the Sample River.\n\nThe dam "
            "was built at the former first cataract of the river. Sampleland also "
            "relinquished all claims to the valley.\n")
    assert _standalone(text, "The dam was built at the former first cataract of the "
                       "river.") is not None
    assert _standalone(text, "Sampleland also relinquished all claims to the valley.") == \
        "Sampleland relinquished all claims to the valley."


def test_the_kind_inside_a_sentence_is_named_too() -> None:
    text = ("= Stade Sample =\n\nStade Sample was a stadium in Paris, France.\n\nIn 1919 the "
            "mayor delivered the stadium to General Roe. Construction of the stadium's roof "
            "took a year. The Sample Mosque is the largest brick building in the world.\n")
    assert _standalone(text, "In 1919 the mayor delivered the stadium to General Roe.") == \
        "In 1919 the mayor delivered Stade Sample to General Roe."
    assert _standalone(text, "Construction of the stadium's roof took a year.") == \
        "Construction of Stade Sample's roof took a year."
    # "the world" is one of a kind, though the article speaks of "a World Heritage Site"
    heritage = text + "\nIt is a World Heritage Site.\n"
    assert _standalone(heritage, "The Sample Mosque is the largest brick building in the "
                       "world.") is not None


def test_a_blank_among_examples_is_not_asked() -> None:
    listed = Candidate(rule="cloze-place", type="text", kind="place", answer="Mount Roe",
                       prompt="Sampleton includes features such as Kell Hill and _____.",
                       quotes=[], group=0)
    assert low_value(listed, "Sampleton") == "many-right"
    counted = Candidate(rule="cloze-number", type="number", kind="number", answer=6.0,
                        prompt="_____ sports such as tennis and boxing made their debuts "
                        "at the Sample Games.", quotes=[], group=0)
    assert low_value(counted, "Sample Games") is None


def test_a_noun_named_in_its_own_prompt_leans_on_nothing() -> None:
    def lost(prompt: str, title: str) -> bool:
        c = Candidate(rule="cloze-place", type="text", kind="place", answer="X",
                      prompt=prompt, quotes=[], group=0)
        return lost_context(c, title)

    assert not lost("What is the family of the okapi?", "Okapi")
    assert not lost("The Ruritanians gave up the area north of the _____ and kept the area "
                    "between the Kell River and Lake Roe.", "Treaty of Sample")
    assert not lost("Stade Sample hosted the Inter-Allied Games, and then was given to France "
                    "after the games concluded.", "Stade Sample")
    assert not lost("Stade Sample hosted the first Women's _____ in 1922.", "Stade Sample")
    assert not lost("Hobson is the capital and most populous city of the island state of "
                    "_____, Ruritania.", "Hobson")
    # still leaning on a sentence not shown
    assert lost("The area passed to Liu Sample after the war.", "Sampleyang")
    assert lost("What is the family of the bird?", "Okapi")
    assert lost("The games were held after the war.", "Stade Sample")
