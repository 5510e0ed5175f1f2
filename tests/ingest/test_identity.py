"""One IRI per real thing across documents, each document keeping its own confidence and evidence, and a
union of documents that still conforms to the shapes."""

from pyshacl import validate
from rdflib import Graph, URIRef

from graph.io import terms_ntriples
from ingest import facts_to_triples, read_bytes
from ingest.pipeline import ENTITY_SPANS
from ontology import ID_BASE, OA, PROV, SKOS, VK, load_shapes, local_id, mint

FIRST = ("Pasientens timebok ledes av Helse Lysfjord HF. Pasientens timebok bygger på Kjernejournal. "
         "Lysregisteret og Helse Lysfjord er med.")
SECOND = ("Helse Lysfjord deltar. Senere leder Helse Lysfjord arbeidet. Pasientens timebok krever Kjernejournal. "
          "Tjenesten bygger også på Kjernejournal.")


def union_of(extractor, *texts: str) -> Graph:
    graph = Graph()
    for index, text in enumerate(texts):
        facts = extractor.extract(read_bytes(f"doc-{index}.txt", text.encode()))
        graph.parse(data=terms_ntriples(facts_to_triples(facts)), format="nt")
    return graph


def test_one_entity_whatever_the_company_form_or_the_case(extractor):
    graph = union_of(extractor, FIRST, SECOND, "Vi ser på e-Timebok. Senere kommer E-Timebok og e-Timebok igjen.")
    lysfjord = [s for s in graph.subjects(SKOS.prefLabel, None) if local_id(str(s)).startswith("helse-lysfjord")]
    assert {local_id(str(s)) for s in lysfjord} == {"helse-lysfjord"}
    assert {str(label) for label in graph.objects(lysfjord[0], SKOS.prefLabel)} == {"Helse Lysfjord"}
    assert "Helse Lysfjord HF" in {str(label) for label in graph.objects(lysfjord[0], SKOS.altLabel)}


def test_each_document_keeps_its_own_confidence_and_evidence_of_one_edge(extractor):
    graph = union_of(extractor, FIRST, SECOND)
    kjernejournal = URIRef("https://w3id.org/veikart/id/initiative/kjernejournal")
    nodes = set(graph.subjects(VK.prerequisite, kjernejournal))
    documents = {frozenset(local_id(str(d)) for ev in graph.objects(n, PROV.wasDerivedFrom)
                           for d in graph.objects(ev, OA.hasSource)) for n in nodes}
    assert documents == {frozenset({"doc-0"}), frozenset({"doc-1"})} and len(nodes) == 3  # buildsOn twice, requires
    assert all(len(set(graph.objects(n, VK.confidence))) == 1 for n in nodes)


def test_the_union_of_documents_conforms_to_the_shapes(extractor):
    conforms, _, report = validate(union_of(extractor, FIRST, SECOND), shacl_graph=load_shapes())
    assert conforms, report


def test_the_pipeline_keys_entities_within_the_document_and_identity_gives_their_iris_after_it(extractor):
    doc = extractor.nlp(FIRST)
    assert not any(span.id_.startswith(ID_BASE) for span in doc.spans[ENTITY_SPANS])
    identified = extractor.identity.identify(doc)
    assert [(e.iri, e.discovered) for e in identified.entities] == [
        ("https://w3id.org/veikart/id/initiative/kjernejournal", False),
        (mint("initiative", "Pasientens timebok"), True), (mint("organization", "Helse Lysfjord"), True)]
    assert [(m.iri, FIRST[m.start:m.end]) for m in identified.mentions][:2] == [
        (mint("initiative", "Pasientens timebok"), "Pasientens timebok"),
        (mint("organization", "Helse Lysfjord"), "Helse Lysfjord HF")]
