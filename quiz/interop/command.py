"""``quiz import`` and ``quiz export``: files of other tools in and out, with a plain report.

Import writes drafts: an imported question has no passage yet. With ``--article``
the article is copied beside ``bank.yaml`` and ``quiz ground`` can then find the
passages; without it nothing is written (a bank is always grounded in an
article) and the report says what the file holds.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from quiz.bank.files import BANK_FILE, output_problem
from quiz.bank.model import Bank, Source
from quiz.interop.model import ImportFailed, ImportResult, Loss, Skipped
from quiz.textsafe import clean

ARTICLE_FILE = "article.txt"
REFUSED = "refused by the bank checker"


@dataclass(frozen=True)
class ImportRequest:
    source: Path
    out: Path | None = None  # default: questions/<slug of the file name>/
    article: Path | None = None
    fmt: str | None = None  # guessed from the file when None
    title: str | None = None  # the article's title (default: its `= Title =` line)
    url: str | None = None
    license: str | None = None
    force: bool = False


@dataclass(frozen=True)
class ExportRequest:
    bank: str
    fmt: str
    out: Path | None = None  # default: <bank id><extension> here
    include_drafts: bool = False


def _say(stream: TextIO, text: str) -> None:
    print(clean(text), file=stream)


def import_questions(request: ImportRequest, out: TextIO | None = None,
                     err: TextIO | None = None) -> int:
    """The exit code of ``quiz import``."""
    out, err = out or sys.stdout, err or sys.stderr
    started = time.perf_counter()

    def fail(message: str) -> int:
        _say(err, f"quiz import: error: {message}")
        return 1

    from quiz.interop.formats import IMPORT_FORMATS, NAMES, guess_format, read_file

    src = request.source
    if src.is_dir():
        return fail(f"{src}: is a folder; give the file to import")
    if not os.path.lexists(src):
        return fail(f"{src}: no such file")
    fmt = request.fmt or guess_format(src)
    if fmt is None:
        return fail(f"{src}: cannot tell its format; say it with --format "
                    f"({'|'.join(IMPORT_FORMATS)})")
    article = None
    if request.article is not None:
        from quiz.bank.article import ArticleError, load_article

        try:
            article = load_article(request.article)
        except ArticleError as exc:
            _say(err, str(exc))
            return 1
        except OSError as exc:
            return fail(f"{request.article}: cannot read it ({exc.strerror or exc})")
    try:
        result = read_file(src, fmt)
    except ImportFailed as exc:
        _say(err, f"{exc.path}:{exc.line}:{exc.col}: error: {exc.message}")
        return 1
    except OSError as exc:
        return fail(f"{src}: cannot read it ({exc.strerror or exc})")

    from quiz.interop.convert import refusal, to_questions
    from quiz.interop.text import slugify

    questions = []
    for q in to_questions(result.questions, fmt):
        if (why := refusal(q)) is not None:
            result.skipped.append(Skipped(q.line, REFUSED, why))
        else:
            questions.append(q)
    name = NAMES[fmt]
    if article is None or request.article is None:  # a look, not a write
        _report(result, str(src), err)
        _say(out, f"{src}: {len(questions)} question(s) read from this {name} file; "
             f"{_skip_summary(result.skipped)}")
        _say(out, "nothing written: a bank is grounded in an article. Run again with "
             "--article ARTICLE.txt to write the drafts (the bank's checks run then); "
             "then `quiz ground BANK ARTICLE.txt` finds the passage that proves each answer.")
        return 0
    if not questions:
        _report(result, str(src), err)
        return fail(f"{src}: no question could be imported; "
                    f"{_skip_summary(result.skipped)}")

    folder = request.out or Path("questions") / (slugify(src.name.split(".")[0]) or "imported")
    bank_id = slugify(folder.resolve().name, 60) or "imported"
    if problem := output_problem(folder, bank_id, force=request.force):
        return fail(problem)
    target = folder / BANK_FILE

    title = request.title or article.title
    bank = Bank(id=bank_id, title=title,
                source=Source(file=ARTICLE_FILE, title=title, url=request.url,
                              license=request.license),
                questions=questions, path=target,
                description=f"Imported from {src.name} ({name}).")
    if len(questions) >= 1000:  # some seconds: say what is going on
        _say(err, f"writing {len(questions)} questions to {target} and checking them…")
    try:
        dropped = _write(bank, request.article, folder)
    except OSError as exc:
        return fail(f"cannot write {folder}: {exc.strerror or exc}")
    result.skipped.extend(dropped)
    _report(result, str(src), err)
    kept = len(bank.questions)
    grounded = sum(1 for q in bank.questions if q.evidence)
    _say(out, f"imported {kept} question(s) from {src} ({name}) into {target} as drafts "
         f"in {time.perf_counter() - started:.2f} s; {_skip_summary(result.skipped)}")
    if grounded:
        _say(out, f"{grounded} kept the passage their file carried")
    if kept > grounded:
        _say(out, f"next: `quiz ground {folder} {request.article}` finds the passage that "
             f"proves each answer; then `quiz curate {folder}` to approve them")
    return 0


def _write(bank: Bank, article_path: Path, folder: Path) -> list[Skipped]:
    """Copy the article, write the bank, and make sure the strict loader accepts it.

    A question the loader refuses first loses any passage it carried (it may quote
    another text), then, if still refused, is dropped and reported.
    """
    from quiz.bank.dump import dump_bank
    from quiz.bank.load import check_bank
    from quiz.paths import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / ARTICLE_FILE
    if not (copy.exists() and copy.samefile(article_path)):
        write_atomic(copy, article_path.read_bytes())  # byte for byte
    dropped: list[Skipped] = []
    stripped: set[str] = set()
    for _ in range(4):
        dump_bank(bank, bank.path)
        loaded, diags = check_bank(bank.path, use_cache=False)
        if loaded is not None:
            return dropped
        bad = {d.question_id: d for d in diags if d.question_id}
        if not bad:
            raise RuntimeError("the imported bank does not load:\n"
                               + "\n".join(d.format() for d in diags))
        keep = []
        for q in bank.questions:
            d = bad.get(q.id)
            if d is None:
                keep.append(q)
            elif q.evidence and q.id not in stripped:
                q.evidence = []
                stripped.add(q.id)
                keep.append(q)
            else:
                dropped.append(Skipped(q.line, REFUSED, d.message))
        bank.questions = keep
    raise RuntimeError("the imported bank still does not load after dropping questions")


def _skip_summary(skipped: list[Skipped]) -> str:
    if not skipped:
        return "none skipped"
    counts = Counter(s.reason for s in skipped)
    parts = ", ".join(f"{n} {reason}" for reason, n in counts.most_common())
    return f"{len(skipped)} skipped ({parts})"


def _report(result: ImportResult, path: str, err: TextIO) -> None:
    lines = [(s.line, s.format(path)) for s in result.skipped]
    lines += [(n.line, n.format(path)) for n in result.notes]
    for _, text in sorted(lines, key=lambda x: x[0]):
        _say(err, text.replace("\n", " "))


def loss_summary(losses: list[Loss], fmt_name: str) -> list[str]:
    """One line per kind of loss: what, how many questions, and the first few ids."""
    by_what: dict[str, list[str]] = {}
    for loss in losses:
        by_what.setdefault(loss.what, []).append(loss.question)
    lines = []
    for what, ids in by_what.items():
        shown = ", ".join(ids[:5]) + (f", … ({len(ids) - 5} more)" if len(ids) > 5 else "")
        lines.append(f"{fmt_name} cannot hold {what}: {len(ids)} question(s) ({shown})")
    return lines


def export_questions(request: ExportRequest, out: TextIO | None = None,
                     err: TextIO | None = None) -> int:
    """The exit code of ``quiz export``."""
    out, err = out or sys.stdout, err or sys.stderr
    from quiz.bank.catalog import open_for_command
    from quiz.bank.load import load_bank
    from quiz.interop.formats import EXTENSIONS, NAMES, write_bank
    from quiz.paths import write_atomic

    bank = open_for_command("export", request.bank, (), load_bank)
    if bank is None:
        return 1
    exported = write_bank(bank, request.fmt, request.include_drafts)
    target = request.out or Path(bank.id + EXTENSIONS[request.fmt])
    if target.is_dir():
        target = target / (bank.id + EXTENSIONS[request.fmt])
    if target.exists() and any(target.resolve() == p.resolve()
                               for p in (bank.path, bank.article_path) if p.exists()):
        _say(err, f"quiz export: error: {target} is the bank's own file; choose another -o")
        return 1
    try:
        write_atomic(target, exported.data)
    except OSError as exc:
        _say(err, f"quiz export: error: cannot write {target}: {exc.strerror or exc}")
        return 1
    name = NAMES[request.fmt]
    left = [q for q in bank.questions
            if q.status not in (("approved", "draft") if request.include_drafts
                                else ("approved",))]
    _say(out, f"wrote {exported.written} question(s) of {bank.id} to {target} ({name})")
    if left:
        counts = Counter(q.status for q in left)
        what = ", ".join(f"{n} {s}" for s, n in counts.items())
        hint = "" if request.include_drafts else "; --include-drafts adds the drafts"
        _say(out, f"left out {what}{hint}" if "draft" in counts else f"left out {what}")
    for line in loss_summary(exported.losses, name):
        _say(err, line)
    return 0
