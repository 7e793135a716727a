"""Curating a bank: approve, reject and edit its questions, check each edit, save safely.

No Textual here: ``quiz curate`` drives this module, and so do the tests.

Saving keeps the author's file as it was wherever nothing changed: a changed
question is written over its own lines only (a status change over its
``status`` value only, see :mod:`quiz.bank.splice`), so comments, blank lines
and hand formatting elsewhere survive. Every save is read back with the strict
loader before it replaces the file; if the spliced text would not read back
exactly as intended, the whole bank is written in canonical form instead.
The write is atomic (:func:`quiz.paths.write_atomic`), and a failed save
changes nothing on disk and keeps the edits in memory.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import weakref
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from quiz.bank import yamlcheck as yc
from quiz.bank.dump import bank_to_dict, dump_bank_text, question_to_dict
from quiz.bank.lint import LintWarning, lint_bank, warnings_for
from quiz.bank.load import BANK_FILE, bank_file, check_bank, load_bank
from quiz.bank.model import STATUSES, Bank, Question
from quiz.bank.numbers import parse_number
from quiz.bank.splice import splice
from quiz.paths import remove_stale_temps, temp_pattern, write_atomic

# What earlier versions named a bank being saved; a killed save left it behind.
_OLD_SAVE_TEMP = re.compile(r"\.bank-[A-Za-z0-9_]{8}\.yaml")

# --------------------------------------------------------------------------- the form

GENERAL = ""  # errors that belong to no one field of the form
LINE_FIELDS = ("choices", "accept", "hints")  # one entry per line
# YAML keys of a question -> the form field that edits them.
_KEY_FIELD = {
    "prompt": "prompt", "answer": "answer", "items": "answer", "choices": "choices",
    "accept": "accept", "hints": "hints", "explanation": "explanation",
}
_MISSING_RE = re.compile(r"missing `(\w+)`")


def form_fields(qtype: str) -> tuple[str, ...]:
    """The fields the edit form shows for a question of ``qtype``, top to bottom."""
    out = ["prompt"]
    if qtype in ("choice", "multi"):
        out.append("choices")  # before the answer, which must be one of them
    out.append("answer")
    if qtype in ("text", "number"):
        out.append("accept")
    out += ["hints", "explanation"]
    return tuple(out)


def multiline(qtype: str, name: str) -> bool:
    """Whether the field takes several lines (a list, or free text)."""
    # The prompt is one line, but a long one: it is edited wrapped, like free text.
    return name in (*LINE_FIELDS, "prompt", "explanation") or (
        name == "answer" and qtype in ("multi", "order"))


def field_label(qtype: str, name: str) -> str:
    if name == "answer":
        return {
            "choice": "Answer (exactly one of the choices)",
            "multi": "Answers (one per line, each one of the choices)",
            "truefalse": "Answer (true or false)",
            "number": "Answer (a number)",
            "order": "Items, in the right order (one per line)",
        }.get(qtype, "Answer")
    return {
        "prompt": "Prompt",
        "choices": "Choices (one per line)",
        "accept": "Also accept (one form per line)",
        "hints": "Hints, vague to specific (one per line)",
        "explanation": "Explanation",
    }[name]


def form_values(q: Question) -> dict[str, str]:
    """The question as the text the form's fields start with."""
    if isinstance(q.answer, list):
        answer = "\n".join(q.answer)
    elif isinstance(q.answer, bool):
        answer = "true" if q.answer else "false"
    else:
        answer = str(q.answer)
    return {
        "prompt": q.prompt,
        "answer": answer,
        "choices": "\n".join(q.choices),
        "accept": "\n".join(q.accept),
        "hints": "\n".join(q.hints),
        "explanation": q.explanation,
    }


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def _number(text: str) -> int | float | None:
    value = parse_number(text)
    if value is None:
        return None
    # Whole numbers stay whole (written `4`, not `4.0`) unless a decimal point was typed.
    if value.is_integer() and "." not in text and abs(value) < 2**53:
        return int(value)
    return value


Errors = dict[str, list[str]]  # form field (or GENERAL) -> messages


def question_from_form(q: Question, values: dict[str, str]) -> tuple[Question, Errors]:
    """``q`` with the form's fields applied, and the errors found in reading them.

    A field left as it was keeps its value exactly, so opening and saving a
    question changes nothing. Only what the loader cannot say is checked here
    (a number that is no number, a true/false that is neither); everything
    else is left to :meth:`QuestionChecker.check`, which applies the loader's
    own rules.
    """
    start = form_values(q)
    changed = {k: v for k, v in values.items() if k in start and v != start[k]}
    errors: Errors = {}
    new = replace(q, evidence=[replace(e) for e in q.evidence], tags=list(q.tags),
                  hints=list(q.hints), accept=list(q.accept), choices=list(q.choices),
                  answer=list(q.answer) if isinstance(q.answer, list) else q.answer)
    if "prompt" in changed:  # a line break typed into the prompt is just a space
        new.prompt = " ".join(_lines(changed["prompt"]))
    if "answer" in changed:
        raw = changed["answer"].strip()
        if q.type in ("multi", "order"):
            new.answer = _lines(raw)
        elif q.type == "truefalse":
            if raw.lower() in ("true", "false"):
                new.answer = raw.lower() == "true"
            else:
                errors["answer"] = ["write true or false"]
        elif q.type == "number":
            number = _number(raw)
            if number is None:
                errors["answer"] = ["write a number, e.g. 4498.57 or 12"]
            else:
                new.answer = number
        else:
            new.answer = raw
    for name in LINE_FIELDS:
        if name in changed:
            setattr(new, name, _lines(changed[name]))
    if "explanation" in changed:
        new.explanation = changed["explanation"].strip()
    return new, errors


