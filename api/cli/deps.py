"""``veikart deps``: an initiative's prerequisites (or dependents) as a tree, with the evidence of each edge."""

import argparse

from rich.console import Console
from rich.tree import Tree

from api.cli import Failure, open_store
from graph.readmodel import ReadModel
from ontology import local_id


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        readmodel = ReadModel.of(store)
        iri = readmodel.find(args.name)
        if iri is None:
            raise Failure(f"no initiative is called {args.name!r}")
        graph = readmodel.dependency_graph()
        walk = graph.dependents if args.reverse else graph.prerequisites
        tree = Tree(f"[bold]{readmodel.labels[iri]}[/bold] {'is needed by' if args.reverse else 'needs'}")
        nodes: dict[tuple[str, ...], Tree] = {(iri,): tree}
        for reach in walk(iri, transitive=args.transitive):
            edge = reach.edge
            sentence = edge.evidence[0]
            label = readmodel.labels.get(reach.initiative, reach.initiative)
            branch = nodes[reach.path[:-1]].add(f"{label} [dim]({edge.kind}, {edge.confidence})[/dim]")
            branch.add(f"[italic]«{sentence.text}»[/italic] [dim]{local_id(sentence.document)} "
                       f"{sentence.start}–{sentence.end}[/dim]")
            nodes[reach.path] = branch
    Console().print(tree)
    return 0
