"""``quiz generate`` on hostile article text: it never raises, and what it writes is a
valid bank. (How long it takes is measured by ``benchmarks/generate_hostile.py``.)"""

from __future__ import annotations

import pytest

from quiz.bank.article import parse_article
from quiz.bank.load import check_bank
from quiz.generate.pipeline import generate
from quiz.generate.writer import write_bank
from tests.generate_hostile import hostile_article, hostile_bodies


@pytest.mark.parametrize("shape", sorted(hostile_bodies(10)))
def test_hostile_text_gives_a_valid_bank(shape: str, tmp_path) -> None:
    text = hostile_article(hostile_bodies(3000)[shape])
    source = tmp_path / "article.txt"
    source.write_text(text, encoding="utf-8")
    result = generate(parse_article(text, str(source)))
    write_bank(result, source, tmp_path / "bank")
    bank, diags = check_bank(tmp_path / "bank" / "bank.yaml", use_cache=False)
    assert bank is not None, diags
