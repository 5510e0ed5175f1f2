"""Property-based fuzzing of every operation in /openapi.json (Schemathesis): no input gives a 5xx."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.configuration import set_hypothesis_home_dir
from schemathesis.checks import not_a_server_error

from api.config import Settings
from api.main import create_app
from tests.api.test_sparql_endpoint import serve

EXAMPLES_PER_OPERATION = 12


@pytest.fixture(autouse=True)
def hypothesis_home(tmp_path):
    """Hypothesis keeps its caches in a temporary folder, not in the checkout's ``.hypothesis``."""
    set_hypothesis_home_dir(tmp_path / "hypothesis")
    yield
    set_hypothesis_home_dir(None)


def test_no_generated_request_makes_any_operation_fail(corpus_store, analyzer):
    app = create_app(Settings(store="unused", query_timeout=5.0), store=corpus_store, analyzer=analyzer)
    server, thread, url = serve(app)
    try:
        operations = [result.ok() for result in schemathesis.openapi.from_url(url + "/openapi.json")
                      .get_all_operations()]
        assert len(operations) >= 20
        for operation in operations:
            @given(case=operation.as_strategy())
            @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck),
                      database=None)
            def call(case):
                case.call_and_validate(checks=[not_a_server_error])

            call()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
