"""The GraphML export: networkx reads it back as the dependency graph the REST API lists."""

import io

import networkx as nx


def test_the_graphml_export_has_the_nodes_and_edges_of_the_dependencies(client):
    response = client.get("/api/export", params={"format": "graphml"})
    graph = nx.read_graphml(io.BytesIO(response.content), force_multigraph=True)
    listed = client.get("/api/dependencies", params={"limit": 100000}).json()["items"]
    assert listed  # the sample corpus has dependencies: an empty graph would prove nothing
    assert set(graph.nodes) == {e[end]["id"] for e in listed for end in ("prerequisite", "dependent")}
    assert sorted((a, b, data["kind"]) for a, b, data in graph.edges(data=True)) == \
        sorted((e["prerequisite"]["id"], e["dependent"]["id"], e["kind"]) for e in listed)


def test_a_graphml_edge_keeps_its_confidence_and_evidence(client):
    graph = nx.read_graphml(io.BytesIO(client.get("/api/export?format=graphml").content), force_multigraph=True)
    edge = client.get("/api/dependencies", params={"limit": 1}).json()["items"][0]
    [data] = [d for a, b, d in graph.edges(data=True)
              if (a, b, d["kind"]) == (edge["prerequisite"]["id"], edge["dependent"]["id"], edge["kind"])]
    assert data["confidence"] == edge["confidence"]
    assert data["evidence"] == edge["evidence"][0]["text"]
    assert graph.nodes[edge["dependent"]["id"]]["label"] == edge["dependent"]["label"]
