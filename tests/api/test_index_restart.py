"""The server keeps its index files beside the embedded store: saved when it stops, loaded when it starts."""

from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app
from graph import index_files
from testkit.sample import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
NOTE = "Pasientens legemiddelliste forutsetter Sentral forskrivningsmodul. Helse Vest RHF leder arbeidet."


def test_the_server_saves_its_index_beside_the_store_and_starts_from_it(tmp_path, extractor):
    settings = Settings(store=str(tmp_path / "store"), token=TOKEN)
    with TestClient(create_app(settings, extractor=extractor)) as client:
        assert client.post("/api/documents", json={"name": "notat.txt", "text": NOTE}, headers=AUTH).status_code == 201
        found = client.get("/api/search", params={"q": "legemiddel"}).json()
        revision = client.app.state.store.revision()
    assert found["total"] >= 2 and found["items"][0]["entity"]["id"] == "pasientens-legemiddelliste"
    saved = index_files.load(tmp_path / "store.index")
    assert saved is not None and saved.revision == revision
    with TestClient(create_app(settings, extractor=extractor)) as client:
        assert client.get("/api/search", params={"q": "legemiddel"}).json() == found
