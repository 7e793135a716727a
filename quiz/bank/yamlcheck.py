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

from quiz.textsafe import clean

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (TAG + t for t in ("str", "int", "float", "bool", "null"))
KNOWN_SCALAR_TAGS = {STR, INT, FLOAT, BOOL, NULL, TAG + "timestamp", TAG + "binary"}

_PLAIN_INT_RE = re.compile(r"-?(?:0|[1-9][0-9]*)")
_PLAIN_FLOAT_RE = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
# Python refuses to read an int of more than 4,300 digits, and no answer needs 40.
MAX_NUMBER_CHARS = 40
# What a scalar's text alone makes it: a different tag on it was written explicitly.
_RESOLVER = yaml.resolver.Resolver()
_NAMES = {INT: "a whole number", FLOAT: "a number", BOOL: "true or false", NULL: "nothing",
          TAG + "timestamp": "a date", TAG + "binary": "base64 data"}


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
        """One line, safe for a terminal: a bank's text may hold escape sequences or newlines."""
        where = f"question '{self.question_id}': " if self.question_id else ""
        line = f"{self.path}:{self.line}:{self.col}: {self.severity}: {where}{self.message}"
        return clean(line).replace("\n", " ").replace("\t", " ")

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


def plain(node: ScalarNode) -> bool:
    """An unquoted scalar (libyaml says '' where the pure-Python parser says None)."""
    return not node.style


def _yaml_value(text: str) -> object:
    """What YAML makes of a plain scalar; None if Python cannot hold it (a huge int)."""
    try:
        return yaml.load(text, Loader=Loader)
    except (ValueError, OverflowError, yaml.YAMLError):
        return None


def _explicit_tag(node: ScalarNode) -> bool:
    """The scalar carries a tag of its own (``!!int``), not the one its text implies."""
    return node.tag != _RESOLVER.resolve(ScalarNode, node.value, (True, False))


def _check_explicit_tag(node: ScalarNode, what: str) -> None:
    """Refuse a scalar tagged as something its text is not (``!!int According to``)."""
    if node.tag != STR and _explicit_tag(node):
        shown = "!!" + node.tag[len(TAG):]
        raise Problem(node, f"`{what}` is tagged `{shown}`, which asks YAML to read "
                      f"`{short(node.value)}` as {_NAMES.get(node.tag, 'something else')}; "
                      "remove the tag (a bank needs no tags)")


def _surprise(node: ScalarNode) -> str | None:
    """If YAML 1.1 would read this plain scalar as something other than its text, say what."""
    text, tag = node.value, node.tag
    if len(text) > MAX_NUMBER_CHARS and tag in (INT, FLOAT):
        return f"YAML reads this {len(text)}-character value as a number"
    if tag == BOOL:
        word = "true" if text.lower() in ("yes", "y", "true", "on") else "false"
        return f"YAML reads `{text}` as the boolean {word}"
    if tag == INT and not _PLAIN_INT_RE.fullmatch(text):
        if ":" in text:
            return f"YAML 1.1 reads `{text}` as a base-60 number"
        if re.fullmatch(r"[-+]?0[0-7_]+", text):
            return f"YAML 1.1 reads `{text}` as an octal number (leading zero)"
        return f"YAML reads `{text}` as the number {_yaml_value(text)}"
    if tag == FLOAT and (
        not _PLAIN_FLOAT_RE.fullmatch(text) or repr(float(text)) != text.lstrip("+")
    ):
        if ":" in text:
            return f"YAML 1.1 reads `{text}` as a base-60 number"
        return f"YAML reads `{text}` as the number {_yaml_value(text)!r}"
    if tag == TAG + "timestamp":
        return f"YAML reads `{text}` as a date"
    return None


def _tag_ok(node: Node) -> bool:
    if isinstance(node, ScalarNode):
        return node.tag in KNOWN_SCALAR_TAGS
    return node.tag == TAG + ("map" if isinstance(node, MappingNode) else "seq")


def _tag_problem(node: Node) -> Problem:
    shown = "!!" + node.tag[len(TAG):] if node.tag.startswith(TAG) else node.tag
    return Problem(node, f"the tag `{short(shown)}` is not allowed in a bank; remove it "
                   "(a bank holds only text, numbers, true/false, lists and mappings)")


def check_tag(node: Node) -> None:
    if not _tag_ok(node):
        raise _tag_problem(node)


_SURROGATE_RE = re.compile("[\ud800-\udfff]{1,2}")
_HEX = {"x": 2, "u": 4, "U": 8}


def escape_message(esc: str) -> str:
    """Why the ``\\`` escape ``esc`` (as written in double quotes) is no character, and the fix."""
    codes = [int(a or b, 16)
             for a, b in re.findall(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))", esc)]
    if len(codes) == 2 and 0xD800 <= codes[0] < 0xDC00 <= codes[1] < 0xE000:
        cp = 0x10000 + ((codes[0] - 0xD800) << 10) + (codes[1] - 0xDC00)
        return (f"`{esc}` is a UTF-16 surrogate pair, which YAML does not read; write the "
                f"character itself, or `\\U{cp:08X}`")
    if codes and 0xD800 <= codes[0] < 0xE000:
        return (f"`{esc[:6]}` is not a character (it is half of a UTF-16 surrogate pair); "
                "write the character itself, or its code point as `\\U` and 8 hex digits")
    if codes and codes[0] > 0x10FFFF:
        return f"`{esc}` is not a character (Unicode ends at U+10FFFF); write the character itself"
    if esc[1:2] in _HEX:
        n = _HEX[esc[1]]
        return (f"`{short(esc)}` needs {n} hex digits after `\\{esc[1]}`; write e.g. "
                f"`\\{esc[1]}{'e9'.zfill(n)}`")
    return (f"`{short(esc)}` is not an escape YAML knows; inside double quotes write a "
            "backslash as `\\\\`, or put the text in single quotes")


