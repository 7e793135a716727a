"""The house rules of DESIGN.md "Architecture", checked from the code itself.

Every module of the package is found by walking it (no hand-written list) and
read as an AST, so a new module is checked the day it is added. Imports point
down only; Textual lives in ``quiz.tui``; argparse lives in ``quiz.cli``.
Imports under ``if TYPE_CHECKING:`` are not run, so they may name a module
beside or above (for annotations); they still may not name Textual or argparse.
"""

from __future__ import annotations

import ast
import importlib.util
import pkgutil
from dataclasses import dataclass
from pathlib import Path

import quiz

# (module prefix, floor, room): a module may import a lower floor, or its own room.
FLOORS: list[tuple[str, int, str]] = [
    ("quiz.__main__", 6, "cli"),
    ("quiz.cli", 6, "cli"),
    ("quiz.tui", 6, "tui"),
    ("quiz.classroom", 5, "classroom"),
    ("quiz.interop", 5, "interop"),
    ("quiz.generate", 5, "generate"),
    ("quiz.play.setup", 5, "play-setup"),
    ("quiz.play.plain", 5, "play-setup"),
    ("quiz.play.resume", 5, "play-setup"),
    ("quiz.play", 4, "play"),
    ("quiz.store", 3, "store"),
    ("quiz.bank", 2, "bank"),
    ("quiz.schema", 2, "bank"),
    ("quiz.paths", 1, "paths"),
    ("quiz.textsafe", 1, "textsafe"),
    ("quiz", 0, "quiz"),
]
TOP_LEVEL_MODULES = {"quiz.__main__", "quiz.paths", "quiz.textsafe"}


@dataclass(frozen=True)
class Import:
    target: str  # dotted name as written (resolved for relative imports)
    line: int
    lazy: bool  # inside a function: runs only when that function does
    typing_only: bool  # under ``if TYPE_CHECKING:``


def floor(module: str) -> tuple[int, str]:
    for prefix, level, room in FLOORS:
        if module == prefix or module.startswith(prefix + "."):
            return level, room
    raise AssertionError(f"{module} is in no floor of FLOORS: add it there and to DESIGN.md")


def package_sources() -> dict[str, str]:
    """Every module of the installed package, by name, with its source text."""
    out = {"quiz": Path(quiz.__file__).read_text(encoding="utf-8")}
    for info in pkgutil.walk_packages(quiz.__path__, "quiz."):
        if info.name.startswith("quiz.banks"):
            continue  # bundled data, not code
        spec = importlib.util.find_spec(info.name)
        assert spec is not None and spec.origin, info.name
        out[info.name] = Path(spec.origin).read_text(encoding="utf-8")
    return out


def imports_of(module: str, source: str, is_package: bool) -> list[Import]:
    found: list[Import] = []

    def visit(node: ast.AST, lazy: bool, typing_only: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                found.extend(Import(a.name, child.lineno, lazy, typing_only) for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parts = module.split(".")
                    keep = len(parts) - child.level + (1 if is_package else 0)
                    base = ".".join(parts[:keep] + ([base] if base else []))
                # ``from quiz.bank import load`` names the module quiz.bank.load.
                for a in child.names:
                    sub = f"{base}.{a.name}"
                    target = sub if _module_exists(sub) else base
                    found.append(Import(target, child.lineno, lazy, typing_only))
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                visit(child, True, typing_only)
            elif isinstance(child, ast.If) and _is_type_checking(child.test):
                for stmt in child.body:
                    visit(ast.Module(body=[stmt], type_ignores=[]), lazy, True)
                for stmt in child.orelse:
                    visit(ast.Module(body=[stmt], type_ignores=[]), lazy, typing_only)
            else:
                visit(child, lazy, typing_only)

    visit(ast.parse(source), False, False)
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def violations(sources: dict[str, str], packages: set[str]) -> list[str]:
    """Every import in ``sources`` that breaks a house rule, as readable lines."""
    bad: list[str] = []
    for module, source in sorted(sources.items()):
        level, room = floor(module)
        for imp in imports_of(module, source, module in packages):
            where = f"{module}:{imp.line} imports {imp.target}"
            root = imp.target.split(".")[0]
            if root in ("textual", "rich") and room != "tui":
                bad.append(f"{where}: Textual belongs in quiz.tui only")
            if root == "argparse" and room != "cli":
                bad.append(f"{where}: argparse belongs in quiz.cli only; pass a typed request")
            if root != "quiz" or imp.typing_only:
                continue
            t_level, t_room = floor(imp.target)
            if t_room == room:
                continue
            if t_room == "tui":
                if room != "cli" or not imp.lazy:
                    bad.append(f"{where}: only quiz.cli imports quiz.tui, inside a function")
                continue
            if t_level >= level:
                bad.append(f"{where}: imports point down (floor {level} -> {t_level})")
    return bad


def _real() -> tuple[dict[str, str], set[str]]:
    sources = package_sources()
    packages = {name for name in sources
                if importlib.util.find_spec(name).submodule_search_locations is not None}
    return sources, packages


def test_every_import_follows_the_house_rules() -> None:
    sources, packages = _real()
    assert len(sources) > 50  # the walk really found the package
    assert violations(sources, packages) == []


def test_the_top_level_holds_only_its_three_modules() -> None:
    sources, packages = _real()
    top = {m for m in sources if m.count(".") == 1 and m not in packages}
    assert top == TOP_LEVEL_MODULES


def test_every_package_says_what_it_holds() -> None:
    sources, packages = _real()
    for name in packages:
        doc = ast.get_docstring(ast.parse(sources[name]))
        assert doc, f"{name}/__init__.py: say in one line what the package holds"


def test_the_rules_catch_a_forbidden_import() -> None:
    sources, packages = _real()
    cases = {
        "quiz.bank.model": ("import textual\n", "Textual belongs in quiz.tui only"),
        "quiz.play.engine": ("from quiz.play import setup\n", "imports point down"),
        "quiz.store.stats": ("def f():\n    from quiz.play import engine\n",
                             "imports point down"),
        "quiz.play.setup": ("import argparse\n", "argparse belongs in quiz.cli only"),
        "quiz.classroom.room": ("from quiz.tui import text\n", "only quiz.cli imports quiz.tui"),
        "quiz.cli.main": ("from quiz.tui.solo import app\n", "only quiz.cli imports quiz.tui"),
        "quiz.tui.text": ("from quiz.cli import play\n", "imports point down"),
        "quiz.bank.load": ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                           "    import textual.app\n", "Textual belongs in quiz.tui only"),
    }
    for module, (line, message) in cases.items():
        broken = dict(sources, **{module: sources[module] + "\n" + line})
        found = violations(broken, packages)
        assert any(f.startswith(module) and message in f for f in found), (module, found)
    # An annotation-only import may look sideways, and a lazy one from cli may reach tui.
    sideways = ("from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from quiz.play import engine")
    allowed = dict(sources, **{
        "quiz.store.stats": sources["quiz.store.stats"] + "\n" + sideways + "\n",
        "quiz.cli.main": sources["quiz.cli.main"] + "\ndef f():\n    import quiz.tui.solo.app\n",
    })
    assert violations(allowed, packages) == []
