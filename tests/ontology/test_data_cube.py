"""The figures of the sample corpus are a well-formed RDF Data Cube: they pass the W3C integrity constraints.

The constraints and the normalization they assume are the specification's own queries (data_cube/README.md):
the corpus store's graphs (the lexicon aside) are merged into one in-memory store, normalized, and asked
each constraint, an ASK that is true when it is violated.
"""

from pathlib import Path

import pyoxigraph as ox
import pytest

from api.ingestion import ingest_document
from graph import Store
from ingest import read_bytes
from ontology import LEXICON_GRAPH, SDMX_ATTRIBUTE, VK

HERE = Path(__file__).parent / "data_cube"
PREFIXES = (HERE / "prefixes.rq").read_text(encoding="utf-8")
CONSTRAINTS = sorted(HERE.glob("ic-*.rq"))

pytestmark = pytest.mark.parametrize("backend", ["embedded"], indirect=True)  # the data is the same on both


def normalized(store: Store, drop: str = "") -> ox.Store:
    """Return an in-memory store of the graphs of ``store`` but the lexicon merged into one, without the
    property ``drop``, normalized as the constraints assume."""
    data, _ = store.export("nquads")
    cube = ox.Store()
    cube.extend(ox.Quad(q.subject, q.predicate, q.object) for q in ox.parse(data, format=ox.RdfFormat.N_QUADS)
                if q.graph_name.value != LEXICON_GRAPH and q.predicate.value != drop)
    for update in sorted(HERE.glob("normalize-*.ru")):
        cube.update(update.read_text(encoding="utf-8"))
    return cube


def violated(cube: ox.Store, constraint: Path) -> bool:
    return bool(cube.query(PREFIXES + constraint.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def cube(corpus_store) -> ox.Store:
    return normalized(corpus_store)


def test_the_corpus_has_observations_with_units_and_subjects(cube):
    counts = PREFIXES + f"""SELECT (COUNT(DISTINCT ?o) AS ?n) (COUNT(DISTINCT ?unit) AS ?units)
        (COUNT(DISTINCT ?subject) AS ?subjects) WHERE {{ ?o a qb:Observation .
        OPTIONAL {{ ?o <{SDMX_ATTRIBUTE.unitMeasure}> ?unit }} OPTIONAL {{ ?o <{VK.refSubject}> ?subject }} }}"""
    (row,) = cube.query(counts)
    assert int(row["n"].value) >= 100 and int(row["units"].value) >= 2 and int(row["subjects"].value) >= 5


@pytest.mark.parametrize("constraint", CONSTRAINTS, ids=lambda path: path.stem)
def test_the_observations_meet_the_integrity_constraint(cube, constraint):
    assert not violated(cube, constraint), f"{constraint.stem} is violated"


def test_no_hierarchical_code_list_needs_ic_20_and_21(cube):
    assert not cube.query(PREFIXES + "ASK { ?list a qb:HierarchicalCodeList }")


def test_an_observation_without_a_period_violates_ic_11(store, extractor):
    document = read_bytes("tall.md", b"Kostnader (MNOK)\t2026\t2027\nPasientens timebok\t1 059\t12,5\n")
    ingest_document(store, extractor, document)
    assert not violated(normalized(store), HERE / "ic-11.rq")
    assert violated(normalized(store, drop=str(VK.refPeriod)), HERE / "ic-11.rq")
