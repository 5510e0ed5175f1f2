"""The SPARQL 1.1 Protocol endpoint: queries for everyone, updates with the token."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from api.deps import SettingsDep, StoreDep, require_token
from api.negotiation import negotiated, preferred
from api.openapi import SPARQL_GET_RESPONSES, SPARQL_POST_REQUEST, SPARQL_POST_RESPONSES
from api.pages import sparql_page
from api.rdf_response import rdf_response
from api.service_description import service_description
from graph import Limits
from graph.guard import check_query, check_update
from graph.io import DESCRIPTION_FORMATS, formats_for
from graph.update_dataset import UpdateDataset

router = APIRouter(tags=["sparql"])
QUERY_TYPES = ("application/sparql-query",)
UPDATE_TYPES = ("application/sparql-update",)
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


@router.get("/sparql", summary="SPARQL query (GET)", responses=SPARQL_GET_RESPONSES)
def sparql_get(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    query: Annotated[str | None, Query(description="a SPARQL 1.1 query")] = None,
    default_graph_uri: Annotated[list[str] | None, Query(alias="default-graph-uri")] = None,
    named_graph_uri: Annotated[list[str] | None, Query(alias="named-graph-uri")] = None,
    update: Annotated[str | None, Query(description="refused: an update is sent by POST")] = None,
) -> Response:
    """Answer a SPARQL query given in the URL, results by content negotiation; without a query, describe
    the service (Turtle, JSON-LD, RDF/XML or N-Triples)."""
    if update is not None:
        raise HTTPException(400, "a SPARQL update is sent by POST (application/sparql-update, or a form with "
                                 "'update'), never by GET")
    if query is None:
        media_type = preferred(request, [*DESCRIPTION_FORMATS, "text/html"])
        if media_type == "text/html":
            return negotiated(sparql_page())
        endpoint = str(request.url).split("?", 1)[0]
        return rdf_response(service_description(endpoint, store.graphs(), updates=bool(settings.token)), media_type)
    return _answer(request, query, default_graph_uri, named_graph_uri)


@router.post("/sparql", summary="SPARQL query or update (POST)", responses=SPARQL_POST_RESPONSES,
             openapi_extra=SPARQL_POST_REQUEST)
async def sparql_post(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """Answer a query (form or application/sparql-query body) or run an update (with the token)."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    params = request.query_params
    default_graphs, named_graphs = params.getlist("default-graph-uri"), params.getlist("named-graph-uri")
    if media in QUERY_TYPES:
        text = (await request.body()).decode("utf-8", errors="replace")
        return await run_in_threadpool(_answer, request, text, default_graphs, named_graphs)
    if media in UPDATE_TYPES:
        require_token(settings, request.headers.get("authorization"))
        return await run_in_threadpool(_update, store, (await request.body()).decode("utf-8", errors="replace"),
                                       _update_dataset(params), frozenset(settings.service_allow_hosts))
    if media in FORM_TYPES:
        form = await request.form()
        default_graphs += [str(v) for v in form.getlist("default-graph-uri")]
        named_graphs += [str(v) for v in form.getlist("named-graph-uri")]
        if "update" in form:
            require_token(settings, request.headers.get("authorization"))
            return await run_in_threadpool(_update, store, str(form["update"]), _update_dataset(params, form),
                                           frozenset(settings.service_allow_hosts))
        if "query" in form:
            return await run_in_threadpool(_answer, request, str(form["query"]), default_graphs, named_graphs)
        raise HTTPException(400, "the form has neither 'query' nor 'update'")
    raise HTTPException(415, f"unsupported content type {media!r}; send a form, application/sparql-query "
                             "or application/sparql-update")


def _answer(request: Request, query: str, default_graphs, named_graphs) -> Response:
    """Check the query and choose its result format, then run it where it can be stopped at the time limit."""
    form = check_query(query, allowed_hosts=frozenset(request.app.state.settings.service_allow_hosts))
    media = preferred(request, formats_for(form))
    settings = request.app.state.settings
    body, media = request.app.state.store.answer(query, media, default_graphs or None, named_graphs or None,
                                                 Limits(settings.query_timeout, settings.max_result_bytes))
    return negotiated(Response(body, media_type=media))


def _update(store, update: str, dataset: UpdateDataset, allowed_hosts: frozenset[str]) -> Response:
    check_update(update, allowed_hosts=allowed_hosts)
    store.update(update, dataset)
    return Response(status_code=204)


def _update_dataset(*sources) -> UpdateDataset:
    """Return the dataset of the update's WHERE from the protocol's parameters, in the URL or the form."""
    return UpdateDataset(tuple(str(g) for source in sources for g in source.getlist("using-graph-uri")),
                         tuple(str(g) for source in sources for g in source.getlist("using-named-graph-uri")))
