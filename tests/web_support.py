"""Helpers for the browser page's tests: finding Chromium, comparing screenshots,
and a plain websocket student to sit in the room beside the browser.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import queue
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run",
               "--disable-quic"]
SNAPSHOTS = Path(__file__).parent / "web_snapshots"
UPDATE_ENV = "QUIZ_UPDATE_WEB_SNAPSHOTS"
PIXEL_TOLERANCE = 40  # a channel must move this much (of 255) to count as a visible change
MAX_CHANGED = 0.01  # fraction of pixels that may differ before a snapshot fails


def require_chromium(path: Path = CHROMIUM) -> Path:
    """The browser to drive; skip without it, but fail in CI so it cannot be skipped there."""
    if path.is_file() and os.access(path, os.X_OK):
        return path
    reason = (f"{path} is missing: install Debian's chromium package to run the "
              "browser page tests")
    if os.environ.get("CI"):
        pytest.fail(reason + " (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


def changed_fraction(a: Image.Image, b: Image.Image) -> float:
    """Share of pixels where some channel differs by more than PIXEL_TOLERANCE."""
    if a.size != b.size:
        return 1.0
    diff = ImageChops.difference(a.convert("RGB"), b.convert("RGB"))
    # Per pixel, the largest channel difference, then a yes/no mask of visible changes.
    biggest = ImageChops.lighter(ImageChops.lighter(*diff.split()[:2]), diff.split()[2])
    mask = biggest.point(lambda v: 255 if v > PIXEL_TOLERANCE else 0)
    changed = mask.histogram()[255]
    return changed / (a.size[0] * a.size[1])


def check_snapshot(png: bytes, name: str, folder: Path = SNAPSHOTS) -> None:
    """Compare a screenshot with ``folder/name.png``; regenerate when UPDATE_ENV=1.

    On a mismatch the new picture is written beside the snapshot as
    ``name.actual.png`` so the two can be looked at side by side.
    """
    folder.mkdir(parents=True, exist_ok=True)
    expected = folder / f"{name}.png"
    actual = folder / f"{name}.actual.png"
    if os.environ.get(UPDATE_ENV) == "1" or not expected.exists():
        if not expected.exists() and os.environ.get("CI"):
            pytest.fail(f"snapshot {expected.name} is missing; make it with {UPDATE_ENV}=1")
        expected.write_bytes(png)
        actual.unlink(missing_ok=True)
        return
    new = Image.open(io.BytesIO(png))
    old = Image.open(expected)
    share = changed_fraction(old, new)
    if share > MAX_CHANGED:
        actual.write_bytes(png)
        size_note = "" if old.size == new.size else f" (size {old.size} -> {new.size})"
        raise AssertionError(
            f"{name}: {share:.1%} of pixels changed{size_note}; compare {expected.name} with "
            f"{actual.name}, and run with {UPDATE_ENV}=1 if the change is meant")
    actual.unlink(missing_ok=True)


class SocketStudent:
    """A student on a plain websocket (as ``quiz join`` would be), read by a thread."""

    def __init__(self, ws_url: str) -> None:
        # Entered as a context manager, as websockets wants; closed by close().
        self._stack = contextlib.ExitStack()
        self.ws: ClientConnection = self._stack.enter_context(
            connect(ws_url, open_timeout=5, close_timeout=2))
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        try:
            for frame in self.ws:
                self.inbox.put(json.loads(frame))
        except ConnectionClosed:
            pass

    def send(self, kind: str, **fields: Any) -> None:
        self.ws.send(json.dumps({"type": kind, **fields}))

    def expect(self, kind: str, timeout: float = 5.0) -> dict[str, Any]:
        """The next message of this type (earlier ones of other types are dropped)."""
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {kind!r} message within {timeout} s")
            try:
                message = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if message["type"] == kind:
                return message

    def join(self, name: str, code: str = "123456") -> dict[str, Any]:
        self.send("hello", v=1, code=code, name=name)
        return self.expect("welcome")

    def close(self) -> None:
        self._stack.close()
        self.reader.join(5)
