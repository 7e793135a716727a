"""The fast slice of the bank fuzzer: mutated seed banks and wrongly shaped documents.

The loader must answer each with a bank or diagnostics, never an exception.
How long a case takes is not judged here (a busy machine would fail it):
``benchmarks/fuzz_banks.py`` runs the long version and reports hangs and the slowest case.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests import bankfuzz


@pytest.fixture
def article_memo():
    restore = bankfuzz.memoise_articles()
    yield
    restore()


def test_mutated_seed_banks_never_crash(tmp_path: Path, article_memo):
    tally = bankfuzz.run(2000, seed=15, bank=bankfuzz.prepare(tmp_path))
    assert tally.cases == 2000
    assert [error for _, _, error in tally.crashes[:3]] == []


def test_the_mutations_reach_the_faults_they_are_for(tmp_path: Path, article_memo):
    """The slice is only worth its time if the mutations make the loader report problems."""
    bank = bankfuzz.prepare(tmp_path)
    head, questions = bankfuzz.seed_parts()
    assert len(questions) >= 50
    assert bankfuzz.check_case(bank, head + b"".join(questions)).error is None
    from quiz.bank.load import check_bank
    assert check_bank(bank, use_cache=False)[1] == []  # the whole seed bank is good
    import random
    rng = random.Random(3)
    rejected = 0
    for _ in range(200):
        data, _ = bankfuzz.mutate(rng, bankfuzz.base_case(rng, head, questions))
        bank.write_bytes(data)
        rejected += bool(check_bank(bank, use_cache=False)[1])
    assert rejected > 100


@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(doc=bankfuzz.shape_strategies())
def test_wrongly_shaped_banks_give_diagnostics(tmp_path: Path, article_memo, doc):
    bank = bankfuzz.prepare(tmp_path)
    out = bankfuzz.check_case(bank, bankfuzz.dump(doc))
    assert out.error is None, out.error
