"""``veikart ingest``: read documents, analyse them, write one graph each, and summarise what each added."""

import argparse
import json
from functools import partial
from pathlib import Path

from rich.progress import Progress, TaskID

from api.cli import Failure, open_store
from api.cli.output import error, progress, write_columns
from api.ingestion import ingest_document, install_vocabularies, is_unchanged, unchanged, write_prepared
from api.models import IngestSummary
from api.nlp_pool import NlpPool
from graph import Store
from ingest import MEDIA_TYPES, Document, Extractor, IngestError, read

LONG_DOCUMENT = 100_000  # characters: past this, the progress shows the sentences analysed
COLUMNS = ["document", "changed", "entities", "discovered", "dependencies", "phases", "goals"]


def run(args: argparse.Namespace) -> int:
    files = document_files(args.paths)
    pool = NlpPool.forked(args.jobs) if args.jobs > 1 else None  # before any thread of this process starts
    try:
        with progress(quiet=args.quiet) as bars:
            documents = read_all(files, bars)  # every file is read before the store is touched
            with open_store(args) as store:
                summaries = (analyse_all(store, documents, bars, force=args.force) if pool is None
                             else analyse_in_parallel(store, documents, bars, force=args.force, pool=pool))
    finally:
        if pool is not None:
            pool.close()
    if args.format == "json":
        print(json.dumps({"documents": [s.model_dump() for s in summaries]}, ensure_ascii=False, indent=2))
    elif not args.quiet:
        write_columns(COLUMNS, [[s.name, "yes" if s.changed else "unchanged", *(str(n) for n in (
            s.entities, s.discovered, s.dependencies, s.phases, s.goals))] for s in summaries])
    return 0


def document_files(paths: list[Path]) -> list[Path]:
    """Return the files to ingest: named files as given, and the readable files of named folders
    except their README, which describes the folder rather than belonging to it."""
    files = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in MEDIA_TYPES and p.is_file()
                            and p.stem.lower() != "readme")
        else:
            files.append(path)
    return files


def read_all(files: list[Path], bars: Progress) -> list[Document]:
    """Read every file; name each one that cannot be read, and then fail."""
    documents, failures = [], 0
    for file in bars.track(files, description="Reading"):
        try:
            documents.append(read(file))
        except IngestError as exc:
            error(str(exc))
            failures += 1
    if failures:
        raise Failure(f"{failures} of {len(files)} documents could not be read; nothing was written")
    return documents


def analyse_all(store: Store, documents: list[Document], bars: Progress, *, force: bool) -> list[IngestSummary]:
    """Analyse each document and replace its graph; the bars count documents, and a long one's sentences."""
    install_vocabularies(store)
    extractor = Extractor()
    summaries = []
    for document in bars.track(documents, description="Analysing"):
        sentences = bars.add_task(f"{document.name} (sentences)", total=None,
                                  visible=len(document.text) >= LONG_DOCUMENT)
        summaries.append(ingest_document(store, extractor, document, force=force,
                                         progress=partial(_advance, bars, sentences)))
        bars.remove_task(sentences)
    return summaries


def analyse_in_parallel(store: Store, documents: list[Document], bars: Progress, *, force: bool,
                        pool: NlpPool) -> list[IngestSummary]:
    """Analyse the new and changed documents in the worker processes of ``pool`` and write each one's graph here as
    its facts arrive, in the documents' order: the store sees what a serial ingest writes, from one writer."""
    changed = [d for d in documents if force or not is_unchanged(store, d)]
    prepared = pool.prepare_all(changed)
    install_vocabularies(store)  # while the workers start on the documents
    written = [write_prepared(store, graph) for graph in bars.track(prepared, total=len(changed),
                                                                      description="Analysing")]
    by_document = {id(d): summary for d, summary in zip(changed, written, strict=True)}
    return [by_document.get(id(d)) or unchanged(d) for d in documents]


def _advance(bars: Progress, task: TaskID, done: int, total: int) -> None:
    """Show ``done`` of ``total`` sentences analysed on the bar of ``task``."""
    bars.update(task, completed=done, total=total)
