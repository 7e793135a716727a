"""A seeded mutation fuzzer for bank files, and hypothesis strategies over a bank's shape.

A case is a ``bank.yaml`` made from the seed bank (its header and a run of its
questions, so cases stay small and fast) with one to three mutations applied,
checked against the seed article. The loader must answer every case with a
bank or diagnostics: any exception is a crash, and a case that takes longer
than ``HANG_SECONDS`` is a hang. ``tests/test_bank_fuzz.py`` runs a fast
slice; ``benchmarks/fuzz_banks.py`` runs the long one.
"""

from __future__ import annotations

import random
import shutil
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from quiz.bank import article as article_mod
from quiz.bank.load import check_bank

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "questions" / "inter-korean-liaison-office"
HANG_SECONDS = 5.0

_TAGS = ("!!int ", "!!float ", "!!bool ", "!!null ", "!!str ", "!!binary ", "!!timestamp ",
         "!!set ", "!!map ", "!!seq ", "!!omap ", "!!python/object:os.system ",
         "!!python/object/apply:os.system ", "!custom ", "!<tag:yaml.org,2002:int> ", "!! ",
         "!<!> ", "!e!x ")
_SCALARS = ("yes", "no", "~", "null", "012", "0o17", "0x1F", "1_000", "12:30", "1.10", ".inf",
            ".nan", "-.inf", "2020-06-16", "1e400", "-0", "+12", "0b101", "1:2:3.5",
            '"\\ud800"', '"\\udfff\\ud800"', '"\\x"', '"\\q"', '"\\U0011ffff"', '"a\\0b"',
            '"a\\nb"', '"\\e]52;c;cHduZWQ=\\a"', '"\\e[2J"', "''", '""', "[]", "{}", "[a, b]",
            "{a: 1}", "- x", "? x", "|", ">-", "|+2", "%", "@x", "`x`", "&", "*", "!", "#",
            "\"unterminated", "'unterminated", "[unterminated", "{a: ", "x: y: z")
_BYTES = (b"\x00", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xef\xbb\xbf", b"\r", b"\r\n", b"\t",
          b"\x1b[31m", b"\x1b]52;c;cHduZWQ=\x07", b"\xe2\x80\xae", b"\x85", b"\xc2\x85",
          b"\xe2\x80\xa8", b"\x7f", b"\x0c", b"\xf4\x90\x80\x80")


def seed_parts() -> tuple[bytes, list[bytes]]:
    """The seed bank split into its header (down to ``questions:``) and its questions."""
    text = (SEED / "bank.yaml").read_bytes()
    head, _, body = text.partition(b"\nquestions:\n")
    questions: list[bytes] = []
    for chunk in body.split(b"\n  - id: ")[1:]:
        questions.append(b"  - id: " + chunk.rstrip(b"\n") + b"\n")
    return head + b"\nquestions:\n", questions


def base_case(rng: random.Random, head: bytes, questions: list[bytes]) -> bytes:
    """The header and a run of consecutive questions (mostly short runs, now and then all)."""
    n = len(questions) if rng.random() < 0.01 else rng.choice((1, 1, 2, 3, 5, 8))
    start = rng.randrange(len(questions) - n + 1)
    return head + b"".join(questions[start:start + n])


# --------------------------------------------------------------------------- mutations


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def _value_spot(rng: random.Random, data: bytes) -> int:
    """The offset just after a random ``: `` or ``- `` (where a value starts), else anywhere."""
    spots = [i + 2 for i in range(len(data) - 1) if data[i:i + 2] in (b": ", b"- ")]
    return rng.choice(spots) if spots else rng.randrange(len(data) + 1)


