"""The bank loader on good banks: values, evidence offsets, round trips and the cache."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import pytest

from quiz.bank import cache
from quiz.bank import load as bank_mod
from quiz.bank.article import normalise_ws
from quiz.bank.dump import dump_bank, dump_bank_text
from quiz.bank.load import BankError, check_bank, load_bank
from quiz.bank.model import Bank, Question
from tests.conftest import ROOT, SEED_BANK

GOOD = ROOT / "tests" / "good_banks"
ALL_TYPES = GOOD / "all-types.yaml"


def good_bank_files() -> list[Path]:
    """Every bank in the repository that is meant to load."""
    files = sorted(GOOD.glob("*.yaml"))
    files += sorted((ROOT / "tests" / "banks").glob("*/bank.yaml"))
    seed = SEED_BANK / "bank.yaml"
    if check_bank(seed, use_cache=False)[0] is not None:  # it may still be being written
        files.append(seed)
    return files


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    """A copy of the all-types bank as ``bank.yaml`` in a folder of its own."""
    folder = tmp_path / "liaison"
    folder.mkdir()
    shutil.copy(GOOD / "article.txt", folder / "article.txt")
    shutil.copy(ALL_TYPES, folder / "bank.yaml")
    return folder


def without_lines(questions: list[Question]) -> list[Question]:
    """Questions compared apart from where they sit in the file."""
    return [dataclasses.replace(q, line=0) for q in questions]


# --------------------------------------------------------------------------- values


def test_all_types_bank_values():
    bank = load_bank(ALL_TYPES, use_cache=False)
    assert (bank.id, bank.title) == ("good-all-types", "Inter-Korean Liaison Office (every "
                                     "question type)")
    assert bank.description.startswith("One question of each type")
    assert bank.source.file == "article.txt"
    assert bank.source.license == "CC BY-SA 4.0"
    assert bank.source.author == "Wikipedia contributors"
    q = {x.id: x for x in bank.questions}
    assert [x.type for x in bank.questions] == [
        "text", "choice", "multi", "truefalse", "number", "number", "order", "text", "text",
        "text"]
    assert q["demolition-date"].answer == "16 June 2020"
    assert q["demolition-date"].accept == ["June 16 2020", "16/06/2020"]
    assert q["demolition-date"].hints[1] == "The month was June."
    assert q["demolition-date"].tags == ["dates", "destruction"]
    assert q["north-representative"].choices[0] == "Jon Jong-su"
    assert q["co-heads"].answer == ["Chun Hae-sung", "Jon Jong-su"]
    assert q["destroyed-in-2018"].answer is False
    assert q["floor-area"].answer == 4498.57 and q["floor-area"].tolerance == 0.5
    assert q["floor-area"].unit == "m2"
    assert q["storeys"].answer == 4 and isinstance(q["storeys"].answer, int)
    assert q["timeline"].items[0] == "The Panmunjom Declaration is signed"
    assert q["timeline"].items == q["timeline"].answer
    # A block scalar (>-) folds its lines into one.
    assert "\n" not in q["co-heads"].evidence[0].quote
    # Keys left out take their defaults.
    assert (q["vice-minister"].difficulty, q["vice-minister"].origin,
            q["vice-minister"].status) == (2, "curated", "approved")
    assert (q["second-meeting-date"].origin, q["second-meeting-date"].status) == (
        "generated:dates", "draft")
    assert [x.id for x in bank.playable()] == [x.id for x in bank.questions
                                                if x.id != "second-meeting-date"]
    assert q["demolition-date"].line == 14


@pytest.mark.parametrize("path", good_bank_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_good_bank_loads(path: Path):
    bank, diags = check_bank(path, use_cache=False)
    assert diags == []
    assert bank is not None and bank.questions


def test_bom_is_fine():
    bank = load_bank(GOOD / "bom.yaml", use_cache=False)
    assert bank.title == "Byte order mark: 남북공동연락사무소"
    assert bank.questions[0].answer == "남북공동연락사무소"


def test_crlf_line_endings_load_the_same(tmp_path: Path):
    shutil.copy(GOOD / "article.txt", tmp_path / "article.txt")
    crlf = tmp_path / "bank.yaml"
    crlf.write_bytes(ALL_TYPES.read_bytes().replace(b"\n", b"\r\n"))
    assert without_lines(load_bank(crlf, use_cache=False).questions) == without_lines(
        load_bank(ALL_TYPES, use_cache=False).questions)


def test_folder_path_loads_its_bank_yaml(bank_dir: Path):
    bank = load_bank(bank_dir, use_cache=False)
    assert bank.path == bank_dir / "bank.yaml"
    assert bank.article_path == bank_dir / "article.txt"


# --------------------------------------------------------------------------- evidence


@pytest.mark.parametrize("path", good_bank_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_evidence_offsets_point_at_the_quote(path: Path):
    bank = load_bank(path, use_cache=False)
    text = bank.article.text
    for q in bank.questions:
        for ev in q.evidence:
            assert 0 <= ev.start < ev.end <= len(text)
            assert normalise_ws(text[ev.start:ev.end]) == normalise_ws(ev.quote)
            section = bank.article.section_at(ev.start)
            assert ev.section_title == section.title


def test_prefix_suffix_and_section_choose_the_right_occurrence():
    bank = load_bank(ALL_TYPES, use_cache=False)
    text = bank.article.text
    # "2 November 2018" occurs twice; the prefix picks the second.
    ev = bank.question("second-meeting-date").evidence[0]
    first = text.index("2 November 2018")
    second = text.index("2 November 2018", first + 1)
    assert ev.start == second
    assert text[:ev.start].rstrip().endswith("Another meeting was held on")
    # "Kim Jong-un" occurs twice; the suffix picks the first.
    ev = bank.question("declaration-signer").evidence[0]
    assert ev.start == text.index("Kim Jong-un")
    assert text[ev.end:].lstrip().startswith("and South Korean President Moon Jae-in")
    # "Chun Hae-sung (천해성)" is in the lead and in History; the section picks History.
    ev = bank.question("vice-minister").evidence[0]
    assert text.index("Chun Hae-sung (천해성)") < ev.start
    assert ev.section_title == "History"
    assert bank.question("vice-minister").section == "History"
    # Multi-line quotes map back onto the original (line-wrapped) text.
    ev = bank.question("co-heads").evidence[0]
    assert text[ev.start:ev.end].startswith("Another meeting was held on 2 November 2018")


@pytest.mark.parametrize("qid, key", [
    ("second-meeting-date", "        prefix: Another meeting was held on\n"),
    ("declaration-signer", "        suffix: and South Korean President Moon Jae-in\n"),
    ("vice-minister", "        section: History\n"),
])
def test_without_its_selector_a_quote_is_ambiguous(bank_dir: Path, qid: str, key: str):
    path = bank_dir / "bank.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(key) == 1
    path.write_text(text.replace(key, ""), encoding="utf-8")
    _, diags = check_bank(path, use_cache=False)
    assert [(d.question_id, d.message.split(" (")[0]) for d in diags] == [
        (qid, "quote occurs 2 times in article.txt")]


def test_the_answer_itself_must_be_in_the_passage(bank_dir: Path):
    path = bank_dir / "bank.yaml"
    text = path.read_text(encoding="utf-8")
    old = "    answer: 16 June 2020\n    accept: [June 16 2020, 16/06/2020]\n"
    assert old in text

    def diags_with(answer: str) -> list[str]:
        path.write_text(text.replace(old, answer), encoding="utf-8")
        _, diags = check_bank(path, use_cache=False)
        return [d.message.split(";")[0] for d in diags]

    # The same date written another way is the passage's date.
    assert diags_with("    answer: June 16 2020\n    accept: ['2020-06-16']\n") == []
    # An accepted form in the passage no longer vouches for an answer that is not.
    passage = "“On 16 June 2020 at 2:50 pm, the four-story building was demolished by North Korea.”"
    assert diags_with("    answer: Union Buildings\n    accept: [16 June 2020]\n") == [
        f"the answer `Union Buildings` cannot be read in the evidence {passage}"]
    # Nor may an accepted form claim something else.
    forms = "    answer: 16 June 2020\n    accept: [17 June 2020, on 16 June 2020]\n"
    assert diags_with(forms) == [
        f"accepted form `17 June 2020` cannot be read in the evidence {passage} and is not the "
        "answer `16 June 2020` written another way"]


def test_only_a_draft_may_wait_for_its_evidence(bank_dir: Path):
    path = bank_dir / "bank.yaml"
    text = path.read_text(encoding="utf-8")
    quote = ('    evidence:\n      - quote: "On 16 June 2020 at 2:50 pm, the four-story '
             'building was demolished by North Korea."\n'
             '        section: Destruction of building\n')
    assert text.count(quote) == 1
    bare = text.replace(quote, "")
    path.write_text(bare, encoding="utf-8")
    _, diags = check_bank(path, use_cache=False)
    assert [(d.question_id, d.message.split(";")[0]) for d in diags] == [
        ("demolition-date", "missing `evidence`")]
    # The same question as a draft loads, and is never offered to a player.
    path.write_text(bare.replace("    status: approved\n", "    status: draft\n", 1),
                    encoding="utf-8")
    bank = load_bank(path, use_cache=False)
    assert bank.question("demolition-date").evidence == []
    assert "demolition-date" not in [q.id for q in bank.playable(include_drafts=True)]
    assert len(bank.playable(include_drafts=True)) == len(bank.questions) - 1


# --------------------------------------------------------------------------- round trip


@pytest.mark.parametrize("path", good_bank_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_round_trip_keeps_every_question(path: Path, tmp_path: Path):
    original = load_bank(path, use_cache=False)
    shutil.copy(original.article_path, tmp_path / original.source.file)
    out = tmp_path / "bank.yaml"
    dump_bank(original, out)
    again = load_bank(out, use_cache=False)
    assert without_lines(again.questions) == without_lines(original.questions)
    assert (again.id, again.title, again.description, again.source) == (
        original.id, original.title, original.description, original.source)
    # Writing is canonical: a second dump is byte for byte the first.
    assert dump_bank_text(again) == out.read_text(encoding="utf-8")


def test_dump_writes_keys_in_canonical_order():
    import yaml

    bank = load_bank(ALL_TYPES, use_cache=False)
    text = dump_bank_text(bank)
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    keys = [k.value for k, _ in root.value]
    assert keys == ["format", "id", "title", "description", "source", "questions"]
    questions = dict(root.value)[[k for k, _ in root.value][-1]].value
    order = list(bank_mod.QUESTION_KEYS)
    for qnode in questions:
        qkeys = [k.value for k, _ in qnode.value]
        assert qkeys == sorted(qkeys, key=order.index)
    floor = next(q for q in questions if q.value[0][1].value == "floor-area")
    assert [k.value for k, _ in floor.value] == [
        "id", "type", "prompt", "answer", "tolerance", "unit", "evidence", "difficulty", "tags",
        "origin", "status"]
    # Questions are separated by a blank line, so hand edits stay readable.
    assert text.count("\n\n") >= len(bank.questions) - 1


def test_dump_quotes_what_yaml_would_coerce(tmp_path: Path):
    """Strings that YAML 1.1 reads as other types survive a dump and a strict reload."""
    bank = load_bank(ALL_TYPES, use_cache=False)
    risky = ["no", "yes", "on", "012", "1.10", "12:30", "2020-06-16", "true", "null", "~",
             "[x]", "a: b", "#", "- x", "", " padded ", "\x1b[31m"]
    q = bank.question("demolition-date")
    # (in the hints: an accepted form must be grounded in the passage, a hint need not be)
    q.hints = [r for r in risky if r.strip()] + ["line one\nline two", "tab\there"]
    q.tags = ["no", "012"]
    shared = ["dates"]  # one list object used twice must not become an alias
    bank.question("floor-area").tags = shared
    bank.question("storeys").tags = shared
    shutil.copy(GOOD / "article.txt", tmp_path / "article.txt")
    dump_bank(bank, tmp_path / "bank.yaml")
    again = load_bank(tmp_path / "bank.yaml", use_cache=False)
    assert again.question("demolition-date").tags == ["no", "012"]
    assert again.question("demolition-date").hints == q.hints
    assert again.question("storeys").tags == ["dates"]


def test_dump_is_atomic(bank_dir: Path, monkeypatch: pytest.MonkeyPatch):
    path = bank_dir / "bank.yaml"
    before = path.read_bytes()
    bank = load_bank(path, use_cache=False)
    bank.title = "Changed"

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        dump_bank(bank, path)
    assert path.read_bytes() == before  # the old file is untouched
    assert sorted(p.name for p in bank_dir.iterdir()) == ["article.txt", "bank.yaml"]
    monkeypatch.undo()
    dump_bank(bank, bank_dir)  # a folder means its bank.yaml
    assert load_bank(path, use_cache=False).title == "Changed"
    assert sorted(p.name for p in bank_dir.iterdir()) == ["article.txt", "bank.yaml"]


# --------------------------------------------------------------------------- cache


@pytest.fixture
def count_builds(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every real parse of a bank file, recorded."""
    calls: list[Path] = []
    real = bank_mod._build

    def counting(path, ctx):
        calls.append(path)
        return real(path, ctx)

    monkeypatch.setattr(bank_mod, "_build", counting)
    return calls


