"""GIFT, Moodle's plain-text question format: reading all of it, writing what quiz holds.

Questions are separated by blank lines; ``//`` lines are comments; ``$CATEGORY:``
switches category (kept as a tag); ``::title::`` names a question; ``[html]``,
``[moodle]``, ``[plain]`` and ``[markdown]`` say how its text is written; the
answer block ``{...}`` holds the answers, with ``=`` right, ``~`` wrong,
``%50%`` weights, ``#`` feedback and ``####`` general feedback. The reader
follows Moodle's own importer in what it calls each kind of question, so a file
that Moodle accepts reads the same way here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from quiz.bank.model import Question
from quiz.interop.model import (
    Exported,
    Imported,
    ImportResult,
    Loss,
    Note,
    Skipped,
    choice_question,
)
from quiz.interop.text import compose_feedback, html_to_text, slugify, split_feedback, tidy

# Escaped characters become private-use placeholders while the structure is read.
_ESCAPES = {":": "\ue000", "#": "\ue001", "=": "\ue002", "{": "\ue003", "}": "\ue004",
            "~": "\ue005", "n": "\ue006"}
_BACKSLASH = "\ue007"
_RESTORE = {v: k for k, v in _ESCAPES.items()} | {"\ue006": "\n", _BACKSLASH: "\\"}
_PLACEHOLDERS_RE = re.compile("[\ue000-\ue007]")
_WEIGHT_RE = re.compile(r"^%(-?\d+(?:\.\d*)?)%")
_FORMAT_RE = re.compile(r"^\[(html|moodle|plain|markdown)\]")
_TF = {"T": True, "TRUE": True, "F": False, "FALSE": False}
BLANK = "_____"


class _Bad(Exception):
    def __init__(self, reason: str, detail: str = "", line: int = 0) -> None:
        super().__init__(reason)
        self.reason, self.detail, self.line = reason, detail, line


@dataclass
class _Block:
    text: str  # comment lines blanked, escapes replaced by placeholders
    line: int  # first line that is not a comment
    lines: list[int]  # the file line of each line of ``text``

    def line_at(self, offset: int) -> int:
        return self.lines[min(self.text.count("\n", 0, offset), len(self.lines) - 1)]


def _protect(text: str) -> str:
    text = text.replace("\\\\", _BACKSLASH)
    return re.sub(r"\\([:#={}~n])", lambda m: _ESCAPES[m[1]], text)


def _restore(text: str) -> str:
    return _PLACEHOLDERS_RE.sub(lambda m: _RESTORE[m[0]], text)


def _blocks(text: str) -> list[_Block]:
    """Questions as Moodle splits them: runs of lines that are not blank."""
    out: list[_Block] = []
    rows: list[tuple[int, str]] = []

    def flush() -> None:
        body = [(n, r) for n, r in rows if not r.strip().startswith("//")]
        if body and any(r.strip() for _, r in body):
            first = next(n for n, r in body if r.strip())
            out.append(_Block(_protect("\n".join(r for n, r in body)).strip(), first,
                              [n for n, r in body if n >= first]))
        rows.clear()

    text = _PLACEHOLDERS_RE.sub("", text)  # our placeholders mean nothing in a file
    for n, row in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if row.strip():
            rows.append((n, row))
        else:
            flush()
    flush()
    return out


def _text(raw: str, fmt: str) -> str:
    """Text as written in format ``fmt``, as plain words (HTML tags never pass)."""
    m = _FORMAT_RE.match(raw.strip())
    if m:
        fmt, raw = m[1], raw.strip()[m.end():]
    if fmt in ("html", "moodle"):
        return _restore_tidy(html_to_text(raw))
    return _restore_tidy(tidy(raw))


def _restore_tidy(text: str) -> str:
    return "\n".join(ln.strip() for ln in _restore(text).split("\n")).strip()


def _split_feedback_mark(raw: str) -> tuple[str, str]:
    head, _, feedback = raw.partition("#")
    return head.strip(), feedback.strip()


def _weight(raw: str) -> tuple[float | None, str]:
    m = _WEIGHT_RE.match(raw)
    if not m:
        return None, raw
    return float(m[1]) / 100, raw[m.end():]


def read_gift(text: str, path: str = "") -> ImportResult:
    result = ImportResult()
    category = ""
    for block in _blocks(text):
        if block.text.startswith("$CATEGORY:"):
            category = _restore(block.text[len("$CATEGORY:"):]).strip()
            continue
        try:
            q = _question(block, result.notes)
        except _Bad as bad:
            result.skipped.append(Skipped(bad.line or block.line, bad.reason, bad.detail))
            continue
        if category:
            tag = slugify(category.rstrip("/").rsplit("/", 1)[-1])
            if tag:
                q.tags.append(tag)
        result.questions.append(q)
    return result


def _question(block: _Block, notes: list[Note]) -> Imported:
    text, line = block.text, block.line
    name = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end < 0:
            raise _Bad("malformed", "the title opened with `::` is never closed; close it "
                       "with `::`, or write `\\:` for a colon")
        name = _restore(text[2:end]).strip()
        text = text[end + 2:].strip()
        offset = block.text.find(text) if text else len(block.text)
    else:
        offset = 0
    start, close = text.find("{"), text.find("}")
    fmt = "moodle"
    m = _FORMAT_RE.match(text)
    if m:
        fmt = m[1]
    if start < 0 and close < 0:
        raise _Bad("description", "a text with no answer block is a description, not a "
                   "question")
    if start < 0 or 0 <= close < start:
        raise _Bad("malformed", "a `}` with no `{` before it; write `\\}` for a literal "
                   "brace", block.line_at(offset + close))
    close = text.find("}", start)
    if close < 0:
        raise _Bad("malformed", "the answer block opened with `{` is never closed; close "
                   "it with `}` (or write `\\{` for a literal brace)",
                   block.line_at(offset + start))
    inner = text[start + 1:close]
    if "{" in inner:
        raise _Bad("malformed", "a `{` inside the answer block; an answer block cannot hold "
                   "another, write `\\{` for a literal brace", block.line_at(offset + start))
    rest = text[close + 1:]
    if "{" in rest or "}" in rest:
        raise _Bad("malformed", "more than one answer block; a question has one, write "
                   "`\\{` and `\\}` for literal braces",
                   block.line_at(offset + close + 1 + min(i for i in (rest.find("{"),
                                                                      rest.find("}")) if i >= 0)))
    before = text[:start]
    after = rest.strip()
    joiner = "" if after[:1] in tuple(".,;:!?)") else " "
    prompt_raw = before.rstrip() + f" {BLANK}{joiner}{after}" if after else before
    answers = inner.strip()
    general = ""
    if (g := answers.rfind("####")) >= 0:
        general, answers = answers[g + 4:], answers[:g].strip()
    prompt = _text(prompt_raw, fmt)
    if not prompt and not answers:
        raise _Bad("malformed", "no question text and no answers")
    general_text = _text(general, fmt) if general else ""
    if not answers:
        raise _Bad("essay", "an empty answer block asks for an essay")
    if not prompt:
        raise _Bad("malformed", "the question has no text before its answer block")
    q: Imported
    if answers.startswith("#"):
        q = _numerical(answers[1:], prompt, fmt, line, notes)
    elif "~" in answers:
        q = _multichoice(answers, prompt, fmt, line, notes)
    elif "=" in answers and "->" in answers:
        raise _Bad("matching", "quiz has no matching type")
    else:
        head = answers.split("#", 1)[0].strip()
        if head in _TF:
            parts = [p.strip() for p in answers.split("#", 2)]
            right = _text(parts[2], fmt) if len(parts) > 2 else ""
            q = Imported("truefalse", prompt, _TF[head], line, explanation=right)
        else:
            q = _shortanswer(answers, prompt, fmt, line, notes)
    q.name = name
    if general_text:
        q.explanation = general_text
    q.explanation, q.evidence = split_feedback(q.explanation)
    return q


def _pieces(answers: str, sep: str) -> list[str]:
    parts = [p.strip() for p in answers.split(sep)]
    if parts and not parts[0]:
        parts.pop(0)
    return parts


def _multichoice(answers: str, prompt: str, fmt: str, line: int, notes: list[Note]) -> Imported:
    single = "=" in answers
    options: list[tuple[str, float, str]] = []
    for raw in _pieces(answers.replace("=", "~="), "~"):
        if raw.startswith("="):
            weight: float | None = 1.0
            raw = raw[1:]
        else:
            weight, raw = _weight(raw)
        body, feedback = _split_feedback_mark(raw)
        text = _text(body, fmt)
        if not text:
            raise _Bad("malformed", "an answer with no text (a `~` or `=` with nothing after "
                       "it)")
        options.append((text, weight or 0.0, _text(feedback, fmt) if feedback else ""))
    if len(options) < 2:
        raise _Bad("malformed", "a multiple-choice question needs at least 2 answers")
    choices = [o[0] for o in options]
    if len(set(choices)) < len(choices):
        raise _Bad("malformed", "the same answer is listed twice")
    full = [o for o in options if o[1] >= 1.0 - 1e-9]
    if single:
        right = full
        if partial := [o for o in options if 0 < o[1] < 1.0 - 1e-9]:
            notes.append(Note(line, f"partial credit for {len(partial)} answer(s) dropped: "
                              "quiz counts an answer right or wrong"))
    else:
        right = [o for o in options if o[1] > 0]
    if not right:
        raise _Bad("malformed", "no answer is marked right (`=`, or a positive `%weight%`)")
    return choice_question(prompt, choices, right, single, line)


def _shortanswer(answers: str, prompt: str, fmt: str, line: int, notes: list[Note]) -> Imported:
    forms: list[tuple[str, float, str]] = []
    for raw in _pieces(answers, "="):
        weight, body = _weight(raw)
        text, feedback = _split_feedback_mark(body)
        text = _text(text, "plain")
        if text:
            forms.append((text, 1.0 if weight is None else weight,
                          _text(feedback, fmt) if feedback else ""))
    right = [f for f in forms if f[1] >= 1.0 - 1e-9]
    if not right:
        raise _Bad("malformed", "a short-answer question needs an answer worth 100% "
                   "(`=answer`)")
    if len(right) < len([f for f in forms if f[1] > 0]):
        notes.append(Note(line, "answers with partial credit dropped: quiz counts an answer "
                          "right or wrong"))
    accept = list(dict.fromkeys(f[0] for f in right[1:] if f[0] != right[0][0]))
    return Imported("text", prompt, right[0][0], line, accept=accept,
                    explanation=next((f[2] for f in right if f[2]), ""))


def _number(raw: str) -> float:
    try:
        value = float(raw.strip())
    except ValueError:
        raise _Bad("malformed", f"`{raw.strip()}` is not a number") from None
    if not math.isfinite(value):
        raise _Bad("malformed", f"`{raw.strip()}` is not a finite number")
    return value


def _numerical(answers: str, prompt: str, fmt: str, line: int, notes: list[Note]) -> Imported:
    answers = answers.split("~", 1)[0]  # feedback for any other answer: nothing to keep it in
    found: list[tuple[float, float, float, str]] = []
    for raw in _pieces(answers, "="):
        weight, body = _weight(raw)
        value, feedback = _split_feedback_mark(_restore(body))
        if not value:
            continue
        if ".." in value[1:]:
            lo_raw, hi_raw = value.split("..", 1)
            lo, hi = _number(lo_raw), _number(hi_raw)
            if lo > hi:
                raise _Bad("malformed", f"the range `{value}` runs backwards; write the "
                           "smaller number first")
            mid, tol = (lo + hi) / 2, (hi - lo) / 2
        elif ":" in value[1:]:
            ans_raw, tol_raw = value.split(":", 1)
            mid, tol = _number(ans_raw), abs(_number(tol_raw))
        else:
            mid, tol = _number(value), 0.0
        found.append((mid, tol, 1.0 if weight is None else weight, tidy(feedback)))
    if not found:
        raise _Bad("malformed", "a numerical question (`{#...}`) needs a number")
    right = [f for f in found if f[2] >= 1.0 - 1e-9]
    if not right:
        raise _Bad("malformed", "no answer is worth 100%")
    if len(found) > 1:
        notes.append(Note(line, f"{len(found) - 1} other numerical answer(s) dropped; quiz "
                          "keeps one number and its tolerance"))
    mid, tol, _w, feedback = right[0]
    answer: int | float = int(mid) if mid.is_integer() and abs(mid) < 2**53 else mid
    return Imported("number", prompt, answer, line, tolerance=tol,
                    explanation=_text(feedback, fmt) if feedback else "")


# --------------------------------------------------------------------------- writing


def _escape(text: str) -> str:
    out = text.replace("\\", "\\\\")
    for ch in ":#={}~":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\r", "").replace("\n", "\\n")


def _num(value: float) -> str:
    return repr(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(
        float(value))


def write_gift(questions: list[Question]) -> Exported:
    out: list[str] = []
    losses: list[Loss] = []
    written = 0
    for q in questions:
        if q.type == "order":
            losses.append(Loss("order questions (GIFT has no ordering type)", q.id))
            continue
        texts = [q.prompt, *q.choices, *q.accept,
                 *(q.answer if isinstance(q.answer, list) else [str(q.answer)])]
        if q.type == "text" and any("->" in t for t in texts[1 + len(q.choices):]):
            losses.append(Loss("text answers holding `->` (Moodle reads them as matching)",
                               q.id))
            continue
        if q.hints:
            losses.append(Loss("hints", q.id))
        if q.tags:
            losses.append(Loss("tags", q.id))
        if q.difficulty != 2:
            losses.append(Loss("difficulty", q.id))
        if q.unit:
            losses.append(Loss("units", q.id))
        if q.type == "number" and q.accept:
            losses.append(Loss("accepted forms of numbers", q.id))
        body = [f"::{_escape(q.id)}::[plain]{_escape(q.prompt)}{{"]
        if q.type == "choice":
            body += [f"\t{'=' if c == q.answer else '~'}{_escape(c)}" for c in q.choices]
        elif q.type == "multi":
            right = q.answer if isinstance(q.answer, list) else []
            share = f"{100 / len(right):.5f}".rstrip("0").rstrip(".")
            body += [f"\t~%{share if c in right else '-' + share}%{_escape(c)}"
                     for c in q.choices]
        elif q.type == "truefalse":
            body.append("\tTRUE" if q.answer is True else "\tFALSE")
        elif q.type == "text":
            body += [f"\t={_escape(a)}" for a in [str(q.answer), *q.accept]]
        elif q.type == "number":
            assert isinstance(q.answer, int | float) and not isinstance(q.answer, bool)
            tol = f":{_num(q.tolerance)}" if q.tolerance else ""
            body.append(f"\t#{_num(q.answer)}{tol}")
        feedback = compose_feedback(q.explanation, [e.quote for e in q.evidence])
        if feedback:
            body.append(f"\t####{_escape(feedback)}")
        body.append("}")
        out.append("\n".join(body))
        written += 1
    text = "// Written by quiz. Import into Moodle: Question bank > Import > GIFT format.\n\n"
    return Exported((text + "\n\n".join(out) + "\n").encode("utf-8"), written, losses)
