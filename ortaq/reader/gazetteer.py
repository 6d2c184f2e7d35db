"""The registry as the pipeline's gazetteer, and one Pipeline per process built from it."""

from __future__ import annotations

import threading

from ortaq.extraction import Gazetteer, KnownOrganization, KnownPerson, KnownRegion, Pipeline

_lock = threading.Lock()
_cached: dict[str, object] = {}
# Rebuild the cached pipeline once the registry has grown by this many organizations, people or regions.
REBUILD_AFTER = 50


def registry_gazetteer() -> Gazetteer:
    """Organizations (with aliases, region codes), people with current posts, regions and settlements."""
    from ortaq.directory.models import Organization, Position
    from ortaq.regions.models import Region, Settlement

    organizations = [
        KnownOrganization(name=name, aliases=tuple(a for a in (aliases or []) if a), region=code)
        for name, aliases, code in Organization.objects.values_list("name", "aliases", "region__code")
    ]
    persons = []
    seen: set[int] = set()
    for position in Position.objects.current().select_related("person", "region", "organization").order_by(
        "person_id", "-start_date"
    ):
        if position.person_id in seen:
            continue
        seen.add(position.person_id)
        person = position.person
        persons.append(KnownPerson(
            name=f"{person.first_name} {person.last_name}".strip(), title=position.title.lower() or None,
            region=position.region.code if position.region else None,
            organization=position.organization.name if position.organization and not position.region else None,
        ))
    regions = [
        KnownRegion(code=code, name=name, aliases=tuple(n for n in (historic or []) if n))
        for code, name, historic in Region.objects.values_list("code", "name_ru", "historic_names")
        if historic or not code.startswith("KZ-")
    ]
    regions += [KnownRegion(code=code, name=name) for name, code in
                Settlement.objects.values_list("name_ru", "region__code")]
    return Gazetteer(organizations=organizations, persons=persons, regions=regions)


def registry_size() -> int:
    """How many names the registry knows; the cached pipeline is rebuilt when this grows a lot."""
    from ortaq.directory.models import Organization, Person
    from ortaq.regions.models import Region

    return Organization.objects.count() + Person.objects.count() + Region.objects.count()


def registry_pipeline() -> Pipeline:
    """The process's pipeline with the registry as gazetteer (models are loaded once per process)."""
    size = registry_size()
    with _lock:
        pipeline = _cached.get("pipeline")
        if pipeline is None or abs(size - _cached["size"]) >= REBUILD_AFTER:
            pipeline = Pipeline(gazetteer=registry_gazetteer())
            _cached.update(pipeline=pipeline, size=size)
        return pipeline


def plain_pipeline() -> Pipeline:
    """The process's pipeline without the registry (for `ortaq extract`, which needs no database)."""
    with _lock:
        pipeline = _cached.get("plain")
        if pipeline is None:
            pipeline = _cached["plain"] = Pipeline()
        return pipeline


def reset_pipeline() -> None:
    """Forget the cached pipeline (tests, or after a large import)."""
    with _lock:
        _cached.pop("pipeline", None)
        _cached.pop("size", None)
