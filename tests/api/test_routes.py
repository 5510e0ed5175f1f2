"""Every REST route through an HTTP client against the app over the sample corpus."""

import csv
import io

from testkit.sample import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok" and response.json()["graphs"] >= 4


def test_initiatives_list_the_corpus(client):
    body = client.get("/api/initiatives", params={"limit": 10000}).json()
    assert body["total"] >= 25
    pll = next(i for i in body["items"] if i["label"] == "Pasientens legemiddelliste")
    assert "PLL" in pll["altLabels"] and pll["id"] == "pasientens-legemiddelliste"


def test_initiatives_filter_by_text_goal_and_paging(client):
    assert [i["id"] for i in client.get("/api/initiatives", params={"q": "legemiddelliste"}).json()["items"]] \
        == ["pasientens-legemiddelliste"]
    assert "pasientens-legemiddelliste" in {i["id"] for i in client.get(
        "/api/initiatives", params={"goal": "2.B", "limit": 1000}).json()["items"]}
    page = client.get("/api/initiatives", params={"limit": 2, "offset": 1}).json()
    assert len(page["items"]) == 2 and page["total"] > 2


def test_initiative_detail_has_phases_dependencies_and_subgoals(client):
    body = client.get("/api/initiatives/pasientens-legemiddelliste").json()
    prerequisites = {e["prerequisite"]["id"] for e in body["dependencies"]}
    assert {"sentral-forskrivningsmodul", "kjernejournal"} <= prerequisites
    assert all(e["evidence"][0]["text"] for e in body["dependencies"])
    assert {"2.B"} <= {s["notation"] for s in body["subgoals"]}
    assert body["phases"] and body["documents"]
    assert "Det tok lengre tid enn planlagt å komme i gang i nord – nå er det god fart" in {
        n["text"] for n in body["statusNotes"]}
    assert body["phase"]["notation"] in {p["phase"]["notation"] for p in body["phases"]
                                         if p["documentDate"] == "2026-03-26"}
    sfm = client.get("/api/initiatives/sentral-forskrivningsmodul").json()
    assert {"pasientens-legemiddelliste", "e-multidose"} <= {e["dependent"]["id"] for e in sfm["dependents"]}


def test_unknown_initiative_is_404(client):
    response = client.get("/api/initiatives/finnes-ikke")
    assert response.status_code == 404
    assert response.json() == {"type": "about:blank", "title": "Not Found", "status": 404,
                               "detail": "no initiative with id 'finnes-ikke'"}


def test_actors_list_and_detail(client):
    body = client.get("/api/actors", params={"limit": 10000}).json()
    assert body["total"] >= 20
    detail = client.get("/api/actors/helse-vest-rhf").json()
    assert detail["label"] == "Helse Vest RHF" and detail["documents"]
    assert client.get("/api/actors/nobody").status_code == 404


def test_dependencies_carry_evidence(client):
    body = client.get("/api/dependencies", params={"limit": 100000}).json()
    assert body["total"] >= 8
    for edge in body["items"]:
        assert edge["evidence"] and edge["evidence"][0]["end"] > edge["evidence"][0]["start"]
        assert 0 < edge["confidence"] <= 1


def test_goals_and_phases(client):
    goals = client.get("/api/goals").json()["items"]
    assert [g["notation"] for g in goals] == ["1", "2", "3", "4", "5"]
    assert [s["notation"] for s in goals[1]["subgoals"]] == ["2.A", "2.B", "2.C"]
    phases = client.get("/api/phases").json()["items"]
    assert [p["notation"] for p in phases] == ["konsept", "utvikling_begrenset_utproving",
                                               "tilpasning_utvidet_utproving", "innforing", "i_drift"]


