import re

import pytest
from rdflib import Graph, URIRef

from ontology import DCTERMS, ORG, RDF, SKOS, build_gazetteer, load_lexicon, mint

GAZETTEER = build_gazetteer.OUTPUT
BODY_FORM = re.compile(r"^(?P<name>.+) (kommune|herad)( \(.+\))?$")


@pytest.fixture(scope="module")
def gazetteer() -> Graph:
    return Graph().parse(GAZETTEER, format="turtle")


@pytest.fixture(scope="module")
def others() -> Graph:
    return build_gazetteer.other_lexicon()


def numbered(graph: Graph, digits: int) -> dict[str, URIRef]:
    return {str(o): s for s, o in graph.subject_objects(DCTERMS.identifier) if re.fullmatch(rf"\d{{{digits}}}", o)}


def labels(graph: Graph) -> list[str]:
    return [str(o) for p in (SKOS.prefLabel, SKOS.altLabel) for o in graph.objects(None, p)]


def test_gazetteer_file_is_in_step_with_its_sources(tmp_path):
    built = tmp_path / GAZETTEER.name
    build_gazetteer.main(built)
    assert built.read_text(encoding="utf-8") == GAZETTEER.read_text(encoding="utf-8")


def test_every_municipality_of_2024_is_one_entity_with_its_number(gazetteer):
    municipalities = numbered(gazetteer, 4)
    assert len(municipalities) == len(set(municipalities.values())) == 357
    assert all(BODY_FORM.match(str(gazetteer.value(s, SKOS.prefLabel))) for s in municipalities.values())
    assert municipalities["5612"] == URIRef(mint("organization", "Kautokeino kommune"))
    assert municipalities["4621"] == URIRef(mint("organization", "Voss herad"))


def test_every_county_of_2024_is_there_and_oslo_is_its_municipality(gazetteer):
    counties = numbered(gazetteer, 2)
    assert len(counties) == len(set(counties.values())) == 15
    assert counties["03"] == URIRef(mint("organization", "Oslo kommune"))
    assert counties["46"] == URIRef(mint("organization", "Vestland fylkeskommune"))


def test_every_iri_is_minted_from_its_one_preflabel(gazetteer):
    for subject in gazetteer.subjects(RDF.type, ORG.Organization):
        (label,) = gazetteer.objects(subject, SKOS.prefLabel)
        assert label.language == "nb"
        assert str(subject) == mint("organization", str(label))


def test_no_entity_or_label_of_the_other_lexicon_files_is_made_again(gazetteer, others):
    assert not set(gazetteer.subjects(RDF.type, None)) & set(others.subjects(RDF.type, None))
    assert not {label.casefold() for label in labels(gazetteer)} & {label.casefold() for label in labels(others)}


def test_no_label_in_the_lexicon_is_a_bare_municipality_name(gazetteer):
    municipalities = numbered(gazetteer, 4).values()
    bare = {BODY_FORM.match(str(label))["name"].casefold()
            for s in municipalities for p in (SKOS.prefLabel, SKOS.altLabel) for label in gazetteer.objects(s, p)}
    assert {"kautokeino", "guovdageaidnu", "halden", "bergen", "time", "hole", "nes"} <= bare
    assert not {label.casefold() for label in labels(load_lexicon())} & bare


def test_no_label_names_two_entities_of_the_lexicon():
    lexicon = load_lexicon()
    owners: dict[str, set] = {}
    for p in (SKOS.prefLabel, SKOS.altLabel):
        for subject, label in lexicon.subject_objects(p):
            owners.setdefault(str(label).casefold(), set()).add(subject)
    assert {label: s for label, s in owners.items() if len(s) > 1} == {}


def test_every_owner_is_an_organisation_of_the_lexicon(gazetteer):
    lexicon = load_lexicon()
    parents = set(gazetteer.objects(None, ORG.subOrganizationOf))
    assert URIRef(mint("organization", "Helse Vest RHF")) in parents
    assert all((parent, RDF.type, ORG.Organization) in lexicon for parent in parents)


def test_build_refuses_a_bare_place_name_as_a_label():
    sources = build_gazetteer.load_sources()
    sources["staten"] = {"about": "test", "bodies": [{"prefLabel": "Bergen", "altLabels": []}]}
    with pytest.raises(ValueError, match="bare place name"):
        build_gazetteer.build(sources)
