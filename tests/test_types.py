"""The type checker over the whole package, with the settings in pyproject.toml."""

from __future__ import annotations

import sys

import pytest
from mypy import api

from tests.conftest import ROOT


def test_mypy_is_clean_over_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # pyproject.toml names the files and the settings
    # mypy raises the interpreter's recursion limit for itself; put it back so
    # tests that rely on the normal limit behave the same in any order.
    limit = sys.getrecursionlimit()
    try:
        out, err, status = api.run([])
    finally:
        sys.setrecursionlimit(limit)
    assert status == 0, out + err
