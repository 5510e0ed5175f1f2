"""Every export format is written by the store (RDF) or by a view, never both, and served with its media type
and the name of its file; an unknown one is refused."""

import pytest

from graph import EXPORT_FORMATS, UnknownFormat
from graph.exports import FORMATS
from graph.exports.views import VIEWS, export
from graph.readmodel import ReadModel


def test_each_format_is_an_rdf_dataset_or_a_view():
    assert set(FORMATS) == set(EXPORT_FORMATS) | set(VIEWS)
    assert set(EXPORT_FORMATS).isdisjoint(VIEWS)


def test_each_format_has_its_own_media_type_and_file():
    assert len({f.media_type for f in FORMATS.values()}) == len({f.filename for f in FORMATS.values()}) == len(FORMATS)


SERVED = {
    "turtle": ("text/turtle; charset=utf-8", "veikart.ttl"), "trig": ("application/trig", "veikart.trig"),
    "nquads": ("application/n-quads", "veikart.nq"), "jsonld": ("application/ld+json", "veikart.jsonld"),
    "archimate": ("application/xml", "veikart-archimate.xml"), "csv": ("application/zip", "veikart-tabeller.zip"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "veikart.xlsx"),
    "mermaid": ("text/vnd.mermaid; charset=utf-8", "veikart-tidslinje.mmd"),
    "graphml": ("application/graphml+xml", "veikart-avhengigheter.graphml"),
}


@pytest.mark.parametrize("fmt", list(SERVED))
def test_each_export_is_served_with_its_media_type_and_file_name(client, fmt):
    response = client.get("/api/export", params={"format": fmt})
    assert response.status_code == 200
    assert response.headers["content-type"] == SERVED[fmt][0]
    assert response.headers["content-disposition"] == f'attachment; filename="{SERVED[fmt][1]}"'
    assert response.content


def test_an_unknown_format_in_the_query_is_refused_with_the_formats_offered(client):
    response = client.get("/api/export", params={"format": "visio"})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert "archimate" in response.json()["detail"]


def test_an_rdf_dataset_needs_no_read_model(corpus_store):
    def unused() -> ReadModel:
        raise AssertionError("an RDF dataset is the store's to write")

    assert export("nquads", corpus_store, unused) == corpus_store.export("nquads")[0]


def test_an_unknown_format_is_refused(corpus_store):
    with pytest.raises(UnknownFormat, match="unknown export format 'visio'"):
        export("visio", corpus_store, lambda: ReadModel.of(corpus_store))
