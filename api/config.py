"""Settings read from the environment (prefix ``VEIKART_``): the one place that reads it."""

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph import Limits, Store, open_store
from ontology import ID_BASE


class Settings(BaseSettings):
    """How a Veikart server or CLI run is configured."""

    model_config = SettingsConfigDict(env_prefix="VEIKART_")

    store: str = "./data/store"  # a folder, or the query endpoint URL of a remote SPARQL store
    store_update: str | None = None  # the remote store's update endpoint (default: Oxigraph's /update)
    store_gsp: str | None = None  # its Graph Store Protocol endpoint (default: Oxigraph's /store)
    store_auth: str | None = None  # "user:password" for basic auth, or a bearer token
    token: str = ""
    cors_origins: list[str] = []
    query_timeout: float = 10.0
    max_upload_bytes: int = 20 * 1024 * 1024
    max_result_bytes: int = 64 * 1024 * 1024
    max_requests: int = Field(default=32, ge=1)  # answered at once by each worker; more wait for a place
    admission_wait: float = Field(default=2.0, ge=0)  # seconds a request waits for a place before its 503
    service_allow_hosts: list[str] = []
    schedule_rules: Path | None = None  # the phases each dependency kind orders (default: graph/schedule_rules.json)
    # /id/{path} answers for the IRI id_base + path
    id_base: str = Field(default=ID_BASE, pattern=r"^https?://[^\s?#]+/$")
    # where the index files of a remote store are kept, in a folder per endpoint (an embedded store's are beside it)
    index_cache: Path | None = Path.home() / ".cache" / "veikart"
    # set by serve --workers
    metrics_folder: Path | None = Field(default=None, validation_alias="PROMETHEUS_MULTIPROC_DIR")

    def open_store(self, *, query_workers: bool = True) -> Store:
        """Open the store these settings name (``query_workers``: see ``graph.open_store``)."""
        return open_store(self.store, Limits(self.query_timeout, self.max_result_bytes),
                          update_endpoint=self.store_update, graph_store_endpoint=self.store_gsp, auth=self.store_auth,
                          query_workers=query_workers)
