"""``quiz host``, ``quiz join`` and ``quiz report``: classroom sessions on the local network.

Imported at every start by ``quiz.cli.main``, so only the standard library here;
the server, websockets and Textual load when a command runs.
"""

from __future__ import annotations

import argparse
import sys


def _timer(text: str) -> int | None:
    if text.lower() in ("off", "0", "none"):
        return None
    # Imported only when --timer is given: the room module is not light.
    from quiz.classroom.room import TIMER_RANGE

    low, high = TIMER_RANGE
    if not text.isdigit() or not low <= int(text) <= high:
        raise argparse.ArgumentTypeError(f"the timer is {low} to {high} seconds, or off")
    return int(text)


def _port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) < 65536:
        raise argparse.ArgumentTypeError("a port is a number from 1 to 65535 (0: any free port)")
    return int(text)


def _players(text: str) -> int:
    from quiz.classroom.room import PLAYERS_RANGE

    low, high = PLAYERS_RANGE
    if not text.isdigit() or not low <= int(text) <= high:
        raise argparse.ArgumentTypeError(f"a room holds {low} to {high} players")
    return int(text)


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError("give a whole number (0: no limit)")
    return int(text)


def _code(text: str) -> str:
    code = text.replace(" ", "").replace("-", "")
    if len(code) != 6 or not code.isdigit():
        raise argparse.ArgumentTypeError("the join code is the 6 digits on the teacher's screen")
    return code


def register(subparsers: argparse._SubParsersAction) -> None:
    h = subparsers.add_parser(
        "host", help="run a quiz for a class on the local network",
        description="Host BANK for a class: students join from a terminal with `quiz join` or "
        "from a browser at the address shown, with the 6-digit code. Nothing leaves the "
        "local network; answers are kept in your progress database.",
        epilog="Keys in the host screen: s start, n next, p pause, r reveal, e end, l lock, "
        "k kick, a/d approve/decline a name, q quit (the session stays resumable). "
        "--plain reads the same as typed commands (start, next, reveal, end, ...).",
    )
    h.add_argument("bank", metavar="BANK", nargs="?",
                   help="bank folder, bank.yaml, or bundled bank id (not needed with --resume)")
    h.add_argument("--bind", metavar="ADDR", default="0.0.0.0",
                   help="address to listen on (default: every interface of this machine; "
                   "127.0.0.1 for this machine only)")
    h.add_argument("--port", type=_port, metavar="N", default=None,
                   help="port to listen on (default 8470, or the session's port on --resume)")
    h.add_argument("--timer", type=_timer, metavar="S", default=None,
                   help="seconds per question, or off (default off: you reveal)")
    h.add_argument("--speed", action="store_true",
                   help="add a bonus for quick right answers (off by default)")
    h.add_argument("--streak", action="store_true",
                   help="add a bonus for right answers in a row (off by default)")
    h.add_argument("--in-order", action="store_true",
                   help="ask the questions in the bank's order (default: shuffled)")
    h.add_argument("--no-hints", action="store_true",
                   help="no hints (by default students may take the written hints, each "
                   "costing a quarter of the question's points)")
    h.add_argument("--anonymous", action="store_true",
                   help="show no names on the leaderboard or the lobby")
    h.add_argument("--approve-names", action="store_true",
                   help="students wait in the lobby until you approve their name")
    h.add_argument("--limit", type=int, metavar="N", default=None,
                   help="play only the first N questions (after shuffling)")
    h.add_argument("--seed", type=int, metavar="N", default=None,
                   help="seed for the question and option order")
    h.add_argument("--resume", type=int, nargs="?", const=0, default=None, metavar="SESSION",
                   help="go on with an unfinished session (the latest, or SESSION); students "
                   "reconnect by themselves and keep their scores")
    h.add_argument("--plain", action="store_true",
                   help="no TUI: print events and read commands from stdin")
    h.add_argument("--max-players", type=_players, metavar="N", default=None,
                   help="students connected at once (default 300, at most 2000); those who "
                   "left or lost their connection hold no place")
    h.add_argument("--per-address", type=_count, metavar="N", default=20,
                   help="students connected at once from one network address, and N x 3 new "
                   "names a minute from it (default 20; 0: no limit, e.g. behind one NAT)")
    h.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                   help="another name students may reach this host by (e.g. a DNS name); "
                   "by default only the addresses shown on screen are accepted, which "
                   "stops web pages elsewhere from reaching the quiz (repeatable)")
    h.set_defaults(handler=run_host)

    j = subparsers.add_parser(
        "join", help="join a class's quiz from this terminal",
        description="Join the quiz a teacher is hosting. HOST[:PORT] and the code are on the "
        "teacher's screen.",
    )
    j.add_argument("address", metavar="HOST[:PORT]", help="the host's address, e.g. "
                   "192.168.1.20:8470")
    j.add_argument("--code", type=_code, required=True, help="the 6-digit join code")
    j.add_argument("--name", required=True, help="your name on the leaderboard "
                   "(at most 20 characters)")
    j.set_defaults(handler=run_join)

    r = subparsers.add_parser(
        "report", help="what a class answered in a hosted session",
        description="Without SESSION: list the classroom sessions. With SESSION: a summary "
        "with the class's mastery per article section; --csv: one row per student and "
        "question.",
    )
    r.add_argument("session", type=int, nargs="?", metavar="SESSION")
    out = r.add_mutually_exclusive_group()
    out.add_argument("--csv", action="store_true",
                     help="per student x question: answer, correct, seconds, hints, points")
    out.add_argument("--sections", action="store_true",
                     help="CSV of the class's mastery per article section")
    r.set_defaults(handler=run_report)


