"""Finding banks: the bundled ones, ``./questions`` and any folder the player names."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from quiz import paths
from quiz.bank.files import BANK_FILE, find_bank_files
from quiz.textsafe import clean

if TYPE_CHECKING:
    from quiz.bank.model import Bank

# The loader (and YAML) is imported only when a bank must be read: the picker
# lists banks it has met before from their summaries, without it.

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
    so one broken file never hides the others. A bank met before is listed
    from a small summary kept beside the parsed-bank cache (same key), so the
    picker's list does not wait for the loader to be imported.
    """
    summaries = _Summaries()
    entries = [summaries.entry(f, origin) for f, origin in _listed_files(extra_paths)]
    summaries.save()
    return entries


def _listed_files(extra_paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Each bank file to list, with where it was found, each bank once."""
    out: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    by_name: dict[str, list[Path]] = {}
    for root, origin in _roots(extra_paths):
        for f in find_bank_files(root):
            key = f.resolve()
            if key in seen:
                continue
            seen.add(key)
            # The same bank twice (an installed copy of the bundled banks and the
            # source tree's ./questions) is listed once; an edited copy is kept.
            twins = by_name.setdefault(f.parent.name, [])
            if any(_same_folder(f.parent, t.parent) for t in twins):
                continue
            twins.append(f)
            out.append((f, origin))
    return out



_loader_stamp: tuple | None = None


def summary_key(f: Path) -> str | None:
    """A key that changes when the bank file, its articles or the bank code change.

    File sizes and times only (nothing is read or imported), so listing known
    banks costs a few ``stat`` calls; None if the bank cannot be read.
    """
    import hashlib

    global _loader_stamp
    if _loader_stamp is None:
        here = Path(__file__).parent
        _loader_stamp = tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns)
                              for p in sorted(here.glob("*.py")))
    try:
        st = f.stat()
        p = f.resolve()
        art = [(a.name, a.stat().st_size, a.stat().st_mtime_ns)
               for a in sorted(p.parent.glob("*.txt"))]
    except OSError:
        return None
    raw = repr((str(p), st.st_size, st.st_mtime_ns, art, _loader_stamp))
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def listed_from_summaries(extra_paths: Iterable[str | Path] = ()) -> list[BankEntry] | None:
    """:func:`find_banks` from the summaries alone, or None if any bank needs loading.

    Cheap enough to run before the picker's first frame.
    """
    summaries = _Summaries()
    entries = []
    for f, origin in _listed_files(extra_paths):
        entry = summaries.quick(f, origin)
        if entry is None:
            return None
        entries.append(entry)
    return entries


def _same_folder(a: Path, b: Path) -> bool:
    """Whether two bank folders hold the same files with the same bytes."""
    try:
        fa = sorted(p.name for p in a.iterdir() if p.is_file())
        fb = sorted(p.name for p in b.iterdir() if p.is_file())
        return fa == fb and all((a / n).read_bytes() == (b / n).read_bytes() for n in fa)
    except OSError:
        return False


SUMMARY_FILE = "catalog.json"


class _Summaries:
    """Picker entries of banks that loaded cleanly, by the parsed-bank cache's key.

    The key covers the bank file, its articles and the loader's code, so a
    summary is never read for a bank that changed. Any trouble reading or
    writing the file just means the banks are loaded as if it were not there.
    """

    def __init__(self) -> None:
        import json

        from quiz.paths import cache_dir

        self.path = cache_dir() / SUMMARY_FILE
        self.known: dict[str, dict] = {}
        self.used: dict[str, dict] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                self.known = {k: v for k, v in data.items() if isinstance(v, dict)}
        except (OSError, ValueError):
            pass

    def quick(self, f: Path, origin: str) -> BankEntry | None:
        """The entry from its summary alone, if there is one for the bank as it is now."""
        key = summary_key(f)
        row = self.known.get(key) if key else None
        if key is None or row is None:
            return None
        try:
            entry = BankEntry(str(row["id"]), str(row["title"]), f,
                              questions=int(row["questions"]), drafts=int(row["drafts"]),
                              description=str(row["description"]), origin=origin)
        except (KeyError, TypeError, ValueError):
            return None
        self.used[key] = row
        return entry

    def entry(self, f: Path, origin: str) -> BankEntry:
        """The entry from its summary, else by loading the bank (and keeping its summary)."""
        quick = self.quick(f, origin)
        if quick is not None:
            return quick
        entry = _entry(f, origin)
        key = summary_key(f)
        if key and entry.ok:
            self.used[key] = {"id": entry.id, "title": entry.title,
                              "questions": entry.questions, "drafts": entry.drafts,
                              "description": entry.description}
        return entry

    def save(self) -> None:
        """Keep the summaries of the banks listed now (a changed bank's old one goes)."""
        import contextlib
        import json

        from quiz.paths import write_atomic

        if self.used == self.known:
            return
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps(self.used, ensure_ascii=False))


def _entry(f: Path, origin: str) -> BankEntry:
    from quiz.bank.load import check_bank

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
    from quiz.bank.load import BankError

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
    from quiz.bank.load import BankError, load_bank

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
