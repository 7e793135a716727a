"""Aiken: multiple choice only, one question per paragraph.

    What is the capital of Portugal?
    A. Porto
    B) Lisbon
    ANSWER: B
"""

from __future__ import annotations

import re
import string

from quiz.bank.model import Question
from quiz.interop.model import Exported, Imported, ImportResult, Loss, Skipped
from quiz.interop.text import tidy

_OPTION_RE = re.compile(r"^([A-Za-z])[.)]\s+(.*\S)\s*$")
_ANSWER_RE = re.compile(r"^ANSWER\s*:\s*(\S*)\s*$", re.IGNORECASE)


def read_aiken(text: str, path: str = "") -> ImportResult:
    result = ImportResult()
    rows = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    block: list[tuple[int, str]] = []
    for n, row in enumerate([*rows, ""], 1):
        if row.strip():
            block.append((n, row.strip()))
            continue
        if block:
            _question(block, result)
            block = []
    return result


def _question(block: list[tuple[int, str]], result: ImportResult) -> None:
    line = block[0][0]
    prompt_rows: list[str] = []
    options: list[tuple[str, str]] = []
    answer: str | None = None
    for n, row in block:
        if answer is not None:
            result.skipped.append(Skipped(line, "malformed", f"line {n} follows the ANSWER "
                                          "line; leave a blank line between questions"))
            return
        m = _OPTION_RE.match(row)
        a = _ANSWER_RE.match(row)
        if a and options:
            answer = a[1].upper()
        elif m and prompt_rows:
            options.append((m[1].upper(), tidy(m[2])))
        elif options:
            result.skipped.append(Skipped(n, "malformed", "expected an option (`C. text` or "
                                          "`C) text`) or the `ANSWER: C` line"))
            return
        else:
            prompt_rows.append(row)
    if answer is None:
        result.skipped.append(Skipped(line, "malformed", "no `ANSWER: <letter>` line after "
                                      "the options"))
        return
    letters = [k for k, _ in options]
    if len(options) < 2:
        result.skipped.append(Skipped(line, "malformed", "a question needs at least 2 options"))
        return
    if len(set(letters)) < len(letters):
        result.skipped.append(Skipped(line, "malformed", "an option letter is used twice"))
        return
    if answer not in letters:
        result.skipped.append(Skipped(line, "malformed", f"ANSWER `{answer[:10]}` is not one "
                                      f"of the option letters {', '.join(letters)}"))
        return
    choices = [t for _, t in options]
    if len(set(choices)) < len(choices):
        result.skipped.append(Skipped(line, "malformed", "the same option is listed twice"))
        return
    result.questions.append(Imported("choice", tidy("\n".join(prompt_rows)),
                                     dict(options)[answer], line, choices=choices))


def write_aiken(questions: list[Question]) -> Exported:
    out: list[str] = []
    losses: list[Loss] = []
    for q in questions:
        if q.type == "truefalse":
            choices, answer = ["True", "False"], "True" if q.answer is True else "False"
            losses.append(Loss("true/false written as a two-option choice", q.id))
        elif q.type == "choice" and len(q.choices) <= 26:
            choices, answer = q.choices, str(q.answer)
        else:
            losses.append(Loss(f"{q.type} questions (Aiken holds only multiple choice; "
                               "not written)", q.id))
            continue
        for what, present in (("ids", True), ("explanations and evidence",
                                               bool(q.explanation or q.evidence)),
                              ("hints", bool(q.hints)), ("tags", bool(q.tags))):
            if present:
                losses.append(Loss(what, q.id))
        if any("\n" in t for t in [q.prompt, *choices]):
            losses.append(Loss("line breaks (Aiken text is one line)", q.id))
        rows = [" ".join(q.prompt.split())]
        rows += [f"{string.ascii_uppercase[i]}. {' '.join(c.split())}"
                 for i, c in enumerate(choices)]
        rows.append(f"ANSWER: {string.ascii_uppercase[choices.index(answer)]}")
        out.append("\n".join(rows))
    written = len(out)
    return Exported(("\n\n".join(out) + "\n").encode("utf-8"), written, losses)
