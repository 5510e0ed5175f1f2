"""``veikart export``: the whole graph to stdout."""

import argparse
import sys

from api.cli import open_store


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        data, _ = store.export(args.format)
    sys.stdout.buffer.write(data)
    return 0
