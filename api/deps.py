"""Dependencies of the routes: the store, the analyser, the settings, the catalog, write access."""

import hmac
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.config import Settings
from api.ingestion import Analyses
from graph import Store
from graph.catalog import Catalog


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_analyzer(request: Request) -> Analyses:
    return request.app.state.analyzer


def get_catalog(request: Request) -> Catalog:
    """Return the catalog of the store as it is now: the index merges what changed since the last request."""
    revision = getattr(request.state, "revision", None)  # read by ConditionalGet for this request's ETag
    return Catalog(request.app.state.store, request.app.state.index.snapshot(revision))


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
AnalyzerDep = Annotated[Analyses, Depends(get_analyzer)]
CatalogDep = Annotated[Catalog, Depends(get_catalog)]


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
