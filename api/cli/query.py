"""``veikart query``: run a SPARQL query in this process and write its results to stdout."""

import argparse
import json
import os
import signal
import sys
import threading

from api.cli import FAILED, USAGE, Failure, open_store
from api.cli.output import error, write_columns
from graph import Store, UnknownFormat

# What each --format asks for: the results of a SELECT or ASK first, then the RDF of a CONSTRUCT or DESCRIBE.
ACCEPT = {
    "table": "application/sparql-results+json, text/turtle",
    "json": "application/sparql-results+json, application/ld+json",
    "xml": "application/sparql-results+xml, application/rdf+xml",
    "csv": "text/csv, application/n-triples",
    "tsv": "text/tab-separated-values, application/n-triples",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}


def run(args: argparse.Namespace) -> int:
    sparql = read_stdin() if args.sparql == "-" else args.sparql
    try:
        with open_store(args, query_timeout=args.timeout) as store:
            body, media = answer_within(store, sparql, ACCEPT[args.format], args.timeout)
    except UnknownFormat as exc:
        raise Failure(f"--format {args.format} writes RDF, which only a CONSTRUCT or DESCRIBE query gives; "
                      "use table, json, xml, csv or tsv", USAGE) from exc
    if args.format == "table" and media == "application/sparql-results+json":
        write_table(json.loads(body))
    else:
        sys.stdout.buffer.write(body)
    return 0


def read_stdin() -> str:
    """Return the query text piped in (SPARQL is UTF-8)."""
    try:
        return sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Failure(f"the query on stdin is not UTF-8: {exc}") from exc


def answer_within(store: Store, sparql: str, accept: str, seconds: float) -> tuple[bytes, str]:
    """Answer ``sparql``, or end the process after ``seconds`` or on Ctrl-C: pyoxigraph can neither stop a
    query nor hear Ctrl-C while it runs, so ending the process is what stops it, as the server ends a
    query's worker."""
    def stop() -> None:
        error(f"the query ran longer than {seconds:g} s and was stopped; allow more with --timeout")
        sys.stderr.flush()
        os._exit(FAILED)

    watchdog = threading.Timer(seconds, stop)
    watchdog.daemon = True
    interrupt = signal.signal(signal.SIGINT, signal.SIG_DFL)
    watchdog.start()
    try:
        return store.answer(sparql, accept)
    finally:
        watchdog.cancel()
        signal.signal(signal.SIGINT, interrupt)


def write_table(results: dict) -> None:
    """Write SPARQL JSON results as columns of values, or an ASK's answer as true or false."""
    if "boolean" in results:
        print(str(results["boolean"]).lower())
        return
    header = results["head"]["vars"]
    write_columns(header, [[binding.get(var, {}).get("value", "") for var in header]
                           for binding in results["results"]["bindings"]])
