"""Shared fixtures: the pipeline, a store with the sample corpus, and an HTTP client over the app."""

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.cli import document_files
from api.config import Settings
from api.ingestion import ingest_document, install_vocabularies
from api.main import create_app
from graph import Store
from graph.embedded import EmbeddedStore
from ingest import Analyzer, read

ROOT = Path(__file__).resolve().parent.parent
CORPUS = document_files([ROOT / "corpus"])
TOKEN = "test-token"


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory, analyzer) -> Store:
    store = EmbeddedStore(tmp_path_factory.mktemp("corpus-store"))
    install_vocabularies(store)
    for path in CORPUS:
        ingest_document(store, analyzer, read(path))
    return store


@pytest.fixture
def store(tmp_path) -> Store:
    store = EmbeddedStore(tmp_path / "store")
    install_vocabularies(store)
    return store


@pytest.fixture(scope="session")
def client(corpus_store, analyzer):
    app = create_app(Settings(token=TOKEN, store="unused"), store=corpus_store, analyzer=analyzer)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def write_client(store, analyzer):
    app = create_app(Settings(token=TOKEN, store="unused"), store=store, analyzer=analyzer)
    with TestClient(app) as test_client:
        yield test_client
