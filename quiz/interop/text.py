"""Text shared by the formats: reading a file safely, HTML to plain text, ids, feedback.

Imported text is data: HTML is reduced to its words (never passed on as markup)
and terminal control characters are removed before anything reaches a bank.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from quiz.bank.readfile import NotReadable, read_capped
from quiz.interop.model import ImportFailed
from quiz.textsafe import clean

MAX_TEXT_BYTES = 8 * 1024 * 1024  # as for a bank file: a 10,000-question file is far below
_SPACES_RE = re.compile(r"[ \t\u00a0]+")
_BLANKS_RE = re.compile(r"\n{3,}")
_SLUG_RE = re.compile(r"[^a-z0-9]+")
# Block elements end a line; everything else runs on.
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
           "blockquote", "ul", "ol", "table", "hr"}
_DROPPED = {"script", "style", "head", "title", "template"}
EVIDENCE_LABEL = "Evidence: "


def read_bytes(path: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The file's bytes, or ImportFailed saying why not (too big, not a file, unreadable)."""
    try:
        return read_capped(path, limit)
    except NotReadable as exc:
        if exc.reason == "size":
            raise ImportFailed(str(path), 1, 1, f"the file is {exc.size / 2**20:.1f} MiB, over "
                               f"the {limit // 2**20} MiB limit; split it into smaller "
                               "files") from None
        raise ImportFailed(str(path), 1, 1, f"this is {exc.reason}, not a regular "
                           "file") from None
    except FileNotFoundError:
        raise ImportFailed(str(path), 1, 1, "no such file") from None
    except OSError as exc:
        raise ImportFailed(str(path), 1, 1, f"cannot read it ({exc.strerror})") from None


def peek(path: Path, size: int) -> bytes:
    """The first bytes of a regular file; nothing for a FIFO, a device or a missing file."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return b""
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            return f.read(size)
    except (OSError, ValueError):
        return b""


def decode(raw: bytes, path: str) -> str:
    """UTF-8 (a BOM is dropped) or UTF-16 with a BOM; anything else is refused with line:col."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16").removeprefix("\ufeff")  # the codec eats the BOM
        except UnicodeDecodeError:
            raise ImportFailed(path, 1, 1, "the file starts like UTF-16 but is not valid "
                               "UTF-16; save it as UTF-8") from None
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        raise ImportFailed(path, line, col, f"the file is not valid UTF-8 (byte "
                           f"0x{raw[exc.start]:02x}); save it as UTF-8") from None


def read_text(path: Path) -> str:
    return decode(read_bytes(path), str(path))


def tidy(text: str) -> str:
    """Plain text as a bank holds it: no control characters, runs of spaces made one."""
    text = clean(text).replace("\r", "\n")
    lines = [_SPACES_RE.sub(" ", ln).strip() for ln in text.split("\n")]
    return _BLANKS_RE.sub("\n\n", "\n".join(lines)).strip()


class _Words(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self.dropping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(alt)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")
        elif tag == "img":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self.dropping = max(0, self.dropping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The words of an HTML fragment; tags go, entities are decoded, blocks end lines."""
    if "<" not in html and "&" not in html:
        return tidy(html)
    parser = _Words()
    # HTML source newlines are spaces; only block elements break lines.
    parser.feed(html.replace("\r", " ").replace("\n", " "))
    parser.close()
    return tidy("".join(parser.parts))


def slugify(text: str, limit: int = 48) -> str:
    """``Who's buried in Grant's tomb?`` -> ``who-s-buried-in-grant-s-tomb``; may be empty."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    slug = _SLUG_RE.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > limit:  # cut at a word
        cut = slug[:limit]
        slug = cut[: cut.rfind("-")] if "-" in cut[limit // 2:] else cut
    return slug.strip("-")


def compose_feedback(explanation: str, quotes: list[str]) -> str:
    """The explanation, then each evidence quote on a line of its own (a form import reads)."""
    lines = [explanation] if explanation else []
    lines += [f"{EVIDENCE_LABEL}“{q}”" for q in quotes]
    return "\n\n".join(lines)


_EVIDENCE_RE = re.compile(rf"^{EVIDENCE_LABEL}“(.+)”$")


def split_feedback(text: str) -> tuple[str, list[str]]:
    """Undo :func:`compose_feedback`: (explanation, evidence quotes)."""
    paras = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()] if text else []
    quotes: list[str] = []
    while paras and (m := _EVIDENCE_RE.match(paras[-1].strip())):
        quotes.insert(0, m[1].strip())
        paras.pop()
    return "\n\n".join(p.strip() for p in paras), quotes
