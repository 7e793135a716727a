"""CSV (a spreadsheet of questions) and Anki's plain-text export.

CSV layout: a header row naming the columns, in any order, any case:

    id, type, prompt, answer, choices, accept, tolerance, unit,
    explanation, evidence, hints, tags, difficulty

Only ``prompt`` and ``answer`` are required. Lists (choices, accept, hints,
evidence, tags, and the answer of a multi or order question) are separated by
``|``; write ``\\|`` for a bar inside an item. Without a ``type`` a row with
choices is ``choice`` (``multi`` if its answer lists several), an answer of
``true``/``false`` is ``truefalse``, anything else ``text``. Commas, semicolons
(Excel in many countries) and tabs all work as separators; UTF-8 with or without
a BOM, or UTF-16 (Excel's "Unicode text").
"""

from __future__ import annotations

import csv
import io
import math
import re

from quiz.bank.model import QUESTION_TYPES, Question
from quiz.interop.model import (
    Exported,
    Imported,
    ImportFailed,
    ImportResult,
    Loss,
    Note,
    Skipped,
)
from quiz.interop.text import html_to_text, tidy

COLUMNS = ("id", "type", "prompt", "answer", "choices", "accept", "tolerance", "unit",
           "explanation", "evidence", "hints", "tags", "difficulty")
_LIST_SPLIT_RE = re.compile(r"(?<!\\)\|")
# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
csv.field_size_limit(8 * 1024 * 1024)


def _split_list(cell: str) -> list[str]:
    if not cell.strip():
        return []
    items = [tidy(p.replace("\\|", "|")) for p in _LIST_SPLIT_RE.split(cell)]
    return [i for i in items if i]


def _join_list(items: list[str]) -> str:
    return " | ".join(i.replace("|", "\\|") for i in items)


