"""Diagnostics reach the terminal cleaned and on one line, as the TUI shows bank text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from quiz.bank.load import check_bank
from quiz.bank.yamlcheck import Diagnostic
from tests.test_bad_banks import SUITE, bank_text, quiz_cli

OSC52 = "\x1b]52;c;cHduZWQ=\x07"  # a clipboard write


def test_validate_prints_a_hostile_id_without_its_escape_sequence(tmp_path: Path):
    shutil.copy(SUITE / "article.txt", tmp_path / "article.txt")
    text = bank_text(**{"id: generated": 'id: "x\\e]52;c;cHduZWQ=\\a"',
                        "id: demolition-date": 'id: "q\\e[2J"'})
    (tmp_path / "bank.yaml").write_text(text, encoding="utf-8")
    result = quiz_cli("validate", "--no-cache", str(tmp_path))
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert f"{tmp_path / 'bank.yaml'}:2:5: error: bank id `x` must be" \
        in result.stderr
    # The JSON report keeps the text as it is (JSON escapes it).
    report = json.loads(quiz_cli("validate", "--no-cache", "--json", str(tmp_path)).stdout)
    messages = [e["message"] for e in report["banks"][0]["errors"]]
    assert any(OSC52 in m for m in messages)


def test_a_diagnostic_is_one_line_without_control_characters():
    d = Diagnostic("bank\x1b[31m.yaml", 3, 4, f"the article `a\nb{OSC52}` is missing\r", "q\t1")
    assert d.format() == "bank.yaml:3:4: error: question 'q 1': the article `a b` is missing"


def test_a_newline_in_source_file_gives_a_one_line_diagnostic(tmp_path: Path):
    shutil.copy(SUITE / "article.txt", tmp_path / "article.txt")
    path = tmp_path / "bank.yaml"
    path.write_text(bank_text(**{"file: article.txt": 'file: "article\\n.txt"'}))
    _, diags = check_bank(path, use_cache=False)
    assert [d.format().count("\n") for d in diags] == [0]
    assert "control character U+000A" in diags[0].message


def test_play_and_host_print_a_hostile_bank_error_cleaned(tmp_path: Path):
    shutil.copy(SUITE / "article.txt", tmp_path / "article.txt")
    text = bank_text(**{"id: generated": 'id: "x\\e]52;c;cHduZWQ=\\a"'})
    (tmp_path / "bank.yaml").write_text(text, encoding="utf-8")
    for command in (["play", str(tmp_path), "--plain"], ["host", str(tmp_path), "--plain"]):
        result = quiz_cli(*command)
        assert result.returncode != 0, command
        assert "Traceback" not in result.stderr
        assert "\x1b" not in result.stderr + result.stdout, command
        assert "error: bank id `x` must be lowercase" in result.stderr, command
