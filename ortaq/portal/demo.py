"""Loading reference and demo data: each app contributes a `demo` module, run in INSTALLED_APPS order.

An app's `demo.py` may define `load_reference()` (facts every deployment needs, e.g. the regions) and
`load_demo(context)` (the seed press release's facts, cited through `ortaq.sources.demo.DemoContext`). Both
must be idempotent: running twice creates nothing twice.
"""

from __future__ import annotations

import importlib

from django.apps import apps

from ortaq.sources.demo import DemoContext, seed_document


def app_demo_modules() -> list:
    modules = []
    for config in apps.get_app_configs():
        if config.name in ("ortaq.core", "ortaq.portal"):
            continue
        try:
            modules.append(importlib.import_module(f"{config.name}.demo"))
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
    return modules


def load_all_reference() -> None:
    for module in app_demo_modules():
        if hasattr(module, "load_reference"):
            module.load_reference()


def load_all_demo() -> DemoContext:
    context = DemoContext(document=seed_document())
    for module in app_demo_modules():
        if hasattr(module, "load_demo"):
            module.load_demo(context)
    return context
