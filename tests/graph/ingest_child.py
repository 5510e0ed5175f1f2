"""Ingest the documents of a folder into an embedded store, as ``veikart ingest`` does, and print each
document's name once its write is done: a test can then kill the process at a known point of the ingest.

    python tests/graph/ingest_child.py FOLDER STORE
"""

import sys
from pathlib import Path

from api.cli.ingest import document_files
from api.ingestion import ingest_document, install_vocabularies
from graph.embedded import EmbeddedStore
from ingest import Extractor, read


def main(folder: str, store_path: str) -> None:
    documents = [read(f) for f in document_files([Path(folder)])]
    store = EmbeddedStore(store_path)
    install_vocabularies(store)
    extractor = Extractor()
    for document in documents:
        ingest_document(store, extractor, document)
        print(document.name, flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
