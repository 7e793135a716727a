"""Saving an edited bank over its file without disturbing the rest of it.

:func:`splice` rewrites only the questions that changed, and of those only
the keys whose values changed, in the file's own style (line ends, list
indentation, line width). Comments, blank lines and hand formatting
elsewhere survive, so a diff of a save shows the edit and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from quiz.bank import yamlcheck as yc
from quiz.bank.dump import FlowList, question_to_dict, to_yaml
from quiz.bank.model import Bank

# YAML's line breaks (PyYAML counts these as ends of lines, str.splitlines more).
_LINE_RE = re.compile(r"[^\r\n\x85\u2028\u2029]*(?:\r\n|[\r\n\x85\u2028\u2029])"
                      r"|[^\r\n\x85\u2028\u2029]+\Z")
_SCALARS = (str, int, float, bool)
Edit = tuple[int, int, list[str]]  # replace lines first..last (last = first - 1: insert)


@dataclass
class _Style:
    """How the file being edited is written, so new lines match the old."""

    indent_lists: bool  # `key:` then `  - item` (True) or `- item` level with the key
    width: int
    newline: str

    def dump(self, data: object) -> list[str]:
        """``data`` as YAML lines (without line ends)."""
        text = to_yaml(data, indent_lists=self.indent_lists, width=self.width)
        # The dumper writes "\n" only, and escapes every other line break inside values.
        return text.rstrip("\n").split("\n")


def _split_lines(text: str) -> list[str]:
    return _LINE_RE.findall(text)


def _questions_node(text: str) -> SequenceNode | None:
    """The ``questions:`` sequence of a bank file, or None if it cannot be read as one."""
    try:
        root = yaml.compose(text, Loader=yc.Loader)
    except yaml.YAMLError:
        return None
    if not isinstance(root, MappingNode):
        return None
    qseq = next((v for k, v in root.value if getattr(k, "value", None) == "questions"), None)
    return qseq if isinstance(qseq, SequenceNode) else None


def splice(text: str, bank: Bank, saved: dict[str, dict], changed: set[str]) -> str | None:
    """``text`` with the ``changed`` questions rewritten in place, or None if it cannot be.

    ``saved`` holds each question as ``text`` has it (``question_to_dict``).
    Only the keys whose values changed are rewritten, in the file's own style,
    so a diff shows the edit and nothing else. None means the file's shape is
    not one this can edit line by line; the caller then writes the whole bank.
    """
    qseq = _questions_node(text)
    if qseq is None or qseq.flow_style or len(qseq.value) != len(bank.questions):
        return None
    lines = _split_lines(text)
    style = _file_style(lines, qseq)
    edits: list[Edit] = []
    for node, q in zip(qseq.value, bank.questions, strict=True):
        if not isinstance(node, MappingNode) or node.flow_style:
            return None
        idnode = next((v for k, v in node.value if getattr(k, "value", None) == "id"), None)
        if not isinstance(idnode, ScalarNode) or idnode.value != q.id:
            return None  # the file's order is not the bank's: let the caller rewrite it
        if q.id not in changed or q.id not in saved:
            if q.id in changed:
                return None
            continue
        found = _edit_keys(lines, node, saved[q.id], question_to_dict(q), style)
        if found is None:
            found = _edit_whole(lines, node, question_to_dict(q), style)
        if found is None:
            return None
        edits.extend(found)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += style.newline  # something may be inserted after the last line
    # Bottom up, so earlier line numbers stay valid; two insertions at one place
    # go in the order they were made.
    ordered = sorted(enumerate(edits), key=lambda ie: (ie[1][0], ie[1][1], ie[0]), reverse=True)
    for _, (first, last, new) in ordered:
        lines[first:last + 1] = [ln + style.newline for ln in new]
    return "".join(lines)


def _file_style(lines: list[str], qseq: SequenceNode) -> _Style:
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    # A file with long lines was written unfolded: keep each value on one line.
    width = 100 if all(len(ln) <= 101 for ln in lines) else 10**6
    for node in qseq.value:
        if not isinstance(node, MappingNode):
            continue
        for k, v in node.value:
            if isinstance(v, SequenceNode) and not v.flow_style:
                indented = v.start_mark.column > k.start_mark.column
                return _Style(indented, width, newline)
    return _Style(False, width, newline)


def _edit_keys(lines: list[str], node: MappingNode, before: dict, after: dict,
               style: _Style) -> list[Edit] | None:
    """Edits that rewrite only the keys of one question whose values changed."""
    present = {k.value: (k, v) for k, v in node.value if isinstance(k, ScalarNode)}
    col = node.start_mark.column
    edits: list[Edit] = []
    order = list(after)
    for key in dict.fromkeys([*before, *after]):
        if before.get(key) == after.get(key):
            continue
        if key in present:
            knode, vnode = present[key]
            nested = _edit_items(lines, vnode, before.get(key), after.get(key), style)
            if nested is not None:
                edits.extend(nested)
                continue
            if key in after:
                value = after[key]
                if isinstance(vnode, SequenceNode) and vnode.flow_style and isinstance(value, list):
                    value = FlowList(value)  # `[a, b]` stays on one line
                edit = (_inline_scalar(lines, vnode, key, value, style)
                        or _replace_key(lines, knode, vnode, {key: value}, style))
            else:
                edit = _replace_key(lines, knode, vnode, None, style)
        elif key in after:
            # After the nearest key before it (in canonical order) that the file has.
            prev = [present[k][1] for k in order[:order.index(key)] if k in present]
            last = _last_line(prev[-1]) if prev else None
            if last is None:
                return None
            edit = (last + 1, last, [" " * col + ln for ln in style.dump({key: after[key]})])
        else:
            continue
        if edit is None:
            return None
        edits.append(edit)
    return edits


def _edit_items(lines: list[str], node: Node, before: object, after: object,
                style: _Style) -> list[Edit] | None:
    """Edits inside a list of mappings (``evidence``) that keeps its length: only the
    entries that changed are touched, so a re-anchored quote leaves its neighbours alone."""
    if not (isinstance(node, SequenceNode) and not node.flow_style
            and isinstance(before, list) and isinstance(after, list)
            and len(before) == len(after) == len(node.value)):
        return None
    edits: list[Edit] = []
    for item, old, new in zip(node.value, before, after, strict=True):
        if old == new:
            continue
        if not (isinstance(item, MappingNode) and not item.flow_style
                and isinstance(old, dict) and isinstance(new, dict)):
            return None
        found = _edit_keys(lines, item, old, new, style)
        if found is None:
            return None
        edits.extend(found)
    return edits


def _inline_scalar(lines: list[str], node: Node, key: str, value: object,
                   style: _Style) -> Edit | None:
    """A one-line scalar replaced where it stands (a comment after it survives)."""
    if not isinstance(value, _SCALARS) or not isinstance(node, ScalarNode):
        return None
    start, end = node.start_mark, node.end_mark
    if start.line != end.line or start.line >= len(lines) or node.style in ("|", ">"):
        return None
    dumped = style.dump({key: value})
    if len(dumped) != 1 or not dumped[0].startswith(f"{key}: "):
        return None
    line = lines[start.line].rstrip("\r\n")
    old = line[start.column:end.column]
    if node.style in ("'", '"'):
        ok = len(old) >= 2 and old[0] == old[-1] == node.style
    else:
        ok = old == node.value
    if not ok:  # positions not as expected: don't guess
        return None
    new = dumped[0][len(key) + 2:]
    return start.line, start.line, [line[:start.column] + new + line[end.column:]]


def _replace_key(lines: list[str], knode: Node, vnode: Node, data: dict | None,
                 style: _Style) -> Edit | None:
    """A key's lines (key through the end of its value) rewritten, or removed (``data`` None)."""
    first, col = knode.start_mark.line, knode.start_mark.column
    last = _last_line(vnode)
    if last is None or last < first or last >= len(lines):
        return None
    head = lines[first][:col]
    if head.strip() not in ("", "-"):
        return None
    if data is None:
        return None if head.strip() else (first, last, [])
    new = style.dump(data)
    return first, last, [head + new[0]] + [" " * col + ln for ln in new[1:]]


