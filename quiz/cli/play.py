"""``quiz play BANK``: the argument parser and the hand-over to plain mode or the TUI.

``quiz.cli.main`` imports this module at every start, so it imports only the
standard library at module level; the bank loader, the engine and Textual are
imported when a game actually starts.
"""

from __future__ import annotations

import argparse

MODES = ("practice", "test", "review", "cram")


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError("the time limit must be a positive number of seconds")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "play", help="play a bank (in the TUI, or line by line with --plain)",
        description="Play the questions of one bank. BANK is a bank folder, its bank.yaml, "
        "or the id of a bundled bank.",
        epilog="In --plain mode, answer by number (choices), t/f, or typing; order questions "
        "take the numbers in order (\"3 1 2\"), multi takes the numbers you pick (\"1 3\"). "
        "Commands: h hint, s skip, w why (after an answer), q quit. NO_COLOR turns colour off.",
    )
    p.add_argument("bank", metavar="BANK", help="bank folder, bank.yaml, or bundled bank id")
    p.add_argument("--mode", choices=MODES, default=None,
                   help="practice: hints, a retry at a penalty, feedback after each question; "
                   "test: one try, no hints, results at the end; review: the questions due "
                   "today by your review schedule; cram: every question, weakest first, "
                   "leaving the schedule alone (default: practice; the TUI asks)")
    p.add_argument("--plain", action="store_true",
                   help="no TUI: a line-by-line prompt on stdin/stdout (screen readers, dumb "
                   "terminals, scripts; works with stdin from a pipe)")
    p.add_argument("--profile", metavar="NAME", default=None,
                   help="whose progress this is; remembered for next time (default: the "
                   "remembered profile; asked once on first run)")
    p.add_argument("--seed", type=int, metavar="N", default=None,
                   help="seed for the question and option order, to replay the same game")
    p.add_argument("--in-order", action="store_true",
                   help="ask the questions in the bank's order instead of shuffled")
    p.add_argument("--time-limit", type=_positive_float, metavar="S", default=None,
                   help="seconds per question; a later answer counts as a timeout")
    p.add_argument("--include-drafts", action="store_true",
                   help="also play questions whose status is draft")
    again = p.add_mutually_exclusive_group()
    again.add_argument("--resume", action="store_true",
                       help="go on with an unfinished session on this bank without asking "
                       "(with --plain and piped input, one of --resume/--new is needed when a "
                       "session is unfinished: piped lines are never read as that answer)")
    again.add_argument("--new", action="store_true",
                       help="start a new session even if one is unfinished (it is set aside)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from quiz.play.setup import PlayRequest, open_bank

    request = PlayRequest(
        bank=args.bank, extra_paths=tuple(args.banks), mode=args.mode, plain=args.plain,
        profile=args.profile, seed=args.seed, in_order=args.in_order,
        time_limit=args.time_limit, include_drafts=args.include_drafts,
        resume=True if args.resume else False if args.new else None,
    )
    bank = open_bank(request)
    if bank is None:
        return 1
    if request.plain:
        from quiz.play.plain import play_plain

        return play_plain(request, bank)
    from quiz.tui.solo.app import run_play

    return run_play(request, bank)
