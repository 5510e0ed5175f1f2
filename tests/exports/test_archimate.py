"""The ArchiMate export: valid against The Open Group's exchange-format XSDs (kept beside this test, with their
notice), and the model Archi would import from it: the elements, relationships and view of the graph."""

from pathlib import Path

import pytest
from lxml import etree

from api.ingestion import ingest_document
from graph.exports.archimate import archimate
from graph.readmodel import ReadModel
from ingest import read_bytes

SCHEMAS = Path(__file__).parent / "archimate_xsd"
A = "{http://www.opengroup.org/xsd/archimate/3.0/}"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class LocalSchemas(etree.Resolver):
    """Resolve the schemas' import of the XML namespace's schema to the copy kept here: nothing is fetched."""

    def resolve(self, url, pubid, context):
        if url == "http://www.w3.org/2001/xml.xsd":
            return self.resolve_filename(str(SCHEMAS / "xml.xsd"), context)
        return None


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(LocalSchemas())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "archimate3_Diagram.xsd"), parser))


@pytest.fixture(scope="module")
def exported(client) -> bytes:
    return client.get("/api/export", params={"format": "archimate"}).content


@pytest.fixture(scope="module")
def model(exported) -> etree._Element:
    return etree.fromstring(exported)


def elements(model, kind: str) -> dict[str, etree._Element]:
    return {e.get("identifier"): e for e in model.iterfind(f"{A}elements/{A}element") if e.get(XSI_TYPE) == kind}


def relationships(model, kind: str) -> set[tuple[str, str]]:
    return {(r.get("source"), r.get("target")) for r in model.iterfind(f"{A}relationships/{A}relationship")
            if r.get(XSI_TYPE) == kind}


def properties(model, element) -> dict[str, str]:
    """Return the properties of ``element`` by the names of their definitions."""
    names = {d.get("identifier"): d.find(f"{A}name").text for d in model.iter(f"{A}propertyDefinition")}
    return {names[p.get("propertyDefinitionRef")]: p.find(f"{A}value").text for p in element.iter(f"{A}property")}


def test_the_export_is_valid_against_the_exchange_format_schemas(schema, model):
    assert schema.validate(model), schema.error_log


def test_the_schemas_refuse_a_model_that_breaks_them(schema, exported):
    broken = etree.fromstring(exported)
    element = broken.find(f"{A}elements/{A}element")
    element.remove(element.find(f"{A}name"))  # a real element must have a name
    assert not schema.validate(broken)


def test_every_initiative_is_a_work_package_named_in_norwegian(client, model):
    packages = elements(model, "WorkPackage")
    listed = client.get("/api/initiatives", params={"limit": 100000}).json()["items"]
    assert set(packages) == {f"initiative-{i['id']}" for i in listed}
    for initiative in listed:
        name = packages[f"initiative-{initiative['id']}"].find(f"{A}name")
        assert (name.text, name.get(XML_LANG)) == (initiative["label"], "nb")


def test_organisations_are_business_actors_assigned_to_their_initiatives(client, model):
    actors = elements(model, "BusinessActor")
    assignments = relationships(model, "Assignment")
    assert assignments and {actor for actor, _ in assignments} <= set(actors)
    for actor in client.get("/api/actors", params={"limit": 100000}).json()["items"][:5]:
        assert f"organization-{actor['id']}" in actors


def test_goals_aggregate_their_subgoals_and_initiatives_realize_them(client, model):
    goals = elements(model, "Goal")
    served = client.get("/api/goals").json()["items"]
    aggregations = relationships(model, "Aggregation")
    realizations = relationships(model, "Realization")
    for goal in served:
        for subgoal in goal["subgoals"]:
            assert (f"goal-{goal['id']}", f"subgoal-{subgoal['id']}") in aggregations
            serving = {(f"initiative-{i['id']}", f"subgoal-{subgoal['id']}") for i in subgoal["initiatives"]}
            assert serving <= realizations
    assert set().union(*aggregations) <= set(goals)


def test_each_dependency_is_a_relationship_from_prerequisite_to_dependent_with_its_kind(client, model):
    listed = client.get("/api/dependencies", params={"limit": 100000}).json()["items"]
    written = set()
    for r in model.iterfind(f"{A}relationships/{A}relationship"):
        kind = properties(model, r).get("Avhengighetstype")
        if kind:
            assert r.get(XSI_TYPE) == ("Association" if kind == "coordinatedWith" else "Triggering")
            written.add((r.get("source"), r.get("target"), kind))
    assert written == {(f"initiative-{e['prerequisite']['id']}", f"initiative-{e['dependent']['id']}", e["kind"])
                       for e in listed}


def test_the_view_lays_out_the_dependency_graph_prerequisites_left(client, model):
    [view] = model.iterfind(f"{A}views/{A}diagrams/{A}view")
    assert view.find(f"{A}name").text == "Avhengigheter"
    nodes = {n.get("identifier"): n for n in view.iterfind(f"{A}node")}
    connections = list(view.iterfind(f"{A}connection"))
    listed = client.get("/api/dependencies", params={"limit": 100000}).json()["items"]
    assert len(connections) == len(listed)
    initiative = {n: nodes[n].get("elementRef").removeprefix("initiative-") for n in nodes}
    order = client.get("/api/order", params={"ids": ",".join(initiative.values())}).json()
    in_cycles = {member["id"] for cycle in order["cycles"] for member in cycle}
    for connection in connections:
        source, target = connection.get("source"), connection.get("target")
        if not {initiative[source], initiative[target]} & in_cycles:
            assert int(nodes[source].get("x")) < int(nodes[target].get("x"))  # the prerequisite stands left


def test_an_initiative_keeps_its_current_phase_and_the_dates_of_each_phase(client, model):
    packages = elements(model, "WorkPackage")
    dated = [i for i in client.get("/api/initiatives", params={"limit": 100000}).json()["items"] if i["phase"]]
    assert dated
    for initiative in dated:
        values = properties(model, packages[f"initiative-{initiative['id']}"])
        assert values["Nåværende fase"] == initiative["phase"]["label"]
        assert any(name.startswith("Fase: ") for name in values)


def test_a_relationship_keeps_its_identifier_when_the_graph_grows(store, extractor):
    def identifiers() -> dict[str, tuple[str, str, str]]:
        model = etree.fromstring(archimate(ReadModel.of(store)))
        return {r.get("identifier"): (r.get(XSI_TYPE), r.get("source"), r.get("target"))
                for r in model.iterfind(f"{A}relationships/{A}relationship")}

    ingest_document(store, extractor, read_bytes("a.txt", b"Pasientens legemiddelliste (PLL) forutsetter SFM.\n"))
    before = identifiers()
    ingest_document(store, extractor, read_bytes("b.txt", "Kjernejournal bygger på Helsenorge.\n".encode()))
    after = identifiers()
    assert before and len(after) > len(before)  # an edge that sorts first is added ...
    assert before.items() <= after.items()  # ... and each relationship before it keeps its identifier
