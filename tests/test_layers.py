"""The compiler's stages import downward only.

The layers, from the bottom:

- the foundation: every module directly under `generator/` that is not a
  door (below) — model, diagnostics, config, quotes, urls, colours, dates,
  yamlfile, localise, registry, messages... It imports no stage and no door.
- the stages, `generator/load/`, `generator/check/` and `generator/render/`:
  each imports the foundation and itself only. Load imports no other stage;
  check imports neither render nor load (it reads the model the loader
  built, not the loader); render imports neither check nor load.
- the doors, which run the stages: pipeline, plugin, build, cli, site,
  scaffold, decision_paths, audience, schema. They may import anything.

What two stages both need moves below them, so that a stage can be read,
tested and changed knowing only the model. Every import counts: relative or
absolute, at the top of a module or inside a function, `TYPE_CHECKING` or not.
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
STAGES = ("load", "check", "render")
DOORS = {"pipeline", "plugin", "build", "cli", "site", "scaffold", "decision_paths", "audience", "schema", "__main__"}


def _layer(module: str) -> str:
    """'load', 'check', 'render', 'door' or 'foundation' for a dotted module under generator."""
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else ""
    if top in STAGES:
        return top
    return "door" if top in DOORS else "foundation"


ALLOWED = {
    "foundation": {"foundation"},
    "load": {"foundation", "load"},
    "check": {"foundation", "check"},
    "render": {"foundation", "render"},
    "door": {"foundation", "load", "check", "render", "door"},
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(GENERATOR.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path):
    """(line, dotted module under generator) of every import of the package in a file."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # `from . import citations` names a submodule, not a name in a module.
            targets = [f"{target}.{alias.name}" for alias in node.names] if not node.module else [target]
        else:
            continue
        for target in targets:
            if target == "generator" or target.startswith("generator."):
                yield node.lineno, target


def _violations() -> list[str]:
    found = []
    for path in sorted(GENERATOR.rglob("*.py")):
        here = _layer(_module_name(path))
        for line, target in _imports(path):
            there = _layer(target)
            if there not in ALLOWED[here]:
                found.append(f"{path.relative_to(GENERATOR.parent)}:{line}: {here} imports {target} ({there})")
    return found


def test_stages_import_downward_only():
    assert _violations() == []


def test_the_test_sees_every_kind_of_import(tmp_path, monkeypatch):
    root = tmp_path / "generator"
    (root / "check").mkdir(parents=True)
    (root / "check" / "__init__.py").write_text("from . import nested\n", encoding="utf-8")
    (root / "check" / "nested.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "from ..model import Guide\n"
        "from .registry import check\n"
        "import generator.render.pages\n"
        "if TYPE_CHECKING:\n"
        "    from ..load.brand import load_brand\n"
        "def f():\n"
        "    from .. import urls, render\n", encoding="utf-8")
    (root / "model.py").write_text("def g():\n    from .pipeline import compile_guide\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "GENERATOR", root)
    assert _violations() == [
        "generator/check/nested.py:4: check imports generator.render.pages (render)",
        "generator/check/nested.py:6: check imports generator.load.brand (load)",
        "generator/check/nested.py:8: check imports generator.render (render)",
        "generator/model.py:2: foundation imports generator.pipeline (door)",
    ]
