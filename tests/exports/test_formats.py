"""Every export format is written by the store (RDF) or by a view, never both, and an unknown one is refused."""

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


def test_an_rdf_dataset_needs_no_read_model(corpus_store):
    def unused() -> ReadModel:
        raise AssertionError("an RDF dataset is the store's to write")

    assert export("nquads", corpus_store, unused) == corpus_store.export("nquads")[0]


def test_an_unknown_format_is_refused(corpus_store):
    with pytest.raises(UnknownFormat, match="unknown export format 'visio'"):
        export("visio", corpus_store, lambda: ReadModel.of(corpus_store))
