"""The JSON Schema for bank files agrees with the loader on everything a schema can see."""

from __future__ import annotations

import copy
from pathlib import Path

import jsonschema
import pytest
import yaml

from quiz.bank import load as bank_mod
from quiz.bank.dump import dump_bank_text
from quiz.bank.load import check_bank, load_bank
from quiz.bank.model import QUESTION_TYPES, STATUSES
from quiz.schema import bank_schema
from tests.conftest import ROOT, SEED_BANK
from tests.test_bad_banks import CASES

SCHEMA = bank_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

GOOD = ROOT / "tests" / "good_banks"

# Bad cases the schema passes on purpose: their fault is in how the article reads.
ARTICLE_ONLY = {
    "answer-not-in-evidence", "answer-only-in-accept", "article-not-seed-format",
    "evidence-found-twice", "evidence-not-in-article", "missing-article", "prefix-mismatch",
    "quote-mismatch",
    "unknown-section",
}
# Faults no JSON Schema can see in the loaded data (why, beside each).
BEYOND_A_SCHEMA = {
    "anchor-reuse": "safe_load resolves the alias",
    "answer-True-truefalse": "`True` loads as a plain boolean",
    "answer-yes-truefalse": "`yes` loads as a plain boolean",
    "answer-octal-number": "`02005` loads as a plain integer",
    "duplicate-keys": "safe_load keeps the last key silently",
    "duplicate-ids": "uniqueness of a field across list items",
    "duplicate-choice": "equal only after folding case and punctuation",
    "choice-answer-not-in-choices": "comparing one field with another",
    "multi-answer-not-in-choices": "comparing one field with another",
    "number-accept-other-number": "comparing the numbers in one field with another",
    "escape-surrogate": "the pure-Python reader keeps a lone surrogate as text",
}
# Cases that are not YAML safe_load reads at all (so no schema ever sees them).
NOT_YAML = {
    "alias-undefined", "control-character", "deep-nesting-2000", "multiple-documents",
    "python-tag", "tab-indent", "unclosed-quote", "unquoted-colon", "windows-1252",
    "evidence-list-key", "indent-key-too-deep", "indent-list-item", "key-without-colon",
}
# Cases on which safe_load itself raises a ValueError (the faults the loader used to share).
SAFE_LOAD_FAILS = {"tag-int-prompt", "difficulty-huge"}


def yaml_data(path: Path) -> object:
    with path.open("rb") as f:
        return yaml.safe_load(f)


def good_banks() -> list[Path]:
    files = sorted(GOOD.glob("*.yaml"))
    files += sorted((ROOT / "tests" / "banks").glob("*/bank.yaml"))
    files += sorted((ROOT / "questions").glob("*/bank.yaml"))
    return files


def test_the_schema_is_a_valid_draft_2020_12_schema():
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_schema_ships_with_the_package():
    from importlib import resources

    assert resources.files("quiz.schema").joinpath("bank.schema.json").is_file()


def test_schema_keys_and_enums_match_the_loader():
    props = SCHEMA["properties"]
    assert tuple(props) == bank_mod.TOP_KEYS
    assert tuple(props["source"]["properties"]) == bank_mod.SOURCE_KEYS
    question = SCHEMA["$defs"]["question"]
    assert tuple(question["properties"]) == bank_mod.QUESTION_KEYS
    assert tuple(SCHEMA["$defs"]["evidence"]["properties"]) == bank_mod.EVIDENCE_KEYS
    assert tuple(question["properties"]["type"]["enum"]) == QUESTION_TYPES
    assert tuple(question["properties"]["status"]["enum"]) == STATUSES
    # Each type forbids exactly the type-specific keys the loader does not allow it.
    specific = {"choices", "answer", "items", "accept", "tolerance", "unit", "person"}
    rules = {r["if"]["properties"]["type"]["const"]: r["then"] for r in question["allOf"]
             if "type" in r["if"].get("properties", {})}
    assert set(rules) == set(QUESTION_TYPES)
    for qtype, then in rules.items():
        forbidden = {k for k, v in then["properties"].items() if v is False}
        assert forbidden == specific - bank_mod.TYPE_KEYS[qtype], qtype


