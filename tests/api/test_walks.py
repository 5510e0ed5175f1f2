"""Walks of the dependency graph (prerequisites, dependents, order), related initiatives, search and changes
over the sample corpus."""


def ids(items, key="initiative"):
    return [item[key]["id"] for item in items]


def test_transitive_prerequisites_of_pll_include_sfm_and_kjernejournal_with_evidence(client):
    body = client.get("/api/initiatives/pasientens-legemiddelliste/dependencies",
                      params={"transitive": "true"}).json()
    reached = {item["initiative"]["id"]: item for item in body["items"]}
    for prerequisite in ("sentral-forskrivningsmodul", "kjernejournal"):
        item = reached[prerequisite]
        assert item["depth"] == len(item["path"]) - 1 == len(item["hops"])
        assert item["path"][0]["id"] == "pasientens-legemiddelliste"
        assert all(hop["evidence"][0]["text"] for hop in item["hops"])


def test_dependents_of_sfm_include_pll_and_e_multidose(client):
    body = client.get("/api/initiatives/sentral-forskrivningsmodul/dependents", params={"transitive": "true"}).json()
    assert {"pasientens-legemiddelliste", "e-multidose"} <= set(ids(body["items"]))
    depths = [item["depth"] for item in body["items"]]
    assert depths == sorted(depths)
    assert client.get("/api/initiatives/sentral-forskrivningsmodul/impact").json() == body


def test_related_initiatives_of_pll_come_with_reasons(client):
    body = client.get("/api/initiatives/pasientens-legemiddelliste/related").json()
    assert body["total"] >= 5
    assert all(item["reasons"] for item in body["items"])
    scores = [item["score"] for item in body["items"]]
    assert scores == sorted(scores, reverse=True)
    assert "Pasientens legemiddelliste depends on it" in body["items"][0]["reasons"]


def test_related_reasons_come_as_kinds_with_what_they_name_for_a_client_to_word(client):
    items = client.get("/api/initiatives/pasientens-legemiddelliste/related").json()["items"]
    e_multidose = next(item for item in items if item["initiative"]["id"] == "e-multidose")
    assert e_multidose["why"][:2] == [
        {"kind": "prerequisite", "label": "Pasientens legemiddelliste", "count": None},
        {"kind": "sharedPrerequisite", "label": "Sentral forskrivningsmodul", "count": None}]
    assert {"kind": "coMention", "label": None, "count": 3} in e_multidose["why"]
    assert all(len(item["why"]) == len(item["reasons"]) for item in items)


def test_order_puts_prerequisites_first(client):
    body = client.get("/api/order", params={"ids": "pasientens-legemiddelliste,e-multidose,sentral-forskrivningsmodul"})
    order = [ref["id"] for ref in body.json()["order"]]
    assert order.index("sentral-forskrivningsmodul") < order.index("e-multidose") < order.index(
        "pasientens-legemiddelliste")
    assert body.json()["cycles"] == []


def test_search_with_an_inflected_word_ranks_the_initiative_first(client):
    body = client.get("/api/search", params={"q": "legemiddellisten"}).json()
    first = body["items"][0]
    assert first["entity"]["id"] == "pasientens-legemiddelliste"
    assert "<mark>legemiddelliste</mark>" in first["highlight"]
    assert any(item["kind"] == "evidence" for item in body["items"])


def test_changes_between_documents(client):
    body = client.get("/api/changes", params={"from": "veikart-nasjonal-e-helsestrategi",
                                              "to": "strategiradet-2026-03-26"}).json()
    assert set(body) == {"newInitiatives", "droppedInitiatives", "phaseMoves", "newDependencies",
                         "droppedDependencies"}
    assert body["phaseMoves"] and all(move["evidence"] for move in body["phaseMoves"])
    assert "sentral-forskrivningsmodul" in {e["prerequisite"]["id"] for e in body["droppedDependencies"]}
    assert client.get("/api/changes", params={"from": "nope", "to": "strategiradet-2026-03-26"}).status_code == 404


def test_history_merges_phases_and_status_notes_oldest_first(client):
    items = client.get("/api/initiatives/pasientens-legemiddelliste/history").json()["items"]
    assert {"phase", "status"} <= {item["kind"] for item in items}
    dates = [item["date"] or "" for item in items]
    assert dates == sorted(dates)
