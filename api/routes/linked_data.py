"""Linked data: an entity IRI is answered at the server's own ``/id/...`` with the entity's description."""

import re
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import RedirectResponse
from rdflib import Graph, URIRef

from api.deps import SettingsDep, StoreDep
from api.negotiation import negotiated, preferred
from api.rdf_response import rdf_response
from graph import IRI
from graph.io import DESCRIPTION_FORMATS

router = APIRouter(prefix="/id", tags=["linked data"])
PATH = re.compile(r"^[A-Za-z0-9._~-]+(?:/[A-Za-z0-9._~-]+)*$")
HTML = "text/html"
PAGES = {"initiative": "/initiatives/", "organization": "/actors/", "document": "/documents/"}  # by preference


@router.get("/{path:path}", summary="Look up an entity IRI", responses={
    200: {"description": "the entity's description", "content": {media: {} for media in DESCRIPTION_FORMATS}},
    303: {"description": "a browser (Accept: text/html) is sent to the entity's web page"},
    404: {"description": "no entity has this IRI"}})
def describe_entity(path: str, request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """Return the description of the entity whose IRI is the configured base followed by ``path``, by
    content negotiation; send a browser to the entity's page."""
    media_type = preferred(request, [*DESCRIPTION_FORMATS, HTML])
    iri = settings.id_base + path
    description = store.construct("description", entity=IRI(iri)) if PATH.match(path) else Graph()
    if not description:
        raise HTTPException(404, f"no entity has the IRI {iri}")
    if media_type == HTML:
        return negotiated(RedirectResponse(page_of(iri, description, settings.id_base), status_code=303))
    return rdf_response(description, media_type)


def page_of(iri: str, description: Graph, id_base: str) -> str:
    """Return the web page that shows the entity: its own, else that of an initiative, organisation or
    document it points to (in that order of preference), else the explorer."""
    linked = [str(o) for o in description.objects(URIRef(iri)) if isinstance(o, URIRef)]
    for entity in [iri, *sorted(linked, key=lambda e: (_preference(e, id_base), e))]:
        kind, _, slug = entity.removeprefix(id_base).partition("/")
        if entity.startswith(id_base) and kind in PAGES and slug and "/" not in slug:
            return PAGES[kind] + quote(slug, safe="")
    return "/"


def _preference(entity: str, id_base: str) -> int:
    kind = entity.removeprefix(id_base).split("/", 1)[0]
    return list(PAGES).index(kind) if kind in PAGES else len(PAGES)
