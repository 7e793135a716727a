"""``quiz import FILE`` and ``quiz export BANK``: questions from and to other tools.

Imported at every start of ``quiz`` to register the subcommands, so only the
standard library is imported here; the formats load when a command runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

FORMATS = ("gift", "moodle-xml", "aiken", "csv", "anki")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "import", help="bring questions in from Moodle (GIFT, XML), Aiken, CSV or Anki",
        description="Read questions from another tool's file and write them as draft "
        "questions of a bank grounded in ARTICLE. Every question is accounted for: what "
        "quiz has no type for (essays, matching, descriptions...) or cannot read is listed "
        "as FILE:LINE: skipped: why. Without --article nothing is written: the command "
        "only reports what the file holds. Imported drafts have no passage yet; "
        "`quiz ground BANK ARTICLE.txt` finds them.",
        epilog="Formats: gift (Moodle GIFT), moodle-xml, aiken, csv (columns: id, type, "
        "prompt, answer, choices, accept, tolerance, unit, explanation, evidence, hints, "
        "tags, difficulty; lists separated by |), anki (.apkg, or Anki's plain-text "
        "export). Exit codes: 0 ok, 1 the file or the output folder is unusable, 2 usage.",
    )
    p.add_argument("file", metavar="FILE", help="the file to import")
    p.add_argument("-o", "--out", metavar="OUT_DIR",
                   help="bank folder to write (default: questions/<name of FILE>/)")
    p.add_argument("--article", metavar="ARTICLE.txt",
                   help="the article the questions are about (seed format); copied into the "
                   "bank folder. Without it nothing is written")
    p.add_argument("--format", choices=FORMATS, dest="fmt",
                   help="the file's format (default: guessed from its name and content)")
    p.add_argument("--title", help="the article's title (default: its '= Title =' line)")
    p.add_argument("--url", metavar="URL", help="where the article comes from (source.url)")
    p.add_argument("--license", metavar="LICENSE",
                   help="the article's licence, e.g. 'CC BY-SA 4.0' (source.license)")
    p.add_argument("--force", action="store_true",
                   help="replace an existing bank.yaml in OUT_DIR")
    p.set_defaults(handler=run_import)

    e = subparsers.add_parser(
        "export", help="write a bank for Moodle (GIFT, XML), Aiken, CSV or Anki",
        description="Write the approved questions of BANK in another tool's format. "
        "Explanations and evidence go to the format's feedback, hints to Moodle XML "
        "<hint>s, the passage to the back of the Anki card. What the format cannot hold "
        "is listed (e.g. Aiken holds only multiple choice).",
        epilog="Exit codes: 0 ok, 1 the bank or the output file is unusable, 2 usage.",
    )
    e.add_argument("bank", metavar="BANK", help="a bank folder, its bank.yaml, or a bank id")
    e.add_argument("--format", choices=FORMATS, dest="fmt", required=True,
                   help="the format to write")
    e.add_argument("-o", "--out", metavar="FILE",
                   help="file to write (default: <bank id>.<format extension> here)")
    e.add_argument("--include-drafts", action="store_true",
                   help="export draft questions too (rejected ones never are)")
    e.set_defaults(handler=run_export)


def run_import(args: argparse.Namespace) -> int:
    from quiz.interop.command import ImportRequest, import_questions

    return import_questions(ImportRequest(
        source=Path(args.file), out=Path(args.out) if args.out else None,
        article=Path(args.article) if args.article else None, fmt=args.fmt, title=args.title,
        url=args.url, license=args.license, force=args.force))


def run_export(args: argparse.Namespace) -> int:
    from quiz.interop.command import ExportRequest, export_questions

    return export_questions(ExportRequest(
        bank=args.bank, fmt=args.fmt, out=Path(args.out) if args.out else None,
        include_drafts=args.include_drafts))
