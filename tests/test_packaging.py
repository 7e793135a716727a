"""Packaging and layering rules that are easy to break silently."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from tests.conftest import ROOT


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


def test_nothing_outside_the_tui_loads_textual():
    """Import every module outside quiz.tui (found by walking the package) in a fresh
    interpreter: none may load Textual or rich, not even through another module."""
    code = (
        "import importlib, pkgutil, sys, quiz\n"
        "mods = [m.name for m in pkgutil.walk_packages(quiz.__path__, 'quiz.')\n"
        "        if not m.name.startswith(('quiz.tui', 'quiz.banks', 'quiz.__main__'))]\n"
        "for m in mods: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(len(mods), ','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    count, loaded = out.stdout.split(" ", 1)
    assert int(count) > 40  # the walk found the package
    assert loaded.strip() == "", f"loaded without the TUI: {loaded}"


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
