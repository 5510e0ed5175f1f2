"""Short invented plans in Norwegian, each a case of schedule checking: a conflict, a possible one from a
tentative statement, an unknown one from an undated prerequisite, none where the dates agree, and a chain
of three links with one undated, for the critical path. They go through the real pipeline."""

from pathlib import Path

from api.ingestion import Extracts, ingest_document, install_vocabularies
from graph import Store
from ingest import read_bytes

PLANS = {
    "timebok.txt": "Pasientens timebok forutsetter Pasientens reiseplan. Pasientens timebok skal innføres i 2025. "
                   "Pasientens reiseplan skal innføres i 2026.\n",
    "pleieplan.txt": "Pasientens pleieplan bygger på Pasientens målekurve. Pasientens pleieplan skal innføres i 2025. "
                     "Pasientens målekurve vil trolig bli tatt i bruk i 2026.\n",
    "journalkopi.txt": "Pasientens journalkopi forutsetter Pasientens vaksinekort. "
                       "Pasientens journalkopi skal innføres i 2025.\n",
    "henvisning.txt": "Pasientens henvisning forutsetter Pasientens innkalling. Pasientens henvisning skal innføres "
                      "i 2026. Pasientens innkalling skal innføres i 2025.\n",
    "behandlingsplan.txt": "Pasientens behandlingsplan forutsetter Pasientens kostholdsplan. Pasientens kostholdsplan "
                           "bygger på Pasientens legemiddelprofil. Pasientens legemiddelprofil forutsetter Pasientens "
                           "innsjekk. Pasientens behandlingsplan skal innføres i 2028. Pasientens kostholdsplan skal "
                           "innføres i 2027. Pasientens innsjekk skal innføres i 2026.\n",
}
# A later document that moves the prerequisite of the conflict of timebok.txt to before its dependent.
REVISED = ("reiseplan-revidert.txt", "Statusnotat 1. juni 2025\n\nPasientens reiseplan skal innføres i 2024.\n")


def ingest_plans(store: Store, extractor: Extracts, plans: dict[str, str] = PLANS) -> None:
    """Write the vocabularies and each of ``plans`` (file name: text) into ``store``."""
    install_vocabularies(store)
    for name, text in plans.items():
        ingest_document(store, extractor, read_bytes(name, text.encode("utf-8")))


def write_plans(folder: Path, plans: dict[str, str] = PLANS) -> Path:
    """Write each of ``plans`` into ``folder`` as a text file; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in plans.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
