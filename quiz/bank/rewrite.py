"""Writing a bank and its article together, checked before either file is replaced.

``quiz rebase`` and ``quiz ground`` change some questions of a bank and may
replace its article. The changed questions are spliced into the file as it is
(comments, order and untouched questions stay byte for byte), each with a note
for the curator after its ``status:``; the result is loaded beside the new
article in a scratch folder, and only a bank that loads back exactly as planned
is written. The article is written first, then the bank, each atomically.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from quiz.bank.article import MAX_ARTICLE_BYTES, Article, ArticleError, parse_article
from quiz.bank.dump import bank_to_dict, dump_bank_text
from quiz.bank.load import check_bank
from quiz.bank.model import Bank
from quiz.bank.readfile import NotReadable, read_capped
from quiz.bank.splice import annotate, splice
from quiz.bank.yamlcheck import Diagnostic
from quiz.paths import write_atomic


@dataclass
class Draft:
    """A planned bank file: its text and what loading it beside the new article said."""

    text: str
    problems: list[Diagnostic] = field(default_factory=list)
    spliced: bool = True

    @property
    def ok(self) -> bool:
        return not self.problems


def render(bank: Bank, disk_text: str, saved: dict[str, dict], changed: set[str],
           notes: dict[str, str]) -> tuple[str, bool]:
    """The bank file text with ``changed`` questions rewritten and ``notes`` added."""
    text = splice(disk_text, bank, saved, changed) if changed else disk_text
    spliced = text is not None
    if text is None:
        text = dump_bank_text(bank)
    noted = annotate(text, {q: n for q, n in notes.items() if q in changed})
    return (noted if noted is not None else text), spliced


def check_draft(bank: Bank, text: str, article_text: str, spliced: bool = True) -> Draft:
    """Load ``text`` beside ``article_text`` in a scratch folder; it must read back as ``bank``."""
    with tempfile.TemporaryDirectory(prefix="quiz-rewrite-") as tmp:
        folder = Path(tmp)
        (folder / bank.source.file).parent.mkdir(parents=True, exist_ok=True)
        (folder / bank.source.file).write_text(article_text, encoding="utf-8", newline="")
        (folder / "bank.yaml").write_text(text, encoding="utf-8", newline="")
        loaded, diags = check_bank(folder / "bank.yaml", use_cache=False)
    if loaded is None:
        return Draft(text, diags, spliced)
    if bank_to_dict(loaded) != bank_to_dict(bank):
        return Draft(text, [Diagnostic(str(bank.path), 1, 1, "the bank would not read back "
                                       "as planned; nothing was written")], spliced)
    return Draft(text, [], spliced)


def write(bank: Bank, draft: Draft, article_text: str | None) -> None:
    """Write the article (if given), then the bank file, each atomically."""
    if not draft.ok:
        raise ValueError("refusing to write a bank that does not load")
    if article_text is not None:
        write_atomic(bank.article_path, article_text)
    write_atomic(bank.path, draft.text)


class CommandError(Exception):
    """A user-facing problem that stops a command (printed as it is, exit code 1)."""


def read_article(path: Path) -> tuple[str, Article]:
    """A new article's exact text (line ends kept) and its parse, or a CommandError."""
    try:
        raw = read_capped(path, MAX_ARTICLE_BYTES)
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file; give the article as a .txt file") from None
    except NotReadable as exc:
        raise CommandError(f"{path}: the article is {exc.reason}, not a plain text file "
                           "of at most 4 MiB") from None
    except OSError as exc:
        raise CommandError(f"{path}: cannot read it ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CommandError(f"{path}:{line}:1: error: the article is not valid UTF-8; save it "
                           "as UTF-8") from None
    try:
        return text, parse_article(text, str(path))
    except ArticleError as exc:
        raise CommandError(str(exc)) from None


def read_bank_text(path: Path) -> str:
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return f.read()
    except (OSError, UnicodeDecodeError):
        return ""  # the loader says what is wrong with it