def _edit_whole(lines: list[str], node: MappingNode, data: dict,
                style: _Style) -> list[Edit] | None:
    """The whole list entry rewritten, for shapes a key-by-key edit cannot handle."""
    first, last = node.start_mark.line, _last_line(node)
    if last is None or last < first or last >= len(lines):
        return None
    head = lines[first][:node.start_mark.column]
    if head.strip() != "-":
        return None
    indent = " " * head.index("-")
    return [(first, last, [indent + ln for ln in style.dump([data])])]


def _last_line(node: Node) -> int | None:
    """The 0-based line of the last character that belongs to ``node``."""
    while isinstance(node, MappingNode | SequenceNode) and not node.flow_style:
        if not node.value:
            return None
        node = node.value[-1][1] if isinstance(node, MappingNode) else node.value[-1]
    end = node.end_mark
    # A block scalar (| or >) ends at the start of the line after it.
    if isinstance(node, ScalarNode) and node.style in ("|", ">") and end.column == 0:
        return end.line - 1
    return end.line


_NOTE_JUNK_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+")


def annotate(text: str, notes: dict[str, str]) -> str | None:
    """``text`` with each note written as a comment after its question's ``status:`` value.

    A note tells the curator why a command changed the question (``status: draft
    # quiz rebase: ...``); an earlier comment on that line is replaced. Questions
    without a ``status:`` line, and ids not in the file, are skipped. None if
    the file cannot be read as YAML.
    """
    if not notes:
        return text
    qseq = _questions_node(text)
    if qseq is None:
        return None
    lines = _split_lines(text)
    for node in qseq.value:
        if not isinstance(node, MappingNode) or node.flow_style:
            continue
        keys = {k.value: v for k, v in node.value if isinstance(k, ScalarNode)}
        qid, status = keys.get("id"), keys.get("status")
        if not isinstance(qid, ScalarNode) or qid.value not in notes:
            continue
        if not isinstance(status, ScalarNode) or status.style not in (None, ""):
            continue
        start, end = status.start_mark, status.end_mark
        if start.line != end.line or end.line >= len(lines):
            continue
        row = lines[end.line]
        body = row.rstrip("\r\n")
        newline = row[len(body):]
        note = " ".join(_NOTE_JUNK_RE.sub(" ", notes[qid.value]).split())
        lines[end.line] = f"{body[:end.column]}  # {note}{newline}"
    return "".join(lines)