def flip_byte(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    i = rng.randrange(len(data))
    b = data[i] ^ (1 << rng.randrange(8)) if rng.random() < 0.5 else rng.randrange(256)
    return data[:i] + bytes([b]) + data[i + 1:]


def drop_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def duplicate_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    lines.insert(rng.randrange(len(lines) + 1), lines[i])
    return b"\n".join(lines)


def reindent(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    if rng.random() < 0.5:
        lines[i] = b" " * rng.randint(1, 4) + lines[i]
    else:
        lines[i] = lines[i][rng.randint(1, 4):] if lines[i].startswith(b" ") else lines[i]
    return b"\n".join(lines)


def insert_tag(rng: random.Random, data: bytes) -> bytes:
    i = _value_spot(rng, data)
    return data[:i] + rng.choice(_TAGS).encode() + data[i:]


def anchor_alias(rng: random.Random, data: bytes) -> bytes:
    i = _value_spot(rng, data)
    name = rng.choice((b"a", b"x", b"\xc3\xa9", b"a" * 300))
    data = data[:i] + b"&" + name + b" " + data[i:]
    j = _value_spot(rng, data)
    return data[:j] + b"*" + name + (b"" if rng.random() < 0.3 else b" ") + data[j:]


def deep_nesting(rng: random.Random, data: bytes) -> bytes:
    i = _value_spot(rng, data)
    n = rng.choice((10, 33, 40, 200, 1000, 5000))
    kind = rng.randrange(3)
    if kind == 0:
        deep = b"[" * n + b"x" + b"]" * n
    elif kind == 1:
        deep = b"{a: " * n + b"x" + b"}" * n
    else:
        deep = b"\n" + b"".join(b"  " * (k + 3) + b"- \n" for k in range(min(n, 400)))
    return data[:i] + deep + data[i:]


def huge_scalar(rng: random.Random, data: bytes) -> bytes:
    i = _value_spot(rng, data)
    j = data.find(b"\n", i)
    j = len(data) if j < 0 else j
    n = rng.choice((4301, 5000, 20000, 200_000))
    big = rng.choice((b"9" * n, b"-" + b"9" * n, b"1_" * (n // 2), b"0x" + b"f" * n,
                      b"9" * n + b".5", b"x" * n, b'"' + b"\\u00e9" * (n // 6) + b'"',
                      b"1" + b":5" * (n // 2)))
    return data[:i] + big + data[j:]


def insert_bytes(rng: random.Random, data: bytes) -> bytes:
    i = rng.randrange(len(data) + 1)
    return data[:i] + rng.choice(_BYTES) + data[i:]


def insert_scalar(rng: random.Random, data: bytes) -> bytes:
    i = _value_spot(rng, data)
    j = data.find(b"\n", i)
    j = len(data) if j < 0 else j
    keep = rng.random() < 0.3
    return data[:i] + rng.choice(_SCALARS).encode() + (data[i:] if keep else data[j:])


def odd_key(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    indent = lines[i][: len(lines[i]) - len(lines[i].lstrip(b" "))]
    key = rng.choice((b"[a, b]: Introduction", b"{a: 1}: x", b"? [a]\n" + indent + b": x",
                      b"1: x", b"~: x", b"true: x", b'"\\0": x', b"quote: x", b"id: x"))
    lines.insert(i + 1, indent + key)
    return b"\n".join(lines)


def line_endings(rng: random.Random, data: bytes) -> bytes:
    if rng.random() < 0.5:
        return data.replace(b"\n", b"\r\n")
    return data.replace(b"\n", b"\r") if rng.random() < 0.3 else b"\xef\xbb\xbf" + data


def swap_values(rng: random.Random, data: bytes) -> bytes:
    """Give one key another line's value (type confusion: a list where text belongs...)."""
    lines = _lines(data)
    with_values = [i for i, ln in enumerate(lines) if b": " in ln]
    if len(with_values) < 2:
        return data
    a, b = rng.sample(with_values, 2)
    key = lines[a].split(b": ", 1)[0]
    lines[a] = key + b": " + lines[b].split(b": ", 1)[1]
    return b"\n".join(lines)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


MUTATIONS: tuple[Callable[[random.Random, bytes], bytes], ...] = (
    flip_byte, drop_line, duplicate_line, reindent, insert_tag, anchor_alias, deep_nesting,
    huge_scalar, insert_bytes, insert_scalar, odd_key, line_endings, swap_values, truncate,
)


def mutate(rng: random.Random, data: bytes) -> tuple[bytes, list[str]]:
    """One to three mutations of ``data``, and their names."""
    names = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        m = rng.choice(MUTATIONS)
        data = m(rng, data)
        names.append(m.__name__)
    return data, names


# --------------------------------------------------------------------------- running cases


@dataclass
class Outcome:
    """What checking one case did."""

    seconds: float
    error: str | None = None  # the traceback of a crash


@dataclass
class Tally:
    """The figures of a run."""

    cases: int = 0
    crashes: list[tuple[int, bytes, str]] = field(default_factory=list)
    hangs: list[tuple[int, bytes, float]] = field(default_factory=list)
    slowest: tuple[float, int, list[str]] = (0.0, -1, [])


def prepare(folder: Path) -> Path:
    """A folder holding the seed article, where each case is written as bank.yaml."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED / "article.txt", folder / "article.txt")
    return folder / "bank.yaml"


def memoise_articles() -> Callable[[], None]:
    """Parse each article file once (the fuzzer mutates banks, not the article).

    Returns the function that puts the real loader back.
    """
    real = article_mod.load_article
    seen: dict[tuple[str, int, int], article_mod.Article] = {}

    def load(path: str | Path) -> article_mod.Article:
        st = Path(path).stat()
        k = (str(path), st.st_size, st.st_mtime_ns)
        if k not in seen:
            seen[k] = real(path)
        return seen[k]

    article_mod.load_article = load  # type: ignore[assignment]

    def restore() -> None:
        article_mod.load_article = real  # type: ignore[assignment]

    return restore


def check_case(bank: Path, data: bytes) -> Outcome:
    bank.write_bytes(data)
    started = time.perf_counter()
    try:
        result, diags = check_bank(bank, use_cache=False)
        if result is None and not diags:
            raise AssertionError("no bank and no diagnostic")
        for d in diags:
            d.format()
    except Exception:  # anything but diagnostics is a crash
        return Outcome(time.perf_counter() - started, traceback.format_exc())
    return Outcome(time.perf_counter() - started)


def run(cases: int, seed: int, bank: Path,
        on_case: Callable[[int, Tally], None] | None = None) -> Tally:
    """Check ``cases`` mutated banks, made from ``seed``."""
    rng = random.Random(seed)
    head, questions = seed_parts()
    tally = Tally()
    for n in range(cases):
        data, names = mutate(rng, base_case(rng, head, questions))
        out = check_case(bank, data)
        tally.cases += 1
        if out.error is not None:
            tally.crashes.append((n, data, out.error))
        if out.seconds > HANG_SECONDS:
            tally.hangs.append((n, data, out.seconds))
        if out.seconds > tally.slowest[0]:
            tally.slowest = (out.seconds, n, names)
        if on_case is not None:
            on_case(n, tally)
    return tally


# --------------------------------------------------------------------------- shapes


@dataclass(frozen=True)
class Tagged:
    """A scalar dumped with a tag its text may not fit (``!!int According to``)."""

    tag: str
    text: str


@dataclass(frozen=True)
class ListKey:
    """A list used as a mapping key (``[a, b]: x``); hashable, unlike a list."""

    items: tuple[str, ...]


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(Tagged, lambda d, v: d.represent_scalar(v.tag, v.text))
_Dumper.add_representer(ListKey, lambda d, v: d.represent_list(list(v.items)))


def shape_strategies():
    """Hypothesis strategies: valid YAML documents of the wrong shape or type.

    Imported lazily so the long run does not need hypothesis.
    """
    from hypothesis import strategies as st

    tags = st.sampled_from(["int", "float", "bool", "null", "timestamp", "binary", "str"])
    words = st.one_of(st.sampled_from(["According to", "abc", "12", "1.5", "", "yes", "x: y",
                                       "2020-06-16", "0x1F", "1_000"]), st.text(max_size=20))
    hostile = st.one_of(
        st.builds(Tagged, tags.map(lambda t: "tag:yaml.org,2002:" + t), words),
        st.integers(4301, 6000).map(lambda n: Tagged("tag:yaml.org,2002:int", "9" * n)),
    )
    scalars = st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), hostile,
        st.text(max_size=30), st.sampled_from(["16 June 2020", "text", "choice", "order",
                                               "article.txt", "On 16 June 2020 at 2:50 pm"]),
    )
    values = st.recursive(scalars, lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=8), st.sampled_from(
            ["id", "type", "quote", "answer", "choices", "evidence"])), inner, max_size=4)),
        max_leaves=12)
    question_keys = st.sampled_from(
        ["id", "type", "prompt", "choices", "answer", "items", "accept", "tolerance", "unit",
         "evidence", "hints", "explanation", "difficulty", "tags", "origin", "status"])
    evidence_keys = st.one_of(st.sampled_from(["quote", "prefix", "suffix", "section"]),
                              st.builds(ListKey, st.tuples(st.text(max_size=3))))
    evidence = st.lists(st.dictionaries(evidence_keys, values, max_size=4), max_size=3)
    question = st.dictionaries(question_keys, st.one_of(hostile, values), max_size=8).flatmap(
        lambda q: evidence.map(lambda ev: {**q, "evidence": ev}))
    top_key = st.sampled_from(["format", "id", "title", "description", "source", "questions"])
    return st.fixed_dictionaries({
        "format": st.one_of(st.just(1), hostile, values),
        "id": st.one_of(st.just("b"), values),
        "title": st.one_of(st.just("T"), hostile, values),
        "source": st.one_of(st.just({"file": "article.txt", "title": "T"}), values),
        "questions": st.one_of(st.lists(question, max_size=3), values),
    }).flatmap(lambda bank: st.dictionaries(top_key, values, max_size=2).map(
        lambda extra: {**bank, **extra}))


def dump(doc: object) -> bytes:
    return yaml.dump(doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False).encode("utf-8")
