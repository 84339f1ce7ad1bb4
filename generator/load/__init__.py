"""Stage 1: read rules and sources from disk into the model."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import NamedTuple

from .brand import load_brand
from .options import check_options
from ..config import GuideConfig
from ..diagnostics import Diagnostic
from ..model import Brand, Mark, Source, Tree
from .rules import load_tree
from .sources import load_source


def _files(config: GuideConfig, folder: str, patterns: tuple[str, ...]) -> list[Path]:
    base = config.root / folder
    return sorted(p for pattern in patterns for p in base.glob(pattern) if p.is_file())


class Loaded(NamedTuple):
    """What stage 1 read, and every problem met reading it."""

    trees: list[Tree]
    sources: list[Source]
    brand: Brand
    diagnostics: list[Diagnostic]
    unloaded: tuple[str, ...]
    """Tree ids (file names without .yml) of rules files too broken to give a
    tree: `Guide.unloaded`."""


def load_all(config: GuideConfig) -> Loaded:
    """Every tree and source, the brand, and every problem met reading them."""
    diagnostics: list[Diagnostic] = []
    brand = Brand()
    if config.mkdocs_file:
        path = config.root / config.mkdocs_file
        diagnostics = check_options(path, config.display(path))
        brand, problems = load_brand(path, config.root / config.docs_dir, config.display(path),
                                     config.rules_language, config.editions)
        diagnostics += problems
    trees, sources, unloaded = [], [], []
    for path in _files(config, config.sources_dir, ("*.txt",)):
        source, problems = load_source(config.display(path), path.read_bytes(), config.rules_language)
        diagnostics += problems
        if source is not None:
            # Diagnostics name files as the working folder sees them; the
            # export names them as the repository does.
            sources.append(dataclasses.replace(source, file=path.relative_to(config.root).as_posix()))
    rules_files = _files(config, config.rules_dir, ("*.yml", "*.yaml"))
    for path in rules_files:
        tree, problems = load_tree(config.display(path), path.read_bytes(), config.rules_language)
        diagnostics += problems
        if tree is not None:
            trees.append(dataclasses.replace(tree, file=path.relative_to(config.root).as_posix()))
        else:
            unloaded.append(path.stem)
    if not rules_files:
        diagnostics.append(Diagnostic(Mark(config.display(config.root / config.rules_dir), 1, 1), "no-rules",
                                      f"no rules file (*.yml) in {config.rules_dir}/",
                                      "create one with a tree, or set the plugin's rules_dir"))
    trees.sort(key=lambda t: t.id)
    sources.sort(key=lambda s: s.id)
    return Loaded(trees, sources, brand, diagnostics, tuple(sorted(unloaded)))
