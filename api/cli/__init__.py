"""The ``veikart`` command line: ingest, serve, query, deps, check, export and load.

This module only parses the command line: each command lives in the module of its name, imported
when it runs, so that ``veikart query`` never imports spaCy or FastAPI, which only ``ingest`` and ``serve``
need. Data goes to stdout, messages and progress to stderr.
"""

import argparse
import importlib
import os
import sys
from importlib import metadata
from pathlib import Path

from api.cli.output import error
from api.config import Settings
from graph import LOAD_FORMATS, GraphError, Store
from graph.conflicts import SEVERITIES
from graph.exports import FORMATS

FAILED, USAGE, INTERRUPTED = 1, 2, 130  # exit statuses besides 0
QUERY_FORMATS = ["table", "json", "xml", "csv", "tsv", "turtle", "ntriples", "jsonld", "rdfxml"]


class Failure(Exception):
    """A command could not do what was asked; its message is for the user, ``status`` the exit status."""

    def __init__(self, message: str, status: int = FAILED):
        super().__init__(message)
        self.status = status


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        return importlib.import_module(f"api.cli.{args.module}").run(args)
    except Failure as exc:
        error(str(exc))
        return exc.status
    except GraphError as exc:
        error(str(exc))
        return FAILED
    except KeyboardInterrupt:
        return INTERRUPTED
    except BrokenPipeError:  # the reader stopped early (| head): nothing to report
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit's flush raises nothing
        return FAILED


def open_store(args: argparse.Namespace, **settings: object) -> Store:
    """Open the store the command line names (with ``settings`` changed), answering queries in this
    process: a command ends with its query, so it needs no worker processes to stop one."""
    return args.settings.model_copy(update={"store": args.store, **settings}).open_store(query_workers=False)


def _exits(done: str, failed: str, usage: str = "") -> str:
    return (f"exit status:\n  0    {done}\n  1    {failed}\n  2    a usage error{usage}\n"
            "  130  interrupted (Ctrl-C)")


def seconds(text: str) -> float:
    """Parse a time limit: a number of seconds above 0."""
    value = float(text)  # a ValueError is reported by argparse as an invalid value
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text} is not a number of seconds above 0")
    return value


def processes(text: str) -> int:
    """Parse a number of processes: a whole number above 0."""
    value = int(text)  # a ValueError is reported by argparse as an invalid value
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a number of processes above 0")
    return value


class _Version(argparse.Action):
    """Print the installed package's version, looked up only when asked for."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs):
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        try:
            version = metadata.version("veikart")
        except metadata.PackageNotFoundError:
            version = "(not installed)"
        print(f"veikart {version}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    settings = Settings()
    parser = argparse.ArgumentParser(prog="veikart", description="Knowledge graph of strategy documents.",
                                     epilog="Each command's --help lists its exit statuses.")
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    def command(name: str, help: str, exits: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help, epilog=exits,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        sub.add_argument("--store", default=settings.store,
                         help="store folder, or a remote store's SPARQL query endpoint URL (default: %(default)s)")
        sub.set_defaults(module=name, settings=settings)
        return sub

    ingest = command("ingest", "Ingest documents (files or folders) into the store.", _exits(
        "every document was read and written (or was unchanged)",
        "a document could not be read (then nothing is written), or the store failed"))
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    ingest.add_argument("--force", action="store_true", help="analyse unchanged documents again (after an upgrade)")
    ingest.add_argument("--format", choices=["text", "json"], default="text",
                        help="the summary of what each document added: columns or JSON (default: %(default)s)")
    ingest.add_argument("--quiet", action="store_true", help="no progress and no text summary; errors only")
    ingest.add_argument("--jobs", type=processes, default=1, metavar="N",
                        help="analyse documents in N worker processes; this one writes them (default: %(default)s)")

    serve = command("serve", "Serve the REST API, the SPARQL endpoint and the web client.", _exits(
        "the server was stopped", "the server could not start", ", or several --workers over an embedded store"))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=processes, default=1,
                       help="processes serving requests; more than one needs a remote store (default: 1)")

    query = command("query", "Run a SPARQL query over the store; write its results to stdout.", _exits(
        "the results were written", "the query does not parse, ran past --timeout, or the store failed",
        ", or an RDF --format for a SELECT or ASK query"))
    query.add_argument("sparql", help="the query, or - to read it from stdin")
    query.add_argument("--format", choices=QUERY_FORMATS, default="table",
                       help="table, json, xml, csv, tsv: a SELECT's or ASK's results, and the RDF a CONSTRUCT or "
                       "DESCRIBE gives in the same mode (Turtle for table, JSON-LD for json, RDF/XML for xml, "
                       "N-Triples for csv and tsv); turtle, ntriples, jsonld, rdfxml: RDF only (default: table)")
    query.add_argument("--timeout", type=seconds, default=settings.query_timeout,
                       help="seconds the query may run (default: %(default)s, from VEIKART_QUERY_TIMEOUT)")

    deps = command("deps", "Print what an initiative depends on (or, with --reverse, what depends on it).",
                   _exits("the tree was printed", "no initiative has that name, or the store failed"))
    deps.add_argument("name", help="id, name or abbreviation of the initiative")
    deps.add_argument("--reverse", action="store_true", help="show dependents instead of prerequisites")
    deps.add_argument("--transitive", action="store_true", help="follow dependencies beyond the direct ones")

    check = command("check", "List the schedule conflicts: dependents planned to reach a phase before their "
                    "prerequisites reach the phase they need.", _exits(
                        "no conflict (as certain as --fail-on) was found",
                        "one was found, or the store failed", ", or --rules that cannot be read, or an unknown "
                        "--initiative"))
    check.add_argument("--format", choices=["text", "json"], default="text",
                       help="a line per conflict with its evidence, or the JSON of GET /api/conflicts "
                            "(default: %(default)s)")
    check.add_argument("--severity", choices=SEVERITIES, help="list only the conflicts of this severity")
    check.add_argument("--initiative", metavar="NAME", help="list only what concerns this initiative (id, name or "
                                                            "abbreviation)")
    check.add_argument("--fail-on", choices=SEVERITIES, default="conflict",
                       help="exit with 1 when a conflict at least this certain is listed: conflict, possible "
                            "(also conflicts) or unknown (any) (default: %(default)s)")
    check.add_argument("--rules", type=Path, default=settings.schedule_rules,
                       help="the schedule rules: which phase each dependency kind orders (default: the ones Veikart "
                            "ships, or VEIKART_SCHEDULE_RULES)")

    export = command("export", "Export the whole graph to stdout, as RDF or as a file for an architect's tool.",
                     _exits("the graph was written", "the store could not be read"))
    export.add_argument("--format", choices=list(FORMATS), default="turtle",
                        help="RDF: turtle, trig, nquads (trig and nquads keep the named graphs, as load needs); "
                        "for architects' tools: archimate (ArchiMate exchange XML), csv (a zip of one CSV file per "
                        "table), xlsx, mermaid (a gantt of the roadmap), graphml (the dependency graph), jsonld "
                        "(framed per initiative) (default: %(default)s)")

    load = command("load", "Load a TriG or N-Quads export into the store, replacing each graph it holds.",
                   _exits("every graph was written", "the data could not be read or does not parse (then nothing "
                          "is written), or the store failed", ", or a file whose format is unknown"))
    load.add_argument("file", help="the export: a .trig or .nq file, or - to read it from stdin")
    load.add_argument("--format", choices=list(LOAD_FORMATS),
                      help="the data's format (default: from the file's suffix; nquads for stdin)")
    load.add_argument("--quiet", action="store_true", help="no message when done; errors only")
    return parser
