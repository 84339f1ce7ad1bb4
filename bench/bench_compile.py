"""Time `guide check` and a full build on synthetic guides of growing size.

Prints, for 100, 1,000 and 10,000 nodes: PyYAML's C loader alone on the same
files (the floor), our load + check, and a full MkDocs build. Run with
`make bench` (or `python bench/bench_compile.py 100 1000`).
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from generator.config import GuideConfig  # noqa: E402
from generator.pipeline import check_guide, compile_guide  # noqa: E402

SOURCE = """---
id: synthetic
title: Synthetic source
author: null
language: fr
url: null
published: null
---

""" + "\n\n".join(f"Phrase numéro {i} : les médias sociaux coûtent du temps et de l'argent." for i in range(200))

TREE_SIZE = 500  # nodes per tree: many trees, as a real guide would grow


def write_guide(folder: Path, nodes: int) -> None:
    (folder / "rules").mkdir(parents=True)
    (folder / "content" / "sources").mkdir(parents=True)
    (folder / "content" / "sources" / "synthetic.txt").write_text(SOURCE, encoding="utf-8")
    (folder / "content" / "index.md").write_text("# Bench\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: Bench\ndocs_dir: content\ntheme:\n  name: material\n  font: false\n"
        "plugins:\n  - decision-guide\n", encoding="utf-8")
    for t in range(max(1, nodes // TREE_SIZE)):
        size = min(TREE_SIZE, nodes)
        questions = size // 2
        lines = [f"id: tree-{t}", f"title: Tree {t}", "profile: product-shop", "start: q0", "nodes:"]
        for i in range(questions):
            cite = (f'    citations:\n      - source: synthetic\n        quote: "Phrase numéro {i % 200} : les '
                    f'médias sociaux coûtent du temps"\n        translation: "Sentence {i}"\n')
            left = f"q{2 * i + 1}" if 2 * i + 1 < questions else f"o{i}"
            right = f"q{2 * i + 2}" if 2 * i + 2 < questions else f"p{i}"
            lines.append(f"  q{i}:\n    question: Question {i}?\n    reasoning: Because {i}.\n{cite}"
                         f"    answers:\n      - label: Left {i}\n        next: {left}\n        reasoning: L.\n"
                         f"      - label: Right {i}\n        next: {right}\n        reasoning: R.")
        for i in range(questions):
            for prefix in ("o", "p"):
                if (prefix == "o" and 2 * i + 1 >= questions) or (prefix == "p" and 2 * i + 2 >= questions):
                    lines.append(f"  {prefix}{i}:\n    verdict: Verdict {prefix}{i}\n    reasoning: Because.\n"
                                 f"    citations:\n      - source: synthetic\n        quote: \"Phrase numéro 1 : "
                                 f"les médias sociaux\"\n        translation: \"Sentence\"")
        (folder / "rules" / f"tree-{t}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def best_of(runs: int, function) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main(sizes: list[int]) -> None:
    print(f"{'nodes':>7} {'files':>5} {'C loader':>9} {'check':>8} {'ratio':>6} {'render':>8} {'build':>8}")
    for nodes in sizes:
        folder = Path(tempfile.mkdtemp(prefix="bench-"))
        try:
            write_guide(folder, nodes)
            files = sorted((folder / "rules").glob("*.yml"))
            texts = [f.read_bytes() for f in files]
            counted = 0
            config = GuideConfig(root=folder, language="en")
            guide, diagnostics = check_guide(config)
            counted = sum(len(t.nodes) for t in guide.trees)
            assert not [d for d in diagnostics if d.severity == "error"], diagnostics[:3]
            loader = best_of(3, lambda: [yaml.load(t, Loader=yaml.CSafeLoader) for t in texts])
            check = best_of(3, lambda: check_guide(config))
            render = best_of(1, lambda: compile_guide(config))
            from mkdocs.commands.build import build
            from mkdocs.config import load_config

            def full_build():
                build(load_config(str(folder / "mkdocs.yml"), site_dir=str(folder / "site")))

            built = best_of(1, full_build)
            print(f"{counted:>7} {len(files):>5} {loader:>8.3f}s {check:>7.3f}s {check / loader:>5.2f}x "
                  f"{render:>7.3f}s {built:>7.2f}s")
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1_000, 10_000])
