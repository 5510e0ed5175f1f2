"""Build the FastAPI application: the store, its index and the NLP pool created once, in the lifespan,
which also sets the process's policy for its memory."""

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from api import errors, openapi
from api.admission import Admission
from api.config import Settings
from api.ingestion import Extracts, install_vocabularies
from api.metrics import Metrics
from api.middleware import BodyLimit, ConditionalGet, Observe
from api.nlp_pool import NlpPool
from api.routes import (
    actors,
    conflicts,
    dependencies,
    documents,
    goals,
    initiatives,
    linked_data,
    phases,
    search,
    sparql,
    system,
    web,
)
from graph import Store
from graph.index import GraphIndex
from graph.index_files import index_folder
from graph.schedule_rules import load_rules

STATIC = Path(__file__).parent / "web" / "static"
VENDOR = Path(__file__).parent / "web" / "vendor"  # the browser libraries, copied from npm at build time


def create_app(settings: Settings | None = None, *, store: Store | None = None,
               extractor: Extracts | None = None) -> FastAPI:
    """Return the Veikart app over ``store`` (by default the one ``settings.store`` names)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.store = store if store is not None else settings.open_store()
        install_vocabularies(app.state.store)
        app.state.index = GraphIndex(app.state.store, on_merge=freeze_heap,
                                     folder=index_folder(app.state.store.location, settings.index_cache))
        app.state.index.snapshot()  # build the index before the first request
        app.state.extractor = extractor or NlpPool()
        yield
        app.state.index.close()
        if store is None:
            app.state.store.close()
        if isinstance(app.state.extractor, NlpPool):
            app.state.extractor.close()

    app = FastAPI(title="Veikart", version="0.1.0", lifespan=lifespan,
                  description="Actors, initiatives, dependencies, phases and goals of strategy documents, "
                              "with the evidence for every fact.")
    app.state.metrics = Metrics(settings.metrics_folder)
    app.state.schedule_rules = load_rules(settings.schedule_rules)
    app.add_middleware(BodyLimit, max_bytes=settings.max_upload_bytes)
    app.add_middleware(ConditionalGet, store_of=lambda: app.state.store)
    app.add_middleware(Admission, limit=settings.max_requests, wait=settings.admission_wait,
                       metrics=app.state.metrics)
    app.add_middleware(Observe, metrics=app.state.metrics)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["*"],
                           allow_headers=["*"])
    errors.install(app)
    for module in (system, initiatives, dependencies, conflicts, actors, goals, phases, search, documents, sparql,
                   linked_data, web):
        app.include_router(module.router, responses=openapi.STORE_ERRORS)
    openapi.install(app)
    mount_static(app)
    return app


def freeze_heap() -> None:
    """Move every object alive now out of the collector's reach, after each merge of the index.

    The index is millions of long-lived objects: left to the collector, every full collection walks them
    all and a request waits hundreds of milliseconds. Garbage in cycles is collected first, so none is
    frozen; reference counting still frees what a later merge drops (the index holds no cycles).
    """
    gc.collect()
    gc.freeze()


def mount_static(app: FastAPI) -> None:
    """Serve the client's own files, and the browser libraries the package carries (copied from npm at build
    time; absent only in a checkout where ``make web`` has not run)."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    if VENDOR.is_dir():
        app.mount("/vendor", StaticFiles(directory=VENDOR), name="vendor")
