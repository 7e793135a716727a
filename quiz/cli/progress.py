"""``quiz stats`` and ``quiz progress export``: progress on the command line.

``quiz.cli.main`` imports this module at every start, so only the standard
library is imported at module level.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


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


def _open_store() -> Any:
    from quiz.store.progress import Store

    store = Store.open()
    for notice in store.notices:
        print(f"quiz: {notice}", file=sys.stderr)
    return store


def _pick_profile(store: Any, name: str | None, command: str) -> str | None:
    """The profile to report on; prints why and returns None when there is none."""
    if name is None:
        from quiz.play.setup import profile_to_show

        return profile_to_show(store)
    found = store.profile(name)
    if found is None:
        known = ", ".join(p.name for p in store.profiles()) or "none yet"
        print(f"quiz {command}: error: no profile named {name!r} (profiles: {known})",
              file=sys.stderr)
        return None
    return str(found.name)


def run_stats(args: argparse.Namespace) -> int:
    from quiz.store import stats as stats_mod

    with _open_store() as store:
        profile = _pick_profile(store, args.profile, "stats")
        if profile is None:
            if args.profile is not None:
                return 1
            if args.json:
                print(json.dumps({"profile": None, "banks": []}))
            elif store.profiles():
                names = ", ".join(p.name for p in store.profiles())
                print(f"Several profiles ({names}); pick one with --profile NAME.")
            else:
                print("No progress yet: play a bank first (quiz play BANK).")
            return 0
        from quiz.bank.catalog import load_played

        result = stats_mod.compute(store, profile, load_played(store.sessions(profile)))
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(format_stats(result)))
    return 0


def format_stats(st: Any, width: int = 20) -> list[str]:
    """The stats as plain text lines (bank text cleaned of terminal controls)."""
    from quiz.store.stats import bar, summary_line
    from quiz.textsafe import clean

    out = [f"Progress of {clean(st.profile)}"]
    if not st.answered:
        out.append("No answers yet.")
    else:
        out.append(summary_line(st))
    for b in st.banks:
        out.append("")
        out.append(f"{clean(b.title)} ({clean(b.bank_id)})")
        seen = f"{b.questions_seen} of {b.questions_total}" if b.questions_total is not None \
            else f"{b.questions_seen}"
        last = b.last_played.astimezone().strftime("%Y-%m-%d") if b.last_played else "never"
        out.append(f"  {round(100 * b.accuracy)}% right over {b.answered} answers · {seen} "
                   f"questions seen · last played {last}")
        if b.sections:
            out.append("  Mastery by section:")
            name_w = min(32, max(len(clean(s.title)) for s in b.sections))
            for s in b.sections:
                title = clean(s.title)
                if len(title) > name_w:
                    title = title[:name_w - 1] + "…"
                out.append(f"    {title:<{name_w}}  {bar(s.mastery, width)} "
                           f"{round(100 * s.mastery):>3}%  ({s.mastered}/{s.total})")
    if st.leeches:
        out.append("")
        out.append("Missed again and again (read their passages, or ask about them):")
        for bank_id, qid, lapses in st.leeches:
            out.append(f"  {clean(bank_id)} / {clean(qid)}: missed {lapses} times after "
                       "first seen")
    if st.recent:
        out.append("")
        out.append("Recent sessions:")
        for s in st.recent:
            when = s.started.astimezone().strftime("%Y-%m-%d %H:%M")
            out.append(f"  {when}  {clean(s.bank_id)}  {s.mode}  {s.answered}/{s.total} "
                       f"answered  {s.points} points  {_status(s.status)}")
    return out


def _status(status: str) -> str:
    return "unfinished" if status in ("active", "paused") else status


def run_export(args: argparse.Namespace) -> int:
    with _open_store() as store:
        if args.profile is not None and store.profile(args.profile) is None:
            print(f"quiz progress export: error: no profile named {args.profile!r}",
                  file=sys.stderr)
            return 1
        if args.output:
            try:
                with open(args.output, "w", newline="", encoding="utf-8") as fh:
                    n = store.export_csv(fh, args.profile)
            except OSError as exc:
                print(f"quiz progress export: error: {args.output}: {exc.strerror or exc}",
                      file=sys.stderr)
                return 1
            print(f"{n} answers written to {args.output}", file=sys.stderr)
        else:
            store.export_csv(sys.stdout, args.profile)
    return 0
