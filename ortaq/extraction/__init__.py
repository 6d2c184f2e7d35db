"""Ortaq's press-release extraction pipeline (pure Python, no Django).

    from ortaq.extraction import Pipeline
    doc = Pipeline().extract(text, "doc-1")   # SCHEMA.md object
"""

from .gazetteer import Gazetteer, KnownOrganization, KnownPerson, KnownRegion
from .io import MAX_TEXT_CHARS, ExtractionInputError, check_text, decode_bytes, extract_paths, strip_html
from .pipeline import EntityMention, Pipeline

__all__ = ["Pipeline", "Gazetteer", "KnownOrganization", "KnownPerson", "KnownRegion", "ExtractionInputError",
           "decode_bytes", "strip_html", "check_text", "extract_paths", "EntityMention", "MAX_TEXT_CHARS"]
