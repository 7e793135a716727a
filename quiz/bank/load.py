"""Reading and checking ``bank.yaml`` files (format 1).

The loader is strict, loud and safe: it never constructs arbitrary objects
(it walks composed nodes itself), refuses aliases, deep nesting, huge files,
duplicate and unknown keys and YAML 1.1 coercions, checks every evidence
quote against the bank's article, and reports *all* problems of a file at
once as ``file:line:col`` diagnostics. A bank that loads is kept in
:mod:`quiz.bank.cache`; :mod:`quiz.bank.dump` writes banks.
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from quiz.bank import article as article_mod
from quiz.bank import cache
from quiz.bank import yamlcheck as yc
from quiz.bank.article import Article, ArticleError, QuoteIndex, normalise_ws
from quiz.bank.files import BANK_FILE, ID_RE, bank_file, find_bank_files
from quiz.bank.grounding import Ungrounded, grounding_problems
from quiz.bank.model import (
    FORMAT_VERSION,
    QUESTION_TYPES,
    STATUSES,
    Answer,
    Bank,
    Evidence,
    Question,
    Source,
)
from quiz.bank.normalize import fold
from quiz.bank.readfile import NotReadable, read_capped
from quiz.bank.yamlcheck import Diagnostic, Problem

__all__ = ["BankError", "Diagnostic", "check_bank", "find_bank_files", "load_bank"]

MAX_BYTES = 8 * 1024 * 1024  # a 10,000-question bank is ~4 MiB
MAX_DEPTH = 32

TOP_KEYS = ("format", "id", "title", "description", "locale", "source", "questions")
SOURCE_KEYS = ("file", "title", "url", "license", "author")
QUESTION_KEYS = (
    "id", "type", "prompt", "choices", "answer", "items", "accept", "tolerance", "unit",
    "person", "evidence", "hints", "explanation", "difficulty", "confidence", "tags", "origin",
    "status",
)
EVIDENCE_KEYS = ("quote", "prefix", "suffix", "section")
# Keys only some types may have; anything else on that type is a mistake.
TYPE_KEYS = {
    "choice": {"choices", "answer", "person"},
    "multi": {"choices", "answer"},
    "truefalse": {"answer"},
    "text": {"answer", "accept", "person"},
    "number": {"answer", "accept", "tolerance", "unit"},
    "order": {"items"},
}
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f]")
_LOCALE_RE = re.compile(r"[a-z]{2,3}(?:-[A-Z]{2})?")
_ORIGIN_RE = re.compile(r"curated|generated:[a-z0-9_-]+|imported(:[a-z0-9_-]+)?")


class BankError(Exception):
    """The bank could not be loaded; ``diagnostics`` says every reason."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__("\n".join(d.format() for d in diagnostics))


# --------------------------------------------------------------------------- reading


@dataclass
class _Ctx:
    path: str
    diags: list[Diagnostic] = field(default_factory=list)
    qid: str | None = None

    def add(self, node: Node | None, message: str) -> None:
        line, col = yc.pos(node)
        self.diags.append(Diagnostic(self.path, line, col, message, self.qid))

    def at(self, line: int, col: int, message: str) -> None:
        self.diags.append(Diagnostic(self.path, line, col, message, self.qid))

    def problem(self, p: Problem) -> None:
        self.add(p.node, p.message)


def _read_text(path: Path, ctx: _Ctx) -> str | None:
    try:
        raw = read_capped(path, MAX_BYTES)
    except NotReadable as exc:
        if exc.reason == "size":
            ctx.at(1, 1, f"the file is {exc.size / 2**20:.1f} MiB, over the "
                   f"{MAX_BYTES // 2**20} MiB limit for a bank; split it into several banks")
        else:
            ctx.at(1, 1, f"this is {exc.reason}, not a regular file; a bank must be a plain "
                   "text file")
        return None
    except FileNotFoundError:
        ctx.at(1, 1, "no such file; give a bank.yaml or a folder that holds one")
        return None
    except OSError as exc:
        ctx.at(1, 1, f"cannot read the file ({exc.strerror}); check its permissions")
        return None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        ctx.at(1, 1, "the file is UTF-16 (as some editors save \"Unicode\"); save it as UTF-8")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        ctx.at(line, col, f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); "
               "save it as UTF-8")
        return None
    text = text.removeprefix("\ufeff")
    if not any(ln.strip() and not ln.lstrip().startswith("#") for ln in text.splitlines()):
        ctx.at(1, 1, "the file holds no bank (it is empty or only comments); a bank starts "
               "with `format: 1`, then id, title, source and questions")
        return None
    bad_tab = False
    for n, row in enumerate(text.splitlines(), 1):
        indent = row[: len(row) - len(row.lstrip(" \t"))]
        if "\t" in indent:
            ctx.at(n, indent.index("\t") + 1,
                   "a tab is used for indentation; YAML allows only spaces there: "
                   "indent with spaces")
            bad_tab = True
    return None if bad_tab else text


