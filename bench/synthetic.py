"""Synthetic guides for the benchmarks: valid rules of any size, and a bare twin site.

Two shapes of tree:

- `heap`: a balanced binary tree (question i leads to 2i+1 and 2i+2), the
  shape `bench_compile.py` always used; a guide of N nodes is N/500 such
  trees, "many trees, as a real guide would grow".
- `spine`: one tree with a spine of `spine` questions (answer "Left" goes on
  down the spine) and a balanced subtree under each spine question's
  "Right" answer. It gives a path of `spine` clicks through a single tree of
  any size, which the browser benchmark needs (a balanced tree of 10,000
  nodes is only 13 questions deep).

Every question has a reasoning, a cited quote with its translation and two
answers with their own reasoning; every outcome a verdict, a reasoning and a
citation. Texts differ from node to node so no cache makes them free.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

SOURCE = """---
id: synthetic
title: Synthetic source
author: null
language: fr
url: null
published: null
---

""" + "\n\n".join(f"Phrase numéro {i} : les médias sociaux coûtent du temps et de l'argent." for i in range(200))

TREE_SIZE = 500
"""Nodes per tree in the `heap` shape."""

# The project's own theme settings (mkdocs.yml), for the synthetic guide and its bare twin alike.
MKDOCS_COMMON = """\
site_name: Bench
docs_dir: content
theme:
  name: material
  language: en
  font: false
  features:
    - navigation.instant
    - navigation.footer
    - content.code.copy
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: indigo
      accent: deep orange
      toggle:
        icon: material/brightness-4
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: indigo
      accent: deep orange
      toggle:
        icon: material/brightness-7
        name: Switch to light mode
markdown_extensions:
  - admonition
  - attr_list
  - toc:
      permalink: true
extra:
  generator: false
