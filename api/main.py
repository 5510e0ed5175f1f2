"""Build the FastAPI application: store and pipeline created once, in the lifespan."""

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from api import errors, openapi
from api.analysis_pool import AnalysisPool
from api.config import Settings
from api.ingestion import Analyses, install_vocabularies
from api.metrics import Metrics
from api.middleware import BodyLimit, ConditionalGet, Observe
from api.routes import actors, analysis, catalog, documents, initiatives, linked_data, sparql, system, web
from graph import Store
from graph.index import GraphIndex

STATIC = Path(__file__).parent / "web" / "static"
VENDOR = Path(__file__).parent / "web" / "vendor"  # the browser libraries, copied from npm at build time


def create_app(settings: Settings | None = None, *, store: Store | None = None,
               analyzer: Analyses | None = None) -> FastAPI:
    """Return the Veikart app over ``store`` (by default the one ``settings.store`` names)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.settings = settings
        app.state.store = store if store is not None else settings.open_store()
        install_vocabularies(app.state.store)
        app.state.index = GraphIndex(app.state.store)
        app.state.index.snapshot()  # build the index before the first request
        app.state.analyzer = analyzer or AnalysisPool()
        yield
        if store is None:
            app.state.store.close()
        if isinstance(app.state.analyzer, AnalysisPool):
            app.state.analyzer.close()

    app = FastAPI(title="Veikart", version="0.1.0", lifespan=lifespan,
                  description="Actors, initiatives, dependencies, phases and goals of strategy documents, "
                              "with the evidence for every fact.")
    app.state.metrics = Metrics(settings.metrics_folder)
    app.add_middleware(BodyLimit, max_bytes=settings.max_upload_bytes)
    app.add_middleware(ConditionalGet, store_of=lambda: app.state.store)
    app.add_middleware(Observe, metrics=app.state.metrics)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["*"],
                           allow_headers=["*"])
    errors.install(app)
    for module in (system, initiatives, analysis, actors, catalog, documents, sparql, linked_data, web):
        app.include_router(module.router, responses=openapi.STORE_ERRORS)
    openapi.install(app)
    mount_static(app)
    return app


def mount_static(app: FastAPI) -> None:
    """Serve the client's own files, and the browser libraries the package carries (copied from npm at build
    time; absent only in a checkout where ``make web`` has not run)."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    if VENDOR.is_dir():
        app.mount("/vendor", StaticFiles(directory=VENDOR), name="vendor")
