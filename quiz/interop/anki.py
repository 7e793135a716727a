"""Anki packages (``.apkg``): a zip holding a SQLite collection, read and written here.

Written with ``sqlite3`` and ``zipfile`` from the standard library rather than a
deck-building package: the reader needs the same knowledge of the collection
tables anyway, and the package that would write them pulls in an unmaintained
template engine for one fixed card layout.

An archive is hostile until shown otherwise: member names that climb out of
it, members that inflate far beyond their packed size (zip bombs), a
collection that is not SQLite or whose tables are views doing unbounded work
are all refused with a message, never a traceback.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import io
import json
import os
import re
import sqlite3
import stat
import tempfile
import time
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from quiz.bank.model import Question
from quiz.interop.model import (
    Exported,
    Imported,
    ImportFailed,
    ImportResult,
    Loss,
    Note,
    Skipped,
)
from quiz.interop.text import html_to_text

MAX_ARCHIVE = 1024 * 1024 * 1024  # decks with media are big; only the collection is read
MAX_COLLECTION = 256 * 1024 * 1024
MAX_RATIO = 200  # SQLite pages compress well, but not 200 to 1 unless built to explode
MAX_STEPS = 50_000_000  # SQLite VM steps allowed for reading one collection
_SQLITE_MAGIC = b"SQLite format 3\x00"
_MEDIA_RE = re.compile(r"\[sound:[^\]]*\]")
MODEL_ID = 1_700_000_000_001
FIELDS = ("Question", "Answer", "Passage", "Explanation", "Id")


def _refuse(path: str, message: str) -> ImportFailed:
    return ImportFailed(path, 1, 1, message)


def _collection_bytes(path: Path) -> bytes:
    where = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise _refuse(where, "no such file") from None
    except OSError as exc:
        raise _refuse(where, f"cannot read it ({exc.strerror})") from None
    if not stat.S_ISREG(st.st_mode):
        raise _refuse(where, "not a regular file")
    if st.st_size > MAX_ARCHIVE:
        raise _refuse(where, f"the package is {st.st_size / 2**30:.1f} GiB, over the "
                      f"{MAX_ARCHIVE // 2**30} GiB limit")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise _refuse(where, "not an Anki package: an .apkg is a zip file, and this is "
                      "not one") from None
    with zf:
        infos = zf.infolist()
        for member in infos:
            name = member.filename
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if name.startswith(("/", "\\")) or ".." in parts or re.match(r"[A-Za-z]:", name):
                raise _refuse(where, f"the package holds a file named {name[:60]!r}, which "
                              "points outside the package; refused")
        names = {i.filename: i for i in infos}
        info = names.get("collection.anki21") or names.get("collection.anki2")
        if info is None:
            if "collection.anki21b" in names:
                raise _refuse(where, "this package uses Anki's newest compressed layout; "
                              "export it again from Anki with \"Support older Anki versions\" "
                              "ticked")
            raise _refuse(where, "no collection.anki2 in the package; is it an Anki deck?")
        if info.file_size > MAX_COLLECTION:
            raise _refuse(where, f"the collection inflates to {info.file_size / 2**20:.0f} "
                          f"MiB, over the {MAX_COLLECTION // 2**20} MiB limit")
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            raise _refuse(where, "the collection inflates more than "
                          f"{MAX_RATIO} times its packed size (a zip bomb); refused")
        try:
            with zf.open(info) as packed:
                data = packed.read(MAX_COLLECTION + 1)  # never trust the declared size
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError,
                RuntimeError, ValueError) as e:
            raise _refuse(where, f"the collection cannot be unpacked ({e})") from None
    if len(data) > MAX_COLLECTION:
        raise _refuse(where, "the collection is larger than its header says; refused")
    if not data.startswith(_SQLITE_MAGIC):
        raise _refuse(where, "the collection inside the package is not an SQLite database")
    return data


def read_apkg(path: Path) -> ImportResult:
    data = _collection_bytes(path)
    with tempfile.TemporaryDirectory(prefix="quiz-apkg-") as tmp:
        db = Path(tmp) / "collection.anki2"
        db.write_bytes(data)
        try:
            return _read_collection(db, str(path))
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            # (A damaged schema can even make SQLite's error message undecodable.)
            reason = exc if isinstance(exc, sqlite3.DatabaseError) else "damaged text"
            raise _refuse(str(path), f"the collection cannot be read ({reason}); is it an "
                          "Anki collection?") from None


def _read_collection(db: Path, where: str) -> ImportResult:
    conn = sqlite3.connect(f"file:{db}?mode=ro&immutable=1", uri=True)
    steps = 0

    def budget() -> int:
        nonlocal steps
        steps += 1000
        return 1 if steps > MAX_STEPS else 0  # non-zero stops the query

    conn.set_progress_handler(budget, 1000)
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")  # a bad byte is no crash
    try:
        with contextlib.suppress(sqlite3.DatabaseError):
            conn.execute("PRAGMA trusted_schema = OFF")
        kinds = dict(conn.execute("SELECT name, type FROM sqlite_master WHERE name IN "
                                  "('notes', 'col')").fetchall())
        if kinds.get("notes") != "table":
            raise _refuse(where, "the collection has no notes table; is it an Anki deck?")
        models: dict[str, dict] = {}
        if kinds.get("col") == "table":
            row = conn.execute("SELECT models FROM col LIMIT 1").fetchone()
            with contextlib.suppress(ValueError, TypeError):
                loaded = json.loads(row[0]) if row and isinstance(row[0], str) else {}
                models = loaded if isinstance(loaded, dict) else {}
        result = ImportResult()
        media = 0
        rows = conn.execute("SELECT id, mid, flds, tags FROM notes ORDER BY id")
        for n, (_nid, mid, flds, tags) in enumerate(rows, 1):
            if not isinstance(flds, str):
                result.skipped.append(Skipped(n, "malformed", f"note {n} has no text fields"))
                continue
            model = models.get(str(mid)) if isinstance(models.get(str(mid)), dict) else None
            names = _field_names(model)
            if model is not None and model.get("type") == 1:
                result.skipped.append(Skipped(n, "cloze note", f"note {n} is a cloze "
                                              "deletion; quiz has no cloze type"))
                continue
            raw = flds.split("\x1f")
            if any("<img" in f or "[sound:" in f for f in raw):
                media += 1
            fields = {names[i] if i < len(names) else f"#{i}": html_to_text(_MEDIA_RE.sub(
                "", f)) for i, f in enumerate(raw)}
            values = list(fields.values())
            if len(values) < 2 or not values[0] or not values[1]:
                result.skipped.append(Skipped(n, "empty card", f"note {n} has no front or "
                                              "no back text"))
                continue
            q = Imported("text", values[0], values[1], n,
                         name=fields.get("Id", ""), explanation=fields.get("Explanation", ""),
                         evidence=[p.strip() for p in re.split(r"\n\s*\n",
                                                               fields.get("Passage", ""))
                                   if p.strip()],
                         tags=[t for t in (tags or "").split() if t][:50] if isinstance(
                             tags, str) else [])
            result.questions.append(q)
        if media:
            result.notes.append(Note(1, f"images and sounds on {media} note(s) ignored; only "
                                     "their text was imported"))
        return result
    finally:
        conn.close()


def _field_names(model: dict | None) -> list[str]:
    if not model or not isinstance(model.get("flds"), list):
        return []
    flds = [f for f in model["flds"] if isinstance(f, dict)]
    flds.sort(key=lambda f: f.get("ord", 0) if isinstance(f.get("ord"), int) else 0)
    return [str(f.get("name", "")) for f in flds]


# --------------------------------------------------------------------------- writing


def _html(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def _front(q: Question) -> str:
    front = _html(q.prompt)
    options = {"choice": q.choices, "multi": q.choices, "order": sorted(q.items)}.get(q.type)
    if options:
        front += "<ul>" + "".join(f"<li>{_html(c)}</li>" for c in options) + "</ul>"
    if q.type == "truefalse":
        front += "<br>(true or false?)"
    return front


def _back(q: Question) -> str:
    if isinstance(q.answer, bool):
        return "True" if q.answer else "False"
    if q.type == "order":
        return " → ".join(q.items)
    if isinstance(q.answer, list):
        return ", ".join(q.answer)
    if q.type == "number":
        text = repr(q.answer)
        if q.tolerance:
            text += f" ± {q.tolerance!r}"
        return text + (f" {q.unit}" if q.unit else "")
    return str(q.answer)


def _id(*parts: str, bits: int = 40) -> int:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % (1 << bits) + 1


def write_apkg(questions: list[Question], deck: str, deck_key: str,
               now: float | None = None) -> Exported:
    """An .apkg with one deck of notes (fields: Question, Answer, Passage, Explanation, Id)."""
    moment = int(now if now is not None else time.time())
    losses: list[Loss] = []
    for q in questions:
        if q.type != "text":
            losses.append(Loss(f"{q.type} questions become front/back cards (the choices "
                               "are listed on the front)", q.id))
        if q.accept:
            losses.append(Loss("accepted forms", q.id))
        if q.hints:
            losses.append(Loss("hints", q.id))
        if q.difficulty != 2:
            losses.append(Loss("difficulty", q.id))
        if any(len(t.split()) > 1 for t in q.tags):
            losses.append(Loss("spaces in tags (written as _)", q.id))
    deck_id = _id("deck", deck_key)
    model = {
        "id": MODEL_ID, "name": "quiz question", "type": 0, "mod": moment, "usn": -1,
        "sortf": 0, "did": deck_id, "tags": [], "vers": [], "req": [[0, "any", [0]]],
        "latexPre": "\\documentclass[12pt]{article}\n\\begin{document}\n",
        "latexPost": "\\end{document}", "css": ".card { font-family: sans-serif; font-size: "
        "20px; } blockquote { color: #555; border-left: 3px solid #999; padding-left: 8px; }",
        "flds": [{"name": n, "ord": i, "sticky": False, "rtl": False, "font": "Arial",
                  "size": 20, "media": []} for i, n in enumerate(FIELDS)],
        "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": "{{Question}}",
                   "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}"
                   "{{#Explanation}}<p>{{Explanation}}</p>{{/Explanation}}"
                   "{{#Passage}}<blockquote>{{Passage}}</blockquote>{{/Passage}}",
                   "did": None, "bqfmt": "", "bafmt": ""}],
    }
    decks = {
        "1": {"id": 1, "name": "Default", "conf": 1, "desc": "", "dyn": 0, "collapsed": False,
              "extendNew": 10, "extendRev": 50, "mod": moment, "usn": 0,
              "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0],
              "timeToday": [0, 0]},
        str(deck_id): {"id": deck_id, "name": deck, "conf": 1, "desc": "", "dyn": 0,
                       "collapsed": False, "extendNew": 10, "extendRev": 50, "mod": moment,
                       "usn": -1, "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0],
                       "timeToday": [0, 0]},
    }
    dconf = {"1": {"id": 1, "name": "Default", "mod": 0, "usn": 0, "maxTaken": 60,
                   "autoplay": True, "timer": 0, "replayq": True, "dyn": False,
                   "new": {"delays": [1, 10], "ints": [1, 4, 7], "initialFactor": 2500,
                           "order": 1, "perDay": 20, "bury": True, "separate": True},
                   "rev": {"perDay": 200, "ease4": 1.3, "fuzz": 0.05, "ivlFct": 1,
                           "maxIvl": 36500, "bury": True, "minSpace": 1},
                   "lapse": {"delays": [10], "mult": 0, "minInt": 1, "leechFails": 8,
                             "leechAction": 0}}}
    conf = {"nextPos": len(questions) + 1, "estTimes": True, "activeDecks": [1],
            "sortType": "noteFld", "timeLim": 0, "sortBackwards": False, "addToCur": True,
            "curDeck": 1, "newSpread": 0, "dueCounts": True, "curModel": str(MODEL_ID),
            "collapseTime": 1200}
    conn = sqlite3.connect(":memory:")  # built in memory, then serialised into the zip
    try:
        conn.executescript(_SCHEMA)
        conn.execute("INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
                     (moment, moment * 1000, moment * 1000, json.dumps(conf),
                      json.dumps({str(MODEL_ID): model}), json.dumps(decks),
                      json.dumps(dconf)))
        for i, q in enumerate(questions):
            fields = [_front(q), _html(_back(q)),
                      "<br><br>".join(_html(e.quote) for e in q.evidence),
                      _html(q.explanation), _html(q.id)]
            nid = moment * 1000 + i  # creation times in ms, as Anki makes them: in order
            sort_field = html_to_text(fields[0])
            csum = int(hashlib.sha1(sort_field.encode("utf-8")).hexdigest()[:8], 16)
            tags = " ".join("_".join(t.split()) for t in q.tags)  # a space parts tags
            conn.execute("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')",
                         (nid, f"quiz-{_id('guid', deck_key, q.id):x}", MODEL_ID, moment,
                          f" {tags} " if tags else "", "\x1f".join(fields), sort_field,
                          csum))
            conn.execute("INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0,"
                         " 0, 0, 0, 0, '')", (nid, nid,
                                              deck_id, moment, i + 1))
        conn.commit()
        collection = conn.serialize()
    finally:
        conn.close()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("collection.anki2", collection)
        zf.writestr("media", "{}")
    return Exported(buf.getvalue(), len(questions), losses)


_SCHEMA = """
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
  scm integer not null, ver integer not null, dty integer not null, usn integer not null,
  ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
  mod integer not null, usn integer not null, tags text not null, flds text not null,
  sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
  ord integer not null, mod integer not null, usn integer not null, type integer not null,
  queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null,
  odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
  ease integer not null, ivl integer not null, lastIvl integer not null,
  factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
"""
