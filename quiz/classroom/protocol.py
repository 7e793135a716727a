"""The classroom wire format (docs/protocol.md): parse and check what clients send.

Everything a student's client sends is untrusted. ``parse`` turns one text
frame into a :class:`ClientMessage` or raises :class:`ProtocolError` with the
error code the server sends back; it never raises anything else.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

VERSION = 1
MAX_FRAME = 4096  # bytes; larger frames close the connection (1009)
MAX_TEXT_ANSWER = 500
MAX_NAME_INPUT = 100  # a longer name is refused by the name rules, not parsed
MAX_TOKEN = 64
MAX_LIST = 50

# A JSON escape can spell a lone surrogate (\ud800): not text, and SQLite cannot store it.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# Nothing a keyboard types into one answer field: C0/C1 controls (but tab), bidi overrides.
_ANSWER_CONTROL_RE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# type -> {field: required?}
_FIELDS: dict[str, dict[str, bool]] = {
    "hello": {"v": True, "code": True, "name": False, "token": False},
    "answer": {"q": True, "value": True},
    "hint": {"q": True},
    "ping": {},
    "bye": {},
}


class ProtocolError(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class ClientMessage:
    type: str
    v: int = 0
    code: str = ""
    name: str | None = None
    token: str | None = None
    q: int = -1
    value: Any = None


def _bad(message: str) -> ProtocolError:
    return ProtocolError("bad_message", message)


def _int(data: dict[str, Any], key: str) -> int:
    value = data[key]
    # bool is an int in Python; a client sending true for a number is wrong.
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 1_000_000:
        raise _bad(f"'{key}' must be a whole number")
    return value


def _str(data: dict[str, Any], key: str, limit: int) -> str:
    value = data[key]
    if not isinstance(value, str):
        raise _bad(f"'{key}' must be a string")
    if len(value) > limit:
        raise _bad(f"'{key}' is longer than {limit} characters")
    return value


def _check_text(text: str) -> str:
    if _ANSWER_CONTROL_RE.search(text):
        raise _bad("an answer cannot hold control or direction characters")
    return text


def check_value(value: Any) -> Any:
    """An answer value's shape (not whether it fits the question: the room checks that)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        if len(value) > MAX_TEXT_ANSWER:
            raise _bad(f"an answer is at most {MAX_TEXT_ANSWER} characters")
        return _check_text(value)
    if isinstance(value, list):
        if len(value) > MAX_LIST or not all(isinstance(v, str) for v in value):
            raise _bad("a list answer holds at most 50 strings")
        if sum(len(v) for v in value) > MAX_TEXT_ANSWER * 4:
            raise _bad("the answer is too long")
        return [_check_text(v) for v in value]
    raise _bad("'value' must be a string, true/false or a list of strings")


def _has_surrogate(data: Any) -> bool:
    """Any string (key or value) with a lone surrogate, at any depth the frame allows."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE_RE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def parse(frame: str | bytes) -> ClientMessage:
    """One client frame -> a checked message (see docs/protocol.md)."""
    if isinstance(frame, bytes):
        raise _bad("send text frames holding JSON")
    if len(frame.encode("utf-8", "surrogatepass")) > MAX_FRAME:
        raise ProtocolError("too_big", f"a message is at most {MAX_FRAME} bytes")
    try:
        data = json.loads(frame)
    except (ValueError, RecursionError):
        raise _bad("not valid JSON") from None
    if not isinstance(data, dict):
        raise _bad("a message is a JSON object")
    if _has_surrogate(data):
        raise _bad("the message holds a lone surrogate (\\ud800-\\udfff), which is not text")
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in _FIELDS:
        raise _bad(f"unknown message type {str(kind)[:20]!r}")
    fields = _FIELDS[kind]
    extra = sorted(k for k in data if k != "type" and k not in fields)
    if extra:
        raise _bad(f"unknown field {str(extra[0])[:20]!r} in {kind}")
    missing = [k for k, req in fields.items() if req and k not in data]
    if missing:
        raise _bad(f"'{missing[0]}' is missing from {kind}")
    if kind == "hello":
        v = _int(data, "v")
        code = _str(data, "code", 12)
        name = _str(data, "name", MAX_NAME_INPUT) if "name" in data else None
        token = _str(data, "token", MAX_TOKEN) if "token" in data else None
        if (name is None) == (token is None):
            raise _bad("hello needs a name or a token (one of them)")
        return ClientMessage("hello", v=v, code=code, name=name, token=token)
    if kind == "answer":
        return ClientMessage("answer", q=_int(data, "q"), value=check_value(data["value"]))
    if kind == "hint":
        return ClientMessage("hint", q=_int(data, "q"))
    return ClientMessage(kind)


def encode(kind: str, **fields: Any) -> str:
    """A server message as one compact JSON text frame."""
    return json.dumps({"type": kind, **fields}, ensure_ascii=False, separators=(",", ":"))
