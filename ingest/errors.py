"""Errors of the ingest package.

    IngestError            anything that stops a document from being ingested
    ├── UnsupportedFormat  the file type is not one Veikart reads
    ├── UnreadableDocument the file is missing, binary, or its text cannot be decoded
    └── EmptyDocument      the file holds no text once read
"""


class IngestError(Exception):
    """A document could not be ingested."""


class UnsupportedFormat(IngestError):
    """The file type is not one Veikart reads."""


class UnreadableDocument(IngestError):
    """The file is missing, binary, or its text cannot be decoded."""


class EmptyDocument(IngestError):
    """The file holds no text once read."""