def _delimiter(text: str) -> str:
    head = text.split("\n", 1)[0]
    counts = {d: head.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _unformula(cell: str) -> str:
    """Undo the quote the writer puts before a cell a spreadsheet would run."""
    return cell[1:] if cell.startswith("'") and cell[1:2] and cell[1] in (*_FORMULA_START,
                                                                          "'") else cell


def read_csv(text: str, path: str = "") -> ImportResult:
    result = ImportResult()
    delim = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ImportFailed(path, 1, 1, f"the header row is not valid CSV ({exc})") from None
    if header is None or not any(h.strip() for h in header):
        raise ImportFailed(path, 1, 1, "the file is empty; the first row names the columns "
                           f"({', '.join(COLUMNS)})")
    names = [h.strip().lower() for h in header]
    for i, name in enumerate(names):
        if name not in COLUMNS:
            raise ImportFailed(path, 1, i + 1, f"unknown column `{name[:40]}`; the columns are "
                               f"{', '.join(COLUMNS)}")
        if name in names[:i]:
            raise ImportFailed(path, 1, i + 1, f"column `{name}` appears twice")
    missing = [c for c in ("prompt", "answer") if c not in names]
    if missing:
        raise ImportFailed(path, 1, 1, f"no `{'` or `'.join(missing)}` column; a row needs "
                           "at least a prompt and an answer")
    line = 2
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportFailed(path, line, 1, f"not valid CSV ({exc}); check the quotes "
                               "on this row") from None
        start, line = line, reader.line_num + 1
        if not any(c.strip() for c in row):
            continue
        if len(row) > len(names):
            result.skipped.append(Skipped(start, "malformed", f"{len(row)} cells but "
                                          f"{len(names)} columns; quote cells that hold "
                                          f"a `{delim}`"))
            continue
        cells = {n: _unformula(c) for n, c in zip(names, row, strict=False)}
        try:
            result.questions.append(_row(cells, start))
        except ValueError as exc:
            result.skipped.append(Skipped(start, "malformed", str(exc)))
    return result


def _cell(cells: dict[str, str], key: str) -> str:
    return tidy(cells.get(key, ""))  # plain text: a spreadsheet cell is not HTML


def _row(cells: dict[str, str], line: int) -> Imported:
    prompt, answer = _cell(cells, "prompt"), cells.get("answer", "")
    if not prompt:
        raise ValueError("the prompt is empty")
    choices = _split_list(cells.get("choices", ""))
    qtype = cells.get("type", "").strip().lower()
    if not qtype:
        if choices:
            qtype = "multi" if len(_split_list(answer)) > 1 else "choice"
        elif answer.strip().lower() in ("true", "false"):
            qtype = "truefalse"
        else:
            qtype = "text"
    if qtype not in QUESTION_TYPES:
        raise ValueError(f"unknown type `{qtype[:20]}`; use one of {', '.join(QUESTION_TYPES)}")
    value: str | bool | int | float | list[str]
    q = Imported(qtype, prompt, "", line, name=tidy(cells.get("id", "")), choices=choices,
                 accept=_split_list(cells.get("accept", "")), unit=tidy(cells.get("unit", ""))
                 or None, explanation=_cell(cells, "explanation"),
                 evidence=_split_list(cells.get("evidence", "")),
                 hints=_split_list(cells.get("hints", "")),
                 tags=_split_list(cells.get("tags", "")))
    if qtype in ("multi", "order"):
        value = _split_list(answer)
    elif qtype == "truefalse":
        word = answer.strip().lower()
        if word not in ("true", "false"):
            raise ValueError(f"a truefalse answer is `true` or `false`, not `{answer[:20]}`")
        value = word == "true"
    elif qtype == "number":
        value = _float(answer, "answer")
        value = int(value) if value.is_integer() and abs(value) < 2**53 else value
        q.tolerance = abs(_float(cells.get("tolerance") or "0", "tolerance"))
    else:
        value = tidy(answer)
    if value in ("", []):
        raise ValueError("the answer is empty")
    if qtype in ("choice", "multi"):
        picked = value if isinstance(value, list) else [str(value)]
        if len(choices) < 2:
            raise ValueError(f"a {qtype} question needs at least 2 choices (separate them "
                             "with `|`)")
        if missing := [p for p in picked if p not in choices]:
            raise ValueError(f"the answer `{missing[0][:30]}` is not one of the choices")
    q.answer = value
    if difficulty := cells.get("difficulty", "").strip():
        if difficulty not in ("1", "2", "3"):
            raise ValueError(f"difficulty is 1, 2 or 3, not `{difficulty[:10]}`")
        q.difficulty = int(difficulty)
    return q


def _float(raw: str, what: str) -> float:
    text = raw.strip().replace("\u2212", "-")
    if re.fullmatch(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        text = text.replace(",", "")  # thousands separators
    elif re.fullmatch(r"-?\d+,\d+", text):
        text = text.replace(",", ".")  # a decimal comma, as a `;` spreadsheet writes it
    try:
        value = float(text) if text else math.nan
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise ValueError(f"the {what} `{raw.strip()[:20]}` is not a number")
    return value


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith((*_FORMULA_START, "'")) else cell


def write_csv(questions: list[Question]) -> Exported:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for q in questions:
        answer: str
        if isinstance(q.answer, bool):
            answer = "true" if q.answer else "false"
        elif isinstance(q.answer, list):
            answer = _join_list(q.answer)
        else:
            answer = str(q.answer)
        row = [q.id, q.type, q.prompt, answer, _join_list(q.choices), _join_list(q.accept),
               repr(q.tolerance) if q.type == "number" and q.tolerance else "",
               q.unit or "", q.explanation, _join_list([e.quote for e in q.evidence]),
               _join_list(q.hints), _join_list(q.tags), str(q.difficulty)]
        writer.writerow([_safe(c) for c in row])
    lost = [Loss("evidence prefix, suffix and section", q.id) for q in questions
            if any(e.prefix or e.suffix or e.section for e in q.evidence)]
    # A BOM, so Excel opens the file as UTF-8.
    return Exported(("\ufeff" + buf.getvalue()).encode("utf-8"), len(questions), lost)


def read_anki_text(text: str, path: str = "") -> ImportResult:
    """Anki's "Notes in Plain Text" export: ``#key:value`` header lines, then one note a
    line, fields separated by tabs (or the ``#separator``), the first two front and back."""
    result = ImportResult()
    seps = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|",
            "colon": ":"}
    sep, skip_cols, html = "\t", set(), True
    rows = text.split("\n")
    first = 0
    for i, row in enumerate(rows):
        if not row.startswith("#"):
            break
        key, _, value = row[1:].partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "separator":
            sep = seps.get(value.lower(), value[:1] or "\t")
        elif key == "html":
            html = value.lower() == "true"
        elif key.endswith(" column") and value.isdigit():
            skip_cols.add(int(value) - 1)
        first = i + 1
    body = "\n".join(rows[first:])
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=sep)
    line = first + 1
    media = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportFailed(path, line, 1, f"cannot read this line ({exc})") from None
        start, line = line, first + reader.line_num + 1
        fields = [c for i, c in enumerate(cells) if i not in skip_cols]
        if not any(f.strip() for f in fields):
            continue
        if len(fields) < 2:
            result.skipped.append(Skipped(start, "malformed", "a note needs a front and a back"))
            continue
        if any("<img" in f or "[sound:" in f for f in fields[:2]):
            media += 1
        front, back = ((html_to_text(f) if html else tidy(f)) for f in fields[:2])
        if not front or not back:
            result.skipped.append(Skipped(start, "empty card", "the front or the back is empty"))
            continue
        result.questions.append(Imported("text", front, back, start))
    if media:
        result.notes.append(Note(first + 1, f"images and sounds on {media} card(s) ignored; "
                                 "only their text was imported"))
    return result
