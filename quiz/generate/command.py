"""``quiz generate``: an article file in, a bank folder of drafts out, with plain errors."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from quiz.bank.files import BANK_FILE, ID_RE, output_problem
from quiz.textsafe import clean


@dataclass(frozen=True)
class GenerateRequest:
    article: Path
    out: Path | None = None  # default: questions/<slug of the title>/
    bank_id: str | None = None  # default: the folder's name, or a slug of the title
    force: bool = False  # overwrite an existing bank.yaml
    url: str | None = None
    license: str | None = None
    keep_all: bool = False  # write drafts below the confidence threshold too
    threshold: float | None = None  # None: the generator's default


def generate_bank(request: GenerateRequest, out: TextIO | None = None,
                  err: TextIO | None = None) -> int:
    """Draft a bank from ``request.article``; the exit code of ``quiz generate``."""
    out, err = out or sys.stdout, err or sys.stderr
    started = time.perf_counter()

    def fail(message: str, code: int = 1) -> int:
        print(f"quiz generate: error: {clean(message)}", file=err)
        return code

    from quiz.bank.article import ArticleError, load_article

    source = request.article
    if source.is_dir():
        return fail(f"{source}: is a folder, not an article file")
    if not os.path.lexists(source):
        return fail(f"{source}: no such file")
    # Anything else goes to the reader, which names what is not a regular file (a FIFO...).
    try:
        article = load_article(source)
    except ArticleError as exc:
        print(clean(str(exc)), file=err)
        return 1
    except OSError as exc:
        return fail(f"{source}: cannot read it ({exc.strerror})")

    from quiz.generate.text import slugify

    folder = request.out or Path("questions") / slugify(article.title)
    bank_id = request.bank_id or (slugify(folder.name) if request.out else slugify(article.title))
    if problem := output_problem(folder, bank_id, force=request.force):
        # a bad --bank-id is a usage mistake (2); a folder in the way is not (1)
        return fail(problem, 2 if not ID_RE.fullmatch(bank_id) else 1)
    target = folder / BANK_FILE

    from quiz.generate.confidence import THRESHOLD
    from quiz.generate.pipeline import generate
    from quiz.generate.writer import write_bank

    threshold = THRESHOLD if request.threshold is None else request.threshold
    if not 0 <= threshold <= 1:
        return fail(f"--threshold {threshold} must be between 0 and 1", 2)
    result = generate(article, bank_id=bank_id, path=folder, url=request.url,
                      license=request.license, keep_all=request.keep_all, threshold=threshold)
    try:
        dropped = write_bank(result, source, folder)
    except OSError as exc:
        return fail(f"cannot write {folder}: {exc.strerror or exc}")
    bank = result.bank
    counts: dict[str, int] = {}
    for q in bank.questions:
        counts[q.type] = counts.get(q.type, 0) + 1
    mix = ", ".join(f"{n} {t}" for t, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    note = f"; {len(dropped)} dropped by validation" if dropped else ""
    if result.report.held_back:
        note += (f"; {result.report.held_back} below confidence {threshold:g} left out "
                 "(--all writes them)")
    print(f"wrote {len(bank.questions)} draft questions to {clean(str(target))} "
          f"({mix or 'none'}) in {time.perf_counter() - started:.2f} s{note}", file=out)
    return 0
