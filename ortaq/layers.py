"""How Ortaq's code is layered: each app may import only the apps of the layers below its own, and the apps of
its own layer listed before it (so no two apps ever import each other, even through others).

`ortaq/core/tests/test_layers.py` reads every module's imports and fails on one that runs up a layer or closes
a circle (between apps, or between the modules of one app); README's "How the code is laid out" shows this table.
"""

from __future__ import annotations

# (layer name, apps in it, what the layer holds), ground floor first. "ortaq" stands for the project's own
# top-level modules (settings, urls, api_urls, wsgi, env, __main__).
LAYERS: list[tuple[str, tuple[str, ...], str]] = [
    ("core", ("core", "jobs", "formats"),
     "base model, permissions, generic views and API, history, search index, formatting, plugin hooks, "
     "background jobs — no domain model named"),
    ("domain", ("sources", "regions", "directory", "events", "agreements", "projects", "foodbelt", "accounts",
                "extraction"),
     "the registry's records, each app with its pages, API and demo data; the records-touching-a-region "
     "interface (regions.touching); users' profiles (scoped to regions and organizations); text extraction"),
    ("cross-domain", ("analytics", "reader", "webhooks"),
     "apps that read across the domains: rollups and the touch index, the document reader, webhooks"),
    ("site", ("portal", "ortaq"),
     "home page, global search page, demo loading, URL routing, settings"),
]

LAYER_OF: dict[str, int] = {app: number for number, (_name, members, _holds) in enumerate(LAYERS) for app in members}
# (layer, place in the layer): an app may import only apps of a lower rank.
RANK: dict[str, tuple[int, int]] = {app: (number, place) for number, (_name, members, _holds) in enumerate(LAYERS)
                                    for place, app in enumerate(members)}
