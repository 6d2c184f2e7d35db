"""Hooks through which domain apps add to shared pages and commands without editing them.

- `<app>.panels.region_panels(region) -> list[Panel]`: sections on a region's page.
- `<app>.panels.detail_context(record) -> dict`: what an app adds to the context of a record's page (its
  sources, the agreements of a program, the latest events of a region, …), empty for kinds it does not know:
  a page in a lower app shows records of a higher one without importing it.
- `<app>.synthetic`: `add_arguments(parser)` and `generate(options, stdout)` for `ortaq generate`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import ModuleType

from django.apps import apps


@dataclass
class Panel:
    """A section of a shared page: a template and its context, in `order`."""

    template: str
    context: dict = field(default_factory=dict)
    order: int = 50


def app_modules(module_name: str) -> list[ModuleType]:
    """`<app>.<module_name>` for every installed Ortaq app that has one, in INSTALLED_APPS order."""
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("ortaq."):
            continue
        try:
            modules.append(importlib.import_module(f"{config.name}.{module_name}"))
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.{module_name}":
                raise
    return modules


def region_panels(region) -> list[Panel]:
    panels = [panel for module in app_modules("panels") if hasattr(module, "region_panels")
              for panel in module.region_panels(region)]
    return sorted(panels, key=lambda panel: panel.order)


def detail_context(record) -> dict:
    context: dict = {}
    for module in app_modules("panels"):
        if hasattr(module, "detail_context"):
            context.update(module.detail_context(record))
    return context
