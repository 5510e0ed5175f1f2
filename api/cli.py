"""The ``veikart`` command line: ingest, serve, query and export."""

import argparse
import json
import sys
from pathlib import Path

import pyoxigraph as ox
from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress, track
from rich.table import Table
from rich.tree import Tree

from api.config import Settings
from api.ingestion import ingest_document, install_vocabularies
from graph import EXPORT_FORMATS, GraphError, Store
from graph.catalog import Catalog
from ingest import MEDIA_TYPES, Analyzer, IngestError, read
from ontology import STATE_GRAPH, local_id

err = Console(stderr=True)
LONG_DOCUMENT = 100_000  # characters: past this, the CLI shows the sentences analysed
QUERY_MEDIA_TYPES = {"json": "application/sparql-results+json", "csv": "text/csv", "tsv": "text/tab-separated-values"}


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except (GraphError, IngestError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        return 1


def _parser() -> argparse.ArgumentParser:
    settings = Settings()
    parser = argparse.ArgumentParser(prog="veikart", description="Knowledge graph of strategy documents.")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    def command(name: str, run, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.add_argument("--store", default=settings.store,
                         help="store folder, or a remote store's SPARQL query endpoint URL (default: %(default)s)")
        sub.set_defaults(run=run, settings=settings)
        return sub

    ingest = command("ingest", run_ingest, "Ingest documents (files or folders) into the store.")
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    ingest.add_argument("--force", action="store_true", help="analyse unchanged documents again (after an upgrade)")
    serve = command("serve", run_serve, "Serve the REST API, the SPARQL endpoint and the web client.")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1,
                       help="processes serving requests; more than one needs a remote store (default: 1)")
    query = command("query", run_query, "Run a SPARQL query over the store.")
    query.add_argument("sparql")
    query.add_argument("--format", choices=["table", "json", "csv", "tsv"], default="table")
    deps = command("deps", run_deps, "Print what an initiative depends on (or, with --reverse, what depends on it).")
    deps.add_argument("name", help="id, name or abbreviation of the initiative")
    deps.add_argument("--reverse", action="store_true", help="show dependents instead of prerequisites")
    deps.add_argument("--transitive", action="store_true", help="follow dependencies beyond the direct ones")
    export = command("export", run_export, "Export the whole graph.")
    export.add_argument("--format", choices=list(EXPORT_FORMATS), default="turtle")
    load = command("load", run_load, "Load a TriG or N-Quads export into the store, replacing each graph it holds.")
    load.add_argument("file", type=Path)
    return parser


def document_files(paths: list[Path]) -> list[Path]:
    """Return the files to ingest: named files as given, and the readable files of named folders
    except their README, which describes the folder rather than belonging to it."""
    files = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in MEDIA_TYPES and p.is_file()
                            and p.stem.lower() != "readme")
        else:
            files.append(path)
    return files


def run_ingest(args) -> int:
    files = document_files(args.paths)
    documents = [read(f) for f in files]  # every file is read before the store is touched
    store = _store(args)
    install_vocabularies(store)
    analyzer = Analyzer()
    table = Table("document", "changed", "entities", "discovered", "dependencies", "phases", "goals")
    for document in track(documents, description="Ingesting", console=err, disable=len(documents) < 3):
        with Progress(*Progress.get_default_columns(), MofNCompleteColumn(), console=err, transient=True,
                      disable=len(document.text) < LONG_DOCUMENT) as sentences:
            task = sentences.add_task(f"Analysing {document.name} (sentences)", total=None)
            s = ingest_document(store, analyzer, document, force=args.force,
                                progress=lambda done, total, t=task: sentences.update(t, completed=done, total=total))
        table.add_row(s.name, "yes" if s.changed else "unchanged", *(str(n) for n in (
            s.entities, s.discovered, s.dependencies, s.phases, s.goals)))
    Console().print(table)
    return 0


def run_serve(args) -> int:
    from api.serve import serve

    if args.workers > 1 and not args.store.startswith(("http://", "https://")):
        err.print("[red]error:[/red] an embedded store is open in one process only; "
                  "serve it with --workers 1, or use a remote store for several workers")
        return 2
    serve(args.settings.model_copy(update={"store": args.store}), host=args.host, port=args.port,
          workers=args.workers)
    return 0


def run_query(args) -> int:
    if args.format != "table":
        body, _ = _store(args).answer(args.sparql, QUERY_MEDIA_TYPES[args.format])
        sys.stdout.buffer.write(body)
        return 0
    body, media = _store(args).answer(args.sparql, QUERY_MEDIA_TYPES["json"])
    if "json" not in media:  # CONSTRUCT and DESCRIBE give RDF, written as it comes
        sys.stdout.buffer.write(body)
        return 0
    results = json.loads(body)
    if "boolean" in results:
        Console().print(str(results["boolean"]).lower())
        return 0
    header = results["head"]["vars"]
    table = Table(*header)
    for binding in results["results"]["bindings"]:
        table.add_row(*(binding.get(v, {}).get("value", "") for v in header))
    Console().print(table)
    return 0


def run_deps(args) -> int:
    catalog = Catalog.of(_store(args))
    iri = catalog.find(args.name)
    if iri is None:
        err.print(f"[red]error:[/red] no initiative is called {args.name!r}")
        return 1
    graph = catalog.dependency_graph()
    walk = graph.dependents if args.reverse else graph.prerequisites
    tree = Tree(f"[bold]{catalog.labels[iri]}[/bold] {'is needed by' if args.reverse else 'needs'}")
    nodes = {(iri,): tree}
    for reach in walk(iri, transitive=args.transitive):
        edge = reach.edge
        sentence = edge.evidence[0]
        label = catalog.labels.get(reach.initiative, reach.initiative)
        branch = nodes[reach.path[:-1]].add(f"{label} [dim]({edge.kind}, {edge.confidence})[/dim]")
        branch.add(f"[italic]«{sentence.text}»[/italic] [dim]{local_id(sentence.document)} "
                   f"{sentence.start}–{sentence.end}[/dim]")
        nodes[reach.path] = branch
    Console().print(tree)
    return 0


def run_export(args) -> int:
    data, _ = _store(args).export(args.format)
    sys.stdout.buffer.write(data)
    return 0


def run_load(args) -> int:
    formats = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".nquads": ox.RdfFormat.N_QUADS}
    if args.file.suffix.lower() not in formats:
        err.print(f"[red]error:[/red] {args.file.name}: give a .trig or .nq file (an export with its named graphs)")
        return 2
    try:
        quads = list(ox.parse(path=str(args.file), format=formats[args.file.suffix.lower()]))
    except (OSError, SyntaxError) as exc:
        err.print(f"[red]error:[/red] cannot read {args.file}: {exc}")
        return 1
    graphs: dict[str, list] = {}
    for quad in quads:
        if not isinstance(quad.graph_name, ox.NamedNode):
            err.print("[red]error:[/red] the file has triples outside a named graph; Veikart keeps every fact in one")
            return 1
        if quad.graph_name.value != STATE_GRAPH:  # revisions are the target store's own
            graphs.setdefault(quad.graph_name.value, []).append(quad)
    store = _store(args)
    for graph, members in graphs.items():  # each graph replaced in one request: whole or not at all
        store.replace_graph(graph, [(q.subject, q.predicate, q.object, None) for q in members])
    Console().print(f"loaded {len(quads)} quads in {len(graphs)} graphs")
    return 0


def _store(args) -> Store:
    return args.settings.model_copy(update={"store": args.store}).open_store()


if __name__ == "__main__":
    sys.exit(main())