def surrogate_escape(value: str) -> str | None:
    """The escape that wrote a lone surrogate into ``value`` (the pure-Python parser keeps it)."""
    m = _SURROGATE_RE.search(value)
    return None if m is None else "".join(f"\\u{ord(c):04x}" for c in m[0])


def nesting_message(max_depth: int) -> str:
    return (f"nesting deeper than {max_depth} levels; a bank never needs more than 6 "
            "(bank > questions > question > evidence > entry > text): flatten it")


def tree_problems(root: Node, max_depth: int) -> tuple[list[Problem], bool]:
    """Problems of the document as a whole, found in one walk before any value is built.

    Nesting deeper than ``max_depth`` (keys count too) is a bomb: that is then the
    one problem, and the flag returned is True. Otherwise every tag a bank may not
    use (``!!python/object``, ``!!set``, ``!foo``) is reported wherever it sits, so
    none can slip through a value the loader happens not to read. The walk is
    iterative, so no document can exhaust the stack.
    """
    out: list[Problem] = []
    stack: list[tuple[Node, int]] = [(root, 1)]
    pop, push = stack.pop, stack.append
    while stack:
        n, d = pop()
        if d > max_depth:
            return [Problem(n, nesting_message(max_depth))], True
        cls = type(n)
        if cls is ScalarNode:
            if n.tag not in KNOWN_SCALAR_TAGS:
                out.append(_tag_problem(n))
            if (esc := surrogate_escape(n.value)) is not None:
                out.append(Problem(n, escape_message(esc)))
            continue
        if not _tag_ok(n):
            out.append(_tag_problem(n))
        if cls is SequenceNode:
            for child in reversed(n.value):
                push((child, d + 1))
        else:
            for k, v in reversed(n.value):
                push((v, d + 1))
                push((k, d + 1))
    return out, False


def as_str(node: Node, what: str, *, allow_empty: bool = False) -> str:
    """Text. A plain scalar whose YAML 1.1 reading differs from its text is refused."""
    check_tag(node)
    if not isinstance(node, ScalarNode):
        raise Problem(node, f"`{what}` must be text, not {kind(node)}")
    _check_explicit_tag(node, what)
    if plain(node) and node.tag != STR:
        if node.tag == NULL:
            if allow_empty:
                return ""
            raise Problem(node, f"`{what}` is empty; write a value")
        if (reason := _surprise(node)) is not None:
            return _refuse(node, reason, f'quote it ("{short(node.value)}") if you mean the '
                           "text")
    if not node.value.strip() and not allow_empty:
        raise Problem(node, f"`{what}` is empty; write a value")
    return node.value


def as_bool(node: Node, what: str) -> bool:
    check_tag(node)
    if isinstance(node, ScalarNode):
        _check_explicit_tag(node, what)
    if isinstance(node, ScalarNode) and plain(node) and node.value in ("true", "false"):
        return node.value == "true"
    if isinstance(node, ScalarNode) and node.tag == BOOL and plain(node):
        raise Problem(node, f"`{what}` must be written `true` or `false`, not `{node.value}` "
                      "(quiz accepts only these two spellings)")
    if isinstance(node, ScalarNode) and not plain(node):
        raise Problem(node, f"`{what}` must be the boolean true or false: write `true` or "
                      "`false` without quotes")
    raise Problem(node, f"`{what}` must be `true` or `false`, not {kind(node)}")


def as_number(node: Node, what: str, expect: str = "a number") -> int | float:
    check_tag(node)
    if not isinstance(node, ScalarNode):
        raise Problem(node, f"`{what}` must be {expect}, not {kind(node)}")
    _check_explicit_tag(node, what)
    if not plain(node):
        raise Problem(node, f"`{what}` must be {expect}, but \"{short(node.value)}\" is quoted "
                      "text; remove the quotes")
    if node.tag in (INT, FLOAT) and len(node.value) > MAX_NUMBER_CHARS:
        raise Problem(node, f"`{what}` is a number of {len(node.value):,} characters; quiz reads "
                      f"numbers of at most {MAX_NUMBER_CHARS}: write a shorter one")
    if node.tag == INT and _PLAIN_INT_RE.fullmatch(node.value):
        return int(node.value)
    if node.tag == FLOAT and re.fullmatch(r"-?[0-9]+\.[0-9]+", node.value):
        return float(node.value)
    if node.tag in (INT, FLOAT) and (reason := _surprise(node)) is not None:
        _refuse(node, reason, "write the number in plain decimals")
    raise Problem(node, f"`{what}` must be {expect}, not {kind(node)}")


def as_int(node: Node, what: str, lo: int, hi: int) -> int:
    expect = f"a whole number from {lo} to {hi}"
    value = as_number(node, what, expect)
    if not isinstance(value, int) or not lo <= value <= hi:
        raise Problem(node, f"`{what}` must be {expect}, not `{node.value}`")
    return value


def as_str_list(node: Node, what: str) -> list[str]:
    check_tag(node)
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
