"""Settings read from the environment (prefix ``VEIKART_``): the one place that reads it."""

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """How a Veikart server or CLI run is configured."""

    model_config = SettingsConfigDict(env_prefix="VEIKART_")

    store: str = "./data/store"
    token: str = ""
    cors_origins: list[str] = []
    query_timeout: float = 10.0
    max_upload_bytes: int = 20 * 1024 * 1024
    max_result_bytes: int = 64 * 1024 * 1024
    service_allow_hosts: list[str] = []
    web_vendor: Path = Path(__file__).resolve().parent.parent / "web" / "node_modules"
