"""``quiz validate``: check banks and report like a compiler."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from quiz.bank.load import check_bank, find_bank_files
from quiz.bank.yamlcheck import Diagnostic
from quiz.textsafe import clean


@dataclass(frozen=True)
class ValidateRequest:
    """``quiz validate PATH...``: what to check, and how to report."""

    paths: tuple[str, ...]  # bank.yaml files, bank folders or folders of banks
    json: bool = False  # a JSON report on stdout instead of compiler-style lines
    use_cache: bool = True  # False: parse every bank afresh


@dataclass(frozen=True)
class BankReport:
    """What checking one bank file found."""

    path: str
    bank_id: str | None  # None: the bank did not load
    questions: int
    diags: list[Diagnostic]

    def as_dict(self) -> dict[str, object]:
        """The bank's entry in the JSON report."""
        return {"path": self.path, "id": self.bank_id, "questions": self.questions,
                "errors": [d.as_dict() for d in self.diags]}


def run(request: ValidateRequest) -> int:
    """Check the banks, print every problem; 0 when there is none, else 1."""
    started = time.perf_counter()
    files: list[Path] = []
    usage_errors: list[Diagnostic] = []
    for raw in request.paths:
        found = find_bank_files(raw)
        if not found:
            reason = ("no such file or folder" if not Path(raw).exists()
                      else "no bank.yaml in this folder or below it")
            usage_errors.append(Diagnostic(raw, 1, 1, reason))
        files.extend(f for f in found if f not in files)

    reports: list[BankReport] = []
    for f in files:
        bank, diags = check_bank(f, use_cache=request.use_cache)
        reports.append(BankReport(str(f), bank.id if bank else None,
                                  len(bank.questions) if bank else 0, diags))
    n_errors = len(usage_errors) + sum(len(r.diags) for r in reports)
    n_questions = sum(r.questions for r in reports)
    elapsed = time.perf_counter() - started

    if request.json:
        out = {
            "ok": n_errors == 0,
            "banks": [r.as_dict() for r in reports],
            "errors": [d.as_dict() for d in usage_errors],
            "summary": {"banks": len(reports), "questions": n_questions, "errors": n_errors,
                        "seconds": round(elapsed, 3)},
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0 if n_errors == 0 else 1

    for d in usage_errors:
        print(d.format(), file=sys.stderr)
    for r in reports:
        for d in r.diags:
            print(d.format(), file=sys.stderr)
        if not r.diags:
            print(clean(f"{r.path}: ok: {r.bank_id}, {_count(r.questions, 'question')}"))
    summary = (f"{_count(len(reports), 'bank')}, {_count(n_questions, 'question')}, "
               f"{_count(n_errors, 'error')} ({elapsed:.2f} s)")
    print(summary, file=sys.stderr if n_errors else sys.stdout)
    return 0 if n_errors == 0 else 1


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


@dataclass(frozen=True)
class LintRequest:
    """``quiz lint PATH...``: which banks, and whether a warning fails the run."""

    paths: tuple[str, ...]
    strict: bool = False  # warnings are errors: exit 1 when there is any (for CI)
    json: bool = False


def lint(request: LintRequest) -> int:
    """Lint the banks; 1 if one does not load, or (``strict``) has a warning; else 0."""
    from quiz.bank.lint import lint_bank

    files: list[Path] = []
    errors: list[Diagnostic] = []
    for raw in request.paths:
        found = find_bank_files(raw)
        if not found:
            errors.append(Diagnostic(raw, 1, 1, "no such file or folder" if not Path(raw).exists()
                                     else "no bank.yaml in this folder or below it"))
        files.extend(f for f in found if f not in files)
    banks: list[dict[str, object]] = []
    n_warnings = 0
    for f in files:
        bank, diags = check_bank(f)
        errors.extend(diags)
        warnings = lint_bank(bank) if bank is not None else []
        n_warnings += len(warnings)
        banks.append({"path": str(f), "id": bank.id if bank else None,
                      "warnings": [w.as_dict() for w in warnings]})
        if not request.json:
            for w in warnings:
                print(w.format())
    failed = bool(errors) or (request.strict and n_warnings > 0)
    if request.json:
        print(json.dumps({"ok": not failed, "banks": banks,
                          "errors": [d.as_dict() for d in errors],
                          "summary": {"banks": len(files), "warnings": n_warnings,
                                      "errors": len(errors)}},
                         ensure_ascii=False, indent=2))
        return 1 if failed else 0
    for d in errors:
        print(d.format(), file=sys.stderr)
    summary = (f"{_count(len(files), 'bank')}, {_count(n_warnings, 'warning')}"
               + (f", {_count(len(errors), 'error')}" if errors else ""))
    if request.strict and n_warnings:
        summary += " (--strict: warnings fail the run)"
    print(summary, file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0