def _yaml_error(exc: yaml.YAMLError, ctx: _Ctx, text: str) -> None:
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML refuses; no marks here
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        # libyaml counts bytes, PyYAML characters; the reader refuses such a character
        # anywhere, so its first occurrence is the one reported.
        at = text.find(chr(code))
        at = exc.position if at < 0 else at
        before = text[:at]
        line, col = before.count("\n") + 1, at - (before.rfind("\n") + 1) + 1
        ctx.at(line, col, f"the control character U+{code:04X} is not allowed in a bank file; "
               f"remove it, or inside double quotes write it as an escape (\"\\x{code:02x}\")")
        return
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None) or ""
    start = getattr(exc, "context_mark", None)
    if ("escape" in problem or "hexdecimal" in problem) and start is not None:
        # Both parsers report it within the scalar; where the quote opens is stable.
        line, col = start.line + 1, start.column + 1
        msg = yc.escape_message(_escape_near(text, mark) if mark else "\\")
    elif "maximum nesting depth" in problem:  # libyaml's own limit (1000 levels)
        line, col = _too_deep_at(text)  # report where our limit is passed, as for 40 levels
        msg = yc.nesting_message(MAX_DEPTH)
    elif "quoted scalar" in context and start is not None:
        # Where the quote opens is what the author must look at, not the end of the file.
        line, col = start.line + 1, start.column + 1
        msg = ("this quoted text is never closed; add the closing quote (inside \"...\" "
               "write a quote as \\\", inside '...' double it as '')")
    elif "flow sequence" in context or "flow mapping" in context:
        opener = "[" if "sequence" in context else "{"
        where = f" opened on line {start.line + 1}" if start is not None else ""
        msg = (f"YAML syntax: {problem} in the `{opener}`{where}; close it, and quote items "
               "that contain `,` `[` `]` `{` `}` or `: `")
    elif "expected a single document" in problem or "but found another document" in str(exc):
        msg = "more than one YAML document (`---`); a bank file holds exactly one"
    elif start is not None and ("expected '-' indicator" in problem or (
            "<block end>" in problem and "block collection" in context)):
        msg = (f"line {line} is indented wrong: it sits inside the list that starts on line "
               f"{start.line + 1}, whose items start with `- ` at column {start.column + 1}; "
               "start it with `- ` there, or indent it to line up with the lines above it")
    elif start is not None and ("expected key" in problem or (
            "<block end>" in problem and "block mapping" in context)):
        msg = (f"line {line} is indented wrong: it sits inside the `key: value` lines that "
               f"start on line {start.line + 1} at column {start.column + 1}, but is not one; "
               "line it up with the keys above it, or indent it further under one of them")
    elif "found character '\\t'" in problem:
        msg = "a tab where YAML allows only spaces; indent with spaces"
    elif "mapping values are not allowed" in problem and (above := _deeper_than_above(text, line)):
        msg = (f"line {line} is indented further than line {above}, so YAML reads it as more "
               f"of the value on line {above}; line its key up with the keys above it")
    elif "could not find expected ':'" in problem and start is not None:
        line, col = start.line + 1, start.column + 1
        msg = (f"line {line} is not a `key: value` line; add the `: `, or if it continues the "
               "text of the line above, indent it further than that line's key")
    elif "scanning an anchor" in context or "scanning an alias" in context:
        sign = "&" if "anchor" in context else "*"
        msg = (f"`{sign}` at the start of a value begins an {context.split()[-1]}, which a bank "
               f"does not use; quote the value if the `{sign}` is part of the text")
    elif "tag" in problem or "tag" in context:
        msg = ("`!` at the start of a value begins a tag, which a bank does not use; quote the "
               "value if the `!` is part of the text")
    elif "cannot start any token" in problem:
        msg = ("a value cannot start with `@`, `` ` `` or `%` (YAML reserves them); quote the "
               "value")
    else:
        msg = f"YAML syntax: {problem}" + (f" ({context})" if context else "")
        if "mapping values are not allowed" in problem:
            msg += "; a value containing ': ' must be quoted"
    ctx.at(line, col, msg)


