"""The type checker over the whole package, with the settings in pyproject.toml."""

from __future__ import annotations

import pytest
from mypy import api

from tests.conftest import ROOT


def test_mypy_is_clean_over_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # pyproject.toml names the files and the settings
    out, err, status = api.run([])
    assert status == 0, out + err
