"""What every importer produces and every exporter reports, whatever the format.

An importer turns a file into :class:`Imported` questions (already in quiz's
types) plus :class:`Skipped` lines for what it could not take; an exporter
turns bank questions into bytes plus :class:`Loss` lines for what the target
format cannot hold. The command turns both into the summary a teacher reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz.bank.model import Answer


@dataclass(slots=True)
class Imported:
    """One question read from another tool's file, not yet given an id."""

    type: str  # a quiz type: choice multi truefalse text number order
    prompt: str
    answer: Answer
    line: int  # where the question starts in the source file
    name: str = ""  # the source's own title or id, if it has one (the id is made from it)
    choices: list[str] = field(default_factory=list)
    accept: list[str] = field(default_factory=list)
    tolerance: float = 0.0
    unit: str | None = None
    explanation: str = ""
    evidence: list[str] = field(default_factory=list)  # quotes a quiz export carried along
    hints: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    difficulty: int | None = None


def choice_question(prompt: str, choices: list[str], right: list[tuple[str, float, str]],
                    single: bool, line: int) -> Imported:
    """A choice (one right option) or multi question from the options marked right.

    ``right`` holds (text, weight, feedback); the first feedback given becomes
    the explanation, since quiz has one explanation per question.
    """
    feedback = next((o[2] for o in right if o[2]), "")
    if single and len(right) == 1:
        return Imported("choice", prompt, right[0][0], line, choices=choices,
                        explanation=feedback)
    return Imported("multi", prompt, [o[0] for o in right], line, choices=choices,
                    explanation=feedback)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A question (or a piece of the file) that was not imported, and why."""

    line: int
    reason: str  # short and the same for every question of a kind: the summary counts them
    detail: str = ""  # what exactly, for the file:line report

    def format(self, path: str) -> str:
        extra = f": {self.detail}" if self.detail else ""
        return f"{path}:{self.line}: skipped: {self.reason}{extra}"


@dataclass(frozen=True, slots=True)
class Note:
    """Something imported with a change the teacher should know about."""

    line: int
    message: str

    def format(self, path: str) -> str:
        return f"{path}:{self.line}: note: {self.message}"


@dataclass(slots=True)
class ImportResult:
    questions: list[Imported] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


class ImportFailed(Exception):
    """The file as a whole cannot be read (wrong encoding, too big, not the format...)."""

    def __init__(self, path: str, line: int, col: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{col}: {message}")
        self.path, self.line, self.col, self.message = path, line, col, message


@dataclass(frozen=True, slots=True)
class Loss:
    """A field or question the export target cannot hold (``question`` is its id)."""

    what: str  # e.g. "hints", "order questions (not written)"
    question: str


@dataclass(slots=True)
class Exported:
    data: bytes
    written: int  # questions written
    losses: list[Loss] = field(default_factory=list)
