"""The bad-bank suite: every malformed bank gives exactly the diagnostics it promises.

Each ``tests/bad_banks/<case>.yaml`` starts with comment lines
``# expect: LINE:COL: [question 'ID': ]MESSAGE`` listing *all* the diagnostics
the file must produce, in order (``# expect: other.txt:L:C: ...`` for one
reported in another file, such as the article). Cases that cannot sit in the
repository as files (an 8 MiB file, an empty one, UTF-16) are written into a
temporary folder here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.bank import load as bank_mod
from quiz.bank.load import BankError, check_bank, find_bank_files, load_bank
from quiz.bank.yamlcheck import Diagnostic
from tests.conftest import ROOT

SUITE = ROOT / "tests" / "bad_banks"
CASES = sorted(SUITE.glob("*.yaml"))
_EXPECT_RE = re.compile(r"# expect: (.*)")


def expected(case: Path) -> list[str]:
    """The ``# expect:`` lines of the comment block a case starts with."""
    out = []
    # The header is UTF-8 even in the wrongly encoded cases; only their bodies are not.
    for line in case.read_bytes().decode("utf-8", "replace").splitlines():
        if not line.startswith("#"):
            break
        if m := _EXPECT_RE.fullmatch(line):
            out.append(m[1])
    return out


def render(case: Path, d: Diagnostic) -> str:
    """A diagnostic as the suite writes it: relative to the case file."""
    other = Path(d.path).name
    where = "" if Path(d.path) == case else f"{other}:"
    question = f"question '{d.question_id}': " if d.question_id else ""
    return f"{where}{d.line}:{d.col}: {question}{d.message}"


def bank_text(**replace: str) -> str:
    """A small good bank (against the suite's article), with lines swapped in."""
    text = (
        "format: 1\n"
        "id: generated\n"
        "title: A generated case\n"
        "source:\n"
        "  file: article.txt\n"
        "  title: Inter-Korean Liaison Office\n"
        "questions:\n"
        "  - id: demolition-date\n"
        "    type: text\n"
        "    prompt: On what date was the building demolished?\n"
        "    answer: 16 June 2020\n"
        "    evidence:\n"
        "      - quote: \"On 16 June 2020 at 2:50 pm\"\n"
    )
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    return text


def as_cli_lines(case: Path, folder: Path) -> list[str]:
    """A case's expectations as ``quiz validate`` prints them for ``folder/case``."""
    out = []
    for e in expected(case):
        where, rest = re.fullmatch(r"((?:[^:\s]+\.txt:)?\d+:\d+): (.*)", e).groups()
        if not where[0].isdigit():  # reported in another file beside the bank
            out.append(f"{folder}/{where}: error: {rest}")
        else:
            out.append(f"{folder / case.name}:{where}: error: {rest}")
    return out


def quiz_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args], cwd=ROOT, capture_output=True, text=True,
        timeout=60, env=os.environ.copy(),
    )


# --------------------------------------------------------------------------- the suite


def test_the_suite_is_complete():
    assert len(CASES) >= 30
    assert (SUITE / "article.txt").is_file()
    for case in CASES:
        assert expected(case), f"{case.name} has no '# expect:' line"
    # A few cases must check that several errors are reported at once.
    assert sum(len(expected(c)) > 1 for c in CASES) >= 5


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_bank_gives_exactly_its_diagnostics(case: Path):
    bank, diags = check_bank(case, use_cache=False)
    assert bank is None
    assert [render(case, d) for d in diags] == expected(case)
    for d in diags:
        assert d.line >= 1 and d.col >= 1
        assert Path(d.path).parent == SUITE  # the case, or the article beside it


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_load_bank_raises_with_every_diagnostic(case: Path):
    with pytest.raises(BankError) as info:
        load_bank(case, use_cache=False)
    assert [render(case, d) for d in info.value.diagnostics] == expected(case)
    # The exception text is the compiler-style report, one line per problem.
    assert str(info.value).count(": error: ") == len(expected(case))


def test_pure_python_loader_agrees(monkeypatch: pytest.MonkeyPatch):
    """Without libyaml the fallback loader reports the same problems at the same places."""
    import yaml

    from quiz.bank import yamlcheck

    monkeypatch.setattr(yamlcheck, "Loader", yaml.SafeLoader)
    for case in CASES:
        got = [render(case, d) for d in check_bank(case, use_cache=False)[1]]
        want = expected(case)
        if case.stem == "unquoted-colon":  # the two parsers word this one differently
            want = [w.replace("in this context", "here") for w in want]
        assert got == want, case.name


# --------------------------------------------------------------------------- generated cases


@pytest.fixture
def gen(tmp_path: Path) -> Path:
    shutil.copy(SUITE / "article.txt", tmp_path / "article.txt")
    return tmp_path


