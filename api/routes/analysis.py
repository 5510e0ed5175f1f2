"""Dependency analysis: transitive prerequisites and dependents, impact, related initiatives, order."""

from typing import Annotated

import orjson
from fastapi import APIRouter, HTTPException, Query, Response

from api.deps import CatalogDep
from api.models import ChangesOut, HistoryPage, OrderOut, ReachedPage, RelatedPage
from api.openapi import not_found
from api.pagination import MAX_LIMIT, Limit, Offset, page
from api.routes.initiatives import ID_PATTERN, entity_iri
from graph.changes import changes
from graph.related import related
from graph.terms import IRI
from ontology import mint

router = APIRouter(prefix="/api", tags=["analysis"])
NO_INITIATIVE = not_found("initiative")


def document_iri(catalog, document_id: str) -> str:
    """Return the IRI of the ingested document ``document_id``, or raise 404."""
    iri = mint("document", document_id) if ID_PATTERN.match(document_id) else ""
    if not iri or not catalog.store.select("documents", document=IRI(iri)):
        raise HTTPException(404, f"no document with id {document_id!r}")
    return iri
Transitive = Annotated[bool, Query(description="follow dependencies beyond the direct ones")]



@router.get("/initiatives/{initiative_id}/dependencies", response_model=ReachedPage, responses=NO_INITIATIVE)
def list_prerequisites(initiative_id: str, catalog: CatalogDep, transitive: Transitive = False,
                       limit: Limit = 100, offset: Offset = 0) -> Response:
    """List what the initiative depends on, nearest first, each with its depth, path and the evidence of each hop."""
    found = catalog.dependency_graph().prerequisites(entity_iri(catalog, "initiative", initiative_id),
                                                     transitive=transitive)
    return _json({"items": catalog.reaches(found[offset:offset + limit]), "total": len(found)})


@router.get("/initiatives/{initiative_id}/dependents", response_model=ReachedPage, responses=NO_INITIATIVE)
def list_dependents(initiative_id: str, catalog: CatalogDep, transitive: Transitive = False,
                    limit: Limit = 100, offset: Offset = 0) -> Response:
    """List what depends on the initiative — what is delayed if it slips — ranked by distance."""
    found = catalog.dependency_graph().dependents(entity_iri(catalog, "initiative", initiative_id),
                                                  transitive=transitive)
    return _json({"items": catalog.reaches(found[offset:offset + limit]), "total": len(found)})


@router.get("/initiatives/{initiative_id}/impact", response_model=ReachedPage, responses=NO_INITIATIVE)
def get_impact(initiative_id: str, catalog: CatalogDep, limit: Limit = 100, offset: Offset = 0) -> Response:
    """List everything delayed if the initiative slips, nearest first (all dependents, transitively)."""
    return list_dependents(initiative_id, catalog, transitive=True, limit=limit, offset=offset)


def _json(page: dict) -> Response:
    """Write a page of a walk with orjson straight from the catalog's records: pages of long paths are
    large, and these records already have the ReachedPage shape the OpenAPI document shows (the API
    tests check it)."""
    return Response(orjson.dumps(page), media_type="application/json")


@router.get("/initiatives/{initiative_id}/history", response_model=HistoryPage, responses=NO_INITIATIVE)
def get_history(initiative_id: str, catalog: CatalogDep, limit: Limit = MAX_LIMIT, offset: Offset = 0) -> dict:
    """List the initiative's phase statements and status notes from every document, oldest first."""
    iri = entity_iri(catalog, "initiative", initiative_id)
    dated = [(s["start"] or s["documentDate"], {
        "kind": "phase", "date": s["date"] or s["documentDate"], "text": s["evidence"][0]["text"],
        "phase": s["phase"], "status": s["status"], "evidence": s["evidence"]}) for s in catalog.phase_statements(iri)]
    dated += [(n["date"], {"kind": "status", "date": n["date"], "text": n["text"], "evidence": n["evidence"]})
              for n in catalog.status_notes(iri)]
    dated.sort(key=lambda d: (str(d[0] or ""), d[1]["evidence"][0]["document"], d[1]["evidence"][0]["start"],
                              d[1]["kind"], (d[1].get("phase") or {}).get("notation", ""), d[1]["text"]))
    return page([entry for _, entry in dated], limit, offset)


@router.get("/initiatives/{initiative_id}/related", response_model=RelatedPage, responses=NO_INITIATIVE)
def list_related(initiative_id: str, catalog: CatalogDep, limit: Limit = 10, offset: Offset = 0) -> dict:
    """List related initiatives, best first, with a score and the reasons: dependencies, shared actors and
    subgoals, co-mentions, similar names."""
    iri = entity_iri(catalog, "initiative", initiative_id)
    return page(related(catalog, iri, catalog.dependency_graph()), limit, offset)


@router.get("/changes", response_model=ChangesOut, response_model_by_alias=True, responses=not_found("document"))
def get_changes(catalog: CatalogDep, from_: Annotated[str, Query(alias="from", description="document id")],
                to: Annotated[str, Query(description="document id")]) -> dict:
    """List what changed from one document to another: new and dropped initiatives, phase moves,
    new and dropped dependencies, each with evidence."""
    return changes(catalog, document_iri(catalog, from_), document_iri(catalog, to))


@router.get("/order", response_model=OrderOut, responses=NO_INITIATIVE)
def get_order(catalog: CatalogDep,
              ids: Annotated[list[str], Query(description="initiative ids, repeated or comma-separated")]) -> dict:
    """Return an implementation order for a set of initiatives; cycles are reported, not refused."""
    iris = [entity_iri(catalog, "initiative", i.strip()) for raw in ids for i in raw.split(",") if i.strip()]
    result = catalog.dependency_graph().order(iris)
    return {"order": [catalog.ref(i) for i in result["order"]],
            "cycles": [[catalog.ref(i) for i in group] for group in result["cycles"]]}