def cache_files(home: Path) -> list[Path]:
    return sorted((home / "cache" / "banks").glob("*.pickle"))


def test_second_load_comes_from_the_cache(bank_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                          quiz_home: Path):
    first = load_bank(bank_dir)
    assert len(cache_files(quiz_home)) == 1

    def fail(path, ctx):
        raise AssertionError("the second load must not parse the file")

    monkeypatch.setattr(bank_mod, "_build", fail)
    second = load_bank(bank_dir)
    assert isinstance(second, Bank)
    assert second.questions == first.questions  # evidence offsets included
    assert second.path == bank_dir / "bank.yaml"
    # The article is not in the cache file; it is read again when asked for.
    assert second._article is None
    assert second.article.text == first.article.text


def test_touching_the_bank_invalidates_the_cache(bank_dir: Path, count_builds: list[Path]):
    load_bank(bank_dir)
    path = bank_dir / "bank.yaml"
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # same bytes, newer
    load_bank(bank_dir)
    assert len(count_builds) == 2
    load_bank(bank_dir)
    assert len(count_builds) == 2


def test_an_edited_bank_is_reparsed_and_errors_are_never_cached(bank_dir: Path,
                                                              count_builds: list[Path]):
    path = bank_dir / "bank.yaml"
    load_bank(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    answer: 16 June 2020\n", "    answer: no\n"),
                    encoding="utf-8")
    for _ in range(2):
        with pytest.raises(BankError, match="YAML reads `no` as the boolean false"):
            load_bank(path)
    assert len(count_builds) == 3


