"""What the routes share: the settings, the store, the extractor, the read model and its schedule, the ids of a
path resolved once (404 when nothing has them), the page parameters, and write access."""

import hmac
import re
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.config import Settings
from api.ingestion import Extracts
from graph import Store
from graph.readmodel import ReadModel
from graph.records import Document, Phase
from graph.schedule import Schedule
from ontology import ID_BASE, mint, slugify

MAX_LIMIT = 100_000
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,200}$")

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def get_extractor(request: Request) -> Extracts:
    return request.app.state.extractor  # type: ignore[no-any-return]


def get_readmodel(request: Request) -> ReadModel:
    """Return the read model of the store as it is now: the index merges what changed since the last request."""
    revision = getattr(request.state, "revision", None)  # read by ConditionalGet for this request's ETag
    return ReadModel.at(request.app.state.index, revision)


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
ExtractorDep = Annotated[Extracts, Depends(get_extractor)]
ReadModelDep = Annotated[ReadModel, Depends(get_readmodel)]


def get_schedule(request: Request, readmodel: ReadModelDep) -> Schedule:
    """Return the milestones of the read model's initiatives under the app's schedule rules."""
    return Schedule.of(readmodel, request.app.state.schedule_rules)


ScheduleDep = Annotated[Schedule, Depends(get_schedule)]


def entity_iri(readmodel: ReadModel, kind: str, entity_id: str) -> str:
    """Return the IRI of the ``kind`` entity with ``entity_id``, or raise 404."""
    iri = f"{ID_BASE}{kind}/{entity_id}"
    if not ID_PATTERN.match(entity_id) or readmodel.kinds.get(iri) != kind:
        raise HTTPException(404, f"no {kind} with id {entity_id!r}")
    return iri


def initiative_iri(initiative_id: str, readmodel: ReadModelDep) -> str:
    """Return the IRI of the initiative of the path's ``initiative_id``, or raise 404."""
    return entity_iri(readmodel, "initiative", initiative_id)


def actor_iri(actor_id: str, readmodel: ReadModelDep) -> str:
    """Return the IRI of the organisation of the path's ``actor_id``, or raise 404."""
    return entity_iri(readmodel, "organization", actor_id)


def find_document(readmodel: ReadModel, document_id: str) -> Document:
    """Return the ingested document ``document_id``, or raise 404."""
    found = readmodel.document(mint("document", document_id)) \
        if document_id and slugify(document_id) == document_id else None
    if found is None:
        raise HTTPException(404, f"no document with id {document_id!r}")
    return found


def path_document(document_id: str, readmodel: ReadModelDep) -> Document:
    """Return the document of the path's ``document_id``, or raise 404."""
    return find_document(readmodel, document_id)


def initiative_filter(readmodel: ReadModelDep, initiative: Annotated[str | None, Query(
        description="id of an initiative: only what concerns it")] = None) -> str | None:
    """Return the IRI of the initiative a list is narrowed to, None for no filter, or raise 404."""
    return None if initiative is None else entity_iri(readmodel, "initiative", initiative)


def value_chain_phase(readmodel: ReadModelDep, phase: Annotated[str, Query(
        description="notation of a phase of the value chain, e.g. innforing")] = "innforing") -> Phase:
    """Return the phase of the value chain with the notation ``phase``, or raise 422."""
    phases = readmodel.phases()
    found = next((p for p in phases if p.notation == phase), None)
    if found is None:
        raise HTTPException(422, f"no phase of the value chain is called {phase!r}; "
                                 f"the phases are {', '.join(p.notation for p in phases)}")
    return found


InitiativeId = Annotated[str, Depends(initiative_iri)]
InitiativeFilter = Annotated[str | None, Depends(initiative_filter)]
PhaseParam = Annotated[Phase, Depends(value_chain_phase)]
ActorId = Annotated[str, Depends(actor_iri)]
DocumentDep = Annotated[Document, Depends(path_document)]


def require_token(settings: Settings, authorization: str | None) -> None:
    """Allow a write only with ``Authorization: Bearer $VEIKART_TOKEN``; with no token configured, none."""
    if not settings.token:
        raise HTTPException(403, "writes are disabled: the server has no VEIKART_TOKEN configured")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), settings.token.encode()):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})


bearer = HTTPBearer(scheme_name="bearerToken", auto_error=False,
                    description="the server's VEIKART_TOKEN: writes need it, reads do not")


def write_access(settings: SettingsDep,
                 credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """Allow a write only with the bearer token; declared to OpenAPI as the route's security scheme."""
    require_token(settings, f"Bearer {credentials.credentials}" if credentials else None)


WriteAccess = Depends(write_access)
