"""Write evidence as Web Annotation selectors, and the small term helpers every RDF writer shares.

The writers make pyoxigraph terms, the store's own, which write themselves as N-Triples: a document's graph
holds thousands of triples, and rdflib's terms cost several times as much to make and then to convert.
"""

from decimal import Decimal

import pyoxigraph as ox
from rdflib import Namespace
from rdflib.namespace import DefinedNamespace

import ontology
from ingest.model import Evidence
from ontology import EDTF, XSD, mint

Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]


class Terms:
    """The terms of one of the ontology's namespaces as pyoxigraph IRIs, each made once.

    >>> Terms(ontology.SKOS).prefLabel
    <NamedNode value=http://www.w3.org/2004/02/skos/core#prefLabel>
    >>> Terms(ontology.SKOS).prefLable
    Traceback (most recent call last):
    AttributeError: term 'prefLable' not in namespace 'http://www.w3.org/2004/02/skos/core#'
    """

    def __init__(self, namespace: Namespace | type[DefinedNamespace]):
        self._namespace = namespace

    def __getitem__(self, name: str) -> ox.NamedNode:
        return getattr(self, name)  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        term = ox.NamedNode(self._namespace[name])
        setattr(self, name, term)  # found as an attribute from now on, without this call
        return term


DCTERMS, FOAF, OA, ORG = Terms(ontology.DCTERMS), Terms(ontology.FOAF), Terms(ontology.OA), Terms(ontology.ORG)
PROV, QB, RDF, RDFS = Terms(ontology.PROV), Terms(ontology.QB), Terms(ontology.RDF), Terms(ontology.RDFS)
SDMX_ATTRIBUTE, SKOS, VK = Terms(ontology.SDMX_ATTRIBUTE), Terms(ontology.SKOS), Terms(ontology.VK)

_CONTEXT = 32


class EvidenceWriter:
    """Write each evidence sentence once, as a Web Annotation specific resource with two selectors."""

    def __init__(self, doc_iri: ox.NamedNode, slug: str, text: str, triples: list[Triple]):
        self.doc_iri, self.slug, self.text, self.triples = doc_iri, slug, text, triples
        self.written: dict[tuple[int, int], ox.NamedNode] = {}

    def write(self, ev: Evidence) -> ox.NamedNode:
        key = (ev.start, ev.end)
        if key in self.written:
            return self.written[key]
        node_iri = mint("evidence", f"{self.slug}-{ev.start}-{ev.end}")
        node = ox.NamedNode(node_iri)
        quote, position = ox.NamedNode(f"{node_iri}#quote"), ox.NamedNode(f"{node_iri}#position")
        self.triples += [
            (node, RDF.type, VK.Evidence), (node, OA.hasSource, self.doc_iri),
            (node, OA.hasSelector, quote), (node, OA.hasSelector, position),
            (quote, RDF.type, OA.TextQuoteSelector), (quote, OA.exact, ox.Literal(ev.text)),
            (quote, OA.prefix, ox.Literal(self.text[max(0, ev.start - _CONTEXT):ev.start])),
            (quote, OA.suffix, ox.Literal(self.text[ev.end:ev.end + _CONTEXT])),
            (position, RDF.type, OA.TextPositionSelector),
            (position, OA.start, ox.Literal(ev.start)), (position, OA.end, ox.Literal(ev.end)),
        ]
        if ev.section:
            self.triples.append((node, VK.section, ox.Literal(ev.section)))
        self.written[key] = node
        return node


def slug_of(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


_DATE_TYPES = {4: ox.NamedNode(XSD.gYear), 7: ox.NamedNode(XSD.gYearMonth)}
_DATE = ox.NamedNode(XSD.date)
_DECIMAL = ox.NamedNode(XSD.decimal)
_EDTF = ox.NamedNode(EDTF)


def norwegian(text: str) -> ox.Literal:
    """Return ``text`` as a literal in Norwegian Bokmål."""
    return ox.Literal(text, language="nb")


def date_literal(iso: str) -> ox.Literal:
    """Return an ISO year, year-month or date as an xsd:gYear, xsd:gYearMonth or xsd:date literal."""
    return ox.Literal(iso, datatype=_DATE_TYPES.get(len(iso), _DATE))


def period_literal(edtf: str) -> ox.Literal:
    """Return an Extended Date/Time Format period ("2025-01/2025-06") as a literal of its datatype."""
    return ox.Literal(edtf, datatype=_EDTF)


def decimal(value: float) -> ox.Literal:
    """Return ``value`` as an xsd:decimal literal, written out in full (never in exponent notation).

    >>> decimal(2.5e20).value, decimal(1e-05).value, decimal(0.9).value
    ('250000000000000000000', '0.00001', '0.9')
    """
    return ox.Literal(format(Decimal(str(value)), "f"), datatype=_DECIMAL)