def test_sparql_select_in_each_result_format(client):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/veikart/ontology#Dependency> }"
    json_body = client.get("/sparql", params={"query": query}).json()
    assert int(json_body["results"]["bindings"][0]["n"]["value"]) >= 8
    xml = client.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+xml"})
    assert xml.headers["content-type"].startswith("application/sparql-results+xml") and b"<sparql" in xml.content
    rows = list(csv.reader(io.StringIO(client.post("/sparql", data={"query": query},
                                                   headers={"Accept": "text/csv"}).text)))
    assert rows[0] == ["n"] and int(rows[1][0]) >= 8
    tsv = client.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query",
                                                         "Accept": "text/tab-separated-values"})
    assert tsv.text.startswith("?n")


def test_sparql_construct_negotiates_turtle(client):
    response = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s a ?o } LIMIT 3"},
                          headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")


def test_malformed_sparql_is_400_with_the_parser_message(client):
    response = client.get("/sparql", params={"query": "SELECT WHERE {"})
    assert response.status_code == 400
    assert "error" in response.json()["detail"].lower() or "expected" in response.json()["detail"].lower()


def test_sparql_update_needs_the_token(client):
    update = "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }"
    assert client.post("/sparql", content=update,
                       headers={"Content-Type": "application/sparql-update"}).status_code == 401


def test_export_turtle(client):
    response = client.get("/api/export", params={"format": "turtle"})
    assert response.status_code == 200 and b"@prefix vk:" in response.content
    assert client.get("/api/export", params={"format": "xls"}).status_code == 422


def test_documents_upload_and_delete(write_client):
    text = {"name": "notat.txt", "text": "Pasientens timebok forutsetter Kjernejournal."}
    assert write_client.post("/api/documents", json=text).status_code == 401
    created = write_client.post("/api/documents", json=text, headers=AUTH)
    assert created.status_code == 201 and created.json()["dependencies"] == 1
    assert write_client.get("/api/documents").json()["total"] == 1
    assert write_client.get("/api/dependencies").json()["total"] == 1
    assert write_client.delete("/api/documents/notat", headers=AUTH).status_code == 204
    assert write_client.get("/api/dependencies").json()["total"] == 0
    assert write_client.delete("/api/documents/notat", headers=AUTH).status_code == 404


def test_bad_uploads_leave_the_store_untouched(write_client):
    files = {"file": ("bilde.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png")}
    assert write_client.post("/api/documents", files=files, headers=AUTH).status_code == 415
    empty = {"file": ("tom.txt", b"   ", "text/plain")}
    assert write_client.post("/api/documents", files=empty, headers=AUTH).json()["detail"] == \
        "tom.txt: the document holds no text"
    assert write_client.get("/api/documents").json()["total"] == 0


def test_a_status_note_repeated_on_two_slides_is_listed_once(client):
    notes = client.get("/api/initiatives/pasientens-legemiddelliste").json()["statusNotes"]
    texts = [n["text"] for n in notes]
    assert len(texts) == len(set(texts))
    assert any(len(n["evidence"]) == 2 for n in notes)


def test_discovered_entities_are_marked(client):
    assert client.get("/api/initiatives/pasientens-planer").json()["discovered"] is True
    assert client.get("/api/initiatives/kjernejournal").json()["discovered"] is False
    actors = {a["id"]: a["discovered"] for a in client.get("/api/actors", params={"limit": 1000}).json()["items"]}
    assert actors["medicare"] is True and actors["helsedirektoratet"] is False  # "Medicare AS"
    assert actors["bergen-kommune"] is False  # a municipality: the gazetteer knows it


def test_phase_dates_keep_the_precision_of_the_text(client):
    """"innen utgangen av 2025" is a deadline, "Q1 2026" a quarter: EDTF in the REST date, ISO in start."""
    arena = client.get("/api/initiatives/dips-arena").json()["phases"]
    deadline = [p for p in arena if p["dateText"] == "innen utgangen av 2025"]
    assert deadline and {(p["date"], p["start"]) for p in deadline} == {("../2025", "2025-12")}
