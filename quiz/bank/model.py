"""The loaded bank: plain dataclasses, no I/O and no YAML.

``quiz.bank.load`` builds these from ``bank.yaml``; the engine, the generator and
the TUI only ever see these types.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeAlias

if TYPE_CHECKING:
    from quiz.bank.article import Article

FORMAT_VERSION = 1
QuestionType: TypeAlias = Literal["choice", "multi", "truefalse", "text", "number", "order"]
QUESTION_TYPES: tuple[str, ...] = ("choice", "multi", "truefalse", "text", "number", "order")
STATUSES: tuple[str, ...] = ("approved", "draft", "rejected")
# Answer types: text/choice -> str, multi -> list[str], truefalse -> bool,
# number -> int | float, order -> list[str] (the items in the right order).
Answer: TypeAlias = "str | bool | int | float | list[str]"


@dataclass(slots=True)
class Evidence:
    """A text-quote selector into the bank's article, resolved at load."""

    quote: str
    prefix: str | None = None
    suffix: str | None = None
    section: str | None = None
    # Offsets into article.text, computed at load (never stored in YAML).
    start: int = -1
    end: int = -1
    section_title: str = ""  # the section that holds the quote, found at load


@dataclass(slots=True)
class Question:
    id: str
    type: str
    prompt: str
    answer: Answer
    evidence: list[Evidence]
    hints: list[str] = field(default_factory=list)
    explanation: str = ""
    difficulty: int = 2
    tags: list[str] = field(default_factory=list)
    origin: str = "curated"
    status: str = "approved"
    accept: list[str] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)
    tolerance: float = 0.0
    unit: str | None = None
    # How sure the generator is that a draft is usable as written (0..1); None when a
    # person wrote it. Curation lists the surest drafts first.
    confidence: float | None = None
    # The answer names a person: its name parts may come in either order.
    person: bool = False
    line: int = 0  # line of the question in bank.yaml, for messages

    @property
    def items(self) -> list[str]:
        """For ``order`` questions: the items in the right order."""
        return list(self.answer) if isinstance(self.answer, list) else []

    @property
    def section(self) -> str:
        """The article section of the first evidence quote."""
        return self.evidence[0].section_title if self.evidence else ""

    @property
    def content_hash(self) -> str:
        """Progress is keyed to this beside the id: prompt + answer + evidence."""
        return _digest([self.prompt, self.answer, [e.quote for e in self.evidence]])

    @property
    def answer_hash(self) -> str:
        """Changes only when what counts as correct changes."""
        parts: list[object] = [self.type, self.answer, sorted(self.accept), self.tolerance]
        if self.person:  # only when set, so the hashes of every other question stay as they were
            parts.append("person")
        return _digest(parts)


@dataclass(slots=True)
class Source:
    file: str
    title: str
    url: str | None = None
    license: str | None = None
    author: str | None = None


@dataclass(slots=True)
class Bank:
    id: str
    title: str
    source: Source
    questions: list[Question]
    path: Path  # the bank.yaml file
    description: str = ""
    # How the bank's readers write dates: "en-US" reads 6/7/2020 as June 7.
    locale: str | None = None
    _article: Article | None = field(default=None, repr=False, compare=False)

    @property
    def folder(self) -> Path:
        return self.path.parent

    @property
    def article_path(self) -> Path:
        return self.folder / self.source.file

    @property
    def article(self) -> Article:
        """The parsed article, read on first use (warm cache loads skip it)."""
        if self._article is None:
            from quiz.bank.article import load_article

            self._article = load_article(self.article_path)
        return self._article

    def playable(self, include_drafts: bool = False) -> list[Question]:
        ok = ("approved", "draft") if include_drafts else ("approved",)
        # A draft without evidence has no passage to hint with or to prove it.
        return [q for q in self.questions if q.status in ok and q.evidence]

    def question(self, qid: str) -> Question | None:
        return next((q for q in self.questions if q.id == qid), None)


def _digest(value: object) -> str:
    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]