@pytest.mark.parametrize("path", good_banks(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_good_bank_is_valid(path: Path):
    if path.parent == SEED_BANK and check_bank(path, use_cache=False)[0] is None:
        pytest.skip("the seed bank does not load yet")
    errors = [e.message for e in VALIDATOR.iter_errors(yaml_data(path))]
    assert errors == []


def test_a_dumped_bank_is_valid():
    text = dump_bank_text(load_bank(GOOD / "all-types.yaml", use_cache=False))
    assert VALIDATOR.is_valid(yaml.safe_load(text))


def test_the_case_lists_name_real_cases():
    names = {c.stem for c in CASES}
    for group in (ARTICLE_ONLY, set(BEYOND_A_SCHEMA), NOT_YAML, SAFE_LOAD_FAILS):
        assert group <= names
    assert not ARTICLE_ONLY & set(BEYOND_A_SCHEMA)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_schema_on_the_bad_bank_suite(case: Path):
    if case.stem in NOT_YAML:
        # (the pure-Python composer runs out of stack on 2000 levels)
        with pytest.raises((yaml.YAMLError, RecursionError)):
            yaml_data(case)
        return
    if case.stem in SAFE_LOAD_FAILS:
        with pytest.raises(ValueError):
            yaml_data(case)
        return
    data = yaml_data(case)
    if case.stem in ARTICLE_ONLY or case.stem in BEYOND_A_SCHEMA:
        assert VALIDATOR.is_valid(data), [e.message for e in VALIDATOR.iter_errors(data)]
    else:
        assert not VALIDATOR.is_valid(data)


# One edit at a time to a good bank: the loader and the schema must both refuse it.
def _question(data: dict, qid: str) -> dict:
    return next(q for q in data["questions"] if q["id"] == qid)


MUTATIONS = {
    "no questions key": lambda d: d.pop("questions"),
    "format as text": lambda d: d.update(format="1"),
    "source without file": lambda d: d["source"].pop("file"),
    "absolute article path": lambda d: d["source"].update(file="/etc/passwd"),
    "unknown source key": lambda d: d["source"].update(licence="CC0"),
    "blank title": lambda d: d.update(title="   "),
    "question without evidence": lambda d: _question(d, "storeys").pop("evidence"),
    "evidence entry without quote": lambda d: _question(d, "storeys")["evidence"][0].pop("quote"),
    "number answer as text": lambda d: _question(d, "storeys").update(answer="4"),
    "truefalse answer as text": lambda d: _question(d, "destroyed-in-2018").update(answer="no"),
    "unit on a text question": lambda d: _question(d, "demolition-date").update(unit="days"),
    "accept on a choice question": lambda d: _question(d, "north-representative").update(
        accept=["Jon"]),
    "one choice": lambda d: _question(d, "north-representative").update(choices=["Jon Jong-su"]),
    "empty multi answer": lambda d: _question(d, "co-heads").update(answer=[]),
    "order with one item": lambda d: _question(d, "timeline").update(items=["x"]),
    "difficulty 0": lambda d: _question(d, "storeys").update(difficulty=0),
    "difficulty as text": lambda d: _question(d, "storeys").update(difficulty="2"),
    "origin without rule": lambda d: _question(d, "storeys").update(origin="generated:"),
    "uppercase id": lambda d: _question(d, "storeys").update(id="Storeys"),
    "tags as text": lambda d: _question(d, "storeys").update(tags="numbers"),
    "blank hint": lambda d: _question(d, "storeys").update(hints=[""]),
}


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_loader_and_schema_refuse_the_same_edits(name: str, tmp_path: Path):
    import shutil

    data = yaml_data(GOOD / "all-types.yaml")
    assert VALIDATOR.is_valid(data)
    bad = copy.deepcopy(data)
    MUTATIONS[name](bad)
    assert not VALIDATOR.is_valid(bad)
    shutil.copy(GOOD / "article.txt", tmp_path / "article.txt")
    path = tmp_path / "bank.yaml"
    path.write_text(yaml.safe_dump(bad, sort_keys=False, allow_unicode=True), encoding="utf-8")
    bank, diags = check_bank(path, use_cache=False)
    assert bank is None and diags


def test_loader_and_schema_both_let_a_draft_wait_for_its_evidence(tmp_path: Path):
    import shutil

    data = yaml_data(GOOD / "all-types.yaml")
    storeys = _question(data, "storeys")
    storeys.pop("evidence")
    storeys["status"] = "draft"
    assert VALIDATOR.is_valid(data)
    shutil.copy(GOOD / "article.txt", tmp_path / "article.txt")
    path = tmp_path / "bank.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    bank, diags = check_bank(path, use_cache=False)
    assert bank is not None and not diags
