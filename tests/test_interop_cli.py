"""`quiz import` and `quiz export` end to end: what is written, what is reported, and the
structure of the Moodle XML and the Anki package they write."""

from __future__ import annotations

import json
import sqlite3
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from quiz.bank.load import load_bank
from quiz.cli.main import main
from tests.conftest import SEED_BANK

ARTICLE = SEED_BANK / "article.txt"
VARIED = Path(__file__).parent / "interop" / "varied_100.gift"


def test_without_an_article_it_only_reports(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(VARIED)]) == 0
    out, err = capsys.readouterr()
    assert "87 question(s) read" in out and "15 skipped" in out
    assert "nothing written" in out and "--article" in out
    assert f"{VARIED}:271: skipped: essay" in err
    assert not (tmp_path / "questions").exists()


def test_import_writes_a_bank_of_drafts_that_loads(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "imported"
    assert main(["import", str(VARIED), "--article", str(ARTICLE), "-o", str(folder),
                 "--url", "https://example.org/a", "--license", "CC BY-SA 4.0"]) == 0
    out, err = capsys.readouterr()
    assert "imported 87 question(s)" in out and "quiz ground" in out
    # Two choices the bank's checker takes for the same (they differ only in punctuation).
    assert "2 refused by the bank checker" in out
    assert f"{VARIED}:195: skipped: refused by the bank checker: choice" in err
    bank = load_bank(folder, use_cache=False)
    assert bank.source.title == "Inter-Korean Liaison Office"  # from the `= Title =` line
    assert (bank.source.url, bank.source.license) == ("https://example.org/a", "CC BY-SA 4.0")
    assert (folder / "article.txt").read_bytes() == ARTICLE.read_bytes()
    assert len(bank.questions) == 87
    assert all(q.status == "draft" and not q.evidence and q.origin == "imported:gift"
               for q in bank.questions)
    assert bank.playable(include_drafts=True) == []  # nothing is played before grounding
    ids = [q.id for q in bank.questions]
    assert ids[0] == "q001" and len(set(ids)) == len(ids)
    # A second import refuses to overwrite; with --force it gives the very same ids.
    assert main(["import", str(VARIED), "--article", str(ARTICLE), "-o", str(folder)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["import", str(VARIED), "--article", str(ARTICLE), "-o", str(folder),
                 "--force"]) == 0
    assert [q.id for q in load_bank(folder, use_cache=False).questions] == ids


def test_ids_without_titles_come_from_the_prompt(tmp_path: Path) -> None:
    src = tmp_path / "quiz.aiken"
    src.write_text("What is the capital of Peru?\nA. Lima\nB. Cusco\nANSWER: A\n\n"
                   "What is the capital of Peru?\nA. Lima\nB. Quito\nANSWER: A\n")
    assert main(["import", str(src), "--article", str(ARTICLE), "-o", str(tmp_path / "b")]) == 0
    bank = load_bank(tmp_path / "b", use_cache=False)
    assert [q.id for q in bank.questions] == ["what-is-the-capital-of-peru",
                                              "what-is-the-capital-of-peru-2"]


def test_a_file_it_cannot_read_is_one_clear_line(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<quiz>\n<question>\n</quiz>")
    assert main(["import", str(bad), "--article", str(ARTICLE), "-o", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}:3:") and "not well-formed" in err and "Traceback" not in err
    unknown = tmp_path / "notes.dat"
    unknown.write_text("hello\n")
    assert main(["import", str(unknown)]) == 1
    assert "--format" in capsys.readouterr().err


@pytest.mark.parametrize(("name", "content", "fmt"), [
    ("a.txt", "::t::Q?{=a}", "gift"),
    ("a.txt", "Q?\nA. x\nB. y\nANSWER: A\n", "aiken"),
    ("a.txt", "<?xml version='1.0'?><quiz></quiz>", "moodle-xml"),
    ("a.txt", "#separator:tab\nfront\tback\n", "anki"),
    ("a.txt", "prompt,answer\nQ?,a\n", "csv"),
])
def test_the_format_is_guessed(tmp_path: Path, name: str, content: str, fmt: str) -> None:
    from quiz.interop.formats import guess_format

    path = tmp_path / name
    path.write_text(content)
    assert guess_format(path) == fmt


def test_moodle_xml_export_has_the_structure_moodle_imports(tmp_path: Path, capsys) -> None:
    out = tmp_path / "bank.xml"
    assert main(["export", str(SEED_BANK), "--format", "moodle-xml", "-o", str(out)]) == 0
    raw = out.read_bytes()
    root = ET.fromstring(raw)  # well-formed
    assert root.tag == "quiz"
    bank = load_bank(SEED_BANK)
    approved = [q for q in bank.questions if q.status == "approved"]
    questions = root.findall("question")
    assert len(questions) == len(approved)
    kinds = {"choice": "multichoice", "multi": "multichoice", "truefalse": "truefalse",
             "text": "shortanswer", "number": "numerical", "order": "ordering"}
    for q, el in zip(approved, questions, strict=True):
        assert el.get("type") == kinds[q.type]
        assert el.findtext("name/text") == q.id
        assert el.find("questiontext").get("format") == "html"
        assert el.findtext("questiontext/text").strip()
        answers = el.findall("answer")
        assert answers and all(float(a.get("fraction")) is not None for a in answers)
        assert all(a.find("text") is not None for a in answers)
        if q.type in ("choice", "truefalse", "text", "number"):
            assert any(float(a.get("fraction")) == 100 for a in answers)
        if q.type in ("choice", "multi"):
            assert el.findtext("single") == ("true" if q.type == "choice" else "false")
            assert len(answers) == len(q.choices)
        if q.type == "number":
            assert answers[0].find("tolerance") is not None
        assert len(el.findall("hint")) == len(q.hints)
        feedback = el.findtext("generalfeedback/text")
        assert all(e.quote.split()[0] in feedback for e in q.evidence)
    assert b"<![CDATA[" in raw  # HTML text travels in CDATA; everything else is escaped


def test_apkg_export_is_a_zip_holding_a_valid_collection(tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    assert main(["export", str(SEED_BANK), "--format", "anki", "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as zf:
        assert set(zf.namelist()) == {"collection.anki2", "media"}
        assert json.loads(zf.read("media")) == {}
        (tmp_path / "c.anki2").write_bytes(zf.read("collection.anki2"))
    conn = sqlite3.connect(tmp_path / "c.anki2")
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    (models_json, decks_json, ver) = conn.execute("SELECT models, decks, ver FROM col").fetchone()
    assert ver == 11
    models = json.loads(models_json)
    (model,) = models.values()
    names = [f["name"] for f in model["flds"]]
    assert names[:2] == ["Question", "Answer"] and "Passage" in names
    assert "{{Passage}}" in model["tmpls"][0]["afmt"]  # the passage is on the back
    bank = load_bank(SEED_BANK)
    approved = [q for q in bank.questions if q.status == "approved"]
    notes = conn.execute("SELECT id, mid, flds FROM notes ORDER BY id").fetchall()
    assert len(notes) == len(approved)
    deck_ids = {int(k) for k in json.loads(decks_json)}
    for (nid, mid, flds), q in zip(notes, approved, strict=True):
        assert str(mid) in models
        fields = dict(zip(names, flds.split("\x1f"), strict=True))
        assert fields["Id"] == q.id
        assert q.evidence[0].quote.split()[0] in fields["Passage"]
        (did,) = conn.execute("SELECT did FROM cards WHERE nid = ?", (nid,)).fetchone()
        assert did in deck_ids
    conn.close()


def test_each_export_lists_what_the_format_cannot_hold(tmp_path: Path, capsys) -> None:
    assert main(["export", str(SEED_BANK), "--format", "aiken", "-o",
                 str(tmp_path / "a.txt")]) == 0
    out, err = capsys.readouterr()
    assert "Aiken cannot hold text questions" in err and "wrote" in out
    assert main(["export", str(SEED_BANK), "--format", "gift", "-o",
                 str(tmp_path / "g.txt")]) == 0
    assert "GIFT cannot hold hints" in capsys.readouterr().err


def test_drafts_are_exported_only_when_asked(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "drafts"
    assert main(["import", str(VARIED), "--article", str(ARTICLE), "-o", str(folder)]) == 0
    capsys.readouterr()
    assert main(["export", str(folder), "--format", "csv", "-o", str(tmp_path / "x.csv")]) == 0
    out = capsys.readouterr().out
    assert "wrote 0 question(s)" in out and "--include-drafts" in out
    assert main(["export", str(folder), "--format", "csv", "-o", str(tmp_path / "x.csv"),
                 "--include-drafts"]) == 0
    assert "wrote 87 question(s)" in capsys.readouterr().out


def test_help_explains_both_commands(capsys) -> None:
    for command in ("import", "export"):
        with pytest.raises(SystemExit) as done:
            main([command, "--help"])
        assert done.value.code == 0
        assert "--format" in capsys.readouterr().out


def test_export_never_overwrites_the_bank_itself(tmp_path: Path, capsys) -> None:
    import shutil

    folder = tmp_path / "copy"
    shutil.copytree(SEED_BANK, folder)
    before = (folder / "bank.yaml").read_bytes()
    assert main(["export", str(folder), "--format", "csv", "-o", str(folder / "bank.yaml")]) == 1
    assert "own file" in capsys.readouterr().err
    assert (folder / "bank.yaml").read_bytes() == before
