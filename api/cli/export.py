"""``veikart export``: the whole graph to stdout, as RDF or as a file for an architect's tool."""

import argparse
import sys

from api.cli import open_store
from graph.exports.views import export
from graph.readmodel import ReadModel


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        data = export(args.format, store, lambda: ReadModel.of(store))
    sys.stdout.buffer.write(data)
    return 0
