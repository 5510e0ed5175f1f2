"""The writers of every export: the views built from the read model, and the RDF datasets the store writes."""

from collections.abc import Callable

from graph.errors import UnknownFormat
from graph.exports import FORMATS
from graph.exports.archimate import archimate
from graph.exports.graphml import graphml
from graph.exports.jsonld import jsonld
from graph.exports.mermaid import gantt
from graph.exports.spreadsheets import csv_zip, xlsx
from graph.readmodel import ReadModel
from graph.store import Store

VIEWS: dict[str, Callable[[ReadModel], bytes]] = {"jsonld": jsonld, "archimate": archimate, "csv": csv_zip,
                                                  "xlsx": xlsx, "mermaid": gantt, "graphml": graphml}


def export(fmt: str, store: Store, readmodel: Callable[[], ReadModel]) -> bytes:
    """Return the export ``fmt`` of ``store``: a view built from the read model ``readmodel`` gives (asked for
    only then), else the RDF dataset the store writes."""
    if fmt not in FORMATS:
        raise UnknownFormat(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    view = VIEWS.get(fmt)
    return view(readmodel()) if view else store.export(fmt)[0]
