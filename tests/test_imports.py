"""The import graph: no two packages (or top-level modules) of dragoman import each other, directly
or through others, and the shared types import nothing of dragoman's."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "dragoman"


def _module(path: Path) -> list[str]:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imports(path: Path) -> set[str]:
    """Every dragoman module ``path`` imports, at the top or inside a function."""
    here = _module(path)
    package = here if path.name == "__init__.py" else here[:-1]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                mod = [*base, *(node.module.split(".") if node.module else [])]
                names = [".".join([*mod, a.name]) for a in node.names] if node.module is None else [".".join(mod)]
            else:
                names = [node.module or ""]
            out.update(n for n in names if n.startswith("dragoman"))
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("dragoman"))
    return out


def _unit(module: str) -> str | None:
    """The package or top-level module a module belongs to (None: the package itself, whose
    __init__ is the public facade, and its __version__)."""
    parts = module.split(".")
    if len(parts) < 2 or parts[1] == "__version__":
        return None
    return parts[1]


def unit_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in PKG.rglob("*.py"):
        src = _unit(".".join(_module(path)))
        if src is None:
            continue
        deps = graph.setdefault(src, set())
        for target in _imports(path):
            dst = _unit(target)
            if dst is not None and dst != src:
                deps.add(dst)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one unit (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycle_among_packages_and_modules() -> None:
    graph = unit_graph()
    assert {"events", "document", "records", "actors", "mentions"} <= set(graph)
    assert _cycles(graph) == []


def test_layers() -> None:
    graph = unit_graph()
    assert graph["mentions"] == set()  # the shared types import nothing of ours
    assert "events" in graph["records"] or "document" in graph["records"]  # whole-record work sits above
    assert "records" not in graph["events"] and "records" not in graph["document"]
    assert "events" not in graph["document"]  # the helpers the events component calls sit below it


def test_the_checker_sees_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
