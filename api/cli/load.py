"""``veikart load``: an export (TriG or N-Quads, from a file or stdin) back into a store, graph by graph."""

import argparse
import sys
from pathlib import Path

from api.cli import USAGE, Failure, open_store
from api.cli.output import err

SUFFIXES = {".trig": "trig", ".nq": "nquads", ".nquads": "nquads"}


def run(args: argparse.Namespace) -> int:
    fmt = args.format or data_format(args.file)
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        raise Failure(f"cannot read {args.file}: {exc.strerror or exc}") from exc
    with open_store(args) as store:
        loaded = store.load(data, fmt)
    if not args.quiet:
        err.print(f"loaded {sum(loaded.values())} quads in {len(loaded)} graphs")
    return 0


def data_format(file: str) -> str:
    """Return the format of an export by its file name (N-Quads on stdin), or fail as a usage error."""
    if file == "-":
        return "nquads"
    suffix = Path(file).suffix.lower()
    if suffix not in SUFFIXES:
        raise Failure(f"{Path(file).name}: give a .trig or .nq file (an export with its named graphs), "
                      "or its format with --format", USAGE)
    return SUFFIXES[suffix]
