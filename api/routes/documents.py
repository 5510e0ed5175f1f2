"""Documents: list, upload (ingest) and remove."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, ValidationError

from api.deps import AnalyzerDep, StoreDep, WriteAccess
from api.ingestion import IngestSummary, ingest_document, remove_document
from api.models import DocumentDetail, DocumentPage
from api.openapi import WRITE_ERRORS, not_found
from api.pagination import Limit, Offset, page
from graph.catalog import label_order
from graph.terms import IRI
from ingest import read_bytes
from ontology import local_id, mint, slugify

router = APIRouter(prefix="/api/documents", tags=["documents"])


class TextDocument(BaseModel):
    """A document sent as JSON: its file name (the extension says the format) and its text."""

    name: Annotated[str, Field(min_length=1, max_length=255)]
    text: str


@router.get("", response_model=DocumentPage)
def list_documents(store: StoreDep, limit: Limit = 100, offset: Offset = 0) -> dict:
    """List the ingested documents by title, then id."""
    items = [{"id": local_id(str(r["document"])), "title": r["title"], "source": r["source"], "format": r["format"],
              "contentHash": r["hash"]} for r in store.select("documents")]
    return page(sorted(items, key=lambda d: label_order(d["title"], d["id"])), limit, offset)


@router.get("/{document_id}", response_model=DocumentDetail, responses=not_found("document"))
def get_document(document_id: str, store: StoreDep) -> dict:
    """Return a document's text with every extracted fact placed in it, to check extraction against the source."""
    iri = mint("document", document_id) if slugify(document_id) == document_id else ""
    rows = store.select("documents", document=IRI(iri)) if iri else []
    if not rows:
        raise HTTPException(404, f"no document with id {document_id!r}")
    text = store.select("document_text", document=IRI(iri))[0]["text"]
    annotations = [{"start": r["start"], "end": r["end"], "kind": local_id(str(r["type"]).replace("#", "/"))}
                   for r in store.select("document_annotations", document=IRI(iri))]
    row = rows[0]
    return {"id": document_id, "title": row["title"], "source": row["source"], "format": row["format"],
            "contentHash": row["hash"], "text": text, "annotations": annotations}


UPLOAD = {"required": True, "content": {
    "multipart/form-data": {"schema": {
        "type": "object", "required": ["file"],
        "properties": {"file": {"type": "string", "format": "binary",
                                "description": "the document; its name's extension (.txt, .md, .html, .pdf) "
                                               "says the format"}}}},
    "application/json": {"schema": TextDocument.model_json_schema()},
}}


@router.post("", response_model=IngestSummary, status_code=201, dependencies=[WriteAccess],
             openapi_extra={"requestBody": UPLOAD},
             responses={**WRITE_ERRORS, 413: {"description": "the upload is larger than the limit"},
                        415: {"description": "neither a form nor JSON, or a format Veikart does not read"},
                        422: {"description": "the request is invalid, or the document empty or unreadable"}})
async def create_document(request: Request, store: StoreDep, analyzer: AnalyzerDep) -> IngestSummary:
    """Ingest a document sent as multipart upload (field ``file``) or as JSON ``{name, text}``."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/json":
        try:
            payload = TextDocument.model_validate_json(await request.body())
        except ValidationError as exc:
            raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]) from exc
        name, data = payload.name, payload.text.encode("utf-8")
    elif media == "multipart/form-data":
        form = await request.form()
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise HTTPException(422, "the form needs a file in the field 'file'")
        name, data = upload.filename or "", await upload.read()
    else:
        raise HTTPException(415, "send multipart/form-data with a 'file' field, or JSON {name, text}")
    safe_name = _safe_name(name)
    summary = await run_in_threadpool(lambda: ingest_document(store, analyzer, read_bytes(safe_name, data)))
    if summary.changed:
        request.app.state.metrics.documents_ingested.inc()
    return summary


@router.delete("/{document_id}", status_code=204, dependencies=[WriteAccess],
               responses={**WRITE_ERRORS, **not_found("document")})
def delete_document(document_id: str, store: StoreDep) -> None:
    """Remove a document and every fact that only it stated."""
    if slugify(document_id) != document_id or not remove_document(store, document_id):
        raise HTTPException(404, f"no document with id {document_id!r}")


def _safe_name(name: str) -> str:
    """Return the file name without any folders; control characters are refused when the file is read."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    if not base or base in (".", ".."):
        raise HTTPException(422, f"unusable file name {name!r}")
    return base
