"""Reading YAML strictly: node walking with positions, and no YAML 1.1 surprises.

The bank loader composes the file into nodes (C-accelerated when libyaml is
present) and builds values itself from those nodes, so it knows the line and
column of every value and can refuse what ``yaml.safe_load`` would silently
coerce (``no`` -> False, ``012`` -> 10, ``12:30`` -> 750, ``1.10`` -> 1.1).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (TAG + t for t in ("str", "int", "float", "bool", "null"))
KNOWN_SCALAR_TAGS = {STR, INT, FLOAT, BOOL, NULL, TAG + "timestamp", TAG + "binary"}

_PLAIN_INT_RE = re.compile(r"-?(?:0|[1-9][0-9]*)")
_PLAIN_FLOAT_RE = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in a file, compiler style. Lines and columns count from 1."""

    path: str
    line: int
    col: int
    message: str
    question_id: str | None = None
    severity: str = "error"

    def format(self) -> str:
        where = f"question '{self.question_id}': " if self.question_id else ""
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {where}{self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.path, "line": self.line, "column": self.col,
            "severity": self.severity, "question": self.question_id, "message": self.message,
        }


class Problem(Exception):
    """A value is wrong; raised while building a value, turned into a Diagnostic."""

    def __init__(self, node: Node | None, message: str) -> None:
        super().__init__(message)
        self.node, self.message = node, message


def pos(node: Node | None) -> tuple[int, int]:
    if node is None:
        return (1, 1)
    return node.start_mark.line + 1, node.start_mark.column + 1


def kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping (key: value lines)"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag == NULL:
        return "nothing (an empty value)"
    return f"`{short(node.value)}`"


