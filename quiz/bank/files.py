"""Where a bank's files are: found by name only, so listing banks never imports the loader."""

from __future__ import annotations

from pathlib import Path

BANK_FILE = "bank.yaml"


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
