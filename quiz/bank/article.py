"""Parser for the seed article format.

Every piece of the parsed article keeps ``start``/``end`` character offsets
into the original text, so any span (an evidence quote, a sentence) can be
highlighted exactly in the reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from quiz.bank.readfile import NotReadable, read_capped

LEAD_SECTION = "Introduction"
# The longest Wikipedia articles are about 1.5 MB of text.
MAX_ARTICLE_BYTES = 4 * 1024 * 1024

_TITLE_RE = re.compile(r"^=\s*(?P<title>[^=].*?)\s*=\s*$")
_HEADING_RE = re.compile(r"^(?P<eq>={2,6})\s*(?P<title>[^=].*?)\s*(?P=eq)\s*$")
_FIELD_RE = re.compile(r"^-\s*(?P<key>[^:\n]+?)\s*:\s*(?P<value>.*?)\s*$")
_BULLET_RE = re.compile(r"^-\s+(?P<text>.*?)\s*$")
_WS_RE = re.compile(r"\s+")


class ArticleError(ValueError):
    """The text is not in the seed article format."""

    def __init__(self, path: str, line: int, col: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{col}: error: {message}")
        self.path, self.line, self.col, self.message = path, line, col, message


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


@dataclass
class Paragraph:
    text: str
    start: int
    end: int
    bullet: bool = False
    sentences: list[Sentence] = field(default_factory=list)


@dataclass(frozen=True)
class InfoboxField:
    key: str
    value: str
    start: int  # offsets of the value
    end: int
    line_start: int  # offsets of the whole "- Key: Value" line
    line_end: int


@dataclass
class Section:
    title: str
    level: int  # 1 for the lead, 2 for ==X==, 3 for ===X===, ...
    start: int  # where the heading line begins (the lead: where its text begins)
    end: int
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]


@dataclass
class Article:
    title: str
    text: str
    infobox_label: str | None
    infobox: list[InfoboxField]
    sections: list[Section]
    path: str = "<article>"

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [p for s in self.sections for p in s.paragraphs]

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    def field(self, key: str) -> InfoboxField | None:
        return next((f for f in self.infobox if f.key == key), None)

    def field_label(self, f: InfoboxField) -> str:
        """``f``'s key as a reader would read it: see :func:`infobox_label`."""
        return infobox_label(f.key, self.infobox)

    def field_at(self, offset: int) -> InfoboxField | None:
        """The infobox field whose line holds ``offset``, if any."""
        return next((f for f in self.infobox if f.line_start <= offset < f.line_end), None)

    def readable(self, start: int, end: int) -> str:
        """The text of ``[start, end)``, an infobox key in it read as :meth:`field_label`."""
        f = self.field_at(start)
        if f is None or start >= f.start:
            return self.text[start:end]
        return f"{self.field_label(f)}: {self.text[f.start:max(end, f.start)]}"

    def section_at(self, offset: int) -> Section | None:
        """The section that holds ``offset`` (the infobox belongs to the lead)."""
        for section in reversed(self.sections):
            if section.start <= offset:
                return section
        return self.sections[0] if self.sections else None

    def section_title_at(self, offset: int) -> str:
        """The title of the section that holds ``offset``; "" for an article without any."""
        section = self.section_at(offset)
        return section.title if section is not None else ""

    def prose_words(self) -> int:
        """Words of running prose (not bullets, not the infobox)."""
        return sum(len(p.text.split()) for p in self.paragraphs if not p.bullet)


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line without its newline) for every line of ``text``."""
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        out.append((pos, raw.rstrip("\r\n")))
        pos += len(raw)
    return out


@cache
def _segmenter():
    import pysbd  # imported lazily: only parsing prose needs it

    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str, base: int = 0) -> list[Sentence]:
    """Split a paragraph into sentences with offsets relative to ``base``.

    pysbd does the splitting; offsets are found here by walking the paragraph,
    since its own char spans can drift on repeated sentences.
    """
    out: list[Sentence] = []
    cursor = 0
    for piece in _segmenter().segment(text):
        piece = piece.strip()
        if not piece:
            continue
        at = text.find(piece, cursor)
        if at < 0:  # should not happen with clean=False; fall back to the rest
            at = cursor
            piece = text[cursor:].strip()
        out.append(Sentence(piece, base + at, base + at + len(piece)))
        cursor = at + len(piece)
    return out


def parse_article(text: str, path: str = "<article>") -> Article:
    """Parse seed-format ``text``; raise :class:`ArticleError` if it is not one."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = _lines(text)
    # Title: the first non-blank line, "= Title =".
    idx = 0
    while idx < len(lines) and not lines[idx][1].strip():
        idx += 1
    if idx == len(lines):
        raise ArticleError(path, 1, 1, "the article is empty; it must start with '= Title ='")
    m = _TITLE_RE.match(lines[idx][1])
    if not m or _HEADING_RE.match(lines[idx][1]):
        raise ArticleError(
            path, idx + 1, 1,
            "an article must start with its title as '= Title =' (one '=' on each side)",
        )
    title = m["title"]
    idx += 1

    # Infobox: an optional label line followed by "- Key: Value" lines.
    while idx < len(lines) and not lines[idx][1].strip():
        idx += 1
    infobox_label: str | None = None
    infobox: list[InfoboxField] = []
    if (
        idx + 1 < len(lines)
        and lines[idx][1].strip()
        and not lines[idx][1].startswith(("-", "="))
        and _FIELD_RE.match(lines[idx + 1][1])
    ):
        infobox_label = lines[idx][1].strip()
        idx += 1
        while idx < len(lines) and (fm := _FIELD_RE.match(lines[idx][1])):
            off, line = lines[idx]
            vstart = off + fm.start("value")
            infobox.append(
                InfoboxField(fm["key"], fm["value"], vstart, vstart + len(fm["value"]),
                             off, off + len(line))
            )
            idx += 1

    # Body: sections of paragraphs. A paragraph is a run of non-blank lines;
    # bullets are paragraphs of their own.
    lead_start = lines[idx][0] if idx < len(lines) else len(text)
    sections = [Section(LEAD_SECTION, 1, lead_start, len(text))]
    para: list[tuple[int, str]] = []

    def flush() -> None:
        if not para:
            return
        start = para[0][0] + (len(para[0][1]) - len(para[0][1].lstrip()))
        last_off, last = para[-1]
        end = last_off + len(last.rstrip())
        body = text[start:end]
        para.clear()
        if body:
            sections[-1].paragraphs.append(
                Paragraph(body, start, end, sentences=split_sentences(body, start))
            )

    for off, line in lines[idx:]:
        if hm := _HEADING_RE.match(line):
            flush()
            sections[-1].end = off
            sections.append(Section(hm["title"], len(hm["eq"]), off, len(text)))
        elif not line.strip():
            flush()
        elif bm := _BULLET_RE.match(line):
            flush()
            start = off + bm.start("text")
            body = bm["text"]
            sections[-1].paragraphs.append(
                Paragraph(body, start, start + len(body), bullet=True,
                          sentences=[Sentence(body, start, start + len(body))])
            )
        elif _TITLE_RE.match(line) and line.lstrip().startswith("= "):
            raise ArticleError(path, len(text[:off].splitlines()) + 1, 1,
                               "a second '= Title =' line; sections are '==Section=='")
        else:
            para.append((off, line))
    flush()
    if not sections[0].paragraphs and len(sections) == 1 and not infobox:
        raise ArticleError(path, idx + 1, 1, "the article has a title but no text")
    return Article(title, text, infobox_label, infobox, sections, path)