"""


def heap_shape(questions: int) -> dict[int, list[Optional[int]]]:
    """Question i -> its two children (question numbers, None for an outcome)."""
    return {i: [c if c < questions else None for c in (2 * i + 1, 2 * i + 2)] for i in range(questions)}


def spine_shape(questions: int, spine: int) -> dict[int, list[Optional[int]]]:
    """A spine 0..spine-1, each with a balanced subtree under its second answer."""
    spine = max(1, min(spine, questions))
    children: dict[int, list[Optional[int]]] = {}
    rest = questions - spine
    per, extra = divmod(rest, spine)
    next_id = spine
    for i in range(spine):
        size = per + (1 if i < extra else 0)
        ids = list(range(next_id, next_id + size))
        next_id += size
        for k, nid in enumerate(ids):
            children[nid] = [ids[c] if c < size else None for c in (2 * k + 1, 2 * k + 2)]
        children[i] = [i + 1 if i + 1 < spine else None, ids[0] if ids else None]
    return children


def _citation(n: int, indent: str) -> str:
    return (f"{indent}citations:\n{indent}  - source: synthetic\n"
            f"{indent}    quote: \"Phrase numéro {n % 200} : les médias sociaux coûtent du temps\"\n"
            f"{indent}    translation: \"Sentence {n}: social media cost time\"\n")


def tree_yaml(tree_id: str, shape: dict[int, list[Optional[int]]]) -> str:
    """A rules file for this shape: questions q<i>, outcomes o<j>."""
    lines = [f"id: {tree_id}", f"title: Tree {tree_id}", "profile: product-shop", "start: q0", "nodes:"]
    outcomes = 0
    leaves = []
    for i in sorted(shape):
        targets = []
        for child in shape[i]:
            if child is None:
                targets.append(f"o{outcomes}")
                leaves.append(outcomes)
                outcomes += 1
            else:
                targets.append(f"q{child}")
        lines.append(
            f"  q{i}:\n    question: Question {i}, is this the right way for your business?\n"
            f"    reasoning: Because the answer to question {i} changes what you should do next.\n"
            + _citation(i, "    ")
            + "    answers:\n"
            f"      - label: Left {i}\n        next: {targets[0]}\n"
            f"        reasoning: Going left at {i} means the buyers are already there.\n"
            f"      - label: Right {i}\n        next: {targets[1]}\n"
            f"        reasoning: Going right at {i} means they are somewhere else.")
    for j in leaves:
        lines.append(f"  o{j}:\n    short_verdict: Verdict {j}\n    verdict: Verdict {j}\n"
                     f"    reasoning: Because every answer on the way to verdict {j} points here.\n"
                     + _citation(j, "    ").rstrip("\n"))
    return "\n".join(lines) + "\n"


def nodes_of(shape: dict) -> int:
    return len(shape) + sum(c is None for cs in shape.values() for c in cs)


def write_guide(folder: Path, nodes: int, spine: int = 0, search: bool = True) -> int:
    """A guide of about `nodes` nodes in `folder`; returns the exact count.

    spine=0: nodes/500 balanced trees; spine>0: one tree with that spine.
    """
    (folder / "rules").mkdir(parents=True)
    (folder / "content" / "sources").mkdir(parents=True)
    (folder / "content" / "sources" / "synthetic.txt").write_text(SOURCE, encoding="utf-8")
    (folder / "content" / "index.md").write_text("# Bench\n\nA synthetic guide.\n", encoding="utf-8")
    plugins = "plugins:\n" + ("  - search\n" if search else "") + "  - decision-guide\n"
    (folder / "mkdocs.yml").write_text(MKDOCS_COMMON + plugins, encoding="utf-8")
    total = 0
    if spine:
        shape = spine_shape(nodes // 2, spine)
        (folder / "rules" / "big.yml").write_text(tree_yaml("big", shape), encoding="utf-8")
        return nodes_of(shape)
    for t in range(max(1, nodes // TREE_SIZE)):
        shape = heap_shape(min(TREE_SIZE, nodes) // 2)
        (folder / "rules" / f"tree-{t}.yml").write_text(tree_yaml(f"tree-{t}", shape), encoding="utf-8")
        total += nodes_of(shape)
    return total


_WORDS = ("social media small business buyers time money twitter facebook linkedin post reach "
          "customers audience decision guide answer question verdict reasoning source quote").split()


def plain_markdown(size: int, seed: int) -> str:
    """Ordinary Markdown of about `size` bytes: headings, paragraphs, lists, emphasis, links."""
    parts = [f"# Page {seed}\n"]
    length = len(parts[0])
    n = seed
    while length < size:
        n += 1
        words = [_WORDS[(n * 7 + k * 3) % len(_WORDS)] for k in range(40)]
        words[5] = f"**{words[5]}**"
        words[12] = f"*{words[12]}*"
        words[20] = f"[{words[20]}](#section-{n})"
        if n % 6 == 0:
            block = f"## Section {n}\n"
        elif n % 6 == 3:
            block = "\n".join(f"- {' '.join(words[k:k + 8])}" for k in range(0, 40, 8)) + "\n"
        else:
            block = " ".join(words).capitalize() + ".\n"
        parts.append(block)
        length += len(block) + 1
    return "\n".join(parts)


def write_bare_twin(folder: Path, pages: dict[str, int], search: bool = True,
                    mkdocs_yml: Optional[str] = None) -> None:
    """A bare mkdocs-material site: the same theme settings, no decision-guide
    plugin, and one plain Markdown page per page of `pages` (path -> bytes).
    `mkdocs_yml` replaces the synthetic guide's settings (docs_dir `content`),
    for the twin of another site."""
    (folder / "content").mkdir(parents=True)
    plugins = "plugins:\n  - search\n" if search else "plugins: []\n"
    (folder / "mkdocs.yml").write_text(mkdocs_yml if mkdocs_yml is not None else MKDOCS_COMMON + plugins,
                                       encoding="utf-8")
    for i, (rel, size) in enumerate(sorted(pages.items())):
        target = folder / "content" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(plain_markdown(size, i), encoding="utf-8")
