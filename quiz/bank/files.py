"""Where a bank's files are: found by name only, so listing banks never imports the loader."""

from __future__ import annotations

import re
from pathlib import Path

BANK_FILE = "bank.yaml"
ID_RE = re.compile(r"[a-z0-9][a-z0-9_.-]*")  # bank and question ids


def bank_file(path: str | Path) -> Path:
    """``path`` itself, or the bank.yaml inside the folder ``path``."""
    p = Path(path)
    return p / BANK_FILE if p.is_dir() else p


def find_bank_files(path: str | Path) -> list[Path]:
    """The bank files ``path`` names: a file, a bank folder, or a folder of banks.

    A folder with no bank.yaml anywhere below it may still hold several banks
    as ``*.yaml`` files sharing one article; those are its banks then.
    """
    p = Path(path)
    if p.exists() and not p.is_dir():  # a FIFO or a device too: the loader says what it is
        return [p]
    if (p / BANK_FILE).is_file():
        return [p / BANK_FILE]
    if p.is_dir():
        return sorted(p.rglob(BANK_FILE)) or sorted(
            f for f in p.iterdir() if f.suffix in (".yaml", ".yml") and f.is_file())
    return []


def output_problem(folder: Path, bank_id: str, *, force: bool) -> str | None:
    """Why a new bank with ``bank_id`` cannot be written into ``folder``, or None."""
    if not ID_RE.fullmatch(bank_id):
        return f"bank id {bank_id!r} must be lowercase letters, digits and -_."
    target = folder / BANK_FILE
    if target.exists() and not force:
        return (f"{target} already exists; the curated questions in it would be lost. "
                "Choose another folder with -o, or pass --force to replace it")
    if folder.exists() and not folder.is_dir():
        return f"{folder} exists and is not a folder"
    return None
