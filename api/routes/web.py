"""The web client's pages: one HTML shell each; the scripts read the public REST and SPARQL APIs."""

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse

from api.pages import page

router = APIRouter(tags=["web client"], include_in_schema=False)
ICON = Path(__file__).resolve().parent.parent / "web" / "static" / "favicon.ico"


@router.get("/favicon.ico", response_class=FileResponse)
def favicon() -> FileResponse:
    """Return the site's icon, which a browser asks for on its first visit."""
    return FileResponse(ICON, media_type="image/vnd.microsoft.icon", headers={"cache-control": "public, max-age=86400"})


@router.get("/", response_class=HTMLResponse)
def explorer_page() -> HTMLResponse:
    return page("Veikart")


@router.get("/initiatives/{initiative_id}", response_class=HTMLResponse)
def initiative_page(initiative_id: str) -> HTMLResponse:
    return page("Tiltak – Veikart")


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(actor_id: str) -> HTMLResponse:
    return page("Aktør – Veikart")


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(document_id: str) -> HTMLResponse:
    return page("Dokument – Veikart")


@router.get("/roadmap", response_class=HTMLResponse)
def roadmap_page() -> HTMLResponse:
    return page("Veikart – tidslinje")

