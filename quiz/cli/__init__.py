"""The command line: argparse only; each command becomes a typed request."""
