"""Number questions on the subject's sizes, distances, shares, sums and durations:
asked with their unit and a tolerance that fits how the article writes the figure,
and never for a range end, a hedged bound, a count of a date, or a figure the
infobox gives otherwise."""

from __future__ import annotations

from quiz.bank.article import parse_article
from quiz.generate.measures import _tolerance, measure_questions
from quiz.generate.pipeline import generate
from tests.generate_support import sentence_infos

BEACON = """= Tower of Samplia =

- Height: 40 m

The Tower of Samplia is an old lighthouse on the coast of Ruritania.
The structure stands 40 m tall and overlooks the harbour.
The Tower of Samplia is located on a headland about 3.5 km from the centre of Oldport.
The Tower of Samplia took just 11 months to construct and was completed in 1905.
The Tower of Samplia is made up of 214 stone blocks and timber beams.
"""

TRAVELLER = """= Anna Sample =

Anna Sample was a Ruritanian traveller and writer.
Anna Sample journeyed an estimated 32,000 km by land and 160,000 km by sea through Asia.
Anna Sample reportedly spent 2,415 days making sketches, stopping often to write letters.
"""

PACT = """= Treaty of Sampleton =

The Treaty of Sampleton ended the war between Ruritania and Borduria in 1850.
The Treaty of Sampleton required Borduria to cede 40 percent of its territory to the victor.
In turn, the Ruritanian Crown paid Borduria $12 million for the new lands.
"""

SHAPES = """= Sample War =

- Area: 900 km2

The Sample War was a conflict between Ruritania and Borduria.
The Sample War lasted 45 days and ended with a truce.
King Rudolf Sample reigned for 12 years before the war.
The Sample Ox weighs about 250 kg when grown.
The Sample Plain covers an area of 880 km2.
"""

REFUSED = """= Peak of Samplia =

- Height: 4,100 m

The Peak of Samplia is the highest mountain of Ruritania.
The Peak of Samplia stands 4,050 m tall.
The Peak of Samplia rises 200–350 m high.
The Peak of Samplia lies up to 12 km from Oldport.
The Peak of Samplia lies 80 or 90 km north of Newport.
The Peak of Samplia lies 60 km north of these villages.
The Peak of Samplia is made up of 4 summits in 2010.
The Peak of Samplia is 30 percent of the ridge.
"""


def _asked(text: str) -> dict[str, tuple[object, str | None, float]]:
    bank = generate(parse_article(text, "x.txt"), keep_all=True).bank
    return {q.prompt: (q.answer, q.unit, q.tolerance) for q in bank.questions
            if q.origin == "generated:measure"}


def test_a_structures_height_distance_time_and_parts_are_asked() -> None:
    asked = _asked(BEACON)
    # "The structure" is the tower; the infobox gives the same height
    assert asked["How tall is the Tower of Samplia, in metres?"] == (40, "m", 0.0)
    assert asked["How many months did the Tower of Samplia take to construct?"] == (
        11, "months", 0.0)


def test_a_distance_is_proposed_but_ranked_below_the_place_it_names() -> None:
    article, topic, infos = sentence_infos(BEACON)
    made = {c.prompt: (c.answer, c.unit, c.tolerance, c.score)
            for c in measure_questions(infos, topic, article)}
    prompt = "How far from the centre of Oldport is the Tower of Samplia located, in kilometres?"
    answer, unit, tolerance, score = made[prompt]
    assert (answer, unit, tolerance) == (3.5, "km", 0.05)
    assert score < made["How tall is the Tower of Samplia, in metres?"][3]


def test_a_duration_weight_and_area_are_asked_of_their_subject() -> None:
    article, topic, infos = sentence_infos(SHAPES)
    made = {c.prompt: (c.answer, c.unit, c.tolerance)
            for c in measure_questions(infos, topic, article)}
    assert made["How many days did the Sample War last?"] == (45, "days", 0.0)
    # "King Rudolf Sample" and "the Sample Ox" are not the subject: nothing is asked of them
    assert not any("Rudolf" in p or "Ox" in p for p in made)
    # the plain is not the war; an area the infobox gives otherwise would not be asked either
    assert len(made) == 1


def _made(text: str) -> dict[str, tuple[object, str | None, float]]:
    article, topic, infos = sentence_infos(text)
    return {c.prompt: (c.answer, c.unit, c.tolerance)
            for c in measure_questions(infos, topic, article)}


def test_a_reign_a_weight_and_an_area() -> None:
    king = _made("= Rudolf Sample =\n\nRudolf Sample was a king of Ruritania.\n"
                 "Rudolf Sample reigned for 12 years and died in his palace.\n")
    assert king == {"How many years did Rudolf Sample reign?": (12, "years", 0.0)}
    ox = _made("= Sample ox =\n\nThe Sample ox is a large bovine of Ruritania.\n"
               "The Sample ox weighs about 250 kg.\n")
    assert ox == {"How much does the Sample ox weigh, in kilograms?": (250, "kg", 5.0)}
    plain = _made("= Sample Plain =\n\n- Area: 880 km2\n\nThe Sample Plain is a grassland.\n"
                  "The Sample Plain covers an area of 880 km2.\n")
    assert plain == {"What area does the Sample Plain cover, in square kilometres?":
                     (880, "km2", 0.0)}
    other = _made("= Sample Plain =\n\n- Area: 900 km2\n\nThe Sample Plain is a grassland.\n"
                  "The Sample Plain covers an area of 880 km2.\n")
    assert other == {}  # the infobox gives the area otherwise


def test_a_journey_in_two_figures_gives_two_questions_with_the_hedge_kept() -> None:
    asked = _asked(TRAVELLER)
    assert asked["About how many kilometres did Anna Sample journey by land?"] == (
        32000, "km", 500.0)
    assert asked["About how many kilometres did Anna Sample journey by sea?"] == (
        160000, "km", 5000.0)
    assert asked["How many days did Anna Sample reportedly spend making sketches?"] == (
        2415, "days", 0.0)


def test_a_share_and_a_sum_paid_under_a_treaty() -> None:
    asked = _asked(PACT)
    assert asked["What percentage of its territory did the Treaty of Sampleton require "
                 "Borduria to cede?"] == (40, "%", 0.0)
    assert asked["How much did the Ruritanian Crown pay Borduria under the Treaty of "
                 "Sampleton, in millions of dollars?"] == (12, "million dollars", 0.0)


def test_conflicts_ranges_bounds_vague_places_and_dated_counts_are_refused() -> None:
    assert _asked(REFUSED) == {}


def test_tolerance_follows_the_written_precision() -> None:
    assert _tolerance("32,000", hedged=True) == 500
    assert _tolerance("2.4", hedged=True) == 0.05
    assert _tolerance("6967.15", hedged=False) == 0.5  # given whole, 6967 is right
    assert _tolerance("55", hedged=False) == 0.0
    assert _tolerance("32,000", hedged=False) == 0.0