# --------------------------------------------------------------------------- checking


@dataclass
class Check:
    """What the loader says about one edited question."""

    question: Question | None  # read back by the loader (evidence resolved), or None
    errors: dict[str, list[str]] = field(default_factory=dict)  # form field -> messages

    @property
    def ok(self) -> bool:
        return self.question is not None and not self.errors


class QuestionChecker:
    """Checks one question with exactly the rules ``quiz validate`` applies.

    The question is written as a one-question bank into a private folder that
    holds a copy of the article, and loaded from there: the real bank folder
    is never written to while the author types.
    """

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self._dir: Path | None = None
        self._cleanup: weakref.finalize | None = None

    def _workdir(self) -> Path:
        if self._dir is None:
            d = Path(tempfile.mkdtemp(prefix="quiz-curate-"))
            self._cleanup = weakref.finalize(self, shutil.rmtree, d, True)
            article = d / self.bank.source.file
            article.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.bank.article_path, article)
            self._dir = d
        return self._dir

    def check(self, q: Question) -> Check:
        try:
            path = self._workdir() / BANK_FILE
            one = Bank(id=self.bank.id, title=self.bank.title, source=self.bank.source,
                       questions=[q], path=path, description=self.bank.description)
            text = dump_bank_text(one)
            path.write_text(text, encoding="utf-8")
        except OSError as exc:  # e.g. the article was moved away: say so, don't crash
            return Check(None, {GENERAL: [f"cannot check the question: {exc}"]})
        loaded, diags = check_bank(path, use_cache=False)
        keys = _question_key_lines(text)
        errors: dict[str, list[str]] = {}
        for d in diags:
            errors.setdefault(_field_of(d.line, d.message, keys), []).append(d.message)
        if loaded is None or not loaded.questions:
            return Check(None, errors or {GENERAL: ["the question could not be read back"]})
        back = loaded.questions[0]
        back.line = q.line
        return Check(back, errors)

    def close(self) -> None:
        if self._cleanup is not None:
            self._cleanup()
        self._dir = None


def _question_key_lines(text: str) -> list[tuple[int, str]]:
    """(1-based line, key) of each key of the first question in a dumped bank."""
    root = yaml.compose(text, Loader=yc.Loader)
    assert root is not None, "a dumped bank is never an empty document"
    qs = next(v for k, v in root.value if k.value == "questions")
    return [(k.start_mark.line + 1, k.value) for k, _ in qs.value[0].value]


def _field_of(line: int, message: str, keys: list[tuple[int, str]]) -> str:
    if m := _MISSING_RE.match(message):
        return _KEY_FIELD.get(m[1], GENERAL)
    key = None
    for start, name in keys:
        if start <= line:
            key = name
    return _KEY_FIELD.get(key or "", GENERAL)


# --------------------------------------------------------------------------- the session


class SaveError(Exception):
    """The bank could not be saved; nothing on disk changed and the edits are kept."""


class SaveConflict(SaveError):
    """The file changed on disk since it was opened (or last saved) here."""