_ESCAPE_RE = re.compile(r"\\(?:u[0-9a-fA-F]{4}(?:\\u[0-9a-fA-F]{4})?|U[0-9a-fA-F]{8}"
                        r"|[xuU][0-9a-fA-F]*|.?)")


def _escape_near(text: str, mark: _Place) -> str:
    """The backslash escape the parser stopped in (its mark is inside or just after it)."""
    lines = text.split("\n")
    row = lines[mark.line] if 0 <= mark.line < len(lines) else ""
    at = row.rfind("\\", 0, mark.column + 1)
    if at < 0:
        return "\\"
    m = _ESCAPE_RE.match(row, at)
    return m[0] if m else "\\"


def _deeper_than_above(text: str, line: int) -> int | None:
    """The line above ``line`` (1-based) if ``line`` is indented further than it, else None."""
    rows = text.split("\n")
    if not 2 <= line <= len(rows):
        return None
    here = rows[line - 1]
    for n in range(line - 1, 0, -1):
        row = rows[n - 1]
        if row.strip() and not row.lstrip().startswith("#"):
            lead = len(row) - len(row.lstrip(" -"))
            return n if len(here) - len(here.lstrip(" ")) > lead else None
    return None


class _Place(Protocol):
    """Where an event starts (the C and the pure-Python parser each have a Mark class)."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


def _start(event: yaml.Event) -> _Place:
    # Events are typed with an optional mark because they can be built by hand.
    assert event.start_mark is not None, "the parser marks where every event starts"
    return event.start_mark


def _reject_aliases(text: str, ctx: _Ctx) -> bool:
    """True if the file uses anchors or aliases (checked only when it could).

    Events are read without expanding anything, so an alias bomb costs nothing;
    each anchor is reported once (with its uses counted), since a bomb has thousands.
    """
    if "&" not in text and "*" not in text:
        return False
    anchors: dict[str, tuple[_Place, int, _Place | None]] = {}
    try:
        for event in yaml.parse(text, Loader=yc.Loader):
            name = getattr(event, "anchor", None)
            if name is None:
                continue
            start = _start(event)
            mark, uses, first = anchors.get(name, (start, 0, None))
            if isinstance(event, yaml.AliasEvent):
                anchors[name] = (mark, uses + 1, first or start)
            else:
                anchors[name] = (mark, uses, first)
    except yaml.YAMLError:
        pass  # the composer reports syntax errors
    for name, (mark, uses, first) in anchors.items():
        if mark is first:  # used before (or without) being defined
            msg = (f"aliases (`*{name}`) are not allowed in a bank, and this one names no "
                   "anchor; write the value out in full")
        elif uses:
            where = f", first on line {first.line + 1}" if first is not None else ""
            msg = (f"anchors and aliases are not allowed in a bank: `&{name}` is used by "
                   f"{uses} alias{'es' * (uses != 1)} (`*{name}`{where}); write each value "
                   "out in full")
        else:
            msg = f"anchors (`&{name}`) are not allowed in a bank; remove it"
        ctx.at(mark.line + 1, mark.column + 1, msg)
    return bool(anchors)


def _compose(text: str, ctx: _Ctx) -> Node | None:
    if _reject_aliases(text, ctx):
        return None
    try:
        return yaml.compose(text, Loader=yc.Loader)
    except yaml.YAMLError as exc:
        _yaml_error(exc, ctx, text)
        return None
    except ValueError:  # the pure-Python scanner's chr() of an escape past U+10FFFF
        ctx.at(1, 1, yc.escape_message("\\U00110000"))
        return None
    except RecursionError:  # the pure-Python composer recurses; find the spot without it
        line, col = _too_deep_at(text)
        ctx.at(line, col, yc.nesting_message(MAX_DEPTH))
        return None


def _too_deep_at(text: str) -> tuple[int, int]:
    """Where nesting first goes past MAX_DEPTH, read from the (iterative) parser's events.

    libyaml's scanner looks far ahead inside ``[[[...`` and fails at its own limit
    before the events get deep, so the pure-Python parser is the fallback here
    (only ever on this error path).
    """
    for loader in dict.fromkeys((yc.Loader, yaml.SafeLoader)):
        open_ = 0
        try:
            for event in yaml.parse(text, Loader=loader):
                if isinstance(event, yaml.CollectionEndEvent):
                    open_ -= 1
                elif isinstance(event, yaml.NodeEvent) and open_ + 1 > MAX_DEPTH:
                    start = _start(event)
                    return start.line + 1, start.column + 1
                elif isinstance(event, yaml.CollectionStartEvent):
                    open_ += 1
        except yaml.YAMLError:
            continue
    return 1, 1


def _field(ctx: _Ctx, items: dict, key: str, build, *args, required: bool = False,
           owner: Node | None = None, what: str | None = None, default=None):
    """Build one value with ``build``; a problem becomes a diagnostic and ``default``."""
    if key not in items:
        if required:
            name = what or key
            ctx.add(owner, f"missing `{name}`" + _MISSING_HELP.get(name, ""))
        return default
    try:
        return build(items[key][1], what or key, *args)
    except Problem as p:
        ctx.problem(p)
        return default


def _as_confidence(node: Node, what: str) -> float:
    expect = "a number from 0 to 1 (how sure the generator was of the draft)"
    value = yc.as_number(node, what, expect)
    if not 0 <= value <= 1:
        raise yc.Problem(node, f"`{what}` must be {expect}, not `{node.value}`")
    return float(value)


_MISSING_HELP = {
    "format": "; write `format: 1` at the top",
    "id": "; give it a stable id of lowercase letters, digits and `-_.`, e.g. `demolition-date`",
    "title": "; give the bank a `title` (the picker shows it)",
    "type": "; say which kind of question: " + ", ".join(QUESTION_TYPES),
    "prompt": "; write the question the player is asked",
    "quote": "; copy the words from the article that prove the answer",
    "source.file": "; name the article file next to the bank, e.g. `file: article.txt`",
    "source.title": "; give the article's title",
    "answer": "; say what counts as correct",
    "items": "; an order question lists its `items` in the right order",
    "evidence": "; every question needs a `quote` from the article that proves its answer",
    "choices": "; list the options under `choices`",
    "questions": "; add a `questions:` list",
}


def _sequence_of_maps(ctx: _Ctx, node: Node, what: str) -> list[MappingNode]:
    if not isinstance(node, SequenceNode):
        ctx.add(node, f"`{what}` must be a list of `- key: value` entries, not {yc.kind(node)}")
        return []
    out = []
    for item in node.value:
        if isinstance(item, MappingNode):
            out.append(item)
        else:
            ctx.add(item, f"each entry of `{what}` must be a mapping (key: value lines), "
                    f"not {yc.kind(item)}")
    return out


def _parse_evidence(ctx: _Ctx, node: Node) -> list[tuple[Evidence, MappingNode]]:
    out = []
    for item in _sequence_of_maps(ctx, node, "evidence"):
        items, problems = yc.mapping_items(item, "evidence", EVIDENCE_KEYS)
        for p in problems:
            ctx.problem(p)
        quote = _field(ctx, items, "quote", yc.as_str, required=True, owner=item)
        if quote is None:
            continue
        ev = Evidence(
            quote=quote,
            prefix=_field(ctx, items, "prefix", yc.as_str),
            suffix=_field(ctx, items, "suffix", yc.as_str),
            section=_field(ctx, items, "section", yc.as_str),
        )
        out.append((ev, item))
    return out


@dataclass
class _Parsed:
    question: Question
    node: MappingNode
    items: dict[str, tuple[Node, Node]]
    evidence_nodes: list[MappingNode]
    answer_ok: bool = True  # False: the answer is unusable, but the quotes are still checked


def _parse_question(ctx: _Ctx, node: MappingNode) -> _Parsed:
    items, problems = yc.mapping_items(node, "a question", QUESTION_KEYS)
    ctx.qid = None
    qid = _field(ctx, items, "id", yc.as_str, required=True, owner=node)
    if qid is not None and not ID_RE.fullmatch(qid):
        ctx.add(items["id"][1], f"question id `{yc.short(qid)}` must be lowercase letters, "
                "digits and `-_.` (e.g. `demolition-date`)")
    ctx.qid = qid
    for p in problems:
        ctx.problem(p)
    qtype = _field(ctx, items, "type", yc.as_str, required=True, owner=node)
    if qtype is not None and qtype not in QUESTION_TYPES:
        ctx.add(items["type"][1], f"unknown question type `{yc.short(qtype)}`"
                + (yc.did_you_mean(qtype, QUESTION_TYPES)
                   or f"; use one of {', '.join(QUESTION_TYPES)}"))
        qtype = None
    prompt = _field(ctx, items, "prompt", yc.as_str, required=True, owner=node)
    # A draft may wait for its passage (imported questions are grounded later with
    # `quiz ground`); anything a player can be asked must quote one.
    status_node = items.get("status", (None, None))[1]
    is_draft = isinstance(status_node, ScalarNode) and status_node.value == "draft"
    evidence = _field(ctx, items, "evidence", lambda n, w: _parse_evidence(ctx, n),
                      required=not is_draft, owner=node, default=[])
    enode = items["evidence"][1] if "evidence" in items else None
    if isinstance(enode, SequenceNode) and not enode.value:
        ctx.add(items["evidence"][1], "`evidence` is empty; quote the passage that proves the "
                "answer")
    q = Question(
        id=qid or "", type=qtype or "", prompt=prompt or "", answer="",
        evidence=[e for e, _ in evidence],
        hints=_field(ctx, items, "hints", yc.as_str_list, default=[]),
        explanation=_field(ctx, items, "explanation", yc.as_str, default=""),
        difficulty=_field(ctx, items, "difficulty", yc.as_int, 1, 3, default=2),
        tags=_field(ctx, items, "tags", yc.as_str_list, default=[]),
        origin=_field(ctx, items, "origin", yc.as_str, default="curated"),
        status=_field(ctx, items, "status", yc.as_str, default="approved"),
        confidence=_field(ctx, items, "confidence", _as_confidence, default=None),
        line=node.start_mark.line + 1,
    )
    if q.status not in STATUSES:
        ctx.add(items["status"][1], f"unknown status `{yc.short(q.status)}`"
                + (yc.did_you_mean(q.status, STATUSES) or f"; use one of {', '.join(STATUSES)}"))
    if not _ORIGIN_RE.fullmatch(q.origin):
        ctx.add(items["origin"][1], f"origin `{yc.short(q.origin)}` must be `curated` or "
                "`generated:<rule>`")
    if qtype is None:
        return _Parsed(q, node, items, [n for _, n in evidence])
    for key in ("choices", "answer", "items", "accept", "tolerance", "unit", "person"):
        if key in items and key not in TYPE_KEYS[qtype]:
            ctx.add(items[key][0], _wrong_key_message(qtype, key))
    ok = _parse_answer(ctx, q, items, node)
    return _Parsed(q, node, items, [n for _, n in evidence], answer_ok=ok)


def _wrong_key_message(qtype: str, key: str) -> str:
    if qtype == "order" and key == "answer":
        return "an order question has no `answer`; list its `items` in the right order"
    if key == "items":
        return f"`items` belongs to order questions; a {qtype} question uses `answer`"
    users = [t for t, keys in TYPE_KEYS.items() if key in keys]
    return f"a {qtype} question has no `{key}` (only {', '.join(users)} questions do); remove it"


def _parse_answer(ctx: _Ctx, q: Question, items: dict, node: MappingNode) -> bool:
    """Fill in the type-specific fields; False if the answer itself is unusable."""
    t = q.type
    n_before = len(ctx.diags)
    if "person" in TYPE_KEYS.get(t, ()):
        q.person = _field(ctx, items, "person", yc.as_bool, default=False)
    if t in ("choice", "multi"):
        choices = _field(ctx, items, "choices", yc.as_str_list, required=True, owner=node)
        q.choices = choices or []
        folded = [fold(c) for c in q.choices]
        if choices is not None and len(choices) < 2:  # (a malformed list is reported already)
            ctx.add(items["choices"][1], "a question needs at least 2 `choices`")
        for i, f in enumerate(folded):
            if f in folded[:i]:
                ctx.add(items["choices"][1].value[i], f"choice `{yc.short(q.choices[i])}` "
                        "is listed twice (ignoring case and punctuation)")
    # Each type's answer is read into a variable of its own type; a missing or
    # malformed one is None, is reported already, and leaves ``q.answer`` alone.
    answer: Answer | None = None
    if t == "choice":
        chosen: str | None = _field(ctx, items, "answer", yc.as_str, required=True, owner=node)
        if chosen is not None and q.choices and chosen not in q.choices:
            ctx.add(items["answer"][1], f"answer `{yc.short(chosen)}` is not one of the "
                    "`choices`; copy it exactly from the list")
        answer = chosen
    elif t == "multi":
        picked: list[str] | None = _field(ctx, items, "answer", yc.as_str_list, required=True,
                                          owner=node)
        if picked is not None:
            if not picked:
                ctx.add(items["answer"][1], "a multi question needs at least one answer")
            for i, a in enumerate(picked):
                if q.choices and a not in q.choices:
                    ctx.add(items["answer"][1].value[i], f"answer `{yc.short(a)}` is not one "
                            "of the `choices`; copy it exactly from the list")
                elif a in picked[:i]:
                    ctx.add(items["answer"][1].value[i], f"answer `{yc.short(a)}` is listed "
                            "twice")
        answer = picked
    elif t == "truefalse":
        answer = _field(ctx, items, "answer", yc.as_bool, required=True, owner=node)
    elif t == "text":
        answer = _field(ctx, items, "answer", yc.as_str, required=True, owner=node)
        q.accept = _field(ctx, items, "accept", yc.as_str_list, default=[])
    elif t == "number":
        number: int | float | None = _field(ctx, items, "answer", yc.as_number, required=True,
                                            owner=node)
        q.accept = _field(ctx, items, "accept", yc.as_str_list, default=[])
        q.tolerance = _field(ctx, items, "tolerance", yc.as_number, default=0)
        q.unit = _field(ctx, items, "unit", yc.as_str)
        if q.tolerance is not None and q.tolerance < 0:
            ctx.add(items["tolerance"][1], "`tolerance` cannot be negative; write how far "
                    "off an answer may be and still count, e.g. `tolerance: 0.5`")
        answer = number
    elif t == "order":
        ordered: list[str] | None = _field(ctx, items, "items", yc.as_str_list, required=True,
                                           owner=node)
        if ordered is not None:
            if len(ordered) < 2:
                ctx.add(items["items"][1], "an order question needs at least 2 `items`")
            seen = [fold(a) for a in ordered]
            for i, f in enumerate(seen):
                if f in seen[:i]:
                    ctx.add(items["items"][1].value[i], f"item `{yc.short(ordered[i])}` is "
                            "listed twice")
        answer = ordered
    if answer is None:
        return False
    q.answer = answer
    return len(ctx.diags) == n_before


# --------------------------------------------------------------------------- evidence


def _resolve_evidence(ctx: _Ctx, idx: QuoteIndex, ev: Evidence, node: MappingNode) -> bool:
    # A key that is not a word (`[a, b]: x`) was reported while parsing; skip it here.
    items = {k.value: v for k, v in node.value if isinstance(k, ScalarNode)}
    qnode = items.get("quote", node)
    needle = normalise_ws(ev.quote)
    hits = idx.find_all(needle)
    fname = Path(idx.article.path).name
    if not hits:
        n = idx.longest_match(needle)
        if n >= 12:
            at = idx.norm.find(needle[:n])
            ctx.add(qnode, f"quote not found in {fname}: it matches up to "
                    f"`…{yc.short(needle[max(0, n - 25):n], 30)}` but then the quote has "
                    f"`{yc.short(needle[n:], 20)}` where the article has "
                    f"`{yc.short(idx.norm[at + n:at + n + 20], 20)}`; copy the text exactly")
        else:
            ctx.add(qnode, f"quote not found in {fname}; copy the text exactly from the "
                    "article")
        return False
    if ev.section is not None:
        sec = idx.sections.get(ev.section)
        if sec is None:
            names = list(idx.sections)
            ctx.add(items["section"], f"no section `{yc.short(ev.section)}` in {fname}"
                    + (yc.did_you_mean(ev.section, names) or f"; sections: {', '.join(names)}"))
            return False
        # section_at, not the heading's span: the infobox belongs to the lead section.
        hits = [h for h in hits
                if idx.article.section_title_at(idx.offsets[h]) == ev.section]
        if not hits:
            ctx.add(items["section"], f"the quote is not in section `{ev.section}`; fix "
                    "`section` or remove it")
            return False
    if ev.prefix is not None:
        pre = normalise_ws(ev.prefix)
        hits = [h for h in hits if idx.norm[:h].rstrip().endswith(pre)]
    if ev.suffix is not None:
        suf = normalise_ws(ev.suffix)
        hits = [h for h in hits if idx.norm[h + len(needle):].lstrip().startswith(suf)]
    if not hits:
        ctx.add(qnode, "the quote occurs in the article, but never with this `prefix`/"
                "`suffix`; copy them exactly from the text around the quote")
        return False
    if len(hits) > 1:
        lines = ", ".join(str(idx.line_of(h)) for h in hits[:5])
        ctx.add(qnode, f"quote occurs {len(hits)} times in {fname} (lines {lines}); add "
                "`prefix:` (text just before) or `suffix:` (text just after) to say which, "
                "or quote more")
        return False
    h = hits[0]
    ev.start = idx.offsets[h]
    ev.end = idx.offsets[h + len(needle) - 1] + 1
    ev.section_title = idx.article.section_title_at(ev.start)
    return True


def _grounding_node(p: _Parsed, problem: Ungrounded) -> Node:
    """Where a grounding problem is reported: the answer, or the accepted form itself."""
    if problem.field == "accept" and "accept" in p.items:
        forms = p.items["accept"][1]
        if isinstance(forms, SequenceNode) and problem.index < len(forms.value):
            return forms.value[problem.index]
        return forms
    return p.items["answer"][1] if "answer" in p.items else p.node


def _check_against_article(ctx: _Ctx, parsed: list[_Parsed], article: Article) -> None:
    idx = QuoteIndex(article)
    for p in parsed:
        ctx.qid = p.question.id
        ok = True
        for ev, enode in zip(p.question.evidence, p.evidence_nodes, strict=True):
            ok = _resolve_evidence(ctx, idx, ev, enode) and ok
        q = p.question
        if ok and p.answer_ok:
            for problem in grounding_problems(q):
                ctx.add(_grounding_node(p, problem), problem.message)
    ctx.qid = None


# --------------------------------------------------------------------------- the bank


def _build(path: Path, ctx: _Ctx) -> Bank | None:
    text = _read_text(path, ctx)
    if text is None:
        return None
    root = _compose(text, ctx)
    if root is None:
        if not ctx.diags:
            ctx.at(1, 1, "the file holds no YAML document")
        return None
    problems, bomb = yc.tree_problems(root, MAX_DEPTH)
    for problem in problems:
        ctx.problem(problem)
    if bomb:  # a nesting bomb: nothing in it is worth reading further
        return None
    if not isinstance(root, MappingNode):
        ctx.add(root, "a bank file must be a mapping that starts with `format: 1`, "
                f"not {yc.kind(root)}")
        return None
    items, problems = yc.mapping_items(root, "the bank", TOP_KEYS)
    for problem in problems:
        ctx.problem(problem)
    fmt = _field(ctx, items, "format", yc.as_int, 1, 99, required=True, owner=root)
    if fmt is not None and fmt != FORMAT_VERSION:
        ctx.add(items["format"][1], f"this quiz reads bank format {FORMAT_VERSION}, not {fmt}; "
                "upgrade quiz or convert the bank")
        return None
    bank_id = _field(ctx, items, "id", yc.as_str, required=True, owner=root)
    if bank_id is not None and not ID_RE.fullmatch(bank_id):
        ctx.add(items["id"][1], f"bank id `{yc.short(bank_id)}` must be lowercase letters, "
                "digits and `-_.`")
    title = _field(ctx, items, "title", yc.as_str, required=True, owner=root)
    description = _field(ctx, items, "description", yc.as_str, default="")
    locale = _field(ctx, items, "locale", yc.as_str)
    if locale is not None and not _LOCALE_RE.fullmatch(locale):
        ctx.add(items["locale"][1], f"locale `{yc.short(locale)}` is not a language tag; "
                "write e.g. `en-US` (dates read month first) or `en-GB`")
        locale = None
    source = _parse_source(ctx, items, root)
    qnodes = []
    if "questions" in items:
        qnodes = _sequence_of_maps(ctx, items["questions"][1], "questions")
    else:
        ctx.add(root, "missing `questions`" + _MISSING_HELP["questions"])

    parsed: list[_Parsed] = []
    seen: dict[str, int] = {}
    for qnode in qnodes:
        p = _parse_question(ctx, qnode)
        qid = ctx.qid
        if qid is not None and qid in seen:
            ctx.add(p.items["id"][1],
                    f"duplicate question id `{qid}` (first on line {seen[qid]}); ids are never "
                    "reused: give this question a new one")
        elif qid is not None:
            seen[qid] = qnode.start_mark.line + 1
        ctx.qid = None
        parsed.append(p)

    article = None
    if source is not None:
        apath = path.parent / source.file
        try:
            article = article_mod.load_article(apath)
        except FileNotFoundError:
            ctx.add(_source_file_node(items), f"the article `{source.file}` is not in the "
                    "bank's folder; put it there or fix `source.file`")
        except ArticleError as exc:
            ctx.diags.append(Diagnostic(exc.path, exc.line, exc.col, exc.message))
        except OSError as exc:
            ctx.add(items["source"][1], f"cannot read the article `{source.file}` "
                    f"({exc.strerror})")
    if article is not None:
        _check_against_article(ctx, parsed, article)
    if ctx.diags or bank_id is None or title is None or source is None:
        return None
    return Bank(
        id=bank_id, title=title, source=source, description=description or "", locale=locale,
        questions=[p.question for p in parsed], path=path, _article=article,
    )


def _source_file_node(items: dict) -> Node:
    """The value of ``source.file`` (where an article problem is reported)."""
    node = items["source"][1]
    return next((v for k, v in node.value if isinstance(k, ScalarNode) and k.value == "file"),
                node)


def _parse_source(ctx: _Ctx, items: dict, root: MappingNode) -> Source | None:
    if "source" not in items:
        ctx.add(root, "missing `source`; say which article the bank is grounded in "
                "(`source: {file: article.txt, title: ...}`)")
        return None
    node = items["source"][1]
    if not isinstance(node, MappingNode):
        ctx.add(node, f"`source` must be a mapping with `file` and `title`, not {yc.kind(node)}")
        return None
    sitems, problems = yc.mapping_items(node, "source", SOURCE_KEYS)
    for p in problems:
        ctx.problem(p)
    file = _field(ctx, sitems, "file", yc.as_str, required=True, owner=node, what="source.file")
    title = _field(ctx, sitems, "title", yc.as_str, required=True, owner=node,
                   what="source.title")
    if file is not None and (bad := _CONTROL_RE.search(file)):
        ctx.add(sitems["file"][1], f"`source.file` holds the control character "
                f"U+{ord(bad[0]):04X}; write the article's plain file name, e.g. `article.txt`")
        file = None
    if file is not None and (Path(file).is_absolute() or ".." in Path(file).parts):
        ctx.add(sitems["file"][1], "`source.file` must be a file name next to the bank, "
                "not a path outside it")
        file = None
    if file is None or title is None:
        return None
    return Source(
        file=file, title=title,
        url=_field(ctx, sitems, "url", yc.as_str), license=_field(ctx, sitems, "license",
                                                                   yc.as_str),
        author=_field(ctx, sitems, "author", yc.as_str),
    )



def check_bank(path: str | Path, *, use_cache: bool = True) -> tuple[Bank | None, list[Diagnostic]]:
    """Load a bank and return it with its diagnostics (the bank is None on any error)."""
    p = bank_file(path)
    key = cache.key(p) if use_cache else None
    if key is not None and (cached := cache.get(key)) is not None:
        cached.path = p
        return cached, []
    ctx = _Ctx(str(path) if Path(path).name == BANK_FILE or not Path(path).is_dir() else str(p))
    # Building a large bank creates hundreds of thousands of objects and nothing
    # cyclic to collect: pausing the cycle collector makes cold loads ~3x faster.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        bank = _build(p, ctx)
    except RecursionError:
        ctx.at(1, 1, yc.nesting_message(MAX_DEPTH))
        bank = None
    finally:
        if gc_was_on:
            gc.enable()
    # Two checks may catch the same fault (a tag, say): report it once, with its question.
    unique: dict[tuple, Diagnostic] = {}
    for d in ctx.diags:
        same = (d.path, d.line, d.col, d.message)
        if same not in unique or unique[same].question_id is None:
            unique[same] = d
    diags = list(unique.values())
    diags.sort(key=lambda d: (d.path != ctx.path, d.path, d.line, d.col))
    ctx.diags = diags
    if bank is not None and key is not None:
        cache.put(key, bank)
    return bank, ctx.diags


def load_bank(path: str | Path, *, use_cache: bool = True) -> Bank:
    """Load a bank or raise :class:`BankError` with every problem found."""
    bank, diags = check_bank(path, use_cache=use_cache)
    if bank is None:
        raise BankError(diags)
    return bank
