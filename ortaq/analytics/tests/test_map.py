"""The map: region boundaries from ../shared when no file is configured (credited), centres otherwise, and
labels of close centres placed apart."""

import json
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from ortaq.analytics import geo
from ortaq.regions.models import Region


@pytest.fixture
def no_configured_file(settings):
    settings.ORTAQ_REGIONS_GEOJSON = ""
    geo._load.cache_clear()
    yield
    geo._load.cache_clear()


def _map_traces(response) -> list[dict]:
    chart = response.context["charts"]["map"]
    return chart["data"] if isinstance(chart, dict) else json.loads(chart)["data"]


@pytest.mark.django_db
def test_the_home_map_draws_the_shared_boundaries_with_their_credit(demo, client, shared_dir, no_configured_file):
    if not geo.SHARED_DIR.is_dir():
        pytest.skip(f"{geo.SHARED_DIR} not present: the boundary file is read from ../shared/data")
    assert Path(geo.boundary_file()).parent == geo.SHARED_DIR
    shapes = geo.boundaries()
    missing = [r.name_ru for r in Region.objects.of_kazakhstan() if geo.key(r.name_ru) not in shapes]
    assert missing == []  # every region of Kazakhstan has its boundary
    response = client.get("/")
    filled = [trace for trace in _map_traces(response) if trace.get("fill") == "toself"]
    assert len(filled) >= 20
    assert "OpenStreetMap contributors, ODbL 1.0" in response.content.decode()


@pytest.mark.django_db
def test_without_a_boundary_file_the_map_shows_centres(demo, client, no_configured_file, monkeypatch, tmp_path):
    monkeypatch.setattr(geo, "SHARED_DIR", tmp_path / "absent")
    assert geo.boundary_file() == "" and geo.boundaries() == {}
    response = client.get("/")
    traces = _map_traces(response)
    assert not [trace for trace in traces if trace.get("fill") == "toself"]
    assert any(trace.get("name") == "regions" for trace in traces)
    assert "OpenStreetMap" not in response.content.decode()


@pytest.mark.django_db
def test_labels_of_close_centres_are_placed_apart(demo, client):
    regions = next(trace for trace in _map_traces(client.get("/")) if trace.get("name") == "regions")
    where = dict(zip(regions["text"], regions["textposition"]))
    semey, oskemen = where["Семей"].split(), where["Усть-Каменогорск"].split()
    assert (semey[1], oskemen[1]) == ("left", "right")  # side by side: west label left, east label right
    konaev, almaty = where["Конаев"].split(), where["Алматы"].split()
    assert (konaev[0], almaty[0]) == ("top", "bottom")  # one above the other
    assert geo.label_positions([(0, 0), (10, 10)]) == ["top center", "top center"]


def test_no_boundary_file_is_committed():
    tracked = subprocess.run(["git", "ls-files", "*.geojson", "*.json.gz"], cwd=settings.BASE_DIR,
                             capture_output=True, text=True).stdout
    assert tracked == ""
