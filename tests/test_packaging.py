"""Packaging and layering rules that are easy to break silently."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from tests.conftest import ROOT

CORE = ["quiz.bank.article", "quiz.bank.load", "quiz.bank.model", "quiz.bank.yamlcheck",
        "quiz.bank.normalize", "quiz.bank.numbers", "quiz.paths", "quiz.bank.validate",
        "quiz.bank.cache", "quiz.bank.dump", "quiz.bank.splice", "quiz.bank.curation",
        "quiz.bank.answertext",
        "quiz.cli.main"]
OPTIONAL_CORE = ["quiz.play.engine", "quiz.play.answers", "quiz.play.scoring",
                 "quiz.play.session", "quiz.store.progress", "quiz.play.plain", "quiz.generate",
                 "quiz.bank.catalog", "quiz.classroom.server", "quiz.classroom.messages",
                 "quiz.classroom.client",
                 "quiz.classroom.hosting", "quiz.classroom.report", "quiz.cli.classroom"]


def test_every_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
                 ["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "quiz").rglob("*")
        if p.suffix in (".py", ".tcss", ".json") and "__pycache__" not in p.parts
    }
    missing = on_disk - listed
    assert not missing, f"add these to [tool.setuptools] packages: {sorted(missing)}"


def test_core_never_imports_textual():
    import importlib.util

    mods = CORE + [m for m in OPTIONAL_CORE if importlib.util.find_spec(m) is not None]
    code = (
        "import importlib, sys\n"
        f"for m in {mods!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.strip() == "", f"core imported: {out.stdout}"


def test_help_and_validate_never_import_textual(tmp_path):
    code = (
        "import sys, runpy\n"
        "sys.argv = ['quiz'] + sys.argv[1:]\n"
        "try:\n"
        "    runpy.run_module('quiz', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('TEXTUAL' if 'textual' in sys.modules else 'CLEAN', file=sys.stderr)\n"
    )
    for argv in (["--help"], ["validate", str(ROOT / "questions")]):
        out = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True,
                             text=True, cwd=tmp_path)
        assert out.stderr.strip().endswith("CLEAN"), (argv, out.stderr)