class QuoteIndex:
    """The article whitespace-normalised, with a map back to original offsets.

    Evidence quotes are matched in ``norm``; ``offsets[i]`` is where ``norm[i]``
    came from in ``article.text``.
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        chars: list[str] = []
        offsets: list[int] = []
        in_space = False
        for i, ch in enumerate(article.text):
            if ch.isspace():
                if not in_space and chars:
                    chars.append(" ")
                    offsets.append(i)
                in_space = True
            else:
                chars.append(ch)
                offsets.append(i)
                in_space = False
        self.norm = "".join(chars)
        self.offsets = offsets
        self.sections = {s.title: s for s in article.sections}
        self._norm_at: dict[int, int] | None = None

    def norm_at(self, offset: int) -> int:
        """The index in ``norm`` of the character at ``offset`` of the text (-1 if folded away)."""
        if self._norm_at is None:
            self._norm_at = {o: i for i, o in enumerate(self.offsets)}
        return self._norm_at.get(offset, -1)

    def find_all(self, needle: str) -> list[int]:
        out, at = [], self.norm.find(needle)
        while at >= 0:
            out.append(at)
            at = self.norm.find(needle, at + 1)
        return out

    def line_of(self, norm_pos: int) -> int:
        return self.article.text.count("\n", 0, self.offsets[norm_pos]) + 1

    def longest_match(self, needle: str) -> int:
        """Length of the longest prefix of ``needle`` found in the article."""
        lo, hi = 0, len(needle)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if needle[:mid] in self.norm:
                lo = mid
            else:
                hi = mid - 1
        return lo


def load_article(path: str | Path) -> Article:
    """Read and parse an article file (UTF-8, a regular file of at most MAX_ARTICLE_BYTES)."""
    p = Path(path)
    try:
        raw = read_capped(p, MAX_ARTICLE_BYTES)
    except NotReadable as exc:
        if exc.reason == "size":
            raise ArticleError(str(p), 1, 1, f"the article is {exc.size / 2**20:.1f} MiB, over "
                               f"the {MAX_ARTICLE_BYTES // 2**20} MiB limit for an article; "
                               "cut it to the sections the bank quotes") from None
        raise ArticleError(str(p), 1, 1, f"the article is {exc.reason}, not a regular file; "
                           "an article must be a plain text file") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ArticleError(str(p), line, 1,
                           "the article is not valid UTF-8; save it as UTF-8") from None
    return parse_article(text, str(p))


def quote_as_read(article: Article | None, quote: str, start: int, end: int) -> str:
    """An evidence quote as a student reads it: an infobox key by its label.

    The quote as written when there is no article, or its offsets are not in it.
    """
    if article is None or start < 0 or end > len(article.text):
        return quote
    if article.field_at(start) is None:
        return quote
    return article.readable(start, end)


# "Chief1 Name": a numbered group ("Chief1") and what the field holds of it ("Name").
_NUMBERED_KEY_RE = re.compile(r"^(?P<group>.*?\D)(?P<n>\d+)(?:\s+(?P<part>.+))?$")
# Fields of a numbered group that say what its member is (the "Position" of "Chief1").
_ROLE_PARTS = ("position", "title", "role", "label", "type", "office")


def infobox_label(key: str, fields: list[InfoboxField]) -> str:
    """An infobox key as the article's reader would read it.

    Infobox templates number repeated groups ("Chief1 Name", "Chief1 Position");
    a student should read "North Korea Representative" (the group's own role
    field), not "Chief1 Name". A numbered key without a role field is spaced
    out ("Chief 1 Name"); any other key is kept as written.
    """
    m = _NUMBERED_KEY_RE.match(key)
    if m is None:
        return key
    group, n, part = m["group"].strip(), m["n"], (m["part"] or "").strip()
    if part.casefold() not in _ROLE_PARTS:
        for role in _ROLE_PARTS:
            for f in fields:
                fm = _NUMBERED_KEY_RE.match(f.key)
                if (fm is not None and fm["group"].strip() == group and fm["n"] == n
                        and (fm["part"] or "").strip().casefold() == role and f.value.strip()):
                    return f.value.strip()
    return " ".join(x for x in (group, n, part) if x)


def normalise_ws(text: str) -> str:
    """Collapse runs of whitespace to one space (quotes are matched this way)."""
    return _WS_RE.sub(" ", text).strip()
