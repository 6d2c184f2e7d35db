"""Ortaq's press-release extraction pipeline (pure Python, no Django).

Layer: domain (ortaq/layers.py), a library rather than an app: it imports only the regions' reference data
(`regions.reference`, plain Python) and the reader, above it, runs it.

    from ortaq.extraction import Pipeline
    doc = Pipeline().extract(text, "doc-1")   # SCHEMA.md object
"""

from .batch import extract_paths
from .gazetteer import Gazetteer, KnownOrganization, KnownPerson, KnownRegion
from .io import MAX_TEXT_CHARS, ExtractionInputError, check_text, decode_bytes, strip_html
from .pipeline import EntityMention, Pipeline

__all__ = ["Pipeline", "Gazetteer", "KnownOrganization", "KnownPerson", "KnownRegion", "ExtractionInputError",
           "decode_bytes", "strip_html", "check_text", "extract_paths", "EntityMention", "MAX_TEXT_CHARS"]