def test_touching_the_article_invalidates_the_cache(bank_dir: Path, count_builds: list[Path]):
    load_bank(bank_dir)
    article = bank_dir / "article.txt"
    # Re-flowed text: same words, other offsets. The cached offsets must not be reused.
    article.write_text(article.read_text(encoding="utf-8").replace(
        "On 16 June 2020 at 2:50 pm,", "On 16 June 2020\nat 2:50 pm,"), encoding="utf-8")
    bank = load_bank(bank_dir)
    assert len(count_builds) == 2
    ev = bank.question("demolition-date").evidence[0]
    assert bank.article.text[ev.start:ev.end].startswith("On 16 June 2020\nat 2:50 pm,")


def test_a_corrupt_cache_file_is_ignored(bank_dir: Path, count_builds: list[Path],
                                         quiz_home: Path):
    good = load_bank(bank_dir)
    (cached,) = cache_files(quiz_home)
    for junk in (b"", b"not a pickle at all", cached.read_bytes()[:50]):
        cached.write_bytes(junk)
        bank = load_bank(bank_dir)
        assert bank.questions == good.questions
    assert len(count_builds) == 4
    # The rebuilt bank was written back, so the next load is a cache hit again.
    load_bank(bank_dir)
    assert len(count_builds) == 4


def test_a_cache_file_holding_something_else_is_ignored(bank_dir: Path, quiz_home: Path,
                                                        count_builds: list[Path]):
    import pickle

    load_bank(bank_dir)
    (cached,) = cache_files(quiz_home)
    cached.write_bytes(pickle.dumps({"not": "a bank"}))
    assert load_bank(bank_dir).id == "good-all-types"
    assert len(count_builds) == 2


def test_no_cache_means_no_cache(bank_dir: Path, quiz_home: Path, count_builds: list[Path]):
    load_bank(bank_dir, use_cache=False)
    load_bank(bank_dir, use_cache=False)
    assert len(count_builds) == 2
    assert cache_files(quiz_home) == []


def test_an_unwritable_cache_does_not_stop_loading(bank_dir: Path, quiz_home: Path):
    (quiz_home / "cache").write_text("a file where the cache folder should be")
    assert load_bank(bank_dir).id == "good-all-types"


def test_the_cache_key_covers_every_module_the_loader_uses():
    """A change to any module that shapes a parsed bank must make old cache entries stale."""
    import ast

    bank_pkg = ROOT / "quiz" / "bank"
    seen: set[str] = set()
    todo = ["load"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        tree = ast.parse((bank_pkg / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "quiz.bank":
                todo += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("quiz.bank."):
                todo.append(node.module.split(".")[2])
    assert {f"{name}.py" for name in seen} <= set(cache.SOURCES)
    assert all((bank_pkg / name).is_file() for name in cache.SOURCES)
