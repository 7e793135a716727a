"""``quiz rebase`` and ``quiz ground``: plan, report, and write (see rebase.py, ground.py)."""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import dataclass, replace
from dataclasses import replace as dc_replace
from pathlib import Path
from typing import TextIO

from quiz.bank import rewrite
from quiz.bank.anchor import Anchors
from quiz.bank.dump import question_to_dict
from quiz.bank.ground import NOTE, Grounding, ground_question
from quiz.bank.load import BankError, bank_file, check_bank
from quiz.bank.model import Bank
from quiz.bank.rebase import RebasePlan, plan_rebase
from quiz.bank.rewrite import CommandError
from quiz.textsafe import clean


@dataclass(frozen=True)
class RebaseRequest:
    bank: Path
    article: Path
    write: bool = False


@dataclass(frozen=True)
class GroundRequest:
    bank: Path
    article: Path | None = None
    dry_run: bool = False


def _short(text: str, n: int = 70) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _load(path: Path) -> Bank:
    bank, diags = check_bank(path, use_cache=False)
    if bank is None:
        raise BankError(diags)
    return bank


# --------------------------------------------------------------------------- rebase


def run_rebase(req: RebaseRequest, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    try:
        bank = _load(bank_file(req.bank))
        text, _ = rewrite.read_article(req.article)
        disk = rewrite.read_bank_text(bank.path)
        plan = plan_rebase(bank, disk, text, str(req.article))
    except BankError as exc:
        print(exc, file=err)
        print("the bank must load before it can be rebased: fix it first (quiz validate)",
              file=err)
        return 1
    except CommandError as exc:
        print(exc, file=err)
        return 1
    _print_plan(plan, req, out)
    draft = plan.draft
    if draft is None or not draft.ok:
        for d in draft.problems if draft else []:
            print(d.format(), file=err)
        print("nothing was written: the rebased bank would not load", file=err)
        return 1
    if not req.write:
        print("Dry run: nothing was written. Run again with --write to apply this plan.",
              file=out)
        return 0
    try:
        rewrite.write(plan.bank, draft, text)
    except OSError as exc:
        print(f"cannot write the bank ({exc.strerror or exc}); nothing was changed", file=err)
        return 1
    print(f"Wrote {bank.path} and {bank.article_path}.", file=out)
    return 0


def _print_plan(plan: RebasePlan, req: RebaseRequest, out: TextIO) -> None:
    bank = plan.bank
    print(f"Rebase of {bank.id} ({len(plan.plans)} questions) onto {req.article}:", file=out)
    counts = ", ".join(f"{plan.count(o)} {o}" for o in
                       ("unchanged", "moved", "reworded", "changed", "gone"))
    print(f"  {counts}", file=out)
    for p in plan.plans:
        if p.outcome == "unchanged":
            continue
        status = p.question.status
        line = f"  {p.outcome:<9} {p.id}"
        if p.outcome in ("moved", "reworded"):
            detail = "; ".join(
                f"\"{_short(f.new.quote, 50)}\"" + (f" (section {f.new.section})"
                                                     if f.how == "moved" and f.new.section
                                                     else "")
                for f in p.fates if f.new is not None and f.how in ("moved", "reworded"))
            line += f": {detail}"
        if p.note:
            line += f" -> {status}: {_short(p.note.removeprefix('quiz rebase: '), 160)}"
        print(line, file=out)
    if plan.count("gone"):
        gone = [p.id for p in plan.plans if p.outcome == "gone"]
        print(f"  passage gone: {', '.join(gone)}", file=out)


# --------------------------------------------------------------------------- ground


def _source_file(disk_text: str) -> str:
    """``source.file`` as the bank file names it (read leniently; the loader checks it)."""
    import yaml

    from quiz.bank import yamlcheck as yc

    try:
        root = yaml.compose(disk_text, Loader=yc.Loader)
    except yaml.YAMLError:
        return "article.txt"
    for k, v in getattr(root, "value", []) if isinstance(root, yaml.MappingNode) else []:
        if getattr(k, "value", None) == "source" and isinstance(v, yaml.MappingNode):
            for k2, v2 in v.value:
                if getattr(k2, "value", None) == "file" and isinstance(v2, yaml.ScalarNode):
                    name = v2.value
                    if name and not Path(name).is_absolute() and ".." not in Path(name).parts:
                        return name
    return "article.txt"


def _load_with_article(path: Path, disk_text: str, article_text: str) -> Bank:
    """The bank loaded beside ``article_text`` (its own article may be missing or older)."""
    name = _source_file(disk_text)
    with tempfile.TemporaryDirectory(prefix="quiz-ground-") as tmp:
        folder = Path(tmp)
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(article_text, encoding="utf-8", newline="")
        shutil.copyfile(path, folder / "bank.yaml")
        bank, diags = check_bank(folder / "bank.yaml", use_cache=False)
        if bank is not None:
            bank.article  # noqa: B018 - parsed while the scratch copy exists
    if bank is None:  # name the user's files, not the scratch copies
        names = {str(folder / "bank.yaml"): str(path), str(folder / name): str(path.parent / name)}
        raise BankError([dc_replace(d, path=names.get(d.path, d.path)) for d in diags])
    bank.path = path
    return bank


def run_ground(req: GroundRequest, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    path = bank_file(req.bank)
    article_text: str | None = None
    try:
        if not path.is_file():
            raise CommandError(f"{path}: no such bank file; give a bank folder or its bank.yaml")
        disk = rewrite.read_bank_text(path)
        if req.article is not None:
            article_text, _ = rewrite.read_article(req.article)
            current = path.parent / _source_file(disk)
            if current.is_file() and current.read_bytes() != article_text.encode("utf-8"):
                old, _diags = check_bank(path, use_cache=False)
                if old is None or any(q.evidence for q in old.questions):
                    raise CommandError(
                        f"{current} already holds a different article that the bank quotes; "
                        "to move its quotes to a revised article use `quiz rebase`")
            bank = _load_with_article(path, disk, article_text)
        else:
            bank = _load(path)
    except BankError as exc:
        print(exc, file=err)
        return 1
    except CommandError as exc:
        print(exc, file=err)
        return 1

    anchors = Anchors(bank.article)
    results: dict[str, Grounding] = {
        q.id: ground_question(q, anchors) for q in bank.questions if not q.evidence}
    saved = {q.id: question_to_dict(q) for q in bank.questions}
    final_text = article_text if article_text is not None else bank.article.text
    draft = None
    for _ in range(3):
        planned = replace(bank, questions=[
            results[q.id].question if q.id in results and results[q.id].grounded else q
            for q in bank.questions])
        changed = {i for i, g in results.items() if g.grounded}
        text, spliced = rewrite.render(planned, disk, saved, changed, dict.fromkeys(changed, NOTE))
        draft = rewrite.check_draft(planned, text, final_text, spliced)
        if draft.ok:
            break
        refused = {d.question_id: d.message for d in draft.problems if d.question_id in changed}
        if not refused:
            break
        for qid, why in refused.items():
            results[qid] = Grounding(bank.question(qid) or results[qid].question, False,
                                     f"the passage found does not load: {why}")
    assert draft is not None
    _print_grounding(bank, results, out)
    if not draft.ok:
        for d in draft.problems:
            print(d.format(), file=err)
        print("nothing was written: the grounded bank would not load", file=err)
        return 1
    if req.dry_run:
        print("Dry run: nothing was written.", file=out)
        return 0
    if not changed and article_text is None:
        return 0
    try:
        rewrite.write(planned, draft, article_text)
    except OSError as exc:
        print(f"cannot write the bank ({exc.strerror or exc}); nothing was changed", file=err)
        return 1
    copied = f" and copied the article to {planned.article_path}" if article_text else ""
    print(f"Wrote {path}{copied}.", file=out)
    return 0


def _print_grounding(bank: Bank, results: dict[str, Grounding], out: TextIO) -> None:
    done = [g for g in results.values() if g.grounded]
    print(f"Grounding {bank.id}: {len(results)} of {len(bank.questions)} questions have no "
          "evidence.", file=out)
    for g in done:
        quotes = " | ".join(f"\"{_short(e.quote, 60)}\"" for e in g.question.evidence)
        print(f"  grounded      {g.question.id}: {quotes}", file=out)
    for g in results.values():
        if not g.grounded:
            print(f"  not grounded  {g.question.id}: {_short(g.reason, 160)}", file=out)
    if results:
        share = len(done) / len(results)
        print(f"{len(done)} of {len(results)} grounded ({share:.0%}). They stay drafts with a "
              "note: check each quote in quiz curate, then approve.", file=out)
