import pyoxigraph as ox
import pytest
from pyshacl import validate
from rdflib import Dataset, Graph

from ontology import (
    DEPENDENCY_KINDS,
    LEADING_ROLES,
    LEXICON_GRAPH,
    ORG,
    RDF,
    SKOS,
    VK,
    build_namespace,
    lexicon_files,
    load_lexicon,
    load_ontology,
    load_shapes,
    mint,
)


def test_namespace_module_is_in_step_with_the_turtle():
    expected = build_namespace.render(build_namespace.terms())
    assert (build_namespace.HERE / "namespace.py").read_text(encoding="utf-8") == expected


def test_dependency_kinds_are_the_notations_of_their_concept_scheme():
    ontology = load_ontology()
    notations = {str(n) for c in ontology.subjects(SKOS.inScheme, VK.DependencyKinds)
                 for n in ontology.objects(c, SKOS.notation)}
    assert sorted(DEPENDENCY_KINDS) == sorted(notations)


def test_leading_roles_are_notations_of_the_role_kinds():
    ontology = load_ontology()
    notations = {str(n) for c in ontology.subjects(SKOS.inScheme, VK.RoleKinds)
                 for n in ontology.objects(c, SKOS.notation)}
    assert set(LEADING_ROLES) <= notations


def test_misspelt_ontology_term_is_an_error():
    with pytest.raises(AttributeError):
        VK.Initiatve  # noqa: B018


@pytest.mark.parametrize("path", [build_namespace.HERE / "veikart.ttl", build_namespace.HERE / "shapes.ttl",
                                  *lexicon_files()])
def test_turtle_parses_with_rdflib_and_pyoxigraph(path):
    assert len(Graph().parse(path, format="turtle")) > 10
    assert len(list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))) > 10


def test_lexicon_iris_are_minted_from_their_labels():
    lexicon = load_lexicon()
    for kind, cls in (("initiative", VK.Initiative), ("organization", ORG.Organization)):
        for subject in lexicon.subjects(RDF.type, cls):
            assert str(subject) == mint(kind, str(lexicon.value(subject, SKOS.prefLabel)))


def test_lexicon_labels_carry_language_tags():
    assert all(label.language for label in load_lexicon().objects(None, SKOS.prefLabel))


def test_ingested_corpus_conforms_to_the_shapes(corpus_store):
    data, _ = corpus_store.export("nquads")
    dataset = Dataset()
    dataset.parse(data=data.decode("utf-8"), format="nquads")
    union = Graph()
    for quad in dataset.quads((None, None, None, None)):
        if str(quad[3]) != LEXICON_GRAPH:
            union.add(quad[:3])
    conforms, _, report = validate(union, shacl_graph=load_shapes())
    assert conforms, report
