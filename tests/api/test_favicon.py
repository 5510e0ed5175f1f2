"""The site's icon: served at /favicon.ico and linked from every page, so a browser's first visit logs no 404."""

import pytest


def test_favicon_is_an_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/vnd.microsoft.icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # the ICO header: reserved 0, type 1 (icon)


@pytest.mark.parametrize("path", ["/", "/initiatives/kjernejournal", "/roadmap", "/actors/ks"])
def test_every_page_links_the_icon(client, path):
    assert '<link rel="icon" href="/favicon.ico">' in client.get(path).text
