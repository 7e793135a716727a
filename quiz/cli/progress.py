"""``quiz stats`` and ``quiz progress export``: progress on the command line.

``quiz.cli.main`` imports this module at every start, so only the standard
library is imported at module level.
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    s = subparsers.add_parser(
        "stats", help="your progress: accuracy, mastery per section, streak, sessions",
        description="Summarise a profile's progress: accuracy per bank, mastery per article "
        "section, days in a row, questions due for review, recent sessions.",
    )
    s.add_argument("--json", action="store_true", help="print JSON instead of text")
    s.add_argument("--profile", metavar="NAME", default=None,
                   help="whose progress (default: the remembered profile)")
    s.set_defaults(handler=run_stats)

    p = subparsers.add_parser(
        "progress", help="export progress (for a teacher)",
        description="Work with the progress database.",
    )
    psub = p.add_subparsers(dest="progress_command", metavar="ACTION", required=True)
    e = psub.add_parser(
        "export", help="every answer as a CSV table",
        description="Write every recorded answer (all profiles, or one) as CSV: profile, "
        "session, bank, question, section, mode, try, answer given, right or not, points, "
        "hints, seconds, time.",
    )
    e.add_argument("--csv", action="store_true", required=True, help="CSV (the only format)")
    e.add_argument("-o", "--output", metavar="FILE", default=None,
                   help="write to FILE instead of standard output")
    e.add_argument("--profile", metavar="NAME", default=None,
                   help="only this profile (default: everyone on this machine)")
    e.set_defaults(handler=run_export)


def run_stats(args: argparse.Namespace) -> int:
    from quiz.store.stats import StatsRequest, show_stats

    return show_stats(StatsRequest(profile=args.profile, json=args.json))


def run_export(args: argparse.Namespace) -> int:
    from quiz.store.export import ExportRequest, export_progress

    return export_progress(ExportRequest(profile=args.profile, output=args.output))
