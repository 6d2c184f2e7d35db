"""The layers of ortaq/layers.py hold: no import runs up a layer (or up the order of the apps within one), none
closes a circle between apps or between the modules of one app.

Every module under ortaq/ except tests and migrations is parsed; its imports of `ortaq.*` count wherever they
stand (at the top, inside a function, under `if TYPE_CHECKING`), so an import moved into a function to dodge a
circle is caught like any other: with these tests passing, every import could stand at the top of its module.
There is no list of exceptions.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from ortaq.layers import LAYER_OF, LAYERS, RANK

ROOT = Path(__file__).resolve().parents[2]  # the ortaq package


@dataclass(frozen=True)
class Edge:
    source: str  # importing module
    target: str  # imported module (or package)
    where: str  # file:line

    @property
    def source_app(self) -> str:
        return app_of(self.source)

    @property
    def target_app(self) -> str:
        return app_of(self.target)


def app_of(module: str) -> str:
    """`ortaq.<app>.…` → app; the project's own top-level modules (`ortaq.urls`, `ortaq.settings`) → "ortaq"."""
    parts = module.split(".")
    if len(parts) >= 2 and (ROOT / parts[1]).is_dir():
        return parts[1]
    return "ortaq"


def source_files() -> dict[str, Path]:
    modules = {}
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT.parent)
        if {"tests", "migrations"} & set(relative.parts) or path.name.startswith("test_") or path.name == "conftest.py":
            continue
        name = ".".join(relative.with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path
    return modules


def _resolve(name: str, modules: dict[str, Path]) -> str:
    """The module an imported name lives in: itself if it is a module, else its longest module prefix."""
    while name and name not in modules and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def import_edges() -> list[Edge]:
    modules = source_files()
    edges = []
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    origin = ".".join(base + ([node.module] if node.module else []))
                else:
                    origin = node.module or ""
                targets = [f"{origin}.{alias.name}" for alias in node.names]
            else:
                continue
            where = f"{path.relative_to(ROOT.parent)}:{node.lineno}"
            for target in targets:
                # `ortaq` itself (its __init__: the version) is imported before any `ortaq.*` module anyway.
                if target.startswith("ortaq."):
                    resolved = _resolve(target, modules)
                    if resolved != module:
                        edges.append(Edge(module, resolved, where))
    return list(dict.fromkeys(edges))


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan), each a circle of imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph.get(node, ())):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def upward_imports(edges: list[Edge]) -> list[str]:
    """Imports of an app in a higher layer, or listed after the importer in its own layer."""
    return [f"{edge.where}: {edge.source_app} ({LAYERS[LAYER_OF[edge.source_app]][0]}) → "
            f"{edge.target_app} ({LAYERS[LAYER_OF[edge.target_app]][0]}), {edge.target}"
            for edge in edges if RANK[edge.target_app] > RANK[edge.source_app]]


def app_cycles(edges: list[Edge]) -> list[str]:
    graph: dict[str, set[str]] = {}
    for edge in edges:
        if edge.source_app != edge.target_app and LAYER_OF[edge.source_app] == LAYER_OF[edge.target_app]:
            graph.setdefault(edge.source_app, set()).add(edge.target_app)
    return [" ↔ ".join(component) + ": " + "; ".join(
        f"{edge.where} {edge.source_app} → {edge.target_app}" for edge in edges
        if edge.source_app in component and edge.target_app in component and edge.source_app != edge.target_app)
        for component in _cycles(graph)]


def module_cycles(edges: list[Edge]) -> list[str]:
    graph: dict[str, set[str]] = {}
    for edge in edges:
        if edge.source_app == edge.target_app:
            graph.setdefault(edge.source, set()).add(edge.target)
    return [" ↔ ".join(component) + ": " + "; ".join(
        f"{edge.where} → {edge.target}" for edge in edges if edge.source in component and edge.target in component)
        for component in _cycles(graph)]


def test_every_app_has_a_layer():
    apps = {app_of(module) for module in source_files()}
    assert sorted(apps - set(LAYER_OF)) == []


def test_no_import_runs_up_a_layer():
    assert upward_imports(import_edges()) == []


def test_no_circle_between_apps_of_a_layer():
    assert app_cycles(import_edges()) == []


def test_no_circle_between_modules_of_an_app():
    assert module_cycles(import_edges()) == []


def test_readme_shows_the_same_layers():
    """README's "How the code is laid out" table lists each layer's apps as ortaq/layers.py does."""
    readme = (ROOT.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How the code is laid out", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] in {name for name, _apps, _holds in LAYERS}:
            rows[cells[0]] = [name.strip("`/") for name in cells[1].split("`")[1::2]]
    for name, apps, _holds in LAYERS:
        listed = [app.removesuffix(".py") for app in rows.get(name, [])]
        assert [app for app in listed if app in LAYER_OF] == [app for app in apps if app != "ortaq"], name
