"""Ingest stage: a raw document (bytes or text, any supported format) becomes an Article."""
from .pipeline import IngestError, parse_document

__all__ = ["IngestError", "parse_document"]
