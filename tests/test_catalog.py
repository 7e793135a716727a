"""Finding banks for the picker and resolving the BANK argument of ``quiz play``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.bank.catalog import CatalogError, find_banks, resolve_bank
from tests.conftest import SEED_BANK


def copy_bank(dest: Path, bank_id: str) -> Path:
    folder = dest / bank_id
    folder.mkdir(parents=True)
    shutil.copy(SEED_BANK / "article.txt", folder / "article.txt")
    text = (SEED_BANK / "bank.yaml").read_text(encoding="utf-8")
    text = text.replace("id: inter-korean-liaison-office", f"id: {bank_id}", 1)
    (folder / "bank.yaml").write_text(text, encoding="utf-8")
    return folder


def test_bundled_bank_is_found_with_its_question_count() -> None:
    entries = {e.id: e for e in find_banks()}
    seed = entries["inter-korean-liaison-office"]
    assert seed.ok and seed.origin == "bundled"
    assert seed.title == "Inter-Korean Liaison Office"
    assert seed.questions > 0 and seed.path == SEED_BANK / "bank.yaml"


def test_extra_folders_and_broken_banks_are_listed(tmp_path: Path) -> None:
    copy_bank(tmp_path, "copy-one")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "bank.yaml").write_text("format: 1\nid: [oops\n", encoding="utf-8")
    entries = {e.id: e for e in find_banks([tmp_path])}
    assert entries["copy-one"].ok and entries["copy-one"].origin == "extra"
    bad = entries["broken"]  # listed by its folder name, with the reason
    assert not bad.ok and bad.error.startswith(str(broken / "bank.yaml") + ":")
    assert bad.diagnostics
    # Naming the same folder twice lists it once.
    assert len([e for e in find_banks([tmp_path, tmp_path]) if e.id == "copy-one"]) == 1


def test_local_questions_folder_is_searched(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    copy_bank(tmp_path / "questions", "local-bank")
    monkeypatch.chdir(tmp_path)
    entries = {e.id: e for e in find_banks()}
    assert entries["local-bank"].origin == "local"
    assert resolve_bank("local-bank") == Path.cwd() / "questions" / "local-bank" / "bank.yaml"


def test_resolve_folder_file_and_id(tmp_path: Path) -> None:
    assert resolve_bank(SEED_BANK) == SEED_BANK / "bank.yaml"
    assert resolve_bank(SEED_BANK / "bank.yaml") == SEED_BANK / "bank.yaml"
    assert resolve_bank("inter-korean-liaison-office") == SEED_BANK / "bank.yaml"
    # An id that differs from its folder name is found by loading.
    folder = copy_bank(tmp_path, "folder-name")
    text = (folder / "bank.yaml").read_text(encoding="utf-8")
    (folder / "bank.yaml").write_text(text.replace("id: folder-name", "id: other-id"),
                                      encoding="utf-8")
    assert resolve_bank("other-id", [tmp_path]) == folder / "bank.yaml"


def test_resolve_unknown_lists_the_known_ids(tmp_path: Path) -> None:
    with pytest.raises(CatalogError) as err:
        resolve_bank("no-such-bank")
    assert "no-such-bank" in str(err.value)
    assert "inter-korean-liaison-office" in str(err.value)
    with pytest.raises(CatalogError, match=r"no bank\.yaml"):
        resolve_bank(tmp_path)
    copy_bank(tmp_path, "a")
    copy_bank(tmp_path, "b")
    with pytest.raises(CatalogError, match="holds 2 banks"):
        resolve_bank(tmp_path)
