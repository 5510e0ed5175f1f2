"""Exports: the graph as files for other tools, each format by name with its media type and file name.

The RDF datasets (Turtle, TriG, N-Quads) come from the store whole; the views for architects' tools are built
from the read model's records (``graph.exports.views``): an ArchiMate exchange file, CSV and XLSX tables, a
Mermaid gantt of the roadmap, GraphML of the dependency graph, and JSON-LD framed per initiative. This module
names them only, so that a command line can list them without loading what writes them.
"""

from dataclasses import dataclass

from graph.io import EXPORT_FORMATS

__all__ = ["FORMATS", "Format"]


@dataclass(frozen=True)
class Format:
    """An export format: its media type and the name of its file."""

    media_type: str
    filename: str


RDF_FILENAMES = {"turtle": "veikart.ttl", "trig": "veikart.trig", "nquads": "veikart.nq"}
FORMATS = {
    **{name: Format(media_type, RDF_FILENAMES[name]) for name, (_, media_type) in EXPORT_FORMATS.items()},
    "jsonld": Format("application/ld+json", "veikart.jsonld"),
    "archimate": Format("application/xml", "veikart-archimate.xml"),
    "csv": Format("application/zip", "veikart-tabeller.zip"),
    "xlsx": Format("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "veikart.xlsx"),
    "mermaid": Format("text/vnd.mermaid", "veikart-tidslinje.mmd"),
    "graphml": Format("application/graphml+xml", "veikart-avhengigheter.graphml"),
}
