"""Exports: the graph as files for other tools, each format by name with its media type and file name.

The RDF datasets (Turtle, TriG, N-Quads) come from the store whole; the views for architects' tools are built
from the read model's records: an ArchiMate exchange file, CSV and XLSX tables, a Mermaid gantt of the
roadmap, GraphML of the dependency graph, and JSON-LD framed per initiative.
"""

from collections.abc import Callable
from dataclasses import dataclass

from graph.errors import UnknownFormat
from graph.exports.archimate import archimate
from graph.exports.graphml import graphml
from graph.exports.jsonld import jsonld
from graph.exports.mermaid import gantt
from graph.exports.spreadsheets import csv_zip, xlsx
from graph.io import EXPORT_FORMATS
from graph.readmodel import ReadModel
from graph.store import Store

__all__ = ["FORMATS", "Format", "export"]


@dataclass(frozen=True)
class Format:
    """An export format: its media type, the name of its file, and the view that builds it from the read model
    (None for an RDF dataset, which the store serialises)."""

    media_type: str
    filename: str
    view: Callable[[ReadModel], bytes] | None = None


RDF_FILENAMES = {"turtle": "veikart.ttl", "trig": "veikart.trig", "nquads": "veikart.nq"}
FORMATS = {
    **{name: Format(media_type, RDF_FILENAMES[name]) for name, (_, media_type) in EXPORT_FORMATS.items()},
    "jsonld": Format("application/ld+json", "veikart.jsonld", jsonld),
    "archimate": Format("application/xml", "veikart-archimate.xml", archimate),
    "csv": Format("application/zip", "veikart-tabeller.zip", csv_zip),
    "xlsx": Format("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "veikart.xlsx", xlsx),
    "mermaid": Format("text/vnd.mermaid", "veikart-tidslinje.mmd", gantt),
    "graphml": Format("application/graphml+xml", "veikart-avhengigheter.graphml", graphml),
}


def export(fmt: str, store: Store, readmodel: Callable[[], ReadModel]) -> bytes:
    """Return the export ``fmt`` of ``store``; ``readmodel`` gives the read model, asked for only by a view."""
    if fmt not in FORMATS:
        raise UnknownFormat(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    view = FORMATS[fmt].view
    return view(readmodel()) if view else store.export(fmt)[0]
