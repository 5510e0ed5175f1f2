"""Errors of the ingest package.

    IngestError            anything that stops a document from being ingested
    ├── UnusableName       the file name has a control character
    ├── UnsupportedFormat  the file type is not one Veikart reads
    ├── UnreadableDocument the file is missing, binary, or its text cannot be decoded
    └── EmptyDocument      the file holds no text once read
"""


class IngestError(Exception):
    """A document could not be ingested."""


class UnusableName(IngestError):
    """The file name has a control character (or one percent-encoded, as clients send it in a form)."""


class UnsupportedFormat(IngestError):
    """The file type is not one Veikart reads."""


class UnreadableDocument(IngestError):
    """The file is missing, binary, or its text cannot be decoded."""


class EmptyDocument(IngestError):
    """The file holds no text once read."""
