"""Property-based fuzzing of every operation in /openapi.json (Schemathesis) against a real uvicorn server:
requests the document allows and requests it does not; none gives a 5xx, and every answer has a status,
media type, headers and body the document declares."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.config import Settings
from api.main import create_app
from testkit.loopback import serving

EXAMPLES_PER_OPERATION = 12
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]
QUERIES = ["SELECT * WHERE { ?s ?p ?o } LIMIT 3", "ASK { ?s a ?c }", "CONSTRUCT WHERE { ?s a ?c } LIMIT 3",
           "DESCRIBE <https://w3id.org/veikart/id/initiative/kjernejournal>", "SELECT WHERE {"]
UPDATES = ["INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }", "DROP ALL", "INSERT {"]


def sparql(texts: list[str]) -> st.SearchStrategy[bytes]:
    """Return SPARQL texts, well-formed and not, and arbitrary text, as request bodies."""
    return st.one_of(st.sampled_from(texts), st.text(max_size=200)).map(lambda text: text.encode("utf-8"))


schemathesis.openapi.media_type("application/sparql-query", sparql(QUERIES))
schemathesis.openapi.media_type("application/sparql-update", sparql(UPDATES))


@pytest.fixture(autouse=True)
def hypothesis_home(tmp_path):
    """Hypothesis keeps its caches in a temporary folder, not in the checkout's ``.hypothesis``."""
    set_hypothesis_home_dir(tmp_path / "hypothesis")
    yield
    set_hypothesis_home_dir(None)


def test_no_generated_request_fails_or_breaks_the_documented_contract(corpus_store, extractor):
    app = create_app(Settings(store="unused", query_timeout=5.0), store=corpus_store, extractor=extractor)
    with serving(app) as url:
        operations = [result.ok() for result in schemathesis.openapi.from_url(url + "/openapi.json")
                      .get_all_operations()]
        assert len(operations) >= 20
        for operation in operations:
            @given(case=st.one_of(operation.as_strategy(), operation.as_strategy(GenerationMode.NEGATIVE)))
            @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck),
                      database=None)
            def call(case):
                case.call_and_validate(checks=CHECKS)

            call()
