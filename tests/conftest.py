"""Shared fixtures: the pipeline, a store with the sample corpus, and an HTTP client over the app.

The store fixtures, and every test that uses them, run once on the embedded store and once on a
remote store: a real ``oxigraph serve`` process on a loopback port.
"""

import pytest
from fastapi.testclient import TestClient

from api.config import Settings
from api.ingestion import ingest_document, install_vocabularies
from api.main import create_app
from graph import Store, open_store
from graph.embedded import EmbeddedStore
from ingest import Extractor, read
from testkit.oxigraph import OxigraphServer
from testkit.sample import CORPUS, TOKEN


def pytest_addoption(parser) -> None:
    parser.addoption("--screenshots", metavar="DIR",
                     help="write the web client's screenshots into DIR (by default a temporary folder)")


@pytest.fixture(scope="session", autouse=True)
def index_cache(tmp_path_factory):
    """Keep the index files of remote stores, the tests' and their servers', in a folder of the test run."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VEIKART_INDEX_CACHE", str(tmp_path_factory.mktemp("index-cache")))
        yield


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session", params=["embedded", "remote"])
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def oxigraph(tmp_path_factory):
    """Start Oxigraph servers on demand (``oxigraph("name")``); stop them all at the end."""
    servers: dict[str, OxigraphServer] = {}

    def start(name: str) -> OxigraphServer:
        if name not in servers:
            servers[name] = OxigraphServer(tmp_path_factory.mktemp(f"oxigraph-{name}"))
        return servers[name]

    yield start
    for server in servers.values():
        server.stop()


@pytest.fixture(scope="session")
def corpus_store(backend, oxigraph, tmp_path_factory, extractor) -> Store:
    store = EmbeddedStore(tmp_path_factory.mktemp("corpus-store")) if backend == "embedded" \
        else open_store(oxigraph("corpus").url)
    install_vocabularies(store)
    for path in CORPUS:
        ingest_document(store, extractor, read(path))
    return store


@pytest.fixture
def empty_store(backend, oxigraph, tmp_path) -> Store:
    if backend == "embedded":
        return EmbeddedStore(tmp_path / "store")
    server = oxigraph("scratch")
    server.clear()
    return open_store(server.url)


@pytest.fixture
def store(empty_store) -> Store:
    """An empty store but for the vocabularies."""
    install_vocabularies(empty_store)
    return empty_store


@pytest.fixture(scope="session")
def client(corpus_store, extractor):
    app = create_app(Settings(token=TOKEN, store="unused"), store=corpus_store, extractor=extractor)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def write_client(store, extractor):
    app = create_app(Settings(token=TOKEN, store="unused"), store=store, extractor=extractor)
    with TestClient(app) as test_client:
        yield test_client