def test_huge_file_is_refused_before_parsing(gen: Path, monkeypatch: pytest.MonkeyPatch):
    path = gen / "huge.yaml"
    head = bank_text().encode()
    line = b"#" + b"x" * 1022 + b"\n"
    body = line * ((9 * 2**20 - len(head)) // len(line))
    path.write_bytes(head + body + b"#" * (9 * 2**20 - len(head) - len(body)))
    assert path.stat().st_size == 9 * 2**20 > bank_mod.MAX_BYTES

    def no_parse(*args, **kwargs):
        raise AssertionError("an oversized file must not be parsed")

    monkeypatch.setattr(bank_mod, "_compose", no_parse)
    bank, diags = check_bank(path, use_cache=False)
    assert bank is None
    assert [render(path, d) for d in diags] == [
        "1:1: the file is 9.0 MiB, over the 8 MiB limit for a bank; split it into several banks"
    ]


@pytest.mark.parametrize("content", [b"", b"\n\n   \n", b"\xef\xbb\xbf"],
                         ids=["empty", "blank", "bom-only"])
def test_empty_file(gen: Path, content: bytes):
    path = gen / "empty.yaml"
    path.write_bytes(content)
    _, diags = check_bank(path, use_cache=False)
    assert [render(path, d) for d in diags] == [
        "1:1: the file holds no bank (it is empty or only comments); a bank starts with "
        "`format: 1`, then id, title, source and questions"
    ]


def test_utf16_file(gen: Path):
    path = gen / "utf16.yaml"
    path.write_bytes(bank_text().encode("utf-16"))
    _, diags = check_bank(path, use_cache=False)
    assert [render(path, d) for d in diags] == [
        '1:1: the file is UTF-16 (as some editors save "Unicode"); save it as UTF-8'
    ]


def test_invalid_utf8_position_counts_characters(gen: Path):
    """The column of a bad byte counts the characters before it, not the bytes."""
    path = gen / "latin1.yaml"
    text = bank_text(**{"title: A generated case": "title: 전종수 caf\udce9"})
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    _, diags = check_bank(path, use_cache=False)
    assert [render(path, d) for d in diags] == [
        "3:15: the file is not valid UTF-8 (byte 0xe9); save it as UTF-8"
    ]


def test_missing_file(gen: Path):
    _, diags = check_bank(gen / "nowhere" / "bank.yaml", use_cache=False)
    assert [d.message for d in diags] == [
        "no such file; give a bank.yaml or a folder that holds one"]


def test_alias_bomb_of_a_million_aliases_is_cheap(gen: Path):
    """Aliases are refused from parse events: nothing is expanded, one line per anchor."""
    lines = ["format: 1", "id: lol", 'a0: &a0 ["lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 100) + "]" for i in range(1, 60)]
    path = gen / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, diags = check_bank(path, use_cache=False)
    assert len(diags) == 60  # 59 anchors with uses, and the last one without
    assert diags[0].message.startswith("anchors and aliases are not allowed in a bank: `&a0` "
                                       "is used by 100 aliases (`*a0`, first on line 4)")
    assert diags[-1].message == "anchors (`&a59`) are not allowed in a bank; remove it"


# --------------------------------------------------------------------------- quiz validate


@pytest.mark.parametrize("name", ["alias-bomb", "deep-nesting-2000", "windows-1252",
                                  "many-errors"])
def test_validate_command_reports_a_bad_bank(name: str):
    case = SUITE / f"{name}.yaml"
    rel = case.relative_to(ROOT)
    result = quiz_cli("validate", "--no-cache", str(rel))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.splitlines()
    want = as_cli_lines(case, rel.parent)
    assert lines[:-1] == want
    assert lines[-1].startswith(f"1 bank, 0 questions, {len(want)} error")
    assert result.stdout == ""


def test_validate_command_over_the_whole_suite():
    rel = SUITE.relative_to(ROOT)
    result = quiz_cli("validate", "--no-cache", str(rel))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    want = [line for case in CASES for line in as_cli_lines(case, rel)]
    n_expected = len(want)
    assert result.stderr.splitlines()[:-1] == want
    assert result.stderr.splitlines()[-1].startswith(
        f"{len(CASES)} banks, 0 questions, {n_expected} errors")


def test_validate_json_over_the_whole_suite():
    result = quiz_cli("validate", "--no-cache", "--json", str(SUITE.relative_to(ROOT)))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is False
    by_name = {Path(b["path"]).name: b for b in report["banks"]}
    assert sorted(by_name) == [c.name for c in CASES]
    for case in CASES:
        errors = by_name[case.name]["errors"]
        assert len(errors) == len(expected(case)), case.name
        assert all(e["line"] >= 1 and e["column"] >= 1 and e["message"] for e in errors)


def test_validate_command_on_generated_cases(gen: Path):
    (gen / "utf16.yaml").write_bytes(bank_text().encode("utf-16"))
    (gen / "empty.yaml").write_bytes(b"")
    result = quiz_cli("validate", "--no-cache", str(gen))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert f"{gen / 'empty.yaml'}:1:1: error: the file holds no bank" in result.stderr
    assert f"{gen / 'utf16.yaml'}:1:1: error: the file is UTF-16" in result.stderr


def test_a_folder_of_loose_bank_files_is_a_folder_of_banks():
    assert find_bank_files(SUITE) == CASES
