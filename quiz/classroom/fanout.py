"""Sending one reveal to a thousand sockets: frames encoded once, one write per student.

``websockets.broadcast`` encodes a message once but frames it and writes it
per connection, and each student gets three messages at a reveal (``closed``,
``reveal``, their own ``result``): three frame builds and three system calls
each. Here the shared frames are built once, the student's own frame is added
to them, and the lot goes out in a single write.
"""

from __future__ import annotations

import json
import struct
from typing import Any

from websockets.asyncio.server import ServerConnection
from websockets.protocol import State

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def text_frame(payload: str) -> bytes:
    """One unmasked, unfragmented WebSocket text frame (RFC 6455 5.2) holding ``payload``."""
    data = payload.encode("utf-8")
    n = len(data)
    if n < 126:
        head = bytes((0x81, n))
    elif n < 65536:
        head = struct.pack("!BBH", 0x81, 126, n)
    else:
        head = struct.pack("!BBQ", 0x81, 127, n)
    return head + data


def send_frames(ws: ServerConnection, data: bytes) -> bool:
    """Write ready-made frames to an open connection; False if it is closing or busy.

    Safe because the server sends no compressed or fragmented messages: a frame
    written here cannot land inside another one.
    """
    if ws.protocol.state is not State.OPEN or getattr(ws, "send_in_progress", None) is not None:
        return False
    ws.transport.write(data)
    return True


def result_text(q: int, given: Any, correct: bool, points: int, score: int, rank: int,
                of: int) -> str:
    """The ``result`` message, written out directly: only ``given`` needs a JSON encoder,
    and this runs once per student at every reveal."""
    given_json = _encode(given)
    return (f'{{"type":"result","q":{q},"given":{given_json},'
            f'"correct":{"true" if correct else "false"},"points":{points},'
            f'"score":{score},"rank":{rank},"of":{of}}}')
