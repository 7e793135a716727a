"""``quiz generate`` as a user runs it: a subprocess, exit codes, files, messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
ARTICLE = HERE / "articles" / "orazio-antinori.txt"


def quiz(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUIZ_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "quiz", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def run(tmp_path, quiz_home):
    return lambda *args: quiz(*args, cwd=tmp_path, home=quiz_home)


def test_writes_a_bank_folder_that_validates(run, tmp_path) -> None:
    r = run("generate", str(ARTICLE))
    assert r.returncode == 0, r.stderr
    out = tmp_path / "questions" / "orazio-antinori"
    assert (out / "article.txt").read_bytes() == ARTICLE.read_bytes()
    text = (out / "bank.yaml").read_text(encoding="utf-8")
    assert text.startswith("format: 1\nid: orazio-antinori\n")
    assert "status: draft" in text and "status: approved" not in text
    assert r.stdout.startswith("wrote ") and "questions" in r.stdout and " s" in r.stdout
    assert r.stdout.count("\n") == 1  # a one-line summary
    v = run("validate", str(out))
    assert v.returncode == 0, v.stdout + v.stderr


def test_out_dir_id_url_and_license(run, tmp_path) -> None:
    r = run("generate", str(ARTICLE), "-o", "banks/explorer", "--id", "antinori",
            "--url", "https://example.org/a", "--license", "CC BY-SA 4.0")
    assert r.returncode == 0, r.stderr
    text = (tmp_path / "banks" / "explorer" / "bank.yaml").read_text(encoding="utf-8")
    assert "id: antinori\n" in text
    assert "url: https://example.org/a" in text and "license: CC BY-SA 4.0" in text


def test_no_url_or_license_unless_given(run, tmp_path) -> None:
    assert run("generate", str(ARTICLE), "-o", "b").returncode == 0
    text = (tmp_path / "b" / "bank.yaml").read_text(encoding="utf-8")
    assert "url:" not in text and "license:" not in text


def test_refuses_to_overwrite_without_force(run, tmp_path) -> None:
    assert run("generate", str(ARTICLE), "-o", "b").returncode == 0
    bank = tmp_path / "b" / "bank.yaml"
    bank.write_text(bank.read_text(encoding="utf-8") + "# curated by hand\n", encoding="utf-8")
    r = run("generate", str(ARTICLE), "-o", "b")
    assert r.returncode == 1
    assert "already exists" in r.stderr and "--force" in r.stderr
    assert "Traceback" not in r.stderr
    assert bank.read_text(encoding="utf-8").endswith("# curated by hand\n")  # untouched
    r = run("generate", str(ARTICLE), "-o", "b", "--force")
    assert r.returncode == 0, r.stderr
    assert "# curated by hand" not in bank.read_text(encoding="utf-8")


def test_same_article_gives_the_same_file(run, tmp_path) -> None:
    assert run("generate", str(ARTICLE), "-o", "one").returncode == 0
    assert run("generate", str(ARTICLE), "-o", "two", "--id", "one").returncode == 0
    assert (tmp_path / "one" / "bank.yaml").read_bytes() == \
        (tmp_path / "two" / "bank.yaml").read_bytes()


def test_missing_file_is_one_line_on_stderr(run) -> None:
    r = run("generate", "nowhere.txt")
    assert r.returncode == 1
    assert r.stdout == "" and r.stderr.count("\n") == 1
    assert "nowhere.txt" in r.stderr and "Traceback" not in r.stderr


def test_not_seed_format_names_line_and_column(run, tmp_path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("\n\nJust some notes\n", encoding="utf-8")
    r = run("generate", str(bad))
    assert r.returncode == 1
    assert r.stderr.startswith(f"{bad}:3:1: error:") and r.stderr.count("\n") == 1
    assert not (tmp_path / "questions").exists()


def test_bad_id_is_a_usage_error(run) -> None:
    r = run("generate", str(ARTICLE), "--id", "Not An Id")
    assert r.returncode == 2 and "bank id" in r.stderr


def test_help_explains_the_options(run) -> None:
    r = run("generate", "--help")
    assert r.returncode == 0
    for word in ("ARTICLE.txt", "--out", "--id", "--force", "--url", "--license", "draft"):
        assert word in r.stdout


def test_registering_the_command_imports_nothing_heavy() -> None:
    code = ("import sys, argparse, quiz.cli.generate as c; "
            "p = argparse.ArgumentParser(); c.register(p.add_subparsers()); "
            "heavy = [m for m in ('yaml', 'pysbd', 'textual', 'quiz.generate.pipeline', "
            "'quiz.bank.article') if m in sys.modules]; print(heavy)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "[]", r.stdout + r.stderr


def test_the_generator_never_imports_textual() -> None:
    code = ("import sys; from quiz.bank.article import load_article; "
            "from quiz.generate.pipeline import generate; import quiz.generate.writer; "
            f"generate(load_article({str(ARTICLE)!r})); print('textual' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "False", r.stdout + r.stderr


def test_a_named_pipe_is_refused_by_name_not_waited_on(run, tmp_path) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    out = run("generate", str(fifo), "-o", str(tmp_path / "out"))
    assert out.returncode == 1
    assert "named pipe (FIFO), not a regular file" in out.stderr
    assert not (tmp_path / "out").exists()


def test_drafts_below_the_threshold_only_with_all(run, tmp_path) -> None:
    import yaml

    article = HERE / "corpus" / "baiji.txt"
    r = run("generate", str(article), "-o", "sure", "--threshold", "0.8")
    assert r.returncode == 0, r.stderr
    sure = yaml.safe_load((tmp_path / "sure" / "bank.yaml").read_text(encoding="utf-8"))
    assert all(q["confidence"] >= 0.8 for q in sure["questions"])
    assert "left out (--all writes them)" in r.stdout
    r = run("generate", str(article), "-o", "all", "--threshold", "0.8", "--all")
    assert r.returncode == 0, r.stderr
    every = yaml.safe_load((tmp_path / "all" / "bank.yaml").read_text(encoding="utf-8"))
    assert len(every["questions"]) > len(sure["questions"])
    assert any(q["confidence"] < 0.8 for q in every["questions"])
    assert run("validate", str(tmp_path / "all")).returncode == 0
    bad = run("generate", str(article), "-o", "x", "--threshold", "2")
    assert bad.returncode == 2 and "between 0 and 1" in bad.stderr


def test_curate_lists_the_surest_drafts_first() -> None:
    from quiz.bank.model import Evidence, Question
    from quiz.tui.curate.main import best_first

    def q(qid: str, confidence: float | None) -> Question:
        return Question(id=qid, type="text", prompt="p", answer="a",
                        evidence=[Evidence("a")], confidence=confidence)

    listed = best_first([q("low", 0.61), q("mine", None), q("high", 0.9), q("mid", 0.7),
                         q("mid2", 0.7)])
    assert [x.id for x in listed] == ["mine", "high", "mid", "mid2", "low"]
