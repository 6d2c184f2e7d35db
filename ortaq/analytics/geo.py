"""Region boundaries from a GeoJSON file a deployment points to (ORTAQ_REGIONS_GEOJSON); never committed.

The shared OpenStreetMap file is © OpenStreetMap contributors, ODbL 1.0: the map credits it when drawn.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings

MAX_POINTS_PER_RING = 160
CREDIT = "© OpenStreetMap contributors, ODbL 1.0"


def key(name: str) -> str:
    """A region's name reduced for matching the file's names ("г.Астана" ↔ "Астана")."""
    return re.sub(r"^г\.\s*", "", name.strip().lower()).replace("ё", "е")


def boundaries() -> dict[str, list[list[tuple[float, float]]]]:
    """{name key: rings of (lon, lat)} simplified for drawing; empty when no file is configured."""
    return _load(getattr(settings, "ORTAQ_REGIONS_GEOJSON", "") or "")


@lru_cache(maxsize=4)
def _load(path: str) -> dict[str, list[list[tuple[float, float]]]]:
    if not path or not Path(path).is_file():
        return {}
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    shapes: dict[str, list] = {}
    for feature in data.get("features", []):
        properties = feature.get("properties") or {}
        name = properties.get("name_ru") or properties.get("name") or ""
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates", [])
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        rings = [_thin(polygon[0]) for polygon in polygons if polygon]
        shapes.setdefault(key(name), []).extend(rings)
    return shapes


def _thin(ring: list) -> list[tuple[float, float]]:
    step = max(1, len(ring) // MAX_POINTS_PER_RING)
    points = [(point[0], point[1]) for point in ring[::step]]
    return [*points, points[0]] if points else points
