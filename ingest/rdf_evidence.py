"""Write evidence as Web Annotation selectors, and the small term helpers every RDF writer shares."""

from decimal import Decimal

from rdflib import Literal, URIRef

from ingest.model import Evidence
from ontology import OA, RDF, VK, XSD, mint

_CONTEXT = 32


class EvidenceWriter:
    """Write each evidence sentence once, as a Web Annotation specific resource with two selectors."""

    def __init__(self, doc_iri: URIRef, slug: str, text: str, triples: list):
        self.doc_iri, self.slug, self.text, self.triples = doc_iri, slug, text, triples
        self.written: dict[tuple[int, int], URIRef] = {}

    def write(self, ev: Evidence) -> URIRef:
        key = (ev.start, ev.end)
        if key in self.written:
            return self.written[key]
        node = URIRef(mint("evidence", f"{self.slug}-{ev.start}-{ev.end}"))
        quote, position = URIRef(f"{node}#quote"), URIRef(f"{node}#position")
        self.triples += [
            (node, RDF.type, VK.Evidence), (node, OA.hasSource, self.doc_iri),
            (node, OA.hasSelector, quote), (node, OA.hasSelector, position),
            (quote, RDF.type, OA.TextQuoteSelector), (quote, OA.exact, Literal(ev.text)),
            (quote, OA.prefix, Literal(self.text[max(0, ev.start - _CONTEXT):ev.start])),
            (quote, OA.suffix, Literal(self.text[ev.end:ev.end + _CONTEXT])),
            (position, RDF.type, OA.TextPositionSelector),
            (position, OA.start, Literal(ev.start)), (position, OA.end, Literal(ev.end)),
        ]
        if ev.section:
            self.triples.append((node, VK.section, Literal(ev.section)))
        self.written[key] = node
        return node


def slug_of(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def date_literal(iso: str) -> Literal:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(iso), XSD.date)
    return Literal(iso, datatype=datatype)


def decimal(value: float) -> Literal:
    """Return ``value`` as an xsd:decimal literal."""
    return Literal(Decimal(str(value)), datatype=XSD.decimal)
