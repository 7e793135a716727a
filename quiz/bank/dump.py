"""Writing banks as YAML: the one dumper, banks as plain data, and the bank file.

Whole banks are written in one canonical form; curation's splice writes
single values with the same dumper, in the style of the file it edits.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from quiz.bank.load import bank_file
from quiz.bank.model import FORMAT_VERSION, Bank, Question
from quiz.paths import write_atomic

UNFOLDED = 2**31 - 1  # a line width no value reaches: long text stays on one line
_SEQ_TAG = "tag:yaml.org,2002:seq"


class FlowList(list):
    """A list written inline: ``tags: [dates, people]``."""


class Dumper(yaml.SafeDumper):
    """The pure-Python dumper, which (unlike libyaml's) lets lists be indented under
    their key the way people write banks by hand (``questions:`` then ``  - id: ...``)."""

    indent_lists = True

    def ignore_aliases(self, data: object) -> bool:
        return True  # the loader refuses aliases, so never write one

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, indentless and not self.indent_lists)


Dumper.add_representer(FlowList, lambda d, v: d.represent_sequence(_SEQ_TAG, v, flow_style=True))


class FlushDumper(Dumper):
    """Lists level with their key (``tags:`` then ``- a``), for files written that way."""

    indent_lists = False


def to_yaml(data: object, *, indent_lists: bool = True, width: int = UNFOLDED) -> str:
    """``data`` as block-style YAML, keys in the order given, line ends ``\\n``."""
    return yaml.dump(data, Dumper=Dumper if indent_lists else FlushDumper, sort_keys=False,
                     allow_unicode=True, width=width, default_flow_style=False, indent=2)


def question_to_dict(q: Question) -> dict[str, object]:
    """A question as the plain data written to YAML, keys in canonical order."""
    d: dict[str, object] = {"id": q.id, "type": q.type, "prompt": q.prompt}
    if q.type in ("choice", "multi"):
        d["choices"] = list(q.choices)
    if q.type == "order":
        d["items"] = list(q.answer)  # type: ignore[arg-type]
    else:
        d["answer"] = list(q.answer) if isinstance(q.answer, list) else q.answer
    if q.accept:
        d["accept"] = list(q.accept)
    if q.person:
        d["person"] = True
    if q.type == "number":
        if q.tolerance:
            d["tolerance"] = q.tolerance
        if q.unit:
            d["unit"] = q.unit
    if q.evidence:  # a draft may wait for its passage; `evidence: []` would not load
        d["evidence"] = [
            {k: v for k, v in (("quote", e.quote), ("prefix", e.prefix), ("suffix", e.suffix),
                               ("section", e.section)) if v is not None}
            for e in q.evidence
        ]
    if q.hints:
        d["hints"] = list(q.hints)
    if q.explanation:
        d["explanation"] = q.explanation
    d["difficulty"] = q.difficulty
    if q.confidence is not None:
        d["confidence"] = q.confidence
    if q.tags:
        d["tags"] = FlowList(q.tags)
    d["origin"] = q.origin
    d["status"] = q.status
    return d


def bank_to_dict(bank: Bank) -> dict[str, object]:
    src = {k: v for k, v in (("file", bank.source.file), ("title", bank.source.title),
                             ("url", bank.source.url), ("license", bank.source.license),
                             ("author", bank.source.author)) if v is not None}
    d: dict[str, object] = {"format": FORMAT_VERSION, "id": bank.id, "title": bank.title}
    if bank.description:
        d["description"] = bank.description
    if bank.locale:
        d["locale"] = bank.locale
    d["source"] = src
    d["questions"] = [question_to_dict(q) for q in bank.questions]
    return d


def dump_bank_text(bank: Bank) -> str:
    body = to_yaml(bank_to_dict(bank))
    # A blank line between questions keeps hand-edited banks readable.
    return re.sub(r"\n(  - id: )", r"\n\n\1", body).replace("questions:\n\n", "questions:\n")


def dump_bank(bank: Bank, path: str | Path) -> None:
    """Write ``bank`` atomically: a crash never leaves half a file."""
    write_atomic(bank_file(path), dump_bank_text(bank))
