"""Region boundaries from a GeoJSON file, never committed: the one ORTAQ_REGIONS_GEOJSON points to, else the
first `*.geojson` in ../shared/data/kz_regions_geo/ beside the checkout (read like the seed from ../shared).

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


SHARED_DIR = Path(settings.BASE_DIR).parent / "shared" / "data" / "kz_regions_geo"


def boundary_file() -> str:
    """The configured boundary file, else the shared one when ../shared is there; "" for none."""
    configured = getattr(settings, "ORTAQ_REGIONS_GEOJSON", "") or ""
    if configured:
        return configured
    shared = sorted(SHARED_DIR.glob("*.geojson")) if SHARED_DIR.is_dir() else []
    return str(shared[0]) if shared else ""


def boundaries() -> dict[str, list[list[tuple[float, float]]]]:
    """{name key: rings of (lon, lat)} simplified for drawing; empty when there is no file."""
    return _load(boundary_file())


def label_positions(points: list[tuple[float, float]], near: float = 3.0, y_scale: float = 1.5) -> list[str]:
    """Plotly text positions for labels at these (lon, lat) points so that close neighbours' labels do not
    overlap: side by side, the western label goes left and the eastern right; one above the other, the
    northern label goes on top and the southern below (Семей/Усть-Каменогорск, Конаев/Алматы)."""
    vertical: list[str | None] = [None] * len(points)
    horizontal: list[str | None] = [None] * len(points)
    close = []
    for first, (x1, y1) in enumerate(points):
        for second in range(first + 1, len(points)):
            dx, dy = points[second][0] - x1, (points[second][1] - y1) * y_scale
            if (dx * dx + dy * dy) ** 0.5 < near:
                close.append(((dx * dx + dy * dy) ** 0.5, first, second, dx, dy))
    for _, first, second, dx, dy in sorted(close):  # the closest pairs choose first
        side, sides = (horizontal, ("left", "right")) if abs(dx) >= abs(dy) else (vertical, ("bottom", "top"))
        if (dx if side is horizontal else dy) < 0:
            sides = sides[::-1]
        side[first] = side[first] or sides[0]
        side[second] = side[second] or sides[1]
    return [f"{v or ('middle' if h else 'top')} {h or 'center'}" for v, h in zip(vertical, horizontal)]


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
