"""The kinds of background job the apps declare: `@job_kind("analytics", _("Пересчёт аналитики"))`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class JobKind:
    name: str
    title: str
    function: Callable
    startable: bool = False  # an administrator may start it from the jobs page (without parameters)
    coalesce: bool = False  # while one is queued, starting another returns the queued one


KINDS: dict[str, JobKind] = {}


def job_kind(name: str, title, *, startable: bool = False, coalesce: bool = False) -> Callable:
    """Declare a function `f(progress, **params)` as a kind of job."""

    def register(function: Callable) -> Callable:
        KINDS[name] = JobKind(name, title, function, startable, coalesce)
        return function

    return register


def get(name: str) -> JobKind:
    return KINDS[name]


def startable() -> list[JobKind]:
    return [kind for kind in KINDS.values() if kind.startable]
