"""Documents: list, read with every fact placed in the text, upload (ingest), remove, and what changed
from one to another."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, ValidationError

from api.deps import DocumentDep, ExtractorDep, Limit, Offset, ReadModelDep, StoreDep, WriteAccess, find_document
from api.ingestion import ingest_document, remove_document
from api.models import (
    JSON,
    ChangesOut,
    DocumentDetail,
    DocumentPage,
    IngestSummary,
    edge_out,
    entity_ref,
    evidence_out,
    phase_ref,
)
from api.openapi import WRITE_ERRORS, not_found
from api.pagination import page
from graph.changes import changes
from graph.records import Document, PhaseMove
from ingest import read_bytes
from ontology import slugify

router = APIRouter(prefix="/api", tags=["documents"])


class TextDocument(BaseModel):
    """A document sent as JSON: its file name (the extension says the format) and its text."""

    name: Annotated[str, Field(min_length=1, max_length=255)]
    text: str


@router.get("/documents", response_model=DocumentPage)
def list_documents(readmodel: ReadModelDep, limit: Limit = 100, offset: Offset = 0) -> JSON:
    """List the ingested documents by title, then id."""
    return page([_document(d) for d in readmodel.documents()], limit, offset)


@router.get("/documents/{document_id}", response_model=DocumentDetail, responses=not_found("document"))
def get_document(document: DocumentDep, readmodel: ReadModelDep) -> JSON:
    """Return a document's text with every extracted fact placed in it, to check extraction against the source."""
    return {**_document(document), "text": readmodel.document_text(document.iri),
            "annotations": [{"start": a.start, "end": a.end, "kind": a.kind}
                            for a in readmodel.annotations(document.iri)]}


def _document(document: Document) -> JSON:
    return {"id": document.id, "title": document.title, "source": document.source, "format": document.format,
            "contentHash": document.content_hash}


UPLOAD = {"required": True, "content": {
    "multipart/form-data": {"schema": {
        "type": "object", "required": ["file"],
        "properties": {"file": {"type": "string", "format": "binary",
                                "description": "the document; its name's extension (.txt, .md, .html, .pdf) "
                                               "says the format"}}}},
    "application/json": {"schema": TextDocument.model_json_schema()},
}}


@router.post("/documents", response_model=IngestSummary, status_code=201, dependencies=[WriteAccess],
             openapi_extra={"requestBody": UPLOAD},
             responses={**WRITE_ERRORS, 413: {"description": "the upload is larger than the limit"},
                        415: {"description": "neither a form nor JSON, or a format Veikart does not read"},
                        422: {"description": "the request is invalid, or the document empty or unreadable"}})
async def create_document(request: Request, store: StoreDep, extractor: ExtractorDep) -> IngestSummary:
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
    summary = await run_in_threadpool(lambda: ingest_document(store, extractor, read_bytes(safe_name, data)))
    if summary.changed:
        request.app.state.metrics.documents_ingested.inc()
    return summary


@router.delete("/documents/{document_id}", status_code=204, dependencies=[WriteAccess],
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


@router.get("/changes", response_model=ChangesOut, response_model_by_alias=True, responses=not_found("document"))
def get_changes(readmodel: ReadModelDep, from_: Annotated[str, Query(alias="from", description="document id")],
                to: Annotated[str, Query(description="document id")]) -> JSON:
    """List what changed from one document to another: new and dropped initiatives, phase moves,
    new and dropped dependencies, each with evidence."""
    found = changes(readmodel, find_document(readmodel, from_).iri, find_document(readmodel, to).iri)
    return {"newInitiatives": [entity_ref(e) for e in found.new_initiatives],
            "droppedInitiatives": [entity_ref(e) for e in found.dropped_initiatives],
            "phaseMoves": [_phase_move(m) for m in found.phase_moves],
            "newDependencies": [edge_out(e, readmodel.entity) for e in found.new_dependencies],
            "droppedDependencies": [edge_out(e, readmodel.entity) for e in found.dropped_dependencies]}


def _phase_move(move: PhaseMove) -> JSON:
    return {"initiative": entity_ref(move.initiative), "from": phase_ref(move.before), "to": phase_ref(move.after),
            "evidence": [evidence_out(e) for e in move.evidence]}