def short(text: str, limit: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def did_you_mean(word: str, options: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


def depth(node: Node, limit: int) -> tuple[int, Node]:
    """Depth of ``node`` (stopping at ``limit``) and the deepest node reached."""
    best, deepest = 1, node
    stack: list[tuple[Node, int]] = [(node, 1)]
    while stack:
        n, d = stack.pop()
        if d > best:
            best, deepest = d, n
        if d >= limit:
            break
        if isinstance(n, SequenceNode):
            stack.extend((c, d + 1) for c in n.value)
        elif isinstance(n, MappingNode):
            stack.extend((v, d + 1) for _, v in n.value)
    return best, deepest


def plain(node: ScalarNode) -> bool:
    """An unquoted scalar (libyaml says '' where the pure-Python parser says None)."""
    return not node.style


def _surprise(node: ScalarNode) -> str | None:
    """If YAML 1.1 would read this plain scalar as something other than its text, say what."""
    text, tag = node.value, node.tag
    if tag == BOOL:
        word = "true" if text.lower() in ("yes", "y", "true", "on") else "false"
        return f"YAML reads `{text}` as the boolean {word}"
    if tag == INT and not _PLAIN_INT_RE.fullmatch(text):
        if ":" in text:
            return f"YAML 1.1 reads `{text}` as a base-60 number"
        if re.fullmatch(r"[-+]?0[0-7_]+", text):
            return f"YAML 1.1 reads `{text}` as an octal number (leading zero)"
        return f"YAML reads `{text}` as the number {int(yaml.load(text, Loader=Loader))}"
    if tag == FLOAT and (
        not _PLAIN_FLOAT_RE.fullmatch(text) or repr(float(text)) != text.lstrip("+")
    ):
        if ":" in text:
            return f"YAML 1.1 reads `{text}` as a base-60 number"
        value = yaml.load(text, Loader=Loader)
        return f"YAML reads `{text}` as the number {value!r}"
    if tag == TAG + "timestamp":
        return f"YAML reads `{text}` as a date"
    return None


def check_tag(node: Node) -> None:
    if isinstance(node, ScalarNode) and node.tag not in KNOWN_SCALAR_TAGS:
        raise Problem(node, f"the tag `{node.tag}` is not allowed in a bank; remove it")
    if isinstance(node, MappingNode) and node.tag != TAG + "map":
        raise Problem(node, f"the tag `{node.tag}` is not allowed in a bank; remove it")
    if isinstance(node, SequenceNode) and node.tag != TAG + "seq":
        raise Problem(node, f"the tag `{node.tag}` is not allowed in a bank; remove it")


def as_str(node: Node, what: str, *, allow_empty: bool = False) -> str:
    """Text. A plain scalar whose YAML 1.1 reading differs from its text is refused."""
    if not isinstance(node, ScalarNode):
        raise Problem(node, f"`{what}` must be text, not {kind(node)}")
    check_tag(node)
    if plain(node) and node.tag != STR:
        if node.tag == NULL:
            if allow_empty:
                return ""
            raise Problem(node, f"`{what}` is empty; write a value")
        if (reason := _surprise(node)) is not None:
            return _refuse(node, reason, f'quote it ("{node.value}") if you mean the text')
    if not node.value.strip() and not allow_empty:
        raise Problem(node, f"`{what}` is empty; write a value")
    return node.value


def as_bool(node: Node, what: str) -> bool:
    if isinstance(node, ScalarNode) and plain(node) and node.value in ("true", "false"):
        return node.value == "true"
    if isinstance(node, ScalarNode) and node.tag == BOOL and plain(node):
        raise Problem(node, f"`{what}` must be written `true` or `false`, not `{node.value}` "
                      "(quiz accepts only these two spellings)")
    if isinstance(node, ScalarNode) and not plain(node):
        raise Problem(node, f"`{what}` must be the boolean true or false without quotes")
    raise Problem(node, f"`{what}` must be `true` or `false`, not {kind(node)}")


def as_number(node: Node, what: str) -> int | float:
    if not isinstance(node, ScalarNode):
        raise Problem(node, f"`{what}` must be a number, not {kind(node)}")
    check_tag(node)
    if not plain(node):
        raise Problem(node, f"`{what}` must be a number, but \"{short(node.value)}\" is quoted "
                      "text; remove the quotes")
    if node.tag == INT and _PLAIN_INT_RE.fullmatch(node.value):
        return int(node.value)
    if node.tag == FLOAT and re.fullmatch(r"-?[0-9]+\.[0-9]+", node.value):
        return float(node.value)
    if node.tag in (INT, FLOAT) and (reason := _surprise(node)) is not None:
        _refuse(node, reason, "write the number in plain decimals")
    raise Problem(node, f"`{what}` must be a number, not {kind(node)}")


def as_int(node: Node, what: str, lo: int, hi: int) -> int:
    value = as_number(node, what)
    if not isinstance(value, int) or not lo <= value <= hi:
        raise Problem(node, f"`{what}` must be a whole number from {lo} to {hi}, "
                      f"not `{node.value}`")
    return value


def as_str_list(node: Node, what: str) -> list[str]:
    if not isinstance(node, SequenceNode):
        raise Problem(node, f"`{what}` must be a list (`[a, b]` or one `- item` per line), "
                      f"not {kind(node)}")
    return [as_str(item, f"{what} item") for item in node.value]


def _refuse(node: ScalarNode, reason: str, fix: str) -> str:
    raise Problem(node, f"{reason}; {fix}")


def mapping_items(node: MappingNode, what: str,
                  allowed: tuple[str, ...]) -> tuple[dict[str, tuple[Node, Node]], list[Problem]]:
    """Keys of a mapping -> (key node, value node); unknown and repeated keys are problems."""
    out: dict[str, tuple[Node, Node]] = {}
    problems: list[Problem] = []
    for knode, vnode in node.value:
        if not isinstance(knode, ScalarNode):
            problems.append(Problem(knode, f"a key in {what} must be a plain word"))
            continue
        key = knode.value
        if key in out:
            first = out[key][0].start_mark.line + 1
            problems.append(Problem(knode, f"duplicate key `{key}` in {what} (first on line "
                                    f"{first}); keep one"))
            continue
        if key not in allowed:
            hint = did_you_mean(key, allowed) or f"; allowed keys: {', '.join(allowed)}"
            problems.append(Problem(knode, f"unknown key `{key}` in {what}{hint}"))
            continue
        out[key] = (knode, vnode)
    return out, problems
