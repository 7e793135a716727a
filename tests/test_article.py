"""The seed-format parser: structure, offsets and the quirks DESIGN.md lists."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quiz.bank.article import LEAD_SECTION, ArticleError, load_article, parse_article
from tests.conftest import SEED_BANK

SEED = SEED_BANK / "article.txt"


@pytest.fixture(scope="module")
def seed():
    return load_article(SEED)


def test_title_infobox_and_sections(seed):
    assert seed.title == "Inter-Korean Liaison Office"
    assert seed.infobox_label == "Infobox"
    assert [f.key for f in seed.infobox][:3] == ["Agency Name", "Nativename", "Logo"]
    assert seed.field("Formed").value == "14 September 2018"
    assert seed.field("Nativename").value == "남북공동연락사무소"
    assert [s.title for s in seed.sections] == [
        LEAD_SECTION, "History", "Destruction of building", "See also"]
    assert [s.level for s in seed.sections] == [1, 2, 2, 2]


def test_every_offset_points_at_its_text(seed):
    for f in seed.infobox:
        assert seed.text[f.start:f.end] == f.value
        assert seed.text[f.line_start:f.line_end] == f"- {f.key}: {f.value}"
    for p in seed.paragraphs:
        assert seed.text[p.start:p.end] == p.text
        for s in p.sentences:
            assert seed.text[s.start:s.end] == s.text
            assert p.start <= s.start < s.end <= p.end


def test_sentences_survive_quirks(seed):
    texts = [s.text for s in seed.sentences]
    # Money with a decimal point and a parenthesised dollar amount stays one sentence.
    assert ("The construction cost at the time was 8.0 billion KRW ($7.1 million) paid by the "
            "South Korean government.") in texts
    # "2:50 pm" and the area with units don't split sentences.
    assert any(t.startswith("On 16 June 2020 at 2:50 pm,") for t in texts)
    assert any("4498.57 m2 constructed in 2005" in t for t in texts)
    # Empty parentheses (stripped native text) survive.
    assert texts[0].startswith("The Inter-Korean Liaison Office () was")


def test_bullets_are_their_own_paragraphs(seed):
    see_also = seed.sections[-1]
    assert [p.text for p in see_also.paragraphs] == [
        "North Korea–South Korea relations", "Korean reunification"]
    assert all(p.bullet for p in see_also.paragraphs)


def test_section_at_maps_offsets_to_sections(seed):
    at = seed.text.index("2:50 pm")
    assert seed.section_at(at).title == "Destruction of building"
    assert seed.section_at(seed.field("Formed").start).title == LEAD_SECTION


def test_section_title_at_names_the_section_or_nothing(seed):
    assert seed.section_title_at(seed.text.index("2:50 pm")) == "Destruction of building"
    assert seed.section_title_at(seed.field("Formed").start) == LEAD_SECTION
    assert replace(seed, sections=[]).section_title_at(0) == ""


def test_both_heading_styles_and_levels():
    a = parse_article("= T =\n\nLead text here.\n\n== Spaced ==\nOne.\n===Sub===\nTwo.\n")
    assert [(s.title, s.level) for s in a.sections] == [
        (LEAD_SECTION, 1), ("Spaced", 2), ("Sub", 3)]
    assert a.sections[2].paragraphs[0].text == "Two."


def test_free_infobox_label():
    a = parse_article("= Panmunjom Declaration =\n\nPanmunjom Declaration\n- Type: Declaration\n"
                      "- Date Signed: 27 April 2018\n\nThe declaration was adopted.\n")
    assert a.infobox_label == "Panmunjom Declaration"
    assert [(f.key, f.value) for f in a.infobox] == [
        ("Type", "Declaration"), ("Date Signed", "27 April 2018")]
    assert a.sections[0].paragraphs[0].text == "The declaration was adopted."


def test_crlf_and_bom_keep_offsets():
    text = "\ufeff= T =\r\n\r\nFirst sentence here. Second one.\r\n"
    a = parse_article(text)
    s = a.sentences[1]
    assert s.text == "Second one." and a.text[s.start:s.end] == "Second one."


@pytest.mark.parametrize(("text", "line", "needle"), [
    ("", 1, "empty"),
    ("\n\n", 1, "empty"),
    ("Just some prose.\n", 1, "'= Title ='"),
    ("==History==\nText.\n", 1, "'= Title ='"),
    ("= T =\n", 2, "no text"),
])
def test_not_seed_format_is_a_clear_error(text, line, needle):
    with pytest.raises(ArticleError) as err:
        parse_article(text, "x.txt")
    assert err.value.line == line
    assert needle in str(err.value) and str(err.value).startswith(f"x.txt:{line}:1: error:")


def test_bad_encoding_names_the_line(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"= T =\n\nCaf\xe9 text.\n")
    with pytest.raises(ArticleError) as err:
        load_article(p)
    assert err.value.line == 3 and "UTF-8" in err.value.message


def test_every_bundled_and_fixture_article_parses():
    from quiz.paths import bundled_banks_dir

    paths = sorted(bundled_banks_dir().glob("*/article.txt"))
    paths += sorted((SEED_BANK.parent.parent / "tests" / "articles").glob("*.txt"))
    assert paths
    for p in paths:
        a = load_article(p)
        assert a.title and a.sentences, p
        assert a.prose_words() > 50, p
