"""The formats by name: how to read each, how to write each, and guessing one from a file."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.model import Bank
from quiz.interop.model import Exported, ImportFailed, ImportResult
from quiz.interop.text import decode, peek, read_bytes

IMPORT_FORMATS = ("gift", "moodle-xml", "aiken", "csv", "anki")
EXPORT_FORMATS = ("gift", "moodle-xml", "aiken", "csv", "anki")
NAMES = {"gift": "GIFT", "moodle-xml": "Moodle XML", "aiken": "Aiken", "csv": "CSV",
         "anki": "Anki"}
EXTENSIONS = {"gift": ".gift.txt", "moodle-xml": ".xml", "aiken": ".aiken.txt", "csv": ".csv",
              "anki": ".apkg"}
_BY_SUFFIX = {".gift": "gift", ".xml": "moodle-xml", ".csv": "csv", ".apkg": "anki",
              ".tsv": "anki", ".aiken": "aiken"}


def guess_format(path: Path) -> str | None:
    """The format a file is in, from its name and then its first bytes; None if unclear."""
    name = path.name.lower()
    for suffix, fmt in _BY_SUFFIX.items():
        if name.endswith(suffix):
            return fmt
    head = peek(path, 4096)
    if head.startswith(b"PK\x03\x04"):
        return "anki"
    text = head.decode("utf-8", "replace").lstrip("\ufeff")
    stripped = text.lstrip()
    if stripped.startswith("<"):
        return "moodle-xml"
    if stripped.startswith("#separator:") or stripped.startswith("#html:"):
        return "anki"
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if any(ln.strip().upper().startswith("ANSWER:") for ln in lines):
        return "aiken"
    if "{" in text or stripped.startswith(("::", "//", "$CATEGORY")):
        return "gift"
    if lines and "\t" in lines[0]:
        return "anki"
    if lines and any(c in lines[0].lower() for c in ("prompt,", "prompt;", ",answer",
                                                       ";answer")):
        return "csv"
    return None


def read_file(path: Path, fmt: str) -> ImportResult:
    """Read ``path`` as ``fmt``; ImportFailed when the file as a whole is unusable."""
    if fmt == "anki" and peek(path, 4) == b"PK\x03\x04":
        from quiz.interop.anki import read_apkg

        return read_apkg(path)
    raw = read_bytes(path)
    if fmt == "moodle-xml":
        from quiz.interop.moodlexml import read_moodle_xml

        return read_moodle_xml(raw, str(path))
    text = decode(raw, str(path))
    if fmt == "gift":
        from quiz.interop.gift import read_gift

        return read_gift(text, str(path))
    if fmt == "aiken":
        from quiz.interop.aiken import read_aiken

        return read_aiken(text, str(path))
    if fmt == "csv":
        from quiz.interop.table import read_csv

        return read_csv(text, str(path))
    if fmt == "anki":
        from quiz.interop.table import read_anki_text

        return read_anki_text(text, str(path))
    raise ImportFailed(str(path), 1, 1, f"unknown format {fmt!r}")


def write_bank(bank: Bank, fmt: str, include_drafts: bool = False) -> Exported:
    """The bank's questions (approved ones, and drafts if asked) in format ``fmt``."""
    keep = ("approved", "draft") if include_drafts else ("approved",)
    questions = [q for q in bank.questions if q.status in keep]
    if fmt == "gift":
        from quiz.interop.gift import write_gift

        return write_gift(questions)
    if fmt == "moodle-xml":
        from quiz.interop.moodlexml import write_moodle_xml

        return write_moodle_xml(questions)
    if fmt == "aiken":
        from quiz.interop.aiken import write_aiken

        return write_aiken(questions)
    if fmt == "csv":
        from quiz.interop.table import write_csv

        return write_csv(questions)
    if fmt == "anki":
        from quiz.interop.anki import write_apkg

        return write_apkg(questions, bank.title, bank.id)
    raise ValueError(f"unknown format {fmt!r}")
