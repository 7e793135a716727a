"""Finding banks: the bundled ones, ``./questions`` and any folder the player names."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from quiz import paths
from quiz.bank.load import BANK_FILE, BankError, check_bank, find_bank_files, load_bank
from quiz.bank.model import Bank
from quiz.textsafe import clean

T = TypeVar("T")


class Played(Protocol):
    """Where a bank was played from (a session row of the progress store)."""

    @property
    def bank_id(self) -> str: ...

    @property
    def bank_path(self) -> str: ...


class CatalogError(ValueError):
    """A BANK argument that names no bank (the message says what is known)."""


@dataclass
class BankEntry:
    """A bank as the picker lists it; ``error`` is set when it does not load."""

    id: str
    title: str
    path: Path  # the bank.yaml file
    questions: int = 0  # playable (approved) questions
    drafts: int = 0
    description: str = ""
    origin: str = "bundled"  # bundled | local (./questions) | extra (a path given)
    error: str | None = None  # the first problem, compiler style
    diagnostics: list[str] = field(default_factory=list)  # every problem

    @property
    def ok(self) -> bool:
        return self.error is None


def _roots(extra_paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Folders to look in, each once, bundled first."""
    roots: list[tuple[Path, str]] = [(paths.bundled_banks_dir(), "bundled")]
    local = Path.cwd() / "questions"
    if local.is_dir():
        roots.append((local, "local"))
    roots.extend((Path(p), "extra") for p in extra_paths)
    seen: set[Path] = set()
    out = []
    for root, origin in roots:
        key = root.resolve() if root.exists() else root
        if key not in seen:
            seen.add(key)
            out.append((root, origin))
    return out


def find_banks(extra_paths: Iterable[str | Path] = ()) -> list[BankEntry]:
    """Every bank in the bundled folder, ``./questions`` and ``extra_paths``.

    A bank that fails to load is listed with its error rather than raising,
    so one broken file never hides the others.
    """
    entries: list[BankEntry] = []
    seen: set[Path] = set()
    copies: set[tuple[str, bytes]] = set()
    for root, origin in _roots(extra_paths):
        for f in find_bank_files(root):
            key = f.resolve()
            if key in seen:
                continue
            seen.add(key)
            # The same bank twice (an installed copy of the bundled banks and the
            # source tree's ./questions) is listed once; an edited copy is kept.
            copy = (f.parent.name, _folder_digest(f.parent))
            if copy in copies:
                continue
            copies.add(copy)
            entries.append(_entry(f, origin))
    return entries


def _folder_digest(folder: Path) -> bytes:
    """A digest of the files directly in a bank folder (names and bytes)."""
    import hashlib

    h = hashlib.sha256()
    try:
        files = sorted(p for p in folder.iterdir() if p.is_file())
        for p in files:
            h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    except OSError:
        h.update(str(folder.resolve()).encode())  # unreadable: never taken for a copy
    return h.digest()


def _entry(f: Path, origin: str) -> BankEntry:
    folder_id = f.parent.name
    try:
        bank, diags = check_bank(f)
    except Exception as exc:  # an unreadable file must not take the picker down
        return BankEntry(folder_id, folder_id, f, origin=origin, error=f"{f}: error: {exc}",
                         diagnostics=[f"{f}: error: {exc}"])
    if bank is None:
        lines = [d.format() for d in diags] or [f"{f}: error: the bank could not be loaded"]
        return BankEntry(folder_id, folder_id, f, origin=origin, error=lines[0],
                         diagnostics=lines)
    approved = len(bank.playable())
    return BankEntry(bank.id, bank.title, f, questions=approved,
                     drafts=len(bank.playable(include_drafts=True)) - approved,
                     description=bank.description, origin=origin)


def resolve_bank(arg: str | Path, extra_paths: Iterable[str | Path] = ()) -> Path:
    """The bank.yaml that ``arg`` names: a bank folder, a bank.yaml, or a known bank id."""
    p = Path(arg)
    if p.is_file():
        return p
    if p.is_dir():
        if (p / BANK_FILE).is_file():
            return p / BANK_FILE
        found = find_bank_files(p)
        if len(found) == 1:
            return found[0]
        if found:
            listed = ", ".join(str(f.parent) for f in found[:8])
            raise CatalogError(f"{arg}: holds {len(found)} banks; name one of them: {listed}")
        raise CatalogError(f"{arg}: no {BANK_FILE} in this folder")
    roots = _roots(extra_paths)
    # Bank folders are named after their id, so try that before loading anything.
    for root, _origin in roots:
        candidate = root / str(arg) / BANK_FILE
        if candidate.is_file():
            return candidate
    entries = find_banks(extra_paths)
    for e in entries:
        if e.id == str(arg):
            return e.path
    known = sorted({e.id for e in entries})
    hint = ("known banks: " + ", ".join(known)) if known else "no banks were found"
    raise CatalogError(f"{arg}: no such bank folder, file or bank id; {hint}")


def open_for_command(command: str, arg: str, extra_paths: Iterable[str | Path],
                     opener: Callable[[Path], T]) -> T | None:
    """Resolve ``arg`` and open the bank with ``opener`` for ``quiz COMMAND``.

    A user mistake (unknown bank, bad bank, unreadable file) is printed to
    stderr, compiler style for a bad bank, and gives None: the command exits 1.
    """
    try:
        return opener(resolve_bank(arg, extra_paths))
    except CatalogError as exc:
        print(clean(f"quiz {command}: error: {exc}"), file=sys.stderr)
    except BankError as exc:
        for d in exc.diagnostics:
            print(d.format(), file=sys.stderr)
    except OSError as exc:
        print(clean(f"quiz {command}: error: {arg}: {exc.strerror or exc}"), file=sys.stderr)
    return None


def load_played(played: Iterable[Played]) -> list[Bank]:
    """The banks played, each once, loaded where they can still be found.

    That is the path a bank was played from, else the bundled bank of its id;
    a bank found nowhere (moved, deleted, now broken) is left out.
    """
    banks: dict[str, Bank] = {}
    for p in played:
        if p.bank_id in banks:
            continue
        candidates = [Path(p.bank_path)] if p.bank_path else []
        candidates.append(paths.bundled_banks_dir() / p.bank_id / BANK_FILE)
        for path in candidates:
            if not path.is_file():
                continue
            try:
                bank = load_bank(path)
            except (BankError, OSError):
                continue
            if bank.id == p.bank_id:
                banks[p.bank_id] = bank
                break
    return list(banks.values())