class Curation:
    """A bank being curated: its questions, the changes since the last save, and saving."""

    def __init__(self, bank: Bank, disk_text: str | None = None) -> None:
        self.bank = bank
        self.path = bank.path
        self._disk_text = disk_text if disk_text is not None else _read(self.path)
        self._saved = {q.id: question_to_dict(q) for q in bank.questions}
        self._undo: list[tuple[int, Question]] = []
        self._checker: QuestionChecker | None = None
        self.last_save = ""  # "spliced" or "rewritten": how the last save wrote the file
        self._lint: list[LintWarning] = []
        self._lint_key: tuple[int, ...] | None = None

    @classmethod
    def open(cls, path: str | Path) -> Curation:
        """Load a bank (a folder or its bank.yaml) strictly; raises ``BankError``."""
        p = bank_file(path)
        # A killed save leaves its temporary copy: old ones are removed here.
        remove_stale_temps(p.parent, (temp_pattern(p.name), _OLD_SAVE_TEMP))
        try:
            text: str | None = _read(p)  # read first: a later change then shows as a conflict
        except (OSError, UnicodeDecodeError):
            text = None  # the loader says what is wrong with it
        bank = load_bank(p)
        return cls(bank, text if text is not None else _read(p))

    # -- reading ------------------------------------------------------------

    def index(self, qid: str) -> int:
        for i, q in enumerate(self.bank.questions):
            if q.id == qid:
                return i
        raise KeyError(qid)

    def question(self, qid: str) -> Question:
        return self.bank.questions[self.index(qid)]

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATUSES, 0)
        for q in self.bank.questions:
            out[q.status] = out.get(q.status, 0) + 1
        return out

    def changed_ids(self) -> list[str]:
        """Questions that differ from the file as last read or saved, in bank order."""
        return [q.id for q in self.bank.questions if question_to_dict(q) != self._saved.get(q.id)]

    @property
    def dirty(self) -> bool:
        return bool(self.changed_ids())

    # -- changing -----------------------------------------------------------

    def set_status(self, qid: str, status: str) -> bool:
        """Give question ``qid`` the ``status``; False if it already had it."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
        i = self.index(qid)
        q = self.bank.questions[i]
        if q.status == status:
            return False
        self._undo.append((i, q))
        self.bank.questions[i] = replace(q, status=status)
        return True

    def approve(self, qid: str) -> bool:
        return self.set_status(qid, "approved")

    def reject(self, qid: str) -> bool:
        return self.set_status(qid, "rejected")

    def to_draft(self, qid: str) -> bool:
        return self.set_status(qid, "draft")

    def update(self, question: Question) -> bool:
        """Put an edited question in place of the one with its id (same position)."""
        i = self.index(question.id)
        old = self.bank.questions[i]
        new = replace(question, line=old.line)
        if question_to_dict(new) == question_to_dict(old):
            return False
        self._undo.append((i, old))
        self.bank.questions[i] = new
        return True

    def undo(self) -> str | None:
        """Take back the last change; the id of the question it touched, or None."""
        if not self._undo:
            return None
        i, old = self._undo.pop()
        self.bank.questions[i] = old
        return old.id

    # -- checking -----------------------------------------------------------

    def warnings(self, qid: str) -> list[LintWarning]:
        """What ``quiz lint`` says about question ``qid`` as the bank stands now (edits too)."""
        key = tuple(id(q) for q in self.bank.questions)  # an edit replaces the question object
        if self._lint_key != key:
            self._lint, self._lint_key = lint_bank(self.bank), key
        return warnings_for(self._lint, qid)

    def check(self, question: Question) -> Check:
        if self._checker is None:
            self._checker = QuestionChecker(self.bank)
        return self._checker.check(question)

    def close(self) -> None:
        if self._checker is not None:
            self._checker.close()
            self._checker = None

    # -- saving -------------------------------------------------------------

    def save(self, *, force: bool = False) -> bool:
        """Write the changes; False if there were none.

        Raises :class:`SaveConflict` if the file changed on disk since it was
        read here (``force`` overwrites it), and :class:`SaveError` if it cannot
        be written; either way the file on disk is untouched.
        """
        changed = self.changed_ids()
        if not changed:
            return False
        target = self.path.resolve()  # a symlinked bank.yaml stays a symlink
        try:
            on_disk: str | None = _read(target)
        except FileNotFoundError:
            on_disk = None
        except UnicodeDecodeError:
            on_disk = "\0"  # someone wrote something else there: a conflict like any other
        except OSError as exc:
            raise SaveError(f"cannot read {self.path.name} ({exc.strerror})") from exc
        if on_disk != self._disk_text and not force:
            what = "was deleted" if on_disk is None else "changed on disk"
            raise SaveConflict(f"{self.path.name} {what} since it was opened here")
        want = bank_to_dict(self.bank)
        candidates = (  # lazily: the whole-bank dump is only needed if splicing fails
            ("spliced", lambda: splice(self._disk_text, self.bank, self._saved, set(changed))),
            ("rewritten", lambda: dump_bank_text(self.bank)),
        )
        for mode, make in candidates:
            text = make()
            if text is not None and _write_verified(target, text, want):
                self._disk_text = text
                self._saved = {q.id: question_to_dict(q) for q in self.bank.questions}
                self.last_save = mode
                return True
        raise SaveError("the saved bank would not read back as edited; nothing was written")


# --------------------------------------------------------------------------- files


def _read(path: Path) -> str:
    # newline="" keeps CR LF as it is, so an untouched line is written back byte for byte.
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def _write_verified(target: Path, text: str, want: dict) -> bool:
    """Write ``text`` over ``target`` atomically if it loads back as ``want``.

    The check reads the written file beside its article, exactly as it will
    be read later. False if it does not load back as ``want`` (the file is
    untouched); raises :class:`SaveError` if the file cannot be written.
    """

    def reads_back(tmp: Path) -> bool:
        loaded, _ = check_bank(tmp, use_cache=False)
        return loaded is not None and bank_to_dict(loaded) == want

    try:
        return write_atomic(target, text, check=reads_back)
    except OSError as exc:
        raise SaveError(f"cannot write {target.name} ({exc.strerror or exc})") from exc
