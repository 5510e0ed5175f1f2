"""The SPARQL 1.1 Protocol endpoint: queries for everyone, updates with the token."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response

from api.deps import SettingsDep, StoreDep, require_token
from graph.results import serialize_results

router = APIRouter(tags=["sparql"])
QUERY_TYPES = ("application/sparql-query",)
UPDATE_TYPES = ("application/sparql-update",)
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


@router.get("/sparql", summary="SPARQL query (GET)")
def sparql_get(
    request: Request,
    store: StoreDep,
    query: Annotated[str | None, Query(description="a SPARQL 1.1 query")] = None,
    default_graph_uri: Annotated[list[str] | None, Query(alias="default-graph-uri")] = None,
    named_graph_uri: Annotated[list[str] | None, Query(alias="named-graph-uri")] = None,
) -> Response:
    """Answer a SPARQL query given in the URL; results by content negotiation."""
    if query is None:
        raise HTTPException(400, "missing the 'query' parameter")
    return _answer(store, query, request.headers.get("accept"), default_graph_uri, named_graph_uri)


@router.post("/sparql", summary="SPARQL query or update (POST)")
async def sparql_post(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """Answer a query (form or application/sparql-query body) or run an update (with the token)."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    params = request.query_params
    default_graphs, named_graphs = params.getlist("default-graph-uri"), params.getlist("named-graph-uri")
    if media in QUERY_TYPES:
        text = (await request.body()).decode("utf-8", errors="replace")
        return _answer(store, text, request.headers.get("accept"), default_graphs, named_graphs)
    if media in UPDATE_TYPES:
        require_token(settings, request.headers.get("authorization"))
        store.update((await request.body()).decode("utf-8", errors="replace"))
        return Response(status_code=204)
    if media in FORM_TYPES:
        form = await request.form()
        default_graphs += [str(v) for v in form.getlist("default-graph-uri")]
        named_graphs += [str(v) for v in form.getlist("named-graph-uri")]
        if "update" in form:
            require_token(settings, request.headers.get("authorization"))
            store.update(str(form["update"]))
            return Response(status_code=204)
        if "query" in form:
            return _answer(store, str(form["query"]), request.headers.get("accept"), default_graphs, named_graphs)
        raise HTTPException(400, "the form has neither 'query' nor 'update'")
    raise HTTPException(415, f"unsupported content type {media!r}; send a form, application/sparql-query "
                             "or application/sparql-update")


def _answer(store, query: str, accept: str | None, default_graphs, named_graphs) -> Response:
    results = store.query(query, default_graph=default_graphs or None, named_graphs=named_graphs or None)
    body, media = serialize_results(results, accept)
    return Response(body, media_type=media)
