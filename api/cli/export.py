"""``veikart export``: the whole graph to stdout."""

import argparse
import sys

from api.cli import open_store


def run(args: argparse.Namespace) -> int:
    data, _ = open_store(args).export(args.format)
    sys.stdout.buffer.write(data)
    return 0
