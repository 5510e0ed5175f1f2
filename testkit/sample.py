"""What the tests build on: the sample corpus the project ships, and the write token of the apps they run."""

from api.cli.ingest import document_files
from testkit import ROOT

CORPUS = document_files([ROOT / "corpus"])  # the files ``veikart ingest corpus`` reads, in its order
TOKEN = "test-token"
