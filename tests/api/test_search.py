"""Search over the sample corpus through the API: compounds, names before sentences, sentences placed in
their documents, and query text that is never an FTS5 expression."""

import re


def search(client, q: str, **params) -> dict:
    response = client.get("/api/search", params={"q": q, "limit": 200, **params})
    assert response.status_code == 200
    return response.json()


def test_a_word_finds_the_compounds_it_begins(client):
    body = search(client, "legemiddel")
    entities = {item["entity"]["id"] for item in body["items"] if item["entity"]}
    assert "pasientens-legemiddelliste" in entities
    highlights = " ".join(item["highlight"] for item in body["items"] if item["kind"] == "evidence")
    marked = {word.casefold() for word in re.findall(r"<mark>(\w+)</mark>", highlights)}
    assert "legemiddelliste" in marked and "legemiddelinformasjon" in marked


def test_names_come_before_sentences_and_sentences_by_score(client):
    items = search(client, "kjernejournal")["items"]
    kinds = [item["kind"] == "evidence" for item in items]
    assert kinds == sorted(kinds) and True in kinds and False in kinds
    scores = [item["score"] for item in items if item["kind"] == "evidence"]
    assert scores == sorted(scores, reverse=True)


def test_a_sentence_hit_is_placed_in_its_document(client):
    hit = next(item for item in search(client, "forskrivningsmodul")["items"] if item["kind"] == "evidence")
    text = client.get(f"/api/documents/{hit['document']}").json()["text"]
    assert text[hit["start"]:hit["end"]] == hit["text"]


def test_fts5_syntax_in_the_query_is_read_as_words(client):
    plain = search(client, "kjernejournal")
    assert search(client, 'kjernejournal* OR "NEAR" {text}: ^').get("total", 0) <= plain["total"]
    assert search(client, '"kjernejournal"') == plain


def test_an_offset_past_every_hit_is_an_empty_page_of_the_same_total(client):
    first = search(client, "kjernejournal", limit=5)
    for offset in (first["total"], 2**31, 2**62):  # the text index must never set aside a heap that large
        page = search(client, "kjernejournal", limit=5, offset=offset)
        assert page == {"items": [], "total": first["total"]}
