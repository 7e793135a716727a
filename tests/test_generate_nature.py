"""What teachers ask of a species or a place: its nickname or everyday name, the name the
local people gave it, its main threat, its habitat and desert, the industry that grew up
there, and its census population; and the shapes that must not be asked."""

from __future__ import annotations

from quiz.bank.article import parse_article
from quiz.bank.model import Question
from quiz.generate.pipeline import generate

_TAXOBOX = """- Kingdom: Animalia
- Class: Mammalia
- Family: Lorisidae
- Genus: Nycticebus
- Species: N. ferox
- Binomial name: Nycticebus ferox
"""


def _nature(text: str) -> list[Question]:
    bank = generate(parse_article(text), keep_all=True).bank
    return [q for q in bank.questions if q.origin.startswith("generated:nature-")]


def _prompts(text: str) -> dict[str, Question]:
    return {q.prompt: q for q in _nature(text)}


def _species(body: str, title: str = "Fierce loris") -> str:
    return f"= {title} =\n\n{_TAXOBOX}\n{body}\n"


def test_a_nickname_in_quotes_is_asked() -> None:
    qs = _prompts(_species(
        "The fierce loris (Nycticebus ferox) is a primate found on Borneo. The fierce loris is "
        'nicknamed the "Ghost of the Canopy" and was feared by local farmers.'))
    q = qs["What is the fierce loris nicknamed?"]
    assert q.answer == "Ghost of the Canopy"
    assert "the Ghost of the Canopy" in q.accept


def test_an_everyday_name_needs_a_hedge_or_a_setting() -> None:
    hedged = _prompts(_species(
        "The fierce loris (Nycticebus ferox) is a primate found on Borneo. In common use, "
        "it is sometimes referred to as the night monkey."))
    q = hedged["In common use, what is the fierce loris sometimes called?"]
    assert q.answer == "night monkey"
    # "is referred to as" alone may define a term rather than give a name
    bare = _nature(_species(
        "The fierce loris (Nycticebus ferox) is a primate found on Borneo. The fierce loris "
        "is referred to as the night monkey."))
    assert not any("called" in q.prompt for q in bare)


def test_the_main_threat_is_a_choice_among_threats_the_article_never_names() -> None:
    qs = _prompts(_species(
        "The fierce loris (Nycticebus ferox) is a primate found on Borneo. The most "
        "significant threat to the fierce loris is loss of habitat, a result of logging. "
        "Some are shot by farmers."))
    q = qs["What is the most significant threat to the fierce loris?"]
    assert q.type == "choice" and q.answer == "loss of habitat"
    assert "hunting" not in q.choices  # "shot" makes hunting a threat in the article's terms
    assert len(q.choices) == 4


def test_two_threats_are_not_asked_as_one() -> None:
    one = ("The fierce loris (Nycticebus ferox) is a primate found on Borneo. The most "
           "significant threat to the fierce loris is loss of habitat, a result of logging.")
    assert "What is the most significant threat to the fierce loris?" in _prompts(_species(one))
    two = _prompts(_species(one.replace("loss of habitat,", "loss of habitat and trapping,")))
    assert not any("threat" in p for p in two)


def test_the_desert_a_species_grows_in() -> None:
    text = """= Stone lily =

- Kingdom: Plantae
- Family: Liliaceae
- Genus: Petrolirion
- Binomial name: Petrolirion aridum

The stone lily is a flowering plant of the family Liliaceae. The stone lily is native to \
Chile, where it grows in the dry gravel plains of the Atacama desert, surviving on fog.
"""
    q = _prompts(text)["In which desert does the stone lily grow?"]
    assert q.answer == "Atacama desert" and "Atacama" in q.accept


def test_a_species_habitat_from_the_opening_with_they() -> None:
    text = _species(
        "Nycticebus ferox, the fierce loris, is a primate of the family Lorisidae. They are "
        "typically found in humid lowland forests of Borneo, where they sleep by day. Other "
        "common names for the loris include bush ghost, slow cat, and red loris.")
    qs = _prompts(text.replace("= Fierce loris =", "= Nycticebus ferox ="))
    hab = qs["In what kind of habitat is Nycticebus ferox typically found?"]
    assert hab.type == "choice" and hab.answer == "humid lowland forests"
    assert "tropical rainforests" not in hab.choices  # the article names forests
    names = qs["Besides the fierce loris, what is another common name for Nycticebus ferox?"]
    assert names.answer == "bush ghost"
    assert set(names.accept) >= {"slow cat", "red loris"}


def test_other_common_names_need_the_opening_to_give_the_name_they_follow() -> None:
    named = _species(
        "Nycticebus ferox, the red-eyed loris, is a primate of the family Lorisidae. Other "
        "common names for the loris include bush ghost and slow cat.", title="Nycticebus ferox")
    assert any("common name" in q.prompt for q in _nature(named))
    unnamed = named.replace(", the red-eyed loris,", "")
    assert not any("common name" in q.prompt for q in _nature(unnamed))


_PLACE = """= Port Elda =

Port Elda is a town on the island of Kerran, in the country of Scotland. The town lies on \
land which was known by the local Vorri people as Tallamur, a name which includes the hills \
around it. Founded in 1790 as a fishing village, the town grew quickly. Sealing quickly \
emerged as a major industry in the area, and for a time Port Elda served as the main sealing \
port of the north. As of the 2020 census, Port Elda had a total population of 12,480 \
inhabitants, most of them in the old town.
"""


def test_a_place_gets_its_local_name_its_industry_and_its_census_population() -> None:
    qs = _prompts(_PLACE)
    local = qs["By what name did the local Vorri people know the land on which Port Elda lies?"]
    assert local.answer == "Tallamur"
    industry = qs["What quickly emerged as a major industry in the Port Elda area?"]
    assert industry.answer == "sealing"
    pop = qs["About how many people lived in Port Elda at the 2020 census?"]
    assert pop.type == "number" and pop.answer == 12480
    assert pop.tolerance == 624  # within 5%


def test_an_older_count_followed_by_a_newer_one_is_not_asked() -> None:
    assert any("census" in q.prompt for q in _nature(_PLACE))
    text = _PLACE.replace(
        "most of them in the old town.",
        "and the 2024 estimate was 13,100.").replace("As of the 2020", "At the 2011")
    assert not any("census" in q.prompt for q in _nature(text))


def test_the_area_must_be_the_subject_s_own() -> None:
    assert any("industry" in q.prompt for q in _nature(_PLACE))
    text = _PLACE.replace("and for a time Port Elda served as the main sealing port of the "
                          "north", "and the mainland ports grew rich")
    assert not any("industry" in q.prompt for q in _nature(text))


def test_a_fellow_national_treasure() -> None:
    text = _species(
        "The fierce loris (Nycticebus ferox) is a primate found in China. It is strictly "
        'protected by the Chinese government, named a "national treasure" much like its avian '
        "counterpart, the red-crowned crane.")
    q = _prompts(text)["Which bird, like the fierce loris, is named a national treasure in "
                       "China?"]
    assert q.answer == "red-crowned crane"
