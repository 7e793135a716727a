"""Write a generated bank and make sure the strict loader accepts it.

The generator's own filters apply the loader's rules already; validating the
written file anyway means a bug there costs one question, never a bank that
``quiz validate`` refuses.
"""

from __future__ import annotations

from pathlib import Path

from quiz.bank.dump import dump_bank
from quiz.bank.load import check_bank
from quiz.generate.pipeline import Result
from quiz.paths import write_atomic


def write_bank(result: Result, article_path: Path, out: Path) -> list[str]:
    """Copy the article beside ``bank.yaml``, write the bank, drop any question the
    loader refuses. Returns the ids dropped (normally none)."""
    out.mkdir(parents=True, exist_ok=True)
    target_article = out / result.bank.source.file
    if not (target_article.exists() and target_article.samefile(article_path)):
        write_atomic(target_article, article_path.read_bytes())  # byte for byte
    bank = result.bank
    bank.path = out / "bank.yaml"
    dropped: list[str] = []
    for _ in range(3):
        dump_bank(bank, bank.path)
        loaded, diags = check_bank(bank.path, use_cache=False)
        if loaded is not None:
            return dropped
        bad = {d.question_id for d in diags if d.question_id}
        if not bad:
            raise RuntimeError("the generated bank does not load:\n"
                               + "\n".join(d.format() for d in diags))
        dropped.extend(sorted(bad))
        bank.questions = [q for q in bank.questions if q.id not in bad]
    raise RuntimeError("the generated bank still does not load after dropping questions")
