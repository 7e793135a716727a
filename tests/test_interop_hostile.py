"""Hostile and broken input: refused with a message (file:line where it applies), never a
traceback; and every importer fuzzed with seeded random input."""

from __future__ import annotations

import contextlib
import io
import random
import sqlite3
import zipfile
from pathlib import Path

import pytest

from quiz.interop.aiken import read_aiken
from quiz.interop.anki import read_apkg
from quiz.interop.formats import read_file
from quiz.interop.gift import read_gift
from quiz.interop.model import ImportFailed
from quiz.interop.moodlexml import read_moodle_xml
from quiz.interop.table import read_anki_text, read_csv
from quiz.interop.text import MAX_TEXT_BYTES
from tests.interopfuzz import noise

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<quiz><question type="shortanswer"><questiontext><text>&lol3;</text></questiontext>
<answer fraction="100"><text>a</text></answer></question></quiz>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<quiz><question type="shortanswer"><questiontext><text>&secret;</text></questiontext>
<answer fraction="100"><text>a</text></answer></question></quiz>"""


@pytest.mark.parametrize("raw", [LAUGHS, EXTERNAL])
def test_xml_entities_are_refused_before_expansion(raw: bytes) -> None:
    with pytest.raises(ImportFailed) as info:
        read_moodle_xml(raw, "bomb.xml")
    assert "DTD" in info.value.message and info.value.path == "bomb.xml"


def test_broken_xml_names_line_and_column() -> None:
    with pytest.raises(ImportFailed) as info:
        read_moodle_xml(b"<quiz>\n<question type='multichoice'>\n<name></quiz>", "b.xml")
    assert info.value.line == 3 and "not well-formed" in info.value.message
    with pytest.raises(ImportFailed, match="not <quiz>"):
        read_moodle_xml(b"<html><body/></html>", "page.xml")


def test_huge_files_are_refused_by_size(tmp_path: Path) -> None:
    big = tmp_path / "big.gift"
    with open(big, "wb") as f:
        f.truncate(MAX_TEXT_BYTES + 1)
    with pytest.raises(ImportFailed, match="over the"):
        read_file(big, "gift")


@pytest.mark.parametrize("fmt", ["gift", "aiken", "csv", "anki"])
def test_bad_encoding_names_the_line(tmp_path: Path, fmt: str) -> None:
    f = tmp_path / "latin1.txt"
    f.write_bytes(b"Question one?{=yes}\n\nCaf\xe9?{=no}\n")
    with pytest.raises(ImportFailed) as info:
        read_file(f, fmt)
    assert (info.value.line, info.value.col) == (3, 4) and "UTF-8" in info.value.message


def test_utf16_and_bom_are_read(tmp_path: Path) -> None:
    f = tmp_path / "u16.gift"
    f.write_bytes("Café?{=oui}".encode("utf-16"))
    assert read_file(f, "gift").questions[0].prompt == "Café?"
    f.write_bytes("\ufeffprompt;answer\nCafé?;oui\n".encode())
    assert read_file(f, "csv").questions[0].answer == "oui"


def test_a_fifo_is_not_read(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.gift"
    os.mkfifo(fifo)
    with pytest.raises(ImportFailed, match="not a regular file"):
        read_file(fifo, "gift")


def _apkg(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _collection(sql: str) -> bytes:
    conn = sqlite3.connect(":memory:")
    conn.executescript(sql)
    data = conn.serialize()
    conn.close()
    return data


def test_apkg_refusals(tmp_path: Path) -> None:
    cases = {
        "not a zip": (b"plain text", "not one"),
        "traversal": ({"../../evil": b"x", "collection.anki2": b"x"}, "outside the package"),
        "absolute": ({"/etc/passwd": b"x"}, "outside the package"),
        "no collection": ({"media": b"{}"}, "no collection"),
        "new layout": ({"collection.anki21b": b"x"}, "Support older Anki versions"),
        "not sqlite": ({"collection.anki2": b"hello, not a database" * 10}, "not an SQLite"),
        "bomb": ({"collection.anki2": b"\0" * (8 * 1024 * 1024)}, "zip bomb"),
        "no notes": ({"collection.anki2": _collection("CREATE TABLE x (y);")}, "no notes"),
        "a view": ({"collection.anki2": _collection(
            "CREATE TABLE col (models);"
            "CREATE VIEW notes AS WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c)"
            " SELECT i AS id, 1 AS mid, 'a' AS flds, '' AS tags FROM c;")}, "no notes"),
        "odd columns": ({"collection.anki2": _collection(
            "CREATE TABLE notes (a, b);")}, "cannot be read"),
    }
    for name, (content, words) in cases.items():
        path = tmp_path / f"{name}.apkg"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            _apkg(path, content)
        with pytest.raises(ImportFailed) as info:
            read_apkg(path)
        assert words in info.value.message, (name, info.value.message)


def test_a_big_plain_collection_is_read_within_the_work_budget(tmp_path: Path) -> None:
    # Unbounded work needs a view (refused above); thousands of plain rows stay well
    # inside the budget that guards against anything else.
    data = _collection("CREATE TABLE col (models); INSERT INTO col VALUES ('{}');"
                       "CREATE TABLE notes (id, mid, flds, tags);"
                       "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c LIMIT 3000)"
                       " INSERT INTO notes SELECT i, 1, 'front' || i || char(31) || 'back', ''"
                       " FROM c;")
    path = _apkg(tmp_path / "many.apkg", {"collection.anki2": data})
    assert len(read_apkg(path).questions) == 3000


def test_anki_text_export(tmp_path: Path) -> None:
    text = ("#separator:tab\n#html:true\n#tags column:3\n"
            "Capital of <b>Peru</b>?\tLima\tgeo\n"
            "Just a front\n"
            "Picture<img src='x.png'>\tA cat\t\n")
    result = read_anki_text(text, "deck.txt")
    assert [(q.prompt, q.answer, q.line) for q in result.questions] == [
        ("Capital of Peru?", "Lima", 4), ("Picture", "A cat", 6)]
    assert result.skipped[0].line == 5 and result.notes and "images" in result.notes[0].message


def test_aiken_problems_name_their_lines() -> None:
    result = read_aiken("Q one?\nA. x\nB. y\nANSWER: C\n\nQ two?\nA. x\nB. y\n\n"
                        "Q three?\nA. x\nB) y\nANSWER: b\n\nQ four?\nA. x\nnonsense\nANSWER: A\n")
    assert [q.answer for q in result.questions] == ["y"]
    assert [(s.line, s.reason) for s in result.skipped] == [
        (1, "malformed"), (6, "malformed"), (17, "malformed")]


def test_csv_problems(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed) as info:
        read_csv("prompt,answr\nx,y\n", "q.csv")
    assert (info.value.line, info.value.col) == (1, 2) and "answr" in info.value.message
    result = read_csv('prompt;answer;choices;type\nA?;x;x|y;\n"Multi\nline?";2,5;;number\n'
                      "C?;z;x|y;\nD?;;;\nE?;1;;number\n", "q.csv")
    assert [(q.type, q.answer, q.line) for q in result.questions] == [
        ("choice", "x", 2), ("number", 2.5, 3), ("number", 1, 7)]
    assert [(s.line, s.detail[:20]) for s in result.skipped] == [
        (5, "the answer `z` is no"), (6, "the answer is empty")]


# --------------------------------------------------------------------------- fuzzing

@pytest.mark.parametrize("reader", [read_gift, read_aiken, read_csv, read_anki_text])
def test_text_importers_never_crash(reader) -> None:
    rng = random.Random(16)
    for _ in range(1500):
        try:
            result = reader(noise(rng), "fuzz")
        except ImportFailed:
            continue
        for q in result.questions:
            assert q.prompt and "\x1b" not in q.prompt and "\x00" not in q.prompt


def test_xml_importer_never_crashes() -> None:
    rng = random.Random(17)
    for _ in range(1500):
        body = noise(rng)
        for raw in (body, f"<quiz>{body}</quiz>"):
            with contextlib.suppress(ImportFailed):
                read_moodle_xml(raw.encode("utf-8", "surrogatepass"), "fuzz.xml")


def test_apkg_importer_never_crashes(tmp_path: Path) -> None:
    from quiz.bank.model import Question
    from quiz.interop.anki import write_apkg

    good = write_apkg([Question(id="a", type="text", prompt="p", answer="x", evidence=[])],
                      "D", "d", now=1).data
    rng = random.Random(18)
    path = tmp_path / "f.apkg"
    for _ in range(150):
        data = bytearray(good)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path.write_bytes(bytes(data))
        with contextlib.suppress(ImportFailed):
            read_apkg(path)
    inner = zipfile.ZipFile(io.BytesIO(good)).read("collection.anki2")
    for _ in range(150):
        data = bytearray(inner)
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(100, len(data))] = rng.randrange(256)
        _apkg(path, {"collection.anki2": bytes(data)})
        with contextlib.suppress(ImportFailed):
            read_apkg(path)