def run_host(args: argparse.Namespace) -> int:
    if args.bank is None and args.resume is None:
        print("quiz host: error: name the bank to host (e.g. quiz host "
              "inter-korean-liaison-office), or --resume a session", file=sys.stderr)
        return 2
    import asyncio

    from quiz.classroom.hosting import HostError, HostRequest, prepare, run_plain
    from quiz.store.progress import Store
    from quiz.textsafe import clean

    request = HostRequest(
        bank=args.bank, extra_paths=tuple(args.banks), bind=args.bind, port=args.port,
        timer=args.timer, speed=args.speed, streak=args.streak, in_order=args.in_order,
        hints=not args.no_hints, anonymous=args.anonymous, approve_names=args.approve_names,
        limit=args.limit, seed=args.seed, resume=args.resume, plain=args.plain,
        max_players=args.max_players, per_address=args.per_address,
        allow_hosts=tuple(args.allow_host),
    )
    store = Store.open()
    if store.unsaved is not None:
        from quiz.play.plain import play_without_saving
        from quiz.textsafe import clean

        print(f"quiz host: {clean(store.unsaved)}", file=sys.stderr)
        if not play_without_saving(sys.stdin, sys.stdout, sys.stderr, what="host"):
            store.close()
            return 0
        store = store.unsaved_copy()
    with store:
        try:
            setup = prepare(request, store)
        except HostError as exc:
            if str(exc):
                print(clean(f"quiz host: error: {exc}"), file=sys.stderr)
            return 1
        if request.plain or not sys.stdout.isatty():
            return asyncio.run(run_plain(setup))
        from quiz.tui.host.app import run_host as run_tui

        return run_tui(setup.server, notices=setup.notices)


def run_join(args: argparse.Namespace) -> int:
    from quiz.classroom.client import parse_address
    from quiz.classroom.names import NameError_, check_name

    try:
        host, port = parse_address(args.address)
        name = check_name(args.name)
    except (ValueError, NameError_) as exc:
        print(f"quiz join: error: {exc}", file=sys.stderr)
        return 2
    from quiz.tui.join.app import run_join as run_tui

    return run_tui(host, port, args.code, name)


def run_report(args: argparse.Namespace) -> int:
    from quiz.classroom.report import ReportRequest
    from quiz.classroom.report import run as report

    return report(ReportRequest(session=args.session, csv=args.csv, sections=args.sections))
