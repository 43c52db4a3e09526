"""The shape of the code, enforced: the import graph of ``src/bogo``.

Walks every module's imports (top-level and inside functions) and fails on an
import cycle, on ``checks`` reaching into ``readers``, on ``render`` importing
anything of bogo but the contract model and the table view, on a private name
(or private module) imported across packages, and on a front-end library
(typer, rich, fastapi) imported by the library itself.  Only ``bogo.web`` (and the
CLI) may import fastapi; nothing of the library imports ``bogo.web``, and
``bogo.render`` — shared by the CLI and the web — never imports the web
framework.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
FRONT_LIBS = {"typer", "rich", "fastapi", "uvicorn", "starlette"}


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def _resolve(mod: str, is_pkg: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = mod.split(".") if is_pkg else mod.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _runtime_nodes(tree: ast.AST):
    """Every node but those under ``if TYPE_CHECKING:`` (imports for annotations only)."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                todo.extend(child.orelse)
                continue
            todo.append(child)


def _imports() -> dict[str, list[tuple[str, str | None]]]:
    """module → [(imported module, imported name or None)]."""
    out: dict[str, list[tuple[str, str | None]]] = {}
    modules = {_module_name(p) for p in SRC.rglob("*.py")}
    for path in SRC.rglob("*.py"):
        mod = _module_name(path)
        edges: list[tuple[str, str | None]] = []
        for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                edges.extend((a.name, None) for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                target = _resolve(mod, _is_package(path), node)
                for a in node.names:
                    sub = f"{target}.{a.name}"
                    edges.append((sub, None) if sub in modules else (target, a.name))
        out[mod] = edges
    return out


GRAPH = _imports()
OURS = set(GRAPH)


def _package(mod: str) -> str:
    """The top-level part of bogo a module belongs to ("bogo.checks", "bogo.api")."""
    parts = mod.split(".")
    return ".".join(parts[:2])


def test_graph_is_read():
    assert "bogo.tables.view" in GRAPH and "bogo.checks.runner" in GRAPH
    assert any(t == "bogo.tables" or t.startswith("bogo.tables.") for t, _ in GRAPH["bogo.checks.context"])


def test_no_import_cycle():
    deps = {m: {t for t, _ in GRAPH[m] if t in OURS and t != m} for m in GRAPH}
    # a package's __init__ re-exporting its modules is not a cycle through them
    for m in deps:
        deps[m] = {t for t in deps[m] if not (m.startswith(t + ".") and t + ".__init__" not in OURS)}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for t in sorted(deps[m]):
            if state.get(t) == 1:
                return stack[stack.index(t):] + [t]
            if t not in state:
                found = visit(t)
                if found:
                    return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(deps):
        if m not in state:
            cycle = visit(m)
            assert cycle is None, "import cycle: " + " → ".join(cycle)


def test_checks_never_import_readers():
    bad = [(m, t) for m, edges in GRAPH.items() if m.startswith("bogo.checks")
           for t, _ in edges if t == "bogo.readers" or t.startswith("bogo.readers.")]
    assert not bad, bad


def test_render_imports_only_the_model_and_the_table_view():
    allowed = ("bogo.model", "bogo.tables", "bogo.render")
    bad = [(m, t) for m, edges in GRAPH.items() if m.startswith("bogo.render")
           for t, _ in edges if t.startswith("bogo") and not t.startswith(allowed)]
    assert not bad, bad


def test_no_private_name_across_packages():
    bad = []
    for m, edges in GRAPH.items():
        for t, name in edges:
            if not t.startswith("bogo") or _package(t) == _package(m):
                continue
            private_module = any(p.startswith("_") and p != "__init__" for p in t.split("."))
            if private_module or (name and name.startswith("_") and not name.startswith("__")):
                bad.append((m, t, name))
    assert not bad, bad


@pytest.mark.parametrize("lib", sorted(FRONT_LIBS))
def test_library_never_imports_front_end_libraries(lib):
    def front(m: str) -> bool:
        return m == "bogo.cli" or m.startswith(("bogo.cli_", "bogo.cli.", "bogo.web", "bogo.render"))

    bad = [m for m, edges in GRAPH.items() if not front(m)
           for t, _ in edges if t.split(".")[0] == lib]
    assert not bad, bad


def test_nothing_but_the_cli_imports_the_web_package():
    bad = [(m, t) for m, edges in GRAPH.items() if not (m == "bogo.cli" or m.startswith(("bogo.cli_", "bogo.web")))
           for t, _ in edges if t == "bogo.web" or t.startswith("bogo.web.")]
    assert not bad, bad


@pytest.mark.parametrize("lib", ["fastapi", "starlette", "uvicorn"])
def test_web_framework_only_in_the_web_package(lib):
    bad = [m for m, edges in GRAPH.items() if not m.startswith(("bogo.web", "bogo.cli_web"))
           for t, _ in edges if t.split(".")[0] == lib]
    assert not bad, bad
